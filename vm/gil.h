// Gil: the global interpreter lock of one interpreter, and its safe-point word.
//
// Invariants (see ../shared/gil-spec.md for the full contract):
//  - Exactly one thread holds the GIL while any bytecode of the interpreter runs.
//  - `eval_breaker` is the one safe-point word: every reason to stop the running thread (a
//    waiter exists, a drop request, a host interrupt, a pending signal) is a bit in it. The
//    holder reads it with one relaxed load each time its instruction budget runs out; when it
//    is zero the holder carries on without a syscall or a clock read.
//  - Bits are set by any thread with fetch_or and cleared by the holder.
#pragma once

#include <atomic>
#include <cstdint>

#include "vm/config.h"

namespace gilvm::vm {

enum class GilPolicy : uint8_t { kFair, kCpython2, kCpython3 };

class Gil {
 public:
  enum Bits : uint32_t {
    kWaiters = 1u << 0,      // at least one thread waits for the GIL
    kDropRequest = 1u << 1,  // a waiter timed out: the holder must let go
    kInterrupt = 1u << 2,    // the host asked the running script to stop
    kSignal = 1u << 3,       // a signal handler (SIGINT) ran
  };

  uint32_t breaker() const { return eval_breaker_.load(std::memory_order_relaxed); }
  void Set(uint32_t bits) { eval_breaker_.fetch_or(bits, std::memory_order_relaxed); }
  void Clear(uint32_t bits) { eval_breaker_.fetch_and(~bits, std::memory_order_relaxed); }

  int64_t check_interval() const { return check_interval_.load(std::memory_order_relaxed); }
  void set_check_interval(int64_t n) { check_interval_.store(n, std::memory_order_relaxed); }
  int64_t switch_interval_ns() const { return switch_interval_ns_.load(std::memory_order_relaxed); }
  void set_switch_interval_ns(int64_t ns) { switch_interval_ns_.store(ns, std::memory_order_relaxed); }
  GilPolicy policy() const { return policy_; }
  void set_policy(GilPolicy p) { policy_ = p; }

 private:
  std::atomic<uint32_t> eval_breaker_{0};
  std::atomic<int64_t> check_interval_{kDefaultCheckInterval};
  std::atomic<int64_t> switch_interval_ns_{kDefaultSwitchIntervalNs};
  GilPolicy policy_ = GilPolicy::kFair;
};

}  // namespace gilvm::vm
