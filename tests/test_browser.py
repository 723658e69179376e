"""The HTML document in a real browser: headless Chromium prints it to an A4 PDF,
``pdftotext`` reads it back, and every figure and a sample of Vietnamese words
with stacked diacritics must come through intact. The screenshot the README
shows is taken here too (``CCHC_UPDATE_SCREENSHOT=1`` writes it to docs/).

Skipped, with the reason shown, where Chromium or poppler-utils is missing;
``.ci/run`` installs both.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_cli import numfmt
from tests.conftest import ROOT, run, run_json

pytestmark = pytest.mark.slow

SCREENSHOT = ROOT / "docs" / "summary-2023.png"
WORDS = ("Chỉ số", "thể chế", "Điểm", "hài lòng")
A4_POINTS = (595, 842)
TIMEOUT = 180


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"{names[0]} not found: install Debian's chromium and poppler-utils "
                "(.ci/run does) to run the browser tests")


def chromium(profile: Path, *args: str) -> None:
    """Run headless Chromium once, with a throwaway profile and no network chatter."""
    binary = _tool("chromium", "chromium-browser", "google-chrome")
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args]
    result = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]


def document(tmp_path: Path, year: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    target = tmp_path / f"summary-{year}.html"
    result = run("summary", "--year", year, "--lang", "vi", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    return target


def printed(tmp_path: Path, page: Path) -> tuple[str, str]:
    """The PDF's text (NFC, whitespace collapsed) and ``pdfinfo``'s report."""
    pdftotext, pdfinfo = _tool("pdftotext"), _tool("pdfinfo")
    pdf = page.with_suffix(".pdf")
    chromium(tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
             page.as_uri())
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          timeout=60, check=True).stdout.decode("utf-8")
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, timeout=60,
                          check=True).stdout.decode("utf-8")
    return " ".join(unicodedata.normalize("NFC", text).split()), info


def printed_numbers(figure: dict[str, object]) -> list[str]:
    """A figure's value and stated share as the Vietnamese document prints them."""
    value = Decimal(str(figure["value"]))
    shown = [numfmt.number(value, "vi", 0 if figure["kind"] == "rank" else
                           int(str(figure["decimals"])))]
    share = figure["share"]
    if isinstance(share, dict):
        shown.append(numfmt.percent(Decimal(str(share["percent"])), "vi"))
    return shown


def test_the_2023_summary_prints_on_a4_with_every_figure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text, info = printed(tmp_path, document(tmp_path, "2023", monkeypatch))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None, info
    assert (round(float(size[1])), round(float(size[2]))) == A4_POINTS
    assert "Kết quả CCHC Hà Giang năm 2023" in text
    figures = run_json("summary", "--year", "2023")["figures"]
    assert len(figures) == 18
    for figure in figures:
        for number in printed_numbers(figure):
            assert re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d])", text), \
                (figure["id"], number)
    for shown in ("163.909", "96,9%", "≈1.876", "2.295 tỷ đồng", "76,90 điểm", "14/63",
                  "Tạo ngày 01/01/2025 bằng cchc 0.1.0."):
        assert shown in text, shown


def test_vietnamese_words_with_stacked_diacritics_come_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [printed(tmp_path, document(tmp_path, year, monkeypatch))[0]
             for year in ("2023", "2024")]
    for word in WORDS:
        assert any(word in text for text in texts), word


def test_the_document_is_set_in_a_proportional_font(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = document(tmp_path, "2023", monkeypatch)
    printed(tmp_path, page)
    fonts = subprocess.run([_tool("pdffonts"), str(page.with_suffix(".pdf"))],
                           capture_output=True, timeout=60, check=True).stdout.decode()
    names = [line.split()[0] for line in fonts.splitlines()[2:] if line.strip()]
    assert names, fonts
    assert not [name for name in names if "mono" in name.lower()], fonts


def test_the_2023_summary_screenshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = document(tmp_path, "2023", monkeypatch)
    picture = tmp_path / "summary-2023.png"
    chromium(tmp_path / "profile", "--hide-scrollbars", "--window-size=900,1800",
             "--force-device-scale-factor=0.75", f"--screenshot={picture}", page.as_uri())
    data = picture.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (675, 1350)  # 900 × 1800 at 0.75
    if os.environ.get("CCHC_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(picture, SCREENSHOT)
    assert SCREENSHOT.exists(), "run with CCHC_UPDATE_SCREENSHOT=1 to write docs/summary-2023.png"
