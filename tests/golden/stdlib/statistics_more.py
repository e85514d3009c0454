# statistics: ties in mode, ranges, mixed types and type errors.
import statistics as st
print(st.mode([2, 2, 1, 1, 3, 3]), st.mode(['b', 'a', 'a', 'b']), st.multimode([3, 1, 3, 1, 2]))
try: st.mode([[1], [1]])
except TypeError as e: print(e)
print(st.median(range(10)), st.median_low(range(10)), st.mean(range(10)), st.fmean(range(10)), st.pvariance([1.5, 2.5]), st.variance(range(5)))
print(st.mean([1, True]), st.mean([F for F in [0.5, 0.25]]), repr(st.median([1, 3])), repr(st.median([1.0, 3])))
try: st.variance([1, 'a'])
except TypeError as e: print(e)
try: st.mean([1, 'a'])
except TypeError as e: print(e)
print(st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([1, 2, 0]), st.geometric_mean([1, 10, 100]))
print(st.quantiles(range(1, 101), n=10), st.quantiles([1.5, 2.5], n=2, method='inclusive'))
