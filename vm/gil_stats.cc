#include "vm/gil_stats.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/config.h"
#include "vm/gil.h"
#include "vm/interpreter.h"
#include "vm/json_text.h"
#include "vm/thread_state.h"

namespace gilvm::vm {

// Bucket b covers [BucketLow(b), BucketLow(b + 1)): values below 2^kSubBits get a bucket each;
// above, the position of the top bit picks a group and the next kSubBits bits the bucket in it.
int LogHistogram::Bucket(uint64_t ns) {
  constexpr uint64_t kSub = uint64_t{1} << kSubBits;
  if (ns < kSub) return static_cast<int>(ns);
  int top = 63 - std::countl_zero(ns);
  auto sub = static_cast<int>((ns >> (top - kSubBits)) & (kSub - 1));
  return ((top - kSubBits + 1) << kSubBits) + sub;
}

uint64_t LogHistogram::BucketLow(int bucket) {
  constexpr int kSub = 1 << kSubBits;
  if (bucket < kSub) return static_cast<uint64_t>(bucket);
  int group = bucket >> kSubBits;  // >= 1
  int top = group + kSubBits - 1;
  if (top >= 64) return UINT64_MAX;  // past the last bucket Bucket() can return
  uint64_t sub = static_cast<uint64_t>(bucket & (kSub - 1));
  return (uint64_t{1} << top) | (sub << (top - kSubBits));
}

void LogHistogram::Merge(const LogHistogram& other) {
  for (int i = 0; i < kBuckets; ++i) buckets_[i] += other.buckets_[i];
  count_ += other.count_;
  max_ = std::max(max_, other.max_);
}

uint64_t LogHistogram::Percentile(double q) const {
  if (count_ == 0) return 0;
  // The rank of the sample wanted, 1-based: the smallest with at least q of the samples at or
  // below it.
  auto rank = static_cast<uint64_t>(std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(count_)));
  if (rank == 0) rank = 1;
  uint64_t seen = 0;
  for (int b = 0; b < kBuckets; ++b) {
    seen += buckets_[b];
    if (seen < rank) continue;
    // The middle of the bucket, never above the largest sample seen.
    uint64_t low = BucketLow(b);
    uint64_t high = b + 1 < kBuckets ? BucketLow(b + 1) : UINT64_MAX;
    return std::min(low + (high - low) / 2, max_);
  }
  return max_;
}

const char* GilReleaseReasonName(GilReleaseReason why) {
  switch (why) {
    case GilReleaseReason::kInterval: return "interval";
    case GilReleaseReason::kTimeout: return "timeout";
    case GilReleaseReason::kIo: return "io";
    case GilReleaseReason::kYield: return "yield";
    case GilReleaseReason::kExit: return "exit";
  }
  return "?";
}

const char* GilPolicyName(GilPolicy policy) {
  switch (policy) {
    case GilPolicy::kFair: return "fair";
    case GilPolicy::kCpython2: return "cpython2";
    case GilPolicy::kCpython3: return "cpython3";
  }
  return "?";
}

const GilThreadReport* GilReport::longest_unpolled() const {
  const GilThreadReport* best = nullptr;
  for (const GilThreadReport& t : threads)
    if (t.stats.max_unpolled_ns > 0 && (best == nullptr || t.stats.max_unpolled_ns > best->stats.max_unpolled_ns))
      best = &t;
  return best;
}

GilReport CollectGilReport(ThreadState& ts, bool window) {
  ts.CountInstructions();
  return ts.interp.gil.Report(ts.gil_slot, window);
}

namespace {

// "3.2" or "312", without a trailing ".0": three significant figures are all a reader compares.
std::string Figure(double v) {
  std::string s = absl::StrFormat("%.*f", v < 99.95 ? 1 : 0, v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

}  // namespace

std::string FormatGilDuration(double ns) {
  static constexpr std::pair<double, const char*> kUnits[] = {{1e9, "s"}, {1e6, "ms"}, {1e3, "us"}};
  for (const auto& [scale, unit] : kUnits)
    if (ns >= scale * 0.9995) return absl::StrCat(Figure(ns / scale), " ", unit);  // 999.96 us is "1 ms"
  return absl::StrCat(Figure(std::round(ns)), " ns");
}

namespace {

std::string Percent(double fraction) { return absl::StrFormat("%.1f%%", fraction * 100); }

}  // namespace

std::string FormatGilStatsTable(const GilReport& r) {
  std::string out = absl::StrFormat("GIL statistics: policy %s, check interval %d, switch interval %s, wall time %s\n",
                                    r.policy, r.check_interval, FormatGilDuration(r.switch_interval_ns),
                                    FormatGilDuration(r.wall_ns));
  size_t name_width = 6;
  for (const GilThreadReport& t : r.threads) name_width = std::max(name_width, std::min<size_t>(t.name.size(), 28));
  auto name_cell = [&](const std::string& name) {
    std::string n = name.size() > 28 ? name.substr(0, 27) + "~" : name;
    return absl::StrFormat("%-*s", static_cast<int>(name_width), n);
  };
  absl::StrAppendFormat(&out, "%s %12s %9s %9s | %9s %9s %9s %9s | %9s %9s | %8s %7s %7s %5s %4s\n", name_cell("thread"),
                        "instructions", "acquired", "waited", "wait", "p50", "p99", "max", "hold", "max", "interval",
                        "timeout", "io", "yield", "exit");
  for (const GilThreadReport& t : r.threads) {
    const GilThreadStats& s = t.stats;
    auto d = [](uint64_t ns) { return FormatGilDuration(ns); };
    absl::StrAppendFormat(&out, "%s %12d %9d %9d | %9s %9s %9s %9s | %9s %9s | %8d %7d %7d %5d %4d\n",
                          name_cell(t.name), t.instructions, s.acquisitions, s.contended, d(s.wait_ns),
                          d(s.wait.Percentile(0.5)), d(s.wait.Percentile(0.99)), d(s.max_wait_ns()), d(s.hold_ns),
                          d(s.max_hold_ns), s.released(GilReleaseReason::kInterval),
                          s.released(GilReleaseReason::kTimeout), s.released(GilReleaseReason::kIo),
                          s.released(GilReleaseReason::kYield), s.released(GilReleaseReason::kExit));
  }
  absl::StrAppendFormat(&out, "GIL held %s of the time; at least one thread waiting %s; %d switches (%.0f/s)\n",
                        Percent(r.held_fraction()), Percent(r.waiting_fraction()), r.switches, r.switches_per_second());
  if (r.handoff.count() > 0)
    absl::StrAppendFormat(&out, "handoff latency (release to the waiter running): p50 %s, p99 %s, max %s over %d handoffs\n",
                          FormatGilDuration(r.handoff.Percentile(0.5)), FormatGilDuration(r.handoff.Percentile(0.99)),
                          FormatGilDuration(r.handoff.max()), r.handoff.count());
  if (const GilThreadReport* t = r.longest_unpolled())
    absl::StrAppendFormat(&out, "longest hold without a safe point while a thread waited: %s, %s, ended at %s\n",
                          FormatGilDuration(t->stats.max_unpolled_ns), t->name, t->stats.max_unpolled_where);
  else
    out += "longest hold without a safe point while a thread waited: none (no thread ever waited)\n";
  return out;
}

namespace {

void AppendKey(std::string& out, std::string_view key) {
  AppendJsonString(out, key, false);
  out += ": ";
}

void AppendDistribution(std::string& out, const LogHistogram& h, uint64_t total) {
  absl::StrAppend(&out, "{\"count\": ", h.count(), ", \"total\": ", total, ", \"p50\": ", h.Percentile(0.5),
                  ", \"p99\": ", h.Percentile(0.99), ", \"max\": ", h.max(), "}");
}

void AppendFraction(std::string& out, double v) { absl::StrAppendFormat(&out, "%.6f", v); }

}  // namespace

std::string GilStatsJson(const GilReport& r) {
  std::string out = "{\n  \"schema\": \"gilvm-gil-stats-1\",\n  \"gilvm_version\": ";
  AppendJsonString(out, kVersion, false);
  out += ",\n  \"policy\": ";
  AppendJsonString(out, r.policy, false);
  absl::StrAppend(&out, ",\n  \"check_interval\": ", r.check_interval, ",\n  \"switch_interval_ns\": ",
                  r.switch_interval_ns, ",\n  \"wall_ns\": ", r.wall_ns, ",\n  \"held_ns\": ", r.held_ns,
                  ",\n  \"held_fraction\": ");
  AppendFraction(out, r.held_fraction());
  absl::StrAppend(&out, ",\n  \"waiting_ns\": ", r.waiting_ns, ",\n  \"waiting_fraction\": ");
  AppendFraction(out, r.waiting_fraction());
  absl::StrAppend(&out, ",\n  \"switches\": ", r.switches, ",\n  \"switches_per_second\": ");
  absl::StrAppendFormat(&out, "%.3f", r.switches_per_second());
  out += ",\n  \"handoff_ns\": ";
  uint64_t handoff_total = 0;  // the histogram keeps no sum; handoffs are summed per thread below
  (void)handoff_total;
  absl::StrAppend(&out, "{\"count\": ", r.handoff.count(), ", \"p50\": ", r.handoff.Percentile(0.5),
                  ", \"p99\": ", r.handoff.Percentile(0.99), ", \"max\": ", r.handoff.max(), "}");
  out += ",\n  \"longest_unpolled_hold\": ";
  if (const GilThreadReport* t = r.longest_unpolled()) {
    absl::StrAppend(&out, "{\"ns\": ", t->stats.max_unpolled_ns, ", \"thread\": ");
    AppendJsonString(out, t->name, false);
    out += ", \"where\": ";
    AppendJsonString(out, t->stats.max_unpolled_where, false);
    out += "}";
  } else {
    out += "null";
  }
  out += ",\n  \"threads\": [";
  for (size_t i = 0; i < r.threads.size(); ++i) {
    const GilThreadReport& t = r.threads[i];
    const GilThreadStats& s = t.stats;
    out += i ? ",\n    {" : "\n    {";
    AppendKey(out, "name");
    AppendJsonString(out, t.name, false);
    absl::StrAppend(&out, ", \"ident\": ", t.ident, ", \"native_id\": ", t.native_id,
                    ", \"alive\": ", t.alive ? "true" : "false", ", \"instructions\": ", t.instructions,
                    ", \"acquisitions\": ", s.acquisitions, ", \"contended\": ", s.contended,
                    ", \"drop_requests\": ", s.drop_requests, ",\n     \"wait_ns\": ");
    AppendDistribution(out, s.wait, s.wait_ns);
    absl::StrAppend(&out, ",\n     \"hold_ns\": {\"total\": ", s.hold_ns, ", \"max\": ", s.max_hold_ns,
                    "},\n     \"handoff_ns\": {\"count\": ", s.handoff.count(), ", \"p50\": ",
                    s.handoff.Percentile(0.5), ", \"p99\": ", s.handoff.Percentile(0.99), ", \"max\": ",
                    s.handoff.max(), "},\n     \"releases\": {");
    for (int k = 0; k < kNumGilReleaseReasons; ++k) {
      if (k) out += ", ";
      AppendKey(out, GilReleaseReasonName(static_cast<GilReleaseReason>(k)));
      absl::StrAppend(&out, s.releases[k]);
    }
    absl::StrAppend(&out, "},\n     \"max_unpolled_ns\": ", s.max_unpolled_ns, ", \"max_unpolled_where\": ");
    if (s.max_unpolled_where.empty()) out += "null";
    else AppendJsonString(out, s.max_unpolled_where, false);
    out += "}";
  }
  out += r.threads.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::string GilTraceJson(const GilTrace& trace, const GilReport& report) {
  // Chrome's trace-event format: complete events ("X") with microsecond timestamps, one track
  // (tid) per thread, named by metadata events.
  const int pid = 1;
  std::string out = "{\"displayTimeUnit\": \"ms\",\n \"otherData\": {\"gilvm_version\": ";
  AppendJsonString(out, kVersion, false);
  out += ", \"policy\": ";
  AppendJsonString(out, report.policy, false);
  absl::StrAppend(&out, ", \"check_interval\": ", report.check_interval, ", \"switch_interval_ns\": ",
                  report.switch_interval_ns, ", \"events\": ", trace.events.size(), ", \"dropped_events\": ",
                  trace.dropped, "},\n \"traceEvents\": [\n");
  auto us = [&](int64_t ns) { return absl::StrFormat("%.3f", static_cast<double>(ns - trace.start_ns) / 1e3); };
  auto tid = [&](uint32_t t) { return trace.threads[t].native_id != 0 ? trace.threads[t].native_id : 1'000'000 + t; };
  absl::StrAppend(&out, "  {\"ph\": \"M\", \"pid\": ", pid,
                  ", \"name\": \"process_name\", \"args\": {\"name\": \"gilvm GIL\"}}");
  std::vector<bool> used(trace.threads.size());
  for (const GilTraceEvent& e : trace.events) used[e.thread] = true;
  for (uint32_t t = 0; t < trace.threads.size(); ++t) {
    if (!used[t]) continue;
    absl::StrAppend(&out, ",\n  {\"ph\": \"M\", \"pid\": ", pid, ", \"tid\": ", tid(t),
                    ", \"name\": \"thread_name\", \"args\": {\"name\": ");
    AppendJsonString(out, trace.threads[t].name, false);
    absl::StrAppend(&out, "}},\n  {\"ph\": \"M\", \"pid\": ", pid, ", \"tid\": ", tid(t),
                    ", \"name\": \"thread_sort_index\", \"args\": {\"sort_index\": ", t, "}}");
  }
  if (trace.dropped > 0) {
    absl::StrAppend(&out, ",\n  {\"ph\": \"i\", \"s\": \"g\", \"pid\": ", pid, ", \"tid\": 0, \"ts\": ",
                    us(trace.events.empty() ? trace.start_ns : trace.events.front().start_ns), ", \"name\": ",
                    "\"", trace.dropped, " earlier events dropped (trace buffer full)\"}");
  }
  for (const GilTraceEvent& e : trace.events) {
    bool hold = e.kind == GilTraceEvent::kHold;
    absl::StrAppend(&out, ",\n  {\"ph\": \"X\", \"pid\": ", pid, ", \"tid\": ", tid(e.thread), ", \"ts\": ",
                    us(e.start_ns), ", \"dur\": ",
                    absl::StrFormat("%.3f", static_cast<double>(e.end_ns - e.start_ns) / 1e3), ", \"name\": \"",
                    hold ? "hold" : "wait", "\", \"cat\": \"gil\"");
    if (hold) absl::StrAppend(&out, ", \"args\": {\"released\": \"", GilReleaseReasonName(e.reason), "\"}");
    out += "}";
  }
  out += "\n]}\n";
  return out;
}

}  // namespace gilvm::vm
