"""The evaluator: a printed cell against the sum it should equal, within rounding.

Rounding policy (尾数误差). The documents warn "金额单位转换时可能存在尾数误差".
A gap of at most one printed unit step per summed term — 0.01 万元 = 100 yuan
per term when the table prints 万元, 0.01 yuan per term when it prints 元 — is
reported as an 'info' finding (rounding), not as a break. The number of terms
is the count of non-zero terms on the summed side (at least 1): a blank cell is
an exact zero and carries no rounding. Across two tables the coarser unit step
applies. A zero gap produces no finding at all.

Conventions of a Finding: ``expected_yuan`` is the value the identity implies
(the sum of the parts, the more detailed table, the table cell a narrative
restates); ``actual_yuan`` is the printed cell under test (the total, the
summary table, the narrative number); ``difference_yuan = actual − expected``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from pipelines.extraction.model import ExtractedTable

from .catalogue import RULE_BY_ID
from .findings import Finding

ZERO = Decimal("0")

# Yuan per printed step (0.01 of the printed unit).
UNIT_STEP_YUAN: dict[str, Decimal] = {
    "元": Decimal("0.01"),
    "千元": Decimal("10"),
    "万元": Decimal("100"),
    "亿元": Decimal("1000000"),
}
DEFAULT_UNIT_STEP_YUAN = UNIT_STEP_YUAN["万元"]  # most tables print 万元


@dataclass(frozen=True)
class Evaluation:
    """One evaluated instance of a rule: 'ok', 'rounding' (info) or 'broken'."""

    rule_id: str
    table_code: str
    location: str
    outcome: str
    #: the non-zero terms summed: an identity of one term (a row equal to its only part)
    #: holds even when both cells are misread alike, so it says little about the reading
    terms: int = 1


@dataclass
class RuleResults:
    """What the rules found on one document: every evaluated instance, and the findings."""

    findings: list[Finding] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)


def unit_step_yuan(*units: str | None) -> Decimal:
    """The rounding step of one term in yuan: the coarsest of the given units."""
    steps = [UNIT_STEP_YUAN.get((u or "").strip(), DEFAULT_UNIT_STEP_YUAN) for u in units]
    return max(steps) if steps else DEFAULT_UNIT_STEP_YUAN


def step_yuan(*tables: ExtractedTable) -> Decimal:
    """The rounding step of one term in yuan: the coarsest of the tables' printed precision.

    A table's unit gives its step (0.01 元, 0.01 万元 = 100 yuan). A table in
    元 that prints whole yuan only ('2,191,300', converted from 万元 by the
    producer) rounds to 1 yuan.
    """
    steps = []
    for table in tables:
        step = unit_step_yuan(table.unit)
        amounts = [
            v for row in table.rows for v in row.values.values() if isinstance(v, Decimal) and v
        ]
        if table.unit == "元" and amounts and all(v % 1 == 0 for v in amounts):
            step = Decimal("1")
        steps.append(step)
    return max(steps, default=DEFAULT_UNIT_STEP_YUAN)


def _fmt(amount: Decimal) -> str:
    return f"{amount:,.2f}"


class Checker:
    """Evaluates rule instances on one document and collects their results."""

    def __init__(self) -> None:
        self.results = RuleResults()

    def compare(
        self,
        rule_id: str,
        location: str,
        table_code: str,
        expected_terms: Iterable[Decimal | None],
        actual: Decimal | None,
        step: Decimal,
        description: str,
    ) -> None:
        """Compare a printed cell against the sum of terms; record a finding if they differ."""
        given = list(expected_terms)
        terms = [term for term in given if term is not None]
        if actual is None or len(terms) < len(given):
            return  # a value schema validation already rejected; cannot evaluate
        expected = sum(terms, ZERO)
        n_terms = max(1, len(terms) - terms.count(ZERO))  # the non-zero terms
        self._record(
            rule_id, location, table_code, expected, actual, step * n_terms, description, n_terms
        )

    def at_most(
        self,
        rule_id: str,
        location: str,
        table_code: str,
        limit: Decimal | None,
        actual: Decimal | None,
        step: Decimal,
        description: str,
    ) -> None:
        """A printed cell that must not exceed another (a part of a whole), within rounding."""
        if actual is None or limit is None:
            return
        if actual <= limit:
            self.results.evaluations.append(Evaluation(rule_id, table_code, location, "ok"))
            return
        self._record(rule_id, location, table_code, limit, actual, step, description)

    def _record(
        self,
        rule_id: str,
        location: str,
        table_code: str,
        expected: Decimal,
        actual: Decimal,
        tolerance: Decimal,
        description: str,
        terms: int = 1,
    ) -> None:
        rule = RULE_BY_ID[rule_id]
        difference = actual - expected
        if difference == 0:
            outcome = "ok"
        elif abs(difference) <= tolerance:
            outcome = "rounding"
        else:
            outcome = "broken"
        self.results.evaluations.append(Evaluation(rule_id, table_code, location, outcome, terms))
        if outcome == "ok":
            return
        severity = "info" if outcome == "rounding" else rule.severity
        verdict = (
            f"within rounding tolerance {_fmt(tolerance)} yuan (尾数误差)"
            if outcome == "rounding"
            else f"beyond rounding tolerance {_fmt(tolerance)} yuan"
        )
        message = (
            f"{description}: expected {_fmt(expected)} yuan, printed {_fmt(actual)} yuan, "
            f"difference {_fmt(difference)} yuan, {verdict}. Rule {rule_id}: {rule.identity}."
        )
        verdict_zh = "在尾数误差以内" if outcome == "rounding" else "超出尾数误差"
        message_zh = (
            f"{location}：应为 {_fmt(expected)} 元，印为 {_fmt(actual)} 元，相差 "
            f"{_fmt(difference)} 元，{verdict_zh}（容差 {_fmt(tolerance)} 元）。"
            f"规则 {rule_id}：{rule.identity}。"
        )
        self.results.findings.append(
            Finding(
                rule_id=rule_id,
                location=location,
                severity=severity,
                table_code=table_code or None,  # "" (prose rules) names no table
                expected_yuan=expected,
                actual_yuan=actual,
                difference_yuan=difference,
                message=message,
                message_zh=message_zh,
            )
        )

    def note(
        self,
        rule_id: str,
        location: str,
        table_code: str | None,
        message: str,
        message_zh: str = "",
        severity: str | None = None,
        amounts: tuple[Decimal, Decimal] | None = None,
    ) -> None:
        """A finding in words (a rate, a word, a structure), with (expected, printed) if any."""
        rule = RULE_BY_ID[rule_id]
        expected, actual = amounts if amounts else (None, None)
        self.results.findings.append(
            Finding(
                rule_id,
                location,
                severity or rule.severity,
                table_code,
                expected,
                actual,
                None if amounts is None else amounts[1] - amounts[0],
                message,
                message_zh or f"{location}：{rule.description}",
            )
        )

    def evaluated(self, rule_id: str, table_code: str, location: str, outcome: str) -> None:
        """Count one evaluated instance of a rule that is not an amount comparison."""
        self.results.evaluations.append(Evaluation(rule_id, table_code, location, outcome))
