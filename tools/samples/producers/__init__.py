"""Sample PDFs made by real producers: LibreOffice Writer and Calc, headless Chromium.

The same blocks that reportlab draws (``blocks.py``) are written as a .docx
(python-docx), an .xlsx (openpyxl, one sheet per table) or an HTML page, and
converted to PDF by the producer itself, which paginates on its own. The
expected pages are then read back from the PDF's text (``expected_pages.py``).

Rendering needs the producers installed (Debian: libreoffice-writer-nogui,
libreoffice-calc-nogui, chromium); reading the committed PDFs does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from tools.samples.blocks import Block, Heading, PageBreak, Paragraph, TableBlock

PRODUCERS = ("writer", "calc", "chromium")


class ProducerMissing(RuntimeError):
    """The program that makes a producer's PDFs is not installed."""


@dataclass(frozen=True)
class PrintSetup:
    """Page furniture and font of one producer document.

    ``page_numbers``: '' none, 'dash' ("- 3 -") or 'di' ("第 3 页") in the footer;
    ``running_header``: text at the top of every page but the cover.
    """

    font: str = "Noto Serif CJK SC"
    running_header: str = ""
    page_numbers: str = ""
    body_size: float = 12.0

    def footer(self, number: str) -> str:
        """The footer text around a page number (a field or a counter in the producer)."""
        if self.page_numbers == "dash":
            return f"- {number} -"
        if self.page_numbers == "di":
            return f"第 {number} 页"
        return ""


class Builder(Protocol):
    """A producer's source document (.docx, .xlsx, HTML), built block by block."""

    def new_page(self, landscape: bool) -> None: ...

    def heading(self, block: Heading) -> None: ...

    def prose(self, block: Paragraph) -> None: ...

    def table(self, block: TableBlock) -> None: ...


def build(blocks: list[Block], builder: Builder) -> None:
    """Hand every block to ``builder`` in document order."""
    for block in blocks:
        if isinstance(block, PageBreak):
            builder.new_page(block.landscape)
        elif isinstance(block, Heading):
            builder.heading(block)
        elif isinstance(block, Paragraph):
            builder.prose(block)
        elif isinstance(block, TableBlock):
            builder.table(block)


def render_with(producer: str, blocks: list, setup: PrintSetup, title: str) -> bytes:
    """The PDF bytes ``producer`` makes of ``blocks``."""
    if producer == "writer":
        from tools.samples.producers.writer import render_writer

        return render_writer(blocks, setup, title)
    if producer == "calc":
        from tools.samples.producers.calc import render_calc

        return render_calc(blocks, setup, title)
    if producer == "chromium":
        from tools.samples.producers.chromium import render_chromium

        return render_chromium(blocks, setup, title)
    raise ValueError(f"unknown producer {producer!r}")
