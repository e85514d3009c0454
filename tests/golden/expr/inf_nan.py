# inf and nan behaviour.
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan)
print(float('-inf'), float('Infinity'), float('NaN'))
print(inf + 1, inf * -1, inf - inf)
print(inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1)
print(inf == inf, inf == float('inf'))
print(repr(inf), str(nan))
print(1 / inf, -1 / inf)
print(inf * 0)
print(max(1.0, inf), min(-inf, 0))
print(type(inf))
x = nan
print(x is x, x == x)
l = [nan]
print(nan in l)
print(abs(-inf))
