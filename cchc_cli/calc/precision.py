"""Decimal precision and half-up rounding, as the reports print numbers.

A printed number carries its precision: ``96.9`` means some value in
``[96.85, 96.95)`` once rounded half-up to one decimal. Calculators use that
interval to give ranges instead of inventing digits.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal

from cchc_cli.record import Record

ONE_HUNDRED = Decimal(100)


def places(number: Decimal) -> int:
    """How many decimals ``number`` was written with (``76.90`` has 2, ``1818`` has 0)."""
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def half_step(decimals: int) -> Decimal:
    """Half of the last printed place: 0.05 for one decimal, 0.5 for none."""
    return Decimal(5).scaleb(-decimals - 1)


_EXACT = Context(prec=120)
"""Room for any rounded result: inputs have at most 18 digits, so results stay far below."""


def round_half_up(number: Decimal, decimals: int = 0) -> Decimal:
    """Round half away from zero at ``decimals`` places (2.25 -> 2.3, never 2.2)."""
    return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP,
                           context=_EXACT)


def floor(number: Decimal) -> int:
    """The largest whole number not above ``number``."""
    return int(number.to_integral_value(rounding=ROUND_FLOOR))


def ceil(number: Decimal) -> int:
    """The smallest whole number not below ``number``."""
    return int(number.to_integral_value(rounding=ROUND_CEILING))


_WIDE = Context(prec=34)


def divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    """Divide with 34 significant digits, far beyond any printed figure."""
    return _WIDE.divide(numerator, denominator)


class Estimate(Record):
    """A derived value: a central figure and the range its inputs allow.

    ``low`` and ``high`` are None when the value is exact. ``decimals`` is the
    precision to print the central figure with.
    """

    central: Decimal
    low: Decimal | None
    high: Decimal | None
    decimals: int

    @property
    def is_range(self) -> bool:
        """Whether the inputs allow more than one value."""
        return self.low is not None and self.high is not None and self.low != self.high


def exact(value: Decimal, decimals: int | None = None) -> Estimate:
    """An estimate with no uncertainty."""
    return Estimate(value, None, None, places(value) if decimals is None else decimals)
