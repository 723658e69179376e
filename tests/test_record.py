"""``Record``: the value classes behave like named tuples."""

from __future__ import annotations

import pickle

import pytest

from cchc_cli.record import Record


class Point(Record):
    x: int
    y: int
    label: str = "p"

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


def test_construction_by_position_keyword_and_default() -> None:
    assert Point(1, 2) == Point(x=1, y=2) == Point(1, y=2, label="p")
    assert Point(1, 2).label == "p"
    assert Point(1, 2, "q").label == "q"
    assert Point(3, -4).norm() == 7


@pytest.mark.parametrize(("args", "kwargs", "words"), [
    ((1,), {}, "needs 'y'"),
    ((1, 2, "a", 4), {}, "takes 3 values, got 4"),
    ((1, 2), {"z": 3}, "no field 'z'"),
    ((1, 2), {"x": 3}, "got 'x' twice"),
])
def test_wrong_arguments_are_refused(args: tuple[object, ...], kwargs: dict[str, object],
                                     words: str) -> None:
    with pytest.raises(TypeError, match=words):
        Point(*args, **kwargs)  # type: ignore[arg-type]


def test_immutable_with_replace_and_asdict() -> None:
    point = Point(1, 2)
    with pytest.raises(AttributeError):
        point.x = 5  # type: ignore[misc]
    moved = point._replace(x=5)
    assert (moved, point) == (Point(5, 2), Point(1, 2))
    assert moved._asdict() == {"x": 5, "y": 2, "label": "p"}
    assert Point._fields == ("x", "y", "label")
    with pytest.raises(TypeError, match="no field 'z'"):
        point._replace(z=1)


def test_equality_hash_repr_and_pickle() -> None:
    point = Point(1, 2)
    assert hash(point) == hash(Point(1, 2))
    assert {point, Point(1, 2)} == {point}
    assert repr(point) == "Point(x=1, y=2, label='p')"
    assert pickle.loads(pickle.dumps(point)) == point
    assert type(pickle.loads(pickle.dumps(point))) is Point


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="has no default but follows one"):
        class Broken(Record):
            a: int = 1
            b: int  # type: ignore[misc]
