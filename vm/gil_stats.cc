#include "vm/gil_stats.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "vm/gil.h"

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

}  // namespace gilvm::vm
