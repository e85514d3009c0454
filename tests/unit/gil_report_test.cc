// Tests of the log-bucket histogram the GIL's percentiles come from (vm/gil_stats.h).
#include "vm/gil_stats.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "gtest/gtest.h"

namespace gilvm::vm {
namespace {

constexpr int64_t kUs = 1000;

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

}  // namespace
}  // namespace gilvm::vm
