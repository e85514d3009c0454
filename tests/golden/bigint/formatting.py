# format specs and %-formatting of big ints.
v = 2**100
for spec in ["", "d", "x", "X", "o", "b", "#x", "#o", "#b", "#X", ",", "_", "_x", "_b", "+", " ", "-", ">40", "<40", "^41", "=+40", "040", "n", "e", ".3e", ".2f", "%", "g", "40,"]:
    print(repr(spec), format(v, spec), format(-v, spec))
print(f"{3**80:,}", f"{-3**80:_}", f"{2**70:#_x}", f"{2**70:020x}")
print("%d %i %u" % (v, -v, v), "%x %X %o" % (v, -v, v), "%#x %#X %#o" % (v, v, -v))
print("%40d|%-40d|%+d|% d|%050d" % (v, v, v, v, -v), "%.35d" % v, "%e %f %g" % (v, v, v))
print("%s %r" % (v, -v), "%d" % 1e20, "%d" % 1.5e30, "%x" % 2**64)
for e, f in [("format(2**100, 'c')", lambda: format(2**100, 'c')), ("'%c' % 2**100", lambda: '%c' % 2**100), ("format(2**100, '.3d')", lambda: format(2**100, '.3d')), ("chr(2**100)", lambda: chr(2**100))]:
    try:
        print(f())
    except (OverflowError, ValueError) as ex:
        print(e, "->", type(ex).__name__, ex)
print(hex(2**100), hex(-(2**100)), oct(2**70), bin(2**70 + 5), hex(0), bin(-5), oct(-8))
