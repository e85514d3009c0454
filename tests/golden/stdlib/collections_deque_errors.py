# deque's errors, with CPython's messages.
from collections import deque

def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)

d = deque([1, 2, 3])
attempt('index', lambda: d[3])
attempt('neg index', lambda: d[-4])
attempt('set index', lambda: d.__setitem__(5, 0))
attempt('del index', lambda: d.__delitem__(-9))
attempt('str index', lambda: d['a'])
attempt('pop empty', lambda: deque().pop())
attempt('popleft empty', lambda: deque().popleft())
attempt('remove', lambda: d.remove(9))
attempt('index missing', lambda: d.index(9))
attempt('maxlen negative', lambda: deque([], -1))
attempt('insert full', lambda: deque([1], maxlen=1).insert(0, 5))
attempt('add list', lambda: deque() + [1])
print(d)
