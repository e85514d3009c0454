# Compile-time errors of match statements are reported before anything runs.
tests = [
    "match x:\n    case y: pass\n    case 1: pass",
    "match x:\n    case _: pass\n    case 1: pass",
    "match x:\n    case [a, a]: pass",
    "match x:\n    case 1 | y: pass",
    "match x:\n    case a | b: pass",
    "match x:\n    case C(a=1, b): pass",
    "match x:\n    case C(a=1, a=2): pass",
    "match x:\n    case {1: a, 1: b}: pass",
    "match x:\n    case [*a, *b]: pass",
    "match x:\n    case f'x': pass",
    "match x:\n    case (a as _): pass",
    "match x:\n    case 1 as 2: pass",
    "match x:\n    case {a: 1}: pass",
    "match x:\n    case [a, (b | a)]: pass",
    "match x:\n    case (a, b) | (b, c): pass",
    "match x:\n    case 1:\n    pass",
    "match x:\n    case 1\n",
]
for src in tests:
    try:
        compile(src, "<test>", "exec")
        print("compiled?!", repr(src))
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg} (line {e.lineno}, offset {e.offset})")
