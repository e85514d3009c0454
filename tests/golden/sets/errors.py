# Error messages, as CPython words them.
def attempt(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: {[1]})
attempt(lambda: {1, [2]})
attempt(lambda: set([[1]]))
attempt(lambda: {x for x in [[1]]})
attempt(lambda: {1}.add([]))
attempt(lambda: {1}.add({2}))
attempt(lambda: [] in {1})
attempt(lambda: {1}.remove(2))
attempt(lambda: {1}.remove((1, 2)))
attempt(lambda: set().pop())
attempt(lambda: hash({1}))
attempt(lambda: {{1}: 2})
attempt(lambda: {1} | [1])
attempt(lambda: [1] | {1})
attempt(lambda: {1} & (1,))
attempt(lambda: {1} - 'a')
attempt(lambda: {1} ^ None)
attempt(lambda: {1} + {2})
attempt(lambda: {1} * 2)
attempt(lambda: {1} < [1])
attempt(lambda: {1} >= 3)
one = {1}
attempt(lambda: one[0])
attempt(lambda: set(1))
attempt(lambda: set(1, 2))
attempt(lambda: set(x=1))
attempt(lambda: frozenset(1, 2))
attempt(lambda: frozenset(a=[]))
attempt(lambda: frozenset(5))
attempt(lambda: set().add())
attempt(lambda: set().add(1, 2))
attempt(lambda: set().add(x=1))
attempt(lambda: set().clear(1))
attempt(lambda: set().union(x=1))
attempt(lambda: set().update(1))
attempt(lambda: set().update([1], 2))
attempt(lambda: set().symmetric_difference())
attempt(lambda: set().issubset())
attempt(lambda: set().issubset(3))
attempt(lambda: frozenset().issuperset())
attempt(lambda: set().intersection(5))
attempt(lambda: set().difference(5))
attempt(lambda: set().isdisjoint(5))
attempt(lambda: set.add(frozenset(), 1))
attempt(lambda: frozenset().pop())
attempt(lambda: {*5})
attempt(lambda: {1, *None})
attempt(lambda: sorted({1, 'a'}))

def inplace():
    s = {1}
    s |= [2]
attempt(inplace)

def inplace2():
    s = {1}
    s -= (1,)
attempt(inplace2)

def inplace3():
    s = {1}
    s &= 'x'
attempt(inplace3)

def inplace4():
    s = {1}
    s ^= 0
attempt(inplace4)

def frozen_inplace():
    f = frozenset([1])
    g = f
    f |= {2}
    print(f, g, f is g)
attempt(frozen_inplace)

def key_error():
    try:
        {1, 2}.remove('missing')
    except KeyError as e:
        print(repr(e), e.args)
key_error()

def pop_error():
    try:
        set().pop()
    except KeyError as e:
        print(repr(e), e.args)
pop_error()
{1}.remove(3)
