# re: Match objects: groups by number and name, spans, lastindex, expand, repr.
import re

m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'Isaac Newton physicist')
print(m.group(), m.group(0), m.group(1), m.group(2, 1), m[3], m[0])
print(m.groups(), m.start(2), m.end(2), m.span(1), m.regs)
print(m.lastindex, m.lastgroup)

m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'Isaac Newton')
print(m.groups(), m.groups('-'), m.group(3), m.start(3), m.end(3), m.span(3))
print(m.lastindex)

m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Malcolm Reynolds')
print(m.group('first'), m['last'], m.group('first', 'last', 0), m.groupdict())
print(m.start('last'), m.span('first'), m.lastindex, m.lastgroup)
p = m.re
print(p.groups, p.groupindex, p.groupindex['last'])
m = re.match(r'(?P<a>x)(?P<b>y)?', 'x')
print(m.groupdict(), m.groupdict('?'), m.lastgroup)

# lastindex follows the closing parentheses
print(re.match('(a)b', 'ab').lastindex, re.match('((a)b)', 'ab').lastindex)
print(re.match('((a)(b))', 'ab').lastindex, re.match('(a)(b)', 'ab').lastindex)
print(re.match('a', 'a').lastindex, re.match('(a)|b', 'b').lastindex)
print(re.match('(?:(a)|b)*', 'ab').groups(), re.match('(a)*', 'aaa').span(1))

# bad group references
for g in [5, -1, 'nope', 1.0]:
    try:
        re.match('(a)', 'a').group(g)
    except IndexError as e:
        print('IndexError:', e)
try:
    re.match('(a)', 'a').start('x')
except IndexError as e:
    print('IndexError:', e)

# expand
m = re.search(r'(?P<y>\d{4})-(\d\d)', 'on 2024-05-01')
print(m.expand(r'\2/\1'), m.expand(r'\g<y>|\g<2>|\g<0>'), m.expand('a\\tb\\n'))
print(repr(m.expand(r'[\g<1>]\\')))
print(re.match('(a)|(b)', 'b').expand(r'[\1][\2]'))

# reprs
print(repr(re.match('abc', 'abcdef')), re.search('x*', 'abc'))
print(re.search("'", "it's"), re.search('"', 'say "hi"'), re.search('\n', 'a\nb'))
print(re.search('b+', 'a' * 30 + 'b' * 60))
