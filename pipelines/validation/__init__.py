"""Validation of extracted documents: schemas, arithmetic rules, what can be loaded.

Public API:
- :func:`validate_documents` — for each document, run the pandera schemas on
  every table, every catalogued rule (row identities, hierarchy, cross-table,
  narrative), a verdict per table (loaded / declared empty / withheld / not
  found, see :mod:`.verdicts`) and the document's status; return one
  :class:`ValidationReport` per document. The schemas of all the documents' tables are validated in
  batches (one pandera call per table layout, see :mod:`.schemas`), which is
  what makes many documents cheap to validate together.
- :func:`validate_document` — the same for one document.
- :data:`RULES` — the rule catalogue (stable ids, identities, severities).
- :class:`Rule`, :class:`Finding`, :class:`ValidationReport`, :class:`TableVerdict`,
  :class:`TableStatus`, :class:`DocumentStatus`.

Modules, one job each:
- :mod:`.findings` — what validation reports: rules, findings, verdicts, reports.
- :mod:`.schemas` — the pandera models, one per table shape, validated in batches.
- :mod:`.catalogue` — the rule catalogue: every rule by id, its identity and severity.
- :mod:`.evaluation` — the evaluator: a printed cell against the sum it should
  equal, within the rounding policy (尾数误差).
- :mod:`.table_cells` — what the checks read of a table: cell amounts, printed
  columns, coded rows.
- :mod:`.statement_labels` — the statement-label vocabulary: normalisation,
  numbering, line kinds, function class names.
- :mod:`.statement_sides` — a statement (01, 04) read side by side: lines,
  year total, carry-overs, grand total.
- :mod:`.statement_rules` — the statements' own arithmetic (``T01_…``, ``T04_…``).
- :mod:`.table_rules` — the own arithmetic of the function tables, 06 and 09.
- :mod:`.cross_table_rules` — identities across two tables (``X…``).
- :mod:`.narrative_rules` — narrative numbers against the cells they restate (``N_…``).
- :mod:`.audit_rules` — the document as an auditor reads it: :mod:`.prose` (sentences,
  printed amounts), :mod:`.rates` (a percentage at its printed precision),
  :mod:`.share_rules`, :mod:`.change_rules`, :mod:`.completion_rules`.
- :mod:`.verdicts` — a verdict per table and the document's status.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from pipelines.extraction.model import DocumentExtraction

from .audit_rules import check_audit
from .catalogue import RULE_BY_ID, RULES, TABLE_RULE_IDS
from .cross_table_rules import check_carryovers, check_cross_tables, check_fund_tables
from .evaluation import Checker, RuleResults
from .findings import (
    DocumentStatus,
    Finding,
    Rule,
    TableStatus,
    TableVerdict,
    ValidationReport,
)
from .narrative_rules import check_narrative
from .schemas import SchemaResult, table_to_frame, validate_table_schema, validate_table_schemas
from .statement_rules import check_statement
from .table_cells import is_usable
from .table_rules import (
    FUNCTION_TABLES,
    check_economic_table,
    check_function_table,
    check_three_public,
)
from .verdicts import document_status, missing_required_tables, table_title, table_verdicts

__all__ = [
    "RULES",
    "RULE_BY_ID",
    "DocumentStatus",
    "Finding",
    "Rule",
    "TableStatus",
    "TableVerdict",
    "ValidationReport",
    "table_to_frame",
    "validate_document",
    "validate_documents",
    "validate_table_schema",
    "validate_table_schemas",
]

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def _unique_findings(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per (rule_id, location): the most severe, first seen on ties."""
    kept: dict[tuple[str, str], Finding] = {}
    for finding in findings:
        key = (finding.rule_id, finding.location)
        prior = kept.get(key)
        if prior is None or _SEVERITY_RANK.get(finding.severity, 3) < _SEVERITY_RANK.get(
            prior.severity, 3
        ):
            kept[key] = finding
    return list(kept.values())


def validate_document(extraction: DocumentExtraction) -> ValidationReport:
    """Validate one extracted document: ``validate_documents([extraction])[0]``.

    An exception raised while validating it propagates.
    """
    return validate_documents([extraction])[0]


def validate_documents(
    extractions: Sequence[DocumentExtraction],
    *,
    on_crash: Callable[[DocumentExtraction, Exception], ValidationReport] | None = None,
) -> list[ValidationReport]:
    """Validate extracted documents; one report per document, in order.

    Each report is the same as the document validated alone: nothing in it
    depends on the other documents of the batch.

    ``rules_checked`` counts the checks evaluated: one schema validation per
    table, plus every evaluated instance of an arithmetic, cross-table or
    narrative rule (one per row, column and identity). Findings are unique on
    ``(rule_id, location)``. ``tables`` holds a verdict per table of the
    document's set; a table withheld on evidence that reading failed loses
    its own findings (one ``R_TABLE_WITHHELD`` finding gives the reason) and
    the cross-table and narrative checks run without it (see :mod:`.verdicts`).

    ``extraction.document_kind`` selects the variant: 'budget' documents use
    the budget schemas, statement-line vocabulary, required tables and
    cross-table identities (documented in :mod:`.catalogue` and :mod:`.verdicts`);
    anything else ('final_account' or unknown) is validated as a final account.

    A crash (an exception while validating) belongs to one document and does
    not lose the others: when the batched schema validation raises, the
    schemas are validated again document by document, and the rules run
    document by document anyway. The exception of a crashing document is
    passed to ``on_crash(extraction, error)``, whose report stands for that
    document; without ``on_crash`` it propagates unchanged, as it would from
    :func:`validate_document` for that document, and no report is returned.
    """
    reports: list[ValidationReport] = []
    for extraction, schema_results in zip(
        extractions, _schema_results_by_document(extractions), strict=True
    ):
        if isinstance(schema_results, Exception):
            reports.append(_crash_report(extraction, schema_results, on_crash))
            continue
        try:
            reports.append(_report(extraction, schema_results))
        except Exception as error:  # noqa: BLE001 - the document's own crash
            reports.append(_crash_report(extraction, error, on_crash))
    return reports


def _crash_report(
    extraction: DocumentExtraction,
    error: Exception,
    on_crash: Callable[[DocumentExtraction, Exception], ValidationReport] | None,
) -> ValidationReport:
    if on_crash is None:
        raise error
    return on_crash(extraction, error)


def _schema_results(
    extractions: Sequence[DocumentExtraction],
) -> list[dict[str, SchemaResult]]:
    """Every document's schema results by table code, from one batch over all their tables.

    A table declared empty and without rows is not validated.
    """
    entries = [
        (position, code, table, extraction.document_kind)
        for position, extraction in enumerate(extractions)
        for code, table in sorted(extraction.tables.items())
        if not (table.is_empty and not table.rows)
    ]
    results = validate_table_schemas([(table, kind) for _, _, table, kind in entries])
    by_document: list[dict[str, SchemaResult]] = [{} for _ in extractions]
    for (position, code, _, _), result in zip(entries, results, strict=True):
        by_document[position][code] = result
    return by_document


def _schema_results_by_document(
    extractions: Sequence[DocumentExtraction],
) -> list[dict[str, SchemaResult] | Exception]:
    """Schema results per document; when the batch raises, each document alone.

    A document whose own schema validation raises gets its exception in
    place of its results.
    """
    try:
        return list(_schema_results(extractions))
    except Exception:
        if len(extractions) == 1:
            raise
    # Some document's tables broke the batch: each document alone, so that only it fails.
    outcomes: list[dict[str, SchemaResult] | Exception] = []
    for extraction in extractions:
        try:
            outcomes.append(_schema_results([extraction])[0])
        except Exception as error:  # noqa: BLE001 - handed to the caller with its document
            outcomes.append(error)
    return outcomes


def check_rules(extraction: DocumentExtraction) -> RuleResults:
    """Evaluate every arithmetic, cross-table and narrative rule on one document."""
    checker = Checker()
    for code, table in sorted(extraction.tables.items()):
        if not is_usable(table):
            continue
        if code in ("01", "04"):
            check_statement(checker, table, extraction.document_kind)
        elif code in FUNCTION_TABLES:
            check_function_table(checker, table)
        elif code == "06":
            check_economic_table(checker, table)
        elif code == "09":
            check_three_public(checker, table)
    check_cross_tables(checker, extraction.tables, extraction.document_kind)
    check_fund_tables(checker, extraction.tables, extraction.document_kind)
    if extraction.document_kind != "budget":  # a budget's statements carry over differently
        check_carryovers(checker, extraction.tables)
    check_narrative(checker, extraction)
    check_audit(checker, extraction)
    return checker.results


def _report(
    extraction: DocumentExtraction, schema_results: dict[str, SchemaResult]
) -> ValidationReport:
    """The report of one document, given its tables' schema results."""
    rule_results = check_rules(extraction)
    verdicts = table_verdicts(extraction, schema_results, rule_results.evaluations, TABLE_RULE_IDS)
    withheld = {code for code, v in verdicts.items() if v.status == TableStatus.WITHHELD}
    if withheld & set(extraction.tables):
        # what was misread is not evidence about the document: check the rest without it
        kept_tables = {c: t for c, t in extraction.tables.items() if c not in withheld}
        kept = check_rules(dataclasses.replace(extraction, tables=kept_tables))
    else:
        kept = rule_results
    findings = [
        finding
        for code, result in schema_results.items()
        if code not in withheld
        for finding in result.findings
    ]
    findings.extend(kept.findings)
    findings.extend(_reading_findings(extraction, verdicts))
    status, reason = document_status(extraction, verdicts)
    identities: dict[str, tuple[int, int]] = {}
    for evaluation in kept.evaluations:
        scope = RULE_BY_ID[evaluation.rule_id].scope
        checked, broken = identities.get(scope, (0, 0))
        identities[scope] = (checked + 1, broken + (evaluation.outcome == "broken"))
    return ValidationReport(
        findings=_unique_findings(findings),
        rules_checked=sum(r.checks_evaluated for r in schema_results.values())
        + len(rule_results.evaluations),
        status=status,
        status_reason=reason,
        tables=verdicts,
        identities=dict(sorted(identities.items())),
    )


def _reading_findings(
    extraction: DocumentExtraction, verdicts: dict[str, TableVerdict]
) -> list[Finding]:
    """One finding per withheld table and per table of the kind's set that was not found."""
    kind = extraction.document_kind
    findings = [
        Finding(
            "R_TABLE_WITHHELD",
            code,
            RULE_BY_ID["R_TABLE_WITHHELD"].severity,
            code,
            None,
            None,
            None,
            f"{table_title(code, kind)} withheld, no fact rows: {verdict.reason}",
            f"表{code}未能可靠读取，暂不入库（无事实行）：{verdict.reason}",
        )
        for code, verdict in verdicts.items()
        if verdict.status == TableStatus.WITHHELD
    ]
    findings += [
        Finding(
            "R_TABLE_NOT_FOUND",
            codes,
            RULE_BY_ID["R_TABLE_NOT_FOUND"].severity,
            codes.split(",")[0],
            None,
            None,
            None,
            f"{title} not found in the document",
            f"文件中未找到表{codes.split(',')[0]}（{title}）",
        )
        for codes, title in missing_required_tables(extraction, verdicts)
    ]
    return findings
