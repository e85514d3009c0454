// The GIL report: one self-contained HTML page (no network, no scripts from elsewhere) with the
// summary, the per-thread table and an SVG timeline of hold and wait spans coloured by release
// reason. Built from the same structs as the other outputs (vm/gil_stats.h).
#pragma once

#include <string>
#include <string_view>

#include "vm/gil_stats.h"

namespace gilvm::vm {

// `title` names the run (the script's path); `trace` may hold no events (the timeline then says
// so instead of drawing one).
std::string GilReportHtml(const GilReport& report, const GilTrace& trace, std::string_view title);

}  // namespace gilvm::vm
