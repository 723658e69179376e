"""The provinces registry: the bundled file against its sources, and every way of naming."""

from __future__ import annotations

import csv
import datetime
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from cchc_cli.names import fold
from cchc_cli.provinces import (
    FIRST_DATE,
    MERGER_DATE,
    Entry,
    UnknownProvince,
    key,
    load,
    registry,
)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "national"
LAST_FORMER_DAY = datetime.date(2025, 6, 30)
REGISTRY = registry()


def shared_rows(name: str) -> list[dict[str, str]]:
    """The rows of a file of ``../shared/national``; the test is skipped without it."""
    path = SHARED / name
    if not path.is_file():
        pytest.skip(f"{path} is not here: the originals of the registry live beside the repo")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def bare(name: str) -> str:
    """``Đà Nẵng`` -> ``Da Nang``: the name as typed without diacritics."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def day_of(entry: Entry) -> datetime.date:
    """A day the entry existed on."""
    return LAST_FORMER_DAY if entry.valid_to else MERGER_DATE


# --- the bundled file against the shared originals ----------------------------------------

def test_every_merger_row_is_in_the_registry() -> None:
    rows = shared_rows("provinces/merger_2025.csv")
    assert len(rows) == 63
    former = {e.name.vi: e for e in REGISTRY.former()}
    current = {e.name.vi: e for e in REGISTRY.current()}
    assert set(former) == {r["old_name_vi"] for r in rows}
    assert set(current) == {r["new_name_vi"] for r in rows}
    for row in rows:
        old, new = former[row["old_name_vi"]], current[row["new_name_vi"]]
        assert new.kind == row["new_kind"], new.id
        assert old.source == row["source_url"], old.id
        assert row["note"] in (old.note or ""), old.id
        if old.valid_to is None:  # unchanged by the merger: one unit in both eras
            assert old is new and not old.successor and not old.parts
            assert "unchanged" in row["note"]
        else:
            assert old.valid_to == LAST_FORMER_DAY and old.successor == new.id, old.id
            assert new.valid_from == MERGER_DATE and old.id in new.parts, new.id
            assert new.source == row["source_url"] and row["note"] in (new.note or ""), new.id


def test_each_merged_unit_is_formed_from_exactly_its_merger_rows() -> None:
    rows = shared_rows("provinces/merger_2025.csv")
    olds: dict[str, set[str]] = {}
    for row in rows:
        olds.setdefault(row["new_name_vi"], set()).add(row["old_name_vi"])
    for entry in REGISTRY.current():
        history = REGISTRY.history(entry.id)
        if len(olds[entry.name.vi]) == 1:
            assert history.parts == ()
        else:
            assert {p.name.vi for p in history.parts} == olds[entry.name.vi], entry.id
    assert sum(len(names) for names in olds.values() if len(names) > 1) == 52
    assert sum(1 for names in olds.values() if len(names) == 1) == 11


def test_portal_codes_join_the_current_units_by_name() -> None:
    rows = shared_rows("provinces/portal_codes_2026.csv")
    assert len(rows) == 34
    for row in rows:
        entry = REGISTRY.by_portal_code(row["departmentCode"])
        assert entry is not None and entry.valid_on(MERGER_DATE), row["departmentCode"]
        for column in ("departmentName_2026-09-17", "departmentName_2026-10-01"):
            name = re.sub(r"^UBND (tỉnh|thành phố) ", "", row[column], flags=re.IGNORECASE)
            assert name == entry.name.vi, (row["departmentCode"], row[column])
            assert REGISTRY.resolve(row[column]) is entry
        source = row["source_files"].split(" ; ")[0]
        assert entry.portal_source == f"https://{source}"
    assert {e.portal_code for e in REGISTRY.current()} == {r["departmentCode"] for r in rows}
    assert all(e.portal_code is None for e in REGISTRY.former() if e.valid_to)


def test_english_names_follow_the_papi_codebook() -> None:
    rows = shared_rows("papi/codebook/codebook_provinces.csv")
    assert len(rows) == 63
    for row in rows:
        entry = REGISTRY.resolve(row["Variable_Name"], on=LAST_FORMER_DAY)
        assert entry.valid_on(LAST_FORMER_DAY)
        assert entry.name.en == row["Variable_Name"] or (
            (entry.id, row["Variable_Name"]) == ("hue", "Thua Thien Hue"))
    assert len({REGISTRY.resolve(r["Variable_Name"], on=LAST_FORMER_DAY) for r in rows}) == 63


# --- the shape of the registry -------------------------------------------------------------

def test_ids_are_the_folded_name_and_cu_for_a_former_namesake() -> None:
    current_names = {e.name.vi for e in REGISTRY.current()}
    for entry in REGISTRY.entries:
        namesake = entry.valid_to is not None and entry.name.vi in current_names
        assert entry.id == fold(entry.name.vi) + ("-cu" if namesake else ""), entry.id
    assert len({e.id for e in REGISTRY.entries}) == len(REGISTRY.entries) == 86


def test_counts_and_kinds_in_each_era() -> None:
    assert len(REGISTRY.former()) == 63 and len(REGISTRY.current()) == 34
    assert Counter(e.kind for e in REGISTRY.current()) == {"tinh": 28, "thanh_pho": 6}
    before_hue = datetime.date(2024, 12, 31)
    assert Counter(e.kind_on(before_hue) for e in REGISTRY.former()) == {"tinh": 58,
                                                                         "thanh_pho": 5}
    # Huế became the sixth city under the central government on 1 January 2025
    assert Counter(e.kind_on(LAST_FORMER_DAY) for e in REGISTRY.former()) == {"tinh": 57,
                                                                              "thanh_pho": 6}


def test_field_size_is_63_before_the_merger_and_34_from_it() -> None:
    assert REGISTRY.field_size(LAST_FORMER_DAY) == 63
    assert REGISTRY.field_size(MERGER_DATE) == 34
    assert REGISTRY.field_size(FIRST_DATE) == 63
    assert REGISTRY.field_size(datetime.date(2030, 1, 1)) == 34
    with pytest.raises(ValueError, match="starts on 2008-08-01"):
        REGISTRY.field_size(datetime.date(2008, 7, 31))


def test_no_name_is_ambiguous_within_an_era() -> None:
    for day in (LAST_FORMER_DAY, MERGER_DATE):
        seen: dict[str, str] = {}
        for entry in REGISTRY.on(day):
            for name in {entry.id, entry.name.vi, entry.name.en, *entry.aliases}:
                other = seen.setdefault(key(name), entry.id)
                assert other == entry.id, (day, name, other, entry.id)


def test_ha_giang_became_part_of_tuyen_quang_on_1_july_2025() -> None:
    history = REGISTRY.history("ha-giang")
    assert history.successor is not None and history.successor.id == "tuyen-quang"
    assert history.successor.valid_from == datetime.date(2025, 7, 1)
    assert history.entry.valid_to == datetime.date(2025, 6, 30)
    assert {p.id for p in REGISTRY.history("tuyen-quang").parts} == {"ha-giang",
                                                                     "tuyen-quang-cu"}
    assert REGISTRY.history("hue").successor is None and REGISTRY.history("hue").parts == ()


# --- every way of naming a province --------------------------------------------------------

@pytest.mark.parametrize("entry", REGISTRY.former() + REGISTRY.current(), ids=lambda e: e.id)
def test_every_province_resolves_by_each_of_its_names(entry: Entry) -> None:
    on = day_of(entry)
    vi = entry.name.vi
    for written in (vi, bare(vi), vi.upper(), bare(vi).lower(),
                    unicodedata.normalize("NFD", vi), entry.id, entry.name.en,
                    f"UBND {entry.title('vi')}", f"Tỉnh {vi}", f"  {vi}  "):
        assert REGISTRY.resolve(written, on=on) is entry, written
    if entry.valid_on(MERGER_DATE):
        assert entry.portal_code is not None
        assert REGISTRY.resolve(entry.portal_code) is entry
        assert REGISTRY.resolve(entry.portal_code.lower()) is entry
        assert REGISTRY.by_portal_code(entry.portal_code) is entry
        assert REGISTRY.resolve(vi) is entry  # without a date: the current unit


@pytest.mark.parametrize(("written", "province_id"), [
    ("UBND tỉnh Đồng Tháp", "dong-thap"),
    ("ubnd tinh dong thap", "dong-thap"),
    ("UBND thành phố Bắc Ninh", "bac-ninh"),
    ("Tỉnh Hà Giang", "ha-giang"),
    ("TP. Hồ Chí Minh", "ho-chi-minh"),
    ("TP HCM", "ho-chi-minh"),
    ("TP.HCM", "ho-chi-minh"),
    ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
    ("HCMC", "ho-chi-minh"),
    ("Ho Chi Minh City", "ho-chi-minh"),
    ("Saigon", "ho-chi-minh"),
    ("Sài Gòn", "ho-chi-minh"),
    ("Thừa Thiên Huế", "hue"),
    ("Thua Thien Hue", "hue"),
    ("Tỉnh Thừa Thiên Huế", "hue"),
    ("Thành phố Huế", "hue"),
    ("Ha Giang", "ha-giang"),
    ("Ha Giang province", "ha-giang"),
    ("Đắk Lắk", "dak-lak"),
    ("Dak Lak", "dak-lak"),
    ("Đăk Lăk", "dak-lak"),
    ("Daklak", "dak-lak"),
    ("Hòa Bình", "hoa-binh"),
    ("Hoà Bình", "hoa-binh"),
    ("Thanh Hoá", "thanh-hoa"),
    ("Khánh Hoà", "khanh-hoa"),
    ("Bắc Cạn", "bac-kan"),
    ("Hanoi", "ha-noi"),
    ("Ha Noi", "ha-noi"),
    ("Danang", "da-nang"),
    ("Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"),
    ("H20", "dong-thap"),
    ("h60", "tuyen-quang"),
    ("Tuyên Quang", "tuyen-quang"),
    ("Tuyên Quang (cũ)", "tuyen-quang-cu"),
    ("tuyen-quang-cu", "tuyen-quang-cu"),
])
def test_the_ways_people_and_sources_write_a_province(written: str, province_id: str) -> None:
    assert REGISTRY.resolve(written).id == province_id


def test_tone_placement_and_normal_forms_do_not_matter() -> None:
    old_style, new_style = "Ho\u0300a Bi\u0300nh", "Hoa\u0300 Bi\u0300nh"  # decomposed
    for written in (old_style, new_style, unicodedata.normalize("NFC", old_style),
                    unicodedata.normalize("NFC", new_style)):
        assert REGISTRY.resolve(written).id == "hoa-binh"


@pytest.mark.parametrize(("written", "on", "province_id"), [
    ("Tuyên Quang", datetime.date(2024, 12, 31), "tuyen-quang-cu"),
    ("Tuyên Quang", datetime.date(2025, 6, 30), "tuyen-quang-cu"),
    ("Tuyên Quang", datetime.date(2025, 7, 1), "tuyen-quang"),
    ("HCMC", datetime.date(2023, 1, 1), "ho-chi-minh-cu"),
    ("H29", datetime.date(2023, 1, 1), "ho-chi-minh"),  # a portal code names a current unit
    ("Hà Giang", datetime.date(2026, 1, 1), "ha-giang"),  # a single unit, whatever the day
    ("Huế", datetime.date(2020, 1, 1), "hue"),
])
def test_a_date_picks_the_unit_of_its_era(written: str, on: datetime.date,
                                          province_id: str) -> None:
    assert REGISTRY.resolve(written, on=on).id == province_id


def test_an_unknown_name_gets_a_did_you_mean() -> None:
    with pytest.raises(UnknownProvince) as raised:
        REGISTRY.resolve("Tuyen Qang")
    assert str(raised.value) == ("unknown province 'Tuyen Qang'; did you mean "
                                 "Tuyên Quang (tuyen-quang) or Tiền Giang (tien-giang)?")
    assert isinstance(raised.value, LookupError)
    with pytest.raises(UnknownProvince, match=r"^unknown province 'Atlantis'$"):
        REGISTRY.resolve("Atlantis")
    assert REGISTRY.matches("Atlantis") == []
    assert REGISTRY.get("atlantis") is None and REGISTRY.by_portal_code("H99") is None


def test_titles_name_the_kind() -> None:
    assert REGISTRY.resolve("tuyen-quang").title("vi") == "tỉnh Tuyên Quang"
    assert REGISTRY.resolve("tuyen-quang").title("en") == "Tuyen Quang province"
    assert REGISTRY.resolve("HCMC").title("vi") == "thành phố Hồ Chí Minh"
    assert REGISTRY.resolve("HCMC").title("en") == "Ho Chi Minh City"


def test_a_file_with_other_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "provinces.csv"
    path.write_text("id,name\nx,X\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is not the header id,name_vi"):
        load(str(path))
