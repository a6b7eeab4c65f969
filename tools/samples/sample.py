"""One sample document: its metadata, its blocks, its PDF and its expected extraction."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pipelines.extraction.model import (
    DocumentExtraction,
    OperatingCost,
    ProcurementLine,
    StateAsset,
)
from tools.samples.blocks import Block, Cell, Heading, Paragraph, TableBlock
from tools.samples.layout import LayoutResult, lay_out
from tools.samples.producers import PrintSetup, render_with
from tools.samples.producers.expected_pages import assign_pages
from tools.samples.render import render_pdf
from tools.samples.style import with_radicals

REPO_ROOT = Path(__file__).resolve().parents[2]
RAW_DIR = REPO_ROOT / "raw"
VARIANTS_DIR = REPO_ROOT / "tests" / "fixtures" / "variants"
PRODUCERS_DIR = REPO_ROOT / "tests" / "fixtures" / "producers"
FOLDERS = {"raw": RAW_DIR, "variants": VARIANTS_DIR, "producers": PRODUCERS_DIR}


@dataclass
class SampleDocument:
    """A generated final-account PDF and the extraction a correct extractor returns for it.

    ``blocks`` is the single source of truth: the PDF is drawn from them and
    ``expected`` is read off them after layout, with real page numbers.
    ``producer`` is who makes the PDF: 'reportlab' (laid out here, pages known
    from layout) or 'writer' / 'calc' / 'chromium' (a real producer paginates;
    the pages are read back from the committed PDF's text, see
    ``producers/expected_pages.py``), with ``setup`` its font and page furniture.
    """

    file_name: str
    department_name: str
    region: str
    fiscal_year: int
    reporting_scope: str  # 'department' / 'unit'
    unit: str  # '万元' / '元', the unit the tables print in
    blocks: list[Block]
    folder: str = "raw"  # 'raw' or 'variants'
    traits: tuple[str, ...] = ()  # what the document exercises, for humans and test ids
    radicals: bool = False  # print 门/车 as the radical look-alikes ⻔/⻋
    known_inconsistencies: tuple[str, ...] = ()  # narrative breaks printed on purpose
    document_kind: str = "final_account"
    producer: str = "reportlab"
    setup: PrintSetup = field(default_factory=PrintSetup)
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    @property
    def path(self) -> Path:
        """Where the committed PDF lives."""
        return FOLDERS[self.folder] / self.file_name

    @cached_property
    def _built(self) -> tuple[list[Block], LayoutResult]:
        blocks = copy.deepcopy(self.blocks)
        layout = lay_out(blocks)
        for index, block in enumerate(blocks):
            if isinstance(block, TableBlock) and block.expected is not None:
                block.expected.pages = layout.table_pages[index]
                for r, row in enumerate(block.grid.body):
                    for record in row.records:
                        record.page = layout.row_pages[(index, r)]
            elif isinstance(block, Paragraph):
                for s, sentence in enumerate(block.sentences):
                    page = layout.sentence_pages[(index, s)]
                    for item in [*sentence.figures, *sentence.executions, *sentence.sections]:
                        item.page = page
        return blocks, layout

    @cached_property
    def _placed(self) -> tuple[list[Block], int]:
        """The blocks with every expected page set, and the page count."""
        if self.producer == "reportlab":
            blocks, layout = self._built
            return blocks, len(layout.pages)
        blocks = copy.deepcopy(self.blocks)
        count = assign_pages(blocks, self.pdf_bytes(), self.setup.running_header)
        return blocks, count

    @property
    def page_count(self) -> int:
        return self._placed[1]

    @property
    def pdf_title(self) -> str:
        return f"{self.department_name}{self.fiscal_year}年度部门决算"

    def render(self) -> bytes:
        """The PDF bytes (needs the CJK font, or the producer installed).

        reportlab's are identical on every call and machine; a producer's carry
        its creation date, so they are rendered once and committed.
        """
        if "pdf" not in self._cache:
            if self.producer != "reportlab":
                blocks, setup = self.blocks, self.setup
                if self.radicals:
                    blocks = inked(blocks, with_radicals)
                    setup = dataclasses.replace(
                        setup, running_header=with_radicals(setup.running_header)
                    )
                pdf = render_with(self.producer, blocks, setup, self.pdf_title)
            else:
                ink: Callable[[str], str] | None = with_radicals if self.radicals else None
                pdf = render_pdf(self._built[1].pages, title=self.pdf_title, ink=ink)
            self._cache["pdf"] = pdf
        return self._cache["pdf"]  # type: ignore[return-value]

    def pdf_bytes(self) -> bytes:
        """The committed PDF if present, else a fresh rendering."""
        return self.path.read_bytes() if self.path.is_file() else self.render()

    @cached_property
    def expected(self) -> DocumentExtraction:
        """The extraction a correct extractor returns for this PDF (amounts in yuan)."""
        blocks, page_count = self._placed
        digest = hashlib.sha256(self.pdf_bytes()).hexdigest()
        tables = {}
        figures = []
        executions = []
        sections: list[OperatingCost | ProcurementLine | StateAsset] = []
        for block in blocks:
            if isinstance(block, TableBlock) and block.expected is not None:
                tables[block.expected.table_code] = block.expected
            elif isinstance(block, Paragraph):
                for sentence in block.sentences:
                    figures += sentence.figures
                    executions += sentence.executions
                    sections += sentence.sections
        return DocumentExtraction(
            source_file=self.file_name,
            sha256=digest,
            document_id=f"doc_{digest[:16]}",
            page_count=page_count,
            department_name=self.department_name,
            region=self.region,
            fiscal_year=self.fiscal_year,
            document_kind=self.document_kind,
            reporting_scope=self.reporting_scope,
            source_unit=self.unit,
            tables=tables,
            budget_execution=executions,
            narrative_figures=figures,
            operating_cost=[r for r in sections if isinstance(r, OperatingCost)],
            procurement=[r for r in sections if isinstance(r, ProcurementLine)],
            state_assets=[r for r in sections if isinstance(r, StateAsset)],
        )


def inked(blocks: list[Block], ink: Callable[[str], str]) -> list[Block]:
    """A copy of ``blocks`` with ``ink`` applied to every printed string (a producer's input)."""
    out = copy.deepcopy(blocks)
    for block in out:
        if isinstance(block, Heading):
            block.text = ink(block.text)
        elif isinstance(block, Paragraph):
            for sentence in block.sentences:
                sentence.text = ink(sentence.text)
        elif isinstance(block, TableBlock):
            block.title = ink(block.title)
            block.department_line = ink(block.department_line)
            block.unit_line = ink(block.unit_line)
            block.subtitle = ink(block.subtitle)
            block.notes = [ink(note) for note in block.notes]
            if block.printed_number:
                block.printed_number = ink(block.printed_number)
            grid = block.grid
            grid.header = [[_ink_cell(c, ink) for c in row] for row in grid.header]
            for row in grid.body:
                row.cells = [_ink_cell(c, ink) for c in row.cells]
    return out


def _ink_cell(cell: Cell, ink: Callable[[str], str]) -> Cell:
    return dataclasses.replace(cell, text=ink(cell.text))
