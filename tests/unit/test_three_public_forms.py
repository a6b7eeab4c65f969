"""Table 09 ("三公"经费) in every form: each value named by the header over it and the row beside it.

Two kinds of test: small ruled tables built word by word (each pins one form),
and the real documents (../shared/realdocs), each cell checked by eye on the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from pipelines.extraction import extract_document
from pipelines.extraction.catalogue import BUDGET_TABLES, FINAL_ACCOUNT_TABLES
from pipelines.extraction.locate import locate_tables
from pipelines.extraction.model import ExtractedTable
from pipelines.extraction.pages import PageLayout, Rule, Word
from pipelines.extraction.problems import Problem, ProblemKind
from pipelines.extraction.three_public import parse_three_public
from tests.support.paths import REALDOCS

# ---------------------------------------------------------------- built tables

LEFT, TOP = 40.0, 100.0  # the table's top left corner
COLUMN_WIDTH, LABEL_WIDTH, ROW_HEIGHT = 64.0, 160.0, 22.0


@dataclass(frozen=True)
class Cell:
    """A header cell: its text over columns first..last, header rows top..bottom."""

    text: str
    first: int
    last: int
    top: int
    bottom: int | None = None


def table_page(
    title: str,
    header: list[Cell],
    rows: list[list[str]],
    *,
    label_column: bool = True,
    unit: str = "万元",
    note: str | None = None,
) -> PageLayout:
    """One ruled table laid out as a PDF producer would: words and ruling lines.

    With ``label_column`` the first column is wide (项目 / 单位名称); amounts are
    right-aligned, labels left-aligned; a merged header cell is ruled round only.
    """
    columns = 1 + max(c.last for c in header)
    widths = [LABEL_WIDTH if label_column and i == 0 else COLUMN_WIDTH for i in range(columns)]
    xs = [LEFT]
    for width in widths:
        xs.append(xs[-1] + width)
    header_rows = 1 + max(c.bottom if c.bottom is not None else c.top for c in header)
    ys = [TOP + k * ROW_HEIGHT for k in range(header_rows + len(rows) + 1)]
    words = [_word(title, 300, 40), _word(f"单位：{unit}", xs[-1] - 40, 70)]
    vertical: list[Rule] = []
    horizontal: list[Rule] = []
    for cell in header:
        bottom = cell.bottom if cell.bottom is not None else cell.top
        x0, x1, y0, y1 = xs[cell.first], xs[cell.last + 1], ys[cell.top], ys[bottom + 1]
        words.append(_word(cell.text, (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0))
        vertical += [Rule(x0, y0, y1), Rule(x1, y0, y1)]
        horizontal += [Rule(y0, x0, x1), Rule(y1, x0, x1)]
    for k, row in enumerate(rows):
        y0, y1 = ys[header_rows + k], ys[header_rows + k + 1]
        horizontal.append(Rule(y1, xs[0], xs[-1]))
        vertical += [Rule(x, y0, y1) for x in xs]
        for i, text in enumerate(row):
            if not text:
                continue
            width = min(len(text) * 6.0, widths[i] - 4)
            if label_column and i == 0:
                words.append(Word(text, xs[i] + 2, xs[i] + 2 + width, y0 + 6, y0 + 16))
            else:
                words.append(Word(text, xs[i + 1] - 2 - width, xs[i + 1] - 2, y0 + 6, y0 + 16))
    if note:
        words.append(_word(note, 300, ys[-1] + 12))
    return PageLayout(1, 1190.0, 842.0, words, vertical, horizontal)


def _word(text: str, x_mid: float, y_mid: float, room: float = 1000.0) -> Word:
    width = min(len(text) * 10.0, room - 6)
    return Word(text, x_mid - width / 2, x_mid + width / 2, y_mid - 5, y_mid + 5)


def read(page: PageLayout, final: bool = False) -> tuple[ExtractedTable, list[Problem]]:
    tables = locate_tables([page], FINAL_ACCOUNT_TABLES if final else BUDGET_TABLES)
    table = next(t for t in tables if t.spec.table_code == "09")
    problems: list[Problem] = []
    return parse_three_public(table, table.unit or "万元", problems), problems


def figures(table: ExtractedTable) -> dict[str, dict[str, str]]:
    """item → column → amount in 万元 as printed (two decimals)."""
    return {
        row.row_key: {k: f"{v / 10000:.2f}" for k, v in row.values.items()} for row in table.rows
    }


BUDGET_ITEMS_HEADER = [  # 合计 | 因公出国 | 公务用车 (小计 购置费 运行费) | 公务接待费
    Cell("合计", 0, 0, 0, 1),
    Cell("因公出国(境)费", 1, 1, 0, 1),
    Cell("公务用车购置及运行费", 2, 4, 0),
    Cell("小计", 2, 2, 1),
    Cell("购置费", 3, 3, 1),
    Cell("运行费", 4, 4, 1),
    Cell("公务接待费", 5, 5, 0, 1),
]


def test_budget_vertical_list_with_numbered_labels():
    page = table_page(
        "2026年度一般公共预算“三公”经费支出预算表",
        [Cell("项目", 0, 0, 0), Cell("预算数", 1, 1, 0)],
        [
            ["合计", "84.10"],
            ["1、因公出国(境)费用", "70.00"],
            ["2、公务接待费", "6.10"],
            ["3、公务用车购置及运行费", "8.00"],
            ["其中:(1)公务用车购置费", ""],
            ["(2)公务用车运行费", "8.00"],
        ],
    )
    table, problems = read(page)
    assert problems == []
    assert figures(table) == {
        "total": {"budget": "84.10"},
        "overseas_travel": {"budget": "70.00"},
        "vehicles": {"budget": "8.00"},
        "vehicle_purchase": {"budget": "0.00"},  # a blank cell is zero
        "vehicle_operation": {"budget": "8.00"},
        "official_reception": {"budget": "6.10"},
    }


def test_budget_items_as_rows_with_fund_columns_and_an_administrative_row():
    page = table_page(
        "财政拨款安排的行政经费及“三公”经费预算表",
        [
            Cell("项目", 0, 0, 0),
            Cell("合计", 1, 1, 0),
            Cell("一般公共预算", 2, 2, 0),
            Cell("政府性基金预算", 3, 3, 0),
            Cell("国有资本经营预算", 4, 4, 0),
        ],
        [
            ["行政经费", "10,884.55", "10,884.55", "0.00", "0.00"],
            ["“三公”经费", "21.84", "19.84", "2.00", "0.00"],
            ["其中:(一)因公出国(境)支出", "13.20", "13.20", "0.00", "0.00"],
            ["(二)公务用车购置及运行维护支出", "2.00", "0.00", "2.00", "0.00"],
            ["1.公务用车购置费", "0.00", "0.00", "0.00", "0.00"],
            ["2.公务用车运行维护费", "2.00", "0.00", "2.00", "0.00"],
            ["(三)公务接待费支出", "6.64", "6.64", "0.00", "0.00"],
        ],
    )
    table, problems = read(page)
    assert problems == []
    # The 合计 column is the budget; the fund splits and 行政经费 are not read.
    assert {k: v["budget"] for k, v in figures(table).items()} == {
        "total": "21.84",
        "overseas_travel": "13.20",
        "vehicles": "2.00",
        "vehicle_purchase": "0.00",
        "vehicle_operation": "2.00",
        "official_reception": "6.64",
    }


def test_budget_one_row_with_this_years_and_carried_over_groupings():
    """合计 | 当年预算 (…) | 上年结转结余 (…): the budget is this year's grouping."""
    groupings = [
        Cell("“三公”经费合计", 0, 0, 0, 2),
        Cell("当年预算", 1, 7, 0),
        Cell("上年结转结余", 8, 14, 0),
    ]
    for start in (1, 8):
        groupings += [
            Cell("小计", start, start, 1, 2),
            Cell("因公出国(境)费", start + 1, start + 2, 1),
            Cell("小计", start + 1, start + 1, 2),
            Cell("科研因公出国(境)费用", start + 2, start + 2, 2),
            Cell("公务用车购置及运行费", start + 3, start + 5, 1),
            Cell("小计", start + 3, start + 3, 2),
            Cell("公务用车购置费", start + 4, start + 4, 2),
            Cell("公务用车运行费", start + 5, start + 5, 2),
            Cell("公务接待费", start + 6, start + 6, 1, 2),
        ]
    this_year = ["9.61", "3.00", "1.00", "5.75", "0.00", "5.75", "0.86"]
    carried = ["1.00", "0.00", "0.00", "1.00", "1.00", "0.00", "0.00"]
    page = table_page(
        "本年一般公共预算“三公”经费支出表",
        groupings,
        [["10.61", *this_year, *carried]],
        label_column=False,
    )
    table, problems = read(page)
    assert problems == []
    assert {k: v["budget"] for k, v in figures(table).items()} == {
        "total": "9.61",
        "overseas_travel": "3.00",  # its 小计, not the 科研 part beside it
        "vehicles": "5.75",
        "vehicle_purchase": "0.00",
        "vehicle_operation": "5.75",
        "official_reception": "0.86",
    }


def test_budget_by_unit_reads_the_total_row_wherever_it_is():
    header = [Cell("单位名称", 0, 0, 0, 1)] + [
        Cell(c.text, c.first + 1, c.last + 1, c.top, c.bottom) for c in BUDGET_ITEMS_HEADER
    ]
    header[1] = Cell("“三公”经费合计", 1, 1, 0, 1)
    rows = [
        ["**", "1", "2", "3", "4", "5", "6"],
        ["湖州市财政局", "7.50", "", "3.50", "", "3.50", "4.00"],
        ["湖州市财政项目预算审核中心", "1.80", "", "", "", "", "1.80"],
        ["合计", "9.30", "", "3.50", "", "3.50", "5.80"],
    ]
    table, problems = read(table_page("2026年一般公共预算“三公”经费支出表", header, rows))
    assert problems == []
    assert {k: v["budget"] for k, v in figures(table).items()} == {
        "total": "9.30",
        "overseas_travel": "0.00",
        "vehicles": "3.50",
        "vehicle_purchase": "0.00",
        "vehicle_operation": "3.50",
        "official_reception": "5.80",
    }


def test_budget_by_unit_without_a_total_row_is_not_understood():
    header = [Cell("单位名称", 0, 0, 0, 1)] + [
        Cell(c.text, c.first + 1, c.last + 1, c.top, c.bottom) for c in BUDGET_ITEMS_HEADER
    ]
    rows = [
        ["湖州市财政局", "7.50", "", "3.50", "", "3.50", "4.00"],
        ["湖州市财政票据管理中心", "1.80", "", "", "", "", "1.80"],
    ]
    table, problems = read(table_page("2026年一般公共预算“三公”经费支出表", header, rows))
    assert table.rows == []
    assert [p.kind for p in problems] == [ProblemKind.ROW_NOT_UNDERSTOOD] * 2


def test_budget_with_meeting_and_training_columns_outside_the_three_public_cell():
    header = [
        Cell("合计", 0, 0, 0, 2),
        Cell("“三公”经费", 1, 6, 0),
        Cell("小计", 1, 1, 1, 2),
        Cell("因公出国(境)费", 2, 2, 1, 2),
        Cell("公务用车购置及运行维护费", 3, 5, 1),
        Cell("小计", 3, 3, 2),
        Cell("公务用车购置费", 4, 4, 2),
        Cell("公务用车运行维护费", 5, 5, 2),
        Cell("公务接待费", 6, 6, 1, 2),
        Cell("会议费", 7, 7, 0, 2),
        Cell("培训费", 8, 8, 0, 2),
    ]
    row = ["2,542.60", "833.60", "222.50", "183.60", "", "183.60", "427.50", "1,305.25", "403.75"]
    page = table_page("“三公”经费、会议费、培训费支出预算表", header, [row], label_column=False)
    table, problems = read(page)
    assert problems == []
    assert figures(table)["total"] == {"budget": "833.60"}  # not the 合计 with 会议费/培训费
    assert figures(table)["official_reception"] == {"budget": "427.50"}
    assert len(table.rows) == 6


def test_bare_total_beside_meeting_and_training_columns_is_not_the_three_public_total():
    header = [
        Cell("合计", 0, 0, 0, 1),
        Cell("因公出国(境)费", 1, 1, 0, 1),
        Cell("公务用车购置及运行费", 2, 4, 0),
        Cell("小计", 2, 2, 1),
        Cell("购置费", 3, 3, 1),
        Cell("运行费", 4, 4, 1),
        Cell("公务接待费", 5, 5, 0, 1),
        Cell("会议费", 6, 6, 0, 1),
        Cell("培训费", 7, 7, 0, 1),
    ]
    row = ["30.00", "5.00", "10.00", "0.00", "10.00", "5.00", "6.00", "4.00"]
    page = table_page("“三公”经费、会议费、培训费预算表", header, [row], label_column=False)
    table, problems = read(page)
    assert problems == []
    assert "total" not in figures(table)  # printed, but it also counts 会议费 and 培训费
    assert figures(table)["overseas_travel"] == {"budget": "5.00"}


def test_budget_rows_of_this_year_and_last_year():
    page = table_page(
        "“三公”经费预算表",
        [Cell("项目", 0, 0, 0, 1)]
        + [Cell(c.text, c.first + 1, c.last + 1, c.top, c.bottom) for c in BUDGET_ITEMS_HEADER],
        [
            ["2025年预算数", "12.00", "2.00", "8.00", "0.00", "8.00", "2.00"],
            ["2026年预算数", "11.00", "1.00", "8.00", "0.00", "8.00", "2.00"],
        ],
    )
    table, problems = read(page)
    assert problems == []
    assert figures(table)["total"] == {"budget": "11.00"}
    assert figures(table)["overseas_travel"] == {"budget": "1.00"}


FINAL_ITEMS = [
    ("“三公”经费合计", None),
    ("因公出国(境)费", None),
    ("公务用车购置及运行维护费", ("小计", "公务用车购置费", "公务用车运行维护费")),
    ("公务接待费", None),
    ("会议费", None),
    ("培训费", None),
]


def item_major_header() -> list[Cell]:
    """Items on top, 预算数 | 决算数 under each (16 columns, 会议费 and 培训费 beside)."""
    cells: list[Cell] = []
    column = 0
    for text, parts in FINAL_ITEMS:
        if parts is None:
            cells.append(Cell(text, column, column + 1, 0, 1))
            spans = [column]
        else:
            cells.append(Cell(text, column, column + 2 * len(parts) - 1, 0))
            spans = [column + 2 * k for k in range(len(parts))]
            cells += [Cell(p, s, s + 1, 1) for p, s in zip(parts, spans, strict=True)]
        for start in spans:
            cells += [Cell("预算数", start, start, 2), Cell("决算数", start + 1, start + 1, 2)]
        column = spans[-1] + 2
    return cells


def test_final_item_major_with_meeting_and_training_columns_beside():
    values = [
        "15.67", "13.73",  # 合计
        "4.42", "4.42",  # 出国
        "7.78", "7.78",  # 车 小计
        "", "",  # 购置
        "7.78", "7.78",  # 运行
        "3.47", "1.53",  # 接待
        "20.00", "18.50",  # 会议费
        "9.00", "8.00",  # 培训费
    ]  # fmt: skip
    page = table_page(
        "财政拨款“三公”经费支出决算表", item_major_header(), [values], label_column=False
    )
    table, problems = read(page, final=True)
    assert problems == []
    assert figures(table) == {
        "total": {"budget": "15.67", "actual": "13.73"},
        "overseas_travel": {"budget": "4.42", "actual": "4.42"},
        "vehicles": {"budget": "7.78", "actual": "7.78"},
        "vehicle_purchase": {"budget": "0.00", "actual": "0.00"},
        "vehicle_operation": {"budget": "7.78", "actual": "7.78"},
        "official_reception": {"budget": "3.47", "actual": "1.53"},
    }


def test_final_twelve_columns_budget_then_actual():
    cells = []
    for group, start in (("预算数", 0), ("决算数", 6)):
        cells += [
            Cell(group, start, start + 5, 0),
            Cell("合计", start, start, 1, 2),
            Cell("因公出国(境)费", start + 1, start + 1, 1, 2),
            Cell("公务用车购置及运行维护费", start + 2, start + 4, 1),
            Cell("小计", start + 2, start + 2, 2),
            Cell("公务用车购置费", start + 3, start + 3, 2),
            Cell("公务用车运行维护费", start + 4, start + 4, 2),
            Cell("公务接待费", start + 5, start + 5, 1, 2),
        ]
    row = ["76.23", "13.03", "58.50", "41.80", "16.70", "4.70"]
    row += ["66.41", "11.36", "50.94", "34.30", "16.64", "4.11"]
    page = table_page("财政拨款“三公”经费支出决算表", cells, [row], label_column=False)
    table, problems = read(page, final=True)
    assert problems == []
    assert figures(table)["vehicle_purchase"] == {"budget": "41.80", "actual": "34.30"}
    assert figures(table)["total"] == {"budget": "76.23", "actual": "66.41"}


def test_final_six_columns_with_budget_and_actual_rows():
    header = [Cell("项目", 0, 0, 0, 1)] + [
        Cell(c.text, c.first + 1, c.last + 1, c.top, c.bottom) for c in BUDGET_ITEMS_HEADER
    ]
    rows = [
        ["预算数", "40.95", "5.97", "33.61", "27.62", "5.99", "1.37"],
        ["决算数", "34.63", "5.44", "27.91", "22.72", "5.19", "1.28"],
    ]
    table, problems = read(table_page("财政拨款“三公”经费支出决算表", header, rows), final=True)
    assert problems == []
    assert figures(table)["total"] == {"budget": "40.95", "actual": "34.63"}
    assert figures(table)["vehicle_operation"] == {"budget": "5.99", "actual": "5.19"}


def test_final_items_as_rows_with_budget_and_actual_columns():
    page = table_page(
        "财政拨款“三公”经费支出决算表",
        [Cell("项目", 0, 0, 0), Cell("预算数", 1, 1, 0), Cell("决算数", 2, 2, 0)],
        [
            ["合计", "57.39", "44.10"],
            ["1.因公出国(境)费", "11.35", "8.50"],
            ["2.公务用车购置及运行维护费", "42.85", "33.19"],
            ["其中:公务用车购置费", "32.10", "25.04"],
            ["公务用车运行维护费", "10.75", "8.15"],
            ["3.公务接待费", "3.19", "2.41"],
            ["会议费", "5.00", "4.00"],
        ],
    )
    table, problems = read(page, final=True)
    assert problems == []
    assert figures(table)["vehicles"] == {"budget": "42.85", "actual": "33.19"}
    # 会议费 is not a "三公" item; the 合计 row says nothing of 三公 and the table
    # prints a 会议费 row, so it may count it: not read as the total.
    assert "total" not in figures(table)


def test_final_items_as_rows_with_a_three_public_total_row_beside_meeting_costs():
    page = table_page(
        "财政拨款“三公”经费支出决算表",
        [Cell("项目", 0, 0, 0), Cell("预算数", 1, 1, 0), Cell("决算数", 2, 2, 0)],
        [
            ["“三公”经费合计", "14.54", "10.91"],
            ["因公出国(境)费", "11.35", "8.50"],
            ["公务接待费", "3.19", "2.41"],
            ["培训费", "5.00", "4.00"],
        ],
    )
    table, problems = read(page, final=True)
    assert problems == []
    assert figures(table)["total"] == {"budget": "14.54", "actual": "10.91"}


def test_an_empty_printed_row_reads_as_zeros():
    header = [Cell("“三公”经费预算数", 0, 5, 0)] + [
        Cell(c.text, c.first, c.last, c.top + 1, None if c.bottom is None else c.bottom + 1)
        for c in BUDGET_ITEMS_HEADER
    ]
    page = table_page("2026年单位“三公”经费预算表", header, [[""] * 6], label_column=False)
    table, problems = read(page)
    assert problems == []
    assert figures(table) == {item: {"budget": "0.00"} for item in figures(table)}
    assert len(table.rows) == 6


def test_a_header_without_any_row_reads_nothing():
    page = table_page("2026年单位“三公”经费预算表", BUDGET_ITEMS_HEADER, [], label_column=False)
    table, problems = read(page)
    assert table.rows == []


# ---------------------------------------------------------------- real documents

REALDOCS = REALDOCS

# file → page, {item: 预算数 in 万元 as printed}, each read off the PDF page by eye.
CHECKED: dict[str, tuple[int, dict[str, str]]] = {
    # 17 columns: 合计, 当年预算 (…), 上年结转结余 (…); the budget is 当年预算's
    "changchun-petition-2026-budget.pdf": (
        12,
        {"total": "7.61", "overseas_travel": "0.00", "vehicles": "6.75", "official_reception": "0.86"},
    ),
    # vertical list: 合计 / 1、因公出国(境)费用 / 2、公务接待费 / 3、公务用车购置及运行费 / 其中 …
    "fuzhou-civil-affairs-2026-budget-unit.pdf": (
        23,
        {"total": "25.05", "overseas_travel": "7.05", "official_reception": "8.00", "vehicles": "10.00"},
    ),
    "fuzhou-commerce-2026-budget.pdf": (
        24,
        {"total": "84.10", "overseas_travel": "70.00", "official_reception": "6.10", "vehicle_operation": "8.00"},
    ),
    "fuzhou-medical-security-2026-budget.pdf": (
        21,
        {"total": "5.00", "overseas_travel": "0.00", "official_reception": "5.00"},
    ),
    "fuzhou-police-civilian-staff-center-2026-budget-unit.pdf": (
        18,
        {"total": "0.00", "overseas_travel": "0.00", "official_reception": "0.00", "vehicles": "0.00"},
    ),
    "fuzhou-police-public-order-2026-budget-unit.pdf": (
        23,
        {"total": "27.31", "official_reception": "2.00", "vehicles": "25.31", "vehicle_purchase": "0.00"},
    ),
    "fuzhou-science-tech-2026-budget-unit.pdf": (
        22,
        {"total": "9.14", "overseas_travel": "6.14", "official_reception": "1.00"},
    ),
    # by unit: the 合计 row, not the sum of 合计 and the unit rows
    "huzhou-finance-2026-budget.pdf": (
        28,
        {"total": "9.30", "overseas_travel": "0.00", "vehicles": "3.50", "official_reception": "5.80"},
    ),
    "huzhou-health-2026-budget.pdf": (
        42,
        {"total": "53.10", "vehicle_operation": "38.50", "official_reception": "14.60"},
    ),
    "huzhou-transport-2026-budget.pdf": (
        35,
        {"total": "749.83", "vehicles": "698.30", "vehicle_purchase": "171.80", "official_reception": "51.53"},
    ),
    # 合计 (with 会议费, 培训费) | “三公”经费 (小计 …) | 会议费 | 培训费; stray ruled slivers
    "jiangsu-npc-office-2018-budget.pdf": (
        15,
        {"total": "833.60", "overseas_travel": "222.50", "vehicle_purchase": "0.00", "official_reception": "427.50"},
    ),
    "jiangsu-party-office-2018-budget-tables.pdf": (
        11,
        {"total": "508.20", "overseas_travel": "70.00", "vehicles": "411.20", "official_reception": "27.00"},
    ),
    "jiangsu-cppcc-office-2019-budget-tables.pdf": (
        9,
        {"total": "660.10", "overseas_travel": "106.00", "official_reception": "397.50"},
    ),
    # a 万元 table in a document in 元
    "shanghai-vocational-exam-institute-2026-budget-unit.pdf": (
        19,
        {"total": "81.60", "overseas_travel": "10.00", "vehicle_purchase": "61.00", "official_reception": "1.00"},
    ),
    # header over one empty ruled row: blank cells, zeros (the narrative says 0.00万元)
    "shanghai-fisheries-retiree-club-2026-budget-unit.pdf": (
        15,
        {"total": "0.00", "overseas_travel": "0.00", "vehicles": "0.00", "official_reception": "0.00"},
    ),
    "shanghai-welfare-lottery-center-2026-budget-unit.pdf": (
        15,
        {"total": "0.00", "overseas_travel": "0.00", "vehicles": "0.00", "official_reception": "0.00"},
    ),
    # the next page's running header ("苏州市审计局 2026 年度部门预算公开") is not a row
    "suzhou-audit-2026-budget.pdf": (
        18,
        {"total": "10.00", "overseas_travel": "0.00", "vehicles": "0.00", "official_reception": "10.00"},
    ),
    "suzhou-natural-resources-2026-budget.pdf": (
        24,
        {"total": "43.80", "vehicles": "7.80", "vehicle_operation": "7.80", "official_reception": "36.00"},
    ),
    "suzhou-natural-resources-2026-budget-unit.pdf": (
        24,
        {"total": "32.00", "vehicles": "0.00", "official_reception": "32.00"},
    ),
    "wuxi-education-2026-budget.pdf": (
        28,
        {"total": "241.17", "vehicle_purchase": "36.00", "official_reception": "100.37"},
    ),
    "wuxi-petition-2025-budget.pdf": (
        21,
        {"total": "1.50", "overseas_travel": "0.00", "official_reception": "1.50"},
    ),
    # items as rows, fund columns; 行政经费 not read
    "zhuhai-commerce-2026-budget.pdf": (
        18,
        {"total": "19.84", "overseas_travel": "13.20", "vehicles": "0.00", "official_reception": "6.64"},
    ),
    "zhuhai-transport-projects-center-2026-budget.pdf": (
        14,
        {"total": "0.00", "overseas_travel": "0.00", "official_reception": "0.00"},
    ),
}  # fmt: skip

realdocs = pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs is not present")
_extracted: dict[str, object] = {}


def extracted(name: str):
    if name not in _extracted:
        _extracted[name] = extract_document(REALDOCS / name)
    return _extracted[name]


def as_printed(amount: Decimal) -> str:
    return f"{amount / 10000:.2f}"


@pytest.mark.realdocs
@realdocs
@pytest.mark.parametrize("name", sorted(CHECKED))
def test_real_document_table_09_read_by_eye(name):
    extraction = extracted(name)
    table = extraction.tables["09"]
    page, expected = CHECKED[name]
    assert page in table.pages
    assert [p for p in extraction.problems if p.table_code == "09"] == []
    got = {row.row_key: as_printed(row.values["budget"]) for row in table.rows}
    assert {item: got.get(item) for item in expected} == expected


@pytest.mark.realdocs
@realdocs
@pytest.mark.parametrize("name", sorted(CHECKED))
def test_real_document_table_09_adds_up(name):
    """合计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行 (each of these documents holds them)."""
    rows = {row.row_key: row.values["budget"] for row in extracted(name).tables["09"].rows}
    zero = Decimal("0")
    parts = rows.get("overseas_travel", zero) + rows.get("vehicles", zero)
    assert abs(rows["total"] - parts - rows.get("official_reception", zero)) <= 300
    vehicles = rows.get("vehicle_purchase", zero) + rows.get("vehicle_operation", zero)
    assert abs(rows.get("vehicles", zero) - vehicles) <= 200


@pytest.mark.realdocs
@realdocs
def test_the_final_account_template_reads_as_zeros():
    """The template's 09 prints its header over one empty ruled row: every cell blank, zero.

    Read as zeros, not declared empty: a blank cell is zero wherever it is, and a
    real unit with nothing to report prints the same table. Recognising the
    document as a template is the document's business, not table 09's.
    """
    extraction = extracted("shanghai-final-account-template-2024.pdf")
    table = extraction.tables["09"]
    assert [p for p in extraction.problems if p.table_code == "09"] == []
    assert len(table.rows) == 6
    assert all(row.values == {"budget": 0, "actual": 0} for row in table.rows)
