// Tests of the GIL report page (vm/gil_report.h) on reports and traces built by hand, and of the
// log-bucket histogram its percentiles come from (vm/gil_stats.h). The page is also loaded in
// headless Chromium by tests/gil/check_report.py; here we check what it says, not how it looks.
#include "vm/gil_report.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace gilvm::vm {
namespace {

constexpr int64_t kUs = 1000;
constexpr int64_t kMs = 1000 * kUs;

size_t Occurrences(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

// ---------------------------------------------------------------------------------------------
// LogHistogram

// The largest bucket a uint64_t reaches; the buckets above it are never used.
int TopBucket() { return LogHistogram::Bucket(UINT64_MAX); }

TEST(LogHistogram, BucketLowRoundTrips) {
  for (int b = 0; b <= TopBucket(); ++b) {
    uint64_t low = LogHistogram::BucketLow(b);
    EXPECT_EQ(LogHistogram::Bucket(low), b) << "bucket " << b;
    if (b > 0) {
      EXPECT_EQ(LogHistogram::Bucket(low - 1), b - 1) << "just below bucket " << b;
    }
  }
}

TEST(LogHistogram, BucketsAreOrderedAndNarrow) {
  for (uint64_t v : {uint64_t{0}, uint64_t{1}, uint64_t{3}, uint64_t{4}, uint64_t{5}, uint64_t{7}, uint64_t{1000},
                     uint64_t{123456789}, uint64_t{1} << 40, UINT64_MAX / 3}) {
    int b = LogHistogram::Bucket(v);
    EXPECT_LE(LogHistogram::BucketLow(b), v);
    if (b < TopBucket()) {
      uint64_t high = LogHistogram::BucketLow(b + 1);
      EXPECT_GT(high, v);
      // 4 buckets per power of two: a bucket is at most a quarter of its lower bound wide.
      EXPECT_LE(high - LogHistogram::BucketLow(b), std::max<uint64_t>(1, LogHistogram::BucketLow(b) / 4)) << v;
    }
  }
}

TEST(LogHistogram, EmptyHistogramSaysZero) {
  LogHistogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.Percentile(0.5), 0u);
  EXPECT_EQ(h.max(), 0u);
}

// Waits of 1 us to 10 ms, evenly spread: the true percentiles are known exactly.
TEST(LogHistogram, PercentileWithinOneBucketOfTheTruth) {
  LogHistogram h;
  std::vector<uint64_t> samples;
  for (uint64_t i = 1; i <= 10000; ++i) samples.push_back(i * static_cast<uint64_t>(kUs));
  for (uint64_t s : samples) h.Add(s);
  EXPECT_EQ(h.count(), samples.size());
  EXPECT_EQ(h.max(), samples.back());
  for (double q : {0.01, 0.25, 0.5, 0.9, 0.99, 0.999, 1.0}) {
    uint64_t truth = samples[static_cast<size_t>(q * samples.size()) - 1];
    uint64_t got = h.Percentile(q);
    EXPECT_LE(std::abs(LogHistogram::Bucket(got) - LogHistogram::Bucket(truth)), 1)
        << "q=" << q << " got " << got << " truth " << truth;
    EXPECT_LE(got, h.max());
  }
}

// A percentile is the middle of its bucket, so it would overshoot a lone sample at the bucket's
// low end: the histogram clamps it to the largest sample seen.
TEST(LogHistogram, PercentileNeverExceedsTheMaximum) {
  LogHistogram h;
  h.Add(LogHistogram::BucketLow(40));
  EXPECT_EQ(h.Percentile(0.5), LogHistogram::BucketLow(40));
  EXPECT_EQ(h.Percentile(1.0), LogHistogram::BucketLow(40));
}

TEST(LogHistogram, MergeEqualsAddingEverything) {
  LogHistogram a, b, all;
  for (uint64_t i = 1; i <= 500; ++i) {
    a.Add(i * 37);
    all.Add(i * 37);
  }
  for (uint64_t i = 1; i <= 300; ++i) {
    b.Add(i * 9001);
    all.Add(i * 9001);
  }
  a.Merge(b);
  EXPECT_EQ(a.count(), all.count());
  EXPECT_EQ(a.max(), all.max());
  for (double q : {0.1, 0.5, 0.9, 0.99}) EXPECT_EQ(a.Percentile(q), all.Percentile(q)) << q;
}

// ---------------------------------------------------------------------------------------------
// The page

// A trace built span by span, then ordered by end time as the recorder delivers it.
class TraceBuilder {
 public:
  explicit TraceBuilder(std::vector<std::string> names) {
    for (size_t i = 0; i < names.size(); ++i) trace_.threads.push_back({names[i], 1000 + i});
  }
  TraceBuilder& Hold(uint32_t thread, int64_t start, int64_t end, GilReleaseReason why) {
    trace_.events.push_back({thread, GilTraceEvent::kHold, why, start, end});
    return *this;
  }
  TraceBuilder& Wait(uint32_t thread, int64_t start, int64_t end) {
    trace_.events.push_back({thread, GilTraceEvent::kWait, GilReleaseReason::kInterval, start, end});
    return *this;
  }
  GilTrace Build(int64_t start, int64_t end, uint64_t dropped = 0) {
    std::stable_sort(trace_.events.begin(), trace_.events.end(),
                     [](const GilTraceEvent& a, const GilTraceEvent& b) { return a.end_ns < b.end_ns; });
    trace_.start_ns = start;
    trace_.end_ns = end;
    trace_.dropped = dropped;
    return trace_;
  }

 private:
  GilTrace trace_;
};

GilThreadReport ThreadRow(std::string name, uint64_t instructions, uint64_t wait_ns, uint64_t hold_ns) {
  GilThreadReport t;
  t.name = std::move(name);
  t.instructions = instructions;
  t.stats.acquisitions = 40;
  t.stats.contended = 30;
  t.stats.wait_ns = wait_ns;
  t.stats.hold_ns = hold_ns;
  t.stats.max_hold_ns = hold_ns / 10;
  for (int i = 0; i < 30; ++i) {
    t.stats.wait.Add(wait_ns / 30);
    t.stats.handoff.Add(20 * kUs);
  }
  t.stats.releases = {25, 3, 8, 1, 1};
  return t;
}

GilReport SampleReport() {
  GilReport r;
  r.policy = "fair";
  r.check_interval = 100;
  r.switch_interval_ns = 15 * kMs;
  r.wall_ns = 1500 * kMs;
  r.held_ns = 1400 * kMs;
  r.waiting_ns = 900 * kMs;
  r.switches = 1234567;
  r.threads.push_back(ThreadRow("MainThread", 1200, 850, 3200 * kUs));
  r.threads.push_back(ThreadRow("worker-1", 9876543, 42 * kMs, 700 * kMs));
  r.threads.push_back(ThreadRow("sleeper", 300, 2 * kMs, 9 * kMs));
  r.threads[2].alive = false;
  r.threads[1].stats.max_unpolled_ns = 3200 * kUs;
  r.threads[1].stats.max_unpolled_where = "report_scenario.py:12 in spin";
  for (const GilThreadReport& t : r.threads) r.handoff.Merge(t.stats.handoff);
  return r;
}

// Three threads, every release reason, a wait in each lane, and events lost at the start.
GilTrace SampleTrace() {
  return TraceBuilder({"MainThread", "worker-1", "sleeper"})
      .Hold(0, 10 * kMs, 20 * kMs, GilReleaseReason::kIo)
      .Wait(1, 12 * kMs, 20 * kMs)
      .Hold(1, 20 * kMs, 35 * kMs, GilReleaseReason::kTimeout)
      .Wait(2, 25 * kMs, 35 * kMs)
      .Hold(2, 35 * kMs, 40 * kMs, GilReleaseReason::kYield)
      .Hold(1, 40 * kMs, 60 * kMs, GilReleaseReason::kInterval)
      .Wait(0, 50 * kMs, 60 * kMs)
      .Hold(0, 60 * kMs, 70 * kMs, GilReleaseReason::kExit)
      .Hold(2, 70 * kMs, 80 * kMs, GilReleaseReason::kExit)
      .Build(0, 100 * kMs, /*dropped=*/7);
}

const char* const kTitle = "x<script>alert(1)</script>&\"y\".py";

TEST(GilReport, EscapesTheTitle) {
  std::string html = GilReportHtml(SampleReport(), SampleTrace(), kTitle);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("x&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;y&quot;.py"), std::string::npos);
  // The only script is the page's own counting one.
  EXPECT_EQ(Occurrences(html, "<script"), 1u);
}

TEST(GilReport, HeaderNamesTheSettings) {
  std::string html = GilReportHtml(SampleReport(), SampleTrace(), "run.py");
  EXPECT_NE(html.find("policy <b>fair</b>"), std::string::npos);
  EXPECT_NE(html.find("check interval <b>100</b>"), std::string::npos);
  EXPECT_NE(html.find("switch interval <b>15 ms</b>"), std::string::npos);
  EXPECT_NE(html.find("wall time <b>1.5 s</b>"), std::string::npos);
}

TEST(GilReport, SummaryHasTheInterpreterFigures) {
  std::string html = GilReportHtml(SampleReport(), SampleTrace(), "run.py");
  EXPECT_NE(html.find("93.3%"), std::string::npos);      // held 1.4 s of 1.5 s
  EXPECT_NE(html.find("60.0%"), std::string::npos);      // waited 0.9 s of 1.5 s
  EXPECT_NE(html.find("1,234,567"), std::string::npos);  // switches
  EXPECT_NE(html.find("823,045 per second"), std::string::npos);
  EXPECT_NE(html.find("handoff latency"), std::string::npos);
  EXPECT_NE(html.find("3.2 ms"), std::string::npos);
  EXPECT_NE(html.find("by worker-1 at report_scenario.py:12 in spin"), std::string::npos);
  EXPECT_EQ(html.find("nobody waited"), std::string::npos);
}

TEST(GilReport, SaysWhenNobodyWaited) {
  GilReport report = SampleReport();
  for (GilThreadReport& t : report.threads) t.stats.max_unpolled_ns = 0;
  std::string html = GilReportHtml(report, SampleTrace(), "run.py");
  EXPECT_NE(html.find("nobody waited"), std::string::npos);
}

TEST(GilReport, TableHasARowPerThreadInHumanUnits) {
  std::string html = GilReportHtml(SampleReport(), SampleTrace(), "run.py");
  EXPECT_EQ(Occurrences(html, "<tr><td>"), 3u);
  EXPECT_NE(html.find("<tr><td>worker-1</td><td>9,876,543</td>"), std::string::npos);
  EXPECT_NE(html.find("sleeper<span class=\"tag\">exited</span>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"first\">850 ns</td>"), std::string::npos);   // MainThread's wait
  EXPECT_NE(html.find("<td class=\"first\">42 ms</td>"), std::string::npos);    // worker-1's wait
  EXPECT_NE(html.find("<td class=\"first\">700 ms</td>"), std::string::npos);   // worker-1's hold
  EXPECT_NE(html.find("<td class=\"first\">3.2 ms</td>"), std::string::npos);   // MainThread's hold
  for (const char* reason : {"interval", "timeout", "io", "yield", "exit"})
    EXPECT_NE(html.find(absl::StrCat("</svg>", reason, "</th>")), std::string::npos) << reason;
}

TEST(GilReport, OneLanePerThreadAndOneRectPerVisibleSpan) {
  GilTrace trace = SampleTrace();
  std::string html = GilReportHtml(SampleReport(), trace, "run.py");
  EXPECT_EQ(Occurrences(html, "class=\"lane-name\""), 3u);
  for (const char* name : {">MainThread</text>", ">worker-1</text>", ">sleeper</text>"})
    EXPECT_NE(html.find(name), std::string::npos) << name;
  // Every span is wider than a pixel here, so none is merged.
  EXPECT_EQ(Occurrences(html, "<rect class=\"span "), trace.events.size());
  EXPECT_EQ(Occurrences(html, "<rect class=\"span w\""), 3u);
  for (int r = 0; r < kNumGilReleaseReasons; ++r)
    EXPECT_GE(Occurrences(html, absl::StrCat("<rect class=\"span r", r, "\"")), 1u) << r;
  EXPECT_NE(html.find("<title>worker-1: hold ended by timeout\nstart 20 ms, duration 15 ms</title>"),
            std::string::npos);
}

TEST(GilReport, HasALegendOfEveryColour) {
  std::string html = GilReportHtml(SampleReport(), SampleTrace(), "run.py");
  ASSERT_NE(html.find("<ul class=\"legend\">"), std::string::npos);
  for (const char* reason : {"interval", "timeout", "io", "yield", "exit"})
    EXPECT_NE(html.find(absl::StrCat("ended by <b>", reason, "</b>")), std::string::npos) << reason;
  EXPECT_NE(html.find("<b>waiting</b> for the GIL"), std::string::npos);
}

TEST(GilReport, SaysWhenEventsWereDropped) {
  std::string html = GilReportHtml(SampleReport(), SampleTrace(), "run.py");
  EXPECT_NE(html.find("7 earlier events were dropped"), std::string::npos);
  EXPECT_NE(html.find("the timeline starts at 10 ms"), std::string::npos);
  EXPECT_NE(html.find("<rect class=\"dropped\""), std::string::npos);

  GilTrace whole = SampleTrace();
  whole.dropped = 0;
  html = GilReportHtml(SampleReport(), whole, "run.py");
  EXPECT_EQ(html.find("dropped</b>"), std::string::npos);
  EXPECT_EQ(html.find("<rect class=\"dropped\""), std::string::npos);
}

TEST(GilReport, EmptyTraceGetsANoteInsteadOfATimeline) {
  GilTrace trace;
  trace.threads.push_back({"MainThread", 1});
  std::string html = GilReportHtml(SampleReport(), trace, "run.py");
  EXPECT_NE(html.find("No GIL events were recorded"), std::string::npos);
  EXPECT_EQ(html.find("<svg class=\"timeline\""), std::string::npos);
  // The summary and table do not depend on the trace.
  EXPECT_NE(html.find("<tr><td>worker-1</td>"), std::string::npos);
}

// The recorder's contract is an index into trace.threads; a span outside it has no lane and
// must not take the page down.
TEST(GilReport, SkipsSpansOfUnlistedThreads) {
  GilTrace trace = SampleTrace();
  trace.events.push_back({7, GilTraceEvent::kHold, GilReleaseReason::kIo, 1 * kMs, 2 * kMs});
  std::string html = GilReportHtml(SampleReport(), trace, "run.py");
  EXPECT_EQ(Occurrences(html, "class=\"lane-name\""), 3u);
  EXPECT_EQ(Occurrences(html, "<rect class=\"span "), trace.events.size() - 1);
}

// Without a recorded range (start == end), the axis spans the events.
TEST(GilReport, AxisFallsBackToTheEvents) {
  GilTrace trace = SampleTrace();
  trace.start_ns = trace.end_ns = 0;
  trace.dropped = 0;
  std::string html = GilReportHtml(SampleReport(), trace, "run.py");
  EXPECT_EQ(Occurrences(html, "<rect class=\"span "), trace.events.size());
  EXPECT_NE(html.find(">70 ms</text>"), std::string::npos);  // events run from 10 to 80 ms
}

TEST(GilReport, DurationsRoundIntoTheNextUnit) {
  GilReport report = SampleReport();
  report.threads[0].stats.wait_ns = 999'960;  // 999.96 us
  report.threads[0].stats.hold_ns = 59'999'000'000;
  std::string html = GilReportHtml(report, SampleTrace(), "run.py");
  EXPECT_NE(html.find("<td class=\"first\">1 ms</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"first\">60 s</td>"), std::string::npos);
}

TEST(GilReport, FetchesNothing) {
  std::string html = GilReportHtml(SampleReport(), SampleTrace(), "run.py");
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url(http"), std::string::npos);
}

// `threads` CPU-bound threads passing the GIL round the ring every `slice` ns, `events` spans
// in all (holds and waits, with every release reason), as a 1M-event --gil-report run records.
GilTrace BusyTrace(int threads, int events, int64_t slice) {
  std::vector<std::string> names;
  for (int t = 0; t < threads; ++t) names.push_back(absl::StrCat("worker-", t));
  TraceBuilder b(names);
  int64_t now = 0;
  for (int i = 0; i < events / 2; ++i) {
    auto t = static_cast<uint32_t>(i % threads);
    // Slices of 1 to 1024 times `slice` in a scrambled order, so that some spans are wider than a
    // pixel and some are merged, with duties that change along the lanes.
    int64_t len = slice << ((int64_t{i} * 7919) % 11);
    b.Hold(t, now, now + len, static_cast<GilReleaseReason>((i / threads) % kNumGilReleaseReasons));
    b.Wait((t + 1) % threads, now, now + len);
    now += len;
  }
  return b.Build(0, now);
}

TEST(GilReport, MillionEventsMakeABoundedPage) {
  GilTrace trace = BusyTrace(3, 1'000'000, 1 * kUs);
  std::string html = GilReportHtml(SampleReport(), trace, "run.py");
  size_t rects = Occurrences(html, "<rect class=\"span ");
  EXPECT_LT(html.size(), 3u << 20);
  EXPECT_LE(rects, 4000u);
  EXPECT_GE(rects, 3u);
  EXPECT_NE(html.find("1,000,000 events drawn"), std::string::npos);
}

// The worst case for merging: in every series (thread x colour) the duty flips between 10% and
// 90% every few pixels, so that no two neighbouring blocks can be drawn as one.
GilTrace FlickeringTrace(int threads, int events) {
  std::vector<std::string> names;
  for (int t = 0; t < threads; ++t) names.push_back(absl::StrCat("worker-", t));
  TraceBuilder b(names);
  constexpr int kWindows = 120;             // 9 pixels each
  constexpr int64_t kWindow = 1000 * kUs;
  const int series = threads * (kNumGilReleaseReasons + 1);
  const int per_window = events / (series * kWindows);
  for (int s = 0; s < series; ++s) {
    auto thread = static_cast<uint32_t>(s / (kNumGilReleaseReasons + 1));
    int colour = s % (kNumGilReleaseReasons + 1);
    for (int w = 0; w < kWindows; ++w) {
      int64_t step = kWindow / per_window, len = (w + s) % 2 == 0 ? step * 9 / 10 : step / 10;
      for (int k = 0; k < per_window; ++k) {
        int64_t start = w * kWindow + k * step;
        if (colour == kNumGilReleaseReasons) b.Wait(thread, start, start + len);
        else b.Hold(thread, start, start + len, static_cast<GilReleaseReason>(colour));
      }
    }
  }
  return b.Build(0, kWindows * kWindow);
}

TEST(GilReport, FlickeringDutiesMakeABoundedPage) {
  GilTrace trace = FlickeringTrace(5, 1'000'000);
  ASSERT_GE(trace.events.size(), 990'000u);
  std::string html = GilReportHtml(SampleReport(), trace, "run.py");
  size_t rects = Occurrences(html, "<rect class=\"span ");
  EXPECT_LT(html.size(), 3u << 20);
  EXPECT_LE(rects, 4000u);
  EXPECT_GE(rects, 1000u);  // the merge kept the changes of duty it could
}

TEST(GilReport, ManyThreadsStillMakeABoundedPage) {
  GilTrace trace = BusyTrace(300, 1'000'000, 1 * kUs);
  std::string html = GilReportHtml(SampleReport(), trace, "run.py");
  EXPECT_EQ(Occurrences(html, "class=\"lane-name\""), 300u);
  EXPECT_LT(html.size(), 3u << 20);
}

}  // namespace
}  // namespace gilvm::vm
