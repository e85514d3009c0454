// Threads and the GIL through the embedding API: host threads calling scripts, script threads
// calling the host, releasing the GIL in host code, interrupts, and parallel interpreters.
// Asserted with counts and orderings; clocks only with generous bounds.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "gilvm/gilvm.h"

namespace {

using std::chrono::steady_clock;

TEST(Threads, HostThreadsCallScripts) {
  gilvm::Interpreter py;
  ASSERT_TRUE(py.Exec("hits = []\ndef record(i):\n    hits.append(i)\n    return len(hits)\n").ok());
  constexpr int kThreads = 4, kCalls = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&py, t] {
      gilvm::ThreadScope attached(py);
      for (int i = 0; i < kCalls; ++i) ASSERT_TRUE(py.Call("record", t).ok());
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(*py.Eval<int64_t>("len(hits)"), kThreads * kCalls);
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(*py.Eval<int64_t>("hits.count(" + std::to_string(t) + ")"), kCalls);
}

TEST(Threads, CallsWithoutThreadScopeWorkToo) {
  gilvm::Interpreter py;
  std::thread t([&py] { EXPECT_EQ(*py.Eval<int64_t>("6 * 7"), 42); });
  t.join();
}

TEST(Threads, ScriptThreadsRunBetweenHostCalls) {
  // The host holds the GIL only inside calls: a script thread started by one call keeps running
  // while the host does its own work, and the host sees its progress.
  gilvm::Interpreter py;
  ASSERT_TRUE(py.Exec("import threading\nticks = 0\nstop = False\n"
                      "def spin():\n    global ticks\n    while not stop:\n        ticks += 1\n"
                      "t = threading.Thread(target=spin)\nt.start()\n")
                  .ok());
  int64_t ticks = 0;
  for (int i = 0; i < 2000 && ticks < 10000; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ticks = *py.Get<int64_t>("ticks");
  }
  EXPECT_GE(ticks, 10000);
  ASSERT_TRUE(py.Exec("stop = True\nt.join()\n").ok());
}

TEST(Threads, ScriptThreadsCallHostFunctions) {
  gilvm::Interpreter py;
  std::atomic<int> calls{0};
  py.Define("tick", [&calls](int64_t n) {
    calls.fetch_add(1);
    return n + 1;
  });
  ASSERT_TRUE(py.Exec("import threading\nout = []\n"
                      "def work():\n    out.append(sum(tick(i) for i in range(100)))\n"
                      "ts = [threading.Thread(target=work) for _ in range(3)]\n"
                      "for t in ts: t.start()\nfor t in ts: t.join()\n")
                  .ok());
  EXPECT_EQ(calls.load(), 300);
  EXPECT_EQ(*py.Eval<std::vector<int64_t>>("out"), (std::vector<int64_t>{5050, 5050, 5050}));
}

TEST(Threads, HostCodeReleasesTheGilAroundBlockingWork) {
  // Four script threads call a host function that sleeps with the GIL released: they are inside
  // it at the same time (counted, not timed). Holding the GIL, they would enter one by one.
  gilvm::Interpreter py;
  std::atomic<int> inside{0}, most{0};
  py.Define("blocking_io", [&](gilvm::Scope& s) {
    gilvm::GilReleaseGuard unlocked(s);
    int now = inside.fetch_add(1) + 1;
    for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    inside.fetch_sub(1);
  });
  ASSERT_TRUE(py.Exec("import threading\nts = [threading.Thread(target=blocking_io) for _ in range(4)]\n"
                      "for t in ts: t.start()\nfor t in ts: t.join()\n")
                  .ok());
  EXPECT_GE(most.load(), 2);
}

TEST(Threads, InterruptStopsARunningScript) {
  gilvm::Interpreter py;
  std::thread stopper([&py] {
    // Wait until the script is running its loop, then interrupt it.
    while (!py.Get<bool>("started").value_or(false)) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    py.Interrupt();
  });
  absl::Status st = py.Exec(
      "started = True\n"
      "n = 0\n"
      "while True:\n"
      "    try:\n"
      "        n += 1\n"
      "    except Exception:\n"  // does not catch it: KeyboardInterrupt is a BaseException
      "        pass\n");
  stopper.join();
  EXPECT_EQ(st.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(gilvm::ErrorType(st), "KeyboardInterrupt");
  // The interpreter stays usable.
  EXPECT_EQ(*py.Eval<int64_t>("1 + 1"), 2);
}

TEST(Threads, InterruptWakesABlockedScript) {
  gilvm::Interpreter py;
  std::thread stopper([&py] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    py.Interrupt();
  });
  auto start = steady_clock::now();
  absl::Status st = py.Exec("import time\ntime.sleep(30)\n");
  stopper.join();
  EXPECT_EQ(st.code(), absl::StatusCode::kCancelled);
  EXPECT_LT(steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(Threads, InterpretersAreIndependent) {
  gilvm::Interpreter a, b;
  ASSERT_TRUE(a.Exec("x = 'a'").ok());
  ASSERT_TRUE(b.Exec("x = 'b'").ok());
  EXPECT_EQ(*a.Get<std::string>("x"), "a");
  EXPECT_EQ(*b.Get<std::string>("x"), "b");
}

TEST(Threads, GilStatisticsCountHostCalls) {
  gilvm::Interpreter py;
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(py.Exec("pass").ok());
  std::string json = py.GilStatsJson();
  EXPECT_NE(json.find("\"acquisitions\""), std::string::npos);
  EXPECT_NE(py.GilStatsTable().find("MainThread"), std::string::npos);
}

}  // namespace

namespace {

// The GIL's contended-acquisition count in an interpreter's statistics (a field of the JSON).
int64_t Contended(gilvm::Interpreter& py) {
  std::string json = py.GilStatsJson();
  size_t at = json.find("\"contended\":");
  return at == std::string::npos ? -1 : std::stoll(json.substr(at + 12));
}

TEST(Parallel, EachInterpreterHasItsOwnGil) {
  // Two threads, each running CPU-bound code in its own interpreter: neither GIL is ever
  // contended. The same two threads in one interpreter contend for its GIL.
  constexpr char kWork[] = "n = 0\nfor i in range(300000):\n    n += i\n";
  gilvm::Interpreter a, b;
  std::thread ta([&a, &kWork] { ASSERT_TRUE(a.Exec(kWork).ok()); });
  std::thread tb([&b, &kWork] { ASSERT_TRUE(b.Exec(kWork).ok()); });
  ta.join();
  tb.join();
  EXPECT_EQ(Contended(a), 0);
  EXPECT_EQ(Contended(b), 0);

  // The two threads meet before they work: on a loaded machine one could otherwise finish the
  // whole loop before the OS first runs the other, and the GIL would never be contended.
  gilvm::Interpreter shared;
  ASSERT_TRUE(shared.Exec("import threading\narrived = []\n"
                          "def work():\n    arrived.append(1)\n    while len(arrived) < 2:\n        pass\n"
                          "    n = 0\n    for i in range(300000):\n        n += i\n"
                          "ts = [threading.Thread(target=work) for _ in range(2)]\nfor t in ts: t.start()\n"
                          "for t in ts: t.join()\n")
                  .ok());
  EXPECT_GT(Contended(shared), 10);
}

}  // namespace
