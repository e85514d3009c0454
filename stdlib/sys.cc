// The sys module: argv, exit, modules, limits and the standard streams.
#include <unistd.h>

#include <climits>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/config.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/traceback.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

Value SysExit(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "exit", 0, 1)) return Value::Null();
  std::vector<Value> a;
  if (args.nargs == 1) a.push_back(args.argv[0]);
  RootedPtr<TupleObject> t(ts, NewTuple(ts, std::move(a)));
  DictObject* dict = NewDict(ts);
  return RaiseObject(ts, ts.interp.heap.New<ExceptionObject>(ts.interp.exc.SystemExit, dict, t.get()));
}

Value GetRecursionLimit(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "getrecursionlimit", 0, 0)) return Value::Null();
  return Value::Int(ts.interp.recursion_limit);
}

Value SetRecursionLimit(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "setrecursionlimit", 1, 1)) return Value::Null();
  if (!args.argv[0].is_int()) return RaiseTypeError(ts, "'" + TypeName(ts, args.argv[0]) + "' object cannot be interpreted as an integer");
  int64_t n = args.argv[0].as_int();
  if (n < 1) return RaiseValueError(ts, "recursion limit must be greater or equal than 1");
  if (n <= ts.depth)
    return Raise(ts, ts.interp.exc.RecursionError,
                 absl::StrCat("cannot set the recursion limit to ", n, " at the recursion depth ", ts.depth,
                              ": the limit is too low"));
  ts.interp.recursion_limit = static_cast<int>(std::min<int64_t>(n, INT_MAX));
  return Value::None();
}

// The GIL's knobs (../shared/gil-spec.md): out-of-range values raise, never clamp.
Value SetSwitchInterval(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "setswitchinterval", 1, 1)) return Value::Null();
  Value v = args.argv[0];
  if (!v.is_float() && !v.is_intlike())
    return RaiseTypeError(ts, absl::StrCat("must be real number, not ", TypeName(ts, v)));
  double seconds = v.is_float() ? v.as_float() : static_cast<double>(v.as_int());
  if (!(seconds > 0)) return RaiseValueError(ts, "switch interval must be strictly positive");
  if (seconds > 9.2e9) return RaiseOverflowError(ts, "switch interval is too large");
  ts.interp.gil.set_switch_interval_ns(std::max<int64_t>(1, static_cast<int64_t>(seconds * 1e9)));
  return Value::None();
}

Value GetSwitchInterval(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "getswitchinterval", 0, 0)) return Value::Null();
  return Value::Float(static_cast<double>(ts.interp.gil.switch_interval_ns()) / 1e9);
}

// Instructions between safe-point checks; 0 leaves only the time slice (switch interval).
Value SetCheckInterval(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "setcheckinterval", 1, 1)) return Value::Null();
  Value v = args.argv[0];
  if (!v.is_intlike())
    return RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, v), "' object cannot be interpreted as an integer"));
  if (v.as_int() < 0) return RaiseValueError(ts, "check interval must be >= 0 (0: switch on the time slice only)");
  ts.interp.gil.set_check_interval(v.as_int());
  return Value::None();
}

Value GetCheckInterval(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "getcheckinterval", 0, 0)) return Value::Null();
  return Value::Int(ts.interp.gil.check_interval());
}

// sys.exc_info(): the exception being handled, as (type, value, traceback).
Value ExcInfo(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "exc_info", 0, 0)) return Value::Null();
  Value v = ts.handled_exc;
  if (v.is_null() || v.is_none()) return Value::Obj(NewTuple(ts, {Value::None(), Value::None(), Value::None()}));
  auto* exc = As<ExceptionObject>(v);
  Value tb = exc->traceback != nullptr ? Value::Obj(exc->traceback) : Value::None();
  return Value::Obj(NewTuple(ts, {Value::Obj(exc->type), v, tb}));
}

// sys.excepthook(type, value, traceback): prints the exception and its traceback to stderr.
Value ExceptHook(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "excepthook", 3, 3)) return Value::Null();
  Value v = args.argv[1];
  if (!IsObjectOfKind(v, Kind::kException))
    return RaiseTypeError(ts, absl::StrCat("print_exception(): Exception expected for value, ", TypeName(ts, v), " found"));
  ts.interp.WriteStderr(FormatException(ts, As<ExceptionObject>(v)));
  return Value::None();
}

// sys.stdout / sys.stderr: write(str) and flush() into the interpreter's output sinks.
Value StreamWrite(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "write", 2, 2)) return Value::Null();
  if (!IsStr(args.argv[1]))
    return RaiseTypeError(ts, absl::StrCat("write() argument must be str, not ", TypeName(ts, args.argv[1])));
  Value fd = DictGetStr(As<InstanceObject>(args.argv[0])->dict, Intern(ts.interp, "_fd"));
  const StrObject* s = As<StrObject>(args.argv[1]);
  if (fd.is_int() && fd.as_int() == 2) ts.interp.WriteStderr(s->data);
  else ts.interp.WriteStdout(s->data);
  return Value::Int(s->length);
}

Value StreamFlush(ThreadState& ts, const CallArgs& args) {
  ts.interp.FlushStdout();
  return Value::None();
}

Value MakeStream(ThreadState& ts, TypeObject* type, int fd, const char* name) {
  DictObject* dict = NewDict(ts);
  InstanceObject* s = ts.interp.heap.New<InstanceObject>(type, dict);
  DictSetStr(dict, Intern(ts.interp, "_fd"), Value::Int(fd));
  DictSetStr(dict, Intern(ts.interp, "name"), NewStrValue(ts, name));
  return Value::Obj(s);
}

ModuleObject* MakeSys(ThreadState& ts) {
  Interpreter& interp = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "sys"));
  DictObject* d = m->dict;
  auto set = [&](const char* name, Value v) { DictSetStr(d, Intern(interp, name), v); };
  RootedPtr<ListObject> argv(ts, NewList(ts));
  for (const auto& a : interp.options.argv) argv->items.push_back(NewStrValue(ts, a));
  set("argv", Value::Obj(argv.get()));
  set("path", Value::Obj(NewList(ts)));
  set("modules", Value::Obj(interp.modules));
  set("maxsize", Value::Int(INT64_MAX));
  set("platform", NewStrValue(ts, "linux"));
  set("byteorder", NewStrValue(ts, "little"));
  set("version", NewStrValue(ts, absl::StrCat("3.11.7 (gilvm ", kVersion, ")")));
  set("executable", NewStrValue(ts, "gilvm"));
  AddFunctions(interp, d,
               {
                   {"exit", SysExit},
                   {"getrecursionlimit", GetRecursionLimit},
                   {"setrecursionlimit", SetRecursionLimit},
                   {"setswitchinterval", SetSwitchInterval},
                   {"getswitchinterval", GetSwitchInterval},
                   {"setcheckinterval", SetCheckInterval},
                   {"getcheckinterval", GetCheckInterval},
                   {"exc_info", ExcInfo},
                   {"excepthook", ExceptHook},
               });
  set("__excepthook__", DictGetStr(d, Intern(interp, "excepthook")));
  TypeObject* stream = NewBuiltinType(interp, "TextIOWrapper", nullptr, Kind::kInstance, "_io");
  AddMethod(interp, stream, "write", StreamWrite);
  AddMethod(interp, stream, "flush", StreamFlush);
  set("stdout", MakeStream(ts, stream, 1, "<stdout>"));
  set("stderr", MakeStream(ts, stream, 2, "<stderr>"));
  set("__stdout__", DictGetStr(d, Intern(interp, "stdout")));
  set("__stderr__", DictGetStr(d, Intern(interp, "stderr")));
  interp.sys_module = m.get();
  return m.get();
}

ModuleObject* MakeBuiltinsModule(ThreadState& ts) {
  return ts.interp.heap.New<ModuleObject>(ts.interp.types.module, ts.interp.builtins, "builtins");
}

}  // namespace

// Registers the modules this file provides (called from RegisterModules in builtins.cc).
void RegisterSysModules(Interpreter& interp) {
  interp.native_modules["sys"] = MakeSys;
  interp.native_modules["builtins"] = MakeBuiltinsModule;
}

}  // namespace gilvm::stdlib
