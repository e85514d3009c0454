#include "vm/gil.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"

namespace gilvm::vm {

namespace {

using Clock = std::chrono::steady_clock;

Clock::time_point After(int64_t ns) { return Clock::now() + std::chrono::nanoseconds(ns); }

uint64_t Span(int64_t from, int64_t to) { return to > from ? static_cast<uint64_t>(to - from) : 0; }

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

// `me` becomes the holder. Its own bookkeeping waits until it runs (OnRunning): under `fair` the
// releaser calls this for the next waiter, which is still asleep or spinning.
void Gil::TakeLocked(GilSlot& me, int64_t now) {
  holder_ = &me;
  if (last_holder_ != nullptr && last_holder_ != &me) ++switches_;
  last_holder_ = &me;
  me.granted_at_ = now;
}

// `me` holds the GIL and runs from `now` on. `waited`: it had asked at `wait_start`, and the
// GIL was let go of (or handed to it) at `handed_at`.
void Gil::OnRunning(GilSlot& me, int64_t now, bool waited, int64_t wait_start, int64_t handed_at) {
  me.acquired_at_ = now;
  if (kGilStatsCompiledOut) return;
  for (GilThreadStats* s : {&me.stats, &me.window}) {
    ++s->acquisitions;
    if (!waited) continue;
    ++s->contended;
    uint64_t wait = Span(s == &me.window ? std::max(wait_start, window_start_ns_) : wait_start, now);
    s->wait_ns += wait;
    s->wait.Add(wait);
    s->handoff.Add(Span(handed_at, now));
  }
  if (waited && tracing()) TraceSpan(me, GilTraceEvent::kWait, GilReleaseReason::kInterval, wait_start, now);
}

void Gil::LeaveLocked(GilSlot& me, GilReleaseReason why, int64_t now) {
  if (kGilStatsCompiledOut) return;
  for (GilThreadStats* s : {&me.stats, &me.window}) {
    uint64_t held = Span(s == &me.window ? std::max(me.acquired_at_, window_start_ns_) : me.acquired_at_, now);
    s->hold_ns += held;
    s->max_hold_ns = std::max(s->max_hold_ns, held);
    ++s->releases[static_cast<int>(why)];
  }
  if (tracing()) TraceSpan(me, GilTraceEvent::kHold, why, me.acquired_at_, now);
}

// cpython2/cpython3: nobody holds the GIL now; whoever competes may take it.
void Gil::FreeLocked(int64_t now) {
  holder_ = nullptr;
  freed_at_ = now;
  compete_cv_.notify_all();
}

// Keeps the kWaiters bit, and the time during which at least one thread waited, up to date.
void Gil::UpdateWaiterBitLocked(int64_t now) {
  bool waiting = !queue_.empty() || competing_ > 0;
  int64_t since = waiting_since_.load(std::memory_order_relaxed);
  if (waiting) {
    Set(kWaiters);
    if (since == 0) waiting_since_.store(now, std::memory_order_relaxed);
    return;
  }
  Clear(kWaiters);
  if (since == 0) return;
  waiting_ns_ += Span(since, now);
  window_waiting_ns_ += Span(std::max(since, window_start_ns_), now);
  waiting_since_.store(0, std::memory_order_relaxed);
}

// Fair policy: the longest waiter becomes the holder before it even wakes up. `requeue` (the old
// holder, or null) joins the queue first, so the new holder sees a waiter from its first safe
// point on. If another waiter is now at the head of the queue, it is woken so that it spins,
// ready for the next handoff.
void Gil::HandOffLocked(int64_t now, GilSlot* requeue) {
  if (queue_.empty()) {
    holder_ = nullptr;
    UpdateWaiterBitLocked(now);
    return;
  }
  GilSlot* next = queue_.front();
  queue_.pop_front();
  if (requeue != nullptr) EnqueueLocked(*requeue, now);
  UpdateWaiterBitLocked(now);
  Clear(kDropRequest);  // the request is answered: the GIL changes hands
  TakeLocked(*next, now);
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

// Fair policy: waits in the queue until HandOffLocked picks `me`, then does the bookkeeping of
// the acquisition. At the head of the queue it first spins, without the mutex; so it may return
// with `lock` released.
void Gil::WaitForGrantLocked(std::unique_lock<std::mutex>& lock, GilSlot& me) {
  WaitInQueueLocked(lock, me);
  // The releaser wrote wait_start_ and granted_at_ before its release store to granted_.
  OnRunning(me, NowNs(), true, me.wait_start_, me.granted_at_);
}

// Every switch interval spent waiting sets a drop request, so a holder that runs long native
// code or has the instruction count disabled still lets go at its next safe point.
void Gil::WaitInQueueLocked(std::unique_lock<std::mutex>& lock, GilSlot& me) {
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
      ++me.window.drop_requests;
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
  UpdateWaiterBitLocked(NowNs());
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
  waiting_since_.store(0, std::memory_order_relaxed);
  // The other threads' slots are gone with them; their ThreadStates are dropped without the GIL's
  // help (Interpreter::AfterForkInChild), so they are forgotten here.
  slots_.assign(1, &me);
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
    UpdateWaiterBitLocked(wait_start);
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
          ++me.window.drop_requests;
        }
        seen = switches_;
        deadline = After(switch_interval_ns());
      }
    }
    --competing_;
  }
  int64_t now = NowNs();
  TakeLocked(me, now);
  OnRunning(me, now, waited, wait_start, freed_at_);
  Clear(kDropRequest);
  UpdateWaiterBitLocked(now);
  // A forced drop (cpython3) waits for this: someone else took the GIL.
  compete_cv_.notify_all();
}

void Gil::Acquire(GilSlot& me) {
  std::unique_lock lock(mu_);
  if (closing_) ParkForeverLocked(lock);
  int64_t start = NowNs();
  if (policy() != GilPolicy::kFair) return CompeteLocked(lock, me, start);
  if (holder_ == nullptr && queue_.empty()) {
    TakeLocked(me, start);
    return OnRunning(me, start, false, start, start);
  }
  EnqueueLocked(me, start);
  UpdateWaiterBitLocked(start);
  WaitForGrantLocked(lock, me);
}

void Gil::Release(GilSlot& me, GilReleaseReason why) {
  std::lock_guard lock(mu_);
  int64_t now = NowNs();
  LeaveLocked(me, why, now);
  PassOnLocked(now);
}

// After a release: queued waiters exist only under `fair`, competing ones only under the others;
// both are served so that a policy change never strands a waiter.
void Gil::PassOnLocked(int64_t now) {
  if (!queue_.empty()) HandOffLocked(now);
  else FreeLocked(now);
}

// cpython3's forced drop (FORCE_SWITCHING): lets go, waits until another thread took the GIL,
// then competes for it again.
void Gil::ForcedDropLocked(std::unique_lock<std::mutex>& lock, GilSlot& me, GilReleaseReason why, int64_t now) {
  LeaveLocked(me, why, now);
  uint64_t before = switches_;
  FreeLocked(now);
  while (switches_ == before && competing_ > 0) compete_cv_.wait(lock);
  CompeteLocked(lock, me, NowNs());
}

bool Gil::SafePoint(GilSlot& me) {
  uint32_t bits = breaker();
  GilPolicy p = policy();
  // With a waiter, every safe point reads the clock once, to measure how long the holder went
  // without one; with none, nothing is measured and no clock is read.
  int64_t now = (bits & kWaiters) && !kGilStatsCompiledOut ? NowNs() : 0;
  if (now != 0) NoteUnpolled(me, now);
  // Most polls with a waiter have nothing to do under cpython3 (no drop request yet) or under
  // fair with the instruction count off: decide that from the word, without the mutex.
  bool may_act = p == GilPolicy::kCpython3 ? (bits & kDropRequest) != 0
                 : p == GilPolicy::kCpython2 ? (bits & kWaiters) != 0
                                             : (bits & kDropRequest) || (check_interval() > 0 && (bits & kWaiters));
  if (!may_act) return false;
  std::unique_lock lock(mu_);
  if (now == 0) now = NowNs();
  // Waiters that queued under another policy (gil.set_policy while threads wait) are served the
  // way they wait, so that a policy change never strands one.
  if (p != GilPolicy::kFair && !queue_.empty()) {
    LeaveLocked(me, GilReleaseReason::kInterval, now);
    HandOffLocked(now);
    CompeteLocked(lock, me, now);
    return true;
  }
  if (p == GilPolicy::kFair && queue_.empty() && competing_ > 0) {
    ForcedDropLocked(lock, me, GilReleaseReason::kInterval, now);
    return true;
  }
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
      FreeLocked(now);
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
      ForcedDropLocked(lock, me, GilReleaseReason::kTimeout, now);
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
  FreeLocked(now);
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

// The holder reached a safe point at `now` while a thread waited: the stretch since its last one
// (or since it took the GIL, or since the first waiter came, whichever is latest) is a hold
// without a safe point that someone waited through.
void Gil::NoteUnpolled(GilSlot& me, int64_t now) {
  int64_t since = waiting_since_.load(std::memory_order_relaxed);
  int64_t from = std::max({me.last_poll_, me.acquired_at_, since});
  me.last_poll_ = now;
  if (since == 0) return;
  uint64_t gap = Span(from, now);
  if (gap > me.stats.max_unpolled_ns) {
    me.stats.max_unpolled_ns = gap;
    me.new_unpolled_max_ |= kRunWindow;
  }
  if (gap > me.window.max_unpolled_ns) {
    me.window.max_unpolled_ns = gap;
    me.new_unpolled_max_ |= kResetWindow;
  }
}

void Gil::SetUnpolledWhere(GilSlot& me, unsigned windows, const std::string& where) {
  std::lock_guard lock(mu_);
  if (windows & kRunWindow) me.stats.max_unpolled_where = where;
  if (windows & kResetWindow) me.window.max_unpolled_where = where;
}

void Gil::Register(GilSlot& slot) {
  std::lock_guard lock(mu_);
  slot.trace_id_ = static_cast<uint32_t>(trace_threads_.size());
  slot.name_ = absl::StrCat("thread ", slot.trace_id_);  // until threading names it
  trace_threads_.push_back({slot.name_, 0});
  slots_.push_back(&slot);
}

void Gil::Describe(GilSlot& slot, std::string name, uint64_t ident, uint64_t native_id) {
  std::lock_guard lock(mu_);
  if (!name.empty()) slot.name_ = std::move(name);
  slot.ident_ = ident;
  slot.native_id_ = native_id;
  trace_threads_[slot.trace_id_] = {slot.name_, native_id};
}

void Gil::SetName(GilSlot& slot, std::string name) {
  std::lock_guard lock(mu_);
  slot.name_ = std::move(name);
  trace_threads_[slot.trace_id_].name = slot.name_;
}

// `caller`, if not null, is the holder asking: its hold is still going on and counts up to `now`.
GilThreadReport Gil::RowLocked(const GilSlot& slot, bool window, int64_t now, const GilSlot* caller) {
  GilThreadReport row;
  row.name = slot.name_;
  row.ident = slot.ident_;
  row.native_id = slot.native_id_;
  row.instructions = slot.instructions - (window ? slot.instructions_at_reset : 0);
  row.stats = window ? slot.window : slot.stats;
  if (&slot == caller) {
    uint64_t held = Span(window ? std::max(slot.acquired_at_, window_start_ns_) : slot.acquired_at_, now);
    row.stats.hold_ns += held;
    row.stats.max_hold_ns = std::max(row.stats.max_hold_ns, held);
  }
  return row;
}

void Gil::Retire(GilSlot& slot) {
  std::lock_guard lock(mu_);
  RetireLocked(slot);
}

void Gil::ReleaseAndRetire(GilSlot& me) {
  std::lock_guard lock(mu_);
  int64_t now = NowNs();
  LeaveLocked(me, GilReleaseReason::kExit, now);
  RetireLocked(me);
  PassOnLocked(now);
}

void Gil::RetireLocked(GilSlot& slot) {
  auto it = std::find(slots_.begin(), slots_.end(), &slot);
  if (it == slots_.end()) return;
  slots_.erase(it);
  Retired r;
  r.run = RowLocked(slot, false, 0, nullptr);
  r.window = RowLocked(slot, true, 0, nullptr);
  r.run.alive = r.window.alive = false;
  if (retired_.size() < kMaxRetiredGilRows) {
    retired_.push_back(std::move(r));
    return;
  }
  ++retired_rest_count_;
  for (auto [into, from] : {std::pair{&retired_rest_.run, &r.run}, std::pair{&retired_rest_.window, &r.window}}) {
    into->alive = false;
    into->instructions += from->instructions;
    GilThreadStats& a = into->stats;
    const GilThreadStats& b = from->stats;
    a.acquisitions += b.acquisitions;
    a.contended += b.contended;
    a.wait_ns += b.wait_ns;
    a.hold_ns += b.hold_ns;
    a.max_hold_ns = std::max(a.max_hold_ns, b.max_hold_ns);
    a.drop_requests += b.drop_requests;
    for (int i = 0; i < kNumGilReleaseReasons; ++i) a.releases[i] += b.releases[i];
    a.wait.Merge(b.wait);
    a.handoff.Merge(b.handoff);
    if (b.max_unpolled_ns > a.max_unpolled_ns) {
      a.max_unpolled_ns = b.max_unpolled_ns;
      a.max_unpolled_where = b.max_unpolled_where;
    }
  }
}

GilReport Gil::Report(GilSlot& me, bool window) {
  std::lock_guard lock(mu_);
  int64_t now = NowNs();
  GilReport r;
  r.policy = GilPolicyName(policy());
  r.check_interval = check_interval();
  r.switch_interval_ns = switch_interval_ns();
  r.wall_ns = Span(window ? window_start_ns_ : started_ns_, now);
  r.switches = switches_ - (window ? switches_at_reset_ : 0);
  r.waiting_ns = window ? window_waiting_ns_ : waiting_ns_;
  if (int64_t since = waiting_since_.load(std::memory_order_relaxed); since != 0)
    r.waiting_ns += Span(window ? std::max(since, window_start_ns_) : since, now);
  // A thread that ended before the window began (its exit release counted, its ThreadState not
  // yet gone when the reset ran) did nothing in it: no row.
  auto idle = [](const GilThreadReport& t) {
    uint64_t released = 0;
    for (uint64_t n : t.stats.releases) released += n;
    return t.instructions == 0 && t.stats.acquisitions == 0 && released == 0;
  };
  for (const Retired& t : retired_)
    if (!window || !idle(t.window)) r.threads.push_back(window ? t.window : t.run);
  if (retired_rest_count_ > 0 && !(window && idle(retired_rest_.window))) {
    r.threads.push_back(window ? retired_rest_.window : retired_rest_.run);
    r.threads.back().name = absl::StrCat("(", retired_rest_count_, " more threads)");
  }
  for (const GilSlot* slot : slots_) r.threads.push_back(RowLocked(*slot, window, now, &me));
  for (const GilThreadReport& t : r.threads) {
    r.held_ns += t.stats.hold_ns;
    r.handoff.Merge(t.stats.handoff);
  }
  return r;
}

void Gil::ResetStats() {
  std::lock_guard lock(mu_);
  window_start_ns_ = NowNs();
  switches_at_reset_ = switches_;
  window_waiting_ns_ = 0;
  for (GilSlot* slot : slots_) {
    slot->window = GilThreadStats{};
    slot->instructions_at_reset = slot->instructions;
  }
  // Threads that ended before the reset run nothing in the new window; their whole-run rows stay.
  for (Retired& t : retired_) t.window = GilThreadReport{t.run.name, t.run.ident, t.run.native_id, false, 0, {}};
  retired_rest_.window = GilThreadReport{};
}

// The ring grows up to its capacity as spans come (a short trace costs little), then each new
// span overwrites the oldest.
void Gil::TraceSpan(const GilSlot& me, GilTraceEvent::Kind kind, GilReleaseReason why, int64_t start, int64_t end) {
  GilTraceEvent e{me.trace_id_, kind, why, start, end};
  if (trace_ring_.size() < trace_capacity_) trace_ring_.push_back(e);
  else trace_ring_[trace_next_ % trace_capacity_] = e;
  ++trace_next_;
}

uint64_t Gil::StartTrace(size_t capacity) {
  if (trace_sessions_ == 0) {
    trace_ring_.clear();
    trace_capacity_ = std::max<size_t>(capacity, 1);
    trace_next_ = 0;
  }
  ++trace_sessions_;
  trace_marks_.emplace_back(trace_next_, NowNs());
  return trace_marks_.size() - 1;
}

GilTrace Gil::StopTrace(uint64_t mark) {
  GilTrace t;
  auto [first, start] = trace_marks_[mark];
  t.start_ns = start;
  t.end_ns = NowNs();
  uint64_t kept_from = trace_next_ > trace_capacity_ ? trace_next_ - trace_capacity_ : 0;
  if (first < kept_from) {
    t.dropped = kept_from - first;
    first = kept_from;
  }
  t.events.reserve(trace_next_ - first);
  for (uint64_t i = first; i < trace_next_; ++i) {
    GilTraceEvent e = trace_ring_[i % trace_capacity_];
    // A span that began before the session is cut at its start.
    if (e.end_ns < start) continue;
    e.start_ns = std::max(e.start_ns, start);
    t.events.push_back(e);
  }
  {
    std::lock_guard lock(mu_);
    t.threads = trace_threads_;
  }
  if (--trace_sessions_ == 0) {
    trace_ring_.clear();
    trace_ring_.shrink_to_fit();
    trace_marks_.clear();
  }
  return t;
}

}  // namespace gilvm::vm
