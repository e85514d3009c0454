# collections.abc: isinstance/issubclass for built-in types, structural hooks, register().
import collections
from collections.abc import *
import collections.abc as cabc
print(collections.abc.Mapping, cabc.Sequence, cabc is collections.abc)
ABCS = (Container, Hashable, Iterable, Iterator, Reversible, Generator, Sized, Callable,
        Collection, Sequence, MutableSequence, ByteString, Set, MutableSet, Mapping,
        MutableMapping, MappingView, KeysView, ItemsView)
def gen():
    yield 1
for obj in ([], (), {}, set(), frozenset(), 'abc', b'x', bytearray(), range(3), iter([]),
            iter(()), iter({}), iter('ab'), reversed([]), len, lambda: 0, 3, 2.5, None, {}.keys(),
            {}.items(), collections.deque(), collections.OrderedDict(), collections.Counter(),
            collections.defaultdict(int), gen(), type, int.__dict__, zip(), map(str, [])):
    print(type(obj).__name__, [c.__name__ for c in ABCS if isinstance(obj, c)])
print(issubclass(str, Sequence), issubclass(list, Hashable), issubclass(tuple, Hashable),
      issubclass(dict, Mapping), issubclass(bytes, ByteString), issubclass(list, Set))
print(isinstance({}.values(), ValuesView), isinstance({}.values(), Collection))

class It:
    def __iter__(self):
        return iter([1])
class Nx(It):
    def __next__(self):
        return 1
class Sz:
    def __len__(self):
        return 0
class Cl:
    def __call__(self):
        pass
class NoHash:
    __hash__ = None
class Rev(It):
    def __reversed__(self):
        return iter([])
class Coll(Sz, It):
    def __contains__(self, x):
        return False
class NoIter(It):
    __iter__ = None
print(isinstance(It(), Iterable), isinstance(It(), Iterator), isinstance(Nx(), Iterator),
      isinstance(Sz(), Sized), isinstance(Cl(), Callable), isinstance(Sz(), Callable),
      isinstance(NoHash(), Hashable), isinstance(It(), Hashable), issubclass(It, Collection),
      issubclass(Rev, Reversible), issubclass(Coll, Collection), issubclass(Coll, Sequence),
      issubclass(NoIter, Iterable), isinstance(Cl, Callable), isinstance(Cl().__call__, Callable))

class Reg:
    pass
print(issubclass(Reg, Sequence), Sequence.register(Reg) is Reg)
print(issubclass(Reg, Sequence), issubclass(Reg, Iterable), isinstance(Reg(), Collection),
      issubclass(Reg, MutableSequence))

@Mapping.register
class Reg2:
    pass
print(isinstance(Reg2(), Mapping), isinstance(Reg2(), Sized))
try:
    Iterable.register(3)
except TypeError as e:
    print('TypeError', e)
try:
    issubclass(3, Iterable)
except TypeError as e:
    print('TypeError', e)
class MyIterable(Iterable):
    def __iter__(self):
        return iter([7])
print(list(MyIterable()), isinstance(MyIterable(), Iterable), issubclass(MyIterable, Iterator))
try:
    Iterator()
except TypeError as e:
    print(e)
try:
    MutableMapping()
except TypeError as e:
    print(e)
class Half(Iterator):
    pass
try:
    Half()
except TypeError as e:
    print(e)
print(Mapping[str, int], Iterable[int], Callable[[int, str], bool], Callable[..., int],
      Sequence[Mapping[str, list[int]]])
print(Mapping[str, int].__origin__, Mapping[str, int].__args__)
class MyM(Mapping[str, int]):
    def __getitem__(self, k):
        return 1
    def __iter__(self):
        return iter('ab')
    def __len__(self):
        return 2
print(dict(MyM()), MyM.__mro__[1])
