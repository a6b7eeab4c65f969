"""Shares in the prose (``N_SHARE``): "X万元，占Y的P%" recomputed from the numbers it relates.

A share's base is read as an auditor reads it. Where the sentence names a
total the tables print (本年收入, 本年支出合计, “三公”经费), that cell is the
base; otherwise, and as an alternative to a cell that may be misread, the
base is one of the amounts the prose itself prints: the sum of a run of
shares against the same base (the parts of a whole: "其中：A X万元，占…；
B Y万元，占…"), or a total printed just before the run ("支出243317.52万元，
主要用于：…"). The base that fits most shares of the run is taken; a share
that does not fit it is a finding. When no base fits any share of the run
the base is uncertain and nothing is reported, unless the sentence named a
total the tables print or the run lists the whole's parts: then each share
is reported against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extraction.model import DocumentExtraction

from .evaluation import Checker, step_yuan
from .narrative_rules import narrative_cells
from .prose import AMOUNT, PrintedAmount, Prose, amount_at, quote
from .rates import PrintedPercent, outcome, quotient_bounds, recomputed
from .table_cells import cell_amount, is_usable

SHARE = re.compile(
    AMOUNT.pattern + r",?(?:同比)?占(?P<base>[^,。;%\d]{0,24}?)(?P<percent>\d+(?:\.\d+)?)%"
)
_BASE_SUFFIX = re.compile(r"(?:的)?(?:比重|比例|比)?(?:为|是)?$")
RUN_GAP = 160  # characters between two shares of one run (an explanation may sit between)
HEAD_REACH = 300  # how far before a run its stated total may be printed

# A base the sentence names → the narrative figure whose table cell it is.
NAMED_TABLE_BASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(本年|年度)?收入(合计|总计|预算)?$|总收入$"), "income_total"),
    (re.compile(r"(本年|年度)?支出(合计|总计|预算)?$|总支出$"), "expenditure_total"),
)
THREE_PUBLIC = re.compile(r"三公")


@dataclass(frozen=True)
class ShareClause:
    part: PrintedAmount
    percent: PrintedPercent
    base_words: str  # the base as printed, '' when unnamed ("占99.2%")
    page: int
    sentence: str


@dataclass(frozen=True)
class Base:
    yuan: Decimal
    half_step_yuan: Decimal
    source: str  # how the base was found, for the message
    source_zh: str


def read_share_clauses(prose: Prose) -> list[ShareClause]:
    clauses = []
    for match in SHARE.finditer(prose.text):
        part = amount_at(match, 0)
        percent = PrintedPercent(
            Decimal(match.group("percent")), match.start("percent"), match.end("percent")
        )
        base = _BASE_SUFFIX.sub("", re.sub(r"[“”\"']", "", match.group("base")))
        left = prose.text.rfind("。", 0, match.start()) + 1
        right = prose.text.find("。", match.end())
        sentence = prose.text[left : right + 1 if right >= 0 else match.end()]
        clauses.append(ShareClause(part, percent, base, prose.page_at(match.start()), sentence))
    return clauses


def _runs(prose: Prose, clauses: list[ShareClause]) -> list[list[ShareClause]]:
    """Consecutive shares against the same printed base, close enough to be one list.

    An amount printed between two shares starts another list (a new section's total).
    """
    runs: list[list[ShareClause]] = []
    for clause in clauses:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last.base_words == clause.base_words
            and clause.part.start - last.percent.end <= RUN_GAP
            and not prose.amounts(last.percent.end, clause.part.start)
        ):
            runs[-1].append(clause)
        else:
            runs.append([clause])
    return runs


def _table_base(extraction: DocumentExtraction, words: str) -> Base | None:
    tables = extraction.tables
    if THREE_PUBLIC.search(words):
        t09 = tables.get("09")
        column = "budget" if extraction.document_kind == "budget" else "actual"
        if not is_usable(t09) or t09 is None or t09.row("total") is None:
            return None
        amount = cell_amount(t09.row("total"), column)
        if not amount:
            return None
        return Base(amount, step_yuan(t09) / 2, f"table 09 合计 {column}", "表09合计")
    for pattern, figure_key in NAMED_TABLE_BASES:
        if pattern.search(words):
            cells = narrative_cells(tables, figure_key, extraction.document_kind)
            if not cells:
                return None
            table = tables[cells[0].table_code]
            amount = cell_amount(cells[0].row, cells[0].column)
            if not amount:
                return None
            return Base(
                amount,
                step_yuan(table) / 2,
                f"table {cells[0].table_code} {cells[0].location}",
                f"表{cells[0].table_code}单元格 {cells[0].location}",
            )
    return None


def _prose_bases(prose: Prose, run: list[ShareClause]) -> list[Base]:
    """The sum of the run's parts, and the totals printed just before the run."""
    bases = []
    if len(run) > 1:
        total = sum((c.part.yuan for c in run), Decimal(0))
        half = sum((c.part.half_step_yuan for c in run), Decimal(0))
        bases.append(Base(total, half, "the sum of the parts listed", "所列各项之和"))
    largest = max(c.part.yuan for c in run)
    start = run[0].part.start
    for head in reversed(prose.amounts(max(0, start - HEAD_REACH), start)):
        if head.yuan >= largest and head.yuan > 0:
            bases.append(
                Base(
                    head.yuan,
                    head.half_step_yuan,
                    f"the total {head.text} printed before",
                    f"前文所列总额{head.text}",
                )
            )
    return bases


def _fits(clause: ShareClause, base: Base) -> str:
    bounds = quotient_bounds(
        clause.part.yuan, clause.part.half_step_yuan, base.yuan, base.half_step_yuan
    )
    return "broken" if bounds is None else outcome(clause.percent, bounds)


def check_shares(checker: Checker, extraction: DocumentExtraction, prose: Prose) -> None:
    for run in _runs(prose, read_share_clauses(prose)):
        table_base = _table_base(extraction, run[0].base_words) if run[0].base_words else None
        bases = ([table_base] if table_base else []) + _prose_bases(prose, run)
        scored = [(sum(_fits(c, b) != "broken" for c in run), b) for b in bases]
        best_count, best = max(scored, key=lambda s: s[0], default=(0, None))
        if best is None:
            continue
        if best_count == 0:
            named_parts = THREE_PUBLIC.search(run[0].base_words) and len(run) >= 3
            if table_base is None and not named_parts:
                continue  # no base fits: which total the prose meant is not known
            best = table_base or bases[0]
        for clause in run:
            _report(checker, clause, best, _fits(clause, best))


def _report(checker: Checker, clause: ShareClause, base: Base, verdict: str) -> None:
    location = f"narrative p.{clause.page} 占{clause.percent.text} {clause.part.text}"
    checker.evaluated("N_SHARE", "", location, verdict)
    if verdict == "ok":
        return
    expected = recomputed(clause.part.yuan, base.yuan, clause.percent.decimals)
    base_wan = f"{base.yuan / 10000:,.2f}万元"
    named = clause.base_words or "the total"
    named_zh = clause.base_words or "总额"
    checker.note(
        "N_SHARE",
        location,
        None,
        f"Narrative p.{clause.page}: '{quote(clause.sentence)}' prints {clause.part.text} as "
        f"{clause.percent.text} of {named}; against {base.source} ({base_wan}) it is "
        f"{expected}% (printed {clause.percent.text}, recomputed {expected}%)"
        + (", within one digit of rounding (尾数误差)." if verdict == "rounding" else "."),
        f"第{clause.page}页“{quote(clause.sentence)}”：{clause.part.text}占{named_zh}的比例印为"
        f"{clause.percent.text}，按{base.source_zh}（{base_wan}）计算应为{expected}%"
        + ("，属尾数误差。" if verdict == "rounding" else "。"),
        severity="info" if verdict == "rounding" else None,
    )
