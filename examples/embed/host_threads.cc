// host_threads.cc: one interpreter, many threads.
//
//   - host threads (std::thread) call script functions on the same interpreter; each attaches
//     once with a gilvm::ThreadScope, and every call takes the GIL for its duration
//   - script threads (threading.Thread) call a host function that releases the GIL with
//     gilvm::GilReleaseGuard around a blocking wait, so the other threads run meanwhile
//   - the interpreter's GIL statistics (GilStatsJson) show what happened
//
// Everything printed is deterministic except the lines starting with "timing:".
#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "gil_stats.h"
#include "gilvm/gilvm.h"

namespace {

constexpr int kHostThreads = 4;
constexpr int kCallsPerThread = 250;
constexpr int kScriptThreads = 3;

// Part 1: several host threads call into one interpreter.
void HostThreadsCallScripts(gilvm::Interpreter& py) {
  absl::Status st = py.Exec(R"py(
calls = []                      # list.append is atomic under the GIL: no lock needed

def record(worker, i):
    calls.append(worker)
    return i * i
)py");
  if (!st.ok()) std::cerr << gilvm::ErrorTraceback(st);

  std::vector<std::thread> workers;
  std::vector<int64_t> sums(kHostThreads, 0);
  for (int w = 0; w < kHostThreads; ++w) {
    workers.emplace_back([&py, &sums, w] {
      // Attach this thread once for its many calls (without it each call would attach and
      // detach on its own, which works but costs more). The GIL is NOT held between calls.
      gilvm::ThreadScope attached(py);
      for (int i = 0; i < kCallsPerThread; ++i) sums[w] += *py.Call<int64_t>("record", w, i);
    });
  }
  for (std::thread& t : workers) t.join();

  std::cout << "host threads: " << kHostThreads << " x " << kCallsPerThread << " calls\n";
  std::cout << "  calls recorded by the script: " << *py.Eval<int64_t>("len(calls)") << "\n";
  for (int w = 0; w < kHostThreads; ++w)
    std::cout << "  worker " << w << ": " << *py.Eval<int64_t>("calls.count(" + std::to_string(w) + ")")
              << " calls, sum of squares " << sums[w] << "\n";
}

// Part 2: script threads call a host function that blocks with the GIL released.
void ScriptThreadsCallBlockingHostCode(gilvm::Interpreter& py) {
  // A host function may take `gilvm::Scope&` first: it is the call's context, needed here to
  // release the GIL. While the guard lives, script threads run; this code must not touch any
  // gilvm::Ref or the Scope until the guard ends (the GIL is taken back then).
  py.Define("fetch", [](gilvm::Scope& scope, int64_t key) {
    {
      gilvm::GilReleaseGuard unlocked(scope);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));  // stands for blocking IO
    }
    return "value-" + std::to_string(key);
  });

  auto start = std::chrono::steady_clock::now();
  absl::Status st = py.Exec(R"py(
import threading

results = {}

def worker(key):
    results[key] = fetch(key)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("script threads got:", [results[k] for k in sorted(results)])
)py");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  if (!st.ok()) std::cerr << gilvm::ErrorTraceback(st);
  // 3 waits of 100 ms overlap, because each released the GIL: about 100 ms, not 300.
  std::cout << "timing: " << kScriptThreads << " script threads waited 100 ms each in " << ms << " ms\n";
}

// Part 3: the GIL statistics, as counts that do not depend on timing.
void PrintGilFacts(gilvm::Interpreter& py) {
  absl::StatusOr<GilStats> stats = ParseGilStats(py.GilStatsJson());
  if (!stats.ok()) {
    std::cerr << "cannot read the GIL statistics: " << stats.status() << "\n";
    return;
  }
  int host = 0, host_with_every_call = 0, script = 0, script_released = 0;
  for (const GilThreadStats& t : stats->threads) {
    if (t.name.rfind("host-", 0) == 0) {
      ++host;
      // Every call took the GIL at least once (more if it had to give it up in between).
      if (t.acquisitions >= kCallsPerThread) ++host_with_every_call;
    } else if (t.name.rfind("Thread-", 0) == 0) {
      ++script;
      // The GilReleaseGuard counts as a release for blocking work, like the standard library's IO.
      if (t.io_releases >= 1) ++script_released;
    }
  }
  std::cout << "GIL statistics:\n";
  std::cout << "  attached host threads: " << host << "\n";
  std::cout << "  host threads that took the GIL for each of their calls: " << host_with_every_call << "\n";
  std::cout << "  script threads: " << script << "\n";
  std::cout << "  script threads that released the GIL around their blocking host call: " << script_released << "\n";
  std::cout << "  the GIL changed hands between threads: " << (stats->switches > 0 ? "yes" : "no") << "\n";
}

}  // namespace

int main() {
  gilvm::Options options;
  options.on_stdout = [](std::string_view text) { std::cout << text; };
  gilvm::Interpreter py(options);
  HostThreadsCallScripts(py);
  ScriptThreadsCallBlockingHostCode(py);
  PrintGilFacts(py);
  return 0;
}
