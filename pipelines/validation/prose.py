"""The document's prose as an auditor reads it: sentences, printed amounts and percentages.

The extraction keeps the text of every page without a standard table
(:class:`~pipelines.extraction.model.ProsePage`). Chinese prose wraps anywhere
and the PDFs space numbers freely ("增长2.75 %", "15897.44 万元"), so the
pages are joined with every blank removed before sentences are cut at 。.
An amount keeps the precision it was printed with: a share or a rate is
recomputed at that precision, never at more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extraction.model import DocumentExtraction
from pipelines.extraction.text import UNIT_FACTORS

AMOUNT = re.compile(r"(?<![\d.])(?P<number>\d[\d,]*(?:\.\d+)?)(?P<unit>亿元|万元|元)")
PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)%")
_BLANKS = re.compile(r"\s+")


@dataclass(frozen=True)
class PrintedAmount:
    """An amount as the prose printed it: its digits, unit and place in the text."""

    number: Decimal  # in the printed unit
    unit: str  # '万元', '元', '亿元'
    start: int  # offset in the document's joined prose
    end: int

    @property
    def yuan(self) -> Decimal:
        return self.number * UNIT_FACTORS[self.unit]

    @property
    def half_step_yuan(self) -> Decimal:
        """Half of the last printed digit, in yuan: how far rounding may have moved it."""
        exponent = self.number.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return Decimal(5).scaleb(-places - 1) * UNIT_FACTORS[self.unit]

    @property
    def text(self) -> str:
        return f"{self.number}{self.unit}"


@dataclass(frozen=True)
class Sentence:
    """One sentence of the prose (up to its 。), with its page and offset."""

    page: int
    text: str
    start: int  # offset of the sentence in the document's joined prose


@dataclass(frozen=True)
class Prose:
    """All prose pages joined without blanks, with the page at every offset."""

    text: str
    marks: tuple[tuple[int, int], ...]  # (offset, page number)

    def page_at(self, offset: int) -> int:
        page = self.marks[0][1] if self.marks else 1
        for start, number in self.marks:
            if start > offset:
                break
            page = number
        return page

    def sentences(self) -> list[Sentence]:
        return [
            Sentence(self.page_at(match.start()), match.group(0), match.start())
            for match in re.finditer(r"[^。]*。?", self.text)
            if match.group(0).strip("。")
        ]

    def amounts(self, start: int = 0, end: int | None = None) -> list[PrintedAmount]:
        """The amounts printed between two offsets, in order."""
        stop = len(self.text) if end is None else end
        return [amount_at(match, 0) for match in AMOUNT.finditer(self.text, start, stop)]


def amount_at(match: re.Match[str], offset: int) -> PrintedAmount:
    """The amount of a match of ``AMOUNT``'s groups, offsets shifted by ``offset``."""
    return PrintedAmount(
        Decimal(match.group("number").replace(",", "")),
        match.group("unit"),
        offset + match.start("number"),
        offset + match.end("unit"),
    )


def read_prose(extraction: DocumentExtraction) -> Prose:
    """The document's prose pages, joined without blanks or line breaks."""
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    offset = 0
    for page in extraction.prose:
        text = _BLANKS.sub("", page.text)
        marks.append((offset, page.page))
        parts.append(text)
        offset += len(text)
    return Prose("".join(parts), tuple(marks))


def quote(text: str, limit: int = 120) -> str:
    """A sentence as findings quote it: trimmed to ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
