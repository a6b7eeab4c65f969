"""Blocks as a workbook (openpyxl), one sheet per table, exported to PDF by LibreOffice Calc.

What the Calc PDFs carry: cell borders drawn by Calc as short lines per cell
edge, merged header cells, print titles (the header rows repeated at the top
of every printed page of a sheet, when ``TableBlock.repeat_header``), a
landscape page style for landscape tables, amounts as numbers printed through
number formats (``#,##0.00`` where the table prints separators; zeros blank,
``"-"`` or ``0.00``), the page header and a "第 &P 页" footer, manual row
breaks for ``break_before``. Prose goes to text sheets, one paragraph a row.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from tools.samples.blocks import Block, Cell, Heading, Paragraph, TableBlock
from tools.samples.layout import column_widths, row_heights
from tools.samples.metrics import wrap
from tools.samples.producers import PrintSetup, build
from tools.samples.producers.programs import export

AMOUNT = re.compile(r"^-?[\d,]+\.\d{2}$")
ZERO_MARKS = ("-", "—")
MARGIN_IN = 0.7
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TEXT_COLUMN_PT = 380.0  # the one column of a text sheet (cover, contents)
CHARSET_GB2312 = 134  # marks the font as a CJK font, so Calc uses it for Chinese text too


def _text_width_pt(landscape: bool) -> float:
    width = 11.69 if landscape else 8.27
    return (width - 2 * MARGIN_IN) * 72 - 6


def _excel_width(points: float) -> float:
    """Column width in Excel's character units for a width in points."""
    return max(1.0, (points - 3.75) / 5.25)


class _Workbook:
    def __init__(self, setup: PrintSetup, title: str) -> None:
        self.setup = setup
        self.book = Workbook()
        self.book.remove(self.book.active)
        self.book.properties.title = title
        self.book.properties.creator = "fiscal-warehouse sample generator"
        self.text: Worksheet | None = None
        self.text_row = 0
        self.sheets = 0

    def font(self, size: float, bold: bool = False) -> Font:
        return Font(name=self.setup.font, size=size, bold=bold, charset=CHARSET_GB2312)

    def _sheet(self, name: str, landscape: bool) -> Worksheet:
        self.sheets += 1
        sheet = self.book.create_sheet(f"{self.sheets:02d}{name}"[:31])
        setup = sheet.page_setup
        setup.orientation = "landscape" if landscape else "portrait"
        setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_margins.left = sheet.page_margins.right = MARGIN_IN
        sheet.page_margins.top = sheet.page_margins.bottom = 0.8
        sheet.page_margins.header = sheet.page_margins.footer = 0.35
        sheet.print_options.horizontalCentered = True
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        if self.sheets > 1 or name != "封面":
            if self.setup.running_header:
                sheet.oddHeader.center.text = self.setup.running_header
                sheet.oddHeader.center.size = 9
                sheet.oddHeader.center.font = self.setup.font
            if self.setup.page_numbers:
                sheet.oddFooter.center.text = self.setup.footer("&P")
                sheet.oddFooter.center.size = 10
                sheet.oddFooter.center.font = self.setup.font
        return sheet

    # -- prose ----------------------------------------------------------------------------------

    def _text_sheet(self) -> Worksheet:
        if self.text is None:
            self.text = self._sheet("封面" if self.sheets == 0 else "说明", landscape=False)
            self.text.column_dimensions["A"].width = _excel_width(TEXT_COLUMN_PT)
            self.text.print_options.horizontalCentered = False
            self.text_row = 0
        return self.text

    def new_page(self, landscape: bool) -> None:
        """A page break in the text sheet; every table opens a sheet of its own anyway."""
        if self.text is not None and self.text_row:
            self.text.row_breaks.append(Break(id=self.text_row))

    def text_row_of(self, text: str, size: float, bold: bool, align: str, indent: bool) -> None:
        sheet = self._text_sheet()
        self.text_row += 1
        width = TEXT_COLUMN_PT
        shown = ("\u3000\u3000" if indent else "") + text
        lines = max(1, len(wrap(shown, width - 8, size)))
        cell = sheet.cell(self.text_row, 1, shown)
        cell.font = self.font(size, bold)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        sheet.row_dimensions[self.text_row].height = lines * size * 1.55 + 4

    def heading(self, block: Heading) -> None:
        if block.space_before >= 40:  # a cover title set low on the page
            sheet = self._text_sheet()
            self.text_row += 1
            sheet.row_dimensions[self.text_row].height = min(block.space_before, 400)
        self.text_row_of(block.text, block.size, True, block.align, indent=False)

    def prose(self, block: Paragraph) -> None:
        text = "".join(s.text for s in block.sentences)
        self.text_row_of(text, block.size, False, "justify", indent=block.indent)

    # -- tables ---------------------------------------------------------------------------------

    def table(self, block: TableBlock) -> None:
        self.text = None
        grid = block.grid
        sheet = self._sheet(block.printed_number or "表", block.landscape)
        width = _text_width_pt(block.landscape)
        widths = column_widths(grid, width)
        ncols = len(widths)
        last = get_column_letter(ncols)
        for i, w in enumerate(widths):
            sheet.column_dimensions[get_column_letter(i + 1)].width = _excel_width(w)
        row = 0

        def line(text: str, size: float, align: str, bold: bool = False) -> None:
            nonlocal row
            row += 1
            sheet.merge_cells(f"A{row}:{last}{row}")
            cell = sheet.cell(row, 1, text)
            cell.font = self.font(size, bold)
            cell.alignment = Alignment(horizontal=align, vertical="center")
            sheet.row_dimensions[row].height = size * 1.7

        if block.printed_number and block.number_above:
            line(block.printed_number, 10, "left")
        line(block.title, block.title_size, "center", bold=True)
        if block.subtitle:
            line(block.subtitle, 11, "center")
        if block.printed_number and not block.number_above:
            line(block.printed_number, 10, "right")
        if block.department_line or block.unit_line:
            row += 1
            half = max(1, ncols // 2)
            if half > 1:
                sheet.merge_cells(f"A{row}:{get_column_letter(half)}{row}")
            if ncols - half > 1:
                sheet.merge_cells(
                    f"{get_column_letter(half + 1)}{row}:{get_column_letter(ncols)}{row}"
                )
            left = sheet.cell(row, 1, block.department_line)
            left.font = self.font(10)
            right = sheet.cell(row, half + 1, block.unit_line)
            right.font = self.font(10)
            right.alignment = Alignment(horizontal="right")
            sheet.row_dimensions[row].height = 17
        header_heights, body_heights = row_heights(grid, width)
        first_header = row + 1
        thousands = any("," in c.text for r in grid.body for c in r.cells)
        for cells, height in zip(grid.header, header_heights, strict=True):
            row += 1
            self._grid_row(sheet, row, cells, ncols, grid.font_size, thousands, header=True)
            sheet.row_dimensions[row].height = height + 2
        if block.repeat_header and grid.header:
            sheet.print_title_rows = f"{first_header}:{row}"
        for r, (grid_row, height) in enumerate(zip(grid.body, body_heights, strict=True)):
            row += 1
            if r in block.break_before:
                sheet.row_breaks.append(Break(id=row - 1))
            self._grid_row(sheet, row, grid_row.cells, ncols, grid.font_size, thousands)
            sheet.row_dimensions[row].height = height + 2
        for note in block.notes:
            row += 1
            sheet.merge_cells(f"A{row}:{last}{row}")
            cell = sheet.cell(row, 1, note)
            cell.font = self.font(9)
            cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
            sheet.row_dimensions[row].height = len(wrap(note, width - 8, 9)) * 13 + 2

    def _grid_row(
        self,
        sheet: Worksheet,
        row: int,
        cells: list[Cell],
        ncols: int,
        size: float,
        thousands: bool,
        header: bool = False,
    ) -> None:
        for col in range(1, ncols + 1):  # every cell boxed, empty ones too
            sheet.cell(row, col).border = BOX
        for cell in cells:
            first = sheet.cell(row, cell.col + 1)
            if cell.rowspan > 1 or cell.colspan > 1:
                end_row, end_col = row + cell.rowspan - 1, cell.col + cell.colspan
                sheet.merge_cells(
                    start_row=row, start_column=cell.col + 1, end_row=end_row, end_column=end_col
                )
                for r in range(row, end_row + 1):
                    for c in range(cell.col + 1, end_col + 1):
                        sheet.cell(r, c).border = BOX
            _set_value(first, cell, header, thousands)
            first.font = self.font(size)
            first.alignment = Alignment(horizontal=cell.align, vertical="center", wrap_text=True)

    def save(self, path: Path) -> None:
        self.book.save(str(path))


def _set_value(target, cell: Cell, header: bool, thousands: bool) -> None:
    """Amounts as numbers shown through a number format; codes and labels as text."""
    base = "#,##0.00" if thousands else "0.00"
    text = cell.text
    if not header and cell.align == "right" and AMOUNT.match(text):
        target.value = float(Decimal(text.replace(",", "")))
        target.number_format = base
    elif not header and cell.align == "right" and text in ZERO_MARKS:
        target.value = 0
        target.number_format = f'{base};-{base};"{text}"'
    elif text:
        target.value = text
        target.number_format = "@"


def build_xlsx(blocks: list[Block], setup: PrintSetup, title: str) -> _Workbook:
    book = _Workbook(setup, title)
    build(blocks, book)
    return book


def render_calc(blocks: list[Block], setup: PrintSetup, title: str) -> bytes:
    """PDF bytes: the blocks as .xlsx, converted by LibreOffice Calc."""
    return export("calc", "workbook.xlsx", build_xlsx(blocks, setup, title).save)
