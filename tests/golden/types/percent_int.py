# %d and %i of unboxed ints, bools, big ints and floats, with flags, width and precision; a
# mapping argument; an int argument (which is not a mapping).
print('%d|%5d|%-5d|%05d|%+d|% d|%.3d|%.0d|%d|%i|%u' % (7, -7, 7, -7, 7, 7, -7, 0, True, -2**63, 2**63))
print('%(a)d %(b)s' % {'a': 5, 'b': 'x'}, '%s' % None, '%r' % 1.5, '%d' % 3.7, b'%d|%5d' % (4, -4))
class M:
    def __getitem__(self, k): return 42
print('%(x)d' % M())
try:
    print('%d' % 'a')
except TypeError as e:
    print(e)
