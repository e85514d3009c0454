# statistics: averages and spread agree digit for digit with CPython for ints, floats, Fractions.
import statistics as st
from fractions import Fraction as F

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

datasets = [
    [1, 2, 3, 4],
    [1, 2, 3],
    [2.5, 3.25, 5.5, 11.25, 11.75],
    [0.1, 0.2, 0.3, 0.4, 0.7],
    [1e10, 1e10 + 1, 1e10 + 2, 1e10 + 7.5],
    [F(1, 3), F(2, 3), F(5, 7)],
    [1, 2.5, F(1, 4)],
    [-3, 7, 12, 0, 5, 5, 8],
    [10**20, 10**20 + 3, 10**20 + 9],
    [True, False, True],
    [1.5, 2.5, 2.5, 2.75, 3.25, 4.75],
]
for d in datasets:
    print(d)
    for fn in [st.mean, st.fmean, st.median, st.median_low, st.median_high, st.median_grouped,
               st.variance, st.pvariance, st.stdev, st.pstdev, st.mode, st.multimode]:
        attempt('  ' + fn.__name__, lambda: fn(d))
for d in [[1, 2, 4], [2.5, 3.5, 10.0], [F(1, 2), F(3, 4)], [40, 60], [1, 0, 3], [7]]:
    attempt('harmonic ' + repr(d), lambda: st.harmonic_mean(d))
attempt('harmonic weights', lambda: st.harmonic_mean([40, 60], weights=[5, 30]))
attempt('harmonic neg', lambda: st.harmonic_mean([1, -2]))
attempt('harmonic empty', lambda: st.harmonic_mean([]))
attempt('harmonic wlen', lambda: st.harmonic_mean([1, 2], weights=[1]))
for d in [[54, 24, 36], [1.5, 2.5, 9.0], [0.1, 0.2]]:
    attempt('geometric ' + repr(d), lambda: st.geometric_mean(d))
attempt('geometric 0', lambda: st.geometric_mean([0, 1]))
attempt('geometric empty', lambda: st.geometric_mean([]))
attempt('fmean weights', lambda: st.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
attempt('fmean wlen', lambda: st.fmean([1, 2], weights=[1]))
attempt('fmean iter', lambda: st.fmean(iter([1, 2, 4])))
attempt('mean iter', lambda: st.mean(x * 0.5 for x in range(7)))
attempt('variance xbar', lambda: st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75], 2.875))
attempt('pvariance mu', lambda: st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25], 1.25))
attempt('stdev xbar', lambda: st.stdev([1, 2, 3, 4, 5], 3))
attempt('variance fractions', lambda: st.variance([F(1, 6), F(1, 2), F(5, 3)]))
attempt('median_grouped interval', lambda: st.median_grouped([1, 3, 3, 5, 7], interval=2))
attempt('median_grouped floats', lambda: st.median_grouped([52, 52, 53, 54], 1))
attempt('median_grouped str', lambda: st.median_grouped(['a', 'b']))
attempt('median_grouped one', lambda: st.median_grouped([7]))
attempt('median_grouped fr', lambda: st.median_grouped([F(1, 2), F(3, 2), F(3, 2)], F(1, 2)))
attempt('mode str', lambda: st.mode('aabbbc'))
attempt('multimode str', lambda: st.multimode('aabbcd'))
attempt('multimode empty', lambda: st.multimode([]))
attempt('median str', lambda: st.median(['b', 'a', 'c']))
for name in ['mean', 'median', 'median_low', 'median_high', 'median_grouped', 'mode', 'variance', 'stdev', 'pvariance', 'pstdev', 'fmean']:
    attempt(name + ' empty', lambda: getattr(st, name)([]))
attempt('variance one', lambda: st.variance([1]))
attempt('stdev one', lambda: st.stdev([1]))
attempt('mean str', lambda: st.mean(['a']))
attempt('mean mixed', lambda: st.mean([F(1, 2), 1.5, 1]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92], n=10))
print(st.quantiles([1.5, 2, 7.25, 9], n=3, method='inclusive'))
print(st.quantiles([1, 100], n=5), st.quantiles([3, 1], n=1))
attempt('quantiles n', lambda: st.quantiles([1, 2], n=0))
attempt('quantiles one', lambda: st.quantiles([1]))
attempt('quantiles method', lambda: st.quantiles([1, 2], method='x'))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x), st.correlation(x, y), st.linear_regression(x, [2 * v + 1 for v in x]))
print(st.linear_regression([1, 2, 3], [2, 4, 7], proportional=True))
attempt('correlation const', lambda: st.correlation([1, 1, 1], [1, 2, 3]))
attempt('covariance len', lambda: st.covariance([1, 2], [1]))
attempt('regression const', lambda: st.linear_regression([1, 1], [1, 2]))
print(issubclass(st.StatisticsError, ValueError))
try:
    st.mean([])
except ValueError as e:
    print('ValueError caught:', e)
