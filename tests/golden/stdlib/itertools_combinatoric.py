# product, permutations, combinations and combinations_with_replacement, in CPython's order.
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product('AB', 'xy')))
print(list(product(range(2), repeat=3)))
print(list(product('ab', [1], repeat=2)), list(product()), list(product('a', [])))
print(list(permutations('ABC')))
print(list(permutations(range(4), 2)), list(permutations('ab', 3)), list(permutations('ab', 0)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations('AB', 3)), list(combinations('AB', 0)))
print(list(combinations_with_replacement('ABC', 2)))
print(list(combinations_with_replacement([], 2)), list(combinations_with_replacement('A', 0)))
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 4))))

def attempt(label, f):
    try:
        print(label, 'ok', f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('negative r', lambda: combinations('abc', -1))
attempt('negative repeat', lambda: product('ab', repeat=-1))
attempt('perm negative', lambda: permutations('abc', -2))
