# KeyError with a tuple key.
grid = {(0, 0): "origin"}
cell = grid[(1, 2)]
