match [1, 2]:
    case [x, y] | [y]:
        pass
