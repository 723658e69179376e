"""Grades: which band a score falls in, and whether the reported grade agrees."""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.model import Band
from cchc_cli.record import Record


class GradeCheck(Record):
    """The band a score falls in and whether the reported grade is that band's."""

    band: Band | None
    reported: str | None
    agrees: bool | None
    """None when there is nothing to compare (no band, or no grade reported)."""


def band_for(score: Decimal, bands: tuple[Band, ...]) -> Band | None:
    """The band that contains ``score``, or None if none does."""
    for band in bands:
        if band.contains(score):
            return band
    return None


def check_grade(score: Decimal, reported: str | None, bands: tuple[Band, ...]) -> GradeCheck:
    """Compare the reported grade with the band ``score`` falls in."""
    band = band_for(score, bands)
    if band is None or reported is None:
        return GradeCheck(band, reported, None)
    return GradeCheck(band, reported, band.grade == reported)
