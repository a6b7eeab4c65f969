"""Prose blocks: the text a document prints, read from ``prose/*.toml``, and the records it restates.

A passage is a list of entries (a TOML array of tables), each printing blocks:

- ``part``: a part heading at the top of a new page ('第二部分  …');
- ``heading``: a section heading inside a part ('一、部门主要职责');
- ``paragraph``: one paragraph (``size`` and ``indent`` as in ``Paragraph``);
- ``lines``: one paragraph per line, a line starting with '#' a heading;
- ``sentences``: one paragraph, each sentence ``{ text, figures }``; ``figures``
  maps a narrative figure key to the amount the sentence restates (a list names
  figures whose amount is the value of the same name);
- ``insert``: the blocks the document makes itself under that name (its tables,
  the budget execution of every 项).

An entry or a sentence with ``when`` (``unless``) prints only if that value of
the document is true (false); ``each`` prints an entry once per item of a list
value, with the item's values (or the item as ``item``) and its number ``n``.
Texts are ``str.format`` templates over the document's values, in which an
amount (``Decimal`` yuan) prints in 万元.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from pipelines.extraction.model import BudgetExecution, NarrativeFigure
from tools.samples.accounts import WAN, FunctionLine
from tools.samples.blocks import Block, Heading, PageBreak, Paragraph, Sentence

PROSE_DIR = Path(__file__).parent / "prose"

Entry = Mapping[str, Any]


@cache
def prose(name: str) -> dict[str, Any]:
    """The texts of ``prose/<name>.toml`` (shared: do not modify)."""
    with (PROSE_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def wan_text(yuan: Decimal, thousands: bool = False) -> str:
    """Yuan printed as 万元 with two decimals (and thousands separators if asked)."""
    value = yuan / WAN
    return f"{value:,.2f}" if thousands else f"{value:.2f}"


def pct(part_: Decimal, whole: Decimal) -> str:
    """``part_`` as a percentage of ``whole``, one decimal ('0.0' when ``whole`` is 0)."""
    if whole == 0:
        return "0.0"
    return str((part_ / whole * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def class_shares(lines: list[FunctionLine], total: Decimal) -> list[dict[str, Any]]:
    """The 类 rows of a function table, each with its share of ``total``, for an ``each`` entry."""
    return [
        {
            "class_code": line.code,
            "class_name": line.name,
            "class_total": line.get("total"),
            "class_pct": pct(line.get("total"), total),
        }
        for line in lines
        if line.level == 1
    ]


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


def execution(
    number: int,
    label: str,
    *,
    code: str | None,
    initial: Decimal,
    final: Decimal,
    printed: tuple[str, str],
    rate: str | None,
    reason: str = "",
    separator: str = "，",
) -> Sentence:
    """'N.…（项）。年初预算为X万元，支出决算为Y万元，完成年初预算的Z%，<reason>。' and its record.

    ``printed`` are X and Y as the document prints them; ``rate`` None prints no
    completion rate (nothing was budgeted); ``reason`` follows ``separator``.
    """
    wording = prose("final_account")["execution"]
    text = wording["item"].format(n=number, label=label, initial=printed[0], final=printed[1])
    if rate is not None:
        text += wording["rate"].format(rate=rate)
    if reason:
        text += separator + reason
    record = BudgetExecution(
        function_code=code,
        function_label=label,
        initial_budget_yuan=initial,
        final_yuan=final,
        completion_rate=None if rate is None else Decimal(rate),
        explanation=reason,
        page=0,
    )
    return Sentence(text + "。", executions=[record])


def passage(
    entries: Sequence[Entry],
    values: Mapping[str, Any] | None = None,
    *,
    inserts: Mapping[str, list[Block]] | None = None,
    amount: Callable[[str], Decimal] | None = None,
    money: Callable[[Decimal], str] = wan_text,
) -> list[Block]:
    """The blocks ``entries`` print for a document with these ``values`` (see the module doc).

    ``amount`` reads a figure's amount from what the entry names (default: the
    value of that name); ``money`` prints an amount.
    """
    values = values or {}
    inserts = inserts or {}
    blocks: list[Block] = []
    for entry in entries:
        if not _printed(entry, values):
            continue
        if "each" not in entry:
            blocks += _entry(entry, values, inserts, amount, money)
            continue
        for n, item in enumerate(values[entry["each"]], start=1):
            scoped = {**values, **(item if isinstance(item, Mapping) else {"item": item}), "n": n}
            blocks += _entry(entry, scoped, inserts, amount, money)
    return blocks


def _printed(entry: Entry, values: Mapping[str, Any]) -> bool:
    if "when" in entry and not values[entry["when"]]:
        return False
    return not ("unless" in entry and values[entry["unless"]])


def _entry(
    entry: Entry,
    values: Mapping[str, Any],
    inserts: Mapping[str, list[Block]],
    amount: Callable[[str], Decimal] | None,
    money: Callable[[Decimal], str],
) -> list[Block]:
    printed = {k: money(v) if isinstance(v, Decimal) else v for k, v in values.items()}

    def fill(template: str) -> str:
        return template.format_map(printed)

    if "part" in entry:
        return part(fill(entry["part"]))
    if "heading" in entry:
        return [heading(fill(entry["heading"]))]
    if "paragraph" in entry:
        text = fill(entry["paragraph"])
        return [
            Paragraph.plain(text, size=entry.get("size", 12.0), indent=entry.get("indent", True))
        ]
    if "lines" in entry:
        return lines_to_blocks(fill(entry["lines"]))
    if "insert" in entry:
        return list(inserts[entry["insert"]])
    if "sentences" in entry:
        read = amount or (lambda name: values[name])
        sentences = []
        for sentence in entry["sentences"]:
            if not _printed(sentence, values):
                continue
            figures = sentence.get("figures", {})
            if not isinstance(figures, Mapping):
                figures = {name: name for name in figures}
            restated = [(fill(key), read(name)) for key, name in figures.items()]
            sentences.append(said(fill(sentence["text"]), *restated))
        return [Paragraph(sentences)]
    raise ValueError(f"a passage entry prints nothing: {dict(entry)}")
