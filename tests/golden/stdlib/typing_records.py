# typing: NamedTuple and TypedDict (class and call syntax).
from typing import NamedTuple, TypedDict, List, Optional, Required, NotRequired, get_type_hints
import typing


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = 'p'

    def dist2(self) -> int:
        return self.x * self.x + self.y * self.y

    @property
    def swapped(self):
        return Point(self.y, self.x, self.label)


p = Point(3, 4)
print(p, Point(1), Point(1, 2, 'q'), p.dist2(), p.swapped, p.x, p[1], len(p), tuple(p))
print(isinstance(p, tuple), Point.__mro__, Point._fields, Point._field_defaults, Point.__annotations__)
print(p._asdict(), p._replace(x=9), Point._make([5, 6, 'z']), p == (3, 4, 'p'), hash(p) == hash((3, 4, 'p')))
x, y, label = p
print(x, y, label, Point.__name__, Point.__qualname__, Point.__module__)
try:
    Point()
except TypeError as e:
    print('TypeError:', e)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)


class Employee(NamedTuple):
    """An employee record."""
    name: str
    id: int = 3


print(Employee('guido'), Employee.__doc__)
try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as e:
    print('TypeError:', e)
try:
    class Bad2(NamedTuple):
        x: int

        def _asdict(self):
            pass
except AttributeError as e:
    print('AttributeError:', e)

Q = NamedTuple('Q', [('a', int), ('b', List[int])])
print(Q(1, [2]), Q.__annotations__, Q._fields)
R = NamedTuple('R', a=int, b=str)
print(R(1, 'x'), R._fields)


class Movie(TypedDict):
    name: str
    year: int


class Partial(TypedDict, total=False):
    title: str
    rating: float


class Extended(Movie, total=False):
    director: Optional[str]


m = Movie(name='Blade Runner', year=1982)
print(m, type(m), m['name'], isinstance(m, dict), Movie.__total__, Partial.__total__)
print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__),
      sorted(Partial.__required_keys__), sorted(Partial.__optional_keys__))
print(sorted(Extended.__required_keys__), sorted(Extended.__optional_keys__), Extended.__annotations__)
e = Extended(name='x', year=1, director=None)
e['year'] += 1
print(e, Movie(), Movie({'name': 'a'}))
try:
    isinstance(m, Movie)
except TypeError as ex:
    print('TypeError:', ex)
Alt = TypedDict('Alt', {'a': int, 'b': str}, total=False)
print(Alt(a=1), sorted(Alt.__optional_keys__), Alt.__total__, Alt.__annotations__)


class Mixed(TypedDict):
    must: Required[int]
    maybe: NotRequired[str]


print(sorted(Mixed.__required_keys__), sorted(Mixed.__optional_keys__), typing.is_typeddict(Mixed),
      typing.is_typeddict(dict))
print(get_type_hints(Movie), get_type_hints(Point))
