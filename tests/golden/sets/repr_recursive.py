# repr through an element whose repr shows the set that holds it.
class Holder:
    def __init__(self):
        self.owner = None
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return self is other
    def __repr__(self):
        return 'Holder(' + repr(self.owner) + ')'

h = Holder()
s = {h}
h.owner = s
print(s)
print(repr(s))
h2 = Holder()
f = frozenset([h2])
h2.owner = f
print(f)
print([{1}, frozenset([2])], ({3},), {'k': {4}})
print(str({1, 2}), f'{ {5} }', '%s' % ({6},))
print(frozenset([frozenset([1])]))
print({(1, 'a')})
