"""Generators for every kind of bad input the pipeline must quarantine."""

from __future__ import annotations

import io
from pathlib import Path


def write_zero_bytes(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def write_html_as_pdf(path: Path) -> Path:
    path.write_text(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
        "<body><h1>页面不存在</h1></body></html>\n",
        encoding="utf-8",
    )
    return path


def write_truncated(path: Path, good_pdf: Path, fraction: float = 0.4) -> Path:
    data = good_pdf.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


def write_encrypted(path: Path, good_pdf: Path, password: str = "secret") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(good_pdf))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def write_scanned(path: Path) -> Path:
    """A page holding only an image (what a scanner produces): no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (620, 877), color=255)
    draw = ImageDraw.Draw(image)
    for row in range(12):  # a ruled table, as pixels
        draw.line((40, 60 + row * 50, 580, 60 + row * 50), fill=0, width=2)
    for column in range(5):
        draw.line((40 + column * 135, 60, 40 + column * 135, 610), fill=0, width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    pdf.drawImage(ImageReader(buffer), 0, 0, width=width, height=height)
    pdf.showPage()
    pdf.save()
    return path


def write_without_tables(path: Path) -> Path:
    """A real text PDF that is not a budget or final account."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(2):
        text = pdf.beginText(72, 760)
        text.setFont("Helvetica", 12)
        for line in range(30):
            text.textLine(f"Minutes of the meeting, page {page + 1}, item {line + 1}: noted.")
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def write_broken_structure(path: Path, good_pdf: Path, pages_readable: bool = True) -> Path:
    """A complete PDF whose structure pdfminer cannot follow: the startxref offset is
    wrong and every object starts on the line where the one before ends (pdfminer's
    fallback finds objects only at the start of a line; PDFium repairs it). Without
    ``pages_readable`` its page objects are no longer pages for any reader either."""
    data = good_pdf.read_bytes()
    body = data[: data.rindex(b"startxref")].replace(b"endobj\n", b"endobj ")
    if not pages_readable:
        body = body.replace(b"/Type /Page\n", b"/Type /Sheet\n")
    path.write_bytes(body + b"startxref\n17\n%%EOF\n")
    return path


def write_pathological(path: Path, pages: int = 6, glyphs_per_page: int = 60_000) -> Path:
    """A PDF whose pages hold tens of thousands of separately placed glyphs: slow to lay out."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        pdf.setFont("Helvetica", 2)
        for index in range(glyphs_per_page):
            pdf.drawString(10 + (index % 280) * 2, 10 + (index // 280) * 2 % 820, "8")
        pdf.showPage()
    pdf.save()
    return path
