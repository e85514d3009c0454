// Micro-benchmarks.
//
// The PingPong group is the "machine's limit" reference of the GIL contract
// (../shared/gil-spec.md, "Costs to hold"): two threads pass a turn back and forth with nothing
// else to do, using the raw primitives a GIL handoff is built from. A gilvm handoff is judged
// against these figures, measured in the same run on the same machine. Each iteration is one
// round trip (two handoffs: main -> partner -> main); times are wall-clock (UseRealTime),
// since a parked thread uses no CPU.
//
//   PingPong_CondVar  std::mutex + std::condition_variable: the portable way to park.
//   PingPong_Futex    a raw futex wait/wake on one word (what a Linux mutex/condvar sits on).
//   PingPong_Spin     both threads spin on one atomic word: no syscall, the lower bound for a
//                     handoff between two threads on two cores.
//
// Median and minimum of 5 runs:
//   build/bench/micro_bench --benchmark_filter=PingPong --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>

#include "vm/gil.h"

namespace {

// With --benchmark_repetitions=N, also report the best run: on a shared machine the minimum is the
// figure least disturbed by other load.
double Min(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

// ---------------------------------------------------------------------------------------------
// mutex + condition variable
// ---------------------------------------------------------------------------------------------

void BM_PingPong_CondVar(benchmark::State& state) {
  std::mutex mu;
  std::condition_variable to_partner, to_main;
  int turn = 0;  // 0: main's turn, 1: partner's turn
  bool stop = false;

  std::thread partner([&] {
    std::unique_lock lock(mu);
    for (;;) {
      to_partner.wait(lock, [&] { return turn == 1 || stop; });
      if (stop) return;
      turn = 0;
      to_main.notify_one();
    }
  });

  for (auto _ : state) {
    std::unique_lock lock(mu);
    turn = 1;
    to_partner.notify_one();
    to_main.wait(lock, [&] { return turn == 0; });
  }

  {
    std::lock_guard lock(mu);
    stop = true;
  }
  to_partner.notify_one();
  partner.join();
  state.SetItemsProcessed(state.iterations() * 2);  // handoffs
}
BENCHMARK(BM_PingPong_CondVar)->UseRealTime()->ComputeStatistics("min", Min);

// ---------------------------------------------------------------------------------------------
// futex
// ---------------------------------------------------------------------------------------------

static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t));

uint32_t* FutexWord(std::atomic<uint32_t>* a) { return reinterpret_cast<uint32_t*>(a); }

// Sleeps while *a == expected (returns at once if it already differs, or spuriously).
void FutexWait(std::atomic<uint32_t>* a, uint32_t expected) {
  syscall(SYS_futex, FutexWord(a), FUTEX_WAIT_PRIVATE, expected, nullptr, nullptr, 0);
}

void FutexWakeOne(std::atomic<uint32_t>* a) {
  syscall(SYS_futex, FutexWord(a), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}

constexpr uint32_t kMainTurn = 0, kPartnerTurn = 1, kStop = 2;

void BM_PingPong_Futex(benchmark::State& state) {
  std::atomic<uint32_t> turn{kMainTurn};

  std::thread partner([&] {
    for (;;) {
      uint32_t t;
      while ((t = turn.load(std::memory_order_acquire)) == kMainTurn) FutexWait(&turn, kMainTurn);
      if (t == kStop) return;
      turn.store(kMainTurn, std::memory_order_release);
      FutexWakeOne(&turn);
    }
  });

  for (auto _ : state) {
    turn.store(kPartnerTurn, std::memory_order_release);
    FutexWakeOne(&turn);
    while (turn.load(std::memory_order_acquire) == kPartnerTurn) FutexWait(&turn, kPartnerTurn);
  }

  turn.store(kStop, std::memory_order_release);
  FutexWakeOne(&turn);
  partner.join();
  state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_PingPong_Futex)->UseRealTime()->ComputeStatistics("min", Min);

// ---------------------------------------------------------------------------------------------
// spin on one atomic word
// ---------------------------------------------------------------------------------------------

inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

void BM_PingPong_Spin(benchmark::State& state) {
  alignas(64) std::atomic<uint32_t> turn{kMainTurn};

  std::thread partner([&] {
    for (;;) {
      uint32_t t;
      while ((t = turn.load(std::memory_order_acquire)) == kMainTurn) CpuRelax();
      if (t == kStop) return;
      turn.store(kMainTurn, std::memory_order_release);
    }
  });

  for (auto _ : state) {
    turn.store(kPartnerTurn, std::memory_order_release);
    while (turn.load(std::memory_order_acquire) == kPartnerTurn) CpuRelax();
  }

  turn.store(kStop, std::memory_order_release);
  partner.join();
  state.SetItemsProcessed(state.iterations() * 2);
}
// Only meaningful with at least two cores; with one, each turn costs a scheduler time slice.
BENCHMARK(BM_PingPong_Spin)->UseRealTime()->ComputeStatistics("min", Min);

}  // namespace

// ---------------------------------------------------------------------------------------------
// The GIL itself: two threads hand it back and forth with Gil::Yield (what time.sleep(0) and a
// forced switch do). Compare with the raw primitives above, measured in the same run.
// ---------------------------------------------------------------------------------------------

void BM_GilHandoff_Fair(benchmark::State& state) {
  gilvm::vm::Gil gil;
  gilvm::vm::GilSlot main_slot, partner_slot;
  std::atomic<bool> stop{false};
  gil.Acquire(main_slot);
  std::thread partner([&] {
    gil.Acquire(partner_slot);
    while (!stop.load(std::memory_order_relaxed)) gil.Yield(partner_slot);
    gil.Release(partner_slot, gilvm::vm::GilReleaseReason::kExit);
  });
  while (gil.waiting() == 0) std::this_thread::yield();
  for (auto _ : state) gil.Yield(main_slot);  // to the partner and back: two handoffs
  stop.store(true);
  gil.Release(main_slot, gilvm::vm::GilReleaseReason::kExit);
  partner.join();
  state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_GilHandoff_Fair)->UseRealTime()->ComputeStatistics("min", Min);
