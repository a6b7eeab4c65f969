"""How well a folder of PDFs reads, measured without any truth: ``fiscal check DIR``.

Most documents the tool meets have no expected values. Their own arithmetic
says whether they were read right: a real document breaks a few of its own
identities at most (mostly in the prose), so many broken identities in one
table are a reading error. Per document this reports its status, what became
of each table (loaded / declared empty / withheld / not found) and the share
of its identities that hold, by family: inside tables (row sums, hierarchy,
合计), across tables, and narrative against tables. Nothing is written to a
warehouse; extractions are cached like a run's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.runs.extraction_runner import (
    STATUS_EXTRACTED,
    ExtractionOutcome,
    extract_documents,
)
from pipelines.runs.inventory import scan_raw_dir
from pipelines.settings import Settings
from pipelines.validation import DocumentStatus, TableStatus, ValidationReport, validate_documents

SCOPES = ("table", "cross_table", "narrative")
SEVERITIES = ("error", "warning", "info")
SCOPE_NAMES = {"table": "in tables", "cross_table": "across tables", "narrative": "narrative"}
BATCH = 16


@dataclass
class DocumentCheck:
    """One document's reading, as its own arithmetic judges it."""

    source_file: str
    status: DocumentStatus
    reason: str | None
    document_kind: str | None = None
    fiscal_year: int | None = None
    department: str | None = None
    tables: dict[str, TableStatus] = field(default_factory=dict)
    withheld: dict[str, str] = field(default_factory=dict)  # table code → reason
    identities: dict[str, tuple[int, int]] = field(default_factory=dict)  # scope → (n, broken)
    #: tables loaded with some of their own identities broken: (code, checked, broken)
    tables_with_breaks: list[tuple[str, int, int]] = field(default_factory=list)
    #: the document's findings by severity ('error' / 'warning' / 'info')
    findings: dict[str, int] = field(default_factory=dict)

    def codes(self, status: TableStatus) -> list[str]:
        return [code for code, s in self.tables.items() if s == status]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "source_file": self.source_file,
            "status": self.status.value,
            "reason": self.reason,
            "document_kind": self.document_kind,
            "fiscal_year": self.fiscal_year,
            "department": self.department,
            "tables": {code: status.value for code, status in self.tables.items()},
            "withheld": self.withheld,
            "identities": {scope: list(counts) for scope, counts in self.identities.items()},
            "tables_with_breaks": [list(t) for t in self.tables_with_breaks],
            "findings": self.findings,
        }


def check_folder(raw_dir: Path, settings: Settings) -> list[DocumentCheck]:
    """Extract (through the cache) and validate every PDF under ``raw_dir``."""
    inventory = scan_raw_dir(raw_dir)
    outcomes = extract_documents(inventory.documents, settings)
    checks: list[DocumentCheck] = []
    for start in range(0, len(outcomes), BATCH):
        checks.extend(_check_batch(outcomes[start : start + BATCH]))
    checks += [
        DocumentCheck(name, DocumentStatus.QUARANTINED, reason)  # the reason names the file
        for name, reason in inventory.unreadable
    ]
    return sorted(checks, key=lambda c: c.source_file)


def _check_batch(outcomes: list[ExtractionOutcome]) -> list[DocumentCheck]:
    readable = [o for o in outcomes if o.status == STATUS_EXTRACTED]
    extractions = [o.load_extraction() for o in readable]
    reports = validate_documents(extractions, on_crash=_crash)
    checks = [
        DocumentCheck(o.document.source_file, DocumentStatus.QUARANTINED, o.reason)
        for o in outcomes
        if o.status != STATUS_EXTRACTED
    ]
    for outcome, extraction, report in zip(readable, extractions, reports, strict=True):
        checks.append(
            DocumentCheck(
                source_file=outcome.document.source_file,
                status=report.status,
                reason=report.status_reason,
                document_kind=extraction.document_kind,
                fiscal_year=extraction.fiscal_year,
                department=extraction.department_name,
                tables={code: v.status for code, v in report.tables.items()},
                withheld={
                    code: v.reason or ""
                    for code, v in report.tables.items()
                    if v.status == TableStatus.WITHHELD
                },
                identities=report.identities,
                tables_with_breaks=[
                    (code, v.identities_checked, v.identities_broken)
                    for code, v in report.tables.items()
                    if v.status == TableStatus.LOADED and v.identities_broken
                ],
                findings=dict(sorted(Counter(f.severity for f in report.findings).items())),
            )
        )
    return checks


def _crash(extraction: Any, error: Exception) -> ValidationReport:
    return ValidationReport(
        status=DocumentStatus.QUARANTINED,
        status_reason=f"validation crashed: {type(error).__name__}: {error}",
    )


def _share(counts: tuple[int, int]) -> str:
    checked, broken = counts
    if not checked:
        return "-"
    return f"{100 * (checked - broken) / checked:.1f}% of {checked}"


def corpus_summary(checks: Iterable[DocumentCheck]) -> dict[str, Any]:
    """The corpus in figures: documents by status, tables by status, identities by family."""
    checks = list(checks)
    documents = Counter(c.status.value for c in checks)
    tables = Counter(s.value for c in checks for s in c.tables.values())
    identities = {
        scope: tuple(sum(c.identities.get(scope, (0, 0))[i] for c in checks) for i in (0, 1))
        for scope in SCOPES
    }
    findings: Counter[str] = Counter()
    for check in checks:
        findings.update(check.findings)
    return {
        "documents": len(checks),
        "documents_by_status": dict(sorted(documents.items())),
        "tables_by_status": dict(sorted(tables.items())),
        "identities": {scope: list(counts) for scope, counts in identities.items()},
        "findings_by_severity": {s: findings.get(s, 0) for s in SEVERITIES},
    }


def format_report(checks: list[DocumentCheck]) -> str:
    """The report people read: one block per document, then the corpus."""
    lines: list[str] = []
    for check in checks:
        what = " ".join(str(x) for x in (check.document_kind, check.fiscal_year) if x)
        lines.append(f"{check.status.value:<11} {check.source_file}  {what}")
        if check.status == DocumentStatus.QUARANTINED:
            lines.append(f"    {check.reason}")
            continue
        parts = [
            f"{label} {','.join(check.codes(status)) or '-'}"
            for label, status in (
                ("loaded", TableStatus.LOADED),
                ("empty", TableStatus.DECLARED_EMPTY),
                ("withheld", TableStatus.WITHHELD),
                ("not found", TableStatus.NOT_FOUND),
            )
        ]
        lines.append("    tables: " + "; ".join(parts))
        held = [
            f"{SCOPE_NAMES[scope]} {_share(check.identities[scope])}"
            for scope in SCOPES
            if scope in check.identities
        ]
        lines.append("    identities holding: " + ("; ".join(held) or "none checked"))
        for code, reason in check.withheld.items():
            lines.append(f"    withheld {code}: {reason}")
        for code, checked, broken in check.tables_with_breaks:
            lines.append(f"    table {code}: {broken} of {checked} of its own identities broken")
        if check.findings:
            lines.append("    findings: " + _severities(check.findings))
    summary = corpus_summary(checks)
    lines.append("")
    lines.append(
        f"corpus: {summary['documents']} documents: "
        + ", ".join(f"{n} {status}" for status, n in summary["documents_by_status"].items())
    )
    lines.append(
        "tables: " + ", ".join(f"{n} {status}" for status, n in summary["tables_by_status"].items())
    )
    lines.append(
        "identities holding: "
        + "; ".join(
            f"{SCOPE_NAMES[scope]} {_share(tuple(summary['identities'][scope]))}"
            for scope in SCOPES
        )
    )
    lines.append("findings: " + _severities(summary["findings_by_severity"]))
    return "\n".join(lines)


def _severities(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(s, 0)} {s}" for s in SEVERITIES)
