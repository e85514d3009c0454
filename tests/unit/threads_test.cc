// Script threads end to end: _thread and time through the Interpreter, with assertions on counts
// and orderings (the interleaving a script records), and clocks only with generous bounds.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/unit/run_source.h"
#include <unistd.h>
#include "vm/gil.h"
#include "vm/interpreter.h"
#include "vm/threads.h"

namespace gilvm::vm {
namespace {

// Two CPU-bound threads append their tag to one list; the script prints the list as a string.
// Each run of one tag is one turn of the GIL (as seen by the script). Both workers wait at a
// gate until both have started, so they contend from the start whatever the OS's thread start-up
// latency.
constexpr char kInterleaving[] = R"(
import _thread
log = []
left = [2]
arrived = [0]
mu = _thread.allocate_lock()
gate = _thread.allocate_lock()
gate.acquire()
done = _thread.allocate_lock()
done.acquire()
def worker(tag, n):
    with mu:
        arrived[0] += 1
        if arrived[0] == 2:
            gate.release()
    with gate:
        pass
    for i in range(n):
        log.append(tag)
    with mu:
        left[0] -= 1
        if left[0] == 0:
            done.release()
_thread.start_new_thread(worker, ('a', 20000))
_thread.start_new_thread(worker, ('b', 20000))
done.acquire()
print(''.join(log))
)";

// The same, but the workers meet at a busy-wait barrier: from then on each one is always either
// running bytecode or queued for the GIL (never blocked elsewhere, whatever the OS scheduler
// does), so under the fair policy they must alternate. (Only for policies that switch on the
// instruction count: under cpython3 the first to arrive would spin for a whole interval.)
constexpr char kSpinBarrierInterleaving[] = R"(
import _thread
log = []
left = [2]
arrived = [0]
mu = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
def worker(tag, n):
    with mu:
        arrived[0] += 1
    while arrived[0] < 2:
        pass
    for i in range(n):
        log.append(tag)
    with mu:
        left[0] -= 1
        if left[0] == 0:
            done.release()
_thread.start_new_thread(worker, ('a', 20000))
_thread.start_new_thread(worker, ('b', 20000))
done.acquire()
print(''.join(log))
)";

std::vector<size_t> TurnLengths(const std::string& log) {
  std::vector<size_t> turns;
  for (size_t i = 0; i < log.size() && log[i] != '\n'; ++i) {
    if (i > 0 && log[i] == log[i - 1]) ++turns.back();
    else turns.push_back(1);
  }
  return turns;
}

TEST(ThreadsTest, FairPolicyAlternatesEveryCheckInterval) {
  InterpreterOptions options;
  options.switch_interval_ns = 10'000'000'000;  // only the instruction count may switch
  RunResult r = RunSource(kSpinBarrierInterleaving, std::move(options));
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<size_t> turns = TurnLengths(r.out);
  ASSERT_GT(turns.size(), 200u) << "two CPU-bound threads must take turns";
  // One loop iteration is at least 5 instructions (FOR_ITER, STORE_FAST, LOAD_GLOBAL,
  // LOAD_METHOD, CALL_METHOD...), so a turn of 100 instructions appends at most 21 tags. The
  // first turn may run alone until the other thread arrives, the last after it ended.
  for (size_t i = 1; i + 1 < turns.size(); ++i) EXPECT_LE(turns[i], 21u) << "turn " << i;
  EXPECT_GE(r.switches, turns.size() - 1);
}

TEST(ThreadsTest, Cpython3PolicyDoesNotSwitchBeforeTheInterval) {
  InterpreterOptions options;
  options.policy = GilPolicy::kCpython3;
  options.switch_interval_ns = 10'000'000'000;  // far longer than the whole run
  RunResult r = RunSource(kInterleaving, std::move(options));
  ASSERT_EQ(r.status, 0) << r.err;
  // Each worker runs to its end in one turn (it gives the GIL up only when it exits).
  EXPECT_EQ(TurnLengths(r.out).size(), 2u);
}

TEST(ThreadsTest, LocksKeepExactCountsUnderContention) {
  RunResult r = RunSource(R"(
import _thread
lock = _thread.allocate_lock()
counter = [0]
finished = [0]
all_done = _thread.allocate_lock()
all_done.acquire()
N = 100
def worker():
    for i in range(200):
        with lock:
            counter[0] += 1
    with lock:
        finished[0] += 1
        if finished[0] == N:
            all_done.release()
for i in range(N):
    _thread.start_new_thread(worker, ())
all_done.acquire()
print(counter[0], finished[0])
)");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "20000 100\n");
}

TEST(ThreadsTest, SleepsOverlap) {
  // Timed inside the script, from the first start to the last wake-up: the interpreter's own
  // start-up (slow under ASan and GC stress) is not part of what overlaps.
  RunResult r = RunSource(R"(
import _thread, time
lock = _thread.allocate_lock()
done = [0]
def sleeper():
    time.sleep(0.5)
    with lock:
        done[0] += 1
start = time.monotonic()
for i in range(8):
    _thread.start_new_thread(sleeper, ())
while True:
    with lock:
        if done[0] == 8:
            break
    time.sleep(0.01)
print(done[0], time.monotonic() - start)
)");
  ASSERT_EQ(r.status, 0) << r.err;
  double seconds = 0;
  int done = 0;
  ASSERT_EQ(std::sscanf(r.out.c_str(), "%d %lf", &done, &seconds), 2) << r.out;
  EXPECT_EQ(done, 8);
  EXPECT_LT(seconds, 3 * 0.5) << "8 sleeps of 0.5 s must overlap (sequential: 4 s)";
}

TEST(ThreadsTest, ExceptionInThreadIsReportedAndTheProgramGoesOn) {
  RunResult r = RunSource(R"(
import _thread, time
done = _thread.allocate_lock()
done.acquire()
def bad():
    try:
        raise ValueError('boom')
    finally:
        done.release()
_thread.start_new_thread(bad, ())
done.acquire()
time.sleep(0.05)
print('main goes on')
)");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "main goes on\n");
  EXPECT_NE(r.err.find("Exception ignored in thread started by: <function bad at 0x"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ValueError: boom\n"), std::string::npos) << r.err;
}

TEST(ThreadsTest, ShutdownWithRunningSleepingAndBlockedThreadsDoesNotHang) {
  for (GilPolicy policy : {GilPolicy::kFair, GilPolicy::kCpython2, GilPolicy::kCpython3}) {
    InterpreterOptions options;
    options.policy = policy;
    RunResult r = RunSource(R"(
import _thread, time
def spin():
    while True:
        pass
def sleep():
    time.sleep(1000)
def block(lock):
    lock.acquire()
    lock.acquire()
for i in range(2):
    _thread.start_new_thread(spin, ())
    _thread.start_new_thread(sleep, ())
    _thread.start_new_thread(block, (_thread.allocate_lock(),))
time.sleep(0.02)
print(_thread._count())
)",
                            std::move(options));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "6\n");
  }
}

TEST(ThreadsTest, InterruptWakesTheMainThreadInSleepAndLockAcquire) {
  // Interrupts every 50 ms until the script ends: the first ends the sleep, a later one the
  // acquire of a lock that nobody will ever release.
  RunResult r = RunSourceInterrupted(R"(
import _thread, time
try:
    time.sleep(60)
except KeyboardInterrupt:
    print('sleep interrupted')
lock = _thread.allocate_lock()
lock.acquire()
lock.acquire()
)", std::chrono::milliseconds(50));
  EXPECT_EQ(r.status, 130);
  EXPECT_EQ(r.out, "sleep interrupted\n");
  EXPECT_NE(r.err.find("line 9, in <module>\n    lock.acquire()\nKeyboardInterrupt\n"), std::string::npos) << r.err;
}

// WaitFd, the wait behind every file, pipe and socket: ready, timed out, or woken (by a signal,
// a host interrupt or shutdown) while the descriptor stays silent.
TEST(ThreadsTest, WaitFdReturnsReadyTimedOutOrWoken) {
  Interpreter interp;
  ThreadState& ts = interp.main_thread();
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  EXPECT_EQ(WaitFd(ts, fds[0], POLLIN, DeadlineAfter(0.02)), WaitResult::kTimedOut);
  ASSERT_EQ(write(fds[1], "x", 1), 1);
  EXPECT_EQ(WaitFd(ts, fds[0], POLLIN, kNoDeadline), WaitResult::kReady);
  char c;
  ASSERT_EQ(read(fds[0], &c, 1), 1);
  std::thread waker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ts.Wake();
  });
  EXPECT_EQ(WaitFd(ts, fds[0], POLLIN, kNoDeadline), WaitResult::kWoken);
  waker.join();
  EXPECT_TRUE(HandleWake(ts));  // a plain wake raises nothing
  // A stale wake-up left in the eventfd does not end the next wait early.
  ts.Wake();
  ts.wake_pending.store(false);
  EXPECT_EQ(WaitFd(ts, fds[0], POLLIN, DeadlineAfter(0.02)), WaitResult::kTimedOut);
  close(fds[0]);
  close(fds[1]);
}

}  // namespace
}  // namespace gilvm::vm
