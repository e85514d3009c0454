# New instances' dicts are made as big as the class's earlier instances needed
# (TypeObject::instance_dict_hint); what a script sees must not depend on that.


class Point:
    def __init__(self, x, y, z=None):
        self.x = x
        self.y = y
        if z is not None:
            self.z = z


pts = [Point(i, -i) for i in range(3)] + [Point(1, 2, 3), Point(4, 5)]
print([vars(p) for p in pts])
del pts[3].y
pts[3].y = "again"
print(vars(pts[3]), list(vars(pts[4])))


class Wide:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)
        self.last = n


ws = [Wide(n) for n in (40, 3, 0, 45)]
print([len(vars(w)) for w in ws], ws[0].a39, ws[3].last, list(vars(ws[1])))


class Grows:
    pass


g = Grows()
for i in range(12):
    setattr(g, "k%d" % i, i * i)
h = Grows()
h.only = 1
print(len(vars(g)), vars(h), g.k11, hasattr(h, "k0"))
o = object.__new__(Point)
print(vars(o))
o.w = 1
print(vars(o))
