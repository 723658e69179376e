"""Turn scalar text into typed values, explaining the usual typing mistakes.

Every function returns ``(value, None)`` or ``(None, (message, hint))``. The
messages cover what people type when copying figures out of Vietnamese prose
(``1.818``, ``96,9``, ``96,9%``) and the YAML 1.1 readings that surprise
(``no`` as false, ``1:20`` as 80, ``010`` as 8).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cchc_cli.load.problems import EMPTY

Failure = tuple[str, str]

MAX_DIGITS = 18
"""Most digits a number may have; arithmetic works to 34, so nothing overflows it."""

_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")
# The patterns below explain mistakes; they are compiled (and cached by ``re``)
# on first use, so a valid file never pays for them.
_LEADING_ZERO = r"-?0[0-9]+(?:\.[0-9]+)?\Z"
_DOT_THOUSANDS = r"-?[1-9][0-9]{0,2}(?:\.[0-9]{3})+\Z"
_COMMA_THOUSANDS = r"-?[1-9][0-9]{0,2}(?:,[0-9]{3})+\Z"
_COMMA_DECIMAL = r"-?[0-9]+,[0-9]+\Z"
_SEXAGESIMAL = r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z"
_YAML_NUMBER = (
    r"[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
    r"|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
)
UNKNOWN_DATE = "unknown"
"""A source date that is not known at all."""
_DATE = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z"
_YAML_DATETIME = r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?\Z"
_NUMERIC_START = frozenset("0123456789+-.")
_BOOLEAN_WORDS = frozenset(
    word
    for base in ("yes", "no", "on", "off", "true", "false", "y", "n")
    for word in (base, base.capitalize(), base.upper())
)
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})


def is_null(text: str, plain: bool) -> bool:
    """Whether a scalar is YAML's null (an empty or ``~``/``null`` plain scalar)."""
    return plain and text in _NULL_WORDS


def yaml_reading(text: str) -> str | None:
    """What a YAML tool would read a plain scalar as, if not as text.

    Returns a short description such as ``"the boolean false"``, or None when
    every YAML version reads it as text.
    """
    if text in _BOOLEAN_WORDS:
        meaning = "true" if text.lower() in {"yes", "on", "true", "y"} else "false"
        return f"the boolean {meaning}"
    if text in _NULL_WORDS:
        return "null (no value)"
    if text[0] not in _NUMERIC_START:
        return None
    if " " in text or "\t" in text:  # only a YAML 1.1 timestamp holds a space
        return "a date" if text[:4].isdigit() and re.match(_YAML_DATETIME, text) else None
    if re.match(_SEXAGESIMAL, text):
        return f"the number {_sexagesimal_value(text)} (base 60)"
    if re.match(_LEADING_ZERO, text) and "." not in text:
        return f"the number {int(text, 8) if set(text) <= set('-01234567') else text} (octal)"
    if re.match(_YAML_NUMBER, text):
        return "a number"
    if re.match(_YAML_DATETIME, text):
        return "a date"
    return None


def _sexagesimal_value(text: str) -> str:
    sign = -1 if text.startswith("-") else 1
    whole = text.lstrip("+-").split(".", 1)[0].replace("_", "")
    total = 0
    for part in whole.split(":"):
        total = total * 60 + int(part)
    return str(sign * total)


def to_string(text: str, plain: bool) -> tuple[str | None, Failure | None]:
    """Read text, refusing plain scalars that YAML tools read as something else."""
    if plain:
        reading = yaml_reading(text)
        if reading is not None:
            return None, (
                f"'{text}' is read by YAML as {reading}, not as text",
                f"put it in quotes: '{text}'",
            )
    return text, None


def to_date(text: str, plain: bool) -> tuple[str | None, Failure | None]:
    """Read an ISO date (``2024-01-01``), a month (``2025-01``) or a year (``2024``) when
    that is all that is known, or ``unknown``."""
    if text == UNKNOWN_DATE:
        return text, None
    if not re.match(_DATE, text):
        return None, (f"'{text}' is not a date",
                      "write it as YYYY-MM-DD, or YYYY-MM or YYYY when that is all that is "
                      "known, or 'unknown'")
    from datetime import date

    try:
        date.fromisoformat({4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text))
    except ValueError:
        return None, (f"'{text}' is not a real calendar date", "check the month and the day")
    return text, None


def to_number(text: str, plain: bool) -> tuple[Decimal | None, Failure | None]:
    """Read a decimal number written the plain YAML way (``1818``, ``96.9``)."""
    if not plain:
        return None, (
            f"expected a number, found the quoted text '{text}'",
            "remove the quotes" if _NUMBER.match(text) else "write a number such as 96.9",
        )
    if _NUMBER.match(text):
        if len(text) - text.count("-") - text.count(".") > MAX_DIGITS:
            return None, (f"'{text}' has more than {MAX_DIGITS} digits",
                          "no report figure is that long; check the value")
        return Decimal(text), None
    return None, _number_failure(text)


def _number_failure(text: str) -> Failure:
    """Explain why ``text`` is not a number, and what was probably meant."""
    bare = text.replace(" ", "")
    if bare.endswith("%"):
        return f"'{text}' has a percent sign", f"write {bare[:-1].replace(',', '.')} without '%'"
    if re.match(_COMMA_THOUSANDS, bare):
        digits = bare.replace(",", "")
        return (
            f"'{text}' uses ',' as a thousands separator",
            f"write {digits}, or {bare.replace(',', '.')} if ',' was the decimal mark",
        )
    if re.match(_COMMA_DECIMAL, bare):
        return f"'{text}' uses ',' as the decimal mark", f"write {bare.replace(',', '.')}"
    if bare != text and _NUMBER.match(bare):
        return f"'{text}' has spaces inside the number", f"write {bare}"
    if re.match(_SEXAGESIMAL, text):
        return (
            f"'{text}' is read by YAML 1.1 as {_sexagesimal_value(text)} (base 60)",
            "write the number you mean, without ':'",
        )
    if re.match(_LEADING_ZERO, text):
        return (
            f"'{text}' has a leading zero; YAML 1.1 reads it as an octal number",
            f"write {text.lstrip('0') or '0'}",
        )
    if text in _BOOLEAN_WORDS:
        return f"'{text}' is read by YAML as a boolean, not a number", "write the number"
    if text.lower() in {".inf", "-.inf", "+.inf", ".nan"}:
        return f"'{text}' is not a finite number", "write the number that the source prints"
    if is_null(text, True):
        return EMPTY, "write the number that the source prints"
    return (
        f"'{text}' is not a plain decimal number",
        "write digits with an optional '.' decimal part, e.g. 1818 or 96.9",
    )


def to_integer(text: str, plain: bool) -> tuple[int | None, Failure | None]:
    """Read a whole number; explain ``1.818`` (Vietnamese thousands) and ``12.5``."""
    number, failure = to_number(text, plain)
    if number is None:
        return None, failure
    if number == number.to_integral_value() and "." not in text:
        return int(number), None
    if re.match(_DOT_THOUSANDS, text):
        digits = text.replace(".", "")
        return None, (
            f"'{text}' is read as the decimal {text}, not a whole number",
            f"did you mean {digits}? write it without the '.' thousands separator",
        )
    return None, (f"'{text}' is not a whole number", "a count or a rank has no decimal part")
