"""What a sample document is made of, before layout: prose blocks and ruled tables.

A document is a list of blocks. Layout (``layout.py``) flows them onto pages
and records where each tracked table row and narrative sentence lands, so the
expected extraction carries the real page numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.extraction.model import (
    BudgetExecution,
    ExtractedTable,
    NarrativeFigure,
    OperatingCost,
    ProcurementLine,
    StateAsset,
    TableRow,
)


@dataclass(frozen=True)
class Cell:
    """One cell of a ruled table; ``col``/``colspan`` index the grid's columns."""

    text: str
    col: int
    colspan: int = 1
    rowspan: int = 1  # header cells only
    align: str = "center"  # 'left' | 'center' | 'right'


@dataclass
class GridRow:
    """One body row of a table; ``records`` are the expected rows it prints."""

    cells: list[Cell]
    records: list[TableRow] = field(default_factory=list)


@dataclass
class Grid:
    """A ruled table: relative column widths, header rows (with spans) and body rows."""

    col_weights: list[float]
    header: list[list[Cell]]
    body: list[GridRow]
    font_size: float = 9.0


@dataclass
class Heading:
    """A centred (or left) line of large text, e.g. a part heading or a cover title."""

    text: str
    size: float = 16.0
    align: str = "center"
    space_before: float = 12.0
    space_after: float = 12.0


@dataclass
class Sentence:
    """A run of prose; if it restates a figure, the expected record rides along."""

    text: str
    figures: list[NarrativeFigure] = field(default_factory=list)
    executions: list[BudgetExecution] = field(default_factory=list)
    # what a Part 3 十–十二 sentence states (机关运行经费, 政府采购, 国有资产占用)
    sections: list[OperatingCost | ProcurementLine | StateAsset] = field(default_factory=list)


@dataclass
class Paragraph:
    """Prose wrapped to the text width, first line indented by two characters."""

    sentences: list[Sentence]
    size: float = 12.0
    indent: bool = True

    @classmethod
    def plain(cls, text: str, *, size: float = 12.0, indent: bool = True) -> Paragraph:
        return cls([Sentence(text)], size=size, indent=indent)


@dataclass
class PageBreak:
    """Start the next block on a new page."""

    landscape: bool = False


@dataclass
class TableBlock:
    """A table on its own page(s): title, printed number, 部门/单位 line, grid, notes.

    ``expected`` is None for tables that are not standard tables (e.g. Part 6
    performance forms). ``break_before`` forces a page break before those body
    rows, to reproduce a page holding only a table's last rows.
    """

    title: str
    grid: Grid
    printed_number: str | None = None
    department_line: str = ""
    unit_line: str = ""
    notes: list[str] = field(default_factory=list)
    expected: ExtractedTable | None = None
    landscape: bool = False
    repeat_header: bool = True
    break_before: set[int] = field(default_factory=set)
    new_page: bool = True
    title_size: float = 15.0
    subtitle: str = ""  # a line under the title, e.g. '（2024年度）'
    number_above: bool = False  # print the number above the title (Jiangsu: '公开01表')


Block = Heading | Paragraph | PageBreak | TableBlock
