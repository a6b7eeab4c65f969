"""Per table: was it read right? Per document: what of it can be loaded?

A table is *withheld* (no fact rows, its reason kept) only on evidence about
that table that *reading* failed, never because the document contradicts
itself. The evidence, each giving one clause of the table's reason:

1. it was found but no rows were read, and it is not declared empty;
2. its header was not recognised: a column its schema requires is missing;
3. more than half of its rows fail the schema (codes with letters, amounts
   that are not Decimals, duplicate keys …);
4. more than half of its own arithmetic identities (the ``T<nn>_`` rules: row
   sums from the footnote, 类/款/项 hierarchy, 合计, statement sums), or of one
   rule family checked on at least ``MIN_FAMILY_SIZE`` rows, are broken beyond
   rounding, and at least ``MIN_FAMILY_SIZE`` of them: the numbers were read
   into the wrong cells (fewer is a misprinted cell, which is a finding). Only
   identities of two terms or more are weighed: a row equal to its only part
   (a 款 with one 项) holds even when both cells are misread alike;
5. extraction says some of it was not read (:data:`READING_FAILURES`): a page
   whose columns were not recognised, a value cell that is not an amount,
   amounts in a row without a function code, a 三公 row not understood.

Cross-table and narrative identities that break are findings only: the
document may simply contradict itself.

A document is 'quarantined' when nothing of it is usable (no table could be
loaded and it is not the prose file of a document set); 'partial' when a
table is withheld or a table its kind always prints was not found (final
accounts: 01, 02, 03, 05, 06, 09; budgets: a statement, 01 or 04, and 05);
'loaded' otherwise. Rejections before validation (not a PDF, encrypted,
scanned) are quarantined by the extraction runner.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pipelines.extraction.catalogue import (
    BUDGET_SPEC_BY_CODE,
    BUDGET_TABLES,
    FINAL_ACCOUNT_TABLES,
    SPEC_BY_CODE,
)
from pipelines.extraction.model import DocumentExtraction, ExtractedTable
from pipelines.extraction.problems import READING_FAILURES, ProblemKind

from .findings import DocumentStatus, TableStatus, TableVerdict

if TYPE_CHECKING:
    from .schemas import SchemaResult

BROKEN_SHARE_LIMIT = 0.5  # more than half broken → reading failed
MIN_FAMILY_SIZE = 4  # a rule checked on fewer rows than this is judged with the table as a whole
PROBLEMS_QUOTED = 2  # reading problems quoted in a table's reason

REQUIRED_FINAL_ACCOUNT_TABLES = ("01", "02", "03", "05", "06", "09")
# Budgets: every group must be represented by one of its tables.
REQUIRED_BUDGET_TABLE_GROUPS: tuple[tuple[str, ...], ...] = (("01", "04"), ("05",))


def table_title(code: str, document_kind: str | None = None) -> str:
    """'table 05 (一般公共预算财政拨款支出决算表)', with the budget's title for budgets."""
    specs = BUDGET_SPEC_BY_CODE if document_kind == "budget" else SPEC_BY_CODE
    spec = specs.get(code)
    return f"table {code} ({spec.canonical_title})" if spec else f"table {code}"


def is_prose_only(extraction: DocumentExtraction) -> bool:
    """A budget file that holds only the prose of a document set (its tables are elsewhere)."""
    return not extraction.tables and any(
        problem.kind == ProblemKind.PROSE_ONLY for problem in extraction.problems
    )


def table_verdicts(
    extraction: DocumentExtraction,
    schema_results: dict[str, SchemaResult],
    evaluations: Iterable[Any],
    table_rules: frozenset[str],
) -> dict[str, TableVerdict]:
    """A verdict for every table of the document's set: found ones and missing ones.

    ``evaluations`` are the rule evaluations on the whole extraction (objects
    with ``rule_id``, ``table_code``, ``outcome``); ``table_rules`` the ids of
    the rules about one table's own arithmetic.
    """
    kind = extraction.document_kind
    checked, broken, by_rule = _identity_counts(evaluations, table_rules)
    verdicts: dict[str, TableVerdict] = {}
    for code, table in sorted(extraction.tables.items()):
        counts = (checked[code], broken[code])
        if table.is_empty and not table.rows:
            verdicts[code] = TableVerdict(code, TableStatus.DECLARED_EMPTY, None, *counts)
            continue
        clauses = _reading_evidence(table, schema_results.get(code), by_rule.get(code, {}))
        clauses += _reported_failures(extraction, code)
        status = TableStatus.WITHHELD if clauses else TableStatus.LOADED
        verdicts[code] = TableVerdict(code, status, "; ".join(clauses) or None, *counts)
    unloadable = {
        p.table_code: p.message
        for p in extraction.problems
        if p.kind == ProblemKind.TABLE_NOT_FUNCTION_CODED and p.table_code
    }
    table_set = BUDGET_TABLES if kind == "budget" else FINAL_ACCOUNT_TABLES
    for spec in table_set:
        code = spec.table_code
        if code in verdicts:
            continue
        if code in unloadable:
            verdicts[code] = TableVerdict(code, TableStatus.WITHHELD, unloadable[code])
        else:
            verdicts[code] = TableVerdict(code, TableStatus.NOT_FOUND)
    return dict(sorted(verdicts.items()))


def _identity_counts(
    evaluations: Iterable[Any], table_rules: frozenset[str]
) -> tuple[Counter[str], Counter[str], dict[str, dict[str, tuple[int, int]]]]:
    checked: Counter[str] = Counter()
    broken: Counter[str] = Counter()
    per_rule: Counter[tuple[str, str]] = Counter()
    per_rule_broken: Counter[tuple[str, str]] = Counter()
    for evaluation in evaluations:
        if evaluation.rule_id not in table_rules:
            continue
        code = evaluation.table_code
        checked[code] += 1
        broke = evaluation.outcome == "broken"
        broken[code] += broke
        if getattr(evaluation, "terms", 2) < 2:
            continue  # one term against one cell: holds even when both are misread alike
        per_rule[(code, evaluation.rule_id)] += 1
        per_rule_broken[(code, evaluation.rule_id)] += broke
    by_rule: dict[str, dict[str, tuple[int, int]]] = {}
    for (code, rule_id), count in per_rule.items():
        by_rule.setdefault(code, {})[rule_id] = (count, per_rule_broken[(code, rule_id)])
    return checked, broken, by_rule


def _reading_evidence(
    table: ExtractedTable,
    schema: SchemaResult | None,
    rule_counts: dict[str, tuple[int, int]],
) -> list[str]:
    """Clauses 1 to 4 of the module docstring, for one table found."""
    if not table.rows:
        return ["no rows read, and the table is not declared empty"]
    clauses: list[str] = []
    if schema is not None:
        if schema.missing_columns:
            missing = ", ".join(sorted(set(schema.missing_columns)))
            clauses.append(f"header not recognised: no column for {missing}")
        failed = len(schema.failed_rows)
        if schema.row_count and failed > BROKEN_SHARE_LIMIT * schema.row_count:
            clauses.append(f"{failed} of {schema.row_count} rows fail the schema")
    # Columns read out of place break every row sum while the hierarchy holds:
    # judged per rule family as well as over all the table's identities.
    total = sum(count for count, _ in rule_counts.values())
    total_broken = sum(b for _, b in rule_counts.values())
    # (a few broken of a few checked is one misprinted cell, say a blank 收入总计)
    if total_broken >= MIN_FAMILY_SIZE and total_broken > BROKEN_SHARE_LIMIT * total:
        clauses.append(
            f"{total_broken} of {total} of its own identities broken "
            "(of those summing two cells or more)"
        )
    else:
        for rule_id, (count, rule_broken) in sorted(rule_counts.items()):
            if count >= MIN_FAMILY_SIZE and rule_broken > BROKEN_SHARE_LIMIT * count:
                clauses.append(f"{rule_broken} of {count} {rule_id} identities broken")
                break
    return clauses


def _reported_failures(extraction: DocumentExtraction, code: str) -> list[str]:
    """Clause 5: what extraction says it could not read in this table."""
    failures = [
        p for p in extraction.problems if p.table_code == code and p.kind in READING_FAILURES
    ]
    if not failures:
        return []
    quoted = "; ".join(p.message for p in failures[:PROBLEMS_QUOTED])
    more = (
        f" (and {len(failures) - PROBLEMS_QUOTED} more)" if len(failures) > PROBLEMS_QUOTED else ""
    )
    return [f"not all of it was read: {quoted}{more}"]


def document_status(
    extraction: DocumentExtraction, verdicts: dict[str, TableVerdict]
) -> tuple[DocumentStatus, str | None]:
    """The document's status and the reason a person can act on."""
    kind = extraction.document_kind
    usable = [
        v for v in verdicts.values() if v.status in (TableStatus.LOADED, TableStatus.DECLARED_EMPTY)
    ]
    withheld = [v for v in verdicts.values() if v.status == TableStatus.WITHHELD]
    clauses = [f"{table_title(v.table_code, kind)} withheld: {v.reason}" for v in withheld]
    clauses += [f"{title} not found" for _, title in missing_required_tables(extraction, verdicts)]
    if not usable and not is_prose_only(extraction):
        return DocumentStatus.QUARANTINED, "no table could be read: " + (
            "; ".join(clauses) or "no standard table found"
        )
    if clauses:
        return DocumentStatus.PARTIAL, "; ".join(clauses)
    return DocumentStatus.LOADED, None


def missing_required_tables(
    extraction: DocumentExtraction, verdicts: dict[str, TableVerdict]
) -> list[tuple[str, str]]:
    """(codes, title) of each table the document's kind always prints that was not found."""
    kind = extraction.document_kind
    found = {code for code, v in verdicts.items() if v.status != TableStatus.NOT_FOUND}
    if kind == "budget":
        groups = () if is_prose_only(extraction) else REQUIRED_BUDGET_TABLE_GROUPS
    else:
        groups = tuple((code,) for code in REQUIRED_FINAL_ACCOUNT_TABLES)
    return [
        (",".join(group), " or ".join(table_title(code, kind) for code in group))
        for group in groups
        if not found.intersection(group)
    ]
