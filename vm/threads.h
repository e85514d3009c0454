// Script threads: starting and ending them, and the one way they block.
//
// Invariants:
//  - Every wait that can block a script thread goes through BlockingWait: it releases the GIL
//    (GilReleaseGuard, reason io) for the wait and returns early, with kWoken, when the thread
//    is woken (ThreadState::Wake: a signal for the main thread, a host interrupt, interpreter
//    shutdown). So no wait can hold up Ctrl-C, other threads or shutdown.
//  - A started thread's ThreadState joins interp.threads_ before its OS thread starts and leaves
//    it on that thread, holding the GIL, as its last act; it then releases the GIL with reason
//    exit. All of this happens under the GIL, so the collector always sees every live thread.
//  - During shutdown (Interpreter::~Interpreter) a thread that wants the GIL parks for good
//    (Gil::Close); the interpreter waits until every other thread has parked before it frees
//    anything they could touch.
//  - Script threads block every asynchronous signal, so SIGINT reaches the main thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include <poll.h>
#include <signal.h>

#include "vm/thread_state.h"
#include "vm/value.h"

namespace gilvm::vm {

enum class WaitResult { kReady, kTimedOut, kWoken };

// Deadlines are steady-clock nanoseconds (Gil::NowNs); kNoDeadline waits without a time limit.
inline constexpr int64_t kNoDeadline = -1;
// The deadline `seconds` from now, saturating; kNoDeadline for a negative value.
int64_t DeadlineAfter(double seconds);

// Releases the GIL and waits until `ready()` (called with `mu` held; it may claim what it found,
// e.g. mark a lock taken) returns true, the deadline passes, or the thread is woken. `cv` must be
// notified, under `mu`, whenever ready() may have become true. The GIL is held again on return.
template <typename Ready>
WaitResult BlockingWait(ThreadState& ts, std::mutex& mu, std::condition_variable& cv, int64_t deadline_ns,
                        Ready ready) {
  GilReleaseGuard unlocked(ts);
  BlockedOn published(ts, mu, cv);
  std::unique_lock lock(mu);
  for (;;) {
    if (ready()) return WaitResult::kReady;
    if (ts.wake_pending.load()) return WaitResult::kWoken;
    if (deadline_ns == kNoDeadline) {
      cv.wait(lock);
    } else if (cv.wait_until(lock, std::chrono::steady_clock::time_point(std::chrono::nanoseconds(deadline_ns))) ==
               std::cv_status::timeout) {
      return ready() ? WaitResult::kReady : WaitResult::kTimedOut;
    }
  }
}

// Releases the GIL and polls `fds` (as poll(2); their revents are filled in) until one is
// ready, the deadline passes, or the thread is woken. A descriptor poll rejects (POLLNVAL) counts
// as ready, so the caller's read or write reports the error. The GIL is held again on return.
// Every wait for a file, pipe, socket or terminal goes through here (or WaitFd).
WaitResult WaitFds(ThreadState& ts, pollfd* fds, size_t nfds, int64_t deadline_ns);
// One descriptor: `events` is POLLIN or POLLOUT.
WaitResult WaitFd(ThreadState& ts, int fd, short events, int64_t deadline_ns);

// A number of seconds (int or float) for sleep() and timeouts: false with TypeError, ValueError
// (NaN) or OverflowError pending, worded as CPython's.
bool SecondsFromObject(ThreadState& ts, Value v, double* out);

// After a wait returned kWoken: raises KeyboardInterrupt and returns false if a signal (main
// thread only) or a host interrupt is pending; otherwise returns true and the caller waits again.
bool HandleWake(ThreadState& ts);
// Raises KeyboardInterrupt for a pending signal (main thread only) or interrupt. false: raised.
bool CheckInterrupts(ThreadState& ts);

// Sleeps `seconds` (> 0) with the GIL released; false with KeyboardInterrupt pending if woken
// by a signal.
bool Sleep(ThreadState& ts, double seconds);

// Starts an OS thread running func(*args, **kwargs) (args a tuple, kwargs a dict or Null) in a
// new ThreadState. Returns it (not yet running), or null with RuntimeError pending.
ThreadState* StartThread(ThreadState& ts, Value func, Value args, Value kwargs);

// Counts the thread's instructions toward the host's budget and raises gilvm.LimitExceeded if
// a limit has tripped (ScriptLimits in vm/interpreter.h). false: raised.
bool CheckLimits(ThreadState& ts);

// Makes `ts` raise KeyboardInterrupt at its next safe point, waking it if it is blocked (the
// embedding API's Interrupt). Callable from any thread, with or without the GIL.
void InterruptThread(ThreadState& ts);

// Sets the GIL bit for `bit` (Gil::kSignal or Gil::kInterrupt) and wakes the main thread if it
// is blocked. Callable from any thread, with or without the GIL (not from a signal handler).
void InterruptMainThread(Interpreter& interp, uint32_t bit);

// Blocks every asynchronous signal in the calling thread for its scope, so that a thread started
// within it (which inherits the mask) never has SIGINT delivered to it; the faults a thread
// causes itself are still delivered. Every thread gilvm starts is started under one.
class AsyncSignalsBlocked {
 public:
  AsyncSignalsBlocked();
  ~AsyncSignalsBlocked();
  AsyncSignalsBlocked(const AsyncSignalsBlocked&) = delete;
  AsyncSignalsBlocked& operator=(const AsyncSignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

// fork(2) for os.fork (vm/fork.cc), called holding the GIL: flushes stdout first so buffered
// output is not written twice, and leaves the child's interpreter usable with the calling
// thread as its only thread. Returns fork's result; -1 with errno set on failure.
int ForkProcess(ThreadState& ts);

}  // namespace gilvm::vm
