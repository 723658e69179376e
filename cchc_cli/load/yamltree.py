"""Read YAML text into a tree of positioned nodes, without constructing objects.

The tree is built from the parser's events rather than from ``yaml.load``, so:

- nothing is ever constructed from a tag (``!!python/...`` is reported, not run);
- anchors and aliases are reported where they stand, so an alias bomb never
  expands;
- duplicate keys are reported with both lines (``yaml.load`` keeps the last);
- nesting is bounded without recursion, so deep input cannot exhaust the stack;
- scalars keep their text and style, so the schema can tell ``1.818`` from
  ``1818`` and ``"7"`` from ``7``.

The libyaml parser (``CSafeLoader``) is used where PyYAML was built with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from cchc_cli.load.problems import Problem
from cchc_cli.record import Record

MAX_DEPTH = 32
"""Deepest nesting accepted; a report needs six levels."""

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Scalar(Record):
    """A scalar: its text, whether it was written plain (unquoted), and where."""

    text: str
    plain: bool
    line: int
    column: int


class Mapping(Record):
    """A mapping: key text to (key node, value node), in file order."""

    entries: dict[str, tuple[Scalar, Node]]
    line: int
    column: int


class Sequence(Record):
    """A sequence of nodes."""

    items: list[Node]
    line: int
    column: int


Node = Scalar | Mapping | Sequence


def _tag_text(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


class _Builder:
    """Turns a stream of parser events into one ``Node`` tree."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.stack: list[Mapping | Sequence] = []
        self.pending_keys: list[Scalar | None] = []
        self.root: Node | None = None
        self.too_deep = False
        self.documents = 0

    def problem(self, mark: Any, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, "", message, hint)
        )

    def check_event(self, event: Any) -> None:
        """Report anchors and explicit tags on ``event``."""
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.problem(
                event.start_mark,
                f"anchors (&{anchor}) are not allowed",
                "write each value out in full",
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            self.problem(
                event.start_mark,
                f"YAML tags ({_tag_text(tag)}) are not allowed",
                "remove the tag; values are plain text, numbers, lists and mappings",
            )

    def add(self, node: Node) -> None:
        """Attach a finished node to its parent (or make it the root)."""
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = self.pending_keys[-1]
        if key is None:
            self.take_key(node)
            return
        self.pending_keys[-1] = None
        previous = parent.entries.get(key.text)
        if previous is not None:
            first = previous[0]
            self.problems.append(
                Problem(
                    self.path, key.line, key.column, self.field_path(key.text),
                    f"duplicate key '{key.text}' (first at line {first.line}; "
                    f"YAML would silently keep only this one)",
                    "remove one of the two",
                )
            )
            return
        parent.entries[key.text] = (key, node)

    def field_path(self, key: str) -> str:
        """Where ``key`` of the innermost mapping sits: ``figures[eid_accounts].value``.

        Items of a list are named by their ``id`` where they have one, as the
        schema names them.
        """
        parts: list[str] = []
        for depth, container in enumerate(self.stack[:-1]):
            child = self.stack[depth + 1]
            if isinstance(container, Mapping):
                pending = self.pending_keys[depth]
                parts.append(f".{pending.text}" if pending else "")
            else:
                named = child.entries.get("id") if isinstance(child, Mapping) else None
                label = getattr(named[1], "text", None) if named else None
                parts.append(f"[{label}]" if isinstance(label, str) else
                             f"[{len(container.items)}]")
        return ("".join(parts) + f".{key}").lstrip(".")

    def take_key(self, node: Node) -> None:
        """Record ``node`` as the key awaiting its value."""
        if isinstance(node, Scalar):
            self.pending_keys[-1] = node
            return
        self.problems.append(
            Problem(
                self.path, node.line, node.column, "",
                "a mapping key must be plain text",
                "use a name such as 'value:' as the key",
            )
        )
        # Stand in a key that cannot clash, so the value is still read and checked.
        self.pending_keys[-1] = Scalar(f"\0{node.line}:{node.column}", True, node.line, node.column)

    def open(self, container: Mapping | Sequence, mark: Any) -> bool:
        """Push a container; return False when nesting is too deep."""
        if len(self.stack) >= MAX_DEPTH:
            self.problem(
                mark,
                f"nesting deeper than {MAX_DEPTH} levels",
                "a report needs no more than six levels; check the indentation",
            )
            self.too_deep = True
            return False
        self.stack.append(container)
        self.pending_keys.append(None)
        return True

    def close(self) -> None:
        """Pop the innermost container and attach it."""
        node = self.stack.pop()
        self.pending_keys.pop()
        self.add(node)


def _feed(builder: _Builder, loader: Any) -> None:
    """Pass every event of the first document to ``builder``.

    This loop runs once per scalar of every file, so the common case (a plain
    scalar that completes a key or a value) is handled inline and nodes are
    made with ``tuple.__new__``; anything else goes through ``_structure`` and
    the builder's methods.
    """
    next_event: Callable[[], Any] = loader.get_event
    new: Any = tuple.__new__
    stack, keys = builder.stack, builder.pending_keys
    scalar_event = yaml.ScalarEvent
    while True:
        event: Any = next_event()
        if type(event) is not scalar_event:
            if _structure(builder, event):
                return
            continue
        if event.anchor is not None or event.tag is not None:
            builder.check_event(event)
        mark: Any = event.start_mark
        node = new(Scalar, (event.value, not event.style, mark.line + 1, mark.column + 1))
        parent = stack[-1] if stack else None
        if type(parent) is Mapping:
            key = keys[-1]
            if key is None:
                keys[-1] = node
                continue
            entries = parent.entries
            if key.text not in entries:
                keys[-1] = None
                entries[key.text] = (key, node)
                continue
        builder.add(node)


def _structure(builder: _Builder, event: Any) -> bool:
    """Handle an event that is not a scalar; True when the document is over."""
    kind = type(event)
    mark = event.start_mark
    line, column = mark.line + 1, mark.column + 1
    if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
        builder.check_event(event)
        container = Mapping({}, line, column) if kind is yaml.MappingStartEvent \
            else Sequence([], line, column)
        return not builder.open(container, mark)
    if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
        builder.close()
    elif kind is yaml.AliasEvent:
        builder.problem(mark, f"aliases (*{event.anchor}) are not allowed",
                        "write the value out in full")
        builder.add(Scalar("", True, line, column))
    elif kind is yaml.DocumentStartEvent:
        builder.documents += 1
        if builder.documents > 1:
            builder.problem(mark, "more than one YAML document in the file",
                            "keep one report per file; remove the second '---'")
            return True
    return kind is yaml.StreamEndEvent


def read_tree(text: str, path: str, problems: list[Problem]) -> Node | None:
    """Parse ``text`` into a node tree, appending any problems to ``problems``.

    Returns None when the text has no document or cannot be parsed.
    """
    loader = _Loader(text)
    builder = _Builder(path, problems)
    try:
        _feed(builder, loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        last = text.count("\n") + (0 if text.endswith("\n") else 1)
        if line > max(last, 1):  # the end of the stream: point at the last line
            line, column = max(last, 1), 1
        what = error.problem or error.context or "not valid YAML"
        problems.append(
            Problem(path, line, column, "", f"YAML syntax error: {what}",
                    "check the indentation and the quoting around this place")
        )
        return None
    except yaml.YAMLError as error:  # a reader error without a mark
        problems.append(Problem(path, 1, 1, "", f"YAML error: {error}", ""))
        return None
    finally:
        loader.dispose()
    if builder.too_deep:
        return None
    return builder.root
