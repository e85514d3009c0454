// The _warnings module, under stdlib/lib/warnings.py: where a warning points. `_caller(n)` looks
// n frames up from the Python function that called it (n=1: that function's caller, which is
// what warn()'s stacklevel=1 means once warn() itself is the caller) and answers
// (filename, lineno, module name, module globals, source line or '').
//
// Invariants: reads frames only (never resumes or changes them); a level beyond the outermost
// frame answers as CPython does, with the `sys` module's name and globals at line 1.
#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/frame.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

Value Caller(ThreadState& ts, const CallArgs& a) {
  int64_t level = 1;
  if (!ArgCountBetween(ts, a, "_caller", 1, 1) || !ToIndex(ts, a.argv[0], &level)) return Value::Null();
  Frame* f = ts.frame;
  for (int64_t i = 0; f != nullptr && i < level; ++i) f = f->back;
  Interpreter& in = ts.interp;
  if (f == nullptr) {
    Value sys = DictGetStr(in.modules, Intern(in, "sys"));
    Value globals = IsObjectOfKind(sys, Kind::kModule) ? Value::Obj(As<ModuleObject>(sys)->dict) : Value::None();
    RootedPtr<StrObject> name(ts, NewStr(ts, "sys"));
    RootedPtr<StrObject> empty(ts, NewStr(ts, ""));
    return Value::Obj(NewTuple(ts, {Value::Obj(name.get()), Value::Int(1), Value::Obj(name.get()), globals,
                                    Value::Obj(empty.get())}));
  }
  int instr = f->instr();
  int line = instr >= 0 && static_cast<size_t>(instr) < f->code->positions.size() ? f->code->positions[instr].line
                                                                                  : f->code->firstlineno;
  Value module = DictGetStr(f->globals, in.names.__name__);
  RootedPtr<StrObject> filename(ts, NewStr(ts, f->code->filename));
  std::string_view text = in.SourceLine(f->code->filename, line);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.remove_suffix(1);
  RootedPtr<StrObject> source(ts, NewStr(ts, text));
  return Value::Obj(NewTuple(ts, {Value::Obj(filename.get()), Value::Int(line), module.is_null() ? Value::None() : module,
                                  Value::Obj(f->globals), Value::Obj(source.get())}));
}

ModuleObject* MakeWarningsModule(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_warnings"));
  AddFunctions(ts.interp, m->dict, {{"_caller", Caller}});
  return m.get();
}

}  // namespace

void RegisterWarningsModule(Interpreter& in) { in.native_modules["_warnings"] = MakeWarningsModule; }

}  // namespace gilvm::stdlib
