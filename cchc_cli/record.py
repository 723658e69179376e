"""``Record``: immutable, typed value classes that are cheap to define.

``typing.NamedTuple`` builds each class with ``exec``; defining the forty value
classes cchc needs that way costs about 4 ms at every start, a tenth of the
whole budget. A ``Record`` subclass is a tuple, like a named tuple, with a
read-only property per annotated field, set up by ``__init_subclass__``
without ``exec``:

    class Text(Record):
        vi: str
        en: str = ""

It offers what cchc uses of named tuples: positional and keyword
construction, defaults, ``_fields``, ``_replace``, ``_asdict``, equality,
hashing and a readable ``repr``. Type checkers see a frozen dataclass
(PEP 681), so constructor calls are checked.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar

_MISSING = object()

if TYPE_CHECKING:
    from typing import Self

    from typing_extensions import dataclass_transform

    @dataclass_transform(frozen_default=True)
    class Record:
        """A typed, immutable value (a tuple with named fields)."""

        _fields: ClassVar[tuple[str, ...]]

        def _replace(self, **changes: Any) -> Self:
            """A copy with some fields changed."""

        def _asdict(self) -> dict[str, Any]:
            """The fields as a dict, in order."""

        def __iter__(self) -> Any:
            """The values, in field order."""

else:

    class Record(tuple):
        """A typed, immutable value (a tuple with named fields)."""

        __slots__ = ()
        _fields: ClassVar[tuple[str, ...]] = ()
        _defaults: ClassVar[tuple[Any, ...]] = ()
        _positions: ClassVar[dict[str, int]] = {}

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (own only)
            names = tuple(name for name, kind in annotations.items()
                          if not str(kind).startswith(("ClassVar", "typing.ClassVar")))
            defaults = []
            for position, name in enumerate(names):
                default = cls.__dict__.get(name, _MISSING)
                if default is _MISSING and defaults:
                    raise TypeError(f"{cls.__name__}.{name} has no default but follows one")
                if default is not _MISSING:
                    defaults.append(default)
                setattr(cls, name, property(itemgetter(position)))
            cls._fields = names
            cls._defaults = tuple(defaults)
            cls._positions = {name: position for position, name in enumerate(names)}

        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            fields = cls._fields
            if not kwargs and len(args) == len(fields):
                return tuple.__new__(cls, args)
            if len(args) > len(fields):
                raise TypeError(f"{cls.__name__} takes {len(fields)} values, got {len(args)}")
            values = list(args) + [_MISSING] * (len(fields) - len(args))
            for name, value in kwargs.items():
                position = cls._positions.get(name)
                if position is None:
                    raise TypeError(f"{cls.__name__} has no field '{name}'")
                if values[position] is not _MISSING:
                    raise TypeError(f"{cls.__name__} got '{name}' twice")
                values[position] = value
            first_default = len(fields) - len(cls._defaults)
            for position, value in enumerate(values):
                if value is _MISSING:
                    if position < first_default:
                        raise TypeError(f"{cls.__name__} needs '{fields[position]}'")
                    values[position] = cls._defaults[position - first_default]
            return tuple.__new__(cls, values)

        def __getnewargs__(self) -> tuple[Any, ...]:
            return tuple(self)

        def _replace(self, **changes: Any) -> Any:
            """A copy with some fields changed."""
            values = [changes.pop(name, value)
                      for name, value in zip(self._fields, self, strict=True)]
            if changes:
                raise TypeError(f"{type(self).__name__} has no field '{next(iter(changes))}'")
            return tuple.__new__(type(self), values)

        def _asdict(self) -> dict[str, Any]:
            """The fields as a dict, in order."""
            return dict(zip(self._fields, self, strict=True))

        def __repr__(self) -> str:
            inner = ", ".join(f"{name}={value!r}"
                              for name, value in zip(self._fields, self, strict=True))
            return f"{type(self).__name__}({inner})"
