"""Typed access to the fields of a node tree, collecting every problem found.

A ``FieldReader`` never raises for bad data: each getter returns the value or
None, and appends a ``Problem`` that names the file, line, column and field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

from cchc_cli.load import scalars
from cchc_cli.load.problems import EMPTY, Problem
from cchc_cli.load.yamltree import Mapping, Node, Scalar, Sequence
from cchc_cli.model import Text

T = TypeVar("T")
Fields = dict[str, Node]

_NODE_NAMES = {Scalar: "a single value", Mapping: "a mapping", Sequence: "a list"}


class FieldReader:
    """Reads typed values out of nodes of one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.required: set[str] = set()
        """The fields a mapping must have: an empty one is to be filled, not removed."""

    def fail(self, node: Node, field: str, message: str, hint: str = "") -> None:
        """Record a problem at ``node``."""
        self.problems.append(Problem(self.path, node.line, node.column, field, message, hint))

    def fields(
        self, node: Node, field: str, required: Iterable[str], optional: Iterable[str]
    ) -> Fields | None:
        """Return a mapping's fields, reporting unknown and missing keys."""
        if not isinstance(node, Mapping):
            self.fail(node, field, f"expected a mapping, found {_NODE_NAMES[type(node)]}",
                      "write 'key: value' lines indented under it")
            return None
        required = tuple(required)
        self.required.update(_join(field, key) for key in required)
        known = (*required, *optional)
        for key, (key_node, value) in node.entries.items():
            if key not in known:  # past the listed problems, a hint is not worth its time
                hint = ("" if len(self.problems) >= 50 else
                        _comma_hint(key) if _is_empty(value) and not key.isdigit()
                        else _unknown_key_hint(key, known))
                self.fail(key_node, _join(field, key), f"unknown field '{key}'", hint)
        for key in required:
            if key not in node.entries:
                self.fail(node, _join(field, key), f"missing required field '{key}'",
                          f"add '{key}:' here")
        return {key: value for key, (_k, value) in node.entries.items() if key in known}

    def items(self, node: Node, field: str) -> list[Node]:
        """Return a list's items (reporting anything that is not a list)."""
        if isinstance(node, Sequence):
            return node.items
        self.fail(node, field, f"expected a list, found {_NODE_NAMES[type(node)]}",
                  "start each item with '- '")
        return []

    def _scalar(
        self, node: Node, field: str, convert: Callable[[str, bool], tuple[T | None,
                                                                         scalars.Failure | None]]
    ) -> T | None:
        if not isinstance(node, Scalar):
            self.fail(node, field, f"expected a single value, found {_NODE_NAMES[type(node)]}")
            return None
        if scalars.is_null(node.text, node.plain):
            hint = "write a value" if field in self.required else \
                "write a value or remove the field"
            self.fail(node, field, EMPTY, hint)
            return None
        value, failure = convert(node.text, node.plain)
        if failure is not None:
            self.fail(node, field, *failure)
        return value

    def string(self, node: Node, field: str) -> str | None:
        """A text value."""
        return self._scalar(node, field, scalars.to_string)

    def date(self, node: Node, field: str) -> str | None:
        """An ISO date, kept as its text."""
        return self._scalar(node, field, scalars.to_date)

    def number(
        self, node: Node, field: str, low: Decimal | None = None, high: Decimal | None = None,
        why: str = "",
    ) -> Decimal | None:
        """A decimal number, optionally within ``low..high``."""
        value = self._scalar(node, field, scalars.to_number)
        if value is not None and not self._in_range(node, field, value, low=low, high=high,
                                                    why=why):
            return None
        return value

    def integer(
        self, node: Node, field: str, low: int | None = None, high: int | None = None,
        why: str = "",
    ) -> int | None:
        """A whole number, optionally within ``low..high``."""
        value = self._scalar(node, field, scalars.to_integer)
        if value is not None and not self._in_range(node, field, value, low=low, high=high,
                                                    why=why):
            return None
        return value

    def _in_range(
        self, node: Node, field: str, value: Decimal | int, *,
        low: Decimal | int | None, high: Decimal | int | None, why: str,
    ) -> bool:
        if (low is None or value >= low) and (high is None or value <= high):
            return True
        if low is not None and high is not None:
            bounds = f"between {low} and {high}"
        elif low is not None:
            bounds = f"at least {low}"
        else:
            bounds = f"at most {high}"
        self.fail(node, field, f"{value} is out of range: it must be {bounds}",
                  why or "check the figure against its source")
        return False

    def flag(self, node: Node, field: str) -> bool | None:
        """A yes/no written ``true`` or ``false``."""
        if isinstance(node, Scalar) and node.plain and node.text in ("true", "false"):
            return node.text == "true"
        self.fail(node, field, "expected true or false", "write 'true' or 'false', unquoted")
        return None

    def choice(self, node: Node, field: str, choices: Iterable[str]) -> str | None:
        """One of a fixed set of words."""
        choices = tuple(choices)
        value = self.string(node, field)
        if value is not None and value not in choices:
            self.fail(node, field, f"'{value}' is not one of: {', '.join(choices)}",
                      _did_you_mean(value, choices) or f"use one of: {', '.join(choices)}")
            return None
        return value

    def text(self, node: Node, field: str) -> Text | None:
        """A phrase in both languages: ``{vi: ..., en: ...}``."""
        fields = self.fields(node, field, ("vi", "en"), ())
        if fields is None:
            return None
        vi = self.string(fields["vi"], _join(field, "vi")) if "vi" in fields else None
        en = self.string(fields["en"], _join(field, "en")) if "en" in fields else None
        if vi is None or en is None:
            return None
        return Text(vi, en)


    def note(self, node: Node, field: str) -> Text | None:
        """A note: one text for both languages, or ``{vi: ..., en: ...}``."""
        if isinstance(node, Mapping):
            return self.text(node, field)
        value = self.string(node, field)
        return None if value is None else Text(value, value)


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _unknown_key_hint(key: str, known: tuple[str, ...]) -> str:
    if key.isdigit():
        return ("inside {...} a ',' separates entries; if it was a decimal comma, "
                "write the number with '.', e.g. 96.9")
    return _did_you_mean(key, known) or f"the fields here are: {', '.join(known)}"


def _is_empty(node: Node) -> bool:
    """A key written with no value: ``b`` in ``{vi: a, b}``."""
    return isinstance(node, Scalar) and node.plain and node.text == ""


def _comma_hint(key: str) -> str:
    return (f"inside {{...}} a ',' separates entries, so '{key}' became a field of its own; "
            f"if it belongs to the text before it, put that text in quotes, "
            f"e.g. vi: \"…, {key}\"")


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
