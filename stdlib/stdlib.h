// The standard library's entry points, called once by each Interpreter while it boots.
//
// Invariants: stdlib code reaches the VM only through the headers a native needs (vm/native.h,
// vm/ops.h, vm/errors.h and the object headers); it never touches the eval loop or the GIL
// internals. Modules are created lazily, on first import.
#pragma once

namespace gilvm::vm {
class Interpreter;
class ThreadState;
}

namespace gilvm::stdlib {

// Fills interp.builtins: functions (print, len, ...), the built-in types and exceptions.
void InitBuiltins(vm::Interpreter& interp);
// Registers the importable native modules (math, sys, time...) in interp.native_modules.
void RegisterModules(vm::Interpreter& interp);
// Registers sys and builtins (stdlib/sys.cc); RegisterModules calls it.
void RegisterSysModules(vm::Interpreter& interp);
// Adds sys.version_info, implementation, float_info, int_info and flags, which are built by
// Python code; called by Interpreter::RunMain before the main module runs. False with an
// exception pending.
bool FinishSysModule(vm::ThreadState& ts);
// _thread (stdlib/thread.cc), time (stdlib/time.cc), and the modules written in Python
// (stdlib/lib/*.py, embedded at build time by stdlib/embed_lib.py); RegisterModules calls them.
void RegisterThreadModules(vm::Interpreter& interp);
void RegisterTimeModule(vm::Interpreter& interp);
// _random (stdlib/random.cc): the Mersenne Twister behind stdlib/lib/random.py.
void RegisterRandomModule(vm::Interpreter& interp);
// posix, the native half of os (stdlib/os.cc; os.py and posixpath.py are frozen), and errno
// (stdlib/errno.cc).
void RegisterOsModule(vm::Interpreter& interp);
void RegisterErrnoModule(vm::Interpreter& interp);
// _re, the RE2-based core of the re module (stdlib/re.cc; re itself is stdlib/lib/re.py).
void RegisterReModule(vm::Interpreter& interp);
void RegisterFrozenModules(vm::Interpreter& interp);
// _gil (stdlib/gil.cc): statistics, policy and tracing of the GIL, under stdlib/lib/gil.py.
void RegisterGilModule(vm::Interpreter& interp);
void RegisterWarningsModule(vm::Interpreter& interp);
void RegisterTracebackModule(vm::Interpreter& interp);
// open() and the io module (stdlib/io.cc); creates the io types, so it runs before sys.
void RegisterIoModule(vm::Interpreter& interp);
// _heapq (stdlib/heapq.cc), the list functions behind stdlib/lib/heapq.py.
void RegisterHeapqModule(vm::Interpreter& interp);
// _json (stdlib/json.cc), the native decoder behind stdlib/lib/json.py.
void RegisterJsonModule(vm::Interpreter& interp);
// _socket (stdlib/socket.cc) and select (stdlib/select.cc); RegisterModules calls them.
void RegisterSocketModule(vm::Interpreter& interp);
void RegisterSelectModule(vm::Interpreter& interp);
// _subprocess (stdlib/subprocess.cc): fork+exec and waits behind stdlib/lib/subprocess.py.
void RegisterSubprocessModule(vm::Interpreter& interp);
// _struct (stdlib/struct.cc), the native core of stdlib/lib/struct.py.
void RegisterStructModule(vm::Interpreter& interp);

}  // namespace gilvm::stdlib
