def f(x):
    match x:
        case [a, *rest]:
            return a
        case other:
            return other
        case 1:
            return 1
