"""The words cchc prints, in Vietnamese and English, and how the language is chosen."""

from __future__ import annotations

import os

from cchc_cli.model import Lang, Text
from cchc_cli.periods import Period

AREA_NAMES: dict[str, Text] = {
    "direction": Text("Chỉ đạo, điều hành CCHC", "Direction and management of reform"),
    "institutions": Text("Cải cách thể chế", "Institutional reform"),
    "procedures": Text("Cải cách thủ tục hành chính", "Administrative procedure reform"),
    "apparatus": Text("Cải cách tổ chức bộ máy hành chính nhà nước",
                      "Reform of the state administrative apparatus"),
    "civil_service": Text("Cải cách chế độ công vụ", "Civil service reform"),
    "public_finance": Text("Cải cách tài chính công", "Public finance reform"),
    "digital_government": Text("Xây dựng, phát triển Chính phủ điện tử, Chính phủ số",
                               "E-government and digital government"),
}

KIND_NAMES: dict[str, Text] = {
    "count": Text("số lượng", "count"),
    "percent": Text("tỷ lệ", "percent"),
    "score": Text("điểm", "score"),
    "rank": Text("xếp hạng", "rank"),
    "money": Text("tiền", "money"),
    "duration": Text("thời gian", "duration"),
}

QUALIFIER_NAMES: dict[str, Text] = {
    "exact": Text("chính xác", "exact"),
    "approx": Text("ước tính", "approximate"),
    "at_least": Text("ít nhất", "at least"),
    "at_most": Text("nhiều nhất", "at most"),
}

WORDS: dict[str, Text] = {
    "figure": Text("Chỉ tiêu", "Figure"),
    "value": Text("Giá trị", "Value"),
    "implies": Text("Suy ra", "What it implies"),
    "id": Text("Mã", "Id"),
    "area": Text("Lĩnh vực", "Area"),
    "kind": Text("Loại", "Kind"),
    "years": Text("Năm", "Years"),
    "year": Text("Năm", "Year"),
    "period": Text("Kỳ", "Period"),
    "every_province": Text("các tỉnh, thành phố", "every province"),
    "source": Text("Nguồn", "Source"),
    "sources": Text("Nguồn", "Sources"),
    "excerpt": Text("Trích dẫn", "Excerpt"),
    "qualifier": Text("Mức chính xác", "Qualifier"),
    "note": Text("Ghi chú", "Note"),
    "province": Text("Tỉnh", "Province"),
    "score": Text("Điểm", "Score"),
    "rank": Text("Xếp hạng", "Rank"),
    "derived": Text("Giá trị suy ra", "Derived"),
    "arithmetic": Text("Cách tính", "Arithmetic"),
    "measure": Text("Đại lượng", "Measure"),
    "file": Text("Tệp", "File"),
    "publisher": Text("Cơ quan đăng", "Publisher"),
    "date": Text("Ngày", "Date"),
    "title": Text("Tiêu đề", "Title"),
    "url": Text("Địa chỉ", "Address"),
    "summary_title": Text("Kết quả CCHC {province} {period}",
                          "{province}: administrative reform results, {period}"),
    "valid": Text("{files} tệp hợp lệ", "{files} file(s) valid"),
    "draft": Text("{files} tệp hợp lệ nhưng là bản nháp: còn {guesses} phỏng đoán cần xác "
                  "nhận ở {marks} chỗ",
                  "{files} file(s) valid but draft: {guesses} guess(es) in {marks} place(s) "
                  "left to confirm"),
    "invalid": Text("{problems} lỗi trong {files} tệp", "{problems} problem(s) in {files} file(s)"),
    "derived_year": Text("suy ra từ báo cáo năm sau", "implied by a later report"),
    "report": Text("Báo cáo", "Report"),
    "check_title": Text("Kiểm tra số liệu", "Arithmetic check"),
    "years_title": Text("Tỉnh và năm trong dữ liệu", "Provinces and years in the data"),
    "metrics_title": Text("Các chỉ tiêu trong dữ liệu", "Figures in the data"),
    "export_title": Text("Tất cả số liệu", "Every figure"),
    "agrees": Text("khớp", "agrees"),
    "place": Text("Hạng", "Place"),
    "stated": Text("Báo cáo ghi", "Stated"),
    "in_table": Text("Bảng toàn quốc", "National table"),
    "total": Text("Tổng điểm", "Total"),
    "ahead": Text("Xếp trên", "Ahead"),
    "no_data": Text("Không có số liệu", "No data"),
    "median": Text("Trung vị", "Median"),
    "best": Text("Cao nhất", "Best"),
    "maximum": Text("Tối đa", "Maximum"),
    "measure_name": Text("Thành phần", "Component"),
    "gap_up": Text("Kém hạng trên", "Behind the place above"),
    "gap_down": Text("Hơn hạng dưới", "Ahead of the place below"),
    "field": Text("Số tỉnh có số liệu", "Provinces with data"),
    "tied_note": Text("= đồng hạng", "= tied"),
    "highlight_note": Text("► tỉnh được chọn", "► the province asked for"),
    "derived_note": Text("Tổng điểm và điểm các lĩnh vực là tổng các thành phần (suy ra)",
                         "Totals and dimension scores are sums of their parts (derived)"),
    "score_rises": Text("Tăng điểm nhiều nhất", "Biggest rises in score"),
    "score_falls": Text("Giảm điểm nhiều nhất", "Biggest falls in score"),
    "place_rises": Text("Tăng hạng nhiều nhất", "Biggest rises in place"),
    "place_falls": Text("Giảm hạng nhiều nhất", "Biggest falls in place"),
    "only_in": Text("Chỉ có trong {period}", "Only in {period}"),
    "before": Text("Trước", "Before"),
    "after": Text("Sau", "After"),
    "change": Text("Thay đổi", "Change"),
    "break_method": Text("Phương pháp thay đổi giữa hai kỳ ({before} → {after}): tổng điểm "
                         "không cùng thang ({max_before} và {max_after} điểm), chỉ so sánh "
                         "thứ hạng",
                         "The methodology changed between the two ({before} → {after}): "
                         "totals are on different scales ({max_before} and {max_after} "
                         "points), so only places are compared"),
    "break_merger": Text("Hai kỳ nằm hai bên đợt sáp nhập tỉnh ngày 1/7/2025: thứ hạng không "
                         "cùng một nhóm tỉnh nên không so sánh; chỉ so sánh điểm của các đơn "
                         "vị có trong cả hai",
                         "The 2025 merger of provinces (1 July 2025) lies between the two: "
                         "places are among different provinces and are not compared; scores "
                         "are compared for units in both"),
    "break_marker": Text("▲ phương pháp mới từ kỳ này", "▲ new methodology from here"),
    "share_of_max": Text("% điểm tối đa", "% of maximum"),
    "part_of": Text("{part} (nay thuộc {whole})", "{part} (now part of {whole})"),
    "among_all": Text("So với các tỉnh", "Among all provinces"),
    "strengths": Text("Mạnh nhất", "Strongest"),
    "weaknesses": Text("Yếu nhất", "Weakest"),
    "cross_check_title": Text("Đối chiếu với bảng xếp hạng toàn quốc",
                              "Against the national tables"),
    "disagrees": Text("không khớp", "disagrees"),
}


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_ROMAN = ("I", "II", "III", "IV")


def period_label(period: Period, lang: Lang) -> str:
    """``năm 2024``, ``quý III/2024``, ``tháng 7/2024`` / ``2024``, ``Q3 2024``, ``July 2024``."""
    year, number = period.year, period.number or 0
    if period.kind == "year":
        return f"năm {year}" if lang == "vi" else str(year)
    if period.kind == "half":
        if lang == "vi":
            return f"6 tháng {'đầu' if number == 1 else 'cuối'} năm {year}"
        return f"H{number} {year}"
    if period.kind == "quarter":
        return f"quý {_ROMAN[number - 1]}/{year}" if lang == "vi" else f"Q{number} {year}"
    if period.kind == "month":
        return f"tháng {number}/{year}" if lang == "vi" else f"{_MONTHS_EN[number - 1]} {year}"
    day = period.as_of
    if lang == "vi":
        return f"năm {year} tính đến ngày {day:%d/%m/%Y}" if day else f"năm {year} đến nay"
    return f"{year} to {day.day} {_MONTHS_EN[day.month - 1]}" if day else f"{year} to date"


def date_text(text: str, lang: Lang) -> str:
    """A date as the data gives it (day, month, year or unknown), written for ``lang``.

    Vietnamese: ``01/01/2024``, ``tháng 1/2025``, ``năm 2024``; English keeps ISO.
    """
    if text == "unknown":
        return "không rõ ngày" if lang == "vi" else "date unknown"
    if lang == "en":
        return text
    parts = text.split("-")
    if len(parts) == 3:
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    if len(parts) == 2:
        return f"tháng {int(parts[1])}/{parts[0]}"
    return f"năm {text}"


def period_kind_name(period: Period, lang: Lang) -> str:
    """What kind of period it is: ``a month``, ``a whole year``, …"""
    return PERIOD_KINDS[period.kind].get(lang)


PERIOD_KINDS: dict[str, Text] = {
    "year": Text("cả năm", "a whole year"),
    "half": Text("nửa năm", "a half-year"),
    "quarter": Text("một quý", "a quarter"),
    "month": Text("một tháng", "a month"),
    "ytd": Text("từ đầu năm đến một ngày", "a year to date"),
}


def ordinal(place: int, lang: Lang) -> str:
    """``30th`` / ``hạng 30``."""
    if lang == "vi":
        return f"hạng {place}"
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10,
                                                                                "th")
    return f"{place}{suffix}"


def place_of(place: int, field: int, lang: Lang) -> str:
    """``30th of 61`` / ``hạng 30/61``."""
    return f"hạng {place}/{field}" if lang == "vi" else f"{ordinal(place, lang)} of {field}"


def word(key: str, lang: Lang) -> str:
    """A word or phrase from ``WORDS`` in ``lang``."""
    return WORDS[key].get(lang)


def area_name(area: str, lang: Lang) -> str:
    """The name of a reform area."""
    return AREA_NAMES[area].get(lang)


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    """Vietnamese when the locale is ``vi_*``, else English (``--lang`` and ``CCHC_LANG``
    are read by click before this is asked)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"
