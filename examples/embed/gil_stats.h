// gil_stats.h: reads the few fields of Interpreter::GilStatsJson() that host_threads.cc and
// parallel.cc print (the full schema is tests/gil/gil-stats.schema.json).
//
// The JSON is parsed by a scratch interpreter with the script's own `json` module: a host that
// embeds Python can use it for such chores too. It is a separate interpreter so that the parsing
// does not show up in the statistics being read.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "gilvm/gilvm.h"

struct GilThreadStats {
  std::string name;          // "MainThread", "Thread-1", or "host-<tid>" for an attached host thread
  int64_t acquisitions = 0;  // times this thread took the GIL
  int64_t contended = 0;     // ...of which it had to wait for another thread to let go
  int64_t io_releases = 0;   // times it let go around blocking work (IO, sleep, GilReleaseGuard)
};

struct GilStats {
  int64_t switches = 0;  // the GIL passed from one thread to another
  std::vector<GilThreadStats> threads;
};

inline absl::StatusOr<GilStats> ParseGilStats(const std::string& json) {
  gilvm::Interpreter scratch;
  absl::Status st = scratch.Set("raw", json);
  if (st.ok()) st = scratch.Exec("import json\nstats = json.loads(raw)\n");
  if (!st.ok()) return st;
  GilStats out;
  absl::StatusOr<int64_t> switches = scratch.Eval<int64_t>("stats['switches']");
  if (!switches.ok()) return switches.status();
  out.switches = *switches;
  using Row = std::tuple<std::string, int64_t, int64_t, int64_t>;
  absl::StatusOr<std::vector<Row>> rows = scratch.Eval<std::vector<Row>>(
      "[(t['name'], t['acquisitions'], t['contended'], t['releases']['io']) for t in stats['threads']]");
  if (!rows.ok()) return rows.status();
  for (auto& [name, acquisitions, contended, io] : *rows) out.threads.push_back({name, acquisitions, contended, io});
  return out;
}
