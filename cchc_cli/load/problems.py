"""Problems found in data files, and the error that carries them."""

from __future__ import annotations

from cchc_cli.record import Record

EMPTY = "the value is empty"
"""The message of a field written with no value (a template not yet filled in)."""


class Problem(Record):
    """One thing wrong with a file: where, which field, what, and how to fix it."""

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"

    @property
    def empty(self) -> bool:
        """Whether the problem is only a value left empty."""
        return self.message == EMPTY

    def as_dict(self) -> dict[str, object]:
        """The problem as a JSON-ready mapping."""
        return self._asdict()


class DataError(Exception):
    """One or more data files could not be loaded; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
