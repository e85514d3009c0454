# re: compile, match, search, fullmatch, Pattern objects, pos/endpos, the cache.
import re

p = re.compile('a+')
print(repr(p), p.pattern, p.flags, p.groups, p.groupindex)
print(p.match('aaab'), p.match('baaa'), p.search('baaa'))
print(p.fullmatch('aaa'), p.fullmatch('aaab'))
print(re.match(r'\d+', '123abc').group(), re.search(r'\d+', 'abc123def').span())
print(re.fullmatch(r'[a-z]+', 'hello'), re.fullmatch(r'[a-z]+', 'hello!'))

# pos and endpos
p = re.compile(r'\w+')
print(p.search('ab cd ef', 3), p.search('ab cd ef', 3, 4), p.match('ab cd', 1))
print(p.search('abc', -5), p.search('abc', 10), p.search('abc', 0, 100))
m = p.search('hello world', 2, 8)
print(m, m.pos, m.endpos, m.string, m.re is p)
print(re.compile('^a').search('ba', 1), re.compile('a$').search('ab', 0, 1))
print(re.compile('').search('abc', 3), re.compile('').match('abc', 4))
print(re.compile('c').fullmatch('abcd', 2, 3), re.compile('c').fullmatch('abcd', 2))

# reprs and the special characters of the syntax
print(re.compile(r'a\.b'), re.compile("it's"), re.compile('x' * 250) == re.compile('x' * 250))
print(re.search(r'a.c', 'a\nc abc'), re.search(r'a|b|c', 'xxcxb'), re.search(r'(?:ab)+', 'xababab'))
print(re.search(r'colou?r', 'the color'), re.search(r'x{2,3}', 'xxxxx'), re.search(r'x{2,}?', 'xxxx'))
print(re.search(r'a{,2}', 'aaa'), re.search(r'a{2', 'a{2'), re.search(r'[]a]+', 'x]a]'))
print(re.search(r'[^a-c]+', 'abcdefabc'), re.search(r'[\]\\-]+', 'a]\\-b'), re.search(r'[-a]+', 'b-a-'))
print(re.search(r'\x41\u0042\U00000043\101\0', 'ABCA\x00'), re.search('\\t\\n', 'a\t\nb'))
print(re.search(r'\Aab', 'ab'), re.search(r'ab\Z', 'ab\n'), re.search(r'ab\Z', 'xab'))
print(re.search(r'a.*?b', 'aXbXb'), re.search(r'a.*b', 'aXbXb'), re.search(r'a??b', 'ab'))
print(re.search(r'(a|ab)(c|bcd)', 'abcd'))
print(re.match('a', 'A'), re.match('a', 'A', re.I))

# escape
print(re.escape('a.b*c? [x] (y) {z} ^$|\\ +-&~#'), re.escape('plain_text09'))
print(re.escape('tab\tnew\n'), re.search(re.escape('1+1=2'), 'is 1+1=2?'))

# compiled patterns pass through; purge empties the cache
p = re.compile('x')
print(re.compile(p) is p, re.compile('x') is re.compile('x'))
re.purge()
print(re.search(p, 'axb'), re.compile('x') == p, re.compile('x') == re.compile('x', re.I))
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError:', e)

# \B never matches in an empty string
print(re.search(r'\B', ''), re.search(r'\B|a', ''), re.findall(r'\B', 'abc'), re.search(r'\b', ''))
print(re.compile(r'\B').search('ab', 0, 0), re.compile(r'\B').search('ab', 1, 2))
