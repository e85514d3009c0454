// eval(), exec(), compile(), globals() and locals() (see vm/exec.h).
#include "vm/exec.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "compiler/compiler.h"
#include "vm/bytes.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

// compile()'s flag asking for an AST, which gilvm cannot produce.
constexpr int64_t kOnlyAst = 0x400;

// The source text of a str or bytes argument; false (nothing raised) for any other type.
bool SourceText(Value v, std::string* out) {
  if (IsStr(v)) {
    *out = As<StrObject>(v)->view();
    return true;
  }
  if (IsObjectOfKind(v, Kind::kBytes) || IsObjectOfKind(v, Kind::kByteArray)) {
    const auto& bytes = As<BytesObject>(v)->data;
    out->assign(bytes.begin(), bytes.end());
    return true;
  }
  return false;
}

// eval() parses its source as it is, without the newline a file ends with, so a SyntaxError's
// text from a source without one has none either.
void DropTextNewline(ThreadState& ts, const std::string& source) {
  if (ts.exc == nullptr || !ts.exc->type->IsSubtypeOf(ts.interp.exc.SyntaxError) || source.ends_with('\n')) return;
  StrObject* key = Intern(ts.interp, "text");
  Value text = DictGetStr(ts.exc->dict, key);
  if (!IsStr(text) || !As<StrObject>(text)->view().ends_with('\n')) return;
  const std::string& t = As<StrObject>(text)->str();
  if (source.find('\n') != std::string::npos && !source.ends_with(t.substr(0, t.size() - 1))) return;
  DictSetStr(ts.exc->dict, key, NewStrValue(ts, t.substr(0, t.size() - 1)));
}

// Compiles `source` or raises SyntaxError("source code string cannot contain null bytes").
CodeObject* CompileText(ThreadState& ts, const std::string& source, std::string_view filename, compiler::ParseMode mode) {
  if (source.find('\0') != std::string::npos) {
    Raise(ts, ts.interp.exc.SyntaxError, "source code string cannot contain null bytes");
    return nullptr;
  }
  CodeObject* code = compiler::CompileSource(ts, source, filename, mode);
  if (code == nullptr && mode == compiler::ParseMode::kEval) DropTextNewline(ts, source);
  return code;
}

Frame* CallerFrame(ThreadState& ts) { return ts.frame; }


// The globals and locals eval/exec run in, from their arguments (None or missing: the
// caller's), with __builtins__ added to globals when missing, as CPython does.
bool Namespaces(ThreadState& ts, const char* fn, Value g, Value l, Root& globals, Root& locals) {
  bool is_exec = std::string_view(fn) == "exec";
  if (g.is_null()) g = Value::None();
  if (l.is_null()) l = Value::None();
  if (!g.is_none() && !IsDict(g)) {
    if (is_exec) RaiseTypeError(ts, absl::StrCat("exec() globals must be a dict, not ", TypeName(ts, g)));
    else if (!LookupInType(TypeOf(ts.interp, g), ts.interp.names.__getitem__).is_null())
      RaiseTypeError(ts, "globals must be a real dict; try eval(expr, {}, mapping)");
    else RaiseTypeError(ts, "globals must be a dict");
    return false;
  }
  if (!l.is_none() && !IsDict(l)) {
    if (LookupInType(TypeOf(ts.interp, l), ts.interp.names.__getitem__).is_null()) {
      RaiseTypeError(ts, is_exec ? absl::StrCat("locals must be a mapping or None, not ", TypeName(ts, l)) : "locals must be a mapping");
    } else {
      Raise(ts, ts.interp.exc.NotImplementedError,
            absl::StrCat(fn, "() with a locals mapping that is not a dict is not supported by gilvm"));
    }
    return false;
  }
  Frame* caller = CallerFrame(ts);
  if (g.is_none()) {
    if (caller == nullptr) {
      RaiseTypeError(ts, absl::StrCat(fn, "() needs globals when no Python frame is running"));
      return false;
    }
    globals.set(Value::Obj(caller->globals));
    if (l.is_none()) {
      Value snapshot = FrameLocals(ts);
      if (snapshot.is_null()) return false;
      l = snapshot;
    }
  } else {
    globals.set(g);
    if (l.is_none()) l = g;
  }
  locals.set(l);
  DictObject* gd = globals.as<DictObject>();
  if (DictGetStr(gd, ts.interp.names.__builtins__).is_null())
    DictSetStr(gd, ts.interp.names.__builtins__, Value::Obj(ts.interp.builtins));
  return true;
}

// EvalCode, except that the body's builtins are globals["__builtins__"] (a dict, or a module's
// dict) as in CPython, so exec(src, {"__builtins__": {...}}) restricts what the code sees.
Value RunWithBuiltins(ThreadState& ts, CodeObject* code, DictObject* globals, DictObject* locals) {
  Value b = DictGetStr(globals, ts.interp.names.__builtins__);
  DictObject* builtins = ts.interp.builtins;
  if (IsDict(b)) builtins = As<DictObject>(b);
  else if (IsObjectOfKind(b, Kind::kModule)) builtins = As<ModuleObject>(b)->dict;
  Frame* f = ts.PushFrame(code, nullptr, globals, locals);
  if (f == nullptr) return Value::Null();
  f->builtins = builtins;
  f->is_entry = true;
  return Eval(ts, f);
}

// The shared body of eval and exec: `mode` is how a str source is compiled.
Value RunDynamic(ThreadState& ts, const CallArgs& a, const char* fn, compiler::ParseMode mode) {
  Value source = a.argv[0];
  Root globals(ts), locals(ts);
  if (!Namespaces(ts, fn, a.nargs > 1 ? a.argv[1] : Value::Null(), a.nargs > 2 ? a.argv[2] : Value::Null(), globals, locals))
    return Value::Null();
  Root code(ts);
  if (IsObjectOfKind(source, Kind::kCode)) {
    code.set(source);
  } else {
    std::string text;
    if (!SourceText(source, &text))
      return RaiseTypeError(ts, absl::StrCat(fn, "() arg 1 must be a string, bytes or code object"));
    // eval() ignores leading blanks, so that an indented expression still parses.
    if (mode == compiler::ParseMode::kEval) text.erase(0, text.find_first_not_of(" \t"));
    CodeObject* c = CompileText(ts, text, "<string>", mode);
    if (c == nullptr) return Value::Null();
    code.set(Value::Obj(c));
  }
  CodeObject* c = code.as<CodeObject>();
  if (!c->freevars.empty())
    return RaiseTypeError(ts, absl::StrCat("code object passed to ", fn, "() may not contain free variables"));
  return RunWithBuiltins(ts, c, globals.as<DictObject>(), locals.as<DictObject>());
}

Value EvalFn(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "eval") || !ArgCountBetween(ts, a, "eval", 1, 3)) return Value::Null();
  return RunDynamic(ts, a, "eval", compiler::ParseMode::kEval);
}

Value ExecFn(ThreadState& ts, const CallArgs& a) {
  size_t nkw = a.nkw();
  for (size_t i = 0; i < nkw; ++i) {
    const std::string& kw = As<StrObject>(a.kwnames->items[i])->str();
    if (kw != "closure")
      return RaiseTypeError(ts, absl::StrCat("exec() got an unexpected keyword argument '", kw, "'"));
    if (!a.kwvalue(i).is_none())
      return Raise(ts, ts.interp.exc.NotImplementedError, "exec() with a closure is not supported by gilvm");
  }
  if (a.nargs < 1 || a.nargs > 3) {
    return RaiseTypeError(ts, a.nargs < 1 ? absl::StrCat("exec() takes at least 1 positional argument (", a.nargs, " given)")
                                          : absl::StrCat("exec() takes at most 3 positional arguments (", a.nargs, " given)"));
  }
  CallArgs positional{a.argv, a.nargs, nullptr};
  Value r = RunDynamic(ts, positional, "exec", compiler::ParseMode::kFile);
  return r.is_null() ? r : Value::None();
}

bool ParseMode(ThreadState& ts, Value v, compiler::ParseMode* mode) {
  if (!IsStr(v)) {
    RaiseTypeError(ts, absl::StrCat("compile() argument 'mode' must be str, not ", TypeName(ts, v)));
    return false;
  }
  const std::string& m = As<StrObject>(v)->str();
  if (m == "exec") *mode = compiler::ParseMode::kFile;
  else if (m == "eval") *mode = compiler::ParseMode::kEval;
  else if (m == "single") *mode = compiler::ParseMode::kSingle;
  else {
    RaiseValueError(ts, "compile() mode must be 'exec', 'eval' or 'single'");
    return false;
  }
  return true;
}

Value CompileFn(ThreadState& ts, const CallArgs& a) {
  Value args[6];
  if (!ParseArgs(ts, a, Params{"compile", {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3}, args))
    return Value::Null();
  std::string filename;
  if (IsStr(args[1])) filename = As<StrObject>(args[1])->view();
  else if (!SourceText(args[1], &filename))
    return RaiseTypeError(ts, absl::StrCat("expected str, bytes or os.PathLike object, not ", TypeName(ts, args[1])));
  compiler::ParseMode mode;
  if (!ParseMode(ts, args[2], &mode)) return Value::Null();
  int64_t flags = 0;
  if (!args[3].is_null() && !ToIndex(ts, args[3], &flags)) return Value::Null();
  if (flags & kOnlyAst) return Raise(ts, ts.interp.exc.NotImplementedError, "compile() to an AST is not supported by gilvm");
  std::string text;
  if (!SourceText(args[0], &text)) return RaiseTypeError(ts, "compile() arg 1 must be a string, bytes or AST object");
  CodeObject* code = CompileText(ts, text, filename, mode);
  return code == nullptr ? Value::Null() : Value::Obj(code);
}

Value GlobalsFn(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "globals")) return Value::Null();
  if (a.nargs != 0) return RaiseTypeError(ts, absl::StrCat("globals() takes no arguments (", a.nargs, " given)"));
  Frame* f = CallerFrame(ts);
  return f == nullptr ? Value::Obj(NewDict(ts)) : Value::Obj(f->globals);
}

Value LocalsFn(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "locals")) return Value::Null();
  if (a.nargs != 0) return RaiseTypeError(ts, absl::StrCat("locals() takes no arguments (", a.nargs, " given)"));
  return FrameLocals(ts);
}

// Stores `v` under `name` in `d`, or removes `name` when `v` is Null (an unbound local).
void SyncName(DictObject* d, StrObject* name, Value v) {
  if (v.is_null()) DictDelStr(d, name);
  else DictSetStr(d, name, v);
}

Value BreakpointFn(ThreadState& ts, const CallArgs& a) {
  return Raise(ts, ts.interp.exc.NotImplementedError, "breakpoint() is not supported by gilvm (it has no debugger)");
}

}  // namespace

Value FrameLocals(ThreadState& ts) {
  Frame* f = CallerFrame(ts);
  if (f == nullptr) return Value::Obj(NewDict(ts));
  bool function = (f->code->flags & kCodeModule) == 0;
  if (!function) return Value::Obj(f->locals);
  // A function frame keeps one dict, refreshed at every call as CPython's f_locals is: names
  // exec() added stay, locals that became unbound leave. Function code never reads it.
  if (f->locals == nullptr) f->locals = NewDict(ts);
  DictObject* d = f->locals;
  const CodeObject* code = f->code;
  size_t nvars = code->varnames.size();
  for (size_t i = 0; i < nvars; ++i) SyncName(d, code->varnames[i], f->localsplus[i]);
  // Cells and free variables hold their value in a cell object.
  size_t ncells = code->cellvars.size(), nfree = code->freevars.size();
  for (size_t j = 0; j < ncells + nfree; ++j) {
    Value cell = f->localsplus[nvars + j];
    StrObject* name = j < ncells ? code->cellvars[j] : code->freevars[j - ncells];
    SyncName(d, name, IsObjectOfKind(cell, Kind::kCell) ? As<CellObject>(cell)->value : Value::Null());
  }
  return Value::Obj(d);
}

void InitDynamicCode(Interpreter& in) {
  AddFunctions(in, in.builtins,
               {{"eval", EvalFn}, {"exec", ExecFn}, {"compile", CompileFn}, {"globals", GlobalsFn}, {"locals", LocalsFn},
                {"breakpoint", BreakpointFn}});
}

}  // namespace gilvm::vm
