# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper's options.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. A well-known, state-of-the-art "
        "pangram -- used by typographers -- shows every letter of the alphabet.")
for width in (10, 20, 35, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 18, break_on_hyphens=False))
print(textwrap.wrap('supercalifragilisticexpialidocious is long', 10))
print(textwrap.wrap('supercalifragilisticexpialidocious is long', 10, break_long_words=False))
print(textwrap.wrap('a-very-long-hyphenated-word-here', 9))
print(textwrap.wrap('tabs\tand\nnewlines   and  spaces', 12))
print(textwrap.wrap('  leading and trailing  ', 8))
print(textwrap.wrap('  leading and trailing  ', 8, drop_whitespace=False))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10))
print(textwrap.wrap('x1-y2 ab-cd e-f-g-h well--done', 6))
print(textwrap.shorten('Hello  world!  How are you today?', width=20))
print(textwrap.shorten('Hello world', width=11))
print(textwrap.shorten('Hello world, again', width=12, placeholder='...'))
print(textwrap.shorten('Supercalifragilistic', width=10))
print(textwrap.fill('One. Two three. Four', 40, fix_sentence_endings=True))

print(repr(textwrap.dedent('    a\n      b\n    c\n')))
print(repr(textwrap.dedent('  a\n\tb\n')))
print(repr(textwrap.dedent('    a\n   \n    b')))
print(repr(textwrap.dedent('no indent\n  here')))
print(repr(textwrap.indent('a\n\nb\n', '> ')))
print(repr(textwrap.indent('a\n\nb', '+', lambda line: True)))

w = textwrap.TextWrapper(width=15, initial_indent='- ', subsequent_indent='  ')
print(w.wrap('wrapping with an object and its settings'))
w.width = 25
print(w.fill('wrapping with an object and its settings'))
for bad in (0, -1):
    try:
        textwrap.wrap('abc', bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    textwrap.shorten('hello world', width=3)
except ValueError as e:
    print('ValueError:', e)
