"""Identities across two tables (``X<aa>_<bb>_…``): a total one table prints restated by another.

The statement's totals against the detail tables' 合计 (01 against 02 and 03,
04 against 02 and 05, or a budget's single-column 04 against 05 + 07 + 08),
each expenditure class line of a statement against the detail table's class
row, and 05's 基本支出 against the footers or the 合计 of 06; 04's 政府性基金 and
国有资本经营 columns against tables 07 and 08, and 04's carry-overs as a part of
01's.
"""

from __future__ import annotations

from decimal import Decimal

from pipelines.extraction.model import ExtractedTable, TableRow

from .evaluation import ZERO, Checker, step_yuan
from .statement_labels import class_code_for_label
from .statement_sides import statement_side
from .table_cells import cell_amount, code_rows, is_usable, prints_column, row_name


def _cross_total(
    checker: Checker,
    rule_id: str,
    summary: ExtractedTable,
    summary_row: TableRow | None,
    summary_column: str,
    detail: ExtractedTable,
    detail_row: TableRow | None,
    detail_column: str,
    description: str,
    less: tuple[str, ...] = (),
) -> None:
    """The summary's cell against the detail's, less the detail's ``less`` columns."""
    if summary_row is None or detail_row is None:
        return
    side = f"{summary_row.side}/" if summary_row.side else ""
    deducted = [cell_amount(detail_row, c) for c in less if prints_column(detail, c)]
    checker.compare(
        rule_id,
        f"{summary.table_code}/{side}{summary_row.row_key}/{summary_column}",
        summary.table_code,
        [cell_amount(detail_row, detail_column), *(None if v is None else -v for v in deducted)],
        cell_amount(summary_row, summary_column),
        step_yuan(summary, detail),
        description,
    )


def _check_class_lines(
    checker: Checker,
    rule_id: str,
    statement: ExtractedTable,
    column: str,
    detail: ExtractedTable,
    document_kind: str | None = None,
) -> None:
    """Each expenditure class line of a statement against the detail table's class row."""
    side = statement_side(statement, "expenditure", document_kind)
    if column not in side.columns:
        column = side.columns[0]
    detail_rows = code_rows(detail)
    if not detail_rows:
        return  # the detail table prints its total only (e.g. Jiangsu's 支出预算总表)
    step = step_yuan(statement, detail)
    matched: set[str] = set()
    all_mapped = True
    for line in side.lines:
        class_code = class_code_for_label(line.row_key or line.row_label)
        if class_code is None:
            all_mapped = False
            continue
        matched.add(class_code)
        detail_row = detail_rows.get(class_code)
        checker.compare(
            rule_id,
            f"{statement.table_code}/expenditure/{line.row_key}/{column}",
            statement.table_code,
            [cell_amount(detail_row, "total")],
            cell_amount(line, column),
            step,
            f"Table {statement.table_code} line '{row_name(line)}' should equal table "
            f"{detail.table_code} class row {class_code}"
            + (f" '{detail_row.row_label}'" if detail_row else " (not printed, so zero)")
            + " total",
        )
    if not all_mapped or not side.lines:
        return
    for class_code, detail_row in detail_rows.items():
        if len(class_code) != 3 or class_code in matched:
            continue
        checker.compare(
            rule_id,
            f"{statement.table_code}/expenditure/{class_code}/{column}",
            statement.table_code,
            [cell_amount(detail_row, "total")],
            ZERO,
            step,
            f"Table {statement.table_code} prints no line for class {class_code} "
            f"'{detail_row.row_label}' that table {detail.table_code} reports",
        )


def check_cross_tables(
    checker: Checker, tables: dict[str, ExtractedTable], document_kind: str | None = None
) -> None:
    """The identities across tables, each where the tables it compares are usable."""
    t01, t02, t03, t04, t05, t06 = (tables.get(c) for c in ("01", "02", "03", "04", "05", "06"))
    usable = {code: is_usable(t) for code, t in tables.items()}
    kind = document_kind
    if usable.get("01") and usable.get("02"):
        _cross_total(
            checker,
            "X01_02_INCOME_TOTAL",
            t01,
            statement_side(t01, "income", kind).year_total,
            "amount",
            t02,
            t02.row("total"),
            "total",
            "Table 01 本年收入合计 should equal table 02 合计 (本年收入合计; a budget's 合计 "
            "less its 上年结转结余)",
            less=("carryover",),
        )
    if usable.get("01") and usable.get("03"):
        _cross_total(
            checker,
            "X01_03_EXPENDITURE_TOTAL",
            t01,
            statement_side(t01, "expenditure", kind).year_total,
            "amount",
            t03,
            t03.row("total"),
            "total",
            "Table 01 本年支出合计 should equal table 03 合计 (本年支出合计)",
        )
        _check_class_lines(checker, "X01_03_CLASS", t01, "amount", t03, kind)
    if usable.get("02") and usable.get("04") and prints_column(t02, "fiscal_appropriation"):
        income04 = statement_side(t04, "income", kind)
        _cross_total(
            checker,
            "X02_04_FISCAL_INCOME",
            t04,
            income04.year_total,
            income04.columns[0],
            t02,
            t02.row("total"),
            "fiscal_appropriation",
            "Table 04 本年收入合计 should equal table 02 合计 财政拨款收入",
        )
    if usable.get("04") and usable.get("05"):
        expenditure04 = statement_side(t04, "expenditure", kind)
        split_by_fund = "general_public_budget" in expenditure04.columns
        if kind == "budget" and not split_by_fund:
            # One 金额 column for all appropriation funds: 04 = 05 + 07 + 08.
            column = expenditure04.columns[0]
            funds = [t for t in (t05, tables.get("07"), tables.get("08")) if is_usable(t)]
            if expenditure04.year_total is not None and all(t.row("total") for t in funds):
                checker.compare(
                    "X04_FUND_TABLES_TOTAL",
                    f"04/expenditure/{expenditure04.year_total.row_key}/{column}",
                    "04",
                    [cell_amount(t.row("total"), "total") for t in funds],
                    cell_amount(expenditure04.year_total, column),
                    step_yuan(t04, *funds),
                    "Table 04 本年支出合计 should equal the 合计 of tables "
                    + " + ".join(t.table_code for t in funds),
                )
        else:
            column = "general_public_budget" if split_by_fund else expenditure04.columns[0]
            _cross_total(
                checker,
                "X04_05_EXPENDITURE_TOTAL",
                t04,
                expenditure04.year_total,
                column,
                t05,
                t05.row("total"),
                "total",
                f"Table 04 本年支出合计 ({column}) should equal table 05 合计 total",
            )
            _check_class_lines(checker, "X04_05_CLASS", t04, column, t05, kind)
    if usable.get("05") and usable.get("06") and prints_column(t05, "basic"):
        basic = t05.row("total")
        personnel, public = t06.row("personnel_total"), t06.row("public_total")
        if basic is not None and personnel is not None and public is not None:
            checker.compare(
                "X05_06_BASIC",
                "05/total/basic",
                "05",
                [cell_amount(personnel, "amount"), cell_amount(public, "amount")],
                cell_amount(basic, "basic"),
                step_yuan(t05, t06),
                "Table 05 合计 基本支出 should equal table 06 人员经费合计 + 公用经费合计",
            )
        total06 = t06.row("total")
        if basic is not None and total06 is not None:
            checker.compare(
                "X05_06_BASIC_TOTAL",
                "05/total/basic",
                "05",
                [cell_amount(total06, "amount")],
                cell_amount(basic, "basic"),
                step_yuan(t05, t06),
                "Table 05 合计 基本支出 should equal table 06 合计",
            )


# 04's fund columns and the table that details each: (rule, column, table code).
FUND_TABLES = (
    ("X04_07_GOVERNMENT_FUND", "government_fund", "07"),
    ("X04_08_STATE_CAPITAL", "state_capital", "08"),
)


def check_fund_tables(
    checker: Checker, tables: dict[str, ExtractedTable], document_kind: str | None = None
) -> None:
    """04's 政府性基金 / 国有资本经营 expenditure against 07 / 08 (0 when the table is empty)."""
    t04 = tables.get("04")
    if t04 is None or not is_usable(t04):
        return
    expenditure04 = statement_side(t04, "expenditure", document_kind)
    year_total = expenditure04.year_total
    if year_total is None:
        return
    for rule_id, column, code in FUND_TABLES:
        detail = tables.get(code)
        if column not in expenditure04.columns or detail is None:
            continue  # not split by fund, or the table was not found: nothing to compare
        expected: Decimal | None
        if detail.is_empty:
            expected, step, what = ZERO, step_yuan(t04), "declared empty, so 0"
        elif is_usable(detail) and detail.row("total") is not None:
            expected, step, what = (
                cell_amount(detail.row("total"), "total"),
                step_yuan(t04, detail),
                "合计 total",
            )
        else:
            continue
        checker.compare(
            rule_id,
            f"04/expenditure/{year_total.row_key}/{column}",
            "04",
            [expected],
            cell_amount(year_total, column),
            step,
            f"Table 04 本年支出合计 ({column}) should equal table {code} ({what})",
        )


def check_carryovers(checker: Checker, tables: dict[str, ExtractedTable]) -> None:
    """04's appropriation carry-overs are a part of 01's carry-overs of all funds (final accounts)."""
    t01, t04 = tables.get("01"), tables.get("04")
    if t01 is None or t04 is None or not (is_usable(t01) and is_usable(t04)):
        return
    for side_name, when in (("income", "年初"), ("expenditure", "年末")):
        side01 = statement_side(t01, side_name)
        side04 = statement_side(t04, side_name)
        if side01.carryover is None or side04.carryover is None:
            continue
        column04 = "total" if "total" in side04.columns else side04.columns[0]
        checker.at_most(
            "X01_04_CARRYOVER",
            f"04/{side_name}/{side04.carryover.row_key}/{column04}",
            "04",
            cell_amount(side01.carryover, side01.columns[0]),
            cell_amount(side04.carryover, column04),
            step_yuan(t01, t04),
            f"Table 04 {when}财政拨款结转和结余 should not exceed table 01 {when}结转和结余",
        )
