# Subscript errors show ~~~^^^^ markers.
data = [1, 2, 3]
total = data[0] + data[5]
