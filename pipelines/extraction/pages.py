"""Reading each page once: its words and its ruling lines.

pdfplumber (pdfminer) gives words with positions. Some embedded CFF fonts
give pdfminer no characters although the page has text; such pages are read
a second time with PDFium, never silently treated as empty. A complete file
whose structure pdfminer cannot follow (broken cross-reference offsets: it
finds no pages, or fails) is read with PDFium alone (words, no ruling lines);
if PDFium cannot read it either, it is a "corrupt PDF" with both readers' words.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTRect

from pipelines.extraction.errors import DocumentRejected
from pipelines.extraction.text import normalize

# pdfminer warns once per glyph about fonts it then reads fine (a missing FontBBox):
# thousands of lines per document that say nothing about the document.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

WORD_X_TOLERANCE = 2.0  # points between glyphs that still belong to one word
WORD_Y_TOLERANCE = 2.0
LINE_MIN_LENGTH = 4.0  # ruling segments shorter than this are glyph decoration


@dataclass(frozen=True)
class Word:
    text: str  # normalised (NFKC + radical look-alikes)
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def y_mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Rule:
    """A ruling segment: vertical (x fixed, y0..y1) or horizontal (y fixed, x0..x1)."""

    position: float
    start: float
    end: float


@dataclass
class PageLayout:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    vertical: list[Rule] = field(default_factory=list)
    horizontal: list[Rule] = field(default_factory=list)
    text_source: str = "pdfminer"  # or 'pdfium' when pdfminer saw no characters
    has_images: bool = False
    # the page's text lines, grouped once for the words they were grouped from
    lines_cache: tuple[int, list] | None = field(default=None, repr=False, compare=False)


def read_pages(path: Path) -> list[PageLayout]:
    """Every page's words and rules; raises DocumentRejected when the file can't be read.

    MemoryError is let through: running out of memory is the runner's limit
    speaking, not a fault of the file.
    """
    try:
        with pdfplumber.open(path) as pdf:
            pages = [_read_page(page) for page in pdf.pages]
    except (DocumentRejected, MemoryError):
        raise
    except Exception as exc:  # pdfminer raises many types for broken files
        reason = _read_failure(path, exc)
        if reason is not None:
            raise DocumentRejected(reason) from exc
        return _read_with_pdfium(path, f"{type(exc).__name__}: {exc}")
    if not pages:
        return _read_with_pdfium(path, "no pages found")
    missing = [p for p in pages if not p.words]
    if missing:
        _fill_from_pdfium(path, missing)
    return pages


def _read_failure(path: Path, exc: Exception) -> str | None:
    """Why pdfminer could not read the file, in words an analyst can act on; None for a
    complete PDF whose structure is broken (the second reader may still read it)."""
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and cause not in chain:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    causes = " ".join(f"{type(c).__name__} {c}" for c in chain)
    if "password" in causes.lower() or "encrypt" in causes.lower():
        return f"{path.name}: encrypted PDF (password protected); cannot be read"
    head = path.read_bytes()[:1024] if path.exists() else b""
    if not head:
        return f"{path.name}: zero bytes; not a PDF"
    if not head.lstrip().startswith(b"%PDF"):
        kind = "HTML" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "unknown"
        return f"{path.name}: not a PDF (content looks like {kind})"
    if b"%%EOF" not in _tail(path):  # cut off: what a reader repairs would be part of it
        return f"{path.name}: truncated or corrupt PDF ({type(exc).__name__}: {exc})"
    return None


def _tail(path: Path, size: int = 2048) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(max(0, path.stat().st_size - size))
        return handle.read()


def _read_with_pdfium(path: Path, pdfminer_said: str) -> list[PageLayout]:
    """Every page's words from PDFium, for a file pdfminer could not follow."""
    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        raise DocumentRejected(
            f"{path.name}: corrupt PDF (pdfminer: {pdfminer_said}; PDFium: {exc})"
        ) from exc
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            words = _pdfium_words(textpage, width, height)
            pages.append(PageLayout(index + 1, width, height, words, text_source="pdfium"))
            textpage.close()
            page.close()
    except pypdfium2.PdfiumError as exc:
        raise DocumentRejected(
            f"{path.name}: corrupt PDF (pdfminer: {pdfminer_said}; "
            f"PDFium: page {len(pages) + 1}: {exc})"
        ) from exc
    finally:
        document.close()
    if not any(page.words for page in pages):
        found = f"{len(pages)} pages without text" if pages else "no pages"
        raise DocumentRejected(
            f"{path.name}: corrupt PDF (pdfminer: {pdfminer_said}; PDFium: {found})"
        )
    return pages


def _read_page(page: pdfplumber.page.Page) -> PageLayout:
    """Walk pdfminer's layout of the page directly.

    pdfplumber would turn every object into a dict of attributes first; reading
    the layout objects ourselves keeps the cost of a page below pdfplumber's
    own ``extract_words`` on it.
    """
    layout = page.layout
    page_top = layout.y1
    height = page_top - layout.y0
    chars: list[dict] = []
    vertical: list[Rule] = []
    horizontal: list[Rule] = []
    has_images = False
    stack = list(reversed(list(layout)))  # depth first, in content-stream order
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            if not _on_page(obj, layout.x0, layout.x1, page_top, height):
                continue  # drawn outside the page box (a sheet's other pages): never printed
            chars.append(
                {
                    "text": obj.get_text(),
                    "x0": obj.x0,
                    "x1": obj.x1,
                    "top": page_top - obj.y1,
                    "bottom": page_top - obj.y0,
                }
            )
        elif isinstance(obj, LTImage):
            has_images = True
        elif isinstance(obj, LTCurve):  # rects and lines too
            box = {
                "x0": obj.x0,
                "x1": obj.x1,
                "top": page_top - obj.y1,
                "bottom": page_top - obj.y0,
            }
            if isinstance(obj, LTRect) and min(obj.width, obj.height) >= LINE_MIN_LENGTH:
                # a cell drawn as a box: its four sides
                x0, x1, top, bottom = box["x0"], box["x1"], box["top"], box["bottom"]
                vertical += [Rule(x0, top, bottom), Rule(x1, top, bottom)]
                horizontal += [Rule(top, x0, x1), Rule(bottom, x0, x1)]
            elif min(obj.width, obj.height) < LINE_MIN_LENGTH:
                _add_segment(box, vertical, horizontal)
        elif isinstance(obj, LTContainer):
            stack.extend(reversed(list(obj)))
    return PageLayout(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        words=_words(chars, vertical),
        vertical=vertical,
        horizontal=horizontal,
        has_images=has_images,
    )


def _on_page(char: LTChar, left: float, right: float, page_top: float, height: float) -> bool:
    """Whether the glyph's centre lies inside the visible page."""
    x = (char.x0 + char.x1) / 2
    y = page_top - (char.y0 + char.y1) / 2
    return left <= x <= right and 0 <= y <= height


def _add_segment(obj: dict, vertical: list[Rule], horizontal: list[Rule]) -> None:
    x0, x1, top, bottom = (float(obj[k]) for k in ("x0", "x1", "top", "bottom"))
    if x1 - x0 <= bottom - top:
        if bottom - top >= LINE_MIN_LENGTH:
            vertical.append(Rule((x0 + x1) / 2, top, bottom))
    elif x1 - x0 >= LINE_MIN_LENGTH:
        horizontal.append(Rule((top + bottom) / 2, x0, x1))


def _words(chars: list[dict], vertical: list[Rule]) -> list[Word]:
    """Characters into words in one pass over the content stream's order.

    A word ends at white space, at a gap wider than WORD_X_TOLERANCE, at a step
    back to the left, at a change of line, or at a ruling between two glyphs
    (two amounts in adjacent cells can touch). Cheaper than a general
    clustering because the stream already runs in reading order within a line.
    """
    rules = sorted(vertical, key=lambda r: r.position)
    positions = [r.position for r in rules]
    words: list[Word] = []
    text: list[str] = []
    x0 = x1 = top = bottom = 0.0
    for char in chars:
        glyph = char["text"]
        c_x0, c_x1, c_top, c_bottom = char["x0"], char["x1"], char["top"], char["bottom"]
        if glyph.isspace():
            if text:
                words.append(Word(normalize("".join(text)), x0, x1, top, bottom))
                text = []
            continue
        if text and (
            abs(c_top - top) > WORD_Y_TOLERANCE
            or c_x0 - x1 > WORD_X_TOLERANCE
            or c_x0 < x0 - WORD_X_TOLERANCE
            or _ruled_between(rules, positions, x1, c_x0, c_top, c_bottom)
        ):
            words.append(Word(normalize("".join(text)), x0, x1, top, bottom))
            text = []
        if not text:
            x0, x1, top, bottom = c_x0, c_x1, c_top, c_bottom
        else:
            x1, bottom = max(x1, c_x1), max(bottom, c_bottom)
        text.append(glyph)
    if text:
        words.append(Word(normalize("".join(text)), x0, x1, top, bottom))
    return words


def _ruled_between(
    rules: list[Rule], positions: list[float], left: float, right: float, top: float, bottom: float
) -> bool:
    start = bisect.bisect_left(positions, min(left, right) - 0.5)
    for rule in rules[start:]:
        if rule.position > max(left, right) + 0.5:
            return False
        if rule.start <= bottom and rule.end >= top:
            return True
    return False


def _fill_from_pdfium(path: Path, pages: list[PageLayout]) -> None:
    """Second text source for pages where pdfminer found no characters."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        for layout in pages:
            page = document[layout.number - 1]
            textpage = page.get_textpage()
            layout.words = _pdfium_words(textpage, layout.width, layout.height)
            if layout.words:
                layout.text_source = "pdfium"
            textpage.close()
            page.close()
    finally:
        document.close()


def _pdfium_words(
    textpage: pypdfium2.PdfTextPage, page_width: float, page_height: float
) -> list[Word]:
    """Group PDFium's characters into words by the same gap rule pdfplumber uses.

    Characters drawn outside the page box are left out, as pdfminer's are.
    """
    words: list[Word] = []
    current: list[tuple[str, float, float, float, float]] = []

    def flush() -> None:
        if current:
            text = normalize("".join(c[0] for c in current))
            words.append(
                Word(
                    text,
                    min(c[1] for c in current),
                    max(c[2] for c in current),
                    min(c[3] for c in current),
                    max(c[4] for c in current),
                )
            )
            current.clear()

    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if not char or char.isspace():
            flush()
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        if not (0 <= (left + right) / 2 <= page_width and 0 <= (top + bottom) / 2 <= page_height):
            continue
        box = (char, left, right, page_height - top, page_height - bottom)
        if current:
            last = current[-1]
            same_line = abs(last[3] - box[3]) <= WORD_Y_TOLERANCE
            if not same_line or box[1] - last[2] > WORD_X_TOLERANCE:
                flush()
        current.append(box)
    flush()
    return words
