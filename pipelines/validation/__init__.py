"""Validation of one document's extraction: schemas, arithmetic rules, quarantine.

Public API:
- :func:`validate_document` — run the pandera schemas on every table, every
  catalogued rule (row identities, hierarchy, cross-table, narrative), and the
  quarantine decision; return a :class:`ValidationReport`.
- :data:`RULES` — the rule catalogue (stable ids, identities, severities).
- :class:`Rule`, :class:`Finding`, :class:`ValidationReport`.
"""

from __future__ import annotations

from pipelines.extraction.model import DocumentExtraction

from .findings import Finding, Rule, ValidationReport
from .quarantine import quarantine_reason
from .rules import RULE_BY_ID, RULES, check_rules
from .schemas import SchemaResult, table_to_frame, validate_table_schema

__all__ = [
    "RULES",
    "RULE_BY_ID",
    "Finding",
    "Rule",
    "ValidationReport",
    "table_to_frame",
    "validate_document",
    "validate_table_schema",
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
    """Validate one extracted document.

    ``rules_checked`` counts the checks evaluated: one schema validation per
    table, plus every evaluated instance of an arithmetic, cross-table or
    narrative rule (one per row, column and identity). Findings are unique on
    ``(rule_id, location)``. ``quarantine_reason`` is set when the evidence
    says extraction failed (see :mod:`pipelines.validation.quarantine`).

    ``extraction.document_kind`` selects the variant: 'budget' documents use
    the budget schemas, statement-line vocabulary, required tables and
    cross-table identities (documented in :mod:`.rules` and :mod:`.quarantine`);
    anything else ('final_account' or unknown) is validated as a final account.
    """
    schema_results: dict[str, SchemaResult] = {}
    findings: list[Finding] = []
    for code, table in sorted(extraction.tables.items()):
        if table.is_empty and not table.rows:
            continue
        result = validate_table_schema(table, extraction.document_kind)
        schema_results[code] = result
        findings.extend(result.findings)
    rule_results = check_rules(extraction)
    findings.extend(rule_results.findings)
    return ValidationReport(
        findings=_unique_findings(findings),
        rules_checked=sum(r.checks_evaluated for r in schema_results.values())
        + len(rule_results.evaluations),
        quarantine_reason=quarantine_reason(extraction, schema_results, rule_results.evaluations),
    )
