# re: findall, finditer, sub, subn, split, with 3.7+'s rules for empty matches.
import re

print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)=(\d)', 'a=1, b=2, c'))
print(re.findall(r'(\w)=\d', 'a=1 b=2'), re.findall(r'x', 'abc'))
print(re.findall(r'(a)|(b)', 'ab'), re.findall(r'(a)?b', 'b ab'))
print(re.findall(r'\w*', 'ab cd'), re.findall(r'x*', 'axbc'), re.findall('', 'ab'))
print(re.findall(r'\b', 'ab cd'), re.findall(r'^', 'ab'), re.findall(r'$', 'ab'))
print(re.compile(r'\d').findall('1a2b3c4', 2, 5))

it = re.finditer(r'\d+', 'a12b345c6')
print([m.span() for m in it])
print([(m.group(), m.pos) for m in re.compile('a').finditer('aaa', 1)])
print([m.span() for m in re.finditer(r'x*', 'axxb')])
it = re.finditer('a', 'aa')
print(next(it).span(), next(it).span(), next(it, 'done'), iter(it) is it)

print(re.sub(r'\d', '#', 'a1b2c3'), re.sub(r'\d', '#', 'a1b2c3', 2), re.sub(r'\d', '#', 'a1b2', count=1))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home bob@work'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>=\g<k>', 'a=1 b=2'))
print(re.sub(r'(\w)', r'\g<1>\g<0>', 'abc'), re.sub('a', r'\n', 'bab') == 'b\nb')
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub(r'\b', '|', 'ab cd'))
print(re.sub('a', lambda m: m.group().upper() * 2, 'banana'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.subn(r'\d', '#', 'a1b2c3'), re.subn('z', 'y', 'abc'), re.subn('', '-', 'ab', 2))
print(re.sub('(a)|b', r'[\1]', 'ab'), re.sub('a', r'\\', 'xa'), re.sub('a', r'\-', 'xa'))
print(re.compile('o').sub('0', 'foo boo'), re.compile('o').subn('0', 'foo', 1))
print(re.sub('a', 'b', ''), re.sub('^', '>', 'x\ny', flags=re.M))

print(re.split(r',\s*', 'a, b,c,   d'), re.split(r'(,)', 'a,b,c'), re.split(r'(,)(\s)?', 'a, b,c'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'x', 'abc'), re.split(r'x', ''))
print(re.split('x*', 'axbc'), re.split(r'\b', 'ab cd'), re.split('', 'abc'))
print(re.split(r'(?:a|(b))', 'xaybz'), re.split(r'\d', 'a1b2c3', maxsplit=2), re.split('a', 'aXa', -1))
print(re.compile(r'\s+').split(' lead and trail '))
