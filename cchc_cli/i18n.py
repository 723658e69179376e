"""Every word cchc prints, in Vietnamese and English.

This is the one catalogue: views, renderers and messages ask it for a phrase by
its key (``word("top_share", lang, share="19%")``) and never branch on the
language themselves. The Vietnamese follows the terms of Resolution 76/NQ-CP
(the 2021–2030 master programme of administrative reform) and Decision
766/QĐ-TTg (the service index); ``docs/glossary.md`` lists each term with its
source. A template's ``{names}`` are filled with ``str.format``; a language
may leave a value out where its grammar has no place for it. Which language an
answer is in, unless one is asked for, is ``render.formats.default_lang``.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from cchc_cli.model import Lang, Text
from cchc_cli.periods import Period

if TYPE_CHECKING:
    from cchc_cli.load.problems import Problem

AREA_NAMES: dict[str, Text] = {
    "direction": Text("Công tác chỉ đạo, điều hành cải cách hành chính",
                      "Direction and management of reform"),
    "institutions": Text("Cải cách thể chế", "Institutional reform"),
    "procedures": Text("Cải cách thủ tục hành chính", "Administrative procedure reform"),
    "apparatus": Text("Cải cách tổ chức bộ máy hành chính nhà nước",
                      "Reform of the state administrative apparatus"),
    "civil_service": Text("Cải cách chế độ công vụ", "Civil service reform"),
    "public_finance": Text("Cải cách tài chính công", "Public finance reform"),
    "digital_government": Text("Xây dựng và phát triển chính quyền điện tử, chính quyền số",
                               "E-government and digital government"),
}
"""The reform areas (Resolution 76/NQ-CP, as a province's report names them)."""

KIND_NAMES: dict[str, Text] = {
    "count": Text("số lượng", "count"),
    "percent": Text("tỷ lệ", "percent"),
    "score": Text("điểm", "score"),
    "rank": Text("thứ hạng", "rank"),
    "money": Text("số tiền", "money"),
    "duration": Text("thời gian", "duration"),
}

QUALIFIER_NAMES: dict[str, Text] = {
    "exact": Text("số chính xác", "exact"),
    "approx": Text("số ước tính", "approximate"),
    "at_least": Text("số tối thiểu (từ mức này trở lên)", "at least"),
    "at_most": Text("số tối đa (không quá mức này)", "at most"),
}

PERIOD_KINDS: dict[str, Text] = {
    "year": Text("cả năm", "a whole year"),
    "half": Text("sáu tháng", "a half-year"),
    "quarter": Text("một quý", "a quarter"),
    "month": Text("một tháng", "a month"),
    "ytd": Text("từ đầu năm đến một ngày", "a year to date"),
}

WORDS: dict[str, Text] = {
    # column headings and labels
    "figure": Text("Chỉ tiêu", "Figure"),
    "value": Text("Giá trị", "Value"),
    "implies": Text("Diễn giải", "What it implies"),
    "id": Text("Mã", "Id"),
    "area": Text("Lĩnh vực", "Area"),
    "kind": Text("Loại", "Kind"),
    "years": Text("Năm", "Years"),
    "year": Text("Năm", "Year"),
    "period": Text("Kỳ báo cáo", "Period"),
    "every_province": Text("các tỉnh, thành phố", "every province"),
    "source": Text("Nguồn", "Source"),
    "sources": Text("Nguồn", "Sources"),
    "excerpt": Text("Trích dẫn", "Excerpt"),
    "qualifier": Text("Tính chất số liệu", "Qualifier"),
    "note": Text("Ghi chú", "Note"),
    "province": Text("Tỉnh, thành phố", "Province"),
    "score": Text("Điểm", "Score"),
    "rank": Text("Xếp hạng", "Rank"),
    "derived": Text("Các số liệu tính từ chỉ tiêu", "Derived"),
    "arithmetic": Text("Cách tính", "Arithmetic"),
    "measure": Text("Nội dung", "Measure"),
    "file": Text("Tệp", "File"),
    "publisher": Text("Cơ quan đăng tải", "Publisher"),
    "author": Text("Tác giả", "Author"),
    "date": Text("Ngày", "Date"),
    "title": Text("Tiêu đề", "Title"),
    "url": Text("Địa chỉ", "Address"),
    "change": Text("Thay đổi", "Change"),
    "severity": Text("Mức độ", "Severity"),
    "status": Text("Kết quả", "Status"),
    "missing": Text("Còn thiếu", "Missing"),
    "line": Text("Dòng", "Line"),
    "number": Text("Số", "Number"),
    "context": Text("Ngữ cảnh", "Context"),
    "figure_count": Text("Số chỉ tiêu", "Figures"),
    "place": Text("Hạng", "Place"),
    "stated": Text("Báo cáo ghi", "Stated"),
    "in_table": Text("Bảng xếp hạng toàn quốc", "National table"),
    "total": Text("Tổng điểm", "Total"),
    "ahead": Text("Xếp trên", "Ahead"),
    "no_data": Text("Không có số liệu", "No data"),
    "median": Text("Trung vị", "Median"),
    "best": Text("Cao nhất", "Best"),
    "maximum": Text("Tối đa", "Maximum"),
    "measure_name": Text("Thành phần", "Component"),
    "gap_up": Text("Kém hạng trên", "Behind the place above"),
    "gap_down": Text("Hơn hạng dưới", "Ahead of the place below"),
    "field": Text("Số tỉnh, thành phố có số liệu", "Provinces with data"),
    # titles
    "summary_title": Text("Kết quả CCHC {province} {period}",
                          "{province}: administrative reform results, {period}"),
    "report": Text("Báo cáo", "Report"),
    "check_title": Text("Kiểm tra số liệu", "Arithmetic check"),
    "years_title": Text("Tỉnh và năm trong dữ liệu", "Provinces and years in the data"),
    "metrics_title": Text("Các chỉ tiêu trong dữ liệu", "Figures in the data"),
    "export_title": Text("Tất cả số liệu", "Every figure"),
    "every_number": Text("Các số liệu", "Every number"),
    "trend_title": Text("Xu hướng {sparkline}", "Trend {sparkline}"),
    "only_in_period": Text("Chỉ có trong {period}", "Only in {period}"),
    "ranking_title": Text("{label}, {period}", "{label}, {period}"),
    "uncovered_title": Text("Số trong nguồn chưa thuộc chỉ tiêu nào",
                            "Numbers in the source that no figure accounts for"),
    "chart_plans": Text("So với kế hoạch và mục tiêu", "Against plan and target"),
    "chart_rank": Text("Thay đổi thứ hạng: {label}", "Rank movement: {label}"),
    "chart_components": Text("Điểm thành phần so với điểm tối đa: {label}",
                             "Component scores against their maxima: {label}"),
    "profile_title": Text("Từng thành phần so với cả nước", "Each component against the field"),
    "among_all": Text("So với các tỉnh, thành phố", "Among all provinces"),
    "strengths": Text("Mạnh nhất", "Strongest"),
    "weaknesses": Text("Yếu nhất", "Weakest"),
    "cross_check_title": Text("Đối chiếu với bảng xếp hạng toàn quốc",
                              "Against the national tables"),
    "score_rises": Text("Tăng điểm nhiều nhất", "Biggest rises in score"),
    "score_falls": Text("Giảm điểm nhiều nhất", "Biggest falls in score"),
    "place_rises": Text("Tăng hạng nhiều nhất", "Biggest rises in place"),
    "place_falls": Text("Giảm hạng nhiều nhất", "Biggest falls in place"),
    "only_in": Text("Chỉ có trong {period}", "Only in {period}"),
    "before": Text("Trước", "Before"),
    "after": Text("Sau", "After"),
    # what a figure implies, as phrases of the summary
    "worked_out": Text("{amount} (tính từ hai số liệu)", "{amount} (worked out)"),
    "whole_of": Text("bằng {percent} tổng số {whole}", "{percent} of {whole}"),
    "rest_is": Text("{amount} {rest}", "{amount} {rest}"),
    "the_rest": Text("còn lại", "the rest"),
    "rest_count": Text("{phrase} ({count})", "{phrase} ({count})"),
    "combined": Text("tổng cộng {amount}", "{amount} together"),
    "plan": Text("kế hoạch", "plan"),
    "of_plan": Text("đạt {percent} {plan} ({amount})", "{percent} of {plan} ({amount})"),
    "of_target": Text("đạt {amount} mục tiêu", "{amount} of target"),
    "top_share": Text("thuộc nhóm {share} dẫn đầu", "top {share}"),
    "in_year": Text("năm {year}: {amount}", "in {year}: {amount}"),
    "part_share": Text("{percent} {label} ({amount})", "{percent} {label} ({amount})"),
    "points_exactly_on_plan": Text("đạt đúng kế hoạch", "exactly on plan"),
    "points_short_of_plan": Text("thấp hơn kế hoạch {size} điểm phần trăm",
                                 "{size} points short of plan"),
    "points_above_plan": Text("vượt kế hoạch {size} điểm phần trăm", "{size} points above plan"),
    "on_plan": Text("đạt đúng kế hoạch", "on plan"),
    "below_plan": Text("thấp hơn kế hoạch {size}", "{size} below plan"),
    "above_plan": Text("vượt kế hoạch {size}", "{size} above plan"),
    "target_of": Text("mục tiêu{year} ({goal})", "the{year} target of {goal}"),
    "above_target": Text("cao hơn {target} {size}", "{size} above {target}"),
    "below_target": Text("thấp hơn {target} {size}", "{size} below {target}"),
    "points_unit": Text("{size} điểm phần trăm", "{size} points"),
    "rank_moved": Text("{moved} so với năm {year} (xếp thứ {before})",
                       "{moved} from {before} in {year}"),
    "grade_in_band": Text("thuộc khung xếp loại {band}", "in the band of {band}"),
    "grade_agrees": Text("xếp loại {grade}, phù hợp với khung điểm",
                         "grade {band}, agrees with its band"),
    "grade_disagrees": Text("xếp loại {grade} KHÔNG phù hợp với khung điểm ({band})",
                            "reported grade {grade} DISAGREES with its band: {band}"),
    "grade_no_band": Text("điểm không thuộc khung xếp loại nào", "score outside every band"),
    "grade_named": Text("{grade}", "{english} ({grade})"),
    "derived_year": Text("tính từ báo cáo năm sau", "implied by a later report"),
    # a stated change in words
    "up": Text("tăng", "up"),
    "down": Text("giảm", "down"),
    "same": Text("không đổi", "same"),
    "unit_places": Text("{size} bậc", "{size} places"),
    "unit_points": Text("{size} điểm", "{size} points"),
    "unit_percent": Text("{size}%", "{size}%"),
    "unit_count": Text("{size}", "{size}"),
    "moved": Text("{way} {amount}", "{way} {amount}"),
    "score_points": Text("{amount} điểm", "{amount} points"),
    "score_point": Text("{amount} điểm", "{amount} point"),
    # names of derived values (cchc show, the workbook)
    "derived_implied_whole": Text("tổng số tính ra", "implied whole"),
    "derived_whole": Text("tổng số (nguồn nêu)", "whole (stated)"),
    "derived_computed_share": Text("tỷ lệ tính lại", "share recomputed"),
    "derived_remainder": Text("phần còn lại", "remainder"),
    "derived_part_count": Text("số lượng", "part count"),
    "derived_rest_percent": Text("tỷ lệ phần còn lại", "remaining share"),
    "derived_rest_count": Text("số lượng phần còn lại", "remaining count"),
    "derived_combined_percent": Text("tỷ lệ tổng cộng", "combined share"),
    "derived_implied_plan": Text("kế hoạch tính ra", "implied plan"),
    "derived_plan": Text("kế hoạch (nguồn nêu)", "plan (stated)"),
    "derived_plan_gap": Text("chênh lệch so với kế hoạch", "difference from plan"),
    "derived_target_gap": Text("chênh lệch so với mục tiêu", "difference from target"),
    "derived_target_progress": Text("mức đạt mục tiêu", "progress towards target"),
    "derived_top_share": Text("nhóm dẫn đầu (%)", "position in the field (top %)"),
    "derived_previous_rank": Text("xếp hạng năm trước", "earlier rank"),
    "derived_places_gained": Text("thay đổi thứ hạng so với năm {year}",
                                "change in place since {year}"),
    "derived_previous_value": Text("giá trị năm trước", "earlier value"),
    "derived_grade_band": Text("khung xếp loại của điểm", "band the score falls in"),
    "derived_grade_agrees": Text("xếp loại phù hợp khung điểm", "reported grade agrees"),
    "with_part": Text("{name}: {parts}", "{name}: {parts}"),
    "with_year": Text("{name} ({year})", "{name} ({year})"),
    "agrees": Text("khớp", "agrees"),
    "disagrees": Text("không khớp", "disagrees"),
    # stated relations (the workbook)
    "stated_share": Text("tỷ lệ (nguồn nêu)", "share (stated)"),
    "stated_part": Text("tỷ lệ của {label}", "part share: {label}"),
    "stated_attainment": Text("tỷ lệ đạt kế hoạch (nguồn nêu)", "% of plan (stated)"),
    "stated_target": Text("mục tiêu", "target"),
    "stated_target_year": Text("mục tiêu ({year})", "target ({year})"),
    # charts
    "plan_caption": Text("đạt {percent} {plan}", "{percent} of {plan}"),
    "target_caption": Text("{share} (mục tiêu{year}: {goal})", "{share} (target{year}: {goal})"),
    "target_mark": Text("mục tiêu {goal}", "target {goal}"),
    "full_plan": Text("100% kế hoạch", "100% of plan"),
    "places_gained_note": Text("thay đổi: + là tăng bậc, − là giảm bậc",
                               "change = places gained (+ up, − down)"),
    "unrounded_note": Text(
        "Chênh lệch và thay đổi được tính từ điểm chưa làm tròn, nên có thể khác 0,01 so với "
        "hiệu của các điểm đã làm tròn nêu ở trên.",
        "Differences and changes are worked out from the unrounded scores, so they may "
        "differ by 0.01 from the difference of the rounded scores printed."),
    "change_since": Text("(so với {period})", "(from {period})"),
    "later_first": Text(
        "{first} là kỳ sau {second}: mọi thay đổi được tính từ {first} về {second} (đảo thứ "
        "tự hai kỳ để xem thay đổi theo thời gian).",
        "{first} comes after {second}: every change runs from {first} back to {second} (give "
        "the earlier period first to see the change over time)."),
    "not_comparable_note": Text(
        "{label}: số liệu {period} không so sánh được với kỳ khác, nên không tính thay đổi "
        "hay tốt hơn, kém hơn ({reason}).",
        "{label}: the {period} figure is not comparable with other periods, so no change, "
        "better or worse is given ({reason})."),
    "longer_bar": Text("thanh dài hơn = thứ hạng cao hơn", "longer bar = better rank"),
    # compare
    "verdict_better": Text("tốt hơn", "better"),
    "verdict_worse": Text("kém hơn", "worse"),
    "verdict_same": Text("không đổi", "same"),
    "compare_share_percent": Text("tỷ lệ", "share"),
    "compare_whole": Text("tổng số", "whole the share is of"),
    "compare_attainment_percent": Text("tỷ lệ đạt kế hoạch", "% of plan"),
    "compare_top_share": Text("nhóm dẫn đầu (%)", "in the top % of the field"),
    "change_points": Text("{change} điểm phần trăm", "{change} points"),
    "mixed_periods": Text("{first} là {first_kind}, {second} là {second_kind}: hai kỳ không "
                          "cùng loại nên số liệu không so sánh trực tiếp được.",
                          "{first} is {first_kind} and {second} is {second_kind}: the periods "
                          "are not alike, so their figures do not compare directly."),
    "fields_differ": Text("{label}: xếp hạng trên {before} và trên {after} tỉnh, thành phố "
                          "không cùng thang đo nên không tính số bậc tăng, giảm; so sánh theo "
                          "nhóm dẫn đầu (%).",
                          "{label}: a rank out of {before} and one out of {after} are not on "
                          "the same scale, so no places gained or lost are counted; they are "
                          "compared by the top share of the field."),
    "disagreement": Text("Không khớp: báo cáo {stated_in} nêu {label} {moved} so với năm "
                         "{other}, tức là {implied} năm {other}; báo cáo năm {other} ghi "
                         "{found}.",
                         "Disagreement: the {stated_in} report says {label} moved {moved} "
                         "since {other}, which implies {implied} in {other}; the {other} "
                         "report gives {found}."),
    "share_moved": Text("{label}: số lượng {count_way} ({counts}) trong khi tỷ lệ {share_way} "
                        "({shares})",
                        "{label}: the count {count_way} ({counts}) while the share {share_way} "
                        "({shares})"),
    "share_moved_whole": Text("; tổng số từ {before} thành {after}.",
                              "; the whole went from {before} to {after}."),
    "rose": Text("tăng", "rose"),
    "fell": Text("giảm", "fell"),
    "full_stop": Text(".", "."),
    # trend, rank, years
    "parts_note": Text("Số liệu của {names} là số liệu riêng của tỉnh đó trước khi hợp nhất "
                       "vào {unit} (ngày 01/07/2025); không cộng gộp, thay đổi chỉ tính trong "
                       "từng tỉnh.",
                       "The figures of {names} are that province's own, from before it became "
                       "part of {unit} on 1 July 2025; nothing is added up, and a change is "
                       "taken only within one province."),
    "no_province_has": Text("Không tỉnh, thành phố nào có chỉ tiêu này trong {period}",
                            "No province has this figure in {period}"),
    "now_part_of": Text("{name} nay thuộc {into} (từ ngày {since}).",
                        "{name} has been part of {into} since {since}."),
    # check and verify
    "error": Text("LỖI", "ERROR"),
    "warning": Text("cảnh báo", "warning"),
    "checked": Text("Đã kiểm tra {checked} báo cáo: {errors} lỗi, {warnings} cảnh báo",
                    "{checked} report(s) checked: {errors} error(s), {warnings} warning(s)"),
    "status_verified": Text("khớp", "verified"),
    "status_excerpt_not_found": Text("không tìm thấy trích dẫn trong nguồn",
                                     "excerpt not found in the source"),
    "status_value_not_found": Text("không tìm thấy giá trị trong trích dẫn",
                                   "value not found in its excerpt"),
    "verified_count": Text("{good}/{total} chỉ tiêu khớp với nguồn",
                           "{good} of {total} figure(s) verified against the source"),
    # validate
    "valid": Text("{files} tệp hợp lệ", "{files} file(s) valid"),
    "draft": Text("{files} tệp hợp lệ nhưng là bản nháp: còn {guesses} nội dung phỏng đoán "
                  "cần xác nhận ở {marks} chỗ",
                  "{files} file(s) valid but draft: {guesses} guess(es) in {marks} place(s) "
                  "left to confirm"),
    "invalid": Text("{problems} lỗi trong {files} tệp", "{problems} problem(s) in {files} file(s)"),
    "problems_found": Text("{problems} lỗi trong {files} tệp; chạy 'cchc validate' với dữ liệu "
                           "để xem lại",
                           "{problems} problem(s) in {files} file(s); run 'cchc validate' on "
                           "the data to see them again"),
    "not_adding_up": Text("cchc: lưu ý: {errors} chỉ tiêu của báo cáo này không khớp số học; "
                          "chạy 'cchc check --year {year}' để xem cách tính",
                          "cchc: note: {errors} figure(s) of this report do not add up; run "
                          "'cchc check --year {year}' for the arithmetic"),
    "empty_values": Text("{path}: còn {count} giá trị để trống cần điền ({fields})",
                         "{path}: {count} empty value(s) left to fill in ({fields})"),
    # national tables
    "tied_note": Text("= đồng hạng", "= tied"),
    "derived_note": Text("Tổng điểm và điểm các lĩnh vực là tổng điểm các thành phần (tính ra)",
                         "Totals and dimension scores are sums of their parts (derived)"),
    "break_method": Text("Phương pháp thay đổi giữa hai kỳ (phương pháp {before} → phương "
                         "pháp {after}): tổng điểm "
                         "không cùng thang ({max_before} và {max_after} điểm), chỉ so sánh "
                         "thứ hạng",
                         "The methodology changed between the two (the {before} method → "
                         "the {after} method): "
                         "totals are on different scales ({max_before} and {max_after} "
                         "points), so only places are compared"),
    "break_merger": Text("Hai kỳ nằm hai bên thời điểm sắp xếp đơn vị hành chính cấp tỉnh "
                         "(ngày 01/07/2025): thứ hạng không tính trên cùng các tỉnh, thành phố "
                         "nên không so sánh; chỉ so sánh điểm của các đơn vị có trong cả hai kỳ",
                         "The 2025 merger of provinces (1 July 2025) lies between the two: "
                         "places are among different provinces and are not compared; scores "
                         "are compared for units in both"),
    "break_marker": Text("▲ phương pháp mới từ kỳ này", "▲ new methodology from here"),
    "share_of_max": Text("% điểm tối đa", "% of maximum"),
    "part_of": Text("{part} (nay thuộc {whole})", "{part} (now part of {whole})"),
    "former_unit": Text("{part} (cũ, đến ngày 30/06/2025)",
                        "{part} (the former province, to 30 June 2025)"),
    # documents
    "generated": Text("Tạo ngày {date} bằng cchc {version}.",
                      "Generated on {date} by cchc {version}."),
}

FINDINGS: dict[str, Text] = {
    "breakdown_over_100": Text(
        "các phần cộng lại {parts} = {total}%, vượt 100% kể cả khi cho phép sai số làm "
        "tròn {slack} điểm",
        "the parts add up to {parts} = {total}%, more than 100% even allowing {slack} "
        "points for rounding"),
    "part_exceeds_whole": Text(
        "{part} lớn hơn tổng của nó ({whole_id} = {whole})",
        "{part} is more than its whole ({whole_id} = {whole})"),
    "share_mismatch": Text(
        "{part} ÷ {whole} = {computed}%, không làm tròn thành {percent}% như đã nêu",
        "{part} ÷ {whole} = {computed}%, which does not round to the stated {percent}%"),
    "share_impossible": Text(
        "không có số nguyên N nào để {part} ÷ N làm tròn thành {percent}%",
        "no whole number N makes {part} ÷ N round to {percent}%"),
    "grade_disagrees": Text(
        "điểm {score} thuộc khung {band} ({low} đến dưới {below}), không phải {grade}",
        "a score of {score} is in the band of {band} ({low} to below {below}), not "
        "{grade}"),
    "grade_not_a_band": Text(
        "xếp loại đã nêu “{grade}” không phải một khung của chỉ số ({grades}); điểm "
        "{score} thuộc khung {band}",
        "the reported grade “{grade}” is not a band of the index ({grades}); a score of"
        " {score} is in the band of {band}"),
    "components_exceed_total": Text(
        "{given} thành phần đã nêu cộng lại {sum}, đã vượt tổng điểm {total}",
        "the {given} components given already add up to {sum}, more than the total "
        "{total}"),
    "components_short": Text(
        "các thành phần đã nêu cộng lại {sum}; thành phần còn thiếu {missing} tối đa "
        "thêm {room}, tức là nhiều nhất {most}, chưa tới tổng điểm {total}",
        "the components given add up to {sum}; the missing {missing} can add at most "
        "{room}, so at most {most}, short of the stated total {total}"),
    "province_not_in_period": Text(
        "{province} không tồn tại vào ngày {day} (sắp xếp đơn vị hành chính từ 01/07/2025); "
        "số liệu của kỳ này thuộc về: {instead}",
        "{province} did not exist on {day} (the merger of 1 July 2025); the figures of this "
        "period belong to: {instead}"),
    "change_across_merger": Text(
        "thay đổi {amount} bậc so với {since} vượt qua đợt sắp xếp ngày 01/07/2025 (từ 63 "
        "xuống {of} tỉnh, thành phố): không suy ra được thứ hạng năm {since}; ghi rõ 'of' "
        "của năm đó nếu nguồn có nêu",
        "a change of {amount} places since {since} crosses the merger of 1 July 2025 (from "
        "63 provinces to {of}): no place in {since} is worked out; give that year's 'of' "
        "if the source states it"),
    "field_not_the_country": Text(
        "xếp hạng trên {of}, nhưng ngày {day} cả nước có {provinces} tỉnh, thành phố "
        "(một nhóm nhỏ hơn chỉ đúng khi có tỉnh không có số liệu)",
        "ranked out of {of}, but on {day} the country had {provinces} provinces (a "
        "smaller field is right only where some provinces have no data)"),
    "score_outside_bands": Text(
        "điểm {score} không thuộc khung xếp loại nào",
        "a score of {score} is in no band"),
    "components_sum": Text(
        "các thành phần cộng lại {parts} = {sum}, khác tổng điểm đã nêu {total} (chênh "
        "{difference})",
        "the components add up to {parts} = {sum}, not the stated total {total} (a "
        "difference of {difference})"),
    "rank_outside_field": Text(
        "hạng {rank} nằm ngoài khoảng 1 đến {of}",
        "rank {rank} is outside 1 to {of}"),
    "previous_rank_outside_field": Text(
        "hạng {rank} với thay đổi đã nêu cho ra hạng {previous} năm {year_before}, "
        "ngoài khoảng 1 đến {of}",
        "rank {rank} with the stated change gives {previous} in {year_before}, outside "
        "1 to {of}"),
    "attainment_mismatch": Text(
        "{actual} ÷ {plan} = {computed}%, không làm tròn thành {percent}% như đã nêu",
        "{actual} ÷ {plan} = {computed}%, which does not round to the stated {percent}%"),
    "change_disagrees": Text(
        "{value} năm {year}, {moved} so với {since}, tức là {implied} năm {since}; báo "
        "cáo năm {since} ghi {stated}",
        "{value} in {year}, {moved} since {since}, gives {implied} in {since}; the "
        "{since} report gives {stated}"),
    "table_disagrees": Text(
        "báo cáo ghi {stated} ({report_source}); bảng xếp hạng toàn quốc cho "
        "{table_value}, làm tròn thành {rounded} ({table_source})",
        "the report states {stated} ({report_source}); the national table gives "
        "{table_value}, which rounds to {rounded} ({table_source})"),
    "given_twice": Text(
        "báo cáo {first_year} cho ra {first} năm {year_before}, báo cáo {year} cho ra "
        "{second}",
        "the {first_year} report gives {first} for {year_before}, the {year} report "
        "gives {second}"),
}
"""What ``cchc check`` found, by the finding's code (JSON keeps the English)."""

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_ROMAN = ("I", "II", "III", "IV")
_HALVES = ("đầu", "cuối")
_ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}

_PERIODS: dict[str, Text] = {
    "year": Text("năm {year}", "{year}"),
    "half": Text("6 tháng {half} năm {year}", "H{number} {year}"),
    "quarter": Text("quý {roman}/{year}", "Q{number} {year}"),
    "month": Text("tháng {number}/{year}", "{month} {year}"),
    "ytd": Text("năm {year} tính đến ngày {day}", "{year} to {day_month}"),
    "ytd_open": Text("năm {year} đến nay", "{year} to date"),
}

_DATES: dict[str, Text] = {
    "unknown": Text("không rõ ngày", "date unknown"),
    "day": Text("{day:02d}/{month:02d}/{year}", "{day} {month_name} {year}"),
    "iso_day": Text("{day:02d}/{month:02d}/{year}", "{year}-{month:02d}-{day:02d}"),
    "month": Text("tháng {month}/{year}", "{year}-{month:02d}"),
    "year": Text("năm {year}", "{year}"),
    "ordinal": Text("hạng {place}", "{place}{suffix}"),
    "place_of": Text("hạng {place}/{field}", "{ordinal} of {field}"),
}


def word(key: str, lang: Lang, **values: object) -> str:
    """The phrase ``key`` in ``lang``, its ``{names}`` filled from ``values``."""
    template = WORDS[key].get(lang)
    return template.format(**values) if values else template


def area_name(area: str, lang: Lang) -> str:
    """The name of a reform area."""
    return AREA_NAMES[area].get(lang)


def period_label(period: Period, lang: Lang) -> str:
    """``năm 2024``, ``quý III/2024``, ``tháng 7/2024`` / ``2024``, ``Q3 2024``, ``July 2024``."""
    number = period.number or 0
    values: dict[str, object] = {
        "year": period.year, "number": number, "half": _HALVES[number == 2],
        "roman": _ROMAN[number - 1] if period.kind == "quarter" else "",
        "month": _MONTHS_EN[number - 1] if period.kind == "month" else "",
    }
    key: str = period.kind
    if period.kind == "ytd":
        key = "ytd" if period.as_of else "ytd_open"
        day = period.as_of
        values["day"] = day_text(day, lang, iso=False) if day else ""
        values["day_month"] = f"{day.day} {_MONTHS_EN[day.month - 1]}" if day else ""
    return _PERIODS[key].get(lang).format(**values)


def day_text(day: object, lang: Lang, iso: bool = True) -> str:
    """A ``datetime.date``: ``01/07/2025``; in English ``2025-07-01`` (``iso``) or
    ``1 July 2025``."""
    import datetime

    assert isinstance(day, datetime.date)
    template = _DATES["iso_day" if iso else "day"].get(lang)
    return template.format(day=day.day, month=day.month, year=day.year,
                           month_name=_MONTHS_EN[day.month - 1])


def date_text(text: str, lang: Lang) -> str:
    """A date as the data gives it (day, month, year or unknown), written for ``lang``.

    Vietnamese: ``01/01/2024``, ``tháng 1/2025``, ``năm 2024``; English keeps ISO.
    """
    if text == "unknown":
        return _DATES["unknown"].get(lang)
    parts = [int(part) for part in text.split("-") if part.isdigit()]
    if len(parts) == 3:
        return _DATES["iso_day"].get(lang).format(year=parts[0], month=parts[1], day=parts[2])
    if len(parts) == 2:
        return _DATES["month"].get(lang).format(year=parts[0], month=parts[1])
    return _DATES["year"].get(lang).format(year=text)


def money_text(amount: str, unit: Text, lang: Lang) -> str:
    """``2.295 tỷ đồng``; in English the currency first: ``VND 2,295 billion``."""
    english = unit.en.removesuffix(" VND")
    template = _MONEY["vnd" if english != unit.en else "other"].get(lang)
    return template.format(amount=amount, unit=unit.get(lang), english=english)


_MONEY: dict[str, Text] = {
    "vnd": Text("{amount} {unit}", "VND {amount} {english}"),
    "other": Text("{amount} {unit}", "{amount} {unit}"),
}


def unit_title(kind: Text, name: Text, lang: Lang) -> str:
    """``tỉnh Tuyên Quang`` / ``Tuyen Quang province``; ``Ho Chi Minh City`` as it is."""
    named = name.get(lang).lower().endswith(kind.get(lang))
    return _UNIT["named" if named else "kind"].get(lang).format(kind=kind.get(lang),
                                                               name=name.get(lang))


_UNIT: dict[str, Text] = {
    "kind": Text("{kind} {name}", "{name} {kind}"),
    "named": Text("{kind} {name}", "{name}"),
}


def period_kind_name(period: Period, lang: Lang) -> str:
    """What kind of period it is: ``a month``, ``a whole year``, …"""
    return PERIOD_KINDS[period.kind].get(lang)


def ordinal(place: int, lang: Lang) -> str:
    """``30th`` / ``hạng 30``."""
    teens = 10 <= place % 100 <= 20
    suffix = "th" if teens else _ORDINAL_SUFFIXES.get(place % 10, "th")
    return _DATES["ordinal"].get(lang).format(place=place, suffix=suffix)


def place_of(place: int, field: int, lang: Lang) -> str:
    """``30th of 61`` / ``hạng 30/61``."""
    return _DATES["place_of"].get(lang).format(place=place, field=field,
                                               ordinal=ordinal(place, lang))


_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền, sắc, hỏi, ngã, nặng


def collate(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A sort key in Vietnamese alphabetical order (a ă â b c d đ e ê …), tones second;
    for English text it is plain alphabetical order."""
    import unicodedata

    letters: list[int] = []
    tones: list[int] = []
    for character in text.lower():
        split = unicodedata.normalize("NFD", character)
        tone = next((t for t in _TONES if t in split), "")
        shape = unicodedata.normalize("NFC", split.replace(tone, "") if tone else split)
        position = _ALPHABET.find(shape)
        letters.append(position if position >= 0 else 100 + ord(shape[0]))
        tones.append(_TONES.index(tone) + 1 if tone else 0)
    return tuple(letters), tuple(tones)


_PROBLEMS: tuple[tuple[str, Text], ...] = (
    # messages
    (r"the value is empty", Text("chưa có giá trị", "the value is empty")),
    (r"missing required field '(?P<key>[^']*)'",
     Text("thiếu trường bắt buộc '{key}'", "missing required field '{key}'")),
    (r"unknown field '(?P<key>[^']*)'",
     Text("trường '{key}' không có trong định dạng", "unknown field '{key}'")),
    (r"expected (?P<want>a mapping|a list|a single value), found (?P<found>.+)",
     Text("cần {want}, nhưng gặp {found}", "expected {want}, found {found}")),
    (r"'(?P<value>.*)' is not one of: (?P<choices>.+)",
     Text("'{value}' không thuộc các giá trị: {choices}", "'{value}' is not one of: {choices}")),
    (r"'(?P<text>.*)' is not a date", Text("'{text}' không phải ngày tháng",
                                           "'{text}' is not a date")),
    (r"'(?P<text>.*)' is not a real calendar date",
     Text("'{text}' không phải ngày có thật", "'{text}' is not a real calendar date")),
    (r"expected a number, found the quoted text '(?P<text>.*)'",
     Text("cần một số, nhưng gặp chuỗi trong ngoặc kép '{text}'",
          "expected a number, found the quoted text '{text}'")),
    (r"'(?P<text>.*)' uses ',' as the decimal mark",
     Text("'{text}' dùng dấu ',' làm dấu thập phân", "'{text}' uses ',' as the decimal mark")),
    (r"'(?P<text>.*)' uses ',' as a thousands separator",
     Text("'{text}' dùng dấu ',' để phân cách hàng nghìn",
          "'{text}' uses ',' as a thousands separator")),
    (r"'(?P<text>.*)' has a percent sign", Text("'{text}' có dấu phần trăm",
                                                "'{text}' has a percent sign")),
    (r"'(?P<text>.*)' is not a whole number", Text("'{text}' không phải số nguyên",
                                                   "'{text}' is not a whole number")),
    (r"duplicate (?P<what>\w+) id '(?P<id>[^']*)'",
     Text("mã '{id}' bị trùng", "duplicate {what} id '{id}'")),
    (r"unconfirmed: (?P<guesses>.+)", Text("chưa xác nhận: {guesses}",
                                          "unconfirmed: {guesses}")),
    # hints
    (r"write a value", Text("điền giá trị", "write a value")),
    (r"write a value or remove the field", Text("điền giá trị hoặc xóa trường này",
                                                "write a value or remove the field")),
    (r"add '(?P<key>[^']*):' here", Text("thêm '{key}:' vào đây", "add '{key}:' here")),
    (r"did you mean '(?P<close>[^']*)'\?", Text("có phải là '{close}'?",
                                                "did you mean '{close}'?")),
    (r"use one of: (?P<choices>.+)", Text("dùng một trong: {choices}",
                                          "use one of: {choices}")),
    (r"the fields here are: (?P<fields>.+)", Text("các trường ở đây là: {fields}",
                                                  "the fields here are: {fields}")),
    (r"write the number that the source prints", Text("ghi số như nguồn đã in",
                                                      "write the number that the source prints")),
    (r"write (?P<number>\S+) without '%'", Text("ghi {number}, không kèm '%'",
                                                 "write {number} without '%'")),
    (r"write (?P<number>[\d.]+)", Text("ghi {number}", "write {number}")),
    (r"put it in quotes: (?P<quoted>.+)", Text("đặt trong ngoặc kép: {quoted}",
                                               "put it in quotes: {quoted}")),
    (r"write 'key: value' lines indented under it",
     Text("viết các dòng 'khóa: giá trị' thụt lề bên dưới",
          "write 'key: value' lines indented under it")),
    (r"start each item with '- '", Text("bắt đầu mỗi mục bằng '- '",
                                        "start each item with '- '")),
    (r"check each against the source, then delete the 'review' entry",
     Text("đối chiếu từng mục với nguồn, rồi xóa mục 'review'",
          "check each against the source, then delete the 'review' entry")),
    (r"give each (?P<what>\w+) its own id", Text("đặt cho mỗi mục một mã riêng",
                                                 "give each {what} its own id")),
)
_NODES = {"a mapping": Text("một nhóm 'khóa: giá trị'", "a mapping"),
          "a list": Text("một danh sách", "a list"),
          "a single value": Text("một giá trị đơn", "a single value")}


@functools.cache
def _compiled(table: tuple[tuple[str, Text], ...]) -> tuple[tuple[re.Pattern[str], Text], ...]:
    """``table``'s patterns compiled, on first use: most runs print no problem and no
    template, and compiling some sixty patterns would cost every run milliseconds."""
    return tuple((re.compile(pattern), text) for pattern, text in table)


def _problem_part(text: str, lang: Lang) -> str:
    """A message or hint of a problem in ``lang``; one not in the catalogue stays English."""
    for pattern, template in _compiled(_PROBLEMS):
        found = pattern.fullmatch(text)
        if found:
            values = {k: _NODES[v].get(lang) if v in _NODES else v
                      for k, v in found.groupdict().items()}
            return template.get(lang).format(**values)
    return text


def problem_text(problem: Problem, lang: Lang) -> str:
    """``file:line:column: field: message (fix)`` with the message and fix in ``lang``."""
    return str(problem._replace(message=_problem_part(problem.message, lang),
                                hint=_problem_part(problem.hint, lang)))


_TEMPLATE: tuple[tuple[str, Text], ...] = (
    (r"cchc report for (?P<name>.+), (?P<period>\S+): a first report, no figures copied\.",
     Text("báo cáo cchc của {name}, kỳ {period}: báo cáo đầu tiên, không sao chép chỉ tiêu nào.",
          "cchc report for {name}, {period}: a first report, no figures copied.")),
    (r"cchc report for (?P<name>.+), (?P<period>\S+), made from the (?P<from>\S+) report\.",
     Text("báo cáo cchc của {name}, kỳ {period}, lập từ báo cáo kỳ {from}.",
          "cchc report for {name}, {period}, made from the {from} report.")),
    (r"Fill in every empty value, name the source of each figure, delete the figures",
     Text("Điền mọi giá trị còn trống, ghi nguồn của từng chỉ tiêu, xóa các chỉ tiêu",
          "Fill in every empty value, name the source of each figure, delete the figures")),
    (r"and relations the new report does not give, then run: cchc validate FILE",
     Text("và quan hệ mà báo cáo mới không nêu, rồi chạy: cchc validate TỆP",
          "and relations the new report does not give, then run: cchc validate FILE")),
    (r"\(save it as (?P<file>\S+)\)\.", Text("(lưu với tên {file}).", "(save it as {file}).")),
    (r"the last day the figures cover, YYYY-MM-DD",
     Text("ngày cuối cùng số liệu tính đến, YYYY-MM-DD",
          "the last day the figures cover, YYYY-MM-DD")),
    (r"YYYY-MM-DD; YYYY-MM or YYYY if that is all; or unknown",
     Text("YYYY-MM-DD; YYYY-MM hoặc YYYY nếu chỉ biết vậy; hoặc unknown",
          "YYYY-MM-DD; YYYY-MM or YYYY if that is all; or unknown")),
    (r"snake_case, e\.g\. (?P<id>\S+)", Text("chữ thường nối bằng dấu _, ví dụ {id}",
                                           "snake_case, e.g. {id}")),
    (r"the words of the source that state the value",
     Text("nguyên văn câu chữ của nguồn nêu giá trị",
          "the words of the source that state the value")),
    (r"63 provinces until mid-2025, 34 after",
     Text("63 tỉnh, thành phố đến giữa năm 2025, sau đó 34",
          "63 provinces until mid-2025, 34 after")),
    (r"up or down", Text("up (tăng) hoặc down (giảm)", "up or down")),
    (r"the source that sets the target", Text("nguồn đặt ra mục tiêu",
                                              "the source that sets the target")),
)


def template_comments(text: str, lang: Lang) -> str:
    """A report skeleton with its ``# comments`` in ``lang`` (the YAML itself unchanged)."""
    lines = []
    for line in text.split("\n"):
        head, mark, comment = line.partition("# ")
        if mark:  # only a whole comment the catalogue knows is rewritten
            for pattern, template in _compiled(_TEMPLATE):
                found = pattern.fullmatch(comment)
                if found:
                    comment = template.get(lang).format(**found.groupdict())
                    break
        lines.append(head + mark + comment)
    return "\n".join(lines)
