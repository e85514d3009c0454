// sandbox.cc: running untrusted scripts safely.
//
//   - gilvm::Limits bound what one call may consume: instructions, wall-clock time, heap bytes
//     and recursion depth. A limit that runs out stops the script with gilvm.LimitExceeded
//     (which no `except` or `finally` can swallow), or with MemoryError / RecursionError
//   - gilvm::Sandbox, enabled, makes every access outside the interpreter that is not allowed
//     (files, network, processes, environment) raise PermissionError
//   - in every case the host gets a Status back and carries on
//
// Each script below runs in a fresh interpreter, as a host would run scripts from different
// users. Everything printed is deterministic.
#include <chrono>
#include <iostream>
#include <string>

#include "gilvm/gilvm.h"

namespace {

// The options of an interpreter for untrusted code. The budgets are small for the demo; the
// time limit is far above what the instruction budget allows in any build, so that a busy loop
// always trips the budget first, whatever the machine's speed.
gilvm::Options UntrustedOptions() {
  gilvm::Options o;
  o.on_stdout = [](std::string_view text) { std::cout << text; };
  o.limits.max_instructions = 2'000'000;
  o.limits.time_limit = std::chrono::milliseconds(1500);
  o.limits.max_heap_bytes = 32 << 20;  // 32 MiB for the whole interpreter
  o.limits.max_recursion = 100;
  o.sandbox.enabled = true;  // and nothing allowed: no files, network, processes or environment
  return o;
}

// Runs one untrusted script and reports how it ended. A script exception's Status code says
// which kind of failure it was (gilvm.h, "Errors"): kResourceExhausted for an exhausted budget,
// heap or recursion limit, kDeadlineExceeded for the time limit, kPermissionDenied for what the
// sandbox refused.
void RunUntrusted(const std::string& title, const std::string& script) {
  std::cout << "== " << title << " ==\n";
  gilvm::Interpreter py(UntrustedOptions());
  absl::Status st = py.Exec(script, "<untrusted>");
  if (st.ok()) {
    std::cout << "finished normally\n";
    return;
  }
  std::cout << "status: " << absl::StatusCodeToString(st.code()) << "\n";
  std::cout << "exception: " << gilvm::ErrorType(st) << "\n";
  // The message of MemoryError and PermissionError is not part of the API: print it only for
  // the limits whose text gilvm.h fixes.
  if (gilvm::ErrorType(st) == "gilvm.LimitExceeded" || gilvm::ErrorType(st) == "RecursionError")
    std::cout << "message: " << st.message() << "\n";
  // After a limit, the same interpreter takes new calls: each top-level call starts with a
  // fresh budget and clock.
  std::cout << "interpreter still usable: " << py.Eval<int64_t>("6 * 7").value_or(-1) << "\n";
}

}  // namespace

int main() {
  // An endless loop: the instruction budget runs out. The script even tries to catch it.
  RunUntrusted("instruction budget", R"py(
n = 0
while True:
    try:
        n += 1
    except BaseException:
        print("never printed: LimitExceeded cannot be caught")
)py");

  // Unbounded recursion: RecursionError at depth 100, an ordinary exception the script could
  // catch (this one does not).
  RunUntrusted("recursion limit", R"py(
def dive(depth):
    return dive(depth + 1)

dive(0)
)py");

  // A script that blocks: the time limit wakes it from its sleep and stops it.
  RunUntrusted("time limit", R"py(
import time
print("going to sleep for a minute")
time.sleep(60)
print("never printed")
)py");

  // Memory: 128 MiB of buffers against a 32 MiB heap. (The loop is bounded, so that a build
  // without the heap limit still ends; it then finishes normally.)
  RunUntrusted("heap limit", R"py(
buffers = []
for i in range(128):
    buffers.append(bytearray(1 << 20))
print("allocated", len(buffers), "MiB")
)py");

  // The sandbox: the environment and the file system are out of reach. Reads of the
  // environment see an empty one (so that `import os` works); changing it raises
  // PermissionError, which the script catches; the file it opens raises another, which ends it.
  RunUntrusted("sandbox", R"py(
import os
print("HOME seen:", os.getenv("HOME") is not None)
try:
    os.putenv("GREETING", "hello")
    print("changed the environment")
except PermissionError:
    print("environment: PermissionError")
with open("/etc/hostname") as f:
    print("read a file:", len(f.read()) >= 0)
)py");

  std::cout << "== the host survived all of them ==\n";
  return 0;
}
