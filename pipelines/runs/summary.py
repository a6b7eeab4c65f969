"""What ``fiscal run`` prints at the end of a run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipelines.validation.findings import DocumentStatus
from pipelines.warehouse.dbt_runner import DbtBuildResult
from pipelines.warehouse.raw_build import DocumentResult


@dataclass
class RunSummary:
    """What ``fiscal run`` prints at the end."""

    warehouse_path: Path
    documents: list[DocumentResult]
    mart_rows: dict[str, int]
    findings_by_severity: dict[str, int]
    skipped: list[tuple[str, str]]  # files of the raw folder that are not documents: why
    wall_seconds: float
    extraction_seconds: float  # sum over documents extracted in this run
    extracted_now: int  # documents extracted in this run (not from the cache)
    workers: int
    dbt: DbtBuildResult | None
    #: wall seconds per step: 'extract and load' (together), 'finish raw tables', 'dbt', 'publish'
    phases: dict[str, float] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(1 for doc in self.documents if doc.status == status)

    def format(self) -> str:
        lines = [
            f"warehouse: {self.warehouse_path}",
            f"documents: {self.count(DocumentStatus.LOADED)} loaded, "
            f"{self.count(DocumentStatus.PARTIAL)} partial, "
            f"{self.count(DocumentStatus.QUARANTINED)} quarantined, "
            f"{self.count(DocumentStatus.WITHDRAWN)} withdrawn "
            f"({self.extracted_now} extracted now, the rest from the cache)",
        ]
        for doc in self.documents:
            if doc.status == DocumentStatus.PARTIAL and not doc.kept_unread:
                lines.append(f"  partial {doc.source_file}: {doc.reason}")
        for doc in self.documents:
            if doc.kept_unread:
                lines.append(f"  not read now: {_named(doc.source_file, doc.reason)}")
            elif doc.status == DocumentStatus.QUARANTINED:
                lines.append(f"  quarantined {_named(doc.source_file, doc.reason)}")
        for name, reason in self.skipped:
            lines.append(f"  skipped {_named(name, reason)}")
        if self.mart_rows:
            lines.append("rows per mart:")
            width = max(len(name) for name in self.mart_rows)
            for name, rows in sorted(self.mart_rows.items()):
                lines.append(f"  {name:<{width}}  {rows:>9,}")
        severities = ", ".join(
            f"{count} {severity}" for severity, count in sorted(self.findings_by_severity.items())
        )
        lines.append(f"validation findings: {severities or 'none'}")
        lines.append(f"wall time: {self.wall_seconds:.1f} s with {self.workers} workers")
        if self.phases:
            lines.append(
                "  " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.phases.items())
            )
        return "\n".join(lines)


def _named(source_file: str, reason: str | None) -> str:
    """A reason that names its file once."""
    reason = reason or "no reason given"
    return reason if reason.startswith(source_file) else f"{source_file} ({reason})"
