"""Turning the words of one table region on one page into a grid of cells.

Columns come from the vertical ruling lines that cross the data rows; where a
table is not ruled, from the white-space gaps between the data rows' words.
Rows come from the horizontal rules between data rows; where there are none,
from text lines, a line with no amount and no code being the wrapped rest of
the row above. Header words are assigned to the column they sit inside, so a
multi-row merged header flattens to one label per column and a title spanning
several columns labels none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.extraction.pages import PageLayout, Word
from pipelines.extraction.text import is_amount_token

LINE_TOLERANCE = 3.0  # points: words whose middles are this close share a text line
RULE_MERGE = 5.0  # points: ruling positions this close are one ruling (a doubled rule)
HEADER_OVERLAP = 0.6  # share of a header word that must lie inside a column to label it

CODE_TOKEN = re.compile(r"^\d{2,7}$")
_CJK = re.compile(r"[\u4e00-\u9fff]")  # a label has words; a wrapped ')' has none
LEADING_CODE_WORD = re.compile(r"^\d{3,7}[^\d.,]")  # '2010301行政运行', a code run into its name


@dataclass
class Line:
    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return "".join(w.text for w in self.words)

    @property
    def spaced_text(self) -> str:
        return " ".join(w.text for w in self.words)


def group_lines(words: list[Word]) -> list[Line]:
    """Words into text lines, top to bottom, each line left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.y_mid, w.x0)):
        if lines and abs(_line_mid(lines[-1]) - word.y_mid) <= LINE_TOLERANCE:
            lines[-1].words.append(word)
        else:
            lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def _line_mid(line: Line) -> float:
    return sum(w.y_mid for w in line.words) / len(line.words)


def is_column_number_row(line: Line) -> bool:
    """The 栏次 row: '栏次 1 2 3 …' or a bare run of column numbers 1..n."""
    # '栏次 1 2 3', or '** 1 2 3' with stars over the label columns
    tokens = [w.text for w in line.words if w.text not in ("栏次", "行次") and w.text.strip("*")]
    if "栏次" in line.text and all(t.isdigit() for t in tokens):
        return True
    numbers = [t for t in tokens if t.isdigit()]
    return (
        len(tokens) >= 3
        and len(numbers) == len(tokens)
        and [int(t) for t in numbers]
        == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))
    )


def has_amount(line: Line) -> bool:
    return any(is_amount_token(w.text) and w.text not in ("-", "—") for w in line.words)


@dataclass
class Column:
    x0: float
    x1: float
    label: str = ""

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class GridRow:
    page: int
    cells: list[str]  # one string per column, words joined
    top: float


@dataclass
class Grid:
    page: int
    columns: list[Column]
    header_lines: list[Line]
    rows: list[GridRow] = field(default_factory=list)
    ruled: bool = False


def build_grid(
    page: PageLayout,
    header_lines: list[Line],
    data_lines: list[Line],
    merge_wrapped: bool = True,
    previous: Grid | None = None,
) -> Grid:
    """Columns and rows for one table region of one page.

    ``merge_wrapped`` joins an unruled line with no amount and no code to the
    row above; statements, whose lines often carry no amount, turn it off.
    ``previous`` is the grid of the page before, for a page going on without
    a header of its own: where that page's own ruling shows fewer columns or
    leaves words outside them (a last page holding only the 合计 row), the
    previous page's columns are kept.
    """
    if not data_lines and not header_lines:
        return Grid(page.number, [], header_lines)
    area_top = (data_lines or header_lines)[0].top
    area_bottom = (data_lines or header_lines)[-1].bottom
    edges = _ruled_columns(page, area_top, area_bottom, header_lines + data_lines)
    ruled = len(edges) >= 3
    if previous is not None and not header_lines and _keeps_columns(previous, edges, data_lines):
        columns = [Column(c.x0, c.x1) for c in previous.columns]
        grid = Grid(page.number, columns, [], ruled=previous.ruled)
        grid.rows = _rows(page, columns, data_lines, previous.ruled, merge_wrapped)
        return grid
    if ruled:
        columns = [Column(a, b) for a, b in zip(edges, edges[1:], strict=False)]
        header_lines, data_lines = _split_at_first_row_rule(page, columns, header_lines, data_lines)
    else:
        columns = _gap_columns(data_lines or header_lines)
    for column, label in zip(columns, header_labels(page, columns, header_lines), strict=True):
        column.label = label
    grid = Grid(page.number, columns, header_lines, ruled=ruled)
    grid.rows = _rows(page, columns, data_lines, ruled, merge_wrapped)
    return grid


def _keeps_columns(previous: Grid, edges: list[float], lines: list[Line]) -> bool:
    """Whether a headerless page should be read with the page before's columns."""
    if len(edges) - 1 < len(previous.columns):
        return True
    own = [Column(a, b) for a, b in zip(edges, edges[1:], strict=False)]
    return any(column_index(own, word) is None for line in lines for word in line.words)


def _split_at_first_row_rule(
    page: PageLayout, columns: list[Column], header: list[Line], data: list[Line]
) -> tuple[list[Line], list[Line]]:
    """Header lines inside the first data row's ruled band belong to that row.

    A long name wrapped over two lines and centred on its code puts its first
    line above the code's line; the rule above the row tells where the row starts.
    """
    if not header or not data:
        return header, data
    rules = [y for y in _row_rules(page, columns, header + data) if y <= _line_mid(data[0])]
    if not rules:
        return header, data
    start = max(rules)
    moved = [line for line in header if _line_mid(line) > start]
    if not moved:
        return header, data
    return [line for line in header if _line_mid(line) <= start], moved + data


def _ruled_columns(page: PageLayout, top: float, bottom: float, lines: list[Line]) -> list[float]:
    """x positions of vertical rules crossing the data rows, merged and sorted."""
    if not page.vertical:
        return []
    left = min(w.x0 for line in lines for w in line.words) - 120
    right = max(w.x1 for line in lines for w in line.words) + 120
    xs = sorted(
        r.position
        for r in page.vertical
        if r.start <= bottom and r.end >= top and left <= r.position <= right
    )
    merged: list[float] = []
    for x in xs:
        if merged and x - merged[-1] <= RULE_MERGE:
            continue
        merged.append(x)
    return merged


def _gap_columns(lines: list[Line]) -> list[Column]:
    """Columns separated by vertical white space common to all the data rows."""
    spans = sorted((w.x0, w.x1) for line in lines for w in line.words)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1] + 1.0:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    columns = []
    for i, (x0, x1) in enumerate(merged):
        left = (merged[i - 1][1] + x0) / 2 if i else x0 - 30
        right = (x1 + merged[i + 1][0]) / 2 if i + 1 < len(merged) else x1 + 30
        columns.append(Column(left, right))
    return columns


def header_labels(page: PageLayout, columns: list[Column], header_lines: list[Line]) -> list[str]:
    """Each column's header words top to bottom, a merged cell's words over every column it spans.

    A word inside a ruled cell labels the columns between the cell's vertical
    rules, so a group label ("本年收入", "上年结转结余", "决算数") is the prefix
    of each column under it and two columns named alike under two groups keep
    apart ("本年收入一般公共预算" / "上年结转结余一般公共预算"). Outside ruled
    cells a word labels the column holding most of it. The 栏次 numbers are
    not part of any label.
    """
    parts: list[list[str]] = [[] for _ in columns]
    for line in header_lines:
        if is_column_number_row(line):
            continue
        for word in line.words:
            for index in _labelled_columns(page, columns, word):
                parts[index].append(word.text)
    return ["".join(words) for words in parts]


def _labelled_columns(page: PageLayout, columns: list[Column], word: Word) -> list[int]:
    crossing = sorted(
        r.position for r in page.vertical if r.start <= word.bottom - 1 and r.end >= word.top + 1
    )
    left = max((x for x in crossing if x <= word.x0 + 1), default=None)
    right = min((x for x in crossing if x >= word.x1 - 1), default=None)
    if left is not None and right is not None:
        spanned = [i for i, c in enumerate(columns) if left - 1 <= c.mid <= right + 1]
        if spanned:
            return spanned
    width = max(word.x1 - word.x0, 0.1)
    return [
        i
        for i, column in enumerate(columns)
        if (min(word.x1, column.x1) - max(word.x0, column.x0)) / width >= HEADER_OVERLAP
    ]


def column_index(columns: list[Column], word: Word) -> int | None:
    """The column holding the word's middle; the nearest one when it falls on a rule."""
    for i, column in enumerate(columns):
        if column.x0 <= word.x_mid <= column.x1:
            return i
    if not columns:
        return None
    nearest = min(range(len(columns)), key=lambda i: abs(columns[i].mid - word.x_mid))
    if abs(columns[nearest].mid - word.x_mid) > (columns[nearest].x1 - columns[nearest].x0):
        return None
    return nearest


def _rows(
    page: PageLayout, columns: list[Column], lines: list[Line], ruled: bool, merge_wrapped: bool
) -> list[GridRow]:
    if not lines:
        return []
    boundaries = _row_rules(page, columns, lines) if ruled else []
    groups: list[list[Line]] = []
    banded = _ruled_bands(lines, boundaries)
    if banded is not None:
        # Ruled rows: lines between the same pair of rules form one row, so a
        # vertically centred code or amount joins its wrapped name, and an
        # amount wrapped inside a narrow cell ('1682.7' / '6') joins its start.
        groups = banded
    else:
        for line in lines:
            if merge_wrapped and groups and _is_wrapped_rest(line, columns):
                groups[-1].append(line)
            else:
                groups.append([line])
    rows = []
    for group in groups:
        cells: list[list[Word]] = [[] for _ in columns]
        for line in group:
            for word in line.words:
                index = column_index(columns, word)
                if index is not None:
                    cells[index].append(word)
        rows.append(
            GridRow(
                page.number,
                [cell_text(ws) for ws in cells],
                group[0].top,
            )
        )
    return rows


def _ruled_bands(lines: list[Line], boundaries: list[float]) -> list[list[Line]] | None:
    """The lines grouped by the ruled band they sit in, or None if the rules do not part the rows.

    The rules part the rows when no band holds two lines that each begin a
    row: a table ruled only around its edge, or every few rows, is read by its
    text lines instead.
    """
    if not boundaries:
        return None
    groups: list[list[Line]] = []
    last_band = None
    for line in lines:
        band = sum(1 for b in boundaries if b < _line_mid(line))
        if groups and band == last_band:
            groups[-1].append(line)
        else:
            groups.append([line])
        last_band = band
    if any(_holds_two_rows(group) for group in groups):
        return None
    return groups


def _holds_two_rows(lines: list[Line]) -> bool:
    """Two codes, or two labels each with its amounts: two rows, not one wrapped row.

    A code alone with its name and amounts on the next line, the wrapped rest
    of a name (no amount) and the wrapped rest of an amount (no label) are all
    one row.
    """
    codes = labelled = 0
    for line in lines:
        first = line.words[0].text
        if CODE_TOKEN.match(first) or LEADING_CODE_WORD.match(first):
            codes += 1
        elif has_amount(line) and _CJK.search(first):
            labelled += 1
    return codes > 1 or labelled > 1


def cell_text(words: list[Word]) -> str:
    """A cell's words in reading order: line by line, each line left to right.

    Words of one line are those whose middles lie within LINE_TOLERANCE: a
    digit and an ideograph of one line ('1.' '一般公共预算') have different tops.
    """
    ordered = sorted(words, key=lambda w: w.y_mid)
    lines: list[list[Word]] = []
    for word in ordered:
        if lines and abs(word.y_mid - lines[-1][0].y_mid) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return "".join(w.text for line in lines for w in sorted(line, key=lambda w: w.x0))


def _row_rules(page: PageLayout, columns: list[Column], lines: list[Line]) -> list[float]:
    """y positions of horizontal rules across the table (cell borders summed per height)."""
    left, right = columns[0].x0, columns[-1].x1
    width = right - left
    top, bottom = lines[0].top - 6, lines[-1].bottom + 6
    covered: dict[float, float] = {}
    for rule in page.horizontal:
        if not top <= rule.position <= bottom:
            continue
        overlap = min(rule.end, right) - max(rule.start, left)
        if overlap <= 0:
            continue
        key = next((y for y in covered if abs(y - rule.position) <= RULE_MERGE), rule.position)
        covered[key] = covered.get(key, 0.0) + overlap
    return sorted(y for y, length in covered.items() if length > 0.3 * width)


def _is_wrapped_rest(line: Line, columns: list[Column]) -> bool:
    """A text line with no amount and no code: the wrapped end of the row above."""
    if has_amount(line):
        return False
    return not any(CODE_TOKEN.match(w.text) for w in line.words)
