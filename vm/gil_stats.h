// GIL measurement: the figures of ../shared/gil-spec.md ("Measurement"), collected from the Gil
// (vm/gil.h) into plain structs, and the three ways they leave the process: a table for people,
// JSON for programs, and a Chrome trace-event timeline. The HTML report (vm/gil_report.h) is built
// from the same structs.
//
// Invariants:
//  - Counters are monotonic between resets (gil.reset() starts a new window; the whole-run figures
//    that --gil-stats prints are never reset).
//  - Durations are integer nanoseconds of the steady clock; percentiles come from a log-bucket
//    histogram and are exact to within one bucket (about 19%), clamped to the observed maximum.
//  - Collecting a report needs the GIL (vm/gil.h says which lock guards which counter).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace gilvm::vm {

class ThreadState;
enum class GilPolicy : uint8_t;

// Durations in a log-bucket histogram: 4 buckets per power of two, from 1 ns to 2^64 ns.
class LogHistogram {
 public:
  static constexpr int kSubBits = 2;
  static constexpr int kBuckets = 64 << kSubBits;

  void Add(uint64_t ns) {
    ++buckets_[Bucket(ns)];
    ++count_;
    if (ns > max_) max_ = ns;
  }
  void Merge(const LogHistogram& other);
  uint64_t count() const { return count_; }
  uint64_t max() const { return max_; }
  // The value below which a fraction `q` (0..1) of the samples lie; 0 when empty.
  uint64_t Percentile(double q) const;

  static int Bucket(uint64_t ns);
  static uint64_t BucketLow(int bucket);

 private:
  std::array<uint64_t, kBuckets> buckets_{};
  uint64_t count_ = 0;
  uint64_t max_ = 0;
};

// Why a holder let go of the GIL (the contract's release reasons).
enum class GilReleaseReason : uint8_t { kInterval, kTimeout, kIo, kYield, kExit };
inline constexpr int kNumGilReleaseReasons = 5;
// "interval", "timeout", "io", "yield", "exit": the names every output uses.
const char* GilReleaseReasonName(GilReleaseReason why);
const char* GilPolicyName(GilPolicy policy);

// What the GIL counts for one thread over one window.
struct GilThreadStats {
  uint64_t acquisitions = 0;
  uint64_t contended = 0;  // acquisitions that had to wait
  uint64_t wait_ns = 0;
  uint64_t hold_ns = 0;
  uint64_t max_hold_ns = 0;
  uint64_t drop_requests = 0;  // times this thread, waiting, asked the holder to let go
  std::array<uint64_t, kNumGilReleaseReasons> releases{};
  LogHistogram wait;     // one sample per contended acquisition: from asking to running
  LogHistogram handoff;  // one sample per contended acquisition: from the release to running
  // The longest stretch this thread held the GIL without reaching a safe point while another
  // thread waited, and the script position of the safe point that ended it.
  uint64_t max_unpolled_ns = 0;
  std::string max_unpolled_where;

  uint64_t max_wait_ns() const { return wait.max(); }
  uint64_t released(GilReleaseReason why) const { return releases[static_cast<int>(why)]; }
};

// One thread's row in a report.
struct GilThreadReport {
  std::string name;
  uint64_t ident = 0;      // threading.get_ident()
  uint64_t native_id = 0;  // the kernel's thread id (the trace's tid)
  bool alive = true;
  uint64_t instructions = 0;
  GilThreadStats stats;
};

// Everything the GIL measured over one window, for one interpreter.
struct GilReport {
  std::string policy;  // "fair", "cpython2", "cpython3"
  int64_t check_interval = 0;
  int64_t switch_interval_ns = 0;
  uint64_t wall_ns = 0;     // length of the window
  uint64_t held_ns = 0;     // time some thread held the GIL
  uint64_t waiting_ns = 0;  // time at least one thread waited for it
  uint64_t switches = 0;    // times the GIL went from one thread to another
  LogHistogram handoff;     // all threads' handoff latencies
  std::vector<GilThreadReport> threads;  // in the order the threads started

  double held_fraction() const { return wall_ns ? static_cast<double>(held_ns) / static_cast<double>(wall_ns) : 0; }
  double waiting_fraction() const {
    return wall_ns ? static_cast<double>(waiting_ns) / static_cast<double>(wall_ns) : 0;
  }
  double switches_per_second() const {
    return wall_ns ? static_cast<double>(switches) * 1e9 / static_cast<double>(wall_ns) : 0;
  }
  // The thread with the longest hold without a safe point, or null if nobody ever waited.
  const GilThreadReport* longest_unpolled() const;
};

// One span of a GIL timeline: a thread held the GIL, or waited for it.
struct GilTraceEvent {
  enum Kind : uint8_t { kHold, kWait };
  uint32_t thread = 0;  // index into GilTrace::threads
  Kind kind = kHold;
  GilReleaseReason reason = GilReleaseReason::kInterval;  // holds only: why it ended
  int64_t start_ns = 0;  // steady clock
  int64_t end_ns = 0;
};

// The spans recorded between two points of a run (a --gil-trace run, a gil.trace() block).
struct GilTrace {
  struct Thread {
    std::string name;
    uint64_t native_id = 0;
  };
  std::vector<Thread> threads;
  std::vector<GilTraceEvent> events;  // ordered by end time
  int64_t start_ns = 0;               // when recording began (the timeline's zero)
  int64_t end_ns = 0;
  uint64_t dropped = 0;  // events lost because the buffer was full (the oldest go first)
};

// The figures of the interpreter `ts` belongs to, for the window since the last gil.reset()
// (`window`) or for the whole run. `ts` is the calling thread; it holds the GIL.
GilReport CollectGilReport(ThreadState& ts, bool window);

// A duration for people, in the unit that puts it between 1 and 1000: "850 ns", "12.3 us",
// "4.6 ms", "45 s".
std::string FormatGilDuration(double ns);

// The table --gil-stats prints: one row per thread, then the summary.
std::string FormatGilStatsTable(const GilReport& report);
// The same figures as JSON (schema: tests/gil/gil-stats.schema.json).
std::string GilStatsJson(const GilReport& report);
// A Chrome trace-event JSON document (Perfetto, chrome://tracing): a track per thread.
std::string GilTraceJson(const GilTrace& trace, const GilReport& report);

}  // namespace gilvm::vm
