#include "vm/interpreter.h"

#include <pthread.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "compiler/compiler.h"
#include "stdlib/stdlib.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/float.h"
#include "vm/format.h"
#include "vm/exec.h"
#include "vm/function.h"
#include "vm/generator.h"
#include "vm/import.h"
#include "vm/instance.h"
#include "vm/int.h"
#include "vm/iterators.h"
#include "vm/list.h"
#include "vm/lock.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/range.h"
#include "vm/set.h"
#include "vm/slice.h"
#include "vm/str.h"
#include "vm/traceback.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

// NotImplemented and Ellipsis.
struct SingletonObject : Object {
  SingletonObject(TypeObject* t, std::string name) : Object(t, Kind::kSingleton), name(std::move(name)) {}
  std::string name;
};

Value SingletonRepr(ThreadState& ts, const CallArgs& args) {
  return NewStrValue(ts, static_cast<SingletonObject*>(args.argv[0].as_object())->name);
}

void WriteFd(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = write(fd, s.data(), s.size());
    if (n <= 0) return;  // nowhere to report a failing stdout/stderr
    s.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

void TypeObject::Trace(Tracer& t) {
  t.Visit(type);  // a user metaclass (vm/function.cc, BuildClass) lives as long as its classes
  t.Visit(base);
  t.Visit(dict);
  for (TypeObject* m : mro) t.Visit(m);
  for (TypeObject* b : bases) t.Visit(b);
  for (StrObject* n : attr_names) t.Visit(n);
  // lookup_cache is not traced: an entry is read only while `version` and the epoch are what
  // they were when it was made, and then the dicts along the MRO still hold its value.
}

TypeObject* NewBuiltinType(Interpreter& interp, std::string name, TypeObject* base, Kind instance_kind,
                           std::string module) {
  TypeObject* t = interp.heap.New<TypeObject>(interp.types.type, std::move(name), instance_kind);
  // Rooted before its dict is allocated: a type created after bootstrap (a native module's,
  // on first import) would otherwise be collected by that allocation.
  interp.extra_types.push_back(t);
  t->qualname = t->name;
  t->module = std::move(module);
  t->is_builtin = true;
  t->base = base != nullptr ? base : interp.types.object;
  t->mro.push_back(t);
  if (t->base != nullptr && t->base != t)
    for (TypeObject* m : t->base->mro) t->mro.push_back(m);
  t->dict = interp.heap.New<DictObject>(interp.types.dict);
  t->epoch = &interp.type_epoch;
  return t;
}

Interpreter::Interpreter(InterpreterOptions opts) : options(std::move(opts)) {
  recursion_limit = options.recursion_limit;
  gil.set_check_interval(options.check_interval);
  gil.set_switch_interval_ns(options.switch_interval_ns);
  gil.set_policy(options.policy);
  threads_.push_back(std::make_unique<ThreadState>(*this));
  main_ = threads_.front().get();
  stdout_is_tty_ = isatty(1) != 0;
  main_thread().ident = static_cast<uint64_t>(pthread_self());
  main_thread().native_id = static_cast<uint64_t>(gettid());
  main_thread().is_main = true;
  gil.Describe(main_thread().gil_slot, "MainThread", main_thread().ident, main_thread().native_id);
  const char* stress = std::getenv("GILVM_GC_STRESS");
  if (options.gc_stress || (stress != nullptr && std::string_view(stress) == "1")) heap.set_stress(true);
  heap.set_enabled(false);  // types and dicts are half-built until the end of the constructor
  // The creating thread holds the GIL from here until the interpreter is destroyed.
  gil.Acquire(main_thread().gil_slot);
  CreateTypes();
  heap.set_enabled(true);
  heap.set_limit(options.max_heap_bytes);  // after start-up: the built-in world is never refused
}

Interpreter::~Interpreter() {
  FlushStdout();
  ThreadState& me = main_thread();
  if (threads_.size() > 1) {
    // Threads still running (daemons, or _thread ones nobody joined) never run again: each one
    // parks for good as soon as it wants the GIL, and a blocked one is woken to get there.
    gil.Close();
    for (auto& t : threads_)
      if (t.get() != &me) t->Wake();
    gil.WaitParked(threads_.size() - 1);
  }
  me.CountInstructions();
  gil.Release(me.gil_slot, GilReleaseReason::kExit);
  threads_.clear();
}

void Interpreter::AddThread(std::unique_ptr<ThreadState> ts) { threads_.push_back(std::move(ts)); }

std::unique_ptr<ThreadState> Interpreter::RemoveThread(ThreadState* ts) {
  for (auto it = threads_.begin(); it != threads_.end(); ++it) {
    if (it->get() != ts) continue;
    std::unique_ptr<ThreadState> owned = std::move(*it);
    threads_.erase(it);
    return owned;
  }
  return nullptr;
}

void Interpreter::CreateTypes() {
  // `type` and `object` refer to each other; build them by hand first.
  types.type = heap.New<TypeObject>(nullptr, "type", Kind::kType);
  types.type->type = types.type;
  types.object = heap.New<TypeObject>(types.type, "object", Kind::kInstance);
  types.object->instances_have_dict = false;  // object().x = 1 is an AttributeError, as in CPython
  types.dict = heap.New<TypeObject>(types.type, "dict", Kind::kDict);
  for (TypeObject* t : {types.object, types.type, types.dict}) {
    t->qualname = t->name;
    t->module = "builtins";
    t->is_builtin = true;
    t->mro.push_back(t);
    if (t != types.object) {
      t->base = types.object;
      t->mro.push_back(types.object);
    }
    t->dict = heap.New<DictObject>(types.dict);
    t->epoch = &type_epoch;
    extra_types.push_back(t);
  }

  auto make = [this](const char* name, Kind kind, TypeObject* base = nullptr) {
    return NewBuiltinType(*this, name, base, kind);
  };
  types.str = make("str", Kind::kStr);
  // Intern the hot names now that str exists.
#define GILVM_INTERN_NAME(field, text) names.field = Intern(*this, text);
  GILVM_NAMES(GILVM_INTERN_NAME)
#undef GILVM_INTERN_NAME

  types.none = make("NoneType", Kind::kSingleton);
  types.int_ = make("int", Kind::kBigInt);
  types.bool_ = make("bool", Kind::kBigInt, types.int_);
  types.bool_->subclassable = false;
  types.float_ = make("float", Kind::kInstance);
  types.bytes = make("bytes", Kind::kBytes);
  types.bytearray = make("bytearray", Kind::kByteArray);
  types.tuple = make("tuple", Kind::kTuple);
  types.list = make("list", Kind::kList);
  types.set = make("set", Kind::kSet);
  types.frozenset = make("frozenset", Kind::kSet);
  types.range = make("range", Kind::kRange);
  types.range->subclassable = false;
  types.slice = make("slice", Kind::kSlice);
  types.slice->subclassable = false;
  types.function = make("function", Kind::kFunction);
  types.function->subclassable = false;
  types.builtin_function = make("builtin_function_or_method", Kind::kNative);
  types.builtin_function->subclassable = false;
  types.method = make("method", Kind::kBoundMethod);
  types.method->subclassable = false;
  types.staticmethod = make("staticmethod", Kind::kStaticMethod);
  types.classmethod = make("classmethod", Kind::kClassMethod);
  types.property = make("property", Kind::kProperty);
  types.code = make("code", Kind::kCode);
  types.cell = make("cell", Kind::kCell);
  types.module = make("module", Kind::kModule);
  types.traceback = make("traceback", Kind::kTraceback);
  types.iterator = make("iterator", Kind::kIterator);
  types.not_implemented = make("NotImplementedType", Kind::kSingleton);
  types.ellipsis = make("ellipsis", Kind::kSingleton);
  types.super = make("super", Kind::kSuper);
  types.bigint = types.int_;
  for (TypeObject* t : {types.none, types.not_implemented, types.ellipsis}) t->subclassable = false;

  // BaseException derives from object; every other exception from its listed base.
  exc.BaseException = make("BaseException", Kind::kException);
#define GILVM_MAKE_EXC(name, base_name) \
  if (exc.name == nullptr) exc.name = make(#name, Kind::kException, exc.base_name);
  GILVM_EXCEPTION_TYPES(GILVM_MAKE_EXC)
#undef GILVM_MAKE_EXC

  not_implemented = Value::Obj(heap.New<SingletonObject>(types.not_implemented, "NotImplemented"));
  ellipsis = Value::Obj(heap.New<SingletonObject>(types.ellipsis, "Ellipsis"));
  AddMethod(*this, types.not_implemented, "__repr__", SingletonRepr);
  AddMethod(*this, types.ellipsis, "__repr__", SingletonRepr);

  builtins = heap.New<DictObject>(types.dict);
  modules = heap.New<DictObject>(types.dict);

  InitStrType(*this);
  InitBytesTypes(*this);
  InitIntType(*this);
  InitBoolType(*this);
  InitFloatType(*this);
  InitTupleType(*this);
  InitListType(*this);
  InitDictType(*this);
  InitRangeType(*this);
  InitSliceType(*this);
  InitIteratorTypes(*this);
  InitSetTypes(*this);
  InitExceptionTypes(*this);
  InitFunctionTypes(*this);
  InitLockTypes(*this);
  InitGeneratorType(*this);
  stdlib::InitBuiltins(*this);
  InitImportSystem(*this);
  InitDynamicCode(*this);
  InitFormat(*this);
  stdlib::RegisterModules(*this);
  stdlib::RegisterSysModules(*this);
  // sys and builtins exist from the start, as in CPython.
  for (const char* name : {"builtins", "sys"}) {
    ModuleObject* m = native_modules[name](main_thread());
    DictSetStr(modules, Intern(*this, name), Value::Obj(m));
  }
}

void Interpreter::Trace(Tracer& tracer) {
  for (TypeObject* t : extra_types) tracer.Visit(t);
#define GILVM_TRACE_EXC(name, base) tracer.Visit(exc.name);
  GILVM_EXCEPTION_TYPES(GILVM_TRACE_EXC)
#undef GILVM_TRACE_EXC
  for (auto& [text, s] : interned) tracer.Visit(s);
  tracer.Visit(not_implemented);
  tracer.Visit(ellipsis);
  tracer.Visit(builtins);
  tracer.Visit(modules);
  tracer.Visit(sys_module);
  for (auto& [name, m] : host_modules) tracer.Visit(m);
  tracer.Visit(limits.exc_type);
  if (host_roots != nullptr) host_roots->Trace(tracer);
  for (auto& t : threads_) t->Trace(tracer);
}

int Interpreter::RunMain(std::string_view source, std::string_view filename, const InteractiveSession& interactive) {
  ThreadState& ts = main_thread();
  if (!filename.starts_with("<")) RememberSource(std::string(filename), source);
  int status = 0;
  try {
    // sys's attributes that Python code builds; interrupts wait for the script (see
    // ThreadState::defer_interrupts).
    ts.defer_interrupts = true;
    bool sys_ready = stdlib::FinishSysModule(ts);
    InitSysPath(ts, filename);
    ts.defer_interrupts = false;
    status = sys_ready ? RunMainModule(ts, source, filename, interactive != nullptr) : HandleUncaughtException(ts);
    if (sys_ready && interactive) {
      // Each name is interned (which may collect) before its value is made.
      for (auto [name, prompt] : {std::pair{"ps1", ">>> "}, {"ps2", "... "}}) {
        StrObject* key = Intern(*this, name);
        DictSetStr(sys_module->dict, key, NewStrValue(ts, prompt));
      }
      FlushStdout();
      status = interactive(ts);
    }
    status = WaitForThreads(ts, status);
  } catch (const std::bad_alloc&) {
    ts.exc = nullptr;
    Heap::LimitExemption exempt(heap);  // printing the traceback must not fail in turn
    RaiseMemoryError(ts);
    status = HandleUncaughtException(ts);
  }
  FlushStdout();
  return status;
}

void Interpreter::WriteStdout(std::string_view s) {
  if (options.write_stdout) {
    options.write_stdout(s);
    return;
  }
  stdout_buffer_.append(s);
  if (stdout_buffer_.size() >= 8192 || (stdout_is_tty_ && s.find('\n') != std::string_view::npos)) FlushStdout();
}

void Interpreter::WriteStderr(std::string_view s) {
  FlushStdout();
  if (options.write_stderr) {
    options.write_stderr(s);
    return;
  }
  WriteFd(2, s);
}

void Interpreter::FlushStdout() {
  if (stdout_buffer_.empty()) return;
  WriteFd(1, stdout_buffer_);
  stdout_buffer_.clear();
}

void Interpreter::RememberSource(std::string filename, std::string_view source) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < source.size()) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) nl = source.size();
    lines.emplace_back(source.substr(start, nl - start));
    start = nl + 1;
  }
  sources_[std::move(filename)] = std::move(lines);
}

std::string_view Interpreter::SourceLine(const std::string& filename, int line) const {
  auto it = sources_.find(filename);
  if (it == sources_.end() || line < 1 || static_cast<size_t>(line) > it->second.size()) return {};
  return it->second[line - 1];
}

}  // namespace gilvm::vm

namespace gilvm::vm {

int Interpreter::RunMainModule(ThreadState& ts, std::string_view source, std::string_view filename, bool inspect) {
  bool has_file = filename != "<string>" && filename != "<stdin>";
  DictObject* globals = NewSourceModule(ts, names.__main__, has_file ? filename : std::string_view())->dict;
  AddMainModuleAttributes(ts, globals, has_file ? filename : std::string_view());
  CodeObject* code = compiler::CompileSource(ts, source, filename, compiler::ParseMode::kFile);
  Value r = Value::Null();
  if (code != nullptr) {
    Root code_root(ts, Value::Obj(code));
    r = EvalCode(ts, code, globals, globals);
  }
  if (!r.is_null()) return 0;
  if (!inspect) return HandleUncaughtException(ts);
  ReportInteractiveException(ts);
  return 1;
}

Interpreter::Interactive Interpreter::RunInteractive(ThreadState& ts, std::string_view source, int* status,
                                                     bool at_eof) {
  bool incomplete = false;
  CodeObject* code = compiler::CompileInteractive(ts, source, "<stdin>", at_eof ? nullptr : &incomplete);
  if (incomplete) return Interactive::kIncomplete;
  Value r = Value::Null();
  if (code != nullptr) {
    Root code_root(ts, Value::Obj(code));
    // sys.modules['__main__'], made again if a statement deleted or replaced it (as CPython's
    // REPL does through PyImport_AddModule).
    Value main = DictGetStr(modules, names.__main__);
    DictObject* globals;
    if (IsObjectOfKind(main, Kind::kModule)) {
      globals = As<ModuleObject>(main)->dict;
    } else {
      globals = NewSourceModule(ts, names.__main__, std::string_view())->dict;
      AddMainModuleAttributes(ts, globals, std::string_view());
    }
    r = EvalCode(ts, code, globals, globals);
  }
  if (r.is_null()) {
    if (ts.exc != nullptr && ts.exc->type->IsSubtypeOf(exc.SystemExit)) {
      *status = HandleUncaughtException(ts);
      return Interactive::kExit;
    }
    ReportInteractiveException(ts);
  }
  FlushStdout();
  return Interactive::kDone;
}

void Interpreter::ReportInteractiveException(ThreadState& ts) {
  ExceptionObject* e = FetchException(ts);
  if (e == nullptr) return;
  RootedPtr<ExceptionObject> root(ts, e);
  ts.handled_exc = Value::None();
  DictObject* sys = sys_module->dict;
  DictSetStr(sys, Intern(*this, "last_type"), Value::Obj(e->type));
  DictSetStr(sys, Intern(*this, "last_value"), Value::Obj(e));
  DictSetStr(sys, Intern(*this, "last_traceback"), e->traceback == nullptr ? Value::None() : Value::Obj(e->traceback));
  WriteSysStderr(ts, FormatException(ts, e));
}

DictObject* Interpreter::PrepareEmbedded(ThreadState& ts, const std::vector<std::string>& path) {
  ts.defer_interrupts = true;
  bool ready = stdlib::FinishSysModule(ts);
  ts.defer_interrupts = false;
  if (!ready) return nullptr;
  InitSysPath(ts, "<embedded>", &path);
  DictObject* globals = NewSourceModule(ts, names.__main__, std::string_view())->dict;
  AddMainModuleAttributes(ts, globals, std::string_view());
  return globals;
}

ModuleObject* Interpreter::NewSourceModule(ThreadState& ts, StrObject* name, std::string_view filename) {
  RootedPtr<DictObject> globals(ts, NewDict(ts));
  DictSetStr(globals.get(), names.__name__, Value::Obj(name));
  DictSetStr(globals.get(), names.__doc__, Value::None());
  Value builtins_module = DictGetStr(modules, names.builtins);
  if (!builtins_module.is_null()) DictSetStr(globals.get(), names.__builtins__, builtins_module);
  if (!filename.empty()) DictSetStr(globals.get(), names.__file__, NewStrValue(ts, filename));
  ModuleObject* module = heap.New<ModuleObject>(types.module, globals.get(), name->str());
  DictSetStr(modules, name, Value::Obj(module));
  return module;
}

// As CPython at exit: if threading was imported, threading._shutdown() joins the non-daemon
// threads. An exception there (Ctrl-C while waiting) is reported and decides the status.
int Interpreter::WaitForThreads(ThreadState& ts, int status) {
  Value threading = DictGetStr(modules, Intern(*this, "threading"));
  if (threading.is_null()) return status;
  Root module(ts, threading);
  Value shutdown = GetAttrOrNull(ts, module.get(), Intern(*this, "_shutdown"));
  if (shutdown.is_null()) {
    ClearException(ts);
    return status;
  }
  Root fn(ts, shutdown);
  if (Call(ts, fn.get(), nullptr, 0).is_null()) return HandleUncaughtException(ts);
  return status;
}

ModuleObject* Interpreter::ImportFrozen(ThreadState& ts, StrObject* name) {
  std::string_view source = frozen_modules.at(name->str());
  std::string filename = absl::StrCat("<stdlib>/", name->str(), ".py");
  RememberSource(filename, source);
  CodeObject* code = compiler::CompileSource(ts, source, filename, compiler::ParseMode::kFile);
  if (code == nullptr) return nullptr;
  Root code_root(ts, Value::Obj(code));
  // In sys.modules while it runs, so that a circular import finds it; removed if it fails.
  RootedPtr<ModuleObject> module(ts, NewSourceModule(ts, name, filename));
  DictObject* globals = module->dict;
  if (EvalCode(ts, code, globals, globals).is_null()) {
    Root exc(ts, Value::Obj(FetchException(ts)));
    DictDelStr(modules, name);
    RaiseObject(ts, exc.as<ExceptionObject>());
    return nullptr;
  }
  return module.get();
}

void Interpreter::WriteSysStderr(ThreadState& ts, std::string_view s) {
  Value stream = DictGetStr(sys_module->dict, Intern(*this, "stderr"));
  if (stream.is_null() || stream.Is(DictGetStr(sys_module->dict, Intern(*this, "__stderr__")))) {
    WriteStderr(s);
    return;
  }
  if (stream.is_none()) return;
  Root root(ts, stream);
  Root text(ts, NewStrValue(ts, s));
  ExceptionObject* pending = FetchException(ts);
  RootedPtr<ExceptionObject> keep(ts, pending);
  if (CallMethod(ts, root.get(), names.write, text.slot(), 1).is_null()) {
    ClearException(ts);
    WriteStderr(s);  // the replacement failed: the report still reaches the real stderr
  }
  ts.exc = keep.get();
}

int Interpreter::HandleUncaughtException(ThreadState& ts) {
  ExceptionObject* exc = FetchException(ts);
  if (exc == nullptr) return 0;
  RootedPtr<ExceptionObject> root(ts, exc);
  ts.handled_exc = Value::None();
  if (exc->type->IsSubtypeOf(this->exc.SystemExit)) {
    // sys.exit(): None -> 0, an int -> itself, anything else is printed and gives 1.
    Value code = exc->args->size() == 0 ? Value::None() : exc->args->items[0];
    if (exc->args->size() > 1) code = Value::Obj(exc->args);
    if (code.is_none()) return 0;
    if (code.is_intlike()) return static_cast<int>(code.as_int() & 0xff);
    std::string text;
    if (!StrString(ts, code, &text)) ClearException(ts);
    WriteSysStderr(ts, text + "\n");
    return 1;
  }
  WriteSysStderr(ts, FormatException(ts, exc));
  if (exc->type->IsSubtypeOf(this->exc.KeyboardInterrupt)) return 130;
  return 1;
}

}  // namespace gilvm::vm
