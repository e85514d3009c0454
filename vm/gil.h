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
#include <utility>
#include <string>
#include <vector>

#include "vm/config.h"
#include "vm/gil_stats.h"

namespace gilvm::vm {

enum class GilPolicy : uint8_t { kFair, kCpython2, kCpython3 };

// The GIL's view of one thread: its place in the queue and its counters.
class GilSlot {
 public:
  // Counters for the whole run and for the window since the last ResetStats(). Written by the
  // thread as it takes and lets go of the GIL (so: by the holder), except `drop_requests`,
  // written by the waiting thread under Gil::mu_. Read under Gil::mu_ by a holder of the GIL.
  GilThreadStats stats, window;
  // Instructions run: written by the owner while it holds the GIL (ThreadState::CountInstructions).
  uint64_t instructions = 0;
  uint64_t instructions_at_reset = 0;

 private:
  friend class Gil;
  std::condition_variable cv_;
  // Set (release) under Gil::mu_ when the GIL is handed to this slot; a spinning waiter reads it
  // without the mutex.
  std::atomic<bool> granted_{false};
  bool parked_ = false;      // guarded by Gil::mu_: waiting on cv_
  bool spun_ = false;        // guarded by Gil::mu_: already spun at the head of the queue
  int64_t wait_start_ = 0;   // guarded by Gil::mu_
  int64_t granted_at_ = 0;   // guarded by Gil::mu_: when the releaser handed the GIL over (fair)
  int64_t acquired_at_ = 0;  // owner, holding the GIL: when it last started running with it
  int64_t last_poll_ = 0;    // owner, holding the GIL: its last safe point seen with a waiter
  unsigned new_unpolled_max_ = 0;  // owner: the windows in which SafePoint found a new longest
                                   // stretch without one (Gil::kRunWindow, kResetWindow)
  // Guarded by Gil::mu_: who this is, for reports and traces.
  std::string name_;
  uint64_t ident_ = 0;
  uint64_t native_id_ = 0;
  uint32_t trace_id_ = 0;  // index into the trace's thread table
};

class Gil {
 public:
  enum Bits : uint32_t {
    kWaiters = 1u << 0,      // at least one thread waits for the GIL
    kDropRequest = 1u << 1,  // a waiter timed out: the holder must let go
    kInterrupt = 1u << 2,    // the host asked the running script to stop
    kSignal = 1u << 3,       // a signal handler (SIGINT) ran
    kLimits = 1u << 4,       // the host set limits (vm/interpreter.h, ScriptLimits): check them
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
  // A consistent copy of one thread's whole-run counters.
  GilThreadStats Snapshot(const GilSlot& slot);

  // Measurement (vm/gil_stats.h). Every thread's slot is registered while its ThreadState lives;
  // a retired thread's figures stay in the reports.
  void Register(GilSlot& slot);
  void Describe(GilSlot& slot, std::string name, uint64_t ident, uint64_t native_id);
  void SetName(GilSlot& slot, std::string name);
  // A thread that ends lets go of the GIL for good (reason kExit) and leaves its rows behind in
  // one step; after it, the thread touches nothing of the interpreter (which may be destroyed).
  void ReleaseAndRetire(GilSlot& me);
  void Retire(GilSlot& slot);
  // Called by the holder after SafePoint(): non-zero when that safe point ended the longest
  // stretch so far without one while another thread waited (in the whole run, kRunWindow, and/or
  // since the last reset, kResetWindow); the caller then says where it is with SetUnpolledWhere.
  enum : unsigned { kRunWindow = 1, kResetWindow = 2 };
  unsigned TakeNewUnpolledMax(GilSlot& me) { return std::exchange(me.new_unpolled_max_, 0u); }
  void SetUnpolledWhere(GilSlot& me, unsigned windows, const std::string& where);
  // The figures since the last ResetStats (`window`) or of the whole run; the caller, `me`, holds
  // the GIL and has counted its instructions.
  GilReport Report(GilSlot& me, bool window);
  // Starts a new window (gil.reset()). The caller holds the GIL.
  void ResetStats();

  // Tracing: hold and wait spans go to a ring buffer of `capacity` events while at least one
  // trace session is open; the oldest are dropped when it is full. StartTrace returns a session
  // mark; StopTrace ends that session and returns its spans. The caller holds the GIL.
  uint64_t StartTrace(size_t capacity);
  GilTrace StopTrace(uint64_t mark);
  bool tracing() const { return trace_sessions_ > 0; }

  static int64_t NowNs();

 private:
  // A retired thread's rows (whole run, window).
  struct Retired {
    GilThreadReport run, window;
  };

  void TakeLocked(GilSlot& me, int64_t now);
  void OnRunning(GilSlot& me, int64_t now, bool waited, int64_t wait_start, int64_t handed_at);
  void LeaveLocked(GilSlot& me, GilReleaseReason why, int64_t now);
  void HandOffLocked(int64_t now, GilSlot* requeue = nullptr);
  void EnqueueLocked(GilSlot& me, int64_t now);
  void WaitForGrantLocked(std::unique_lock<std::mutex>& lock, GilSlot& me);
  void WaitInQueueLocked(std::unique_lock<std::mutex>& lock, GilSlot& me);
  [[noreturn]] void ParkForeverLocked(std::unique_lock<std::mutex>& lock);
  void HandOverAndWaitLocked(std::unique_lock<std::mutex>& lock, GilSlot& me, GilReleaseReason why, int64_t now);
  void CompeteLocked(std::unique_lock<std::mutex>& lock, GilSlot& me, int64_t wait_start);
  void FreeLocked(int64_t now);
  void PassOnLocked(int64_t now);
  void ForcedDropLocked(std::unique_lock<std::mutex>& lock, GilSlot& me, GilReleaseReason why, int64_t now);
  void UpdateWaiterBitLocked(int64_t now);
  void NoteUnpolled(GilSlot& me, int64_t now);
  void TraceSpan(const GilSlot& me, GilTraceEvent::Kind kind, GilReleaseReason why, int64_t start, int64_t end);
  GilThreadReport RowLocked(const GilSlot& slot, bool window, int64_t now, const GilSlot* caller);
  void RetireLocked(GilSlot& slot);

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
  int64_t freed_at_ = 0;            // guarded by mu_: when a holder last let go with waiters (cpython2/3)
  std::condition_variable compete_cv_;  // cpython2/cpython3 waiters, and forced drops
  bool closing_ = false;            // guarded by mu_
  size_t parked_ = 0;               // guarded by mu_: threads parked for good after Close()
  std::condition_variable parked_cv_;
  const bool spin_ = SpinWorthwhile();

  // Measurement, guarded by mu_. `waiting_since_` is 0 while nobody waits; the holder also reads
  // it without the mutex at a safe point (hence atomic).
  std::vector<GilSlot*> slots_;     // live threads, in the order they registered
  std::vector<Retired> retired_;    // threads gone, the first kMaxRetiredRows of them...
  Retired retired_rest_;            // ...and all the others, merged into one row
  uint64_t retired_rest_count_ = 0;
  std::vector<GilTrace::Thread> trace_threads_;  // by GilSlot::trace_id_
  const int64_t started_ns_ = NowNs();
  int64_t window_start_ns_ = started_ns_;
  uint64_t switches_at_reset_ = 0;
  std::atomic<int64_t> waiting_since_{0};
  uint64_t waiting_ns_ = 0, window_waiting_ns_ = 0;

  // The trace ring, written and read only by the holder of the GIL.
  std::vector<GilTraceEvent> trace_ring_;
  size_t trace_capacity_ = 0;
  uint64_t trace_next_ = 0;  // sequence number of the next event
  int trace_sessions_ = 0;
  std::vector<std::pair<uint64_t, int64_t>> trace_marks_;  // open sessions: (first event, start)

  static bool SpinWorthwhile();
};

}  // namespace gilvm::vm
