"""Property tests for the calculators (hypothesis).

The printed percent of a random part and whole is computed here from exact
integer arithmetic, never by the code under test.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_cli.calc.precision import round_half_up
from cchc_cli.calc.ranks import places_gained, previous_rank
from cchc_cli.calc.shares import rest_percent, whole_number_range

D = Decimal


def printed_percent(part: int, whole: int, decimals: int) -> Decimal:
    """``part / whole * 100`` as a report prints it: half-up at ``decimals`` places.

    The quotient is truncated (floor division of integers) to one digit more than
    printed. Truncating can never move a value across the half-way mark: below it
    the extra digit is at most 4, at or above it the digit is at least 5. So the
    half-up quantize of the truncated number is the exact half-up rounding.
    """
    truncated = part * 100 * 10 ** (decimals + 1) // whole
    return D(truncated).scaleb(-(decimals + 1)).quantize(D(1).scaleb(-decimals),
                                                         rounding=ROUND_HALF_UP)


def test_printed_percent_helper() -> None:
    """The helper itself, on values checked by hand (it must be right for the rest to count)."""
    assert printed_percent(1818, 1876, 1) == D("96.9")  # 96.908
    assert printed_percent(1818, 1877, 1) == D("96.9")  # 96.857
    assert printed_percent(1818, 1878, 1) == D("96.8")  # 96.805
    assert printed_percent(1, 8, 1) == D("12.5")  # exact
    assert printed_percent(1, 16, 1) == D("6.3")  # 6.25, tie -> up
    assert printed_percent(1, 200, 0) == D("1")  # 0.5, tie -> up
    assert printed_percent(1, 201, 0) == D("0")  # 0.4975
    assert printed_percent(199, 200, 0) == D("100")  # 99.5, tie -> up
    assert printed_percent(0, 7, 2) == D("0.00")
    assert str(printed_percent(7, 7, 2)) == "100.00"


@st.composite
def part_of_whole(draw: st.DrawFn) -> tuple[int, int, int]:
    """A whole N >= 1, a part 0..N and a number of printed decimals 0..2.

    Small wholes and small parts are drawn often as well as any: a tiny part of a
    large whole (printed as 0%) and a part near its whole (printed as 100%) are
    the edges where a range is easiest to get wrong.
    """
    whole = draw(st.one_of(st.integers(min_value=1, max_value=300),
                           st.integers(min_value=1, max_value=2_000_000)))
    part = draw(st.one_of(st.integers(min_value=0, max_value=whole),
                          st.integers(min_value=0, max_value=min(whole, 20)),
                          st.integers(min_value=max(whole - 20, 0), max_value=whole)))
    decimals = draw(st.integers(min_value=0, max_value=2))
    return part, whole, decimals


@settings(max_examples=200, deadline=None)
@given(part_of_whole())
def test_whole_number_range_contains_the_true_whole(case: tuple[int, int, int]) -> None:
    """The true whole is always among the wholes a printed share allows.

    For any whole N and part 0..N, print part/N*100 half-up at 0, 1 or 2
    decimals; whole_number_range(part, printed) must exist and contain N.
    """
    part, whole, decimals = case
    percent = printed_percent(part, whole, decimals)
    found = whole_number_range(part, percent)
    assert found is not None, f"{part} of {whole} prints as {percent}%, yet no whole fits"
    low, high = found
    assert low <= whole, f"{part} of {whole} at {percent}%: range starts at {low}"
    assert high is None or whole <= high, f"{part} of {whole} at {percent}%: ends at {high}"


@settings(max_examples=200, deadline=None)
@given(part_of_whole())
def test_whole_number_range_is_tight(case: tuple[int, int, int]) -> None:
    """The ends of the range print as the percent, and the wholes just outside do not.

    A whole below the part is not counted: a part cannot exceed its whole.
    """
    part, whole, decimals = case
    percent = printed_percent(part, whole, decimals)
    found = whole_number_range(part, percent)
    assert found is not None
    low, high = found
    assert printed_percent(part, low, decimals) == percent
    if low - 1 >= max(part, 1):
        assert printed_percent(part, low - 1, decimals) != percent
    if high is not None:
        assert printed_percent(part, high, decimals) == percent
        assert printed_percent(part, high + 1, decimals) != percent


@st.composite
def percents_within_100(draw: st.DrawFn) -> list[Decimal]:
    """1 to 5 printed percents (0, 1 or 2 decimals each) that sum to at most 100."""
    budget = 10_000  # hundredths of a percent still free
    count = draw(st.integers(min_value=1, max_value=5))
    found: list[Decimal] = []
    for _ in range(count):
        decimals = draw(st.integers(min_value=0, max_value=2))
        unit = 10 ** (2 - decimals)  # hundredths in one printed step
        steps = draw(st.integers(min_value=0, max_value=budget // unit))
        budget -= steps * unit
        found.append(D(steps).scaleb(-decimals))
    return found


@settings(max_examples=200, deadline=None)
@given(percents_within_100())
def test_parts_and_rest_make_exactly_100(percents: list[Decimal]) -> None:
    """The stated parts plus rest_percent's central figure add up to exactly 100.

    Also the rest's range holds its central figure and never goes below 0.
    """
    rest = rest_percent(percents)
    assert sum(percents, D(0)) + rest.central == D(100)
    assert rest.low is not None
    assert rest.high is not None
    assert D(0) <= rest.low <= rest.central <= rest.high


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10_000), st.integers(min_value=0, max_value=10_000))
def test_a_places_gained_and_its_reverse_cancel(rank: int, moved: int) -> None:
    """Undoing a move by the same number of places returns the original rank.

    previous_rank(previous_rank(r, "up", k), "down", k) == r, and the same the
    other way round; and the places gained from the earlier rank are k.
    """
    earlier = previous_rank(rank, "up", moved)
    assert previous_rank(earlier, "down", moved) == rank
    assert previous_rank(previous_rank(rank, "down", moved), "up", moved) == rank
    assert places_gained(earlier, rank) == moved
    assert earlier - rank == moved  # up k places: the earlier rank number was k larger


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=4),
       st.booleans())
def test_round_half_up_never_rounds_a_tie_to_even(whole: int, decimals: int,
                                                  negative: bool) -> None:
    """A tie (a final 5 one place past ``decimals``) always goes away from zero.

    The tie is (whole + 1/2) * 10**-decimals, written exactly as the digits of
    whole followed by 5. Away from zero it becomes (whole + 1) * 10**-decimals,
    whether ``whole`` is even (where banker's rounding would go down) or odd.
    """
    sign = -1 if negative else 1
    tie = D(sign * (10 * whole + 5)).scaleb(-(decimals + 1))
    expected = D(sign * (whole + 1)).scaleb(-decimals)
    result = round_half_up(tie, decimals)
    assert result == expected
    assert abs(result) > abs(tie)
    assert result.as_tuple().exponent == -decimals  # printed at exactly ``decimals`` places
