// The sandbox's decisions and its one wording (see vm/sandbox.h).
#include "vm/sandbox.h"

#include "vm/errors.h"
#include "vm/interpreter.h"

namespace gilvm::vm {

namespace {

// The capability a denial names (the Sandbox option that would allow it).
std::string_view CapabilityName(SandboxAccess what) {
  switch (what) {
    case SandboxAccess::kFiles:
    case SandboxAccess::kDescriptors: return "file access";
    case SandboxAccess::kNetwork: return "network access";
    case SandboxAccess::kProcesses: return "process control";
    case SandboxAccess::kEnvironment: return "environment access";
  }
  return "access";
}

}  // namespace

bool SandboxPermits(const Interpreter& interp, SandboxAccess what) {
  const InterpreterOptions::Sandbox& s = interp.options.sandbox;
  if (!s.enabled) return true;
  switch (what) {
    case SandboxAccess::kFiles: return s.files;
    case SandboxAccess::kNetwork: return s.network;
    case SandboxAccess::kProcesses: return s.processes;
    case SandboxAccess::kEnvironment: return s.environment;
    case SandboxAccess::kDescriptors: return s.files || s.processes;
  }
  return false;
}

std::string SandboxDenial(SandboxAccess what, std::string_view operation) {
  std::string out(operation);
  out += " is not allowed: ";
  out += CapabilityName(what);
  out += " is disabled in this sandbox";
  return out;
}

bool SandboxAllows(ThreadState& ts, SandboxAccess what, std::string_view operation) {
  if (SandboxPermits(ts.interp, what)) return true;
  Raise(ts, ts.interp.exc.PermissionError, SandboxDenial(what, operation));
  return false;
}

}  // namespace gilvm::vm
