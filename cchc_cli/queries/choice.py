"""What a command asks for: where the data is, and which province and period.

Its own module, so that commands over national tables, which never load a
report, do not import the report catalogue to name their choice.
"""

from __future__ import annotations

from cchc_cli.periods import Period, year_period
from cchc_cli.record import Record


class DataChoice(Record):
    """Where the data is and which province and period to use."""

    data: tuple[str, ...]
    """Every ``--data`` given (``bundled`` names the bundled datasets); empty for the default."""
    province: str | None
    year: int | None
    period: Period | None = None

    def asked(self) -> Period | None:
        """The period asked for with ``--period`` or ``--year``, if any."""
        return self.period or (year_period(self.year) if self.year else None)
