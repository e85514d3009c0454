# re: flags, inline flags, VERBOSE, and the anchors ^ $ \A \Z under MULTILINE.
import re

print(re.I, re.IGNORECASE, re.M | re.S, re.A, re.X, re.U, int(re.I | re.M))
print(re.I == 2, re.M + 0, re.NOFLAG)
print(repr(re.compile('a', re.I | re.M)), re.compile('a', re.S).flags, re.compile('a', re.A).flags)
print(repr(re.compile('(?i)a')), re.compile('(?im)a').flags, re.compile('(?a)x').flags)

print(re.findall('abc', 'ABC abc aBc', re.I), re.findall('(?i)abc', 'ABC abc'))
print(re.findall('a(?i:b)c', 'abc aBc aBC'), re.findall('(?i)a(?-i:b)c', 'AbC ABC'))
print(re.findall('[a-c]+', 'xABCx', re.IGNORECASE), re.match('É', 'é', re.I))

text = 'one\ntwo\nthree\n'
print(re.findall('^\\w+', text), re.findall('^\\w+', text, re.M), re.findall('(?m)\\w+$', text))
print(re.search('e$', 'one\n'), re.search('e$', 'one'), re.search('e\\Z', 'one\n'))
print(re.search('one$', 'one\n').span(), re.match('x$', 'x\n'), re.fullmatch('x$', 'x\n'))
print(re.search('$', 'ab\n').span(), re.findall('$', 'ab\n'), re.sub('$', '!', 'ab\n'))
print(re.findall('^', 'a\nb', re.M), re.findall('$', 'a\nb\n', re.M), re.search('a$', 'a\nb', re.M))
print(re.search('.+', 'ab\ncd'), re.search('.+', 'ab\ncd', re.S), re.search('(?s).+', 'ab\ncd'))
print(re.search('a(?s:.)b', 'a\nb'), re.search('\\Aab', 'xab'), re.search('\\Aab', 'ab\nab', re.M))

pattern = re.compile(r'''
    (?P<num> \d+ )   # a number
    \s* [+] \s*      # a plus sign
    (?P<other>\d+)   # another
''', re.VERBOSE)
print(pattern.match('12 + 30').groupdict(), pattern.groups)
print(re.match('(?x) a b c # comment', 'abc'), re.match('(?x)a\\ b', 'a b'), re.match('(?x)[ ]', ' '))
print(re.match('a b', 'a b', re.X), re.match('(?x) a {2}', 'aa'))

print(re.findall(r'\w+', 'naïve café', re.A), re.findall(r'\w+', 'naïve café'))
print(re.findall(r'\d', '1٣', re.ASCII), re.findall(r'(?a)\s', 'a\u3000b c'), re.findall(r'\s', 'a\u3000b c'))
for bad in [re.L, re.A | re.U]:
    try:
        re.compile('x', bad)
    except ValueError as e:
        print('ValueError:', e)

# IGNORECASE folds all of Unicode, but only ASCII letters with re.ASCII (KELVIN SIGN folds to k)
K = '\u212a'  # KELVIN SIGN, folds to k in Unicode
print(re.findall('k', 'kK' + K, re.I), re.findall('k', 'kK' + K, re.I | re.A), re.findall('[a-m]+', 'abcXYZklm' + K, re.I | re.A))
print(re.findall('(?a)(?i)k', 'kK' + K), re.findall('(?i)k(?a:k)', 'KK K' + K + 'k' + K), re.findall('(?a)x(?i:k)', 'xK x' + K))
print(re.findall('[^k]', 'kK' + K + 'z', re.I | re.A), re.findall('é', 'éÉ', re.I | re.A), re.findall('[X-c]+', 'XYZ[]^_`abcxyzABC', re.I | re.A))
print(re.findall(r'\x4b', 'kK', re.I | re.A), re.findall(r'\113+', 'kKk', re.I | re.A), re.findall('(?i)[k]', K + 'k'))
