// Placeholder until the full report (summary, table, SVG timeline) lands: the statistics table as
// preformatted text.
#include "vm/gil_report.h"

#include "absl/strings/str_cat.h"

namespace gilvm::vm {

std::string GilReportHtml(const GilReport& report, const GilTrace& trace, std::string_view title) {
  auto esc = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
      }
    }
    return out;
  };
  return absl::StrCat("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>GIL report: ", esc(title),
                      "</title></head><body><pre>", esc(FormatGilStatsTable(report)), "</pre><p>",
                      trace.events.size(), " spans recorded.</p></body></html>\n");
}

}  // namespace gilvm::vm
