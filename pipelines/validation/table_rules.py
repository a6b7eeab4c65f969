"""The own arithmetic of the function tables (02, 03, 05, 07, 08), of 06 and of 09.

Function tables: the row identity printed under the table (a row's total
column = the sum of its parts, :data:`.catalogue.FUNCTION_ROW_SUMS`), 07's
carry-over, the 类/款/项 hierarchy and the 合计 row; a table listed by item
(小计 blocks) or by unit (单位名称) is checked by its items or units. Table 06:
each class against its sections, the 人员经费 / 公用经费 footers and a 合计
row against the classes. Table 09: 合计 and 公务用车购置及运行维护费 against
their parts. The statements 01 and 04 are checked in :mod:`.statement_rules`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pipelines.extraction.function_table import is_item_key, is_unit_key
from pipelines.extraction.model import ExtractedTable, TableRow

from .catalogue import APPROPRIATION_BY_FUND, BASIC_PARTS, FUNCTION_ROW_SUMS
from .evaluation import ZERO, Checker, step_yuan
from .table_cells import amount_columns, cell_amount, code_rows, column_name

# ---------------------------------------------------------------- function tables

FUNCTION_TABLES = ("02", "03", "05", "07", "08")

# Where a budget table prints the whole of a split column too, the parts are not summed again.
_PARTS_OF = {"fiscal_appropriation": APPROPRIATION_BY_FUND, "basic": BASIC_PARTS}


def _parent_code(code: str, codes: Iterable[str] | dict[str, TableRow]) -> str | None:
    for length in (5, 3):
        if len(code) > length and code[:length] in codes:
            return code[:length]
    return None


def check_function_table(checker: Checker, table: ExtractedTable) -> None:
    """A function table's row identity, 07's carry-over, its hierarchy and 合计, items, units."""
    code = table.table_code
    step = step_yuan(table)
    columns = amount_columns(table)
    rows = code_rows(table)
    total_row = table.row("total")
    if any(is_unit_key(row.row_key) for row in table.rows):
        _check_unit_rows(checker, table, step, columns)
    if any(is_item_key(row.row_key) for row in table.rows):
        _check_item_rows(checker, table, step, columns)

    # Row identities from the footnote.
    if code in FUNCTION_ROW_SUMS:
        rule_id, total_column, terms, _footnote = FUNCTION_ROW_SUMS[code]
        present_terms = [t for t in terms if t in columns]
        for whole, parts in _PARTS_OF.items():
            if whole in present_terms:
                present_terms = [t for t in present_terms if t not in parts]
        if total_column in columns and present_terms:
            identity = f"{column_name(table, total_column)} should equal " + " + ".join(
                column_name(table, t) for t in present_terms
            )
            for row in table.rows:
                checker.compare(
                    rule_id,
                    f"{code}/{row.row_key}/{total_column}",
                    code,
                    [cell_amount(row, t) for t in present_terms],
                    cell_amount(row, total_column),
                    step,
                    f"Table {code} row {row.row_key} '{row.row_label}' column {identity}",
                )
    if code == "07" and {"carryover_begin", "income", "total", "carryover_end"} <= set(columns):
        for row in table.rows:
            begin, income, spent = (
                cell_amount(row, "carryover_begin"),
                cell_amount(row, "income"),
                cell_amount(row, "total"),
            )
            checker.compare(
                "T07_CARRYOVER",
                f"07/{row.row_key}/carryover_end",
                code,
                [begin, income, None if spent is None else -spent],
                cell_amount(row, "carryover_end"),
                step,
                f"Table 07 row {row.row_key} '{row.row_label}' 年末结转和结余 should equal "
                "年初结转和结余 + 本年收入 − 本年支出",
            )

    # Hierarchy: each row with children equals the sum of its children.
    children: dict[str, list[TableRow]] = {}
    top_level: list[TableRow] = []
    for row_code, row in rows.items():
        parent_of_row = _parent_code(row_code, rows)
        if parent_of_row is None:
            top_level.append(row)
        else:
            children.setdefault(parent_of_row, []).append(row)
    column_names = {column: column_name(table, column) for column in columns}
    for parent_code, kids in children.items():
        parent = rows[parent_code]
        level = {3: "类", 5: "款"}[len(parent_code)]
        kid_codes = ", ".join(k.row_key for k in kids)
        for column in columns:
            checker.compare(
                f"T{code}_HIERARCHY",
                f"{code}/{parent_code}/{column}",
                code,
                [cell_amount(k, column) for k in kids],
                cell_amount(parent, column),
                step,
                f"Table {code} {level} row {parent_code} '{parent.row_label}' column "
                f"{column_names[column]} should equal the sum of its child rows {kid_codes}",
            )
    if total_row is not None and top_level:
        class_codes = ", ".join(r.row_key for r in top_level)
        for column in columns:
            checker.compare(
                f"T{code}_GRAND_TOTAL",
                f"{code}/total/{column}",
                code,
                [cell_amount(r, column) for r in top_level],
                cell_amount(total_row, column),
                step,
                f"Table {code} 合计 row column {column_names[column]} should equal the sum of "
                f"the class rows {class_codes}",
            )


def _check_item_rows(
    checker: Checker, table: ExtractedTable, step: Decimal, columns: list[str]
) -> None:
    """A table listed by item: the 合计 is the sum of the 小计 rows (or of the items), and
    a 小计 printed above its items is their sum. '其中' lines are parts, never summed."""
    code = table.table_code
    total_row = table.row("total")
    items = [r for r in table.rows if is_item_key(r.row_key) and "其中" not in r.row_label]
    subtotals = [r for r in items if r.row_label.endswith("小计")]
    blocks: list[tuple[TableRow, list[TableRow]]] = []
    for row in items:
        if row in subtotals:
            blocks.append((row, []))
        elif blocks:
            blocks[-1][1].append(row)
    for subtotal, parts in blocks:
        if not parts:
            continue
        for column in columns:
            checker.compare(
                f"T{code}_ITEMS",
                f"{code}/{subtotal.row_key}/{column}",
                code,
                [cell_amount(r, column) for r in parts],
                cell_amount(subtotal, column),
                step,
                f"Table {code} '{subtotal.row_label}' column {column_name(table, column)} "
                "should equal the sum of the items under it",
            )
    if total_row is None or not items:
        return
    terms = subtotals or items
    for column in columns:
        checker.compare(
            f"T{code}_ITEMS",
            f"{code}/total/{column}",
            code,
            [cell_amount(r, column) for r in terms],
            cell_amount(total_row, column),
            step,
            f"Table {code} 合计 column {column_name(table, column)} should equal the sum of its "
            + ("小计 rows" if subtotals else "items"),
        )


def _check_unit_rows(
    checker: Checker, table: ExtractedTable, step: Decimal, columns: list[str]
) -> None:
    """A table listed by unit: the 合计 is the sum of the top-level units.

    A unit whose code begins another's (024 → 024001) is a department over its
    units; without codes, a first unit row equal to the 合计 is the department
    printing its units below it.
    """
    code = table.table_code
    units = [row for row in table.rows if is_unit_key(row.row_key)]
    total_row = table.row("total")
    codes = {row.row_key.removeprefix("unit:"): row for row in units}
    children: dict[str, list[TableRow]] = {}
    top_level: list[TableRow] = []
    for unit_code, row in codes.items():
        parent = next(
            (c for c in codes if c != unit_code and c.isdigit() and unit_code.startswith(c)), None
        )
        if parent is None:
            top_level.append(row)
        else:
            children.setdefault(parent, []).append(row)
    if (
        not children
        and total_row is not None
        and len(top_level) > 1
        and all(cell_amount(top_level[0], c) == cell_amount(total_row, c) for c in columns)
    ):
        children[top_level[0].row_key.removeprefix("unit:")] = top_level[1:]
        top_level = top_level[:1]
    for parent, kids in children.items():
        for column in columns:
            checker.compare(
                f"T{code}_UNITS",
                f"{code}/{codes[parent].row_key}/{column}",
                code,
                [cell_amount(k, column) for k in kids],
                cell_amount(codes[parent], column),
                step,
                f"Table {code} department row '{codes[parent].row_label}' column "
                f"{column_name(table, column)} should equal the sum of its units",
            )
    if total_row is not None and top_level:
        for column in columns:
            checker.compare(
                f"T{code}_UNITS",
                f"{code}/total/{column}",
                code,
                [cell_amount(r, column) for r in top_level],
                cell_amount(total_row, column),
                step,
                f"Table {code} 合计 row column {column_name(table, column)} should equal the sum of "
                "the units",
            )


# ---------------------------------------------------------------- table 06 and 09

PERSONNEL_ECONOMIC_CLASSES = ("301", "303")  # 人员经费 = 301 + 303; 公用经费 = the rest


def _economic_class_amounts(table: ExtractedTable) -> dict[str, Decimal | None]:
    """Amount per 3-digit economic class: the class row, else the sum of its sections."""
    rows = code_rows(table)
    amounts: dict[str, Decimal | None] = {}
    for row_code, row in rows.items():
        if len(row_code) == 3:
            amounts[row_code] = cell_amount(row, "amount")
    for row_code, row in rows.items():
        if len(row_code) == 5 and row_code[:3] not in rows:
            value = cell_amount(row, "amount")
            prior = amounts.get(row_code[:3], ZERO)
            amounts[row_code[:3]] = None if value is None or prior is None else prior + value
    return amounts


def check_economic_table(checker: Checker, table: ExtractedTable) -> None:
    """Table 06: each class against its sections, the footers and a 合计 against the classes."""
    step = step_yuan(table)
    rows = code_rows(table)
    for class_code, class_row in rows.items():
        if len(class_code) != 3:
            continue
        sections = [r for c, r in rows.items() if len(c) == 5 and c.startswith(class_code)]
        if not sections:
            continue
        checker.compare(
            "T06_HIERARCHY",
            f"06/{class_code}/amount",
            "06",
            [cell_amount(r, "amount") for r in sections],
            cell_amount(class_row, "amount"),
            step,
            f"Table 06 class {class_code} '{class_row.row_label}' should equal the sum of its sections",
        )
    classes = _economic_class_amounts(table)
    for rule_id, footer, wanted in (
        ("T06_PERSONNEL_TOTAL", "personnel_total", lambda c: c in PERSONNEL_ECONOMIC_CLASSES),
        ("T06_PUBLIC_TOTAL", "public_total", lambda c: c not in PERSONNEL_ECONOMIC_CLASSES),
    ):
        footer_row = table.row(footer)
        if footer_row is None:
            continue
        picked = sorted(c for c in classes if wanted(c))
        checker.compare(
            rule_id,
            f"06/{footer}/amount",
            "06",
            [classes[c] for c in picked],
            cell_amount(footer_row, "amount"),
            step,
            f"Table 06 footer '{footer_row.row_label}' should equal the classes "
            + (", ".join(picked) or "(none printed)"),
        )
    total_row = table.row("total")
    if total_row is not None and classes:
        picked = sorted(classes)
        checker.compare(
            "T06_GRAND_TOTAL",
            "06/total/amount",
            "06",
            [classes[c] for c in picked],
            cell_amount(total_row, "amount"),
            step,
            f"Table 06 合计 '{total_row.row_label}' should equal the classes " + ", ".join(picked),
        )


def check_three_public(checker: Checker, table: ExtractedTable) -> None:
    """Table 09: 合计 and the vehicles' line against their parts, per printed column."""
    step = step_yuan(table)
    # A budget 09 prints only 预算数: check the columns the table has.
    printed = amount_columns(table)
    columns = [c for c in ("budget", "actual") if c in printed] or ["budget", "actual"]
    for rule_id, target, parts in (
        (
            "T09_TOTAL",
            "total",
            ("overseas_travel", "vehicles", "official_reception"),
        ),
        (
            "T09_VEHICLES",
            "vehicles",
            ("vehicle_purchase", "vehicle_operation"),
        ),
    ):
        target_row = table.row(target)
        part_rows = [table.row(p) for p in parts]
        if target_row is None or all(r is None for r in part_rows):
            continue
        for column in columns:
            checker.compare(
                rule_id,
                f"09/{target}/{column}",
                "09",
                [cell_amount(r, column) for r in part_rows if r is not None],
                cell_amount(target_row, column),
                step,
                f"Table 09 '{target_row.row_label}' {column_name(table, column)} should equal "
                + " + ".join(parts),
            )
