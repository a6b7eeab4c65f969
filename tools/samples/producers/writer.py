"""Blocks as a Word document (python-docx), exported to PDF by LibreOffice Writer.

What the Writer PDFs carry that reportlab's do not: ruling drawn as lines by
Writer's table borders, header rows repeated by Writer on every page where the
table marks them (``w:tblHeader``, when ``TableBlock.repeat_header``), merged
header cells, a landscape section for each landscape table, a running header
and a page-number field in the footer, Writer's own line breaking and
pagination. A forced page break inside a table (``break_before``) splits the
table, as Word and Writer do; the second part repeats the header rows if the
table repeats them.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tools.samples.blocks import Block, Cell, Grid, Heading, Paragraph, TableBlock
from tools.samples.layout import column_widths
from tools.samples.producers import PrintSetup, build
from tools.samples.producers.programs import export

PAGE = (210.0, 297.0)  # A4, mm
MARGIN_MM = 20.0
CELL_MARGIN_TWIPS = 40  # 2 pt left and right in every cell
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def text_width_pt(landscape: bool) -> float:
    width = PAGE[1] if landscape else PAGE[0]
    return (width - 2 * MARGIN_MM) * 72 / 25.4


class _WriterDocument:
    def __init__(self, setup: PrintSetup, title: str) -> None:
        self.setup = setup
        self.doc = Document()
        self.doc.core_properties.title = title
        self.doc.core_properties.author = "fiscal-warehouse sample generator"
        self._fonts()
        self.landscape = False
        self.break_next = False
        self.started = False
        section = self.doc.sections[0]
        self._page(section, landscape=False)
        section.different_first_page_header_footer = True  # no header on the cover
        self._furniture(section)

    # -- document set-up --------------------------------------------------------------------

    def _fonts(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = self.setup.font
        normal.font.size = Pt(self.setup.body_size)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), self.setup.font)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
        normal.element.get_or_add_rPr().append(lang)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.0

    def _page(self, section, landscape: bool) -> None:
        width, height = (PAGE[1], PAGE[0]) if landscape else PAGE
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN_MM))
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)

    def _furniture(self, section) -> None:
        if self.setup.running_header:
            paragraph = section.header.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(self.setup.running_header)
            run.font.size = Pt(9)
        if self.setup.page_numbers:
            paragraph = section.footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            before, after = self.setup.footer("\0").split("\0")
            paragraph.add_run(before).font.size = Pt(10)
            _page_field(paragraph)
            paragraph.add_run(after).font.size = Pt(10)

    # -- flow ---------------------------------------------------------------------------------

    def new_page(self, landscape: bool) -> None:
        if landscape != self.landscape:
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
            self._page(section, landscape)
            section.different_first_page_header_footer = False
            self.landscape = landscape
            self.break_next = False
        elif self.started:
            self.break_next = True

    def paragraph(self, align: str = "left"):
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = ALIGN[align]
        if self.break_next:
            paragraph.paragraph_format.page_break_before = True
            self.break_next = False
        self.started = True
        return paragraph

    def heading(self, block: Heading) -> None:
        paragraph = self.paragraph("center" if block.align == "center" else "left")
        paragraph.paragraph_format.space_before = Pt(block.space_before)
        paragraph.paragraph_format.space_after = Pt(block.space_after)
        paragraph.paragraph_format.keep_with_next = True
        run = paragraph.add_run(block.text)
        run.font.size = Pt(block.size)
        run.bold = True

    def prose(self, block: Paragraph) -> None:
        paragraph = self.paragraph("left")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt = paragraph.paragraph_format
        fmt.line_spacing = 1.5
        fmt.space_after = Pt(block.size * 0.3)
        if block.indent:
            fmt.first_line_indent = Pt(2 * block.size)
        run = paragraph.add_run("".join(s.text for s in block.sentences))
        run.font.size = Pt(block.size)

    def line(self, text: str, size: float, align: str = "left", bold: bool = False):
        paragraph = self.paragraph(align)
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
        return paragraph

    def table(self, block: TableBlock) -> None:
        if block.new_page or not self.started or self.landscape != block.landscape:
            self.new_page(block.landscape)
        width = text_width_pt(self.landscape)
        if block.printed_number and block.number_above:
            self.line(block.printed_number, 10)
        title = self.line(block.title, block.title_size, "center", bold=True)
        title.paragraph_format.space_after = Pt(4)
        title.paragraph_format.keep_with_next = True
        if block.subtitle:
            self.line(block.subtitle, 11, "center")
        if block.printed_number and not block.number_above:
            self.line(block.printed_number, 10, "right")
        if block.department_line or block.unit_line:
            paragraph = self.paragraph("left")
            paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(width), WD_TAB_ALIGNMENT.RIGHT)
            paragraph.paragraph_format.space_after = Pt(3)
            run = paragraph.add_run(f"{block.department_line}\t{block.unit_line}")
            run.font.size = Pt(10)
        widths = column_widths(block.grid, width)
        pieces: list[list[int]] = [[]]
        for r in range(len(block.grid.body)):
            if r in block.break_before and pieces[-1]:
                pieces.append([])
            pieces[-1].append(r)
        for n, rows in enumerate(pieces):
            if n:
                spacer = self.paragraph("left")
                spacer.paragraph_format.page_break_before = True
                spacer.add_run("").font.size = Pt(2)
            with_header = n == 0 or block.repeat_header
            self._grid(block.grid, widths, rows, with_header, block.repeat_header)
        for note in block.notes:
            paragraph = self.line(note, 9)
            if note is block.notes[0]:
                paragraph.paragraph_format.space_before = Pt(4)

    def _grid(
        self, grid: Grid, widths: list[float], rows: list[int], with_header: bool, repeat: bool
    ) -> None:
        header = grid.header if with_header else []
        table = self.doc.add_table(rows=len(header) + len(rows), cols=len(widths))
        table.style = "Table Grid"
        table.autofit = False
        _table_properties(table)
        for i, w in enumerate(widths):
            table.columns[i].width = Pt(w)
        for r, cells in enumerate(header):
            _row_properties(table.rows[r], header=repeat)
            for cell in cells:
                self._cell(table, r, cell, widths, grid.font_size, bold=False)
        for k, body_index in enumerate(rows):
            r = len(header) + k
            _row_properties(table.rows[r], header=False)
            for cell in grid.body[body_index].cells:
                self._cell(table, r, cell, widths, grid.font_size)
        for row in table.rows:
            for i, cell in enumerate(row.cells):
                cell.width = Pt(widths[i])
        self.started = True

    def _cell(
        self, table, r: int, cell: Cell, widths: list[float], size: float, bold: bool = False
    ) -> None:
        target = table.cell(r, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, cell.col + cell.colspan - 1))
        target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = target.paragraphs[0]
        paragraph.alignment = ALIGN[cell.align]
        for n, part in enumerate(cell.text.split("\n")):
            run = paragraph.add_run(part)
            run.font.size = Pt(size)
            run.bold = bold
            if n:
                run._r.insert(0, OxmlElement("w:br"))

    def save(self, path: Path) -> None:
        self.doc.save(str(path))


def _page_field(paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "20")
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _table_properties(table) -> None:
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "center")
    properties.append(jc)


def _row_properties(row, header: bool) -> None:
    properties = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    properties.append(cant_split)
    if header:
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        properties.append(mark)


def build_docx(blocks: list[Block], setup: PrintSetup, title: str) -> _WriterDocument:
    document = _WriterDocument(setup, title)
    build(blocks, document)
    return document


def render_writer(blocks: list[Block], setup: PrintSetup, title: str) -> bytes:
    """PDF bytes: the blocks as .docx, converted by LibreOffice Writer."""
    return export("writer", "document.docx", build_docx(blocks, setup, title).save)
