"""Finding the standard tables in a document by their titles, across pages.

A table starts at a title line that names it (any numbering or none), and runs
until the next title, a part heading, or the first page that does not go on
with rows. Each page's part of a table becomes a ``TableRegion`` holding the
header lines, the data lines, and the table's own 单位/部门/number lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.extraction.catalogue import TableSpec
from pipelines.extraction.grid import (
    CODE_TOKEN,
    Line,
    group_lines,
    has_amount,
    is_column_number_row,
)
from pipelines.extraction.pages import PageLayout
from pipelines.extraction.text import is_amount_token, parse_amount

TITLE_MAX_LENGTH = 48
TITLE_REPEAT_LINES = 2  # a repeated title stands among a page's first lines
NUMBER_ABOVE_LINES = 2  # a table's number printed this many lines above its title at most
PRINTED_NUMBER = re.compile(r"(公开\d{1,2}表|表[一二三四五六七八九十]{1,3}|附表\d{1,2}|表\d{1,2})")
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]部分")
EMPTY_DECLARATION = re.compile(
    r"本表无数据|无.{0,12}(收入|支出|数据)|本表为空|空表|无发生额|未发生"
)


@dataclass
class TableRegion:
    page: PageLayout
    header_lines: list[Line]
    data_lines: list[Line]
    note_lines: list[Line] = field(default_factory=list)


@dataclass
class LocatedTable:
    spec: TableSpec
    title: str
    printed_number: str | None
    unit: str | None
    department: str | None
    regions: list[TableRegion]

    @property
    def note(self) -> str:
        return "".join(line.text for region in self.regions for line in region.note_lines)

    @property
    def pages(self) -> list[int]:
        return [r.page.number for r in self.regions]

    @property
    def header_words(self) -> frozenset[str]:
        """The words of the header on the table's first page."""
        first = self.regions[0]
        return frozenset(word.text for line in first.header_lines for word in line.words)


def page_lines(page: PageLayout) -> list[Line]:
    """The page's text lines, grouped once (page furniture is already gone)."""
    if page.lines_cache is None or page.lines_cache[0] != id(page.words):
        page.lines_cache = (id(page.words), _join_wrapped_titles(group_lines(page.words)))
    return page.lines_cache[1]


def _join_wrapped_titles(lines: list[Line]) -> list[Line]:
    """A title wrapped before its last character ('…支出预算' / '表') is one line."""
    joined: list[Line] = []
    for line in lines:
        if joined and line.text == "表" and looks_like_title(joined[-1].text + line.text):
            joined[-1] = Line(joined[-1].words + line.words)
        else:
            joined.append(line)
    return joined


def looks_like_title(text: str) -> bool:
    """A line that names a table (…表), not a sentence, a note or a header row."""
    if len(text) > TITLE_MAX_LENGTH or text.endswith("说明") or text.startswith("注"):
        return False
    title = PRINTED_NUMBER.sub("", text)
    return not (
        "表" not in title
        or any(mark in title for mark in "。，,；;：:《》")  # a sentence quoting a title
        or re.search(r"\d+\.\d", title)
        or title.startswith("本表")
        or "反映" in title
    )


# The title of some other table: it names a table kind, or it ends with 表
# ("财政拨款支出表(功能科目)", "机关运行经费支出表").
OTHER_TABLE = re.compile(
    r"(预算|决算|收支|明细|情况|采购)\S{0,8}表|(支出|收入|经费|资金)[^，。,；;]{0,12}表(?:[(（][^)）]{1,12}[)）])?$"
)


# Words some regions put in a title that do not change which table it is:
# 一般公共预算拨款支出预算表 is 一般公共预算支出预算表; 收支总体情况表 is 收支总表.
_TITLE_FILLERS = ((re.compile(r"预算拨款"), "预算"), (re.compile(r"总体情况"), "总"))


def title_words(title: str) -> str:
    """A title with the region's filler words taken out, for matching against the catalogue."""
    for pattern, replacement in _TITLE_FILLERS:
        title = pattern.sub(replacement, title)
    return title


def match_title(text: str, specs: tuple[TableSpec, ...]) -> TableSpec | None:
    """The table a title line names, or None. ``text`` is a compact line."""
    if not looks_like_title(text):
        return None
    title = title_words(PRINTED_NUMBER.sub("", text))
    for spec in specs:
        if any(word in title for word in spec.title_excludes):
            continue
        if any(all(word in title for word in alt) for alt in spec.title_alternatives):
            return spec
    return None


def locate_tables(pages: list[PageLayout], specs: tuple[TableSpec, ...]) -> list[LocatedTable]:
    found: list[LocatedTable] = []
    current: LocatedTable | None = None
    lines_by_page = [page_lines(p) for p in pages]
    for page, lines in zip(pages, lines_by_page, strict=True):
        titles = [(i, match_title(line.text, specs)) for i, line in enumerate(lines)]
        starts = [(i, spec) for i, spec in titles if spec is not None]
        if _is_contents_page(lines, starts):
            starts = []
        # A table the catalogue does not know (e.g. 政府采购预算表) still ends the one before.
        others = [
            i
            for i, line in enumerate(lines)
            if looks_like_title(line.text) and OTHER_TABLE.search(line.text)
        ]
        if current is not None and _repeats_title(current, starts):
            # The producer printed the title (and header) again on the page it goes on.
            title_index = starts.pop(0)[0]
            end = min(
                [i for i, _ in starts] + [i for i in others if i > title_index] + [len(lines)]
            )
            again = _start_table(current.spec, page, lines, title_index, end, current.header_words)
            if again is not None:
                current.regions.extend(again.regions)
            others = [i for i in others if i > title_index]
            if again is None or starts or others or _ends_with_note(current.regions[-1]):
                current = None
        elif current is not None:
            end = min([i for i, _ in starts] + others + [len(lines)])
            region = _continuation(current, page, lines[:end])
            if region is not None:
                current.regions.append(region)
            if region is None or starts or others or _ends_with_note(region):
                current = None
        for n, (i, spec) in enumerate(starts):
            following = [j for j, _ in starts[n + 1 :]] + [j for j in others if j > i]
            end = min(following, default=len(lines))
            table = _start_table(spec, page, lines, i, end)
            if table is None:
                continue
            if any(t.spec.table_code == spec.table_code for t in found):
                continue  # a second title for the same table, e.g. a running header
            found.append(table)
            ended = _ends_with_note(table.regions[-1]) or end < len(lines)
            current = None if ended else table
    return found


def _repeats_title(table: LocatedTable, starts: list[tuple[int, TableSpec]]) -> bool:
    """The page opens with the title of the table going on (a title repeated on every page)."""
    return bool(starts) and starts[0][1] is table.spec and starts[0][0] <= TITLE_REPEAT_LINES


def _is_contents_page(lines: list[Line], starts: list[tuple[int, TableSpec]]) -> bool:
    """A table of contents: several table titles and not one amount on the page."""
    if any(line.text in ("目录", "目次") for line in lines[:3]):
        return True
    return len(starts) >= 3 and not any(has_amount(line) for line in lines)


def _ends_with_note(region: TableRegion) -> bool:
    return bool(region.note_lines)


def _start_table(
    spec: TableSpec,
    page: PageLayout,
    lines: list[Line],
    title_index: int,
    end: int,
    header_words: frozenset[str] | None = None,
) -> LocatedTable | None:
    """The table whose title is ``lines[title_index]``, its first region up to ``end``.

    ``header_words`` (the header of the table this title repeats) make the
    header only what repeats it; else the header runs to the first row.
    """
    title_line = lines[title_index]
    title = title_line.text
    # the number in the title, or on a line of its own just above it (公开01表, 表02)
    printed = PRINTED_NUMBER.search(title) or next(
        (
            number
            for line in lines[max(0, title_index - NUMBER_ABOVE_LINES) : title_index]
            if (number := PRINTED_NUMBER.fullmatch(line.text))
        ),
        None,
    )
    unit = department = None
    department_line: Line | None = None
    body: list[Line] = []
    for line in lines[title_index + 1 : end]:
        text = line.text
        meta = False
        if match := re.search(r"单位[:：](万元|亿元|元)", text):
            unit, meta = match.group(1), True
        printed_by = re.search(r"(?:部门|单位)(?:名称)?[:：]([^单]+?)(?=单位[:：]|$)", text)
        if printed_by and not text.startswith(("单位:", "单位：")):
            department, meta, department_line = printed_by.group(1), True, line
        elif department is not None and not body and _wraps_name(line, department_line):
            department, meta = department + text, True  # '部门名称:江苏省人大' / '常委会办公厅'
        if not body and (
            (number := PRINTED_NUMBER.fullmatch(text))
            or ((number := PRINTED_NUMBER.search(text)) and len(text) <= 8)
        ):
            printed, meta = printed or number, True
        if not meta and not body and re.fullmatch(r"\d{4}年度?", text):
            meta = True  # a year printed apart from the title
        if not meta:
            body.append(line)
    if header_words is None:
        region = _split_region(page, body, expect_header=True)
    else:
        region = _split_region(page, body, expect_header=False, header_words=header_words)
    if region is None:
        return None
    return LocatedTable(
        spec=spec,
        title=title,
        printed_number=printed.group(1) if printed else None,
        unit=unit,
        department=department,
        regions=[region],
    )


def _wraps_name(line: Line, department_line: Line | None) -> bool:
    """The rest of a department name wrapped under its 部门: line (same left edge, short)."""
    if department_line is None or has_amount(line) or len(line.words) != 1:
        return False
    text = line.text
    return (
        abs(line.words[0].x0 - department_line.words[0].x0) <= 3
        and len(text) <= 12
        and not any(word in text for word in HEADER_WORDS)
    )


def _continuation(table: LocatedTable, page: PageLayout, lines: list[Line]) -> TableRegion | None:
    """The rows of a table going on at the top of a page, or None if the page moves on."""
    if not lines:
        return None
    if PART_HEADING.match(lines[0].text):
        return None
    region = _split_region(page, lines, expect_header=False, header_words=table.header_words)
    if region is None or not region.data_lines:
        return None
    # Prose before the first row, or for a row, means the page is not a continuation.
    if any(
        "。" in line.text or "," in line.text and not has_amount(line)
        for line in region.header_lines
    ):
        return None
    if any("。" in line.text for line in region.data_lines[:5]):
        return None
    return region


def _split_region(
    page: PageLayout,
    lines: list[Line],
    expect_header: bool,
    header_words: frozenset[str] = frozenset(),
) -> TableRegion | None:
    """Header, data and note lines of one page's part of a table.

    On a page going on with a table (``expect_header`` false) the header is
    what the page repeats of the table's first header (``header_words``), or
    lines of header words, up to the first row.
    """
    header: list[Line] = []
    data: list[Line] = []
    notes: list[Line] = []
    for line in lines:
        text = line.text
        if PRINTED_NUMBER.fullmatch(text):
            continue  # the next table's number, printed above its title
        if notes or text.startswith(("注:", "注：", "注1", "说明:", "说明：", "备注")):
            notes.append(line)
            continue
        if PART_HEADING.match(text):
            break
        if not data and (
            is_column_number_row(line)
            or (not _is_data_line(line) if expect_header else _is_header_line(line))
            or _repeats_header(line, header_words)
        ):
            header.append(line)
            continue
        data.append(line)
    if not header and not data:
        return None
    return TableRegion(page, header, data, notes)


def _repeats_header(line: Line, header_words: frozenset[str]) -> bool:
    """A line of the table's first header printed again (a producer repeating the header)."""
    if not header_words or has_amount(line):
        return False
    return all(word.text in header_words for word in line.words)


HEADER_WORDS = (
    "项目",
    "栏次",
    "行次",
    "科目",
    "编码",
    "决算数",
    "预算数",
    "名称",
    "单位：",
    "单位:",
)


def _is_header_line(line: Line) -> bool:
    """On a page going on with a table: a repeated header line, not a row."""
    return not has_amount(line) and any(w in line.text for w in HEADER_WORDS)


def _is_data_line(line: Line) -> bool:
    if is_column_number_row(line):
        return False
    if has_amount(line):
        return True
    return bool(CODE_TOKEN.match(line.words[0].text))


def holds_amounts(region: TableRegion) -> bool:
    """Whether a page's part of a table prints any amount (a page of empty cells does not)."""
    return any(has_amount(line) for line in region.data_lines)


def prints_nonzero_amounts(table: LocatedTable) -> bool:
    """Whether any cell of the table prints an amount other than zero."""
    return any(
        is_amount_token(word.text) and parse_amount(word.text) != 0
        for region in table.regions
        for line in region.data_lines
        for word in line.words
    )


def empty_declaration(table: LocatedTable) -> str:
    """The printed words that declare the table empty (its note or a line of its body), or ''.

    A table with no rows may print its "(无政府性基金支出)" where a header line would be.
    """
    body = [line.text for r in table.regions for line in (*r.data_lines, *r.header_lines)]
    for text in [table.note, *body]:
        if EMPTY_DECLARATION.search(text):
            return text
    return ""


def declared_empty(table: LocatedTable) -> bool:
    """An empty 07/08: no amount but zeros, or a note saying there is nothing to report."""
    return bool(empty_declaration(table)) or not prints_nonzero_amounts(table)
