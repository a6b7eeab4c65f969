"""Prose blocks: part headings, headings and paragraphs, and the narrative records they carry."""

from __future__ import annotations

from decimal import Decimal

from pipelines.extraction.model import BudgetExecution, NarrativeFigure
from pipelines.samples.blocks import Block, Heading, PageBreak, Paragraph, Sentence


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


def said(text: str, *figures: tuple[str, Decimal]) -> Sentence:
    """A sentence restating figures: ``said('…收入合计X万元…', ('income_total', yuan))``."""
    return Sentence(
        text, figures=[NarrativeFigure(key, amount, 0, text) for key, amount in figures]
    )


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
