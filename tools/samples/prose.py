"""Prose blocks: part headings, headings and paragraphs, and the narrative records they carry."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pipelines.extraction.model import BudgetExecution, NarrativeFigure
from tools.samples.accounts import WAN
from tools.samples.blocks import Block, Heading, PageBreak, Paragraph, Sentence


def wan_text(yuan: Decimal, thousands: bool = False) -> str:
    """Yuan printed as 万元 with two decimals (and thousands separators if asked)."""
    value = yuan / WAN
    return f"{value:,.2f}" if thousands else f"{value:.2f}"


def pct(part_: Decimal, whole: Decimal) -> str:
    """``part_`` as a percentage of ``whole``, one decimal ('0.0' when ``whole`` is 0)."""
    if whole == 0:
        return "0.0"
    return str((part_ / whole * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def part(title: str) -> list[Block]:
    """A part heading ('第二部分 …') at the top of a new page."""
    return [PageBreak(), Heading(title, size=17, space_before=30, space_after=24)]


def heading(text: str) -> Heading:
    """A section heading inside a part ('一、部门主要职责')."""
    return Heading(text, size=13, align="left", space_before=6, space_after=2)


def lines_to_blocks(text: str) -> list[Block]:
    """One paragraph per line; lines starting with '#' are headings."""
    blocks: list[Block] = []
    for line in text.strip("\n").split("\n"):
        if line.startswith("#"):
            blocks.append(heading(line[1:]))
        elif line.strip():
            blocks.append(Paragraph.plain(line))
    return blocks


def department_overview(duties: list[str], scope_line: str, units: list[str]) -> list[Block]:
    """Part 1 of a synthetic document: numbered duties, then the units the document covers."""
    return [
        heading("一、部门主要职责"),
        *[Paragraph.plain(f"{i}.{duty}") for i, duty in enumerate(duties, start=1)],
        heading("二、机构设置情况"),
        Paragraph.plain(scope_line),
        *[Paragraph.plain(f"{i}.{unit}；") for i, unit in enumerate(units, start=1)],
    ]


def said(text: str, *figures: tuple[str, Decimal]) -> Sentence:
    """A sentence restating figures: ``said('…收入合计X万元…', ('income_total', yuan))``."""
    return Sentence(
        text, figures=[NarrativeFigure(key, amount, 0, text) for key, amount in figures]
    )


def said_paragraph(text: str, *figures: tuple[str, Decimal]) -> Paragraph:
    """A paragraph of one sentence restating figures (see ``said``)."""
    return Paragraph([said(text, *figures)])


def executed(
    text: str,
    *,
    code: str | None,
    label: str,
    initial: Decimal,
    final: Decimal,
    rate: str | None,
    explanation: str = "",
) -> Sentence:
    """A '…（项）。年初预算为X万元，支出决算为Y万元，完成年初预算的Z%' paragraph.

    ``explanation`` is the reason clause after the figures, without its final '。'.
    """
    record = BudgetExecution(
        function_code=code,
        function_label=label,
        initial_budget_yuan=initial,
        final_yuan=final,
        completion_rate=None if rate is None else Decimal(rate),
        explanation=explanation,
        page=0,
    )
    return Sentence(text, executions=[record])
