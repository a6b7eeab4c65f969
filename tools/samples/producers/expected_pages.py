"""The pages a producer put things on, read back from its PDF's text.

reportlab's layout knows where each row lands; Writer, Calc and Chromium
paginate on their own. So after a producer has made the PDF, its text is read
page by page (pdfplumber) and every tracked thing is found in document order,
each search starting where the previous one ended:

- a heading or a sentence: its text (spacing removed), else its first ten
  characters; the page where it starts;
- a table: its title, then each body row carrying records, then its first note;
- a row: the first text line that holds the row's numbers (codes, 行次 and
  amounts, in column order; a name may wrap above or below them), or, for a
  row printing no number, its first label.

The running header (first line of a page) and the page-number footer (last
line) are left out, so prose reads on across pages. A table's pages run from
its title's page to its last row's (or note's) page. Anything not found raises:
the expected data must never guess.
"""

from __future__ import annotations

import bisect
import io
import re
import unicodedata
from dataclasses import dataclass

import pdfplumber

from tools.samples.blocks import Block, GridRow, Heading, Paragraph, TableBlock
from tools.samples.style import normalise

NUMBER_CELL = re.compile(r"^-?[\d,]*\d(?:\.\d+)?$")
NUMBER_TOKEN = re.compile(r"(?<![\d.,])-?\d[\d,]*(?:\.\d+)?(?![\d])")
FOOTER = re.compile(r"^(?:-\d{1,3}-|—\d{1,3}—|第\d{1,3}页)$")
PREFIX = 10


class PagesNotFound(RuntimeError):
    """Something the blocks print could not be found in the PDF's text."""


@dataclass
class _Line:
    page: int
    text: str  # NFKC, spacing kept
    start: int  # offset of the line in the compact text of the document
    end: int


class PrintedText:
    """The PDF's text lines in reading order, and their compact concatenation."""

    def __init__(self, pdf: bytes, running_header: str = "") -> None:
        header = normalise(running_header) if running_header else None
        self.lines: list[_Line] = []
        parts: list[str] = []
        offset = 0
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            self.page_count = len(document.pages)
            for number, page in enumerate(document.pages, start=1):
                raw = (page.extract_text(x_tolerance=0.5) or "").split("\n")
                lines = [(unicodedata.normalize("NFKC", x), normalise(x)) for x in raw]
                lines = [(text, compact) for text, compact in lines if compact]
                if lines and header and lines[0][1] == header:
                    lines = lines[1:]
                if lines and FOOTER.match(lines[-1][1]):
                    lines = lines[:-1]
                for text, compact in lines:
                    self.lines.append(_Line(number, text, offset, offset + len(compact)))
                    parts.append(compact)
                    offset += len(compact)
        self.compact = "".join(parts)
        self._starts = [line.start for line in self.lines]

    def page_at(self, offset: int) -> int:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.lines[max(0, index)].page

    def find(self, text: str, cursor: int, what: str) -> tuple[int, int]:
        """(start, end) of ``text`` (compact) at or after ``cursor``, else of its prefix."""
        needle = normalise(text)
        for candidate in (needle, needle[:PREFIX]):
            if not candidate:
                continue
            start = self.compact.find(candidate, cursor)
            if start >= 0:
                return start, start + len(candidate)
        raise PagesNotFound(f"{what} {text[:40]!r} not found after offset {cursor}")

    def find_row(self, anchor: list[str], cursor: int, what: str) -> _Line:
        """The first line at or after ``cursor`` whose numbers include ``anchor`` in order."""
        first = bisect.bisect_left(self._starts, cursor)
        for line in self.lines[first:]:
            tokens = NUMBER_TOKEN.findall(line.text)
            position = 0
            for token in tokens:
                if position < len(anchor) and token == anchor[position]:
                    position += 1
            if position == len(anchor):
                return line
        raise PagesNotFound(f"{what} with numbers {anchor} not found after offset {cursor}")


def _anchor(row: GridRow) -> list[str]:
    cells = sorted(row.cells, key=lambda c: c.col)
    texts = [unicodedata.normalize("NFKC", c.text.strip()) for c in cells]
    return [t for t in texts if NUMBER_CELL.match(t)]


def _label(row: GridRow) -> str:
    for cell in sorted(row.cells, key=lambda c: c.col):
        if normalise(cell.text):
            return cell.text
    return ""


def assign_pages(blocks: list[Block], pdf: bytes, running_header: str = "") -> int:
    """Set the page of every expected row, table and narrative item in ``blocks``; the page count."""
    text = PrintedText(pdf, running_header)
    cursor = 0
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            _, cursor = text.find(block.text, cursor, f"heading of block {index}")
        elif isinstance(block, Paragraph):
            for sentence in block.sentences:
                if not normalise(sentence.text):
                    continue
                start, cursor = text.find(sentence.text, cursor, f"sentence of block {index}")
                page = text.page_at(start)
                for item in [*sentence.figures, *sentence.executions, *sentence.sections]:
                    item.page = page
        elif isinstance(block, TableBlock):
            cursor = _table(text, block, cursor, index)
    return text.page_count


def _table(text: PrintedText, block: TableBlock, cursor: int, index: int) -> int:
    what = f"table {block.title!r}"
    start, cursor = text.find(block.title, cursor, what)
    first = last = text.page_at(start)
    for r, row in enumerate(block.grid.body):
        if not row.records:
            continue
        anchor = _anchor(row)
        if anchor:
            line = text.find_row(anchor, cursor, f"{what} row {r}")
            page, cursor = line.page, line.end
        else:
            start, cursor = text.find(_label(row), cursor, f"{what} row {r}")
            page = text.page_at(start)
        for record in row.records:
            record.page = page
        last = max(last, page)
    if block.notes:
        start, cursor = text.find(block.notes[0], cursor, f"{what} note")
        last = max(last, text.page_at(start))
    if block.expected is not None:
        block.expected.pages = list(range(first, last + 1))
    return cursor
