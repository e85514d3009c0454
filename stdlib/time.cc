// The time module: clocks, and sleep, which lets other threads run while it waits; calendar
// time: gmtime, localtime, mktime, asctime, ctime, strftime, strptime (stdlib/lib/_strptime.py)
// and the time-zone constants.
//
// Invariants: struct_time is the Python class of stdlib/lib/_structseq.py, a tuple subclass;
// functions taking a time tuple accept a 9-tuple or that class (whose tm_zone and tm_gmtoff
// attributes are read too). Timestamps go through time_t, flooring
// floats as CPython does.
#include <time.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/tuple.h"
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
    ts.CountInstructions();
    ts.interp.gil.Yield(ts.gil_slot);
    return CheckInterrupts(ts) ? Value::None() : Value::Null();
  }
  return Sleep(ts, seconds) ? Value::None() : Value::Null();
}


// The class `name` of the frozen _structseq module (imported on first use).
Value StructSeqClass(ThreadState& ts, const char* name) {
  StrObject* modname = Intern(ts.interp, "_structseq");
  Value mod = DictGetStr(ts.interp.modules, modname);
  if (mod.is_null()) {
    ModuleObject* m = ts.interp.ImportFrozen(ts, modname);
    if (m == nullptr) return Value::Null();
    mod = Value::Obj(m);
  }
  return GetAttr(ts, mod, Intern(ts.interp, name));
}

Value MakeStructTime(ThreadState& ts, const tm& t) {
  Root cls(ts, StructSeqClass(ts, "struct_time"));
  if (cls.get().is_null()) return Value::Null();
  RootedVector vals(ts);
  for (int v : {t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, (t.tm_wday + 6) % 7,
                t.tm_yday + 1, t.tm_isdst})
    vals.push_back(Value::Int(v));
  vals.push_back(t.tm_zone != nullptr ? NewStrValue(ts, t.tm_zone) : Value::None());
  vals.push_back(Value::Int(t.tm_gmtoff));
  Root tuple(ts, Value::Obj(NewTuple(ts, vals.items())));
  Value argv[1] = {tuple.get()};
  return Call(ts, cls.get(), argv, 1);
}

// A timestamp argument (int or float, floored) as time_t; None or absent means now.
bool TimeTArg(ThreadState& ts, const CallArgs& a, time_t* out) {
  if (a.nargs == 0 || a.argv[0].is_none()) return *out = ::time(nullptr), true;
  Value v = a.argv[0];
  if (v.is_float()) {
    double d = v.as_float();
    if (std::isnan(d)) return RaiseValueError(ts, "Invalid value NaN (not a number)"), false;
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) return RaiseOverflowError(ts, "timestamp out of range for platform time_t"), false;
    return *out = static_cast<time_t>(d), true;
  }
  int64_t n;
  if (!ToIndex(ts, v, &n)) return false;
  return *out = static_cast<time_t>(n), true;
}

Value GmOrLocal(ThreadState& ts, const CallArgs& a, const char* name, bool local) {
  if (!NoKeywords(ts, a, name) || !ArgCountBetween(ts, a, name, 0, 1)) return Value::Null();
  time_t t;
  if (!TimeTArg(ts, a, &t)) return Value::Null();
  tm out;
  if ((local ? localtime_r(&t, &out) : gmtime_r(&t, &out)) == nullptr)
    return RaiseOverflowError(ts, "timestamp out of range for platform time_t");
  return MakeStructTime(ts, out);
}

Value GmTime(ThreadState& ts, const CallArgs& a) { return GmOrLocal(ts, a, "gmtime", false); }
Value LocalTime(ThreadState& ts, const CallArgs& a) { return GmOrLocal(ts, a, "localtime", true); }

// A time tuple (9-tuple or struct_time) as struct tm; `zone` keeps tm_zone's text alive.
bool TmArg(ThreadState& ts, Value v, const char* fname, tm* out, std::string* zone) {
  Root values(ts, v);
  Root zone_v(ts, Value::None());
  int64_t gmtoff = 0;
  if (!IsObjectOfKind(v, Kind::kTuple)) {
    RaiseTypeError(ts, "Tuple or struct_time argument required");
    return false;
  }
  if (v.as_object()->type != ts.interp.types.tuple) {
    // struct_time (a tuple subclass) also carries tm_zone and tm_gmtoff.
    Value z = GetAttrOrNull(ts, v, Intern(ts.interp, "tm_zone"));
    if (z.is_null()) ClearException(ts);
    else zone_v.set(z);
    Value off = GetAttrOrNull(ts, v, Intern(ts.interp, "tm_gmtoff"));
    if (off.is_null()) ClearException(ts);
    else if (off.is_intlike()) gmtoff = off.as_int();
  }
  auto* t = As<TupleObject>(values.get());
  if (t->size() != 9) {
    RaiseTypeError(ts, absl::StrCat(fname, "(): illegal time tuple argument"));
    return false;
  }
  int64_t f[9];
  for (int i = 0; i < 9; ++i)
    if (!ToIndex(ts, t->items[i], &f[i])) return false;
  std::memset(out, 0, sizeof(*out));
  out->tm_year = static_cast<int>(f[0] - 1900);
  out->tm_mon = static_cast<int>(f[1] - 1);
  out->tm_mday = static_cast<int>(f[2]);
  out->tm_hour = static_cast<int>(f[3]);
  out->tm_min = static_cast<int>(f[4]);
  out->tm_sec = static_cast<int>(f[5]);
  out->tm_wday = static_cast<int>((f[6] + 1) % 7);  // C's %, as CPython: -1 becomes 0
  out->tm_yday = static_cast<int>(f[7] - 1);
  out->tm_isdst = static_cast<int>(f[8]);
  out->tm_gmtoff = gmtoff;
  if (IsStr(zone_v.get())) {
    *zone = std::string(As<StrObject>(zone_v.get())->view());
    out->tm_zone = zone->c_str();
  }
  return true;
}

// CPython's range checks of a time tuple; `lenient` (strftime) turns month, day and yday 0
// into their first value.
bool CheckTm(ThreadState& ts, tm* t, bool lenient) {
  if (lenient) {
    if (t->tm_mon == -1) t->tm_mon = 0;
    if (t->tm_mday == 0) t->tm_mday = 1;
    if (t->tm_yday == -1) t->tm_yday = 0;
  }
  const char* err = nullptr;
  if (t->tm_mon < 0 || t->tm_mon > 11) err = "month out of range";
  else if (t->tm_mday < 1 || t->tm_mday > 31) err = "day of month out of range";
  else if (t->tm_hour < 0 || t->tm_hour > 23) err = "hour out of range";
  else if (t->tm_min < 0 || t->tm_min > 59) err = "minute out of range";
  else if (t->tm_sec < 0 || t->tm_sec > 61) err = "seconds out of range";
  else if (t->tm_wday < 0) err = "day of week out of range";
  else if (t->tm_yday < 0 || t->tm_yday > 365) err = "day of year out of range";
  if (err == nullptr) return true;
  RaiseValueError(ts, err);
  return false;
}

// The current local time as struct tm (for functions whose tuple argument is optional).
void LocalNow(tm* out) {
  time_t now = ::time(nullptr);
  localtime_r(&now, out);
}

std::string AsctimeText(const tm& t) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", kDays[t.tm_wday], kMonths[t.tm_mon], t.tm_mday, t.tm_hour,
           t.tm_min, t.tm_sec, 1900 + t.tm_year);
  return buf;
}

Value Asctime(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "asctime") || !ArgCountBetween(ts, a, "asctime", 0, 1)) return Value::Null();
  tm t;
  std::string zone;
  if (a.nargs == 0) LocalNow(&t);
  else if (!TmArg(ts, a.argv[0], "asctime", &t, &zone) || !CheckTm(ts, &t, false)) return Value::Null();
  return NewStrValue(ts, AsctimeText(t));
}

Value Ctime(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "ctime") || !ArgCountBetween(ts, a, "ctime", 0, 1)) return Value::Null();
  time_t secs;
  if (!TimeTArg(ts, a, &secs)) return Value::Null();
  tm t;
  if (localtime_r(&secs, &t) == nullptr) return RaiseOverflowError(ts, "timestamp out of range for platform time_t");
  return NewStrValue(ts, AsctimeText(t));
}

Value Mktime(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "mktime") || !ArgCountBetween(ts, a, "mktime", 1, 1)) return Value::Null();
  tm t;
  std::string zone;
  if (!TmArg(ts, a.argv[0], "mktime", &t, &zone)) return Value::Null();
  t.tm_wday = -1;  // mktime leaves it alone on failure, which is how failure is told apart
  time_t r = ::mktime(&t);
  if (r == static_cast<time_t>(-1) && t.tm_wday == -1) return RaiseOverflowError(ts, "mktime argument out of range");
  return Value::Float(static_cast<double>(r));
}

Value Strftime(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "strftime") || !ArgCountBetween(ts, a, "strftime", 1, 2)) return Value::Null();
  if (!IsStr(a.argv[0]))
    return RaiseTypeError(ts, absl::StrCat("strftime() argument 1 must be str, not ", TypeName(ts, a.argv[0])));
  std::string fmt(As<StrObject>(a.argv[0])->view());
  if (fmt.find('\0') != std::string::npos) return RaiseValueError(ts, "embedded null character");
  tm t;
  std::string zone;
  if (a.nargs == 1) LocalNow(&t);
  else if (!TmArg(ts, a.argv[1], "strftime", &t, &zone) || !CheckTm(ts, &t, true)) return Value::Null();
  if (fmt.empty()) return NewStrValue(ts, "");
  // strftime returns 0 both for "buffer too small" and an empty result (such as "%p" in some
  // locales); grow the buffer up to a bound no directive's expansion can exceed.
  const size_t limit = 256 * fmt.size() + 256;
  for (size_t cap = 256;; cap *= 2) {
    std::string buf(cap, '\0');
    size_t n = ::strftime(buf.data(), cap, fmt.c_str(), &t);
    if (n > 0 || cap >= limit) {
      buf.resize(n);
      return NewStrValue(ts, buf);
    }
  }
}


// strptime(string, format): parsed by the frozen _strptime module (Python).
Value Strptime(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "strptime") || !ArgCountBetween(ts, a, "strptime", 1, 2)) return Value::Null();
  StrObject* modname = Intern(ts.interp, "_strptime");
  Root mod(ts, DictGetStr(ts.interp.modules, modname));
  if (mod.get().is_null()) {
    ModuleObject* m = ts.interp.ImportFrozen(ts, modname);
    if (m == nullptr) return Value::Null();
    mod.set(Value::Obj(m));
  }
  Root fn(ts, GetAttr(ts, mod.get(), Intern(ts.interp, "_strptime_time")));
  if (fn.get().is_null()) return Value::Null();
  return Call(ts, fn.get(), a.argv, a.nargs);
}

// timezone, altzone, daylight and tzname from the C library after tzset().
void AddZoneConstants(ThreadState& ts, DictObject* d) {
  tzset();
  DictSetStr(d, Intern(ts.interp, "timezone"), Value::Int(::timezone));
  DictSetStr(d, Intern(ts.interp, "altzone"), Value::Int(::daylight ? ::timezone - 3600 : ::timezone));
  DictSetStr(d, Intern(ts.interp, "daylight"), Value::Int(::daylight));
  Root std_name(ts, NewStrValue(ts, ::tzname[0]));
  Root dst_name(ts, NewStrValue(ts, ::tzname[1]));
  Root names(ts, Value::Obj(NewTuple(ts, {std_name.get(), dst_name.get()})));
  DictSetStr(d, Intern(ts.interp, "tzname"), names.get());
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
                   {"gmtime", GmTime},
                   {"localtime", LocalTime},
                   {"mktime", Mktime},
                   {"asctime", Asctime},
                   {"ctime", Ctime},
                   {"strftime", Strftime},
                   {"strptime", Strptime},
               });
  AddZoneConstants(ts, m->dict);
  Root cls(ts, StructSeqClass(ts, "struct_time"));
  if (cls.get().is_null()) return nullptr;
  DictSetStr(m->dict, Intern(ts.interp, "struct_time"), cls.get());
  return m.get();
}

}  // namespace

void RegisterTimeModule(Interpreter& in) { in.native_modules["time"] = MakeTimeModule; }

}  // namespace gilvm::stdlib
