# typing: user generic classes, Protocol and runtime_checkable, NewType, overload, final,
# annotations in classes and dataclasses, get_type_hints.
from dataclasses import dataclass, field, fields
from typing import (Any, ClassVar, Dict, Generic, Iterable, Iterator, List, Optional, Protocol,
                    TypeVar, Union, NewType, get_type_hints, overload, final, no_type_check,
                    runtime_checkable, Sequence, Mapping, Callable, Tuple, Annotated, get_origin,
                    get_args, Final)
import typing

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


b = Box(3)
print(b.get(), Box[int], Box[int](5).get(), Box.__parameters__, Box[str].__args__)
print(Box[int](1).__orig_class__, get_origin(Box[int]), get_args(Box[int]), Box.__mro__)


class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V):
        self.k, self.v = k, v


print(Pair[str, int], Pair[str, int]('a', 1).v, Pair.__parameters__)


class IntBox(Box[int]):
    pass


print(IntBox(7).get(), IntBox.__parameters__, IntBox.__mro__, IntBox.__orig_bases__)


class LBox(Box[T], Generic[T]):
    pass


print(LBox[str], LBox.__parameters__)


class MyList(List[T]):
    pass


ml = MyList([1, 2])
ml.append(3)
print(ml, MyList.__mro__, MyList[int])


class Stack(Iterable[T]):
    def __init__(self):
        self.items = []

    def __iter__(self):
        return iter(self.items)


print(list(Stack()), Stack.__mro__)

for make in (lambda: Box[int, str], lambda: Pair[int], lambda: IntBox[int],
             lambda: Generic[int], lambda: type('X', (Generic,), {})):
    try:
        print(make())
    except TypeError as e:
        print('TypeError:', e)
try:
    class Bad(Generic[K], Box[T]):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Bad2(Generic[T], Generic[K]):
        pass
except TypeError as e:
    print('TypeError:', e)


class Closeable(Protocol):
    def close(self) -> None:
        ...


@runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int:
        ...


@runtime_checkable
class Named(Protocol):
    name: str

    def greet(self) -> str:
        ...


class File:
    def close(self):
        print('closed')


class Person:
    name = 'ann'

    def greet(self):
        return 'hi ' + self.name


def shutdown(x: Closeable) -> None:
    x.close()


shutdown(File())
print(isinstance([], Sized2), isinstance(3, Sized2), issubclass(list, Sized2), issubclass(int, Sized2))
print(isinstance(Person(), Named), isinstance(File(), Named))
print(isinstance(3, typing.SupportsInt), isinstance('x', typing.SupportsInt),
      isinstance(2.5, typing.SupportsFloat), issubclass(int, typing.SupportsIndex),
      isinstance(-3, typing.SupportsAbs))
for make in (lambda: Closeable(), lambda: isinstance(File(), Closeable),
             lambda: issubclass(Person, Named), lambda: runtime_checkable(File)):
    try:
        print(make())
    except TypeError as e:
        print('TypeError:', e)


class Impl(Closeable):
    def close(self):
        return 'impl closed'


print(Impl().close(), Closeable._is_protocol, Impl._is_protocol)


class GP(Protocol[T]):
    def get(self) -> T:
        ...


print(GP[int], GP.__parameters__)

UserId = NewType('UserId', int)
uid = UserId(42)
print(uid, type(uid), UserId, UserId.__supertype__, UserId.__name__)
try:
    class Sub(UserId):
        pass
except TypeError as e:
    print('TypeError:', e)


@overload
def double(x: int) -> int:
    ...


@overload
def double(x: str) -> str:
    ...


def double(x):
    return x * 2


print(double(2), double('ab'))


@final
class Leaf:
    @final
    def m(self):
        return 1


print(Leaf.__final__, Leaf.m.__final__, Leaf().m())


@no_type_check
def untyped(a: 'whatever') -> 'nope':
    return a


print(untyped(5), untyped.__no_type_check__)


class Node:
    value: int
    children: List['Node']
    parent: Optional['Node'] = None
    label: 'str' = ''
    meta: Annotated[int, 'units'] = 0
    count: ClassVar[int] = 0


print(Node.__annotations__['value'], Node.__annotations__['children'], Node.__annotations__['label'])
hints = get_type_hints(Node)
print(hints)
print(get_type_hints(Node, include_extras=True)['meta'])


@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    origin: ClassVar[Tuple[int, int]] = (0, 0)
    scale: Final[float] = 1.0


p = Point(1, tags=['a'])
print(p, [f.name for f in fields(Point)], Point.origin, fields(Point)[2].type)


@dataclass
class Inventory(Generic[T]):
    items: Dict[str, T] = field(default_factory=dict)

    def add(self, name: str, item: T) -> None:
        self.items[name] = item


inv = Inventory[int]()
inv.add('a', 1)
print(inv, Inventory.__parameters__)


def apply(f: Callable[[int], int], xs: Sequence[int]) -> List[int]:
    return [f(x) for x in xs]


print(apply(lambda v: v + 1, [1, 2]))
x: Union[int, str] = 5
y: Optional[Mapping[str, Any]] = None
print(x, y)
