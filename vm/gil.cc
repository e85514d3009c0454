#include "vm/gil.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace gilvm::vm {

namespace {

using Clock = std::chrono::steady_clock;

Clock::time_point After(int64_t ns) { return Clock::now() + std::chrono::nanoseconds(ns); }

void AddSample(uint64_t* total, uint64_t* max, int64_t ns) {
  auto v = static_cast<uint64_t>(ns < 0 ? 0 : ns);
  *total += v;
  if (v > *max) *max = v;
}

// Tells the core a spin loop is running (frees pipeline resources for the other hyperthread).
inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

}  // namespace

bool Gil::SpinWorthwhile() { return std::thread::hardware_concurrency() > 1; }

int64_t Gil::NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

void Gil::TakeLocked(GilSlot& me, int64_t now, bool waited, int64_t wait_start) {
  holder_ = &me;
  if (last_holder_ != nullptr && last_holder_ != &me) ++switches_;
  last_holder_ = &me;
  me.acquired_at_ = now;
  ++me.stats.acquisitions;
  if (waited) {
    ++me.stats.contended;
    me.stats.wait_ns += static_cast<uint64_t>(std::max<int64_t>(now - wait_start, 0));
    me.stats.wait.Add(static_cast<uint64_t>(std::max<int64_t>(now - wait_start, 0)));
  }
}

void Gil::LeaveLocked(GilSlot& me, GilReleaseReason why, int64_t now) {
  AddSample(&me.stats.hold_ns, &me.stats.max_hold_ns, now - me.acquired_at_);
  ++me.stats.releases[static_cast<int>(why)];
}

void Gil::UpdateWaiterBitLocked() {
  bool waiting = !queue_.empty() || competing_ > 0;
  if (waiting) Set(kWaiters);
  else Clear(kWaiters);
}

// Fair policy: the longest waiter becomes the holder before it even wakes up. `requeue` (the old
// holder, or null) joins the queue first, so the new holder sees a waiter from its first safe
// point on. If another waiter is now at the head of the queue, it is woken so that it spins,
// ready for the next handoff.
void Gil::HandOffLocked(int64_t now, GilSlot* requeue) {
  if (queue_.empty()) {
    holder_ = nullptr;
    UpdateWaiterBitLocked();
    return;
  }
  GilSlot* next = queue_.front();
  queue_.pop_front();
  if (requeue != nullptr) EnqueueLocked(*requeue, now);
  UpdateWaiterBitLocked();
  Clear(kDropRequest);  // the request is answered: the GIL changes hands
  TakeLocked(*next, now, true, next->wait_start_);
  next->granted_.store(true, std::memory_order_release);
  if (next->parked_) next->cv_.notify_one();
  if (spin_ && !queue_.empty()) {
    GilSlot* head = queue_.front();
    head->spun_ = false;
    if (head->parked_) head->cv_.notify_one();
  }
}

void Gil::EnqueueLocked(GilSlot& me, int64_t now) {
  me.granted_.store(false, std::memory_order_relaxed);
  me.spun_ = false;
  me.wait_start_ = now;
  queue_.push_back(&me);
}

// Fair policy: waits in the queue until HandOffLocked picks `me` (which also does the
// bookkeeping of the acquisition). At the head of the queue it first spins, without the mutex;
// so it may return with `lock` released.
// Every switch interval spent waiting sets a drop request, so a holder that runs long native
// code or has the instruction count disabled still lets go at its next safe point.
void Gil::WaitForGrantLocked(std::unique_lock<std::mutex>& lock, GilSlot& me) {
  auto deadline = After(switch_interval_ns());
  for (;;) {
    if (me.granted_.load(std::memory_order_acquire)) return;
    if (closing_) ParkForeverLocked(lock);
    if (spin_ && !me.spun_ && queue_.front() == &me) {
      me.spun_ = true;
      lock.unlock();
      int64_t until = 0;  // read the clock only once the spin has lasted a while
      for (int i = 1;; ++i) {
        // Granted: the handoff needed no syscall, and taking mu_ again would only contend with
        // the old holder, which is still queueing itself.
        if (me.granted_.load(std::memory_order_acquire)) return;
        CpuRelax();
        if (i % 1024 == 0) {
          int64_t now = NowNs();
          if (until == 0) until = now + kGilSpinNs;
          else if (now > until) break;
        }
      }
      lock.lock();
      continue;
    }
    me.parked_ = true;
    bool timed_out = me.cv_.wait_until(lock, deadline) == std::cv_status::timeout;
    me.parked_ = false;
    if (timed_out && !me.granted_.load(std::memory_order_relaxed)) {
      Set(kDropRequest);
      ++me.stats.drop_requests;
      deadline = After(switch_interval_ns());
    }
  }
}

void Gil::ParkForeverLocked(std::unique_lock<std::mutex>& lock) {
  ++parked_;
  parked_cv_.notify_all();
  lock.unlock();
  // Nothing of the interpreter is touched from here on; it may be destroyed under us.
  for (;;) pause();
}

void Gil::Close() {
  std::lock_guard lock(mu_);
  closing_ = true;
  for (GilSlot* s : queue_) s->cv_.notify_one();
  queue_.clear();
  UpdateWaiterBitLocked();
  compete_cv_.notify_all();
}

void Gil::LockForFork() { mu_.lock(); }

void Gil::UnlockAfterFork() { mu_.unlock(); }

// In a forked child only the calling thread exists. It still holds the mutex (LockForFork); the
// condition variables may list waiters that are gone, so they are rebuilt in place rather than
// destroyed (destroying a waited-on condition variable hangs).
void Gil::ResetInChild(GilSlot& me) {
  mu_.unlock();
  new (&compete_cv_) std::condition_variable();
  new (&parked_cv_) std::condition_variable();
  queue_.clear();
  competing_ = 0;
  closing_ = false;
  parked_ = 0;
  holder_ = &me;
  last_holder_ = &me;
  Clear(kWaiters | kDropRequest);
}

void Gil::WaitParked(size_t n) {
  std::unique_lock lock(mu_);
  parked_cv_.wait(lock, [&] { return parked_ >= n; });
}

// Fair policy, holder with waiters: gives the GIL to the longest waiter, queues behind the others
// and returns once its turn comes round again.
void Gil::HandOverAndWaitLocked(std::unique_lock<std::mutex>& lock, GilSlot& me, GilReleaseReason why, int64_t now) {
  LeaveLocked(me, why, now);
  HandOffLocked(now, &me);
  WaitForGrantLocked(lock, me);
}

// cpython2 / cpython3: the GIL is free for whoever gets to it first. Under cpython3 a waiter that
// saw no switch during a whole interval asks the holder to drop it (CPython 3.2's design).
void Gil::CompeteLocked(std::unique_lock<std::mutex>& lock, GilSlot& me, int64_t wait_start) {
  bool waited = false;
  if (holder_ != nullptr) {
    waited = true;
    ++competing_;
    UpdateWaiterBitLocked();
    bool timed = policy() == GilPolicy::kCpython3;
    auto deadline = After(switch_interval_ns());
    uint64_t seen = switches_;
    while (holder_ != nullptr) {
      if (closing_) ParkForeverLocked(lock);
      if (!timed) {
        compete_cv_.wait(lock);
        continue;
      }
      if (compete_cv_.wait_until(lock, deadline) == std::cv_status::timeout && holder_ != nullptr) {
        if (switches_ == seen) {
          Set(kDropRequest);
          ++me.stats.drop_requests;
        }
        seen = switches_;
        deadline = After(switch_interval_ns());
      }
    }
    --competing_;
  }
  TakeLocked(me, NowNs(), waited, wait_start);
  Clear(kDropRequest);
  UpdateWaiterBitLocked();
  // A forced drop (cpython3) waits for this: someone else took the GIL.
  compete_cv_.notify_all();
}

void Gil::Acquire(GilSlot& me) {
  std::unique_lock lock(mu_);
  if (closing_) ParkForeverLocked(lock);
  int64_t start = NowNs();
  if (policy() != GilPolicy::kFair) return CompeteLocked(lock, me, start);
  if (holder_ == nullptr && queue_.empty()) return TakeLocked(me, start, false, start);
  EnqueueLocked(me, start);
  UpdateWaiterBitLocked();
  WaitForGrantLocked(lock, me);
}

void Gil::Release(GilSlot& me, GilReleaseReason why) {
  std::lock_guard lock(mu_);
  int64_t now = NowNs();
  LeaveLocked(me, why, now);
  // Queued waiters exist only under `fair`, competing ones only under the others; both are
  // served so that a policy change never strands a waiter.
  if (!queue_.empty()) {
    HandOffLocked(now);
  } else {
    holder_ = nullptr;
    compete_cv_.notify_all();
  }
}

bool Gil::SafePoint(GilSlot& me) {
  uint32_t bits = breaker();
  GilPolicy p = policy();
  // Most polls with a waiter have nothing to do under cpython3 (no drop request yet) or under
  // fair with the instruction count off: decide that from the word, without the mutex or a
  // clock read.
  bool may_act = p == GilPolicy::kCpython3 ? (bits & kDropRequest) != 0
                 : p == GilPolicy::kCpython2 ? (bits & kWaiters) != 0
                                             : (bits & kDropRequest) || (check_interval() > 0 && (bits & kWaiters));
  if (!may_act) return false;
  std::unique_lock lock(mu_);
  int64_t now = NowNs();
  switch (p) {
    case GilPolicy::kFair: {
      bool interval_due = check_interval() > 0 && (bits & kWaiters);
      bool dropped = bits & kDropRequest;
      if (queue_.empty() || (!interval_due && !dropped)) {
        if (queue_.empty()) Clear(kDropRequest);
        return false;
      }
      HandOverAndWaitLocked(lock, me,
                            dropped && !interval_due ? GilReleaseReason::kTimeout : GilReleaseReason::kInterval, now);
      return true;
    }
    case GilPolicy::kCpython2: {
      // Release and immediately take it back: whoever gets the lock first wins (the "GIL
      // battle" of CPython <= 3.1 on a multicore machine).
      if (competing_ == 0) return false;
      LeaveLocked(me, GilReleaseReason::kInterval, now);
      holder_ = nullptr;
      compete_cv_.notify_all();
      lock.unlock();
      lock.lock();
      uint64_t before = switches_;
      CompeteLocked(lock, me, NowNs());
      return switches_ != before;
    }
    case GilPolicy::kCpython3: {
      if (!(bits & kDropRequest) || competing_ == 0) {
        if (competing_ == 0) Clear(kDropRequest);
        return false;
      }
      // A forced drop waits until another thread took the GIL (FORCE_SWITCHING).
      LeaveLocked(me, GilReleaseReason::kTimeout, now);
      holder_ = nullptr;
      uint64_t before = switches_;
      compete_cv_.notify_all();
      while (switches_ == before && competing_ > 0) compete_cv_.wait(lock);
      CompeteLocked(lock, me, NowNs());
      return true;
    }
  }
  return false;
}

void Gil::Yield(GilSlot& me) {
  std::unique_lock lock(mu_);
  int64_t now = NowNs();
  if (policy() == GilPolicy::kFair) {
    if (queue_.empty()) return;
    HandOverAndWaitLocked(lock, me, GilReleaseReason::kYield, now);
    return;
  }
  if (competing_ == 0) return;
  LeaveLocked(me, GilReleaseReason::kYield, now);
  holder_ = nullptr;
  compete_cv_.notify_all();
  lock.unlock();
  lock.lock();
  CompeteLocked(lock, me, NowNs());
}

bool Gil::IsHeldBy(const GilSlot& me) {
  std::lock_guard lock(mu_);
  return holder_ == &me;
}

size_t Gil::waiting() {
  std::lock_guard lock(mu_);
  return policy() == GilPolicy::kFair ? queue_.size() : static_cast<size_t>(competing_);
}

uint64_t Gil::switches() {
  std::lock_guard lock(mu_);
  return switches_;
}

GilThreadStats Gil::Snapshot(const GilSlot& slot) {
  std::lock_guard lock(mu_);
  return slot.stats;
}

}  // namespace gilvm::vm
