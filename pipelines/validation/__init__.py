"""Validation of extracted documents: schemas, arithmetic rules, quarantine.

Public API:
- :func:`validate_documents` — for each document, run the pandera schemas on
  every table, every catalogued rule (row identities, hierarchy, cross-table,
  narrative), and the quarantine decision; return one :class:`ValidationReport`
  per document. The schemas of all the documents' tables are validated in
  batches (one pandera call per table layout, see :mod:`.schemas`), which is
  what makes many documents cheap to validate together.
- :func:`validate_document` — the same for one document.
- :data:`RULES` — the rule catalogue (stable ids, identities, severities).
- :class:`Rule`, :class:`Finding`, :class:`ValidationReport`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pipelines.extraction.model import DocumentExtraction

from .findings import Finding, Rule, ValidationReport
from .quarantine import quarantine_reason
from .rules import RULE_BY_ID, RULES, check_rules
from .schemas import SchemaResult, table_to_frame, validate_table_schema, validate_table_schemas

__all__ = [
    "RULES",
    "RULE_BY_ID",
    "Finding",
    "Rule",
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
    ``(rule_id, location)``. ``quarantine_reason`` is set when the evidence
    says extraction failed (see :mod:`pipelines.validation.quarantine`).

    ``extraction.document_kind`` selects the variant: 'budget' documents use
    the budget schemas, statement-line vocabulary, required tables and
    cross-table identities (documented in :mod:`.rules` and :mod:`.quarantine`);
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


def _report(
    extraction: DocumentExtraction, schema_results: dict[str, SchemaResult]
) -> ValidationReport:
    """The report of one document, given its tables' schema results."""
    findings = [finding for result in schema_results.values() for finding in result.findings]
    rule_results = check_rules(extraction)
    findings.extend(rule_results.findings)
    return ValidationReport(
        findings=_unique_findings(findings),
        rules_checked=sum(r.checks_evaluated for r in schema_results.values())
        + len(rule_results.evaluations),
        quarantine_reason=quarantine_reason(extraction, schema_results, rule_results.evaluations),
    )
