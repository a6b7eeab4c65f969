"""Flow blocks onto A4 pages and record where tracked rows and sentences land.

Layout is pure arithmetic on estimated text widths (``metrics.py``): it needs
no font, and the same blocks always give the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tools.samples.blocks import Block, Cell, Grid, Heading, PageBreak, Paragraph, TableBlock
from tools.samples.metrics import text_width, wrap

NUMBER_CHARS = set("0123456789.,-—")

A4 = (595.28, 841.89)
MARGIN_X = 56.0
MARGIN_TOP = 50.0
MARGIN_BOTTOM = 48.0
CELL_PAD = 2.0


@dataclass(frozen=True)
class TextOp:
    x: float
    y: float  # baseline
    text: str
    size: float
    anchor: str = "left"  # 'left' | 'center' | 'right'


@dataclass(frozen=True)
class RectOp:
    x: float
    y: float  # bottom
    width: float
    height: float


@dataclass
class Page:
    width: float
    height: float
    ops: list[TextOp | RectOp] = field(default_factory=list)


@dataclass
class LayoutResult:
    """Pages to draw, and the 1-based page of every tracked thing, by block index."""

    pages: list[Page]
    table_pages: dict[int, list[int]]
    row_pages: dict[tuple[int, int], int]  # (block, body row) -> page
    sentence_pages: dict[tuple[int, int], int]  # (block, sentence) -> page


class _Flow:
    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.y = 0.0
        self.landscape = False

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def page_no(self) -> int:
        return len(self.pages)

    @property
    def left(self) -> float:
        return MARGIN_X

    @property
    def width(self) -> float:
        return self.page.width - 2 * MARGIN_X

    def new_page(self, landscape: bool = False) -> None:
        w, h = A4
        self.pages.append(Page(h, w) if landscape else Page(w, h))
        self.landscape = landscape
        self.y = self.page.height - MARGIN_TOP

    def ensure(self, height: float, landscape: bool = False) -> None:
        if not self.pages or self.landscape != landscape or self.y - height < MARGIN_BOTTOM:
            self.new_page(landscape)

    def fits(self, height: float, slack: float = 0.0) -> bool:
        return self.y - height >= MARGIN_BOTTOM - slack

    def text(self, x: float, text: str, size: float, anchor: str = "left") -> None:
        if text:
            self.page.ops.append(TextOp(x, self.y, text, size, anchor))


def _line_height(size: float) -> float:
    return size * 1.3


def _cell_lines(cell: Cell, width: float, size: float) -> list[str]:
    return wrap(cell.text, width - 2 * CELL_PAD, size)


class _GridGeometry:
    """Column offsets and header row heights of a grid at a given table width."""

    def __init__(self, grid: Grid, width: float) -> None:
        self.size = grid.font_size
        self.widths = self._fit_widths(grid, width)
        self.offsets = [sum(self.widths[:i]) for i in range(len(self.widths) + 1)]
        self.min_height = _line_height(self.size) + 2 * CELL_PAD
        heights = [self.min_height] * len(grid.header)
        spanned: list[tuple[int, Cell, float]] = []
        for r, row in enumerate(grid.header):
            for cell in row:
                need = self.needed(cell)
                if cell.rowspan == 1:
                    heights[r] = max(heights[r], need)
                else:
                    spanned.append((r, cell, need))
        for r, cell, need in spanned:
            have = sum(heights[r : r + cell.rowspan])
            if have < need:
                heights[r + cell.rowspan - 1] += need - have
        self.header_heights = heights

    def _fit_widths(self, grid: Grid, width: float) -> list[float]:
        """Widths from the weights, widened so no number or code has to wrap."""
        total = sum(grid.col_weights)
        widths = [width * w / total for w in grid.col_weights]
        need = [0.0] * len(widths)
        for row in grid.body:
            for cell in row.cells:
                if cell.colspan == 1 and cell.text and all(c in NUMBER_CHARS for c in cell.text):
                    need[cell.col] = max(
                        need[cell.col], text_width(cell.text, self.size) + 2 * CELL_PAD + 1
                    )
        short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
        if short <= 0:
            return widths
        slack = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
        free = sum(slack)
        return [
            max(n, w) if n >= w else w - s * short / free
            for n, w, s in zip(need, widths, slack, strict=True)
        ]

    def cell_width(self, cell: Cell) -> float:
        return self.offsets[cell.col + cell.colspan] - self.offsets[cell.col]

    def needed(self, cell: Cell) -> float:
        lines = _cell_lines(cell, self.cell_width(cell), self.size)
        return len(lines) * _line_height(self.size) + 2 * CELL_PAD

    def row_height(self, cells: list[Cell]) -> float:
        return max([self.min_height, *(self.needed(c) for c in cells)])

    def draw_cell(self, page: Page, left: float, top: float, cell: Cell, height: float) -> None:
        x = left + self.offsets[cell.col]
        width = self.cell_width(cell)
        page.ops.append(RectOp(x, top - height, width, height))
        lines = _cell_lines(cell, width, self.size)
        lh = _line_height(self.size)
        block = len(lines) * lh
        baseline = top - (height - block) / 2 - lh + (lh - self.size) / 2 + self.size * 0.12
        for line in lines:
            if line.strip():
                if cell.align == "left":
                    page.ops.append(TextOp(x + CELL_PAD, baseline, line, self.size))
                elif cell.align == "right":
                    page.ops.append(
                        TextOp(x + width - CELL_PAD, baseline, line, self.size, "right")
                    )
                else:
                    page.ops.append(TextOp(x + width / 2, baseline, line, self.size, "center"))
            baseline -= lh


def _place_heading(flow: _Flow, block: Heading) -> None:
    lines = wrap(block.text, flow.width if flow.pages else A4[0] - 2 * MARGIN_X, block.size)
    height = block.space_before + len(lines) * block.size * 1.5 + block.space_after
    flow.ensure(height)
    flow.y -= block.space_before
    for line in lines:
        flow.y -= block.size * 1.2
        if block.align == "center":
            flow.text(flow.left + flow.width / 2, line, block.size, "center")
        else:
            flow.text(flow.left, line, block.size)
        flow.y -= block.size * 0.3
    flow.y -= block.space_after


def _place_paragraph(flow: _Flow, block: Paragraph, index: int, result: LayoutResult) -> None:
    flow.ensure(block.size * 2)
    text = "".join(s.text for s in block.sentences)
    indent = 2 * block.size if block.indent else 0.0
    lines = wrap(text, flow.width, block.size, first_width=flow.width - indent)
    starts = []
    offset = 0
    for s in block.sentences:
        starts.append(offset)
        offset += len(s.text)
    line_pages: list[tuple[int, int]] = []  # (first char offset, page)
    offset = 0
    leading = block.size * 1.75
    for n, line in enumerate(lines):
        if not flow.fits(leading):
            flow.new_page()
        flow.y -= leading
        flow.text(flow.left + (indent if n == 0 else 0.0), line, block.size)
        line_pages.append((offset, flow.page_no))
        offset += len(line)
    for si, start in enumerate(starts):
        page = line_pages[0][1]
        for line_start, line_page in line_pages:
            if line_start <= start:
                page = line_page
        result.sentence_pages[(index, si)] = page
    flow.y -= block.size * 0.4


def _draw_header(flow: _Flow, geo: _GridGeometry, grid: Grid) -> None:
    top = flow.y
    row_tops = [top - sum(geo.header_heights[:r]) for r in range(len(grid.header))]
    for r, row in enumerate(grid.header):
        for cell in row:
            height = sum(geo.header_heights[r : r + cell.rowspan])
            geo.draw_cell(flow.page, flow.left, row_tops[r], cell, height)
    flow.y = top - sum(geo.header_heights)


def _place_table(flow: _Flow, block: TableBlock, index: int, result: LayoutResult) -> None:
    pages: list[int] = []
    if block.new_page or not flow.pages or flow.landscape != block.landscape:
        flow.new_page(block.landscape)
    else:
        flow.ensure(120, block.landscape)
    pages.append(flow.page_no)
    if block.printed_number and block.number_above:
        flow.y -= 12
        flow.text(flow.left, block.printed_number, 10)
        flow.y -= 4
    flow.y -= block.title_size * 1.2
    flow.text(flow.left + flow.width / 2, block.title, block.title_size, "center")
    flow.y -= block.title_size * 0.9
    if block.subtitle:
        flow.y -= 12
        flow.text(flow.left + flow.width / 2, block.subtitle, 11, "center")
        flow.y -= 6
    if block.printed_number and not block.number_above:
        flow.y -= 12
        flow.text(flow.left + flow.width, block.printed_number, 10, "right")
        flow.y -= 4
    if block.department_line or block.unit_line:
        flow.y -= 14
        flow.text(flow.left, block.department_line, 10)
        flow.text(flow.left + flow.width, block.unit_line, 10, "right")
        flow.y -= 6
    grid = block.grid
    geo = _GridGeometry(grid, flow.width)
    _draw_header(flow, geo, grid)
    for r, row in enumerate(grid.body):
        height = geo.row_height(row.cells)
        if r in block.break_before or not flow.fits(height):
            flow.new_page(block.landscape)
            pages.append(flow.page_no)
            if block.repeat_header:
                _draw_header(flow, geo, grid)
        for cell in row.cells:
            geo.draw_cell(flow.page, flow.left, flow.y, cell, height)
        result.row_pages[(index, r)] = flow.page_no
        flow.y -= height
    flow.y -= 6
    for note in block.notes:
        lines = wrap(note, flow.width, 9)
        for line in lines:
            if not flow.fits(13, slack=24):  # footnotes may use part of the bottom margin
                flow.new_page(block.landscape)
                pages.append(flow.page_no)
            flow.y -= 13
            flow.text(flow.left, line, 9)
    result.table_pages[index] = sorted(set(pages))


def lay_out(blocks: list[Block]) -> LayoutResult:
    """Flow ``blocks`` onto pages; tables start on a fresh page unless told otherwise."""
    flow = _Flow()
    result = LayoutResult([], {}, {}, {})
    for index, block in enumerate(blocks):
        if isinstance(block, PageBreak):
            flow.new_page(block.landscape)
        elif isinstance(block, Heading):
            _place_heading(flow, block)
        elif isinstance(block, Paragraph):
            _place_paragraph(flow, block, index, result)
        elif isinstance(block, TableBlock):
            _place_table(flow, block, index, result)
    result.pages = flow.pages
    return result


def column_widths(grid: Grid, width: float) -> list[float]:
    """The column widths layout gives ``grid`` at ``width``: numbers and codes never wrap."""
    return _GridGeometry(grid, width).widths


def row_heights(grid: Grid, width: float) -> tuple[list[float], list[float]]:
    """Heights layout gives the header rows and the body rows of ``grid`` at ``width``."""
    geo = _GridGeometry(grid, width)
    return geo.header_heights, [geo.row_height(row.cells) for row in grid.body]
