"""Part 6 performance self-evaluation forms (项目绩效自评表, 整体支出绩效自评表).

A form starts at a title line ending 自评表 and runs, over pages, to its 总分
row or the next title. It gives one summary record (the 资金 row's 预算数 /
执行数 / 执行率, the 总分) and one record per indicator row.

Cells are found the way the form is drawn. A header band (the ruled cell
holding 三级指标, or the text lines around it) names its columns; where
vertical rules cross the header the columns are the spaces between them,
otherwise each header label owns the x-range halfway to its neighbours. Rows
are the bands between the horizontal rules across the 三级指标 column; without
rules, a text line printing a value starts a row and a line of words alone
joins the row nearest it. A merged 一级/二级 cell is its own ruled band over
several rows, or, printed once and blank below, carried down.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from pipelines.extraction.grid import Line, cell_text
from pipelines.extraction.locate import PART_HEADING, page_lines
from pipelines.extraction.model import PerformanceEvaluation
from pipelines.extraction.pages import PageLayout, Word
from pipelines.extraction.text import compact, is_amount_token, parse_amount, to_yuan

TITLE_MAX_LENGTH = 60
FORM_TITLE_END = re.compile(r"自评表(?:[(（][^)）]{1,12}[)）])?$")  # '…自评表（2023年度）'
TOTAL_LABEL = re.compile(r"^(总分|总得分|综合得分|自评得分|合计得分)")
PERCENT = re.compile(r"^[-−]?\d+(\.\d+)?%$")
YUAN_UNIT = re.compile(r"单位[:：]元|[（(]元[)）]")
SUBJECT_LABEL = re.compile(r"^(项目名称|部门[(（]单位[)）]名称|部门名称|单位名称|预算单位)[:：]?")
SUBJECT_END = re.compile(r"(填报日期|单位[:：]|金额单位).*$")
RULE_MERGE = 2.0  # points: rule positions this close are one rule
HEADER_REACH = 14.0  # points: an unruled header's wrapped words stand this close to its line
WRAP_REACH = 1.5  # line heights: an unruled header cell's wrapped lines, centre to centre
MAX_CONTINUATION_PAGES = 8  # a form runs over a few pages at most

Key = Callable[[str], str | None]


def _funds_key(label: str) -> str | None:
    """What a column over the 资金 row holds, by its header words."""
    if "得分" in label:  # 得分（20分*执行率）
        return "score"
    if "执行率" in label:
        return "rate"
    if "执行数" in label or "执行情况" in label and "数" in label:
        return "actual"
    if "年初预算" in label:
        return "initial"
    if "预算数" in label or "全年预算" in label or "调整预算" in label:
        return "budget"
    if "分值" in label or "权重" in label:
        return "max"
    return None


def _indicator_key(label: str) -> str | None:
    """What a column of the indicator rows holds, by its header words."""
    for words, key in (
        (("一级",), "level1"),
        (("二级",), "level2"),
        (("三级", "指标名称"), "name"),
        (("偏差", "原因"), "deviation"),
        (("完成值", "实际完成", "完成情况"), "achieved"),
        (("指标值", "目标值", "预期目标"), "target"),
        (("分值", "权重"), "max"),
        (("得分",), "score"),
    ):
        if any(word in label for word in words):
            return key
    return None


@dataclass(frozen=True)
class Slot:
    """A column of the form: its x-range and what it holds."""

    x0: float
    x1: float
    key: str

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Part:
    """A form's lines on one page."""

    page: PageLayout
    lines: list[Line]


@dataclass
class Form:
    title: str
    page: int
    parts: list[Part] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "overall" if "整体" in self.title else "project"


def read_performance_forms(
    pages: list[PageLayout], department_name: str | None
) -> list[PerformanceEvaluation]:
    """Every self-evaluation form of the document: a summary record and its indicators each.

    A form that cannot be read is left out; the rest are still read.
    """
    records: list[PerformanceEvaluation] = []
    for form in _forms(pages):
        try:
            records += _read_form(form, department_name)
        except Exception:  # noqa: BLE001 - a strange form is skipped; the others are still read
            continue
    return records


# -- finding the forms -------------------------------------------------------------------------


def _is_title(text: str) -> bool:
    return (
        bool(FORM_TITLE_END.search(text))
        and len(text) <= TITLE_MAX_LENGTH
        and not any(mark in text for mark in "。，,；;")
    )


def _forms(pages: list[PageLayout]) -> list[Form]:
    """The forms in page order, each with its lines from its title to its 总分 or the next title."""
    forms: list[Form] = []
    current: Form | None = None
    for page in pages:
        lines = page_lines(page)
        titles = [i for i, line in enumerate(lines) if _is_title(line.text)]
        # a section heading naming the forms stands over the first title: not a form
        titles = [i for i in titles if i + 1 not in titles]
        if current is not None:
            ends_part = bool(lines) and PART_HEADING.match(lines[0].text)
            current = (
                None if ends_part else _extend(current, page, lines[: (titles or [len(lines)])[0]])
            )
        for n, i in enumerate(titles):
            end = titles[n + 1] if n + 1 < len(titles) else len(lines)
            current = Form(lines[i].text, page.number)
            forms.append(current)
            current = _extend(current, page, lines[i + 1 : end])
    return [form for form in forms if form.parts]


def _extend(form: Form, page: PageLayout, lines: list[Line]) -> Form | None:
    """Add the page's lines to the form; None once the form has ended (总分, a part heading)."""
    if len({part.page.number for part in form.parts}) > MAX_CONTINUATION_PAGES:
        return None
    kept: list[Line] = []
    ended = False
    for line in lines:
        if PART_HEADING.match(line.text):
            ended = True
            break
        kept.append(line)
        if TOTAL_LABEL.match(compact(line.text)):
            ended = True
            break
    if kept:
        form.parts.append(Part(page, kept))
    return None if ended else form


# -- one form ----------------------------------------------------------------------------------


def _read_form(form: Form, department_name: str | None) -> list[PerformanceEvaluation]:
    first = form.parts[0]
    header_at = _indicator_header(form)
    head_lines = [
        line
        for n, part in enumerate(form.parts)
        for i, line in enumerate(part.lines)
        if header_at is None or (n, i) < header_at
    ]
    unit = "元" if YUAN_UNIT.search("".join(line.text for line in head_lines)) else "万元"
    subject = _subject(form, head_lines, department_name)
    summary = PerformanceEvaluation(
        evaluation_kind=form.kind,
        subject=subject,
        indicator=None,
        page=form.page,
        source="form",
        sentence=form.title,
    )
    _read_funds(summary, first.page, head_lines, unit)
    indicators: list[PerformanceEvaluation] = []
    if header_at is not None:
        indicators = _read_indicators(form, header_at, summary)
    if summary.budget_yuan is None and summary.initial_budget_yuan is not None:
        summary.budget_yuan = summary.initial_budget_yuan
    if not (indicators or summary.actual_yuan is not None or summary.score is not None):
        return []  # a title with no form under it (a contents line, a heading)
    return [summary, *indicators]


def _subject(form: Form, lines: list[Line], department_name: str | None) -> str:
    """The project name as printed (the unit's for an overall form); else what the title names."""
    wanted = ("项目名称",) if form.kind == "project" else ("部门", "单位", "预算单位")
    for line in lines:
        text = compact(line.text)
        match = SUBJECT_LABEL.match(text)
        if match and match.group(1).startswith(wanted):
            value = SUBJECT_END.sub("", text[match.end() :]).strip(":：")
            if value:
                return value
    if form.kind == "overall":
        return department_name or ""
    name = re.sub(r"^\d{4}年度?", "", form.title)
    return re.sub(r"(项目支出|项目)?(绩效)?自评表$", "", name) or form.title


def _numbers(words: list[Word]) -> list[Word]:
    return [w for w in words if is_amount_token(w.text) or PERCENT.match(w.text)]


def _value(text: str) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    if PERCENT.match(text):
        text = text[:-1]
    if not is_amount_token(text) or text in ("-", "—", "–", "——", "－", "/"):
        return None
    return parse_amount(text)


def _read_funds(
    summary: PerformanceEvaluation, page: PageLayout, lines: list[Line], unit: str
) -> None:
    """The 资金 row (年度资金总额 …) under its header of 预算数 / 执行数 / 执行率 / 得分."""
    found = _funds_header(lines)
    if found is None:
        return
    header, row = found
    anchor = max((w for w in header.words if _funds_key(w.text) is not None), key=lambda w: w.x0)
    slots = _slots(page, lines, header, anchor, _funds_key)
    values: dict[str, Decimal] = {}
    for word in _numbers(row.words):
        slot = _slot_of(slots, word)
        value = _value(word.text)
        if slot is not None and value is not None and slot.key not in values:
            values[slot.key] = value
    if "budget" in values:
        summary.budget_yuan = to_yuan(values["budget"], unit)
    if "initial" in values:
        summary.initial_budget_yuan = to_yuan(values["initial"], unit)
    if "actual" in values:
        summary.actual_yuan = to_yuan(values["actual"], unit)
    summary.execution_rate = values.get("rate")
    summary.funds_score = values.get("score")


def _funds_header(lines: list[Line]) -> tuple[Line, Line] | None:
    """The 资金 header line (the one naming most of its columns) and the first row of figures."""
    for i, row in enumerate(lines):
        if len(_numbers(row.words)) < 2:
            continue
        above = [line for line in lines[max(0, i - 3) : i] if not _numbers(line.words)]
        keyed = [(sum(_funds_key(w.text) is not None for w in line.words), line) for line in above]
        keyed = [(count, line) for count, line in keyed if count]
        text = compact("".join(line.text for line in above))
        if keyed and "预算" in text and "执行" in text:
            return max(keyed, key=lambda pair: pair[0])[1], row
    return None


# -- columns -----------------------------------------------------------------------------------


def _merged(positions: list[float]) -> list[float]:
    merged: list[float] = []
    for x in sorted(positions):
        if not merged or x - merged[-1] > RULE_MERGE:
            merged.append(x)
    return merged


def _rules_across_row(page: PageLayout, y: float) -> list[float]:
    """x of the vertical rules crossing height ``y``."""
    return _merged([r.position for r in page.vertical if r.start - 1 <= y <= r.end + 1])


def _rules_across_column(page: PageLayout, x: float, top: float, bottom: float) -> list[float]:
    """y of the horizontal rules crossing ``x`` between ``top`` and ``bottom``."""
    return _merged(
        [
            r.position
            for r in page.horizontal
            if r.start - 1 <= x <= r.end + 1 and top - 1 <= r.position <= bottom + 1
        ]
    )


def _header_band(page: PageLayout, lines: list[Line], line: Line, anchor: Word) -> list[Word]:
    """The header's words: the ruled cell band holding ``anchor``, else the lines beside it."""
    above = [y for y in _rules_across_column(page, anchor.x_mid, 0, anchor.top)]
    below = [y for y in _rules_across_column(page, anchor.x_mid, anchor.bottom, page.height)]
    if above and below:
        top, bottom = above[-1], below[0]
    else:  # wrapped header words stand about a line above or below
        reach = WRAP_REACH * (line.bottom - line.top)
        top, bottom = _mid(line) - reach, _mid(line) + reach
    return [
        w
        for other in lines
        if other is line or not _numbers(other.words)
        if top < _mid(other) < bottom
        for w in other.words
    ]


def _mid(line: Line) -> float:
    return (line.top + line.bottom) / 2


def _slots(page: PageLayout, lines: list[Line], line: Line, anchor: Word, key: Key) -> list[Slot]:
    """The columns a header names: between the rules crossing it, else around its labels."""
    words = _header_band(page, lines, line, anchor)
    cuts = _rules_across_row(page, anchor.y_mid)
    ruled = len(cuts) >= 3
    spans = list(zip(cuts, cuts[1:], strict=False)) if ruled else _label_spans(words)
    slots = []
    for x0, x1 in spans:
        label = cell_text([w for w in words if x0 <= w.x_mid <= x1])
        name = key(label)
        if name is not None:
            slots.append(Slot(x0, x1, name))
    return slots


def _label_spans(words: list[Word]) -> list[tuple[float, float]]:
    """Unruled header: words overlapping in x are one label; each owns the space to halfway."""
    groups: list[list[float]] = []
    for w in sorted(words, key=lambda w: w.x0):
        if groups and w.x0 <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], w.x1)
        else:
            groups.append([w.x0, w.x1])
    spans = []
    for i, (x0, x1) in enumerate(groups):
        left = (groups[i - 1][1] + x0) / 2 if i else x0 - 40
        right = (x1 + groups[i + 1][0]) / 2 if i + 1 < len(groups) else x1 + 40
        spans.append((left, right))
    return spans


def _slot_of(slots: list[Slot], word: Word) -> Slot | None:
    for slot in slots:
        if slot.x0 <= word.x_mid <= slot.x1:
            return slot
    return None


# -- indicator rows ----------------------------------------------------------------------------


def _indicator_header(form: Form) -> tuple[int, int] | None:
    """(part, line) of the indicator header: the line naming the 三级指标 column."""
    for n, part in enumerate(form.parts):
        for i, line in enumerate(part.lines):
            text = compact(line.text)
            if ("三级指标" in text or "指标名称" in text) and not _numbers(line.words):
                return n, i
    return None


@dataclass
class Levels:
    """The 一级/二级 indicator carried down over the rows of merged (or blank) cells."""

    level1: str | None = None
    level2: str | None = None


def _read_indicators(
    form: Form, header_at: tuple[int, int], summary: PerformanceEvaluation
) -> list[PerformanceEvaluation]:
    """The indicator rows from the header on, page by page, to the 总分 row."""
    first, at = header_at
    slots: list[Slot] = []
    levels = Levels()
    records: list[PerformanceEvaluation] = []
    for n, part in enumerate(form.parts[first:]):
        header_index = at if n == 0 else _repeated_header(part.lines)
        lines = part.lines
        if header_index is not None:  # a page printing the header: its own columns
            slots, lines = _under_header(part, header_index)
        if not any(slot.key == "name" for slot in slots):
            return records
        total = next((line for line in lines if TOTAL_LABEL.match(compact(line.text))), None)
        if total is not None:
            lines = [line for line in lines if line.bottom <= total.top + 1]
        records += _rows(part.page, lines, slots, levels, summary)
        if total is not None:
            _read_total(summary, total, slots)
            break
    return records


def _under_header(part: Part, index: int) -> tuple[list[Slot], list[Line]]:
    """The columns the indicator header names, and the lines below its band."""
    header = part.lines[index]
    anchor = next((w for w in header.words if _indicator_key(w.text) == "name"), header.words[0])
    slots = _slots(part.page, part.lines, header, anchor, _indicator_key)
    below = _rules_across_column(part.page, anchor.x_mid, anchor.bottom, part.page.height)
    band_end = below[0] if below else header.bottom + 1
    lines = [line for line in part.lines[index + 1 :] if line.top >= band_end - 1]
    if not below:  # unruled: the header's wrapped words are lines without a value
        while (
            lines
            and not _numbers(lines[0].words)
            and lines[0].top - header.bottom < HEADER_REACH
            and all(_indicator_key(w.text) for w in lines[0].words)
        ):
            lines = lines[1:]
    return slots, lines


def _repeated_header(lines: list[Line]) -> int | None:
    return next(
        (
            i
            for i, line in enumerate(lines[:6])
            if "三级指标" in compact(line.text) and not _numbers(line.words)
        ),
        None,
    )


def _read_total(summary: PerformanceEvaluation, line: Line, slots: list[Slot]) -> None:
    """总分: the figure under 得分 (and the 分值 printed beside it), else the last figure."""
    numbers = [(w, v) for w in _numbers(line.words) if (v := _value(w.text)) is not None]
    if not numbers:
        return
    by_key: dict[str, Decimal] = {}
    for word, value in numbers:
        slot = _slot_of(slots, word)
        if slot is not None and slot.key in ("score", "max"):
            by_key.setdefault(slot.key, value)
    if "score" in by_key:
        summary.score = by_key["score"]
        summary.max_score = by_key.get("max")
        return
    summary.score = numbers[-1][1]
    if len(numbers) >= 2 and numbers[-2][1] == 100:
        summary.max_score = numbers[-2][1]


def _rows(
    page: PageLayout,
    lines: list[Line],
    slots: list[Slot],
    levels: Levels,
    summary: PerformanceEvaluation,
) -> list[PerformanceEvaluation]:
    if not lines:
        return []
    name = next(slot for slot in slots if slot.key == "name")
    top, bottom = lines[0].top - 2, lines[-1].bottom + 2
    rules = _rules_across_column(page, name.mid, top, bottom)
    bands = _ruled_bands(lines, rules) if len(rules) >= 2 else _unruled_rows(lines, slots)
    level_cells = {
        key: _level_cells(page, lines, slots, key, top, bottom) for key in ("level1", "level2")
    }
    records = []
    for band in bands:
        cells = _cells(band, slots)
        y = sum(w.y_mid for w in band) / len(band)
        for key in ("level1", "level2"):
            text = level_cells[key](y) if key in level_cells else ""
            text = text or cells.get(key, "")
            if text and key == "level1" and text != levels.level1:
                levels.level1, levels.level2 = text, None  # a new first level: its own second
            elif text:
                levels.level2 = text
        indicator = cells.get("name", "")
        if not indicator or TOTAL_LABEL.match(indicator):
            continue
        records.append(
            PerformanceEvaluation(
                evaluation_kind=summary.evaluation_kind,
                subject=summary.subject,
                indicator=indicator,
                page=page.number,
                source="form",
                indicator_level1=levels.level1,
                indicator_level2=levels.level2,
                score=_value(cells.get("score", "")),
                max_score=_value(cells.get("max", "")),
                target=cells.get("target") or None,
                achieved=cells.get("achieved") or None,
                deviation_reason=cells.get("deviation") or None,
                sentence=summary.sentence,
            )
        )
    return records


def _cells(words: list[Word], slots: list[Slot]) -> dict[str, str]:
    by_key: dict[str, list[Word]] = {}
    for word in words:
        slot = _slot_of(slots, word)
        if slot is not None:
            by_key.setdefault(slot.key, []).append(word)
    return {key: cell_text(ws) for key, ws in by_key.items()}


def _ruled_bands(lines: list[Line], rules: list[float]) -> list[list[Word]]:
    """The words between each pair of rules across the 三级指标 column, and below the last."""
    edges = [*rules, max(line.bottom for line in lines) + 1]
    bands: list[list[Word]] = []
    for a, b in zip(edges, edges[1:], strict=False):
        words = [w for line in lines for w in line.words if a < w.y_mid < b]
        if words:
            bands.append(words)
    above = [w for line in lines for w in line.words if w.y_mid < edges[0]]
    return [above, *bands] if above else bands


def _unruled_rows(lines: list[Line], slots: list[Slot]) -> list[list[Word]]:
    """A line printing a target, result or score starts a row; other lines join the nearest.

    A line of values alone right under a line of values is the wrapped rest of
    that row's cells (a long target), not a row of its own.
    """

    def keys(line: Line) -> set[str]:
        return {slot.key for w in line.words if (slot := _slot_of(slots, w)) is not None}

    valued = {"target", "achieved", "score", "max"}
    starts: list[Line] = []
    for n, line in enumerate(lines):
        own = keys(line)
        if not own & valued:
            continue
        wrapped = n and "name" not in own and keys(lines[n - 1]) & valued
        if not (wrapped and starts):
            starts.append(line)
    if not starts:
        return []
    rows: dict[int, list[Word]] = {id(line): list(line.words) for line in starts}
    for line in lines:
        if id(line) in rows:
            continue
        nearest = min(starts, key=lambda s: (abs(_mid(s) - _mid(line)), s.top < line.top))
        rows[id(nearest)].extend(line.words)
    return [rows[id(line)] for line in starts]


def _level_cells(
    page: PageLayout, lines: list[Line], slots: list[Slot], key: str, top: float, bottom: float
) -> Callable[[float], str]:
    """The text of the ruled level cell at a height: a merged cell's text for every row it spans."""
    slot = next((s for s in slots if s.key == key), None)
    if slot is None:
        return lambda y: ""
    rules = _rules_across_column(page, slot.mid, top, bottom)
    if not rules:
        return lambda y: ""  # unruled: each row's own words say it
    edges = [top, *rules, bottom]
    words = [w for line in lines for w in line.words if slot.x0 <= w.x_mid <= slot.x1]

    def text_at(y: float) -> str:
        a = max(e for e in edges if e <= y)
        b = min(e for e in edges if e > y)
        return cell_text([w for w in words if a < w.y_mid < b])

    return text_at
