"""What validation reports: findings against catalogued rules, and the quarantine verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Rule:
    """A catalogued check with a stable id, its identity written out, and its severity."""

    rule_id: str  # stable, e.g. 'T02_ROW_SUM', 'X01_02_INCOME_TOTAL'
    severity: str  # 'error' / 'warning' / 'info' when broken beyond rounding
    table_codes: str  # e.g. '02' or '01,02'
    identity: str  # the identity, with the Chinese footnote it comes from where there is one
    description: str
    # 'table' (arithmetic inside one table), 'cross_table', 'narrative' or 'schema'
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


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)
    rules_checked: int = 0
    quarantine_reason: str | None = None  # set when the extraction itself failed

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]
