# Argument errors of the itertools, with CPython's messages.
from itertools import islice, tee, count, chain

def attempt(label, f):
    try:
        print(label, 'ok', f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('islice stop', lambda: islice('abc', -1))
attempt('islice start', lambda: islice('abc', -1, 2))
attempt('islice step', lambda: islice('abc', 0, 2, 0))
attempt('tee negative', lambda: tee([], -1))
attempt('chain not iterable', lambda: list(chain([1], 5)))
attempt('next done', lambda: next(islice('', 1)))
