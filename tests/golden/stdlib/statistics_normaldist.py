# statistics.NormalDist: moments, pdf/cdf, overlap, zscore, arithmetic, samples and errors.
from statistics import NormalDist, StatisticsError

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

n = NormalDist(100, 15)
print(n, n.mean, n.median, n.mode, n.stdev, n.variance)
print([n.pdf(x) for x in (70, 100, 115.5)], [n.cdf(x) for x in (70, 100, 115.5)])
print(n.zscore(130), n.overlap(NormalDist(110, 10)), n.overlap(NormalDist(90, 15)), NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)))
print(n + 5, n - 5, n * 2, n / 2, -n, +n, 5 + n, 200 - n, 3 * n, n + NormalDist(0, 20), n - NormalDist(1, 20))
print(n == NormalDist(100.0, 15.0), n == NormalDist(100, 16), n == 3, hash(n) == hash(NormalDist(100, 15)))
s = NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(s, s.cdf(3.0))
print(NormalDist(), NormalDist(1), NormalDist(0, 1).samples(3, seed=42))
attempt('negative sigma', lambda: NormalDist(0, -1))
attempt('pdf zero sigma', lambda: NormalDist(0, 0).pdf(1))
attempt('cdf zero sigma', lambda: NormalDist(0, 0).cdf(1))
attempt('zscore zero sigma', lambda: NormalDist(0, 0).zscore(1))
attempt('overlap type', lambda: n.overlap(3))
attempt('overlap zero', lambda: n.overlap(NormalDist(0, 0)))
attempt('from_samples one', lambda: NormalDist.from_samples([1]))
