"""The quarantine decision: did extraction itself fail on this document?

A document is quarantined (``dim_document.status = 'quarantined'``, nothing
loaded into the facts) only on evidence that *extraction* failed, never because
the source document contradicts itself. The evidence, each giving one clause of
``quarantine_reason`` that names the table and the problem:

1. a required table is missing: a final account (``document_kind``
   'final_account', or unknown) must yield tables 01, 02, 03, 05, 06 and 09,
   unless the table was found and declared empty (``is_empty``). A budget
   (``document_kind`` 'budget') must yield a statement, 01 or 04 (some
   regions print only one of them), and 05; 02 and 03 are optional since some
   regions publish income and expenditure by source rather than by function
   code, and 06 / 09 are optional because some budgets leave them to a
   separate file. A budget that is the prose part of a document set (no
   tables at all, and the extractor says so: a problem starting
   'no standard tables') is loaded with its narrative, not quarantined;
2. a table was found with no rows but is not declared empty;
3. the schema of a table failed badly: a required column is missing (its
   header was not recognised), or more than half of its rows fail a schema
   check (codes with letters, non-Decimal amounts, duplicate keys…);
4. more than half of a table's arithmetic identities (row sums from the
   footnote, 类/款/项 hierarchy, 合计, statement line sums — the ``T<nn>_``
   rules) are broken beyond rounding: the numbers were read into the wrong
   cells or are not numbers from the table at all;
5. the 合计 totals cannot be matched at all between 01, 02 and 03: one of the
   total lines (01 本年收入合计 / 本年支出合计, 02 合计, 03 合计) cannot be
   located, or both 01 = 02 and 01 = 03 fail. For a budget the 01 totals are
   located with the budget vocabulary (当年收入小计, 收入合计, 收入总计 …; see
   :func:`~pipelines.validation.rules.statement_side`), and the same holds
   for table 04 when the budget prints no 01.

Everything else is a genuine source inconsistency and the document is loaded
with its findings: narrative numbers that disagree with the tables (``N_``
rules, however many), a couple of broken sums, a cross-table mismatch, rounding.
"""

from __future__ import annotations

from collections import Counter

from pipelines.extraction.model import DocumentExtraction, ExtractedTable

from .rules import RULE_BY_ID, Evaluation, statement_side
from .schemas import SchemaResult

REQUIRED_FINAL_ACCOUNT_TABLES = ("01", "02", "03", "05", "06", "09")
# Budgets: every group must be represented by one of its tables.
REQUIRED_BUDGET_TABLE_GROUPS: tuple[tuple[str, ...], ...] = (("01", "04"), ("05",))
PROSE_ONLY_PROBLEM = "no standard tables"
BROKEN_SHARE_LIMIT = 0.5  # more than half broken → extraction failure
MIN_FAMILY_SIZE = 4  # a rule checked on fewer rows than this is judged with the table as a whole


_BUDGET_TITLES = {
    "01": "收支预算总表",
    "02": "收入预算表",
    "03": "支出预算表",
    "04": "财政拨款收支预算总表",
    "05": "一般公共预算支出预算表",
    "06": "一般公共预算基本支出预算表",
    "07": "政府性基金预算支出预算表",
    "08": "国有资本经营预算支出预算表",
    "09": "“三公”经费预算表",
}


def _table_title(code: str, document_kind: str | None = None) -> str:
    if document_kind == "budget":
        return f"table {code} ({_BUDGET_TITLES.get(code, code)})"
    titles = {
        "01": "收入支出决算总表",
        "02": "收入决算表",
        "03": "支出决算表",
        "04": "财政拨款收入支出决算总表",
        "05": "一般公共预算财政拨款支出决算表",
        "06": "一般公共预算财政拨款基本支出决算明细表",
        "07": "政府性基金预算财政拨款收入支出决算表",
        "08": "国有资本经营预算财政拨款支出决算表",
        "09": "财政拨款“三公”经费支出决算表",
    }
    return f"table {code} ({titles.get(code, code)})"


def is_prose_only(extraction: DocumentExtraction) -> bool:
    """A budget file that holds only the prose of a document set (its tables are elsewhere)."""
    return not extraction.tables and any(
        problem.startswith(PROSE_ONLY_PROBLEM) for problem in extraction.problems
    )


def _usable(table: ExtractedTable | None) -> bool:
    return table is not None and not table.is_empty and bool(table.rows)


def quarantine_reason(
    extraction: DocumentExtraction,
    schema_results: dict[str, SchemaResult],
    evaluations: list[Evaluation],
) -> str | None:
    """Return why the document must be quarantined, or None when it can be loaded."""
    reasons: list[str] = []
    tables = extraction.tables
    kind = extraction.document_kind

    # 1. required tables
    if kind in (None, "final_account"):
        for code in REQUIRED_FINAL_ACCOUNT_TABLES:
            if code not in tables:
                reasons.append(f"{_table_title(code, kind)} missing")
    elif kind == "budget" and not is_prose_only(extraction):
        for group in REQUIRED_BUDGET_TABLE_GROUPS:
            if not any(code in tables for code in group):
                reasons.append(" or ".join(_table_title(code, kind) for code in group) + " missing")

    # 2. empty tables not declared empty
    for code, table in sorted(tables.items()):
        if not table.is_empty and not table.rows:
            reasons.append(f"{_table_title(code, kind)} has no rows but is not declared empty")

    # 3. schema
    for code, result in sorted(schema_results.items()):
        if tables.get(code) is not None and tables[code].is_empty:
            continue
        if result.missing_columns:
            reasons.append(
                f"{_table_title(code, kind)} lacks required column(s) "
                + ", ".join(sorted(set(result.missing_columns)))
            )
        if result.row_count and len(result.failed_rows) > BROKEN_SHARE_LIMIT * result.row_count:
            reasons.append(
                f"{_table_title(code, kind)}: {len(result.failed_rows)} of {result.row_count} rows fail the schema"
            )

    # 4. intra-table identities
    # Counted per table and per rule of the table: columns read out of place
    # break every row sum while the hierarchy still holds.
    evaluated: Counter[tuple[str, str]] = Counter()
    broken: Counter[tuple[str, str]] = Counter()
    for evaluation in evaluations:
        rule = RULE_BY_ID.get(evaluation.rule_id)
        if rule is None or rule.scope != "table":
            continue
        for key in ((evaluation.table_code, "all"), (evaluation.table_code, evaluation.rule_id)):
            evaluated[key] += 1
            if evaluation.outcome == "broken":
                broken[key] += 1
    flagged: set[str] = set()
    for code, rule_id in sorted(evaluated):
        count = evaluated[(code, rule_id)]
        if code in flagged or (rule_id != "all" and count < MIN_FAMILY_SIZE):
            continue
        if broken[(code, rule_id)] > BROKEN_SHARE_LIMIT * count:
            flagged.add(code)
            what = "arithmetic identities" if rule_id == "all" else f"{rule_id} identities"
            reasons.append(
                f"{_table_title(code, kind)}: {broken[(code, rule_id)]} of {count} {what} broken"
            )

    # 5. the 合计 totals between 01, 02 and 03
    usable = {
        code: t
        for code, t in tables.items()
        if not t.is_empty and t.rows and code in ("01", "02", "03")
    }
    unlocatable: list[str] = []
    statement = "01" if "01" in usable else None
    if statement is None and kind == "budget" and _usable(tables.get("04")):
        statement = "04"
        usable["04"] = tables["04"]
    if statement is not None:
        for side_name, label in (("income", "本年收入合计"), ("expenditure", "本年支出合计")):
            side = statement_side(usable[statement], side_name, kind)
            # A budget may print only 收入总计 with a non-zero carry-over above it.
            if side.year_total is None and (kind != "budget" or side.grand_total is None):
                unlocatable.append(f"table {statement} {label}")
    for code in ("02", "03"):
        if code in usable and usable[code].row("total") is None:
            unlocatable.append(f"table {code} 合计")
    if unlocatable:
        reasons.append("cannot locate the totals " + ", ".join(unlocatable))
    cross = {
        e.rule_id: e.outcome
        for e in evaluations
        if e.rule_id in ("X01_02_INCOME_TOTAL", "X01_03_EXPENDITURE_TOTAL")
    }
    if len(cross) == 2 and all(outcome == "broken" for outcome in cross.values()):
        reasons.append(
            "table 01 totals match neither table 02 合计 (income) nor table 03 合计 (expenditure)"
        )

    return "; ".join(reasons) if reasons else None
