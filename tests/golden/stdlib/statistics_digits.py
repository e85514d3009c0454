# statistics: many generated datasets; every result must agree with CPython digit for digit.
import statistics as st
from fractions import Fraction

seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed

for trial in range(40):
    n = 2 + rnd() % 12
    kind = trial % 4
    if kind == 0:
        data = [rnd() % 1000 for _ in range(n)]
    elif kind == 1:
        data = [(rnd() % 100000) / 997.0 for _ in range(n)]
    elif kind == 2:
        data = [(rnd() - 1073741824) * 1e-7 for _ in range(n)]
    else:
        data = [Fraction(rnd() % 200 - 100, 1 + rnd() % 30) for _ in range(n)]
    out = [st.mean(data), st.fmean(data), st.median(data), st.variance(data), st.pvariance(data),
           st.stdev(data), st.pstdev(data), st.quantiles(data, n=5), st.quantiles(data, method='inclusive')]
    if kind != 2:
        out.append(st.harmonic_mean([abs(x) + 1 for x in data]))
        out.append(st.geometric_mean([abs(x) + 1 for x in data]))
    print(trial, out)
big = [10**18 + i for i in range(7)]
print(st.mean(big), st.variance(big), st.stdev(big), st.pstdev([1e300, 1.1e300, 1.2e300]))
print(st.stdev([0.1] * 5), st.variance([1.0, 1.0]), st.pstdev([2]), st.mean([1e308, 1e308]))
print(st.mean([float('inf'), 1.0]), st.mean([1.0, float('nan')]), st.variance([1, 2, 3, 4, 5, 6, 7, 8]), st.pvariance(range(10)))
