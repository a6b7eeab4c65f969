"""Page furniture: running headers and page numbers, taken off the pages before reading.

Office software prints a running header ("苏州市审计局 2026 年度部门预算公开")
and a page number ("- 9 -", "第 3 页", "— 1 4 —", "3/30") in the page
margins. Left in, a running header at the top of a page looks like the first
row of a table going on from the page before. A line in the top or bottom
margin is furniture when it is a page number, or when the same text (digits
aside) stands in the margins of several pages. Table titles and lines with
amounts are never furniture: some producers repeat a table's title on every
page it runs over, and that is the table's business.
"""

from __future__ import annotations

import re
from collections import Counter

from pipelines.extraction.grid import Line, group_lines
from pipelines.extraction.pages import PageLayout
from pipelines.extraction.text import compact

MARGIN_SHARE = 0.09  # running texts stand in the top and bottom 9 % of a page
PAGE_NUMBER_MARGIN_SHARE = 0.12  # page numbers a little further in
MIN_REPEATS = 3  # a margin text on this many pages (and on a fifth of them) runs
REPEATED_SHARE = 0.2

PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_·•]*\d{1,4}[-—–－_·•]*|第\d{1,4}页(?:/?共\d{1,4}页)?|\d{1,4}/\d{1,4}|[Pp]age\d{1,4})$"
)
_DIGITS = re.compile(r"\d+")
_MONEY = re.compile(r"\d[\d,]*[.,]\d")  # an amount (a year or a page number is not)


def strip_page_furniture(pages: list[PageLayout]) -> None:
    """Remove running headers, footers and page numbers from the pages' words, in place."""
    margins = [
        [line for line in group_lines(p.words) if _in_margin(line, p, PAGE_NUMBER_MARGIN_SHARE)]
        for p in pages
    ]
    seen: Counter[str] = Counter()
    for page, lines in zip(pages, margins, strict=True):
        seen.update({_shape(line) for line in lines if _in_margin(line, page, MARGIN_SHARE)})
    limit = max(MIN_REPEATS, REPEATED_SHARE * len(pages))
    running = {shape for shape, count in seen.items() if count >= limit}
    for page, lines in zip(pages, margins, strict=True):
        furniture = {
            id(word)
            for line in lines
            if _is_page_number(line)
            or (_shape(line) in running and _may_run(line) and _in_margin(line, page, MARGIN_SHARE))
            for word in line.words
        }
        if furniture:
            page.words = [w for w in page.words if id(w) not in furniture]


def _in_margin(line: Line, page: PageLayout, share: float) -> bool:
    band = page.height * share
    return line.bottom <= band or line.top >= page.height - band


def _shape(line: Line) -> str:
    """The line's text without spaces, its numbers (page, year) as '#'."""
    return _DIGITS.sub("#", compact(line.text))


def _is_page_number(line: Line) -> bool:
    return bool(PAGE_NUMBER.match(compact(line.text)))


def _may_run(line: Line) -> bool:
    text = compact(line.text)
    return not _MONEY.search(text) and not ("表" in text and len(text) <= 48)
