#include "vm/threads.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <vector>
#include <memory>
#include <new>
#include <system_error>
#include <thread>

#include "absl/strings/str_cat.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/lock.h"
#include "vm/ops.h"
#include "vm/traceback.h"

namespace gilvm::vm {

namespace {

// Prints what CPython's _thread prints for an exception that ends a thread (SystemExit ends it
// quietly).
void ReportThreadException(ThreadState& ts, Value func) {
  ExceptionObject* exc = FetchException(ts);
  if (exc == nullptr || exc->type->IsSubtypeOf(ts.interp.exc.SystemExit)) return;
  RootedPtr<ExceptionObject> root(ts, exc);
  std::string who;
  if (!ReprString(ts, func, &who)) {
    ClearException(ts);
    who = "<object>";
  }
  ts.interp.WriteSysStderr(ts, absl::StrCat("Exception ignored in thread started by: ", who, "\n", FormatException(ts, exc)));
}

// Runs the thread's function; the GIL is held.
void RunThread(ThreadState& ts) {
  Root func(ts, ts.start_func), args(ts, ts.start_args), kwargs(ts, ts.start_kwargs);
  ts.start_func = ts.start_args = ts.start_kwargs = Value();
  Value result;
  try {
    result = CallWithArgsAndKwargs(ts, func.get(), args.get(), kwargs.get());
  } catch (const std::bad_alloc&) {
    ts.exc = nullptr;
    RaiseMemoryError(ts);
    result = Value::Null();
  }
  if (result.is_null()) ReportThreadException(ts, func.get());
  ts.handled_exc = Value::None();
}

void ThreadMain(ThreadState* ts) {
  Interpreter& interp = ts->interp;
  interp.gil.Acquire(ts->gil_slot);  // parks for good if the interpreter is shutting down
  ts->native_id = static_cast<uint64_t>(gettid());
  interp.gil.Describe(ts->gil_slot, "", ts->ident, ts->native_id);
  RunThread(*ts);
  // The end: wake joiners, leave the interpreter, then let go of the GIL.
  for (Value v : ts->sentinels) ReleaseIfLocked(static_cast<LockObject*>(v.as_object()));
  ts->sentinels.clear();
  std::unique_ptr<ThreadState> owned = interp.RemoveThread(ts);
  ts->CountInstructions();
  // The last touch of the interpreter: once the GIL is let go, the main thread may destroy it
  // while this thread is still destroying its ThreadState.
  interp.gil.ReleaseAndRetire(ts->gil_slot);
}

}  // namespace

int64_t DeadlineAfter(double seconds) {
  if (seconds < 0) return kNoDeadline;
  double ns = seconds * 1e9 + static_cast<double>(Gil::NowNs());
  if (!(ns < 9.0e18)) return static_cast<int64_t>(9.0e18);  // centuries away: as good as never
  return static_cast<int64_t>(ns);
}

WaitResult WaitFds(ThreadState& ts, pollfd* fds, size_t nfds, int64_t deadline_ns) {
  GilReleaseGuard unlocked(ts);
  BlockedOnFd published(ts);
  std::vector<pollfd> all(fds, fds + nfds);
  all.push_back(pollfd{published.fd(), POLLIN, 0});
  for (;;) {
    if (ts.wake_pending.load()) return WaitResult::kWoken;
    timespec timeout{};
    if (deadline_ns != kNoDeadline) {
      int64_t left = std::max<int64_t>(0, deadline_ns - Gil::NowNs());
      timeout = {static_cast<time_t>(left / 1'000'000'000), static_cast<long>(left % 1'000'000'000)};
    }
    int n = ppoll(all.data(), all.size(), deadline_ns == kNoDeadline ? nullptr : &timeout, nullptr);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return WaitResult::kReady;  // let the caller's own syscall report the error
    if (all.back().revents != 0) {
      published.Drain();
      all.back().revents = 0;
      if (n == 1) continue;  // only the wake-up: wake_pending is checked at the top
    }
    if (n == 0) {
      if (Gil::NowNs() >= deadline_ns) return WaitResult::kTimedOut;
      continue;
    }
    for (size_t i = 0; i < nfds; ++i) fds[i].revents = all[i].revents;
    return WaitResult::kReady;
  }
}

WaitResult WaitFd(ThreadState& ts, int fd, short events, int64_t deadline_ns) {
  pollfd p{fd, events, 0};
  return WaitFds(ts, &p, 1, deadline_ns);
}

bool SecondsFromObject(ThreadState& ts, Value v, double* out) {
  if (v.is_float()) {
    *out = v.as_float();
  } else if (v.is_intlike()) {
    *out = static_cast<double>(v.as_int());
  } else {
    RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, v), "' object cannot be interpreted as an integer"));
    return false;
  }
  if (std::isnan(*out)) {
    RaiseValueError(ts, "Invalid value NaN (not a number)");
    return false;
  }
  if (std::fabs(*out) * 1e9 >= 9.223372036854775807e18) {
    RaiseOverflowError(ts, "timestamp out of range for platform time_t");
    return false;
  }
  return true;
}

bool CheckInterrupts(ThreadState& ts) {
  if (ts.defer_interrupts) return true;
  Gil& gil = ts.interp.gil;
  uint32_t bits = gil.breaker();
  if ((bits & Gil::kSignal) && ts.is_main) {
    gil.Clear(Gil::kSignal);
    RaiseNoArgs(ts, ts.interp.exc.KeyboardInterrupt);
    return false;
  }
  if ((bits & Gil::kInterrupt) && ts.interrupt_requested.exchange(false)) {
    // The bit stays while other threads still have a request of their own to see.
    if (ts.interp.pending_interrupts.fetch_sub(1) == 1) {
      gil.Clear(Gil::kInterrupt);
      if (ts.interp.pending_interrupts.load() > 0) gil.Set(Gil::kInterrupt);
    }
    RaiseNoArgs(ts, ts.interp.exc.KeyboardInterrupt);
    return false;
  }
  if (bits & Gil::kLimits) return CheckLimits(ts);
  return true;
}

bool CheckLimits(ThreadState& ts) {
  ScriptLimits& limits = ts.interp.limits;
  ts.CountInstructions();
  uint64_t ran = ts.gil_slot.instructions - ts.limits_counted;
  ts.limits_counted = ts.gil_slot.instructions;
  uint64_t used = limits.used.fetch_add(ran, std::memory_order_relaxed) + ran;
  uint64_t budget = limits.max_instructions.load(std::memory_order_relaxed);
  if (budget != 0 && used > budget) {
    int none = ScriptLimits::kNone;
    limits.tripped.compare_exchange_strong(none, ScriptLimits::kInstructions);
  }
  switch (limits.tripped.load()) {
    case ScriptLimits::kInstructions:
      Raise(ts, limits.exc_type, absl::StrCat("instruction budget of ", budget, " exhausted"));
      return false;
    case ScriptLimits::kTime:
      Raise(ts, limits.exc_type, absl::StrCat("time limit of ", limits.time_limit_ms, " ms exceeded"));
      return false;
    default:
      return true;
  }
}

bool HandleWake(ThreadState& ts) {
  ts.wake_pending.store(false);
  return CheckInterrupts(ts);
}

bool Sleep(ThreadState& ts, double seconds) {
  int64_t deadline = DeadlineAfter(seconds);
  for (;;) {
    WaitResult r = BlockingWait(ts, ts.park_mu, ts.park_cv, deadline, [] { return false; });
    if (r != WaitResult::kWoken) return true;
    if (!HandleWake(ts)) return false;
  }
}

ThreadState* StartThread(ThreadState& ts, Value func, Value args, Value kwargs) {
  Interpreter& interp = ts.interp;
  auto owned = std::make_unique<ThreadState>(interp, kThreadValueStackSlots);
  ThreadState* t = owned.get();
  t->start_func = func;
  t->start_args = args;
  t->start_kwargs = kwargs;
  interp.AddThread(std::move(owned));
  std::thread thread;
  try {
    AsyncSignalsBlocked signals_to_main;  // signals go to the main thread
    thread = std::thread(ThreadMain, t);
  } catch (const std::system_error&) {
  }
  if (!thread.joinable()) {
    interp.gil.Retire(t->gil_slot);
    interp.RemoveThread(t);
    Raise(ts, interp.exc.RuntimeError, "can't start new thread");
    return nullptr;
  }
  // Written before this thread lets go of the GIL, which the new thread needs before it reads it.
  t->ident = static_cast<uint64_t>(thread.native_handle());
  thread.detach();
  return t;
}

void InterruptMainThread(Interpreter& interp, uint32_t bit) {
  if (bit == Gil::kInterrupt) {
    InterruptThread(interp.main_thread());
    return;
  }
  interp.gil.Set(bit);
  interp.main_thread().Wake();
}

AsyncSignalsBlocked::AsyncSignalsBlocked() {
  sigset_t blocked;
  sigfillset(&blocked);
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT}) sigdelset(&blocked, sig);
  pthread_sigmask(SIG_BLOCK, &blocked, &old_);
}

AsyncSignalsBlocked::~AsyncSignalsBlocked() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

void InterruptThread(ThreadState& ts) {
  if (!ts.interrupt_requested.exchange(true)) ts.interp.pending_interrupts.fetch_add(1);
  ts.interp.gil.Set(Gil::kInterrupt);
  ts.Wake();
}

}  // namespace gilvm::vm
