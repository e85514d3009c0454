// Interpreter: one independent Python world: its heap, types, modules, threads and GIL.
//
// Invariants:
//  - No global mutable state anywhere in gilvm: everything a script can reach hangs off one
//    Interpreter, so several interpreters live side by side in one process, each with its own
//    heap and GIL, and run in parallel.
//  - Built-in types, exception classes and interned names are created once by the constructor
//    and live as long as the interpreter (they are GC roots).
//  - Only the thread holding the GIL touches the heap; see vm/gil.h.
#pragma once

#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "vm/exception_types.h"
#include "vm/gil.h"
#include "vm/heap.h"
#include "vm/names.h"
#include "vm/object.h"
#include "vm/thread_state.h"

namespace gilvm::vm {

struct StrObject;
struct DictObject;
struct ModuleObject;
struct CodeObject;

struct BuiltinTypes {
  TypeObject *object, *type, *none, *bool_, *int_, *float_, *str, *bytes, *bytearray, *tuple, *list, *dict,
      *set, *frozenset, *range, *slice, *function, *builtin_function, *method, *staticmethod,
      *classmethod, *property, *code, *cell, *module, *traceback, *iterator, *not_implemented,
      *ellipsis, *super, *bigint, *lock, *rlock;
  TypeObject *generator = nullptr, *frame = nullptr;  // vm/generator.h
  // The io module's classes (stdlib/io.cc); open() and sys.std* need them from the start.
  TypeObject *io_file, *io_buffered_reader, *io_buffered_writer, *io_buffered_random, *io_text, *io_bytes_io,
      *io_string_io, *io_unsupported_operation;
  TypeObject* mappingproxy = nullptr;  // a class's read-only __dict__ view (vm/classes.cc)
};

struct ExceptionTypes {
#define GILVM_EXC_FIELD(name, base) TypeObject* name = nullptr;
  GILVM_EXCEPTION_TYPES(GILVM_EXC_FIELD)
#undef GILVM_EXC_FIELD
};

struct Names {
#define GILVM_NAME_FIELD(field, text) StrObject* field = nullptr;
  GILVM_NAMES(GILVM_NAME_FIELD)
#undef GILVM_NAME_FIELD
};

// The embedding API's instruction budget and time limit (include/gilvm/gilvm.h, Limits). While
// either is set, Gil::kLimits stays set in the safe-point word, so every thread counts its
// instructions into `used` at each safe point (every check interval) and raises `exc_type` once
// `tripped`: at each later safe point too, so a script cannot catch it and carry on.
struct ScriptLimits {
  enum Trip : int { kNone = 0, kInstructions = 1, kTime = 2 };
  std::atomic<uint64_t> max_instructions{0};  // 0: no budget
  std::atomic<uint64_t> used{0};
  std::atomic<int> tripped{kNone};
  int64_t time_limit_ms = 0;                  // for the message; written before the limits are armed
  TypeObject* exc_type = nullptr;             // gilvm.LimitExceeded (a root)
};

// Roots the embedding API keeps outside the heap (its handles, host modules' functions).
class HostRoots {
 public:
  virtual ~HostRoots() = default;
  virtual void Trace(Tracer& tracer) = 0;
};

struct InterpreterOptions {
  std::vector<std::string> argv;  // sys.argv
  int64_t check_interval = kDefaultCheckInterval;
  int64_t switch_interval_ns = kDefaultSwitchIntervalNs;
  GilPolicy policy = GilPolicy::kFair;
  int recursion_limit = kDefaultRecursionLimit;
  // Collect at every allocation (slow; finds rooting bugs). GILVM_GC_STRESS=1 in the
  // environment turns it on as well.
  bool gc_stress = false;
  // Where print() and tracebacks go. Defaults write to the process's stdout / stderr.
  std::function<void(std::string_view)> write_stdout;
  std::function<void(std::string_view)> write_stderr;
  // The most bytes the heap may hold (objects and what they own) before an allocation raises
  // MemoryError; 0: no limit. For untrusted scripts (include/gilvm/gilvm.h, Limits).
  size_t max_heap_bytes = 0;
  // What scripts may reach outside the interpreter. With `enabled` set, each kind of access not
  // allowed here fails with PermissionError (include/gilvm/gilvm.h, Sandbox).
  struct Sandbox {
    bool enabled = false;
    bool files = false;        // open(), os file and directory calls, imports from sys.path
    bool network = false;      // sockets
    bool processes = false;    // subprocess, os.fork/exec/kill/system/wait
    bool environment = false;  // os.environ, getenv/putenv
  } sandbox;
};

class Interpreter {
 public:
  explicit Interpreter(InterpreterOptions options = {});
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // The thread that created the interpreter.
  ThreadState& main_thread() { return *main_; }
  // Script threads join and leave (vm/threads.h); both under the GIL.
  void AddThread(std::unique_ptr<ThreadState> ts);
  std::unique_ptr<ThreadState> RemoveThread(ThreadState* ts);
  // In a forked child, called by ForkProcess (vm/fork.cc): `survivor` (the thread that called
  // fork) becomes the only thread and the main one; the others' joiners are released.
  void AfterForkInChild(ThreadState& survivor);

  // A fresh __main__ module for an embedding host, in sys.modules, with sys's Python-built
  // attributes finished and sys.path set to `path` then the embedded standard library: its
  // globals, or null with the exception pending.
  DictObject* PrepareEmbedded(ThreadState& ts, const std::vector<std::string>& path);

  // Runs the embedded (frozen) module `name` as a new module in sys.modules: the module, or null
  // with the exception pending. Call only when `frozen_modules` has it.
  ModuleObject* ImportFrozen(ThreadState& ts, StrObject* name);

  // Compiles `source` as module `__main__` and runs it. Returns the process exit status as
  // CPython's would be (0, 1 after an uncaught exception, or the SystemExit code); an uncaught
  // exception is printed to stderr with its traceback first.
  //
  // With `interactive` (the REPL, cli/repl.h), the script (possibly empty) is followed by an
  // interactive session, as `python -i` does: an uncaught exception of the script, SystemExit
  // included, is printed and the session starts anyway, with sys.ps1 and sys.ps2 set. It runs
  // on the main thread with the GIL held and returns the exit status.
  using InteractiveSession = std::function<int(ThreadState&)>;
  int RunMain(std::string_view source, std::string_view filename, const InteractiveSession& interactive = nullptr);

  // One statement typed at the prompt, run in __main__ on `ts` with the GIL held. `source` is
  // the lines typed so far, each ending in "\n". kIncomplete: the statement needs more lines.
  // kDone: it ran, and an exception it raised was printed as CPython's REPL prints it. kExit:
  // it raised SystemExit, and *status is the exit status that asks for. With `at_eof` (the
  // input ended after `source`), the statement is never kIncomplete: it runs, or its error is
  // printed.
  enum class Interactive { kIncomplete, kDone, kExit };
  Interactive RunInteractive(ThreadState& ts, std::string_view source, int* status, bool at_eof = false);

  // Prints the pending exception as CPython's excepthook would (or handles SystemExit) and
  // returns the exit status it implies.
  int HandleUncaughtException(ThreadState& ts);

  // Traces the interpreter's own roots (types, modules, names...), then every thread.
  void Trace(Tracer& tracer);

  // Output sinks (stdout is buffered; stderr writes flush stdout first, as a terminal would show).
  void WriteStdout(std::string_view s);
  void WriteStderr(std::string_view s);
  void FlushStdout();
  // Writes to sys.stderr as the script left it: the process's stderr (WriteStderr) unless the
  // script replaced it (e.g. with an io.StringIO), None (dropped) or an object with write().
  void WriteSysStderr(ThreadState& ts, std::string_view s);

  // Source text of files that ran, for the lines tracebacks print.
  void RememberSource(std::string filename, std::string_view source);
  // Line `line` (1-based) of `filename`, or empty if unknown.
  std::string_view SourceLine(const std::string& filename, int line) const;

  // Files holding buffered writes (stdlib/io.h). Not traced: a file removes itself when it is
  // flushed or freed. Declared before `heap` so it outlives the objects the heap frees.
  absl::flat_hash_set<Object*> unflushed_files;
  Heap heap{this};
  Gil gil;
  BuiltinTypes types{};
  ExceptionTypes exc{};
  Names names{};
  Value not_implemented;
  Value ellipsis;
  // object.__new__ and object.__init__, which a class call compares with what the class finds
  // (vm/call.cc). Looked up on first use: object's dict cannot change, and it keeps them alive.
  Value object_new;
  Value object_init;
  DictObject* builtins = nullptr;     // the builtins module's namespace
  DictObject* modules = nullptr;      // sys.modules
  ModuleObject* sys_module = nullptr;
  absl::flat_hash_map<std::string_view, StrObject*> interned;
  // The interned '' and one-character ASCII strings, made on first use (SmallStr in vm/str.h).
  StrObject* small_strs[129] = {};
  // Native modules known to `import`, by name, created on first import.
  absl::flat_hash_map<std::string, ModuleObject* (*)(ThreadState&)> native_modules;
  // Modules written in Python and embedded at build time (stdlib/lib/*.py), by name.
  absl::flat_hash_map<std::string, std::string_view> frozen_modules;
  // Modules a host defined (include/gilvm/gilvm.h), importable by name.
  absl::flat_hash_map<std::string, ModuleObject*> host_modules;
  // The embedding API's roots and limits; null / unset for the gilvm program.
  HostRoots* host_roots = nullptr;
  ScriptLimits limits;
  // Host interrupts waiting for their thread's next safe point (ThreadState::interrupt_requested).
  std::atomic<int> pending_interrupts{0};
  // Types created by the Init* functions that have no field in `types` (iterator types...).
  std::vector<TypeObject*> extra_types;
  // Where InitIteratorTypes' block of one type per IterKind starts in extra_types.
  size_t iterator_types_start = 0;
  InterpreterOptions options;
  int recursion_limit;
  // sys.set_int_max_str_digits: the most decimal digits int<->str conversions accept (0: no limit).
  int64_t int_max_str_digits = 4300;
  // Bumped by every change to a type's dict after creation (see TypeObject::lookup_cache).
  uint64_t type_epoch = 1;
  std::vector<std::unique_ptr<ThreadState>> threads_;

 private:
  void CreateTypes();
  int RunMainModule(ThreadState& ts, std::string_view source, std::string_view filename, bool inspect);
  // After an exception at the prompt or in a script run with -i: prints it, SystemExit included
  // (as a traceback), and keeps it in sys.last_type, last_value and last_traceback.
  void ReportInteractiveException(ThreadState& ts);
  int WaitForThreads(ThreadState& ts, int status);
  // A module for Python source, registered in sys.modules: its globals hold __name__, __doc__,
  // __builtins__ and (unless `filename` is empty) __file__.
  ModuleObject* NewSourceModule(ThreadState& ts, StrObject* name, std::string_view filename);
  ThreadState* main_ = nullptr;  // threads_.front(), readable without the GIL
  bool stdout_is_tty_ = false;
  absl::flat_hash_map<std::string, std::vector<std::string>> sources_;
  std::string stdout_buffer_;
};

// Creates a built-in type named `name` deriving from `base` (null: object), with an empty dict,
// its MRO computed, and registers it as a root. `module` is its __module__.
TypeObject* NewBuiltinType(Interpreter& interp, std::string name, TypeObject* base, Kind instance_kind,
                           std::string module = "builtins");

// The Python type of any value.
inline TypeObject* TypeOf(const Interpreter& interp, Value v) {
  switch (v.tag()) {
    case Tag::kObject: return v.as_object()->type;
    case Tag::kInt: return interp.types.int_;
    case Tag::kFloat: return interp.types.float_;
    case Tag::kBool: return interp.types.bool_;
    case Tag::kNone: return interp.types.none;
    case Tag::kNull: break;
  }
  return interp.types.none;
}

}  // namespace gilvm::vm
