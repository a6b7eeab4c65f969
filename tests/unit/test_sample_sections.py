"""Part 3 十–十二 of the samples read back: 机关运行经费, 政府采购, 国有资产占用.

The generator records what each sentence states (``Sentence.sections``, in
``SampleDocument.expected``); ``extract_document`` must read exactly that from
the committed PDF, under every producer. A Calc workbook prints no prose, so
nothing is read from it. The seed prints its own sections (prose/seed_wuhan.toml)
and one sample per producer is checked against concrete figures as well.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pytest

from pipelines.extraction.document import extract_document
from pipelines.extraction.model import DocumentExtraction, OperatingCost, ProcurementLine
from tools.samples import sample_by_file
from tools.samples.section_figures import VEHICLE_KINDS

# a budget and a final account under each producer, and the reportlab forms
SAMPLES = (
    "wuhan-jyj-2021-final.pdf",
    "wuhan-jyj-2023-final.pdf",
    "putuo-wjw-2022-final.pdf",
    "wuhan-kjj-2023-budget.pdf",
    "putuo-wjw-2022-budget.pdf",
    "nanjing-tjj-2021-budget.pdf",
    "nanjing-jtj-2023-budget.pdf",
    "split-codes-yuan.pdf",
    "unit-radicals.pdf",
    "writer-wuhan-jyj-2022-final.pdf",
    "writer-nanjing-tjj-2023-final.pdf",
    "writer-nanjing-jtj-2022-budget.pdf",
    "chromium-nanjing-tjj-2021-final.pdf",
    "chromium-wuhan-jyj-2022-budget.pdf",
)
CALC = ("calc-wuhan-jyj-2023-final.pdf", "calc-putuo-wjw-2023-budget.pdf")


@cache
def read(file_name: str) -> DocumentExtraction:
    return extract_document(sample_by_file(file_name).path)


def _operating(rows: list[OperatingCost]) -> list[tuple]:
    return [
        (
            r.amount_yuan,
            r.change_yuan,
            r.change_rate,
            r.change_base,
            r.initial_budget_yuan,
            r.explanation,
        )
        for r in rows
    ]


def _by_key(rows: list, key: str) -> dict:
    return {getattr(r, key): r for r in rows}


def _on_its_page(got: int, expected: int) -> bool:
    # the layout knows a sentence's first page; its figure may follow the page break
    return got in (expected, expected + 1)


@pytest.mark.parametrize("file_name", SAMPLES)
def test_sections_read_as_generated(file_name: str) -> None:
    expected, got = sample_by_file(file_name).expected, read(file_name)
    assert expected.operating_cost and expected.procurement and expected.state_assets
    assert _operating(got.operating_cost) == _operating(expected.operating_cost)
    for e, g in zip(expected.operating_cost, got.operating_cost, strict=True):
        assert _on_its_page(g.page, e.page)
    want = _by_key(expected.procurement, "category")
    have = _by_key(got.procurement, "category")
    assert set(have) == set(want)
    for category, row in want.items():
        assert (have[category].amount_yuan, have[category].share_percent) == (
            row.amount_yuan,
            row.share_percent,
        ), category
        assert _on_its_page(have[category].page, row.page)
    want_assets = _by_key(expected.state_assets, "asset_item")
    have_assets = _by_key(got.state_assets, "asset_item")
    assert {k: r.quantity for k, r in have_assets.items()} == {
        k: r.quantity for k, r in want_assets.items()
    }
    for item, row in want_assets.items():
        assert have_assets[item].unit == row.unit
        assert _on_its_page(have_assets[item].page, row.page), item


@pytest.mark.parametrize("file_name", SAMPLES)
def test_generated_figures_are_coherent(file_name: str) -> None:
    """Operating cost within 公用经费; parts sum to the total; shares and kinds add up."""
    sample = sample_by_file(file_name)
    expected = sample.expected
    for op in expected.operating_cost:
        assert op.amount_yuan <= _public_expenditure(expected)
        if op.change_yuan is not None and op.change_rate is not None:
            base = op.amount_yuan - op.change_yuan
            assert op.change_rate == _printed(op.change_yuan / base * 100, op.change_rate)
    lines = {r.category: r for r in expected.procurement}
    total = lines["total"].amount_yuan
    assert total is not None
    parts = [lines[c].amount_yuan for c in ("goods", "works", "services") if c in lines]
    assert sum(a for a in parts if a is not None) == total or total == 0
    for line in expected.procurement:
        if line.share_percent is not None:
            assert line.amount_yuan is not None
            share = line.amount_yuan / total * 100
            assert line.share_percent == _printed(share, line.share_percent)
    assets = {r.asset_item: r.quantity for r in expected.state_assets}
    listed = [assets[k] for k in VEHICLE_KINDS if k in assets]
    if listed:
        assert sum(q for q in listed if q is not None) == assets["vehicles_total"]


def _printed(value: Decimal, like: Decimal) -> Decimal:
    """``value`` rounded half up to the places ``like`` is printed with."""
    return value.quantize(like, rounding=ROUND_HALF_UP)


def _public_expenditure(expected: DocumentExtraction) -> Decimal:
    """The 公用经费 the document's narrative restates from its table 06."""
    figures = {f.figure_key: f.amount_yuan for f in expected.narrative_figures}
    return figures["public_expenditure"]


@pytest.mark.parametrize("file_name", CALC)
def test_a_workbook_prints_no_sections_and_none_are_read(file_name: str) -> None:
    got = read(file_name)
    assert not got.operating_cost and not got.procurement and not got.state_assets


def test_seed_sections() -> None:
    got = read("wuhan-kjj-2023-final.pdf")
    assert _operating(got.operating_cost) == [
        (
            Decimal("4707000.00"),
            Decimal("-284600.00"),
            Decimal("-5.7"),
            "budget",
            Decimal("4991600.00"),
            "主要原因是压减支出等",
        )
    ]
    assert {r.category: (r.amount_yuan, r.share_percent) for r in got.procurement} == {
        "total": (Decimal("6935100.00"), None),
        "goods": (Decimal("607500.00"), None),
        "services": (Decimal("6327600.00"), None),
        "sme_awarded": (Decimal("3463100.00"), Decimal("49.9")),
    }
    assert {r.asset_item: r.quantity for r in got.state_assets} == {
        "vehicles_total": 5,
        "机要通信用车": 2,
        "应急保障用车": 2,
        "离退休干部服务用车": 1,
        "equipment_over_1m": 0,
    }


def test_seed_budget_states_the_operating_budget_its_final_account_implies() -> None:
    got = read("wuhan-kjj-2023-budget.pdf")
    (op,) = got.operating_cost
    assert (op.amount_yuan, op.change_yuan) == (Decimal("4991600.00"), None)
    assets = {r.asset_item: r.quantity for r in got.state_assets}
    assert assets["vehicles_total"] == 5 and assets["vehicles_to_purchase"] == 0


def _procured(rows: list[ProcurementLine]) -> dict[str, tuple]:
    return {r.category: (r.amount_yuan, r.share_percent) for r in rows}


def test_reportlab_final_in_yuan() -> None:
    (op,) = read("split-codes-yuan.pdf").operating_cost
    assert (op.amount_yuan, op.change_yuan, op.change_rate, op.change_base) == (
        Decimal("1066600.00"),
        Decimal("-83000.00"),
        Decimal("-7.2"),
        "budget",
    )
    assert op.initial_budget_yuan == Decimal("1149600.00")


def test_unit_without_operating_cost() -> None:
    (op,) = read("unit-radicals.pdf").operating_cost
    assert op.amount_yuan == 0 and op.change_yuan is None


def test_writer_final() -> None:
    got = read("writer-wuhan-jyj-2022-final.pdf")
    (op,) = got.operating_cost
    assert (op.amount_yuan, op.change_yuan, op.change_rate, op.change_base) == (
        Decimal("5956900.00"),
        Decimal("-1882000.00"),
        Decimal("-24.01"),
        "previous_year",
    )
    assert _procured(got.procurement) == {
        "total": (Decimal("13916600.00"), None),
        "goods": (Decimal("3085100.00"), None),
        "services": (Decimal("10831500.00"), None),
        "sme_awarded": (Decimal("7399000.00"), Decimal("53.2")),
    }
    assert {r.asset_item: r.quantity for r in got.state_assets} == {
        "vehicles_total": 6,
        "应急保障用车": 1,
        "执法执勤用车": 2,
        "特种专业技术用车": 2,
        "离退休干部服务用车": 1,
        "equipment_over_1m": 0,
    }


def test_writer_final_in_yuan() -> None:
    (op,) = read("writer-nanjing-tjj-2023-final.pdf").operating_cost
    assert (op.amount_yuan, op.change_yuan, op.change_rate, op.change_base) == (
        Decimal("1120400.00"),
        Decimal("53800.00"),
        Decimal("5.04"),
        "previous_year",
    )


def test_chromium_final_without_procurement() -> None:
    got = read("chromium-nanjing-tjj-2021-final.pdf")
    (op,) = got.operating_cost
    assert (op.amount_yuan, op.change_yuan, op.change_rate) == (
        Decimal("1037500.00"),
        Decimal("-146000.00"),
        Decimal("-12.34"),
    )
    assert _procured(got.procurement) == {"total": (Decimal("0.00"), None)}
    assets = {r.asset_item: r.quantity for r in got.state_assets}
    assert assets["vehicles_total"] == 4 and assets["机要通信用车"] == 2
    assert assets["equipment_over_1m"] == 1


def test_chromium_budget() -> None:
    got = read("chromium-wuhan-jyj-2022-budget.pdf")
    (op,) = got.operating_cost
    assert (op.amount_yuan, op.change_yuan, op.change_rate, op.change_base) == (
        Decimal("9038400.00"),
        Decimal("2751500.00"),
        Decimal("43.8"),
        "previous_year",
    )
    assert _procured(got.procurement) == {
        "total": (Decimal("33249000.00"), None),
        "goods": (Decimal("6186000.00"), None),
        "works": (Decimal("0.00"), None),
        "services": (Decimal("27063000.00"), None),
    }
    assets = {r.asset_item: r.quantity for r in got.state_assets}
    assert assets == {"vehicles_total": 7, "equipment_over_1m": 0, "vehicles_to_purchase": 1}
