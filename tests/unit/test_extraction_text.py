"""The small pieces of extraction: amounts, units, normalisation, the second text source."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipelines.extraction.locate import page_lines
from pipelines.extraction.pages import _fill_from_pdfium, read_pages
from pipelines.extraction.text import compact, normalize, parse_amount, to_yuan
from tests.support.paths import PROJECT_ROOT


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("2,995.39", "2995.39"),
        ("243317.52", "243317.52"),
        ("-1,250.00", "-1250.00"),
        ("(3.00)", "-3.00"),
        ("-", "0"),
        ("—", "0"),
        ("0.00", "0"),
    ],
)
def test_amounts_are_exact(printed, value):
    assert parse_amount(printed) == Decimal(value)


@pytest.mark.parametrize("printed", ["行政运行", "1.2.3", "12a", ""])
def test_non_amounts_are_refused(printed):
    with pytest.raises(ValueError):
        parse_amount(printed)


def test_units_convert_exactly():
    assert to_yuan(Decimal("132145.98"), "万元") == Decimal("1321459800.00")
    assert to_yuan(Decimal("2995.39"), "元") == Decimal("2995.39")


def test_radical_lookalikes_and_full_width_forms():
    assert normalize("部\u2ed4") == "部门"
    assert normalize("公务用\u2ecb") == "公务用车"
    assert compact("单位： 万元") == "单位:万元"
    assert normalize("（项）") == "(项)"


def test_pdfium_reads_a_page_pdfminer_left_empty():
    """The second text source is used for a page whose characters pdfminer missed."""
    path = PROJECT_ROOT / "raw" / "wuhan-kjj-2023-final.pdf"
    pages = read_pages(path)
    page = next(p for p in pages if any(w.text.startswith("2060499") for w in p.words))
    expected = [line.text for line in page_lines(page)]
    page.words = []
    _fill_from_pdfium(path, [page])
    assert page.text_source == "pdfium"
    assert [line.text for line in page_lines(page)] == expected


def test_text_drawn_outside_the_page_box_is_not_read(tmp_path):
    """Some exports leave a sheet's other pages drawn below the page box: never printed."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "off-page.pdf"
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.setFont("STSong-Light", 14)
    sheet.drawString(100, 780, "财政拨款支出预算表")
    sheet.drawString(100, -600, "财政拨款政府性基金支出预算表")  # below the page
    sheet.drawString(700, 400, "30312 提租补贴 1,018.01")  # right of the page
    sheet.save()
    [page] = read_pages(path)
    assert [line.text for line in page_lines(page)] == ["财政拨款支出预算表"]
    _fill_from_pdfium(path, [page])
    assert [line.text for line in page_lines(page)] == ["财政拨款支出预算表"]
