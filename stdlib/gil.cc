// The _gil module, under stdlib/lib/gil.py: the GIL's statistics, policy and tracing for scripts
// (vm/gil_stats.h). The figures are those --gil-stats-json writes, as nested dicts.
#include <cerrno>
#include <cstring>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/gil_stats.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/sandbox.h"
#include "vm/str.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// Fills one dict; every value is an int, a float, a str, None or a dict made the same way.
class DictBuilder {
 public:
  explicit DictBuilder(ThreadState& ts) : ts_(ts), dict_(ts, NewDict(ts)) {}
  DictBuilder& Set(const char* key, Value v) {
    Root keep(ts_, v);
    DictSetStr(dict_.get(), Intern(ts_.interp, key), v);
    return *this;
  }
  DictBuilder& Int(const char* key, uint64_t n) { return Set(key, Value::Int(static_cast<int64_t>(n))); }
  DictBuilder& Float(const char* key, double x) { return Set(key, Value::Float(x)); }
  DictBuilder& Str(const char* key, std::string_view s) { return Set(key, Value::Obj(NewStr(ts_, s))); }
  Value get() const { return Value::Obj(dict_.get()); }

 private:
  ThreadState& ts_;
  RootedPtr<DictObject> dict_;
};

Value Distribution(ThreadState& ts, const LogHistogram& h) {
  return DictBuilder(ts).Int("count", h.count()).Int("p50", h.Percentile(0.5)).Int("p99", h.Percentile(0.99)).Int("max", h.max()).get();
}

Value ThreadDict(ThreadState& ts, const GilThreadReport& t) {
  const GilThreadStats& s = t.stats;
  DictBuilder d(ts);
  d.Str("name", t.name).Int("ident", t.ident).Int("native_id", t.native_id).Set("alive", Value::Bool(t.alive));
  d.Int("instructions", t.instructions).Int("acquisitions", s.acquisitions).Int("contended", s.contended);
  d.Int("drop_requests", s.drop_requests);
  d.Set("wait_ns", DictBuilder(ts)
                       .Int("count", s.wait.count())
                       .Int("total", s.wait_ns)
                       .Int("p50", s.wait.Percentile(0.5))
                       .Int("p99", s.wait.Percentile(0.99))
                       .Int("max", s.wait.max())
                       .get());
  d.Set("hold_ns", DictBuilder(ts).Int("total", s.hold_ns).Int("max", s.max_hold_ns).get());
  d.Set("handoff_ns", Distribution(ts, s.handoff));
  DictBuilder releases(ts);
  for (int k = 0; k < kNumGilReleaseReasons; ++k)
    releases.Int(GilReleaseReasonName(static_cast<GilReleaseReason>(k)), s.releases[k]);
  d.Set("releases", releases.get());
  d.Int("max_unpolled_ns", s.max_unpolled_ns);
  d.Set("max_unpolled_where", s.max_unpolled_where.empty() ? Value::None() : Value::Obj(NewStr(ts, s.max_unpolled_where)));
  return d.get();
}

// _gil.stats(): the figures since the last reset(), with the keys of --gil-stats-json.
Value Stats(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "stats", 0, 0)) return Value::Null();
  GilReport r = CollectGilReport(ts, true);
  DictBuilder d(ts);
  d.Str("policy", r.policy).Int("check_interval", static_cast<uint64_t>(r.check_interval));
  d.Int("switch_interval_ns", static_cast<uint64_t>(r.switch_interval_ns)).Int("wall_ns", r.wall_ns);
  d.Int("held_ns", r.held_ns).Float("held_fraction", r.held_fraction());
  d.Int("waiting_ns", r.waiting_ns).Float("waiting_fraction", r.waiting_fraction());
  d.Int("switches", r.switches).Float("switches_per_second", r.switches_per_second());
  d.Set("handoff_ns", Distribution(ts, r.handoff));
  if (const GilThreadReport* t = r.longest_unpolled())
    d.Set("longest_unpolled_hold",
          DictBuilder(ts).Int("ns", t->stats.max_unpolled_ns).Str("thread", t->name).Str("where", t->stats.max_unpolled_where).get());
  else
    d.Set("longest_unpolled_hold", Value::None());
  RootedPtr<ListObject> threads(ts, NewList(ts));
  for (const GilThreadReport& t : r.threads) threads->items.push_back(ThreadDict(ts, t));
  d.Set("threads", Value::Obj(threads.get()));
  return d.get();
}

// gil.table(): the figures of stats() as the text table --gil-stats prints (per thread, then
// the summary), for reading at the prompt.
Value Table(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "table", 0, 0)) return Value::Null();
  return Value::Obj(NewStr(ts, FormatGilStatsTable(CollectGilReport(ts, true))));
}

Value Reset(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "reset", 0, 0)) return Value::Null();
  ts.CountInstructions();
  ts.interp.gil.ResetStats();
  return Value::None();
}

Value Policy(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "policy", 0, 0)) return Value::Null();
  return Value::Obj(NewStr(ts, GilPolicyName(ts.interp.gil.policy())));
}

Value SetPolicy(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "set_policy", 1, 1)) return Value::Null();
  if (!IsStr(a.argv[0]))
    return RaiseTypeError(ts, absl::StrCat("set_policy() argument must be str, not ", TypeName(ts, a.argv[0])));
  std::string_view name = As<StrObject>(a.argv[0])->view();
  for (GilPolicy p : {GilPolicy::kFair, GilPolicy::kCpython2, GilPolicy::kCpython3}) {
    if (name != GilPolicyName(p)) continue;
    ts.interp.gil.set_policy(p);
    return Value::None();
  }
  return RaiseValueError(ts, absl::StrCat("unknown GIL policy '", std::string(name), "' (expected 'fair', 'cpython2' or 'cpython3')"));
}

// _gil.start_trace(limit) -> mark: starts recording spans (at most `limit` kept).
Value StartTrace(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "start_trace", 1, 1)) return Value::Null();
  if (!a.argv[0].is_int() || a.argv[0].as_int() <= 0) return RaiseValueError(ts, "the trace limit must be an int > 0");
  return Value::Int(static_cast<int64_t>(ts.interp.gil.StartTrace(static_cast<size_t>(a.argv[0].as_int()))));
}

// _gil.stop_trace(mark, path): ends that recording and writes its Chrome trace to `path`.
Value StopTrace(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "stop_trace", 2, 2)) return Value::Null();
  if (!SandboxAllows(ts, SandboxAccess::kFiles, "gil.stop_trace()")) return Value::Null();  // writes a file
  if (!a.argv[0].is_int() || !IsStr(a.argv[1])) return RaiseTypeError(ts, "stop_trace(mark: int, path: str)");
  GilTrace trace = ts.interp.gil.StopTrace(static_cast<uint64_t>(a.argv[0].as_int()));
  std::string text = GilTraceJson(trace, CollectGilReport(ts, true));
  std::string path(As<StrObject>(a.argv[1])->view());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << text;
  if (out) out.close();
  if (!out) return RaiseOSError(ts, errno, a.argv[1]);
  return Value::None();
}

ModuleObject* MakeGilModule(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_gil"));
  AddFunctions(ts.interp, m->dict,
               {
                   {"stats", Stats},
                   {"table", Table},
                   {"reset", Reset},
                   {"policy", Policy},
                   {"set_policy", SetPolicy},
                   {"start_trace", StartTrace},
                   {"stop_trace", StopTrace},
               });
  DictSetStr(m->dict, Intern(ts.interp, "DEFAULT_TRACE_LIMIT"), Value::Int(static_cast<int64_t>(kDefaultGilTraceCapacity)));
  return m.get();
}

}  // namespace

void RegisterGilModule(Interpreter& in) { in.native_modules["_gil"] = MakeGilModule; }

}  // namespace gilvm::stdlib
