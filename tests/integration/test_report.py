"""`fiscal report` on the sample warehouse: the pages, their numbers and their links.

The pages are rendered in headless Chromium (Debian's `chromium`): the DOM it
builds is read back for the figures a reader sees, and a screenshot is taken
to show that the page paints (with Chinese glyphs, not boxes). Those tests are
skipped where Chromium is not installed; the HTML checks run everywhere.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.support.paths import SAMPLE_DIR
from tests.support.sample_warehouse import FISCAL

SCIENCE = "dept_a0c8fce5dcfb"  # 武汉市科学技术局, the seed document's department
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")


class Cells(HTMLParser):
    """Every table cell's text and the link inside it, by table id/class, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[dict[str, str], list[list[tuple[str, str | None]]]]] = []
        self.links: list[tuple[str, str]] = []
        self._cell: list[str] | None = None
        self._href: str | None = None
        self._anchor: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "table":
            self.tables.append((attributes, []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("td", "th"):
            self._cell, self._href = [], None
        elif tag == "a":
            self._anchor = []
            if self._cell is not None:
                self._href = attributes.get("href")
            self._last_href = attributes.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.tables:
            self.tables[-1][1][-1].append(("".join(self._cell).strip(), self._href))
            self._cell = None
        elif tag == "a" and self._anchor is not None:
            self.links.append(("".join(self._anchor).strip(), self._last_href))
            self._anchor = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._anchor is not None:
            self._anchor.append(data)

    def table(self, key: str, value: str) -> list[list[tuple[str, str | None]]]:
        return next(rows for attributes, rows in self.tables if attributes.get(key) == value)


def parse(html: str) -> Cells:
    cells = Cells()
    cells.feed(html)
    return cells


@pytest.fixture(scope="module")
def report(sample_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    made = subprocess.run(
        [str(FISCAL), "report", "--out", str(out), "--warehouse", str(sample_warehouse)]
        + ["--raw", str(SAMPLE_DIR)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == f"{out / 'index.html'} (6 pages)"
    return out


def resolve(page: Path, href: str) -> tuple[Path, str]:
    """The file a relative link points to, and its #fragment."""
    target, _, fragment = href.partition("#")
    return (page.parent / unquote(target)).resolve(), fragment


def check_science_page(page: Path, cells: Cells) -> None:
    totals = cells.table("id", "totals")
    header = [text for text, _ in totals[0]]
    row = dict(zip(header, totals[1], strict=True))
    assert row["year"][0] == "2023"
    final, final_href = row["final 决算"]
    assert final == "244,444.63"
    target, fragment = resolve(page, final_href)
    assert target == (SAMPLE_DIR / "wuhan-kjj-2023-final.pdf").resolve() and target.exists()
    assert fragment == "page=8"
    assert row["budget 预算"][0] == "131,876.23"
    assert resolve(page, row["budget 预算"][1])[0].name == "wuhan-kjj-2023-budget.pdf"
    classes = cells.table("class", "classes")
    science = next(r for r in classes if r[0][0] == "206")
    assert [text for text, _ in science] == [
        "206",
        "科学技术支出",
        "Science and technology",
        "129,688.88",
        "242,525.00",
    ]
    three_public = cells.table("id", "three-public")
    assert [text for text, _ in three_public[1]] == [
        "2023",
        "28.65",
        "13.73",
        "47.92%",
        "4.42",
        "7.78",
        "1.53",
    ]
    assert resolve(page, three_public[1][2][1])[1] == "page=16"
    running = cells.table("id", "running-costs")
    assert [text for text, _ in running[1]] == [
        "2023",
        "499.16",
        "470.70",
        "-28.46 (-5.70%)",
        "13.73",
    ]
    assert resolve(page, running[1][1][1]) == (
        (SAMPLE_DIR / "wuhan-kjj-2023-budget.pdf").resolve(),
        "page=4",
    )
    assert resolve(page, running[1][2][1])[1] == "page=21"
    items = cells.table("class", "items")
    assert items[1][0][0] == "2060499" and items[1][3][0] == "132,145.98"
    findings = [
        (text, href) for text, href in cells.links if text.startswith("wuhan-kjj-2023-final.pdf p.")
    ]
    assert [text for text, _ in findings] == [
        "wuhan-kjj-2023-final.pdf p.18",
        "wuhan-kjj-2023-final.pdf p.19",
        "wuhan-kjj-2023-final.pdf p.19",
        "wuhan-kjj-2023-final.pdf p.20",
        "wuhan-kjj-2023-final.pdf p.20",
    ]
    assert all(href.endswith(f"#page={text.rsplit('p.', 1)[1]}") for text, href in findings)


def test_the_report_pages_hold_the_printed_figures_and_link_their_pages(report: Path) -> None:
    page = report / "departments" / f"{SCIENCE}.html"
    html = page.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html and '"Noto Sans CJK SC"' in html
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")
    check_science_page(page, parse(html))


def test_the_index_lists_departments_by_region_and_year(report: Path) -> None:
    cells = parse((report / "index.html").read_text(encoding="utf-8"))
    text = "".join(cells.text)
    for region in ("武汉市", "南京市", "上海市普陀区"):
        assert region in text
    links = dict(cells.links)
    assert links["武汉市科学技术局"] == f"departments/{SCIENCE}.html"
    wuhan = next(
        rows
        for attributes, rows in cells.tables
        if any(r and r[1][0] == "武汉市科学技术局" for r in rows)
    )
    science = next(r for r in wuhan if r[1][0] == "武汉市科学技术局")
    assert [text for text, _ in science] == [
        "2023",
        "武汉市科学技术局",
        "131,876.23",
        "244,444.63",
        "185.36%",
        "5",
    ]
    # every department's page exists
    for target in {href for _, href in cells.links if href.startswith("departments/")}:
        assert (report / target).exists()


def chromium(*arguments: str, work: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            f"--user-data-dir={work / 'chromium-profile'}",
            *arguments,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_chromium
def test_chromium_renders_the_department_page_with_its_figures(
    report: Path, tmp_path: Path
) -> None:
    page = report / "departments" / f"{SCIENCE}.html"
    dumped = chromium("--dump-dom", page.as_uri(), work=tmp_path)
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    check_science_page(page, parse(dumped.stdout))
    assert dumped.stdout.count("<svg") == 2  # the function-class and the 三公 charts


@needs_chromium
def test_chromium_screenshot_paints_the_page(report: Path, tmp_path: Path) -> None:
    from PIL import Image

    shot = tmp_path / "science.png"
    page = report / "departments" / f"{SCIENCE}.html"
    taken = chromium(
        "--hide-scrollbars",
        "--window-size=1200,1400",
        f"--screenshot={shot}",
        page.as_uri(),
        work=tmp_path,
    )
    assert shot.exists(), taken.stderr[-2000:]
    image = Image.open(shot).convert("L")
    assert image.size == (1200, 1400)
    # the heading (武汉市科学技术局, top left) is drawn in dark ink, not left blank
    heading = image.crop((40, 50, 500, 110))
    dark = sum(1 for value in heading.tobytes() if value < 100)
    assert dark > 500
    # the bars of the chart are painted in the final-account colour somewhere on the page
    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 20) or []
    assert any(rgb == (0x1F, 0x5F, 0x99) and count > 1000 for count, rgb in colours)
