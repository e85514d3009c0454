// parallel.cc: why a host that wants parallel Python creates one interpreter per thread.
//
// Each gilvm interpreter has its own GIL. Two host threads running CPU-bound script code in ONE
// interpreter take turns on its GIL: together they take about as long as one after the other.
// Two threads each with its OWN interpreter never wait for each other: on two cores they finish
// in about the time of one job.
//
// The job counts the primes below N in pure Python. Both modes run it twice (once per thread).
// Usage: parallel [N]   (default 150000; the test passes a smaller N)
//
// Printed: the results and the GIL facts, which are deterministic, and the lines starting with
// "timing:", which are not (they depend on the machine and its load).
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "gil_stats.h"
#include "gilvm/gilvm.h"

namespace {

constexpr int kThreads = 2;

constexpr const char* kJob = R"py(
def count_primes(n):
    count = 0
    for candidate in range(2, n):
        d = 2
        while d * d <= candidate:
            if candidate % d == 0:
                break
            d += 1
        else:
            count += 1
    return count

# Every thread of the interpreter calls this: it waits, holding the GIL, until `parties` threads
# are in, then does the job. In (a) the second thread to come must take the GIL from the first:
# the jobs overlap for sure, even on a machine so busy that one thread could otherwise finish
# before the other starts. (list.append is atomic under the GIL.)
arrived = []

def job(n, parties):
    arrived.append(1)
    while len(arrived) < parties:
        pass
    return count_primes(n)
)py";

using Clock = std::chrono::steady_clock;

// Both modes use CPython 3's switching: a thread that wants the GIL asks the holder to let go
// after 5 ms, so CPU-bound threads take turns in 5 ms slices. (gilvm's default, the fair
// policy, hands the GIL to a waiting thread at the next check interval, every 100 instructions:
// fairer for threads doing IO, but two CPU-bound threads then swap thousands of times a second,
// and each swap wakes a thread up, which makes (a) far slower than running the jobs one after
// the other. examples/gil/ compares the policies.)
gilvm::Options JobOptions() {
  gilvm::Options o;
  o.gil_policy = gilvm::GilPolicy::kCpython3;
  o.switch_interval = std::chrono::milliseconds(5);
  return o;
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// What one mode measured: each thread's result, the wall time, and the statistics of each
// interpreter's GIL (one entry in mode a, one per thread in mode b).
struct Run {
  std::vector<int64_t> results = std::vector<int64_t>(kThreads, -1);
  double seconds = 0;
  std::vector<std::string> gil_stats_json;
};

// (a) Two host threads share one interpreter, hence one GIL.
Run SharedInterpreter(int64_t n) {
  Run run;
  gilvm::Interpreter py(JobOptions());
  if (absl::Status st = py.Exec(kJob); !st.ok()) std::cerr << st.message() << "\n";
  std::latch start(kThreads);  // both threads begin together
  Clock::time_point t0 = Clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      gilvm::ThreadScope attached(py);
      start.arrive_and_wait();
      run.results[i] = py.Call<int64_t>("job", n, kThreads).value_or(-1);
    });
  }
  for (std::thread& t : threads) t.join();
  run.seconds = Seconds(Clock::now() - t0);
  run.gil_stats_json.push_back(py.GilStatsJson());
  return run;
}

// (b) Each host thread creates and uses its own interpreter: two GILs.
Run OwnInterpreters(int64_t n) {
  Run run;
  run.gil_stats_json.resize(kThreads);
  std::latch start(kThreads);
  Clock::time_point t0 = Clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      // Created on this thread, which is then its main thread: no other thread ever enters it.
      gilvm::Interpreter py(JobOptions());
      if (absl::Status st = py.Exec(kJob); !st.ok()) std::cerr << st.message() << "\n";
      start.arrive_and_wait();
      run.results[i] = py.Call<int64_t>("job", n, 1).value_or(-1);
      run.gil_stats_json[i] = py.GilStatsJson();  // before the interpreter goes away
    });
  }
  for (std::thread& t : threads) t.join();
  run.seconds = Seconds(Clock::now() - t0);
  return run;
}

// The facts about one interpreter's GIL that explain the timings, whatever the timings are.
void PrintGilFacts(const std::string& label, const std::string& json) {
  absl::StatusOr<GilStats> stats = ParseGilStats(json);
  if (!stats.ok()) {
    std::cerr << "cannot read the GIL statistics: " << stats.status().message() << "\n";
    return;
  }
  // Contended: a thread wanted the GIL while another held it, and waited.
  int64_t contended = 0;
  for (const GilThreadStats& t : stats->threads) contended += t.contended;
  // In (a) the threads are the interpreter's creator (this program's main thread) and the two
  // attached host threads; in (b) only the thread that created and ran the interpreter.
  std::cout << "  " << label << ": threads: " << stats->threads.size()
            << ", contended acquisitions: " << (contended > 0 ? "some" : "none")
            << ", switches between threads: " << (stats->switches > 0 ? "some" : "none") << "\n";
}

void PrintResults(const Run& run) {
  std::cout << "  primes counted by each thread:";
  for (int64_t r : run.results) std::cout << " " << r;
  std::cout << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  int64_t n = argc > 1 ? std::atoll(argv[1]) : 150000;
  std::cout << "counting the primes below " << n << ", " << kThreads << " times, on " << kThreads << " threads\n";

  Run shared = SharedInterpreter(n);
  std::cout << "(a) one interpreter shared by " << kThreads << " threads\n";
  PrintResults(shared);
  PrintGilFacts("its GIL", shared.gil_stats_json[0]);

  Run own = OwnInterpreters(n);
  std::cout << "(b) one interpreter per thread\n";
  PrintResults(own);
  for (int i = 0; i < kThreads; ++i) PrintGilFacts("interpreter " + std::to_string(i + 1) + "'s GIL", own.gil_stats_json[i]);

  std::cout << std::fixed << std::setprecision(3);
  std::cout << "timing: (a) shared interpreter " << shared.seconds << " s\n";
  std::cout << "timing: (b) own interpreters " << own.seconds << " s\n";
  std::cout << std::setprecision(2) << "timing: speedup of (b) over (a): " << shared.seconds / own.seconds
            << "x (about " << kThreads << "x with " << kThreads << " free cores)\n";
  return 0;
}
