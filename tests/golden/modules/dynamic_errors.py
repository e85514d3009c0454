# The errors of eval, exec and compile, with CPython's wording.
cases = [
    "eval()", "exec()", "compile()", "compile('1', 'f')", "globals(1)", "locals(1)",
    "eval('1', 1)", "eval('1', {}, 1)", "exec('1', 1)", "exec('1', {}, 1)", "eval(1)",
    "exec(1)", "compile(1, 'f', 'exec')", "compile('1', 'f', 'bad')", "compile('1', 1, 'exec')",
    "eval('1\\0')", "exec('1\\0')", "eval('1', globals={})", "eval('1', [])", "vars(1)",
    "vars(1, 2)", "dir(1, 2)", "compile('1\\0', 'f', 'exec')", "eval('\\n1')",
]
for src in cases:
    try:
        print(src, "->", repr(eval(src)))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
for src, mode in [("x = 1", "eval"), ("1 +", "exec"), ("a\nb", "single"), ("def f(:", "exec")]:
    try:
        compile(src, "<src>", mode)
    except SyntaxError as e:
        print(mode, type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e, e.filename, e.lineno, repr(e.text))
try:
    exec("if True:\nprint(1)")
except IndentationError as e:
    print(type(e).__name__, e)
