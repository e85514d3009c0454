// The sys module: argv, exit, modules, limits and the standard streams; version_info,
// implementation, float_info, int_info and flags (classes of stdlib/lib/_structseq.py).
//
// Notes: implementation.name is 'gilvm'; getsizeof is approximate (the object's C++ size plus
// its owned buffers, not CPython's numbers); int_info reports CPython's values, though gilvm's
// big ints use 32-bit limbs rather than CPython's 30-bit digits.
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <climits>

#include "absl/strings/str_cat.h"
#include "stdlib/io.h"
#include "stdlib/stdlib.h"
#include "vm/bigint.h"
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
#include "vm/utf8.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// sys.displayhook: what the prompt does with an expression statement's value. None shows
// nothing; anything else is written to sys.stdout as its repr and kept in builtins._.
Value DisplayHook(ThreadState& ts, const CallArgs& args) {
  if (!NoKeywords(ts, args, "displayhook") || !ArgCountBetween(ts, args, "displayhook", 1, 1)) return Value::Null();
  Value v = args.argv[0];
  if (v.is_none()) return Value::None();
  Interpreter& interp = ts.interp;
  StrObject* underscore = Intern(interp, "_");
  // Cleared first, as CPython does, so that repr() sees no stale `_`.
  DictSetStr(interp.builtins, underscore, Value::None());
  std::string text;
  if (!ReprString(ts, v, &text)) return Value::Null();
  Value out = DictGetStr(interp.sys_module->dict, Intern(interp, "stdout"));
  if (out.is_null() || out.is_none()) return Raise(ts, interp.exc.RuntimeError, "lost sys.stdout");
  if (!WriteText(ts, out, {text, "\n"})) return Value::Null();
  DictSetStr(interp.builtins, underscore, v);
  return Value::None();
}

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

Value GetIntMaxStrDigits(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "get_int_max_str_digits", 0, 0)) return Value::Null();
  return Value::Int(ts.interp.int_max_str_digits);
}

// set_int_max_str_digits(maxdigits): 0 lifts the limit; below 640 is refused.
Value SetIntMaxStrDigits(ThreadState& ts, const CallArgs& args) {
  Value v;
  if (!ParseArgs(ts, args, Params{"set_int_max_str_digits", {"maxdigits"}, 1}, &v)) return Value::Null();
  int64_t n;
  if (IsBigInt(v)) return RaiseOverflowError(ts, "Python int too large to convert to C int");
  if (!ToIndex(ts, v, &n)) return Value::Null();
  if (n != 0 && n < 640) return RaiseValueError(ts, "maxdigits must be 0 or larger than 640");
  ts.interp.int_max_str_digits = n;
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
  ts.interp.WriteSysStderr(ts, FormatException(ts, As<ExceptionObject>(v)));
  return Value::None();
}

// The absolute path of the running binary (CPython's sys.executable is its own), so a script can
// start another gilvm; "gilvm" if /proc is not mounted.
std::string ExecutablePath() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf);
  if (n <= 0 || static_cast<size_t>(n) >= sizeof buf) return "gilvm";
  return std::string(buf, static_cast<size_t>(n));
}

// What CPython 3.11 reports for a str with this text: a compact object whose code units are one,
// two or four bytes wide, as the widest code point needs, plus a terminating unit.
int64_t StrSizeOf(const StrObject* s) {
  if (s->ascii()) return 49 + s->length();
  std::string_view text = s->view();
  uint32_t widest = 0;
  for (size_t i = 0; i < text.size();) widest = std::max(widest, DecodeUtf8(text, &i));
  if (widest <= 0xFF) return 73 + s->length();
  if (widest <= 0xFFFF) return 74 + 2 * s->length();
  return 76 + 4 * s->length();
}

Value GetSizeOf(ThreadState& ts, const CallArgs& args) {
  Value v[2];
  if (!ParseArgs(ts, args, Params{"getsizeof", {"object", "default"}, 1}, v)) return Value::Null();
  Value o = v[0];
  if (o.is_float()) return Value::Int(24);
  if (o.is_intlike()) return Value::Int(28);
  if (!o.is_object()) return Value::Int(16);
  if (IsStr(o)) return Value::Int(StrSizeOf(As<StrObject>(o)));
  // Approximate: a header, plus what the object owns outside its C++ struct.
  return Value::Int(static_cast<int64_t>(48 + o.as_object()->ExtraBytes()));
}

Value InternFn(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "intern", 1, 1)) return Value::Null();
  if (!IsStr(args.argv[0]))
    return RaiseTypeError(ts, absl::StrCat("intern() argument must be str, not ", TypeName(ts, args.argv[0])));
  return Value::Obj(Intern(ts.interp, As<StrObject>(args.argv[0])->view()));
}

Value GetDefaultEncoding(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "sys.getdefaultencoding", 0, 0)) return Value::Null();
  return NewStrValue(ts, "utf-8");
}

Value GetFilesystemEncoding(ThreadState& ts, const CallArgs& args) {
  if (!ArgCountBetween(ts, args, "sys.getfilesystemencoding", 0, 0)) return Value::Null();
  return NewStrValue(ts, "utf-8");
}

// cls(tuple of `vals`) for a class of the frozen _structseq module; Null with an exception.
Value MakeStructSeq(ThreadState& ts, Value mod, const char* cls_name, std::vector<Value> vals) {
  Root cls(ts, GetAttr(ts, mod, Intern(ts.interp, cls_name)));
  if (cls.get().is_null()) return Value::Null();
  Root tuple(ts, Value::Obj(NewTuple(ts, std::move(vals))));
  Value argv[1] = {tuple.get()};
  return Call(ts, cls.get(), argv, 1);
}

// version_info, implementation, float_info, int_info, flags; false with an exception pending.
bool AddInfo(ThreadState& ts, DictObject* d) {
  Interpreter& interp = ts.interp;
  // Callers pass rooted values: Intern may allocate.
  auto set = [&](const char* name, Value v) { DictSetStr(d, Intern(interp, name), v); };
  ModuleObject* m = interp.ImportFrozen(ts, Intern(interp, "_structseq"));
  if (m == nullptr) return false;
  Root mod(ts, Value::Obj(m));
  Root final_s(ts, NewStrValue(ts, "final"));
  Root vi(ts, MakeStructSeq(ts, mod.get(), "version_info",
                            {Value::Int(3), Value::Int(11), Value::Int(7), final_s.get(), Value::Int(0)}));
  if (vi.get().is_null()) return false;
  set("version_info", vi.get());
  constexpr int64_t kHex = 0x030B07F0;
  set("hexversion", Value::Int(kHex));
  Root impl_cls(ts, GetAttr(ts, mod.get(), Intern(interp, "_Implementation")));
  if (impl_cls.get().is_null()) return false;
  Root name(ts, NewStrValue(ts, "gilvm"));
  Root tag(ts, NewStrValue(ts, "gilvm-311"));
  Value iargs[4] = {name.get(), vi.get(), Value::Int(kHex), tag.get()};
  Root impl(ts, Call(ts, impl_cls.get(), iargs, 4));
  if (impl.get().is_null()) return false;
  set("implementation", impl.get());
  Root fi(ts, MakeStructSeq(ts, mod.get(), "float_info",
                           {Value::Float(DBL_MAX), Value::Int(DBL_MAX_EXP), Value::Int(DBL_MAX_10_EXP),
                            Value::Float(DBL_MIN), Value::Int(DBL_MIN_EXP), Value::Int(DBL_MIN_10_EXP),
                            Value::Int(DBL_DIG), Value::Int(DBL_MANT_DIG), Value::Float(DBL_EPSILON),
                            Value::Int(FLT_RADIX), Value::Int(1)}));
  if (fi.get().is_null()) return false;
  set("float_info", fi.get());
  Root ii(ts, MakeStructSeq(ts, mod.get(), "int_info", {Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)}));
  if (ii.get().is_null()) return false;
  set("int_info", ii.get());
  std::vector<Value> flags(18, Value::Int(0));
  flags[11] = Value::Int(1);       // hash_randomization
  flags[13] = Value::Bool(false);  // dev_mode
  flags[16] = Value::Bool(false);  // safe_path
  flags[17] = Value::Int(-1);      // int_max_str_digits
  Root fl(ts, MakeStructSeq(ts, mod.get(), "flags", std::move(flags)));
  if (fl.get().is_null()) return false;
  set("flags", fl.get());
  return true;
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
  set("executable", NewStrValue(ts, ExecutablePath()));
  AddFunctions(interp, d,
               {
                   {"displayhook", DisplayHook},
                   {"exit", SysExit},
                   {"getrecursionlimit", GetRecursionLimit},
                   {"get_int_max_str_digits", GetIntMaxStrDigits},
                   {"set_int_max_str_digits", SetIntMaxStrDigits},
                   {"setrecursionlimit", SetRecursionLimit},
                   {"setswitchinterval", SetSwitchInterval},
                   {"getswitchinterval", GetSwitchInterval},
                   {"setcheckinterval", SetCheckInterval},
                   {"getcheckinterval", GetCheckInterval},
                   {"exc_info", ExcInfo},
                   {"excepthook", ExceptHook},
                   {"getsizeof", GetSizeOf},
                   {"intern", InternFn},
                   {"getdefaultencoding", GetDefaultEncoding},
                   {"getfilesystemencoding", GetFilesystemEncoding},
               });
  set("__excepthook__", DictGetStr(d, Intern(interp, "excepthook")));
  set("__displayhook__", DictGetStr(d, Intern(interp, "displayhook")));
  static constexpr const char* kStreams[][2] = {{"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
  for (int fd = 0; fd < 3; ++fd) {
    set(kStreams[fd][0], NewStdStream(ts, fd));
    set(kStreams[fd][1], DictGetStr(d, Intern(interp, kStreams[fd][0])));
  }
  interp.sys_module = m.get();
  return m.get();
}

ModuleObject* MakeBuiltinsModule(ThreadState& ts) {
  return ts.interp.heap.New<ModuleObject>(ts.interp.types.module, ts.interp.builtins, "builtins");
}

}  // namespace

// Runs Python (the frozen _structseq module), so it cannot run while the interpreter boots
// (running code then upsets the main thread's later lock hand-offs); RunMain calls it first.
bool FinishSysModule(ThreadState& ts) {
  if (ts.interp.sys_module == nullptr) return true;
  DictObject* d = ts.interp.sys_module->dict;
  if (!DictGetStr(d, Intern(ts.interp, "version_info")).is_null()) return true;  // a second RunMain
  return AddInfo(ts, ts.interp.sys_module->dict);
}

// Registers the modules this file provides (called from RegisterModules in builtins.cc).
void RegisterSysModules(Interpreter& interp) {
  interp.native_modules["sys"] = MakeSys;
  interp.native_modules["builtins"] = MakeBuiltinsModule;
}

}  // namespace gilvm::stdlib
