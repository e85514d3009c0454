# re: re.error for bad patterns (message, pos, lineno, colno) and TypeErrors for bad arguments.
# Patterns RE2 cannot run are in re_unsupported.py.
import re

bad = ['(a', 'a)', '*a', 'a**', '[a', '\\q', 'a\\', '(?P<1>a)', '(?P<a>x)(?P<a>y)', '(?<x)', '(?z)',
       'a{3,2}', '[z-a]', 'a(?i)b', '(?P=q)', '(?P<a', '(?P', '(?', 'x{2}{3}', '(?i', '(?i-i:a)',
       '(?au)a', '(?L)a', '(?i:a', '(?#abc', '\\x4', '\\u12', '\\8', '[\\8]', '[\\w-z]', '\\1',
       '(a)\\2', '(a\\1)', '^*', '\\b*', 'a|*', '(*)', '\\777', '[\\A]', '(?P<>a)', '(?Px)', ')',
       '[]', '[^]', '(?<', '[a-\\d]', 'a|(?i)b', '(?i-', '(?-:a)', '(?q)', '(?-iq:a)', 'a?*']
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'compiled?')
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == p)

try:
    re.compile('abc\ndef\n  (x')
except re.error as e:
    print(e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    re.compile('(')
except Exception as e:
    print(type(e).__name__, isinstance(e, re.error), isinstance(e, Exception), e.args)
print(re.error('plain').msg, re.error('plain').pos, str(re.error('m', 'pat', 1)))

# bad templates
for t in ['\\9', '\\g<x>', '\\g<', '\\g<1', '\\g', '\\q', '\\g<a b>', '\\g<>', 'end\\']:
    try:
        re.sub('(?P<n>a)', t, 'a')
    except re.error as e:
        print(repr(t), 're.error:', e)
    except IndexError as e:
        print(repr(t), 'IndexError:', e)

# bad arguments
for call in [lambda: re.compile(1), lambda: re.match('a', 1), lambda: re.sub('a', 1, 'a'),
             lambda: re.search('a', None), lambda: re.sub('a', lambda m: 1, 'a')]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)

# '{' starts a repeat only as {m}, {m,}, {,n}, {m,n} or {,}; escapes in messages keep their letter
print(re.findall('a{,}', 'aaa'), re.findall('a{}', 'a{}'), re.findall('a{x}', 'a{x}'))
for p in ['{,}', '(?\\{', '(?P\\x', '(?<\\d']:
    try:
        re.compile(p)
    except re.error as e:
        print(repr(p), '->', e)
