# typing: reprs of aliases and special forms, subscription, get_origin/get_args, errors.
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Generator, Iterable,
                    Iterator, List, Literal, Mapping, Optional, Sequence, Set, Tuple, Type,
                    TypeVar, Union, Annotated, NoReturn, Never, Self, get_args, get_origin)

print(List[int], Dict[str, int], Set[int], FrozenSet[str], Tuple[int, ...], Tuple[int, str],
      Tuple[()], Type[int])
print(Optional[int], Union[int, str], Union[int, None], Union[None, int], Optional[Union[int, str]],
      Union[int, None, str], Union[int], Union[int, int, str], Union[int, Union[str, float]])
print(Callable[[int], str], Callable[[int, str], None], Callable[[], int], Callable[..., int])
print(Iterable[int], Iterator[str], Generator[int, None, None], Sequence[int], Mapping[str, List[int]])
print(List[None], Dict[str, 'Node'], List['int'], Literal[1, 'a', None], Literal['x'])
print(Final[int], ClassVar[List[int]], Annotated[int, 'meta', 3], Any, NoReturn, Never, Self)
print(List, Dict, Tuple, Callable, Iterable, typing.Deque, typing.DefaultDict[str, int],
      typing.Counter[str], typing.OrderedDict[str, int], typing.AbstractSet[int],
      typing.ContextManager[int], typing.Pattern, typing.Match[str])
print(Union, Optional, Literal, ClassVar, Final, typing.Generic, typing.Protocol)
T = TypeVar('T')
K = TypeVar('K')
N = TypeVar('N', int, float)
B = TypeVar('B', bound=str)
Co = TypeVar('Co', covariant=True)
Contra = TypeVar('Contra', contravariant=True)
print(T, N, B, Co, Contra, T.__name__, N.__constraints__, B.__bound__, T.__bound__, Co.__covariant__)
print(List[T], Dict[K, T], Dict[K, T][str, int], List[T][int], Dict[str, T][List[int]],
      List[T].__parameters__, Dict[K, T].__parameters__, Callable[[T], K][int, str])
print(Union[int, str] == Union[str, int], Optional[int] == Union[None, int], List[int] == List[int],
      List[int] == List[str], Literal[1, 2] == Literal[2, 1], hash(List[int]) == hash(List[int]))
print(get_origin(List[int]), get_origin(Dict[str, int]), get_origin(Optional[int]),
      get_origin(Union[int, str]), get_origin(Callable[[int], str]), get_origin(Literal[1]),
      get_origin(Annotated[int, 'x']), get_origin(int), get_origin(List), get_origin(list[int]),
      get_origin(Tuple[int, ...]), get_origin(ClassVar[int]), get_origin(typing.Generic))
print(get_args(List[int]), get_args(Dict[str, int]), get_args(Optional[int]),
      get_args(Callable[[int, str], bool]), get_args(Callable[..., int]),
      get_args(Annotated[int, 'x', 'y']), get_args(int), get_args(Tuple[int, ...]),
      get_args(Literal['a', 'b']), get_args(dict[str, int]), get_args(Tuple[()]))
print(List[int].__origin__, List[int].__args__, Optional[str].__args__)
print(typing.cast(int, 'not an int'), typing.cast('List[int]', 5), typing.TYPE_CHECKING)
print(typing.Text, typing.AnyStr, typing.Hashable, typing.Sized)

for make in (lambda: List(), lambda: Dict(), lambda: Tuple(), lambda: Set(),
             lambda: List[int, str], lambda: Dict[int], lambda: Union(), lambda: Union[()],
             lambda: Optional[int, str], lambda: ClassVar[int, str], lambda: Annotated[int],
             lambda: TypeVar('X', int), lambda: Literal[1](), lambda: Any(),
             lambda: Tuple[int, ...][int], lambda: Callable[int], lambda: NoReturn[int],
             lambda: TypeVar('V', int, str, bound=int), lambda: Optional()):
    try:
        print(make())
    except TypeError as e:
        print('TypeError:', e)
print(typing.Deque([1, 2]), typing.DefaultDict(int), List[int].__origin__([3]))
