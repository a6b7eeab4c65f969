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

from pipelines.samples import producer_samples
from pipelines.samples.producers import PRODUCERS
from pipelines.samples.style import normalise

ZERO = Decimal(0)
SAMPLES = producer_samples()
IDS = [s.file_name for s in SAMPLES]
MAX_BYTES = 400 * 1024
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


def test_every_quirk_under_every_producer() -> None:
    need = {
        "header repeated on continuation pages",
        "continuation pages without header",
        "类|款|项 columns",
        "unit 元",
        "unit 万元",
        "thousands separators",
        "zero as ''",
        "zero as '-'",
        "zero as '0.00'",
        "cover and contents",
        "running header",
        "page numbers dash",
        "page numbers di",
        "06 in 2 panels",
        "06 in 3 panels, landscape",
        "09 12col",
        "09 6col",
        "09 items",
        "09 meetings",
        "表1 numbering",
        "older wording",
        "07 and 08 declared 本表无数据",
        "budget",
    }
    for producer in PRODUCERS:
        samples = [s for s in SAMPLES if s.producer == producer]
        traits = {t for s in samples for t in s.traits}
        missing = {n for n in need if not any(t.startswith(n) for t in traits)}
        assert not missing, (producer, missing)
        assert 4 <= len(samples) <= 6
        assert len({s.setup.font for s in samples}) >= 2
        kinds = [s.document_kind for s in samples]
        assert kinds.count("final_account") > kinds.count("budget") >= 1


def test_landscape_06_prints_on_landscape_pages() -> None:
    for sample in SAMPLES:
        table = sample.expected.tables.get("06")
        if table is None or not any("landscape" in t for t in sample.traits if "06" in t):
            continue
        with pdfplumber.open(sample.path) as pdf:
            for number in table.pages:
                page = pdf.pages[number - 1]
                assert page.width > page.height, (sample.file_name, number)


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
