// The GIL report page (vm/gil_report.h).
//
// Everything is drawn here, in C++: the page has to read the same without JavaScript, on paper
// and with no network, so the timeline is an SVG computed before the page leaves the process.
// The one inline script only counts the rectangles the browser laid out, for the browser test.
//
// The page stays small whatever the trace holds: spans too narrow to see are merged per lane,
// kind and colour (a merged block is drawn paler when its spans cover only part of it), and
// the merge gets coarser until the timeline has at most kMaxBlocks rectangles.
#include "vm/gil_report.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace gilvm::vm {

namespace {

// ---------------------------------------------------------------------------------------------
// Text

// Escapes the characters that could end a text run or a quoted attribute value.
void AppendEscaped(std::string* out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&#39;"); break;
      default: out->push_back(c);
    }
  }
}

std::string Escape(std::string_view text) {
  std::string out;
  AppendEscaped(&out, text);
  return out;
}

// At most `max_chars` code points of UTF-8 `text`, with an ellipsis when cut.
std::string Shorten(std::string_view text, int max_chars) {
  int chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars > max_chars) return std::string(text.substr(0, i)) + "\u2026";
  }
  return std::string(text);
}

// 1234567 -> "1,234,567": counts in the table run to millions.
std::string Count(uint64_t n) {
  std::string digits = absl::StrCat(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Percent(double fraction) { return absl::StrFormat("%.1f%%", 100 * fraction); }

// A percentile of a histogram, or a dash when it holds no sample (0 would read as "instant").
std::string PercentileOrDash(const LogHistogram& h, double q) {
  return h.count() == 0 ? "\u2013" : FormatGilDuration(h.Percentile(q));
}

// ---------------------------------------------------------------------------------------------
// Colours

// Okabe and Ito's palette, which stays distinct under the common colour-vision deficiencies;
// its yellow is left out because it vanishes on white. Indexed by GilReleaseReason.
constexpr const char* kReasonColours[kNumGilReleaseReasons] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                                                "#e69f00"};
// What each reason means, for the legend.
constexpr const char* kReasonMeanings[kNumGilReleaseReasons] = {
    "check interval reached with a waiter", "a waiter timed out and asked", "released around blocking IO",
    "explicit yield (time.sleep(0))", "the thread exited"};

// `hex` ("#rrggbb") as it looks at opacity `strength` over white.
std::string Paler(const char* hex, double strength) {
  std::string out = "#";
  for (int i = 0; i < 3; ++i) {
    int c = std::stoi(std::string(hex + 1 + 2 * i, 2), nullptr, 16);
    absl::StrAppendFormat(&out, "%02x", static_cast<int>(std::lround(255 - (255 - c) * strength)));
  }
  return out;
}

// A small coloured square; an inline SVG rather than a CSS background so that it prints.
std::string Swatch(const std::string& css_class) {
  return absl::StrCat("<svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect class=\"",
                      css_class, "\" width=\"12\" height=\"12\" rx=\"2\"/></svg>");
}

std::string ReasonClass(int reason) { return absl::StrCat("r", reason); }
const char* ReasonName(int reason) { return GilReleaseReasonName(static_cast<GilReleaseReason>(reason)); }

// ---------------------------------------------------------------------------------------------
// The page's frame

void AppendStyle(std::string* out) {
  out->append(R"(<style>
:root{color-scheme:light}
body{margin:24px auto;max-width:1320px;padding:0 24px;color:#1f2328;background:#fff;
 font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
h1{font-size:22px;margin:0 0 4px;overflow-wrap:anywhere}
h2{font-size:16px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid #e4e7eb}
.meta{color:#57606a;margin:0}
.meta b{color:#1f2328;font-weight:600}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:10px}
.card{border:1px solid #e4e7eb;border-radius:6px;padding:8px 12px;background:#f8f9fb}
.card .label{color:#57606a;font-size:12px}
.card .value{font-size:20px;font-weight:600}
.card .detail{color:#57606a;font-size:12px;overflow-wrap:anywhere}
.card.wide{grid-column:span 2}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
th,td{padding:3px 9px;text-align:right;white-space:nowrap;border-bottom:1px solid #eceff2}
th{background:#f3f5f7;font-weight:600}
thead tr:first-child th{border-bottom:none}
th.group{text-align:center;border-left:1px solid #dde1e6}
td.first,th.first{border-left:1px solid #dde1e6}
td:first-child,th:first-child{text-align:left}
tbody tr:nth-child(even){background:#fafbfc}
.tag{color:#57606a;font-size:.85em;margin-left:6px}
.note{border-left:4px solid #e69f00;background:#fff8e6;padding:8px 12px;margin:10px 0}
.legend{display:flex;flex-wrap:wrap;gap:6px 20px;list-style:none;padding:0;margin:10px 0 4px}
.legend li{display:flex;align-items:center;gap:6px}
.legend .what{color:#57606a;font-size:12px}
.swatch{vertical-align:-1px;margin-right:3px}
.swatch .dropped{stroke:#afb8c1}
.caption{color:#57606a;font-size:12px;margin:4px 0}
svg.timeline{display:block;width:100%;min-width:900px;height:auto}
svg.timeline text{font:11px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#3d444d}
svg.timeline .tick{fill:#6e7781}
svg.timeline .grid{stroke:#e4e7eb;stroke-width:1}
svg.timeline .lane-bg{fill:#f6f8fa}
footer{color:#8c959f;font-size:12px;margin:32px 0 0}
.r0{fill:#0072b2}.r1{fill:#d55e00}.r2{fill:#009e73}.r3{fill:#cc79a7}.r4{fill:#e69f00}
.w{fill:url(#wait-hatch)}.dropped{fill:url(#dropped-hatch)}
@media print{body{margin:0;max-width:none;padding:0;font-size:12px}.scroll{overflow:visible}
 section{break-inside:avoid}.card{background:none;padding:4px 8px}.card .value{font-size:16px}
 table{font-size:8px}th,td{padding:2px 3px}.swatch{width:8px;height:8px}
 svg.timeline{min-width:0}svg.timeline text{font-size:15px}}
</style>
)");
}

void AppendHeader(std::string* out, const GilReport& report, std::string_view title) {
  std::string check = report.check_interval > 0 ? Count(report.check_interval) : "0 (off)";
  absl::StrAppend(out, "<header>\n<h1>GIL report: ", Escape(title), "</h1>\n<p class=\"meta\">policy <b>",
                  Escape(report.policy), "</b> &middot; check interval <b>", check,
                  "</b> &middot; switch interval <b>", FormatGilDuration(static_cast<double>(report.switch_interval_ns)),
                  "</b> &middot; wall time <b>", FormatGilDuration(report.wall_ns), "</b></p>\n</header>\n");
}

// The inline script the browser test reads: how many timeline rectangles the browser laid out
// with a non-empty box. The page is complete without it.
void AppendCountingScript(std::string* out) {
  out->append(R"(<script>
window.addEventListener('load', function () {
  var n = 0;
  document.querySelectorAll('svg.timeline rect.span').forEach(function (r) {
    var box = r.getBBox();
    if (box.width > 0 && box.height > 0) n++;
  });
  document.body.dataset.timelineRects = String(n);
});
</script>
)");
}

// ---------------------------------------------------------------------------------------------
// Summary and table

void AppendCard(std::string* out, const std::string& label, const std::string& value, const std::string& detail,
                bool wide = false) {
  absl::StrAppend(out, "<div class=\"card", wide ? " wide" : "", "\"><div class=\"label\">", label,
                  "</div><div class=\"value\">", value, "</div>");
  if (!detail.empty()) absl::StrAppend(out, "<div class=\"detail\">", detail, "</div>");
  out->append("</div>\n");
}

void AppendLongestUnpolled(std::string* out, const GilReport& report) {
  const GilThreadReport* t = report.longest_unpolled();
  if (t == nullptr) {
    AppendCard(out, "longest hold without a safe point", "nobody waited", "no thread ever waited for the GIL", true);
    return;
  }
  std::string detail = absl::StrCat("by ", Escape(t->name));
  if (!t->stats.max_unpolled_where.empty()) absl::StrAppend(&detail, " at ", Escape(t->stats.max_unpolled_where));
  AppendCard(out, "longest hold without a safe point", FormatGilDuration(t->stats.max_unpolled_ns), detail, true);
}

void AppendSummary(std::string* out, const GilReport& report) {
  out->append("<section class=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
  AppendCard(out, "wall time", FormatGilDuration(report.wall_ns), "");
  AppendCard(out, "GIL held", Percent(report.held_fraction()),
             absl::StrCat(FormatGilDuration(report.held_ns), " of the wall time"));
  AppendCard(out, "at least one waiter", Percent(report.waiting_fraction()),
             absl::StrCat(FormatGilDuration(report.waiting_ns), " with a thread waiting"));
  AppendCard(out, "switches", Count(report.switches),
             absl::StrCat(Count(static_cast<uint64_t>(std::llround(report.switches_per_second()))), " per second"));
  std::string handoff = absl::StrCat("p50 ", PercentileOrDash(report.handoff, 0.5));
  AppendCard(out, "handoff latency", handoff,
             absl::StrCat("p99 ", PercentileOrDash(report.handoff, 0.99), " &middot; ", Count(report.handoff.count()),
                          " handoffs"));
  AppendLongestUnpolled(out, report);
  out->append("</div>\n</section>\n");
}

void AppendTableHead(std::string* out) {
  out->append(
      "<thead>\n<tr><th rowspan=\"2\">thread</th><th rowspan=\"2\">instructions</th>"
      "<th rowspan=\"2\">acquisitions</th><th rowspan=\"2\">contended</th>"
      "<th class=\"group\" colspan=\"4\">wait</th><th class=\"group\" colspan=\"2\">hold</th>"
      "<th class=\"group\" colspan=\"5\">releases</th></tr>\n<tr><th class=\"first\">total</th><th>p50</th>"
      "<th>p99</th><th>max</th><th class=\"first\">total</th><th>max</th>");
  for (int r = 0; r < kNumGilReleaseReasons; ++r)
    absl::StrAppend(out, r == 0 ? "<th class=\"first\">" : "<th>", Swatch(ReasonClass(r)),
                    ReasonName(r), "</th>");
  out->append("</tr>\n</thead>\n");
}

void AppendThreadRow(std::string* out, const GilThreadReport& t) {
  const GilThreadStats& s = t.stats;
  absl::StrAppend(out, "<tr><td>", Escape(t.name), t.alive ? "" : "<span class=\"tag\">exited</span>", "</td><td>",
                  Count(t.instructions), "</td><td>", Count(s.acquisitions), "</td><td>", Count(s.contended), "</td>");
  absl::StrAppend(out, "<td class=\"first\">", FormatGilDuration(s.wait_ns), "</td><td>", PercentileOrDash(s.wait, 0.5),
                  "</td><td>", PercentileOrDash(s.wait, 0.99), "</td><td>", FormatGilDuration(s.max_wait_ns()), "</td>");
  absl::StrAppend(out, "<td class=\"first\">", FormatGilDuration(s.hold_ns), "</td><td>", FormatGilDuration(s.max_hold_ns), "</td>");
  for (int r = 0; r < kNumGilReleaseReasons; ++r)
    absl::StrAppend(out, r == 0 ? "<td class=\"first\">" : "<td>", Count(s.releases[r]), "</td>");
  out->append("</tr>\n");
}

void AppendThreadTable(std::string* out, const GilReport& report) {
  out->append("<section class=\"threads\">\n<h2>Threads</h2>\n");
  if (report.threads.empty()) {
    out->append("<p class=\"note\">No thread took the GIL in this window.</p>\n</section>\n");
    return;
  }
  out->append("<div class=\"scroll\"><table>\n");
  AppendTableHead(out);
  out->append("<tbody>\n");
  for (const GilThreadReport& t : report.threads) AppendThreadRow(out, t);
  out->append("</tbody>\n</table></div>\n</section>\n");
}

// ---------------------------------------------------------------------------------------------
// The timeline's geometry, in SVG user units (one unit is one CSS pixel at full width)

constexpr double kLabelWidth = 170;  // the lane names
constexpr double kPlotWidth = 1100;  // the time axis
constexpr double kRightMargin = 30;  // room for the last tick label
constexpr double kTopMargin = 6;
constexpr double kLaneHeight = 30;
constexpr double kHoldTop = 5;  // within a lane
constexpr double kHoldHeight = 14;
constexpr double kWaitTop = kHoldTop + kHoldHeight + 2;
constexpr double kWaitHeight = 5;
constexpr double kAxisHeight = 24;
constexpr double kMinBlockWidth = 1;  // a lone short span still shows
constexpr int kLaneNameChars = 24;
constexpr int kTargetTicks = 8;

// At most this many rectangles: about 200 bytes each with their tooltip, so the timeline stays
// under 1 MB however many events the trace holds.
constexpr size_t kMaxBlocks = 4000;
// A merged block covers at most this many merge columns, so its shade follows changes of duty
// (the blocks are joined again afterwards where the shade does not change).
constexpr double kMaxMergedColumns = 4;
// Neighbouring merged blocks whose duties differ by no more than this are drawn as one.
constexpr double kJoinTolerance = 0.1;
constexpr int kShades = 20;          // how finely a merged block's duty is shown
constexpr double kMinStrength = 0.3;  // a paler block would be lost on the lane's background

// Each lane draws one series per release reason (holds) plus one for its waits.
constexpr int kSeriesPerLane = kNumGilReleaseReasons + 1;
constexpr int kWaitSeries = kNumGilReleaseReasons;

// The time range the x axis shows.
struct TimeAxis {
  int64_t start_ns = 0;
  int64_t end_ns = 1;

  double X(int64_t t) const {
    return kPlotWidth * static_cast<double>(t - start_ns) / static_cast<double>(end_ns - start_ns);
  }
  int64_t Clamp(int64_t t) const { return std::clamp(t, start_ns, end_ns); }
  double NsPerUnit() const { return static_cast<double>(end_ns - start_ns) / kPlotWidth; }
};

// The trace's own range, or the events' when the trace's is missing or does not cover them.
TimeAxis AxisOf(const GilTrace& trace) {
  TimeAxis axis{trace.start_ns, trace.end_ns};
  if (axis.end_ns <= axis.start_ns && trace.events.empty()) return TimeAxis{0, 1};
  if (axis.end_ns <= axis.start_ns) {
    axis.start_ns = INT64_MAX;
    axis.end_ns = INT64_MIN;
    for (const GilTraceEvent& e : trace.events) {
      axis.start_ns = std::min(axis.start_ns, e.start_ns);
      axis.end_ns = std::max(axis.end_ns, e.end_ns);
    }
  }
  if (axis.end_ns <= axis.start_ns) axis.end_ns = axis.start_ns + 1;
  return axis;
}

struct Span {
  int64_t start_ns;
  int64_t end_ns;
};

// What one rectangle stands for: one span, or the spans of one series that lie too close
// together to be told apart at the drawn width.
struct Block {
  int series = 0;
  int64_t start_ns = 0;
  int64_t end_ns = 0;
  uint64_t busy_ns = 0;  // the spans' total length
  uint64_t spans = 0;
  bool merged = false;  // started from a span narrower than a merge column

  // The fraction of the block its spans cover.
  double Duty() const {
    if (spans == 1 || end_ns <= start_ns) return 1;
    return std::min(1.0, static_cast<double>(busy_ns) / static_cast<double>(end_ns - start_ns));
  }
  // How strongly the block is coloured, kMinStrength..1 in kShades steps: how much of the drawn
  // rectangle its spans cover. A lone span too short to see is widened to kMinBlockWidth, so
  // it is drawn pale, as a merged block of sparse spans is, not darker than its busy neighbours.
  double Strength(const TimeAxis& axis) const {
    double drawn_ns = std::max(static_cast<double>(end_ns - start_ns), kMinBlockWidth * axis.NsPerUnit());
    double coverage = std::min(1.0, static_cast<double>(busy_ns) / drawn_ns);
    return std::max(kMinStrength, std::round(coverage * kShades) / kShades);
  }
};

// The events of each series (lane * kSeriesPerLane + colour), clamped to the axis and sorted
// by start, as merging needs. An event of a thread the trace does not list has no lane to go in.
std::vector<std::vector<Span>> SplitSeries(const GilTrace& trace, const TimeAxis& axis, int lanes) {
  std::vector<std::vector<Span>> series(static_cast<size_t>(lanes) * kSeriesPerLane);
  for (const GilTraceEvent& e : trace.events) {
    if (e.thread >= static_cast<uint32_t>(lanes)) continue;
    int colour = e.kind == GilTraceEvent::kWait ? kWaitSeries : static_cast<int>(e.reason) % kNumGilReleaseReasons;
    int64_t start = axis.Clamp(e.start_ns), end = axis.Clamp(std::max(e.start_ns, e.end_ns));
    series[e.thread * kSeriesPerLane + colour].push_back({start, end});
  }
  // Events come ordered by end time, and one thread's spans of one kind do not overlap, so
  // this is usually sorted already.
  for (std::vector<Span>& spans : series)
    if (!std::is_sorted(spans.begin(), spans.end(), [](Span a, Span b) { return a.start_ns < b.start_ns; }))
      std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.start_ns < b.start_ns; });
  return series;
}

// Merges one series' spans: a span narrower than `column` units joins the merged block before
// it when the gap between them is narrower than a column too; wider spans keep a block each.
void MergeSeries(const std::vector<Span>& spans, int series, const TimeAxis& axis, double column,
                 std::vector<Block>* blocks) {
  Block cur;
  bool open = false;
  for (const Span& s : spans) {
    double x0 = axis.X(s.start_ns), x1 = axis.X(s.end_ns);
    bool narrow = x1 - x0 < column;
    if (open && narrow && cur.merged && x0 - axis.X(cur.end_ns) < column &&
        x1 - axis.X(cur.start_ns) <= kMaxMergedColumns * column) {
      cur.end_ns = std::max(cur.end_ns, s.end_ns);
      cur.busy_ns += static_cast<uint64_t>(s.end_ns - s.start_ns);
      ++cur.spans;
      continue;
    }
    if (open) blocks->push_back(cur);
    cur = Block{series, s.start_ns, s.end_ns, static_cast<uint64_t>(s.end_ns - s.start_ns), 1, narrow};
    open = true;
  }
  if (open) blocks->push_back(cur);
}

// Joins neighbouring merged blocks of one series whose duties are about the same, so a steady
// stretch of tiny spans costs one rectangle, not one per kMaxMergedColumns, and its shade does
// not flicker with the noise of the spans' lengths.
void JoinSimilarBlocks(std::vector<Block>* blocks, const TimeAxis& axis, double column) {
  std::vector<Block> out;
  for (const Block& b : *blocks) {
    if (!out.empty()) {
      Block& last = out.back();
      if (last.series == b.series && last.merged && b.merged && last.spans > 1 && b.spans > 1 &&
          std::abs(last.Duty() - b.Duty()) <= kJoinTolerance && axis.X(b.start_ns) - axis.X(last.end_ns) < column) {
        last.end_ns = std::max(last.end_ns, b.end_ns);
        last.busy_ns += b.busy_ns;
        last.spans += b.spans;
        continue;
      }
    }
    out.push_back(b);
  }
  *blocks = std::move(out);
}

// The blocks to draw: merged one pixel wide at first, coarser until there are few enough.
std::vector<Block> LayOut(const std::vector<std::vector<Span>>& series, const TimeAxis& axis) {
  std::vector<Block> blocks;
  for (double column = 1;; column *= 2) {
    blocks.clear();
    for (size_t i = 0; i < series.size(); ++i) MergeSeries(series[i], static_cast<int>(i), axis, column, &blocks);
    JoinSimilarBlocks(&blocks, axis, column);
    if (blocks.size() <= kMaxBlocks || column >= kPlotWidth) return blocks;
  }
}

// ---------------------------------------------------------------------------------------------
// Drawing the timeline

// The step between ticks: 1, 2 or 5 times a power of ten nanoseconds, for about `ticks` ticks.
double TickStep(double span_ns, int ticks) {
  double raw = std::max(span_ns / ticks, 1.0);
  double decade = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * decade >= raw * 0.999) return m * decade;
  return 10 * decade;
}

// Tick labels share one unit, the one of the largest tick, with the decimals the step needs
// ("0.5 s", "1 s", "1.5 s").
struct TickFormat {
  double scale;
  const char* unit;
  int decimals;
};

TickFormat TickFormatFor(double step_ns, double last_ns) {
  static constexpr std::pair<double, const char*> kUnits[] = {{1e9, "s"}, {1e6, "ms"}, {1e3, "us"}, {1, "ns"}};
  TickFormat f{1, "ns", 0};
  for (const auto& [scale, unit] : kUnits) {
    if (last_ns < scale && scale > 1) continue;
    f = {scale, unit, std::max(0, static_cast<int>(std::ceil(-std::log10(step_ns / scale) - 1e-9)))};
    break;
  }
  return f;
}

std::string TickLabel(double ns, const TickFormat& f) {
  if (ns == 0) return "0";
  return absl::StrCat(absl::StrFormat("%.*f", f.decimals, ns / f.scale), " ", f.unit);
}

void AppendAxis(std::string* out, const TimeAxis& axis, double plot_bottom) {
  double span = static_cast<double>(axis.end_ns - axis.start_ns);
  double step = TickStep(span, kTargetTicks);
  int ticks = static_cast<int>(std::floor(span / step + 1e-9));
  TickFormat format = TickFormatFor(step, ticks * step);
  out->append("<g class=\"axis\">\n");
  for (int i = 0; i <= ticks; ++i) {
    double x = kLabelWidth + kPlotWidth * (i * step) / span;
    absl::StrAppendFormat(out,
                          "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                          "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                          x, kTopMargin, x, plot_bottom + 4, x, plot_bottom + 17, TickLabel(i * step, format));
  }
  out->append("</g>\n");
}

// The pattern fills: waits and the stretch whose events were dropped are hatched, so they read
// as "not holding" next to the solid hold bars, in colour and in grey print alike.
void AppendPatterns(std::string* out) {
  out->append(
      "<defs>\n"
      "<pattern id=\"wait-hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#c9d1d9\"/>"
      "<rect width=\"2\" height=\"4\" fill=\"#6e7781\"/></pattern>\n"
      "<pattern id=\"dropped-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#f6f8fa\"/>"
      "<rect width=\"1.5\" height=\"8\" fill=\"#d0d7de\"/></pattern>\n"
      "</defs>\n");
}

std::string LaneName(const GilTrace& trace, int lane) {
  const GilTrace::Thread& t = trace.threads[lane];
  return t.name.empty() ? absl::StrCat("thread ", t.native_id) : t.name;
}

// A lane per thread: its name (the whole name and thread id in the tooltip) and, every other
// lane, a tinted background so the eye can follow it across.
void AppendLanes(std::string* out, const GilTrace& trace, int lanes) {
  for (int lane = 0; lane < lanes; ++lane) {
    double y = kTopMargin + lane * kLaneHeight;
    std::string name = LaneName(trace, lane);
    std::string tid;
    if (trace.threads[lane].native_id != 0) tid = absl::StrCat(" (tid ", trace.threads[lane].native_id, ")");
    if (lane % 2 == 0)
      absl::StrAppendFormat(out, "<rect class=\"lane-bg\" x=\"0\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", y,
                            kLabelWidth + kPlotWidth, kLaneHeight);
    absl::StrAppendFormat(out, "<text class=\"lane-name\" x=\"8\" y=\"%.1f\"><title>%s%s</title>%s</text>\n",
                          y + kHoldTop + 11, Escape(name), tid, Escape(Shorten(name, kLaneNameChars)));
  }
}

// The hatched stretch before the first kept event when the oldest events were dropped.
void AppendDroppedArea(std::string* out, const TimeAxis& axis, int64_t first_kept_ns, int lanes) {
  double width = axis.X(first_kept_ns);
  if (width < 0.5) return;
  double height = lanes * kLaneHeight;
  absl::StrAppendFormat(out,
                        "<rect class=\"dropped\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                        "<title>events dropped: nothing is known before %s</title></rect>\n",
                        kLabelWidth, kTopMargin, width, height, FormatGilDuration(first_kept_ns - axis.start_ns));
  if (width > 90)
    absl::StrAppendFormat(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">events dropped</text>\n",
                          kLabelWidth + width / 2, kTopMargin + height / 2 + 4);
}

// The tooltip: which thread, what kind, why it ended, when and how long.
std::string BlockTitle(const Block& b, const GilTrace& trace, const TimeAxis& axis) {
  int colour = b.series % kSeriesPerLane;
  bool wait = colour == kWaitSeries;
  std::string ended = wait ? "" : absl::StrCat(" ended by ", ReasonName(colour));
  std::string thread = Escape(LaneName(trace, b.series / kSeriesPerLane));
  std::string start = FormatGilDuration(b.start_ns - axis.start_ns), length = FormatGilDuration(b.end_ns - b.start_ns);
  if (b.spans == 1)
    return absl::StrCat(thread, ": ", wait ? "wait" : "hold", ended, "\nstart ", start, ", duration ", length);
  return absl::StrCat(thread, ": ", Count(b.spans), wait ? " waits" : " holds", ended, "\nstart ", start, ", over ",
                      length, ", ", wait ? "waiting " : "holding ", FormatGilDuration(b.busy_ns), " (", Percent(b.Duty()), ")");
}

void AppendBlock(std::string* out, const Block& b, const GilTrace& trace, const TimeAxis& axis) {
  int lane = b.series / kSeriesPerLane, colour = b.series % kSeriesPerLane;
  bool wait = colour == kWaitSeries;
  double x0 = axis.X(b.start_ns), width = std::max(axis.X(b.end_ns) - x0, kMinBlockWidth);
  x0 = std::min(x0, kPlotWidth - width);
  double y = kTopMargin + lane * kLaneHeight + (wait ? kWaitTop : kHoldTop);
  absl::StrAppendFormat(out, "<rect class=\"span %s\" x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"%.0f\"",
                        wait ? "w" : ReasonClass(colour), kLabelWidth + x0, y, width, wait ? kWaitHeight : kHoldHeight);
  // A hold's paler colour is solid, so that a block does not darken where it meets the next;
  // the hatching of waits can only be faded.
  if (double strength = b.Strength(axis); strength < 1 && wait)
    absl::StrAppendFormat(out, " fill-opacity=\"%.2f\"", strength);
  else if (strength < 1)
    absl::StrAppend(out, " style=\"fill:", Paler(kReasonColours[colour], strength), "\"");
  absl::StrAppend(out, "><title>", BlockTitle(b, trace, axis), "</title></rect>\n");
}

void AppendLegend(std::string* out, bool dropped) {
  out->append("<ul class=\"legend\">\n");
  for (int r = 0; r < kNumGilReleaseReasons; ++r)
    absl::StrAppend(out, "<li>", Swatch(ReasonClass(r)), "<span>held, ended by <b>", ReasonName(r),
                    "</b></span><span class=\"what\">", kReasonMeanings[r], "</span></li>\n");
  absl::StrAppend(out, "<li>", Swatch("w"), "<span><b>waiting</b> for the GIL</span></li>\n");
  if (dropped) absl::StrAppend(out, "<li>", Swatch("dropped"), "<span>events dropped</span></li>\n");
  out->append("</ul>\n");
}

void AppendDroppedNote(std::string* out, const GilTrace& trace, const TimeAxis& axis, int64_t first_kept_ns) {
  absl::StrAppend(out, "<p class=\"note\"><b>", Count(trace.dropped), " earlier event",
                  trace.dropped == 1 ? " was" : "s were", " dropped</b> (the trace buffer was full)");
  if (!trace.events.empty()) absl::StrAppend(out, "; the timeline starts at ", FormatGilDuration(first_kept_ns - axis.start_ns));
  out->append(".</p>\n");
}

void AppendTimeline(std::string* out, const GilTrace& trace) {
  out->append("<section class=\"timeline\">\n<h2>Timeline</h2>\n");
  TimeAxis axis = AxisOf(trace);
  int64_t first_kept_ns = axis.end_ns;
  for (const GilTraceEvent& e : trace.events) first_kept_ns = std::min(first_kept_ns, axis.Clamp(e.start_ns));
  if (trace.dropped > 0) AppendDroppedNote(out, trace, axis, first_kept_ns);
  if (trace.events.empty()) {
    out->append(
        "<p class=\"note\">No GIL events were recorded: run with --gil-report to record the timeline.</p>\n"
        "</section>\n");
    return;
  }
  int lanes = static_cast<int>(trace.threads.size());
  std::vector<std::vector<Span>> series = SplitSeries(trace, axis, lanes);
  size_t drawn = 0;
  for (const std::vector<Span>& spans : series) drawn += spans.size();
  std::vector<Block> blocks = LayOut(series, axis);
  double plot_bottom = kTopMargin + lanes * kLaneHeight;
  double width = kLabelWidth + kPlotWidth + kRightMargin, height = plot_bottom + kAxisHeight;
  // Below 900 px the lane names and tick labels would be too small to read: scroll instead.
  out->append("<div class=\"scroll\">\n");
  absl::StrAppendFormat(out,
                        "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                        "width=\"%.0f\" height=\"%.0f\" role=\"img\" "
                        "aria-label=\"GIL timeline, one lane per thread\">\n",
                        width, height, width, height);
  AppendPatterns(out);
  AppendLanes(out, trace, lanes);
  AppendAxis(out, axis, plot_bottom);
  if (trace.dropped > 0) AppendDroppedArea(out, axis, first_kept_ns, lanes);
  for (const Block& b : blocks) AppendBlock(out, b, trace, axis);
  out->append("</svg>\n</div>\n");
  AppendLegend(out, trace.dropped > 0);
  absl::StrAppend(out, "<p class=\"caption\">", Count(drawn), " events drawn as ", Count(blocks.size()),
                  " rectangles: spans too short to tell apart are merged, and a merged bar is paler where the thread "
                  "held or waited for only part of it. Hover a bar for its details.</p>\n</section>\n");
}

}  // namespace

std::string GilReportHtml(const GilReport& report, const GilTrace& trace, std::string_view title) {
  std::string out;
  absl::StrAppend(&out,
                  "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  // The page fetches nothing: say so to the browser too.
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n<title>GIL report: ",
                  Escape(title), "</title>\n");
  AppendStyle(&out);
  out.append("</head>\n<body>\n");
  AppendHeader(&out, report, title);
  AppendSummary(&out, report);
  AppendThreadTable(&out, report);
  AppendTimeline(&out, trace);
  out.append("<footer>Generated by gilvm. Times are measured on the steady clock; percentiles come from "
             "log-bucket histograms, exact to within about 19%.</footer>\n");
  AppendCountingScript(&out);
  out.append("</body>\n</html>\n");
  return out;
}

}  // namespace gilvm::vm
