// Tunables: every default the VM uses lives here, as a documented constexpr. CMake options
// (see the top-level CMakeLists.txt) override a few of them through -D definitions.
#pragma once

#include <cstddef>
#include <cstdint>

#ifndef GILVM_DEFAULT_CHECK_INTERVAL
#define GILVM_DEFAULT_CHECK_INTERVAL 100
#endif
#ifndef GILVM_DEFAULT_RECURSION_LIMIT
#define GILVM_DEFAULT_RECURSION_LIMIT 1000
#endif
#ifndef GILVM_VERSION
#define GILVM_VERSION "0.0.0"
#endif

namespace gilvm::vm {

inline constexpr const char* kVersion = GILVM_VERSION;

// GIL (see ../shared/gil-spec.md). Instructions a thread runs before it looks at the safe-point
// word; 0 disables the count (only the time slice then forces a switch).
inline constexpr int64_t kDefaultCheckInterval = GILVM_DEFAULT_CHECK_INTERVAL;
// With the instruction count disabled (check_interval 0), the safe-point word is still read every
// this many instructions, so a drop request (time slice) or a signal is seen promptly.
inline constexpr int64_t kTimeOnlyPollInterval = 100;
// How long a waiter waits before it asks the holder to drop the GIL.
inline constexpr int64_t kDefaultSwitchIntervalNs = 15'000'000;

// How long the next waiter for the GIL spins before it parks, under the fair policy. A handoff
// to a spinning thread takes well under a microsecond, to a parked one tens of microseconds
// (see docs/gil.md); 100 instructions take a few microseconds, so a holder usually hands over
// within this window.
inline constexpr int64_t kGilSpinNs = 50'000;

// GIL measurement (vm/gil_stats.h): threads that ended keep a row of their own in the reports, up
// to this many; the later ones are merged into one row.
inline constexpr size_t kMaxRetiredGilRows = 256;
#if GILVM_NO_GIL_STATS
inline constexpr bool kGilStatsCompiledOut = true;  // benchmark builds only (bench/gil_bench.py)
#else
inline constexpr bool kGilStatsCompiledOut = false;
#endif
// Spans a GIL trace keeps (24 bytes each); when more are recorded the oldest are dropped.
inline constexpr size_t kDefaultGilTraceCapacity = size_t{1} << 20;

// Python frames (plus native recursion through repr, ==, calls from C++) allowed at once.
inline constexpr int kDefaultRecursionLimit = GILVM_DEFAULT_RECURSION_LIMIT;
// Value slots reserved (not committed) per thread for locals and operand stacks.
inline constexpr size_t kValueStackSlots = size_t{1} << 22;
// The value stack of every other script thread (address space only until used; hundreds of
// threads must fit, also under the sanitizers' reduced address space).
inline constexpr size_t kThreadValueStackSlots = size_t{1} << 18;
// Try/except/finally blocks a single frame may nest (CPython's CO_MAXBLOCKS).
inline constexpr int kMaxBlocks = 20;

// GC: collect when the bytes allocated since the last collection exceed
// max(kGcMinThreshold, live bytes after the last collection * kGcGrowthFactor).
inline constexpr size_t kGcMinThreshold = size_t{4} << 20;
inline constexpr double kGcGrowthFactor = 1.0;
#ifdef GILVM_GC_STRESS
inline constexpr bool kGcStress = true;
#else
inline constexpr bool kGcStress = false;
#endif

// Small ints cached nowhere: ints are unboxed in Value, so no cache is needed.

}  // namespace gilvm::vm
