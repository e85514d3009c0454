# re: str patterns are Unicode-aware and positions count code points, not bytes.
import re

s = 'héllo wörld ñandú'
m = re.search('w.rld', s)
print(m, m.span(), m.start(), s[m.start():m.end()])
print([m.span() for m in re.finditer(r'\w+', s)], re.findall(r'\w+', s))
print(re.sub('ö', 'o', s), re.split(' ', s), re.sub(r'(\w+)', r'<\1>', s))
print(re.search('ñ(an)dú', s).span(1), re.compile('d').search(s, 13), re.compile('d').search(s, 16))
print(re.match('.', '日本'), re.findall('.', '日本語'), re.search('語', '日本語').span())
print(re.findall(r'\d+', 'x٣٤y12z'), re.findall(r'\s+', 'a\u2003b\xa0c\nd'), re.findall(r'\S+', 'a\u2003b'))
print(re.findall(r'\W+', 'añ-b€c'), re.findall(r'\D+', 'a٣b'), re.findall(r'[\w-]+', 'é-ü x'))
print(re.findall(r'[^\w]+', 'añ-b€c'), re.findall(r'[\d]+', 'x٣1'), re.findall(r'[\s,]+', 'a,\u3000b'))
print(re.findall('[à-ÿ]+', 'façade élan'), re.findall('(?i)ÉLAN', 'élan'), re.search('\u00e9', 'caf\u00e9').span())
print(re.search('🐍+', 'py🐍🐍on').span(), re.sub('🐍', 's', 'py🐍🐍on'), re.split('é', 'aébéc'))
m = re.search('(?P<w>[äöü]+)(x)?', 'aäöüb')
print(m.span('w'), m.groups(), m.span(2), m.lastindex)
print(re.findall(r'\bab', 'ab xab ab'), re.sub(r'\s', '_', 'a\tb\u3000c'))
long_text = 'é' * 1000 + 'needle' + 'ü' * 10
print(re.search('needle', long_text).span(), re.compile('ü').search(long_text, 1003).start())
# \b between ASCII words next to non-ASCII characters that are not letters or digits
print(re.findall(r'\b\w+\b', '€ab —cd✓ e'), re.sub(r'\b', '|', 'x→y'))
