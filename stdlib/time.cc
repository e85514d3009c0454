// The time module: clocks, and sleep, which lets other threads run while it waits.
#include <time.h>

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/str.h"
#include "vm/threads.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

int64_t ClockNs(clockid_t clock) {
  timespec t;
  clock_gettime(clock, &t);
  return static_cast<int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// time.NAME() takes no arguments; false with CPython's TypeError otherwise.
bool NoArgs(ThreadState& ts, const CallArgs& a, const char* name) {
  if (a.kwnames != nullptr && a.nkw() > 0) {
    RaiseTypeError(ts, absl::StrCat("time.", name, "() takes no keyword arguments"));
    return false;
  }
  if (a.nargs != 0) {
    RaiseTypeError(ts, absl::StrCat("time.", name, "() takes no arguments (", a.nargs, " given)"));
    return false;
  }
  return true;
}

// Each clock comes in two forms, as in CPython: seconds as a float, and whole nanoseconds.
#define GILVM_TIME_CLOCK(name, clock)                                                   \
  Value Clock_##name(ThreadState& ts, const CallArgs& a) {                              \
    if (!NoArgs(ts, a, #name)) return Value::Null();                                    \
    return Value::Float(static_cast<double>(ClockNs(clock)) / 1e9);                    \
  }                                                                                     \
  Value Clock_##name##_ns(ThreadState& ts, const CallArgs& a) {                         \
    if (!NoArgs(ts, a, #name "_ns")) return Value::Null();                              \
    return Value::Int(ClockNs(clock));                                                  \
  }
GILVM_TIME_CLOCK(time, CLOCK_REALTIME)
GILVM_TIME_CLOCK(monotonic, CLOCK_MONOTONIC)
GILVM_TIME_CLOCK(perf_counter, CLOCK_MONOTONIC)
GILVM_TIME_CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
GILVM_TIME_CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef GILVM_TIME_CLOCK

// sleep(secs): the GIL is released for the whole wait; sleep(0) hands the GIL to a waiting
// thread (the contract's explicit yield). Ctrl-C interrupts it in the main thread.
Value SleepFn(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "sleep")) return Value::Null();
  if (a.nargs != 1) return RaiseTypeError(ts, absl::StrCat("time.sleep() takes exactly one argument (", a.nargs, " given)"));
  double seconds;
  if (!SecondsFromObject(ts, a.argv[0], &seconds)) return Value::Null();
  if (seconds < 0) return RaiseValueError(ts, "sleep length must be non-negative");
  if (seconds == 0) {
    ts.interp.gil.Yield(ts.gil_slot);
    return CheckInterrupts(ts) ? Value::None() : Value::Null();
  }
  return Sleep(ts, seconds) ? Value::None() : Value::Null();
}

ModuleObject* MakeTimeModule(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "time"));
  AddFunctions(ts.interp, m->dict,
               {
                   {"time", Clock_time},
                   {"time_ns", Clock_time_ns},
                   {"monotonic", Clock_monotonic},
                   {"monotonic_ns", Clock_monotonic_ns},
                   {"perf_counter", Clock_perf_counter},
                   {"perf_counter_ns", Clock_perf_counter_ns},
                   {"process_time", Clock_process_time},
                   {"process_time_ns", Clock_process_time_ns},
                   {"thread_time", Clock_thread_time},
                   {"thread_time_ns", Clock_thread_time_ns},
                   {"sleep", SleepFn},
               });
  return m.get();
}

}  // namespace

void RegisterTimeModule(Interpreter& in) { in.native_modules["time"] = MakeTimeModule; }

}  // namespace gilvm::stdlib
