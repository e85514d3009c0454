# Triple-quoted strings.
s = """first line
second line
    indented third"""
print(s)
t = '''single 'quotes' and "double" inside'''
print(t)
u = """starts with newline
"""
print(repr(u))
v = """escaped \
newline"""
print(v)
w = """contains "two" ""quotes"" """
print(w)
print(len("""abc"""))
def doc():
    """A docstring is just an expression statement."""
    return 1
print(doc())
print(repr("""a\tb"""))
print(r"""raw \n triple""")
