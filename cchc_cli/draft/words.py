"""The Vietnamese words a draft reads: units, qualifiers, reform areas, stop words."""

from __future__ import annotations

UNITS = {
    "dịch vụ công trực tuyến": "online public services", "dịch vụ công": "public services",
    "dịch vụ": "services", "thủ tục hành chính": "administrative procedures",
    "thủ tục": "procedures", "tthc": "procedures", "hồ sơ": "dossiers",
    "tài khoản": "accounts", "lượt": "times", "đơn vị": "units", "cơ quan": "agencies",
    "sở": "departments", "nhiệm vụ": "tasks", "bộ chỉ số": "index sets",
    "văn bản": "documents", "cán bộ": "officials", "công chức": "civil servants",
    "viên chức": "public employees", "xã": "communes", "huyện": "districts",
    "người": "people", "doanh nghiệp": "businesses", "giao dịch": "transactions",
    "quy trình": "processes", "bộ phận": "sections", "thôn": "villages",
    "tỉnh": "provinces", "địa phương": "localities", "cuộc": "sessions", "đoàn": "teams",
    "sáng kiến": "initiatives", "bậc": "places", "điểm": "points", "phản ánh": "complaints",
    "kiến nghị": "petitions", "chỉ tiêu": "targets", "cuộc gọi": "calls",
}
MONEY = {"tỷ đồng": "billion VND", "tỉ đồng": "billion VND", "triệu đồng": "million VND",
         "nghìn đồng": "thousand VND", "ngàn đồng": "thousand VND", "đồng": "VND",
         "tỷ usd": "billion USD", "triệu usd": "million USD", "usd": "USD"}
DURATIONS = {"ngày đêm": "days and nights", "ngày làm việc": "working days", "ngày": "days",
             "tháng": "months", "năm": "years", "giờ": "hours", "phút": "minutes",
             "tuần": "weeks"}
PLANS = ("kế hoạch", "chỉ tiêu", "dự toán", "mục tiêu", "kh ")
COUNTABLE = ("hồ sơ", "tthc", "thủ tục", "dịch vụ", "quy trình", "văn bản", "tài khoản", "xã",
             "thôn", "cơ quan", "đơn vị", "người", "doanh nghiệp", "giao dịch", "phản ánh",
             "kiến nghị", "cán bộ", "công chức")
STOP = frozenset((
    "đạt", "so", "và", "của", "trong", "với", "là", "được", "tại", "trên", "theo", "thì",
    "nhưng", "còn", "cao", "thấp", "tăng", "giảm", "xếp", "đứng", "vươn", "lên", "xuống",
    "bằng", "chiếm", "đã", "đang", "sẽ", "có", "này", "đó", "khi", "cho", "từ", "đến", "về",
    "như", "hoặc", "hay", "mà", "vì", "nên", "do", "bởi", "để"))
QUALIFIERS = (
    ("approx", ("ước đạt", "ước tính", "ước khoảng", "ước thực hiện", "ước", "khoảng", "gần",
                "xấp xỉ", "chừng", "khoảng chừng")),
    ("at_least", ("hơn", "trên", "ít nhất", "tối thiểu", "không dưới")),
    ("at_most", ("dưới", "không quá", "tối đa", "chưa đến", "chưa tới", "không vượt quá")),
)
COMPARATIVES = ("cao", "thấp", "nhiều", "ít", "lớn", "nhỏ", "tốt", "lâu", "nhanh", "chậm")
UP = ("tăng", "cao hơn", "vượt", "lên", "nhiều hơn")
DOWN = ("giảm", "thấp hơn", "tụt", "xuống", "ít hơn")
RANK_WORDS = ("thứ", "vị trí", "hạng", "vị trí thứ", "hạng thứ")
GROUP_WORDS = ("top", "tốp", "nhóm")
AREAS = (
    ("public_finance", ("ngân sách", "tài chính", "vốn đầu tư", "giải ngân", "tỷ đồng",
                        "triệu đồng", "thu, chi")),
    ("digital_government", ("định danh", "chuyển đổi số", "chính quyền số", "chính phủ số",
                            "chính quyền điện tử", "chính phủ điện tử", "đề án 06",
                            "đề án số 06", "số hóa", "số hoá", "chữ ký số", "toàn trình",
                            "công nghệ thông tin", "thanh toán trực tuyến")),
    ("civil_service", ("công chức", "viên chức", "cán bộ", "công vụ")),
    ("apparatus", ("bộ máy", "biên chế", "vị trí việc làm", "sắp xếp", "tinh gọn")),
    ("institutions", ("văn bản quy phạm", "thể chế", "quy phạm pháp luật")),
    ("procedures", ("thủ tục", "tthc", "hồ sơ", "một cửa", "dịch vụ công", "chỉ số phục vụ",
                    "sipas", "hài lòng")),
    ("direction", ("kiểm tra", "chỉ đạo", "par index", "chỉ số cải cách", "chỉ số cchc", "papi",
                   "tuyên truyền", "bộ chỉ số")),
)


def starts_with(text: str, choices: dict[str, str] | tuple[str, ...]) -> str | None:
    """The longest of ``choices`` that ``text`` starts with as whole words."""
    for choice in sorted(choices, key=len, reverse=True):
        if text.startswith(choice):
            rest = text[len(choice):len(choice) + 1]
            if not rest or not (rest.isalnum()):
                return choice
    return None


def ends_with(text: str, choices: tuple[str, ...]) -> str | None:
    """The longest of ``choices`` that ``text`` ends with as whole words."""
    for choice in sorted(choices, key=len, reverse=True):
        if text.endswith(choice):
            before = text[:-len(choice)][-1:]
            if not before or not before.isalnum():
                return choice
    return None
