"""The producer samples (tests/fixtures/producers/): made by their producers, small,
covering the quirks they are for, and with expected data that adds up.

The PDFs are committed; these tests need neither LibreOffice nor Chromium.
Extraction of every cell is checked by test_extraction_samples.py.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pdfplumber
import pytest
from pypdf import PdfReader

from tools.samples import producer_samples
from tools.samples.producers import PRODUCERS
from tools.samples.style import normalise

ZERO = Decimal(0)
SAMPLES = producer_samples()
IDS = [s.file_name for s in SAMPLES]
# Chromium draws the CFF CJK fonts (Noto) as Type 3 glyphs, a font object per range of 256
# glyph ids: a complete document in Noto Sans is about 520 KB; the others stay under 250 KB.
MAX_BYTES = 600 * 1024
FUNCTION_TABLES = ("02", "03", "05", "07", "08")
ROW_IDENTITIES = {  # table -> (result column, [(sign, column), ...])
    "02": ("total", [(1, k) for k in ("fiscal_appropriation", "superior_subsidy", "business_income", "operating_income", "affiliated_remittance", "other_income")]),
    "03": ("total", [(1, k) for k in ("basic", "project", "remit_to_higher", "business", "subsidy_to_affiliates")]),
    "05": ("total", [(1, "basic"), (1, "project")]),
    "07": ("carryover_end", [(1, "carryover_begin"), (1, "income"), (-1, "total")]),
}  # fmt: skip


def _sum(values) -> Decimal:
    return sum(values, ZERO)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_made_by_its_producer(sample) -> None:
    info = PdfReader(sample.path).metadata
    producer, creator = str(info.get("/Producer", "")), str(info.get("/Creator", ""))
    if sample.producer == "chromium":
        assert producer.startswith("Skia/PDF") and "HeadlessChrome" in creator
    else:
        assert producer.startswith("LibreOffice")
        assert creator == {"writer": "Writer", "calc": "Calc"}[sample.producer]
    assert sample.file_name.startswith(f"{sample.producer}-")
    assert sample.path.stat().st_size <= MAX_BYTES


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_embeds_the_font_it_asks_for(sample) -> None:
    data = sample.path.read_bytes()
    font = sample.setup.font.replace(" ", "")  # 'NotoSansCJKSC', 'WenQuanYiZenHei'
    if sample.producer == "chromium" and font.startswith("Noto"):
        assert b"/Type3" in data  # Skia draws the CFF CJK fonts as Type 3 glyphs
    else:
        assert font.removesuffix("SC").encode() in data


def _pages(sample) -> list[str]:
    with pdfplumber.open(sample.path) as pdf:
        return [normalise(page.extract_text() or "") for page in pdf.pages]


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_prints_its_page_furniture(sample) -> None:
    pages = _pages(sample)
    contents = next(i for i, text in enumerate(pages) if "目录" in text)
    for table in sample.expected.tables.values():  # the contents page lists every table
        assert table.title in pages[contents], table.title
        assert contents + 1 < table.pages[0]
    setup = sample.setup
    body = pages[contents + 1 :]
    if setup.running_header:
        assert all(normalise(setup.running_header) in text for text in body)
    if setup.page_numbers == "dash":
        assert all(re.search(r"-\d+-$", text) for text in body)
    elif setup.page_numbers == "di":
        assert all(re.search(r"第\d+页$", text) for text in body)


QUIRKS = {  # every producer prints each of these somewhere (traits start with them)
    "complete document",
    "cover and contents",
    "running header",
    "page numbers dash",
    "page numbers di",
    "header repeated on continuation pages",
    "continuation pages without header",
    "01 over two pages, header repeated",
    "01 over two pages, without header",
    "04 over two pages, header repeated",
    "04 over two pages, without header",
    "last rows alone on a page",
    "类|款|项 columns",
    "unit 元",
    "unit 万元",
    "thousands separators",
    "no separators",
    "zero as ''",
    "zero as '-'",
    "zero as '0.00'",
    "zero as '—'",
    "合计 at the bottom",
    "公开NN表 numbering",
    "表一 numbering",
    "表1 numbering",
    "no table numbers",
    "titles without year",
    "older wording",
    "06 in 2 panels",
    "06 in 3 panels",
    "06 landscape",
    "06 portrait",
    "09 12col",
    "09 6col",
    "09 items",
    "09 meetings",
    "Shanghai order",
    "07 and 08 declared 本表无数据",
    "08 declared 本表无数据",
    "radical look-alikes",
    "budget",
}


def test_every_quirk_under_every_producer() -> None:
    for producer in PRODUCERS:
        samples = [s for s in SAMPLES if s.producer == producer]
        traits = {t for s in samples for t in s.traits}
        missing = {n for n in QUIRKS if not any(t.startswith(n) for t in traits)}
        assert not missing, (producer, missing)
        assert 4 <= len(samples) <= 6
        assert len({s.setup.font for s in samples}) >= 2
        kinds = [s.document_kind for s in samples]
        assert kinds.count("final_account") > kinds.count("budget") >= 1
        for sample in samples:  # a workbook holds the tables only; a document its prose too
            if sample.document_kind == "final_account":
                assert "complete document" in sample.traits
                narrative = "Part 1 and Part 3 narrative" in sample.traits
                assert narrative == (producer != "calc")
                assert bool(sample.expected.budget_execution) == narrative


def _has_trait(sample, prefix: str) -> bool:
    return any(t.startswith(prefix) for t in sample.traits)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_traits_show_in_the_pdf(sample) -> None:
    """What a sample's traits say it prints, the PDF and its expected data show."""
    expected = sample.expected
    tables = expected.tables
    pages = _pages(sample)
    for code in ("01", "04"):
        for header in ("header repeated", "without header"):
            if f"{code} over two pages, {header}" in sample.traits:
                table = tables[code]
                assert len(table.pages) >= 2, (code, table.pages)
                for number in table.pages[1:]:  # the column-number row is in the header only
                    repeated = "栏次" in pages[number - 1]
                    assert repeated == (header == "header repeated"), (code, number)
    for trait in sample.traits:
        if trait.startswith("last rows alone on a page"):
            code = trait.split("(")[1].rstrip(")")
            table = tables[code]
            alone = [r for r in table.rows if r.page == table.pages[-1]]
            assert len(table.pages) >= 2 and 1 <= len(alone) <= 3, (code, len(alone))
    if _has_trait(sample, "合计 at the bottom"):
        for code in ("02", "03", "05"):
            assert tables[code].rows[-1].row_key == "total", code
    if _has_trait(sample, "titles without year"):
        assert all(f"{expected.fiscal_year}年" not in t.title for t in tables.values())
    if _has_trait(sample, "Shanghai order"):
        assert list(tables) == ["01", "02", "03", "04", "05", "06", "09", "07", "08"]
    if _has_trait(sample, "radical look-alikes"):
        with pdfplumber.open(sample.path) as pdf:
            text = "".join(page.extract_text() or "" for page in pdf.pages)
        assert "\u2ed4" in text and "\u2ecb" in text  # ⻔ ⻋
        assert "门" not in text and "车" not in text
    numbers = [t.printed_number for t in tables.values()]
    if _has_trait(sample, "no table numbers"):
        assert numbers == [None] * len(numbers)
    elif _has_trait(sample, "表一 numbering"):
        assert tables["01"].printed_number == "表一"
    elif _has_trait(sample, "表1 numbering"):
        assert tables["01"].printed_number == "表1"
    elif _has_trait(sample, "公开NN表 numbering"):
        assert tables["01"].printed_number == "公开01表"
    if _has_trait(sample, "06 in 2 panels") or _has_trait(sample, "06 in 3 panels"):
        panels = 2 if _has_trait(sample, "06 in 2 panels") else 3
        header = pages[tables["06"].pages[0] - 1]
        assert header.count("经济分类") == panels


def test_06_prints_on_the_pages_its_traits_say() -> None:
    for sample in SAMPLES:
        table = sample.expected.tables.get("06")
        if table is None or sample.document_kind == "budget":
            continue
        landscape = "06 landscape" in sample.traits
        assert landscape != ("06 portrait" in sample.traits), sample.file_name
        with pdfplumber.open(sample.path) as pdf:
            for number in table.pages:
                page = pdf.pages[number - 1]
                assert (page.width > page.height) == landscape, (sample.file_name, number)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_expected_rows_add_up(sample) -> None:
    """The sample's own arithmetic: hierarchy, row identities, statement totals, 06, 09."""
    tables = sample.expected.tables
    final = sample.document_kind == "final_account"
    for code in FUNCTION_TABLES:
        table = tables.get(code)
        if table is None or table.is_empty:
            continue
        rows = {r.row_key: r.values for r in table.rows}
        codes = [k for k in rows if k != "total"]
        for column in (c.key for c in table.columns):
            assert rows["total"][column] == _sum(rows[k][column] for k in codes if len(k) == 3)
            for parent in codes:
                children = [k for k in codes if len(k) == len(parent) + 2 and k.startswith(parent)]
                if children:
                    assert rows[parent][column] == _sum(rows[k][column] for k in children)
        if final and code in ROW_IDENTITIES:
            result, terms = ROW_IDENTITIES[code]
            for key, values in rows.items():
                assert values[result] == _sum(s * values[k] for s, k in terms), (code, key)
    if "09" in tables:
        for column in (c.key for c in tables["09"].columns):
            v = {r.row_key: r.values[column] for r in tables["09"].rows}
            assert v["vehicles"] == v["vehicle_purchase"] + v["vehicle_operation"]
            assert v["total"] == v["overseas_travel"] + v["vehicles"] + v["official_reception"]
    if "06" in tables and final:
        rows = {r.row_key: r.values["amount"] for r in tables["06"].rows}
        assert rows["personnel_total"] == rows.get("301", ZERO) + rows.get("303", ZERO)
        assert rows["public_total"] == rows.get("302", ZERO) + rows.get("310", ZERO)
        if "05" in tables:
            basic = tables["05"].row("total").values["basic"]
            assert basic == rows["personnel_total"] + rows["public_total"]
    for code in ("01", "04"):
        if code in tables:
            statement = tables[code]
            grand = [r for r in statement.rows if r.row_key in ("总计", "收入总计", "收入合计")]
            spent = [r for r in statement.rows if r.row_key in ("总计", "支出总计", "支出合计")]
            income = next(r for r in grand if r.side == "income")
            expenditure = next(r for r in spent if r.side == "expenditure")
            column = "amount" if code == "01" else "total"
            assert income.values["amount"] == expenditure.values[column], code
    if final and "01" in tables and "02" in tables and "03" in tables:
        t01 = tables["01"]
        assert (
            t01.row("本年收入合计", "income").values["amount"]
            == (tables["02"].row("total").values["total"])
        )
        assert (
            t01.row("本年支出合计", "expenditure").values["amount"]
            == (tables["03"].row("total").values["total"])
        )


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_expected_pages_follow_the_document(sample) -> None:
    expected = sample.expected
    last = 0
    for table in expected.tables.values():  # in print order
        assert table.pages == list(range(table.pages[0], table.pages[-1] + 1))
        assert table.pages[0] > last
        last = table.pages[-1]
        if table.table_code not in ("01", "04", "06"):  # rows in print order
            row_pages = [r.page for r in table.rows]
            assert row_pages == sorted(row_pages)
        assert all(r.page in table.pages for r in table.rows)
    assert expected.page_count == len(PdfReader(sample.path).pages)
