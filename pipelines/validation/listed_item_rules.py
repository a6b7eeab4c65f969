"""Items the prose lists as the main ones, against table 06 (``N_LISTED_ITEM_ZERO`` / ``_OMITTED``).

"人员经费X万元，主要包括：基本工资、津贴补贴、奖金…；公用经费Y万元，主要包括：
办公费、印刷费…" names economic sections of table 06. A section listed whose
amount is zero is not a main item (``N_LISTED_ITEM_ZERO``); a list that
leaves out the group's largest section, when that section is a large part
of the group, misleads (``N_LISTED_ITEM_OMITTED``). Names the table does not
print are not judged (the prose may paraphrase); "其他…支出" rows are not
expected in a list of main items.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.extraction.model import DocumentExtraction, TableRow

from .evaluation import Checker
from .prose import Prose
from .table_cells import cell_amount, is_usable

LIST = re.compile(
    r"(?P<group>人员经费|公用经费)(?:\d[\d,]*(?:\.\d+)?(?:万元|元))?,?主要(?:包括|用于)[:]?"
    r"(?P<items>[^;。]{4,400})"
)
PERSONNEL_CLASSES = ("301", "303")
MIN_LISTED = 3  # a list of fewer items is not a list of the main ones
BOILERPLATE_ZEROS = 2  # a list naming more than half of its items at zero copies the catalogue
LARGEST_SHARE = Decimal("0.2")  # the omitted section must be at least this part of its group
_BRACKETS = re.compile(r"\(.*?\)")


def _name(text: str) -> str:
    return _BRACKETS.sub("", text).replace(" ", "").strip("等和及")


def _sections(extraction: DocumentExtraction, group: str) -> list[TableRow]:
    t06 = extraction.tables.get("06")
    if t06 is None or not is_usable(t06):
        return []
    personnel = group == "人员经费"
    return [
        row
        for row in t06.rows
        if len(row.row_key) == 5
        and row.row_key.isdigit()
        and (row.row_key[:3] in PERSONNEL_CLASSES) == personnel
    ]


def _row_named(item: str, sections: list[TableRow]) -> TableRow | None:
    """The section a listed name names: the same name, else the one it shortens (邮电费 is not 电费)."""
    for row in sections:
        if _name(row.row_label) == item:
            return row
    if len(item) < 3:
        return None
    return next((row for row in sections if item in _name(row.row_label)), None)


def check_listed_items(checker: Checker, extraction: DocumentExtraction, prose: Prose) -> None:
    for match in LIST.finditer(prose.text):
        group = match.group("group")
        sections = _sections(extraction, group)
        items = [_name(i) for i in re.split(r"[、,]", match.group("items")) if _name(i)]
        if not sections or len(items) < MIN_LISTED:
            continue
        page = prose.page_at(match.start())
        rows = [(item, _row_named(item, sections)) for item in items]
        named_rows = [(item, row) for item, row in rows if row is not None]
        named = {row.row_key for _, row in named_rows}
        zeros = sum(not cell_amount(row, "amount") for _, row in named_rows)
        if zeros * BOILERPLATE_ZEROS > len(named_rows):
            continue  # the whole catalogue copied out, not a list of the main items
        zero_rows = [(item, row) for item, row in named_rows if not cell_amount(row, "amount")]
        location = f"narrative p.{page} {group} items at zero"
        checker.evaluated("N_LISTED_ITEM_ZERO", "06", location, "broken" if zero_rows else "ok")
        if zero_rows:
            listed = "、".join(f"{item}（{row.row_key}）" for item, row in zero_rows)
            checker.note(
                "N_LISTED_ITEM_ZERO",
                location,
                "06",
                f"Narrative p.{page} lists among the main items of {group} "
                f"{len(zero_rows)} that table 06 prints as 0: {listed}.",
                f"第{page}页列为{group}主要项目的{listed}，在表06中均为0。",
            )
        if len(named) < 2:
            continue  # the list does not name the table's rows: not a list to judge
        _check_omitted(checker, page, group, sections, named)


def _check_omitted(
    checker: Checker, page: int, group: str, sections: list[TableRow], named: set[str]
) -> None:
    amounts = [(cell_amount(r, "amount") or Decimal(0), r) for r in sections]
    total = sum((a for a, _ in amounts), Decimal(0))
    candidates = [(a, r) for a, r in amounts if not _name(r.row_label).startswith("其他")]
    if not total or not candidates:
        return
    largest, row = max(candidates, key=lambda pair: pair[0])
    location = f"narrative p.{page} {group} omits {row.row_key}"
    omitted = row.row_key not in named and largest >= LARGEST_SHARE * total
    checker.evaluated("N_LISTED_ITEM_OMITTED", "06", location, "broken" if omitted else "ok")
    if not omitted:
        return
    share = (100 * largest / total).quantize(Decimal("0.1"))
    checker.note(
        "N_LISTED_ITEM_OMITTED",
        location,
        "06",
        f"Narrative p.{page} lists the main items of {group} without {row.row_key} "
        f"'{row.row_label}', its largest in table 06 ({largest / 10000:,.2f}万元, {share}% of the group).",
        f"第{page}页列举{group}主要项目时未列表06中最大的{row.row_key}“{row.row_label}”"
        f"（{largest / 10000:,.2f}万元，占{share}%）。",
    )
