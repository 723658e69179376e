"""Reading numbers as Vietnamese prints them, and telling facts from dates and labels."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.draft.aside import set_aside
from cchc_cli.draft.classify import read
from cchc_cli.draft.numbers import read_number, read_numbers
from cchc_cli.numfmt import number


@pytest.mark.parametrize(("printed", "value"), [
    ("1.818", "1818"),
    ("163.909", "163909"),
    ("1.234.567", "1234567"),
    ("96,9", "96.9"),
    ("76,90", "76.90"),
    ("90,450", "90.450"),
    ("1.234,5", "1234.5"),
    ("0,6", "0.6"),
    ("86.45", "86.45"),      # a dot before two digits cannot group thousands
    ("0.660", "0.660"),      # nor before a leading zero
    ("2023", "2023"),
    ("1.2.3", None),
    ("1,2,3", None),
    ("12.34.567", None),
])
def test_read_number(printed: str, value: str | None) -> None:
    found = read_number(printed)
    assert (None if found is None else str(found)) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("đạt 96,9%.", ("96,9%", "96.9", None, True, None)),
    ("vị trí thứ 14/63 tỉnh", ("14/63", "14", "63", False, None)),
    ("tổng 77,65/100 điểm", ("77,65/100", "77.65", "100", False, None)),
    ("1,7 triệu lượt", ("1,7", "1.7", None, False, "triệu")),
    ("2.295 tỷ đồng", ("2.295", "2295", None, False, "tỷ")),
    ("đứng thứ hai cả nước", ("thứ hai", "2", None, False, None)),
    ("xếp vị trí thứ nhất trong 63 tỉnh", ("thứ nhất", "1", None, False, None)),
])
def test_read_numbers(text: str, expected: tuple[str, str, str | None, bool, str | None]
                      ) -> None:
    token = read_numbers(text)[0]
    over = None if token.over is None else str(token.over)
    assert (token.printed, str(token.value), over, token.percent, token.scale) == expected
    assert text[token.start:token.end] == expected[0]


def test_the_weekday_is_not_a_rank() -> None:
    assert read_numbers("họp vào thứ hai hằng tuần") == []


@given(st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False,
                   allow_infinity=False))
def test_a_number_printed_vietnamese_style_reads_back(value: Decimal) -> None:
    printed = number(value, "vi")
    read_back = read_number(printed)
    assert read_back == value
    assert read_back is not None and read_back.as_tuple().exponent == value.as_tuple().exponent


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=3))
def test_printed_places_are_kept(units: int, places: int) -> None:
    value = Decimal(units).scaleb(-places)
    assert str(read_number(number(value, "vi"))) == str(value)


@pytest.mark.parametrize(("sentence", "why"), [
    ("Cập nhật ngày: 06/07/2021 | 08:47 GMT+7", ["date", "time"]),
    ("Sáng 17/4, tại Hà Nội", ["date"]),
    ("Chiều 28- 8, UBND tỉnh", ["date"]),
    ("theo Quyết định số 766/QĐ-TTg", ["document_number"]),
    ("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", ["document_number", "date"]),
    ("17 nhiệm vụ tại Đề án số 06", [None, "project_number"]),
    ("Đề án 06 của Chính phủ", ["project_number"]),
    ("1.790 dịch vụ công trực tuyến mức độ 3, 4, trong đó", [None, "service_level"]),
    ("814 dịch vụ mức độ 3 và 976 dịch vụ mức độ 4", [None, "service_level", None,
                                                       "service_level"]),
    ("trong 6 tháng đầu năm 2021", ["period", "year"]),
    ("Trong quý I/2023, toàn tỉnh có 178.661 hồ sơ", ["period", None]),
    ("tăng 5 bậc so với năm 2022", [None, "year"]),
    ("dịch COVID-19 kéo dài", ["name"]),
    ("367/814 dịch vụ", [None]),
    ("xếp thứ 4/12 huyện", [None]),
])
def test_numbers_that_state_no_fact_are_set_aside(sentence: str, why: list[str | None]) -> None:
    tokens = read_numbers(sentence)
    found = set_aside(sentence, tokens, at_line_start=True)
    # a date or time made of several numbers (08:47) is set aside once, as a whole
    once = [item for i, item in enumerate(found)
            if item is None or i == 0 or item != found[i - 1]]
    assert [None if item is None else item.why for item in once] == why


@pytest.mark.parametrize(("sentence", "kind", "qualifier", "role"), [
    ("thu ngân sách ước đạt 2.295 tỷ đồng", "money", "approx", "value"),
    ("hơn 200.000 hồ sơ trực tuyến", "count", "at_least", "value"),
    ("gần 1.000 tài khoản", "count", "approx", "value"),
    ("dưới 80%.", "percent", "at_most", "share"),
    ("cao hơn 0,66% so với đơn vị xếp thứ 2", "percent", "exact", "change"),
    ("bằng 101,3% kế hoạch T.Ư giao", "percent", "exact", "attainment"),
    ("đạt 76,90 điểm", "score", "exact", "value"),
    ("vươn lên vị trí thứ 14/63 tỉnh", "rank", "exact", "value"),
    ("chiến dịch 12 ngày đêm", "duration", "exact", "value"),
    ("trong tốp 5 địa phương dẫn đầu", "count", "exact", "group"),
    ("tăng 5 bậc so với năm 2022", "count", "exact", "change"),
    ("100% TTHC theo hình thức trực tuyến", "percent", "exact", "value"),
])
def test_kind_qualifier_and_role(sentence: str, kind: str, qualifier: str, role: str) -> None:
    token = next(t for t in read_numbers(sentence) if t.value != 2)
    reading = read(token, sentence)
    assert (reading.kind, reading.qualifier, reading.role) == (kind, qualifier, role)


@pytest.mark.parametrize(("value", "form", "present"), [
    ("86.45", "86.45", True),       # a Vietnamese source printing an English decimal
    ("90.450", "90.450", False),    # would read as 90,450 thousands: not accepted
    ("2", "thứ hai", True),
    ("1700000", "1,7 triệu", True),
    ("1818", "1.818", True),
])
def test_verify_knows_how_vietnamese_sources_print(value: str, form: str, present: bool) -> None:
    from cchc_cli.calc.verify import printed_forms

    assert (form in printed_forms(Decimal(value), "vi")) is present
