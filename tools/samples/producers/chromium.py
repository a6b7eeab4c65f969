"""Blocks as one HTML page, printed to PDF by headless Chromium (Skia/PDF).

What the Chromium PDFs carry: cell borders of ``border-collapse`` tables
drawn as thin filled rectangles, ``<thead>`` rows repeated by Chromium on
every page a table runs onto (when ``TableBlock.repeat_header``; otherwise
the header rows open the ``<tbody>`` and print once), CSS ``@page`` sizes
(a named landscape page for landscape tables), ``break-before: page`` for new
pages and forced breaks between rows, running header and page numbers in the
``@page`` margin boxes, and Chromium's own fonts (Noto CJK prints as Type 3
glyphs whose text maps to Kangxi radicals, e.g. ⾏ U+2F8F for 行).
"""

from __future__ import annotations

import html

from tools.samples.blocks import Block, Cell, Grid, Heading, Paragraph, TableBlock
from tools.samples.layout import column_widths
from tools.samples.producers import PrintSetup, build
from tools.samples.producers.programs import export

MARGIN_MM = 20.0


def _text_width_pt(landscape: bool) -> float:
    width = 297.0 if landscape else 210.0
    return (width - 2 * MARGIN_MM) * 72 / 25.4


def _css(setup: PrintSetup) -> str:
    font = f"'{setup.font}'"
    boxes = ""
    if setup.running_header:
        boxes += (
            f'@top-center {{ content: "{setup.running_header}"; font-family: {font}; '
            "font-size: 9pt; vertical-align: bottom; padding-bottom: 4mm; }"
        )
    if setup.page_numbers:
        before, after = setup.footer("\0").split("\0")
        boxes += (
            f'@bottom-center {{ content: "{before}" counter(page) "{after}"; '
            f"font-family: {font}; font-size: 10pt; }}"
        )
    return f"""
@page {{ size: A4; margin: {MARGIN_MM}mm; {boxes} }}
@page :first {{ @top-center {{ content: none; }} @bottom-center {{ content: none; }} }}
@page wide {{ size: A4 landscape; }}
html {{ font-family: {font}; font-size: {setup.body_size}pt; }}
body {{ margin: 0; }}
.landscape {{ page: wide; }}
.break {{ break-before: page; }}
h1 {{ font-weight: bold; margin: 0; }}
p.prose {{ margin: 0 0 0.3em 0; line-height: 1.75; text-align: justify; }}
p.line {{ margin: 0; }}
.meta {{ display: flex; justify-content: space-between; font-size: 10pt; margin: 2pt 0 3pt 0; }}
table {{ border-collapse: collapse; table-layout: fixed; margin: 0 auto; }}
td, th {{ border: 0.75pt solid #000; padding: 1pt 2pt; font-weight: normal;
         vertical-align: middle; overflow-wrap: anywhere; line-height: 1.3; }}
tr {{ break-inside: avoid; }}
tr.break {{ break-before: page; }}
.notes p {{ margin: 0; font-size: 9pt; }}
"""


def _esc(text: str) -> str:
    return "<br>".join(html.escape(part) for part in text.split("\n"))


class _Page:
    def __init__(self, setup: PrintSetup, title: str) -> None:
        self.setup = setup
        self.title = title
        self.parts: list[str] = []
        self.landscape = False
        self.break_next = False
        self.started = False
        self.group_open = False

    def _open(self, landscape: bool) -> str:
        """Classes of the next element: a break, a landscape page."""
        classes = []
        if self.break_next and self.started:
            classes.append("break")
        self.break_next = False
        self.started = True
        return " ".join(classes)

    def new_page(self, landscape: bool) -> None:
        self._close_group()
        self.landscape = landscape
        self.break_next = True
        self.parts.append(f'<div class="{"landscape" if landscape else "portrait"}">')
        self.group_open = True

    def _close_group(self) -> None:
        if self.group_open:
            self.parts.append("</div>")
            self.group_open = False

    def heading(self, block: Heading) -> None:
        style = (
            f"font-size:{block.size}pt;text-align:{block.align};"
            f"margin-top:{block.space_before}pt;margin-bottom:{block.space_after}pt"
        )
        self.parts.append(
            f'<h1 class="{self._open(self.landscape)}" style="{style}">{_esc(block.text)}</h1>'
        )

    def prose(self, block: Paragraph) -> None:
        indent = f"text-indent:{2 * block.size}pt;" if block.indent else ""
        text = "".join(s.text for s in block.sentences)
        self.parts.append(
            f'<p class="prose {self._open(self.landscape)}" '
            f'style="font-size:{block.size}pt;{indent}">{_esc(text)}</p>'
        )

    def table(self, block: TableBlock) -> None:
        if block.new_page or not self.started or self.landscape != block.landscape:
            self.new_page(block.landscape)
        width = _text_width_pt(self.landscape)
        out = [f'<section class="{self._open(self.landscape)}">']
        if block.printed_number and block.number_above:
            out.append(f'<p class="line" style="font-size:10pt">{_esc(block.printed_number)}</p>')
        out.append(
            f'<p class="line" style="font-size:{block.title_size}pt;font-weight:bold;'
            f'text-align:center;margin-bottom:4pt">{_esc(block.title)}</p>'
        )
        if block.subtitle:
            out.append(
                f'<p class="line" style="font-size:11pt;text-align:center">{_esc(block.subtitle)}</p>'
            )
        if block.printed_number and not block.number_above:
            out.append(
                f'<p class="line" style="font-size:10pt;text-align:right">'
                f"{_esc(block.printed_number)}</p>"
            )
        if block.department_line or block.unit_line:
            out.append(
                f'<div class="meta"><span>{_esc(block.department_line)}</span>'
                f"<span>{_esc(block.unit_line)}</span></div>"
            )
        out.append(_table_html(block, column_widths(block.grid, width)))
        if block.notes:
            out.append('<div class="notes">')
            out += [f"<p>{_esc(note)}</p>" for note in block.notes]
            out.append("</div>")
        out.append("</section>")
        self.parts.append("".join(out))

    def document(self) -> str:
        self._close_group()
        return (
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{html.escape(self.title)}</title><style>{_css(self.setup)}</style>"
            f"</head><body>{''.join(self.parts)}</body></html>"
        )


def _cells(cells: list[Cell], tag: str, size: float) -> str:
    out = []
    for cell in sorted(cells, key=lambda c: c.col):
        spans = ""
        if cell.colspan > 1:
            spans += f' colspan="{cell.colspan}"'
        if cell.rowspan > 1:
            spans += f' rowspan="{cell.rowspan}"'
        out.append(f'<{tag}{spans} style="text-align:{cell.align}">{_esc(cell.text)}</{tag}>')
    return "".join(out)


def _table_html(block: TableBlock, widths: list[float]) -> str:
    grid: Grid = block.grid
    size = grid.font_size
    cols = "".join(f'<col style="width:{w:.2f}pt">' for w in widths)
    header = "".join(f"<tr>{_cells(row, 'th', size)}</tr>" for row in grid.header)
    body = []
    for r, row in enumerate(grid.body):
        classes = ' class="break"' if r in block.break_before else ""
        body.append(f"<tr{classes}>{_cells(row.cells, 'td', size)}</tr>")
    style = f"width:{sum(widths):.2f}pt;font-size:{size}pt"
    if block.repeat_header:
        return (
            f'<table style="{style}"><colgroup>{cols}</colgroup><thead>{header}</thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )
    return (
        f'<table style="{style}"><colgroup>{cols}</colgroup>'
        f"<tbody>{header}{''.join(body)}</tbody></table>"
    )


def build_html(blocks: list[Block], setup: PrintSetup, title: str) -> str:
    page = _Page(setup, title)
    build(blocks, page)
    return page.document()


def render_chromium(blocks: list[Block], setup: PrintSetup, title: str) -> bytes:
    """PDF bytes: the blocks as HTML, printed by headless Chromium."""
    html_text = build_html(blocks, setup, title)
    return export(
        "chromium", "document.html", lambda path: path.write_text(html_text, encoding="utf-8")
    )
