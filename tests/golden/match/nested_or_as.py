# Or-patterns binding names in different orders, as-patterns at every level, loops with break.
def classify(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["pick", "up", item] | ["take", item]:
            return f"taking {item}"
        case ["drop", *items] if items:
            return f"dropping {', '.join(items)}"
        case [("quit" | "exit")]:
            return "bye"
        case []:
            return "say something"
        case [verb, *_]:
            return f"unknown verb {verb!r}"


for c in ["go north", "go up", "pick up lamp", "take key", "drop a b c", "drop", "quit", "exit", "", "dance now"]:
    print(repr(c), "->", classify(c))

for pair in [(1, "a"), ("a", 1), (2, 2)]:
    match pair:
        case (int(n), str(s)) | (str(s), int(n)):
            print("int and str:", n, s)
        case (x, y) as whole:
            print("other pair", whole, x, y)

for i in range(10):
    match i:
        case 3:
            print("three, skipping")
            continue
        case 6:
            print("six, stopping")
            break
        case n if n % 2:
            print("odd", n)


def first_even(values):
    for v in values:
        match v:
            case int(n) if n % 2 == 0:
                return n
    return None


print(first_even([1, 3, 4, 6]), first_even([1]))

match [1, (2, 3)]:
    case [a, (b, c) as inner] as outer:
        print(a, b, c, inner, outer)
match 5:
    case (1 | 2) as small:
        print("small", small)
    case (4 | 5 | 6) as mid:
        print("mid", mid)

# Names bound in a function stay local; at module level they are globals.
def f():
    match {"k": [1, 2]}:
        case {"k": [x, *y]}:
            return x, y
print(f())
