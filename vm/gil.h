// Gil: the global interpreter lock of one interpreter, and its safe-point word.
//
// Invariants (see ../shared/gil-spec.md for the full contract):
//  - Exactly one thread holds the GIL while any bytecode of the interpreter runs. The holder is
//    the GilSlot in `holder_`; it changes only under `mu_`.
//  - `eval_breaker` is the one safe-point word: every reason to stop the running thread (a
//    waiter exists, a drop request, a host interrupt, a pending signal) is a bit in it. The
//    holder reads it with one relaxed load each time its instruction budget runs out; when it
//    is zero the holder carries on without a syscall or a clock read.
//  - Bits are set by any thread with fetch_or and cleared by the holder (or under `mu_`).
//  - Policy `fair`: waiters queue FIFO and a release with waiters hands the GIL directly to the
//    one that waited longest (`holder_` is set before it wakes), so a forced switch is
//    guaranteed: the old holder cannot win it back first. `cpython2` and `cpython3` reproduce
//    CPython's old and new locks: a release leaves the GIL free and waiters compete for it.
//  - Under `fair`, only the waiter at the head of the queue spins (for kGilSpinNs, on a machine
//    with more than one core) before it parks; the others park at once. A handoff to a spinning
//    waiter costs no syscall. When the head changes, the new head is woken so it spins in turn.
//  - After Close() (interpreter shutdown) no other thread ever gets the GIL: a thread that asks
//    parks for good, holding nothing, as daemon threads do in CPython.
//  - A GilSlot belongs to one thread; its counters are written only by that thread or under
//    `mu_`, and read by others only under `mu_` (Gil::Snapshot).
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

#include "vm/config.h"
#include "vm/gil_stats.h"

namespace gilvm::vm {

enum class GilPolicy : uint8_t { kFair, kCpython2, kCpython3 };

// The GIL's view of one thread: its place in the queue and its counters.
class GilSlot {
 public:
  GilThreadStats stats;  // see the class invariant in the header comment

 private:
  friend class Gil;
  std::condition_variable cv_;
  // Set (release) under Gil::mu_ when the GIL is handed to this slot; a spinning waiter reads it
  // without the mutex.
  std::atomic<bool> granted_{false};
  bool parked_ = false;      // guarded by Gil::mu_: waiting on cv_
  bool spun_ = false;        // guarded by Gil::mu_: already spun at the head of the queue
  int64_t wait_start_ = 0;   // guarded by Gil::mu_
  int64_t acquired_at_ = 0;  // steady-clock ns when this thread last took the GIL
};

class Gil {
 public:
  enum Bits : uint32_t {
    kWaiters = 1u << 0,      // at least one thread waits for the GIL
    kDropRequest = 1u << 1,  // a waiter timed out: the holder must let go
    kInterrupt = 1u << 2,    // the host asked the running script to stop
    kSignal = 1u << 3,       // a signal handler (SIGINT) ran
  };

  uint32_t breaker() const { return eval_breaker_.load(std::memory_order_relaxed); }
  void Set(uint32_t bits) { eval_breaker_.fetch_or(bits, std::memory_order_relaxed); }
  void Clear(uint32_t bits) { eval_breaker_.fetch_and(~bits, std::memory_order_relaxed); }

  int64_t check_interval() const { return check_interval_.load(std::memory_order_relaxed); }
  void set_check_interval(int64_t n) { check_interval_.store(n, std::memory_order_relaxed); }
  int64_t switch_interval_ns() const { return switch_interval_ns_.load(std::memory_order_relaxed); }
  void set_switch_interval_ns(int64_t ns) { switch_interval_ns_.store(ns, std::memory_order_relaxed); }
  GilPolicy policy() const { return policy_.load(std::memory_order_relaxed); }
  void set_policy(GilPolicy p) { policy_.store(p, std::memory_order_relaxed); }

  // Blocks until `me` holds the GIL.
  void Acquire(GilSlot& me);
  // Gives the GIL up. Under `fair` the longest waiter gets it at once.
  void Release(GilSlot& me, GilReleaseReason why);
  // Called by the holder at a safe point when breaker() is non-zero: lets another thread run if
  // the policy says so, and returns once `me` holds the GIL again. When the word says no switch
  // is possible it returns at once, without the mutex or a clock read. Returns true if the GIL
  // changed hands.
  bool SafePoint(GilSlot& me);
  // time.sleep(0) and thread exit hand over explicitly: a yield with waiters always switches.
  void Yield(GilSlot& me);

  // Interpreter shutdown, called by the holder: from now on no other thread gets the GIL (one
  // that asks parks for good). WaitParked returns once `n` threads have parked.
  void Close();
  void WaitParked(size_t n);

  // fork() support (vm/fork.cc). The holder calls LockForFork just before fork(), so that no
  // other thread is inside the GIL's mutex when the address space is copied; the parent then
  // calls UnlockAfterFork, and the child ResetInChild: the other threads do not exist there, so
  // the queue is emptied, the mutex released, the condition variables rebuilt, and `me` stays
  // holder.
  void LockForFork();
  void UnlockAfterFork();
  void ResetInChild(GilSlot& me);

  bool IsHeldBy(const GilSlot& me);
  // Threads waiting for the GIL right now.
  size_t waiting();
  // Switches so far: times the GIL went from one thread to another.
  uint64_t switches();
  // A consistent copy of one thread's counters.
  GilThreadStats Snapshot(const GilSlot& slot);

  static int64_t NowNs();

 private:
  void TakeLocked(GilSlot& me, int64_t now, bool waited, int64_t wait_start);
  void LeaveLocked(GilSlot& me, GilReleaseReason why, int64_t now);
  void HandOffLocked(int64_t now, GilSlot* requeue = nullptr);
  void EnqueueLocked(GilSlot& me, int64_t now);
  void WaitForGrantLocked(std::unique_lock<std::mutex>& lock, GilSlot& me);
  [[noreturn]] void ParkForeverLocked(std::unique_lock<std::mutex>& lock);
  void HandOverAndWaitLocked(std::unique_lock<std::mutex>& lock, GilSlot& me, GilReleaseReason why, int64_t now);
  void CompeteLocked(std::unique_lock<std::mutex>& lock, GilSlot& me, int64_t wait_start);
  void UpdateWaiterBitLocked();

  std::atomic<uint32_t> eval_breaker_{0};
  std::atomic<int64_t> check_interval_{kDefaultCheckInterval};
  std::atomic<int64_t> switch_interval_ns_{kDefaultSwitchIntervalNs};
  std::atomic<GilPolicy> policy_{GilPolicy::kFair};

  std::mutex mu_;
  GilSlot* holder_ = nullptr;       // guarded by mu_
  GilSlot* last_holder_ = nullptr;  // guarded by mu_; for counting switches
  std::deque<GilSlot*> queue_;      // guarded by mu_; FIFO of waiters (fair)
  int competing_ = 0;               // guarded by mu_; waiters under cpython2/cpython3
  uint64_t switches_ = 0;           // guarded by mu_
  std::condition_variable compete_cv_;  // cpython2/cpython3 waiters, and forced drops
  bool closing_ = false;            // guarded by mu_
  size_t parked_ = 0;               // guarded by mu_: threads parked for good after Close()
  std::condition_variable parked_cv_;
  const bool spin_ = SpinWorthwhile();

  static bool SpinWorthwhile();
};

}  // namespace gilvm::vm
