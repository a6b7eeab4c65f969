"""Draw laid-out pages into PDF bytes with reportlab, deterministically.

``invariant=1`` fixes the creation date and document id, so the same pages
always give the same bytes. The CJK font is embedded as a TrueType subset.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from tools.samples.fonts import register_cjk_font
from tools.samples.layout import Page, RectOp, TextOp

LINE_WIDTH = 0.6
# The Creator and Producer every committed sample carries: the generator's name when
# it lived in the package. Part of the bytes, so part of every sample's sha256.
GENERATOR = "pipelines.samples"


def render_pdf(pages: list[Page], *, title: str, ink: Callable[[str], str] | None = None) -> bytes:
    """PDF bytes for ``pages``; ``ink`` rewrites every drawn string (e.g. radical look-alikes)."""
    font = register_cjk_font()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=(pages[0].width, pages[0].height), invariant=1, pageCompression=1
    )
    canvas.setTitle(title)
    canvas.setAuthor("fiscal-warehouse sample generator")
    canvas.setCreator(GENERATOR)
    canvas.setProducer(GENERATOR)
    for page in pages:
        canvas.setPageSize((page.width, page.height))
        canvas.setLineWidth(LINE_WIDTH)
        for op in page.ops:
            if isinstance(op, RectOp):
                canvas.rect(op.x, op.y, op.width, op.height, stroke=1, fill=0)
            elif isinstance(op, TextOp):
                text = ink(op.text) if ink else op.text
                canvas.setFont(font, op.size)
                if op.anchor == "right":
                    canvas.drawRightString(op.x, op.y, text)
                elif op.anchor == "center":
                    canvas.drawCentredString(op.x, op.y, text)
                else:
                    canvas.drawString(op.x, op.y, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
