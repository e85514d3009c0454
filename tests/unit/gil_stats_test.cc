// The GIL's measurement (vm/gil_stats.h): counts that are exact in deterministic scenarios, the
// reset window, the trace ring, and the longest hold without a safe point. Counts, not clocks:
// a duration is only ever checked against a lower bound the test itself imposed.
#include <atomic>
#include <chrono>
#include <thread>

#include "gtest/gtest.h"
#include "vm/gil.h"
#include "vm/gil_stats.h"

namespace gilvm::vm {
namespace {

using std::chrono::milliseconds;

uint64_t Released(const GilThreadReport& t, GilReleaseReason why) { return t.stats.released(why); }

// A GIL and a registered slot per thread, named for the reports.
struct Fixture {
  Gil gil;
  GilSlot a, b;
  Fixture() {
    gil.Register(a);
    gil.Describe(a, "A", 1, 11);
    gil.Register(b);
    gil.Describe(b, "B", 2, 12);
  }
  const GilThreadReport& Row(const GilReport& r, const std::string& name) {
    for (const GilThreadReport& t : r.threads)
      if (t.name == name) return t;
    ADD_FAILURE() << "no row " << name;
    return r.threads.front();
  }
  // `a`, holding the GIL, lets go of it for blocking IO and takes it back, `n` times.
  void IoRounds(int n) {
    for (int i = 0; i < n; ++i) {
      gil.Release(a, GilReleaseReason::kIo);
      gil.Acquire(a);
    }
  }
  // With `a` holding the GIL: starts a thread `b` that takes it once and exits, and returns once
  // `b` waits for it.
  std::thread StartWaiterB() {
    std::thread t([this] {
      gil.Acquire(b);
      gil.Release(b, GilReleaseReason::kExit);
    });
    while (gil.waiting() == 0) std::this_thread::yield();
    return t;
  }
  // With `a` holding the GIL: `b` takes it once and exits (its slot stays registered).
  void RunBOnce() {
    std::thread waiter = StartWaiterB();
    gil.Release(a, GilReleaseReason::kIo);
    waiter.join();
    gil.Acquire(a);
  }
};

TEST(GilStatsTest, OneThreadCountsEveryAcquisitionAndRelease) {
  Fixture f;
  f.gil.Acquire(f.a);
  f.IoRounds(5);
  f.gil.Yield(f.a);  // nobody waits: not a release
  GilReport r = f.gil.Report(f.a, false);
  const GilThreadReport& a = f.Row(r, "A");
  EXPECT_EQ(a.stats.acquisitions, 6u);
  EXPECT_EQ(a.stats.contended, 0u);
  EXPECT_EQ(a.stats.wait.count(), 0u);
  EXPECT_EQ(Released(a, GilReleaseReason::kIo), 5u);
  EXPECT_EQ(Released(a, GilReleaseReason::kYield), 0u);
  EXPECT_EQ(a.native_id, 11u);
  EXPECT_EQ(r.switches, 0u);
  EXPECT_EQ(r.waiting_ns, 0u);
  EXPECT_LE(r.held_ns, r.wall_ns);
  EXPECT_EQ(r.longest_unpolled(), nullptr);
  EXPECT_EQ(r.policy, "fair");
  f.gil.Release(f.a, GilReleaseReason::kExit);
}

TEST(GilStatsTest, AHandoffIsOneReleaseOneContendedAcquisitionAndTwoSwitches) {
  Fixture f;
  f.gil.Acquire(f.a);
  uint64_t mark = f.gil.StartTrace(100);
  std::thread waiter = f.StartWaiterB();
  EXPECT_TRUE(f.gil.SafePoint(f.a));  // hands over to B, returns when B has let go on exit
  waiter.join();
  GilTrace trace = f.gil.StopTrace(mark);
  GilReport r = f.gil.Report(f.a, false);
  const GilThreadReport& a = f.Row(r, "A");
  const GilThreadReport& b = f.Row(r, "B");
  EXPECT_EQ(Released(a, GilReleaseReason::kInterval), 1u);
  EXPECT_EQ(a.stats.acquisitions, 2u);
  EXPECT_EQ(a.stats.contended, 1u);
  EXPECT_EQ(b.stats.acquisitions, 1u);
  EXPECT_EQ(b.stats.contended, 1u);
  EXPECT_EQ(b.stats.wait.count(), 1u);
  EXPECT_EQ(b.stats.handoff.count(), 1u);
  EXPECT_EQ(Released(b, GilReleaseReason::kExit), 1u);
  EXPECT_EQ(r.switches, 2u);
  EXPECT_EQ(r.handoff.count(), 2u);
  // The spans, in the order they ended: A's hold, B's wait, B's hold, A's wait.
  ASSERT_EQ(trace.events.size(), 4u);
  EXPECT_EQ(trace.dropped, 0u);
  auto is = [&](size_t i, GilTraceEvent::Kind kind, const char* who) {
    EXPECT_EQ(trace.events[i].kind, kind) << i;
    EXPECT_EQ(trace.threads[trace.events[i].thread].name, who) << i;
    EXPECT_LE(trace.events[i].start_ns, trace.events[i].end_ns) << i;
  };
  is(0, GilTraceEvent::kHold, "A");
  EXPECT_EQ(trace.events[0].reason, GilReleaseReason::kInterval);
  is(1, GilTraceEvent::kWait, "B");
  is(2, GilTraceEvent::kHold, "B");
  EXPECT_EQ(trace.events[2].reason, GilReleaseReason::kExit);
  is(3, GilTraceEvent::kWait, "A");
  f.gil.Release(f.a, GilReleaseReason::kExit);
}

TEST(GilStatsTest, ResetStartsANewWindowAndKeepsTheWholeRun) {
  Fixture f;
  f.gil.Acquire(f.a);
  f.IoRounds(3);
  f.a.instructions = 500;
  f.gil.ResetStats();
  f.a.instructions = 800;
  f.IoRounds(1);
  GilReport window_report = f.gil.Report(f.a, true), run_report = f.gil.Report(f.a, false);
  const GilThreadReport& window = f.Row(window_report, "A");
  const GilThreadReport& run = f.Row(run_report, "A");
  EXPECT_EQ(Released(window, GilReleaseReason::kIo), 1u);
  EXPECT_EQ(window.stats.acquisitions, 1u);
  EXPECT_EQ(window.instructions, 300u);
  EXPECT_EQ(Released(run, GilReleaseReason::kIo), 4u);
  EXPECT_EQ(run.stats.acquisitions, 5u);
  EXPECT_EQ(run.instructions, 800u);
  f.gil.Release(f.a, GilReleaseReason::kExit);
}

TEST(GilStatsTest, AThreadThatEndedKeepsItsRow) {
  Fixture f;
  f.gil.Acquire(f.a);
  f.RunBOnce();
  f.gil.Retire(f.b);
  GilReport r = f.gil.Report(f.a, false);
  ASSERT_EQ(r.threads.size(), 2u);
  EXPECT_EQ(r.threads[0].name, "B");  // retired rows first, then the live threads
  EXPECT_FALSE(r.threads[0].alive);
  EXPECT_EQ(Released(r.threads[0], GilReleaseReason::kExit), 1u);
  EXPECT_TRUE(r.threads[1].alive);
  f.gil.Release(f.a, GilReleaseReason::kExit);
}

TEST(GilStatsTest, AThreadThatEndedBeforeTheResetHasNoRowInTheWindow) {
  Fixture f;
  f.gil.Acquire(f.a);
  f.RunBOnce();
  f.gil.ResetStats();  // B has let go on exit, but its slot is still registered
  f.gil.Retire(f.b);
  GilReport window = f.gil.Report(f.a, true);
  ASSERT_EQ(window.threads.size(), 1u);
  EXPECT_EQ(window.threads[0].name, "A");
  EXPECT_EQ(f.gil.Report(f.a, false).threads.size(), 2u);
  // A reset after the thread is retired keeps its whole-run row too.
  f.gil.ResetStats();
  EXPECT_EQ(f.gil.Report(f.a, true).threads.size(), 1u);
  GilReport run = f.gil.Report(f.a, false);
  ASSERT_EQ(run.threads.size(), 2u);
  EXPECT_EQ(Released(run.threads[0], GilReleaseReason::kExit), 1u);
  f.gil.Release(f.a, GilReleaseReason::kExit);
}

TEST(GilStatsTest, TheTraceKeepsTheNewestSpansAndCountsTheDropped) {
  Fixture f;
  f.gil.Acquire(f.a);
  uint64_t mark = f.gil.StartTrace(4);
  f.IoRounds(10);
  GilTrace t = f.gil.StopTrace(mark);
  ASSERT_EQ(t.events.size(), 4u);
  EXPECT_EQ(t.dropped, 6u);
  for (size_t i = 1; i < t.events.size(); ++i) EXPECT_LE(t.events[i - 1].end_ns, t.events[i].start_ns);
  EXPECT_FALSE(f.gil.tracing());
  f.gil.Release(f.a, GilReleaseReason::kExit);
}

TEST(GilStatsTest, NestedTraceSessionsEachSeeTheirOwnSpans) {
  Fixture f;
  f.gil.Acquire(f.a);
  uint64_t outer = f.gil.StartTrace(100);
  f.IoRounds(2);
  uint64_t inner = f.gil.StartTrace(100);
  f.IoRounds(3);
  EXPECT_EQ(f.gil.StopTrace(inner).events.size(), 3u);
  f.IoRounds(1);
  EXPECT_TRUE(f.gil.tracing());
  EXPECT_EQ(f.gil.StopTrace(outer).events.size(), 6u);
  EXPECT_FALSE(f.gil.tracing());
  f.gil.Release(f.a, GilReleaseReason::kExit);
}

TEST(GilStatsTest, ALongHoldWithoutASafePointIsMeasuredAndPlaced) {
  Fixture f;
  f.gil.Acquire(f.a);
  std::thread waiter = f.StartWaiterB();
  // A long native call: no safe point for 30 ms while B waits (longer than the 15 ms switch
  // interval, so B also asks A to drop the GIL).
  std::this_thread::sleep_for(milliseconds(30));
  f.gil.SafePoint(f.a);
  unsigned windows = f.gil.TakeNewUnpolledMax(f.a);
  EXPECT_EQ(windows, Gil::kRunWindow | Gil::kResetWindow);
  f.gil.SetUnpolledWhere(f.a, windows, "x.py:3 in f");
  EXPECT_EQ(f.gil.TakeNewUnpolledMax(f.a), 0u);
  waiter.join();
  GilReport r = f.gil.Report(f.a, false);
  const GilThreadReport* longest = r.longest_unpolled();
  ASSERT_NE(longest, nullptr);
  EXPECT_EQ(longest->name, "A");
  EXPECT_GE(longest->stats.max_unpolled_ns, 30'000'000u);
  EXPECT_EQ(longest->stats.max_unpolled_where, "x.py:3 in f");
  EXPECT_GE(f.Row(r, "B").stats.drop_requests, 1u);
  EXPECT_GE(r.waiting_ns, 30'000'000u);
  f.gil.Release(f.a, GilReleaseReason::kExit);
}

// A thread that queued for the GIL under one policy gets it after the policy changes, even from
// a holder that never blocks (it used to wait until the holder blocked: here, for ever, so the
// holder gives up after 10 s of safe points).
TEST(GilStatsTest, APolicyChangeStrandsNoWaiter) {
  std::pair<GilPolicy, GilPolicy> changes[] = {{GilPolicy::kFair, GilPolicy::kCpython3},
                                               {GilPolicy::kCpython3, GilPolicy::kFair},
                                               {GilPolicy::kFair, GilPolicy::kCpython2}};
  for (auto [first, then] : changes) {
    Fixture f;
    f.gil.set_switch_interval_ns(1'000'000);
    f.gil.set_policy(first);
    f.gil.Acquire(f.a);
    std::atomic<bool> ran{false};
    std::thread b([&] {
      f.gil.Acquire(f.b);
      ran.store(true);
      f.gil.Release(f.b, GilReleaseReason::kExit);
    });
    while (f.gil.waiting() == 0) std::this_thread::yield();
    f.gil.set_policy(then);
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!ran.load() && std::chrono::steady_clock::now() < give_up) f.gil.SafePoint(f.a);
    EXPECT_TRUE(ran.load()) << GilPolicyName(first) << " -> " << GilPolicyName(then);
    if (!ran.load()) f.gil.Release(f.a, GilReleaseReason::kIo);  // let b finish, then clean up
    b.join();
    if (!f.gil.IsHeldBy(f.a)) f.gil.Acquire(f.a);
    f.gil.Release(f.a, GilReleaseReason::kExit);
  }
}

TEST(GilStatsTest, ReleaseReasonAndPolicyNamesAreTheOutputsOwn) {
  const char* want[] = {"interval", "timeout", "io", "yield", "exit"};
  for (int i = 0; i < kNumGilReleaseReasons; ++i)
    EXPECT_STREQ(GilReleaseReasonName(static_cast<GilReleaseReason>(i)), want[i]);
  EXPECT_STREQ(GilPolicyName(GilPolicy::kCpython3), "cpython3");
  EXPECT_EQ(FormatGilDuration(850), "850 ns");
  EXPECT_EQ(FormatGilDuration(12'300), "12.3 us");
  EXPECT_EQ(FormatGilDuration(4'560'000), "4.6 ms");
  EXPECT_EQ(FormatGilDuration(999'960), "1 ms");
  EXPECT_EQ(FormatGilDuration(312'000'000), "312 ms");
  EXPECT_EQ(FormatGilDuration(1'230'000'000), "1.2 s");
}

}  // namespace
}  // namespace gilvm::vm
