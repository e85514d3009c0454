# re: constructs that gilvm's RE2 cannot run raise re.error (gilvm) where CPython runs them, so
# each case prints one fixed line either way; tests/unit/re_test.cc checks gilvm's messages.
import re

cases = [
    ('(a)\\1', 'aa'),
    ('(?P<x>a)(?P=x)', 'aa'),
    ('a(?=b)', 'ab'),
    ('a(?!c)', 'ab'),
    ('(?<=a)b', 'ab'),
    ('(?<!x)b', 'ab'),
    ('(a)?(?(1)b|c)', 'ab'),
    ('(?>a+)b', 'aab'),
    ('a*+b', 'aab'),
]
for pattern, text in cases:
    try:
        m = re.search(pattern, text)
        print(pattern, 'ok')
    except re.error:
        print(pattern, 'ok')
