// The sandbox: the one place that decides whether a script may reach something outside the
// interpreter (files, the network, other processes, the process environment), configured by
// InterpreterOptions::sandbox (vm/interpreter.h).
//
// Invariants:
//  - Every native that can reach such a resource asks SandboxAllows (or SandboxPermits) before
//    its first syscall on the script's behalf, and nowhere else decides; grep for it to audit.
//  - With the sandbox disabled (the default) nothing is denied and nothing else changes.
//  - A denial raises PermissionError (an OSError, so code that already copes with OSError keeps
//    working) worded "<operation> is not allowed: <capability> is disabled in this sandbox".
//    The one exception is import, which raises ModuleNotFoundError with that wording (import.cc).
//  - Interpreter start-up and module initialisation never ask: what they would have read from
//    outside is built empty instead (posix.environ, PYTHONPATH), so `import os` and the rest of
//    the embedded standard library load in a sandbox that allows nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gilvm::vm {

class Interpreter;
class ThreadState;

enum class SandboxAccess : uint8_t {
  kFiles,        // paths: open(), os file and directory calls, imports from sys.path, sys.stdin
  kNetwork,      // _socket: sockets, name resolution, the host name
  kProcesses,    // fork, exec, kill, wait, _subprocess, os._exit
  kEnvironment,  // the process environment: putenv/unsetenv (reads see an empty one)
  // Raw descriptor numbers (os.read/write/close/dup..., open(fd)): any number may name one of the
  // host's own descriptors, so they need file access, or process control (which already lets a
  // script run any program, so descriptors add nothing).
  kDescriptors,
};

// Whether the interpreter's sandbox lets scripts use `what` (always true when it is disabled).
// Raises nothing.
bool SandboxPermits(const Interpreter& interp, SandboxAccess what);

// The denial message for `operation` (e.g. "open()") needing `what`.
std::string SandboxDenial(SandboxAccess what, std::string_view operation);

// true when `what` is allowed; otherwise false with PermissionError(SandboxDenial(...)) pending.
[[nodiscard]] bool SandboxAllows(ThreadState& ts, SandboxAccess what, std::string_view operation);

}  // namespace gilvm::vm
