"""What validation reports: findings against catalogued rules, and what can be loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any


class TableStatus(StrEnum):
    LOADED = "loaded"
    DECLARED_EMPTY = "declared_empty"
    WITHHELD = "withheld"
    NOT_FOUND = "not_found"


class DocumentStatus(StrEnum):
    LOADED = "loaded"
    PARTIAL = "partial"
    QUARANTINED = "quarantined"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class TableVerdict:
    """What became of one standard table of a document."""

    table_code: str
    status: TableStatus
    reason: str | None = None
    identities_checked: int = 0  # the table's own identities (T<nn>_ rules) evaluated
    identities_broken: int = 0  # of which broken beyond rounding

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "table_code": self.table_code,
            "status": self.status.value,
            "reason": self.reason,
            "identities_checked": self.identities_checked,
            "identities_broken": self.identities_broken,
        }

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> TableVerdict:
        return cls(
            data["table_code"],
            TableStatus(data["status"]),
            data["reason"],
            int(data["identities_checked"]),
            int(data["identities_broken"]),
        )


@dataclass(frozen=True)
class Rule:
    """A catalogued check with a stable id, its identity written out, and its severity."""

    rule_id: str  # stable, e.g. 'T02_ROW_SUM', 'X01_02_INCOME_TOTAL'
    severity: str  # 'error' / 'warning' / 'info' when broken beyond rounding
    table_codes: str  # e.g. '02' or '01,02'
    identity: str  # the identity, with the Chinese footnote it comes from where there is one
    description: str
    # 'table' (arithmetic inside one table), 'cross_table', 'narrative', 'schema' or 'reading'
    scope: str = "table"


@dataclass(frozen=True)
class Finding:
    rule_id: str
    location: str  # where in the document, e.g. '02/2060101/total' or 'narrative p.14'
    severity: str  # 'error' / 'warning' / 'info'
    table_code: str | None
    expected_yuan: Decimal | None
    actual_yuan: Decimal | None
    difference_yuan: Decimal | None
    message: str
    #: the same finding in Chinese, for the auditors who read the documents in Chinese
    message_zh: str = ""

    def to_json_dict(self) -> dict[str, Any]:
        return {
            name: (str(value) if isinstance(value, Decimal) else value)
            for name, value in self.__dict__.items()
        }

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Finding:
        amounts = ("expected_yuan", "actual_yuan", "difference_yuan")
        fields: dict[str, Any] = {
            name: (Decimal(value) if name in amounts and value is not None else value)
            for name, value in data.items()
        }
        return cls(**fields)


@dataclass
class ValidationReport:
    """One document's validation: its findings, each table's verdict, the document's status."""

    findings: list[Finding] = field(default_factory=list)
    rules_checked: int = 0
    status: DocumentStatus = DocumentStatus.LOADED
    status_reason: str | None = None  # why partial or quarantined, naming the tables
    tables: dict[str, TableVerdict] = field(default_factory=dict)
    #: rule scope ('table', 'cross_table', 'narrative') → (identities evaluated, broken),
    #: over the tables not withheld: how far the document's own arithmetic holds as read
    identities: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    def loads(self, table_code: str) -> bool:
        """Whether the table's rows go into the warehouse."""
        verdict = self.tables.get(table_code)
        return verdict is not None and verdict.status in (
            TableStatus.LOADED,
            TableStatus.DECLARED_EMPTY,
        )

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "findings": [f.to_json_dict() for f in self.findings],
            "rules_checked": self.rules_checked,
            "status": self.status.value,
            "status_reason": self.status_reason,
            "tables": [v.to_json_dict() for v in self.tables.values()],
            "identities": {scope: list(counts) for scope, counts in self.identities.items()},
        }

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> ValidationReport:
        verdicts = [TableVerdict.from_json_dict(v) for v in data["tables"]]
        return cls(
            findings=[Finding.from_json_dict(f) for f in data["findings"]],
            rules_checked=int(data["rules_checked"]),
            status=DocumentStatus(data["status"]),
            status_reason=data["status_reason"],
            tables={v.table_code: v for v in verdicts},
            identities={
                scope: (int(counts[0]), int(counts[1]))
                for scope, counts in data["identities"].items()
            },
        )
