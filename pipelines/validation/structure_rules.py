"""The document against its own structure (``S_…``): its contents page and its empty tables.

The contents (目录) lists the standard tables the document promises; each
line that names one is matched to the catalogue as a table title is. A table
listed but not printed (``S_LISTED_TABLE_ABSENT``), or printed but not listed
when the contents does list tables (``S_TABLE_NOT_LISTED``), is a warning. An
empty 07 or 08 says why it is empty, under the table or in the explanations
(``S_EMPTY_TABLE_NO_NOTE``); a table whose words say it is empty while it
prints amounts contradicts itself (``S_EMPTY_NOTE_NOT_EMPTY``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from pipelines.extraction.catalogue import BUDGET_TABLES, FINAL_ACCOUNT_TABLES, TableSpec
from pipelines.extraction.locate import EMPTY_DECLARATION, match_title
from pipelines.extraction.model import DocumentExtraction
from pipelines.extraction.problems import ProblemKind

from .claim_rules import NONE_CLAIMS
from .evaluation import Checker
from .prose import Prose

CONTENTS = re.compile(r"^\s*目\s*录\s*$", re.MULTILINE)
_LEADER = re.compile(r"[.…·．\-—_\s]{2,}\d*\s*$|\s\d+\s*$")
_ENUMERATION = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]+\)|\d+[、.])"
)
# The prose stating a fund's amount as 0 explains its empty table as well as a note does.
ZERO_STATED = {
    "government_fund": re.compile(
        r"政府性基金[^。;,]{0,24}?(?<![\d.])0(?:\.0+)?(?:万元|元)?(?![\d.])"
    ),
    "state_capital": re.compile(
        r"国有资本经营[^。;,]{0,24}?(?<![\d.])0(?:\.0+)?(?:万元|元)?(?![\d.])"
    ),
}
_EMPTY_WORDS = re.compile(r"无该项|无此项|无相关|不涉及")  # "注：本部门无该项目"
SIMILAR_TITLE = 0.8  # a contents line this close to a printed title lists it (shorthand titles)
_YEAR = re.compile(r"(20\d{2})年度?|\(.*?\)")
MIN_LISTED = 3  # a contents page that names fewer standard tables does not list them
CONTENTS_PAGES = 6  # the contents is among the first prose pages
_FUND_OF_TABLE = {"07": "government_fund", "08": "state_capital"}


@dataclass(frozen=True)
class Contents:
    page: int
    codes: set[str]  # the standard tables its lines name, as the catalogue matches titles
    titles: list[str]  # every line that names a table (…表), as printed


def listed_tables(extraction: DocumentExtraction) -> Contents | None:
    """The contents page and the standard tables it lists; None without one."""
    specs: tuple[TableSpec, ...] = (
        BUDGET_TABLES if extraction.document_kind == "budget" else FINAL_ACCOUNT_TABLES
    )
    pages = extraction.prose[:CONTENTS_PAGES]
    for position, page in enumerate(pages):
        if not CONTENTS.search(page.text):
            continue
        # the contents may run onto the next page
        lines = [
            *page.text.splitlines(),
            *(pages[position + 1].text.splitlines() if position + 1 < len(pages) else []),
        ]
        codes, titles = set(), []
        for line in _unwrapped(lines):
            title = _ENUMERATION.sub("", _LEADER.sub("", line)).replace(" ", "")
            if "表" not in title:
                continue
            titles.append(title)
            spec = match_title(title, specs)
            if spec is not None:
                codes.add(spec.table_code)
        return Contents(page.page, codes, titles)
    return None


def _unwrapped(lines: list[str]) -> list[str]:
    """Contents lines with a title wrapped before its end ("…培训费支" / "出预算表") joined."""
    joined: list[str] = []
    for line in lines:
        stripped = _LEADER.sub("", line).strip()
        if (
            joined
            and "表" not in joined[-1]
            and stripped.endswith("表")
            and not _ENUMERATION.match(stripped)
        ):
            joined[-1] = _LEADER.sub("", joined[-1]).strip() + stripped
        else:
            joined.append(line)
    return joined


def _listed(title: str, contents: Contents) -> bool:
    """Whether a printed title is among the contents' lines, shorthand allowed."""
    bare = _YEAR.sub("", title)
    return any(
        SequenceMatcher(None, bare, _YEAR.sub("", line)).ratio() >= SIMILAR_TITLE
        for line in contents.titles
    )


def check_structure(checker: Checker, extraction: DocumentExtraction, prose: Prose) -> None:
    _check_contents(checker, extraction)
    _check_empty_tables(checker, extraction, prose)


def _check_contents(checker: Checker, extraction: DocumentExtraction) -> None:
    contents = listed_tables(extraction)
    if contents is None or len(contents.codes) < MIN_LISTED:
        return
    if any(p.kind == ProblemKind.PROSE_ONLY for p in extraction.problems):
        return  # the prose file of a document set: its tables are in the other file
    page, codes = contents.page, contents.codes
    printed = set(extraction.tables)
    for code in sorted(codes - printed):
        location = f"contents p.{page} table {code}"
        checker.evaluated("S_LISTED_TABLE_ABSENT", code, location, "broken")
        checker.note(
            "S_LISTED_TABLE_ABSENT",
            location,
            code,
            f"The contents (p.{page}) lists table {code}, which the document does not print.",
            f"目录（第{page}页）列有表{code}，但文件中未见该表。",
        )
    for code in sorted(printed - codes):
        if _listed(extraction.tables[code].title, contents):
            continue
        location = f"contents p.{page} table {code}"
        checker.evaluated("S_TABLE_NOT_LISTED", code, location, "broken")
        checker.note(
            "S_TABLE_NOT_LISTED",
            location,
            code,
            f"Table {code} ({extraction.tables[code].title}) is printed but the contents "
            f"(p.{page}) does not list it.",
            f"表{code}（{extraction.tables[code].title}）已列示，但目录（第{page}页）未列。",
        )


def _check_empty_tables(checker: Checker, extraction: DocumentExtraction, prose: Prose) -> None:
    claimed = {claim.key for claim in NONE_CLAIMS if claim.pattern.search(prose.text)}
    claimed |= {fund for fund, pattern in ZERO_STATED.items() if pattern.search(prose.text)}
    for code, fund in _FUND_OF_TABLE.items():
        table = extraction.tables.get(code)
        if table is None or not table.is_empty:
            continue
        page = table.pages[0] if table.pages else None
        location = f"{code} p.{page}" if page else code
        if table.declared_empty_with_amounts:
            checker.evaluated("S_EMPTY_NOTE_NOT_EMPTY", code, location, "broken")
            checker.note(
                "S_EMPTY_NOTE_NOT_EMPTY",
                location,
                code,
                f"Table {code} ({table.title}) says '{table.empty_declaration[:60]}' but prints "
                "non-zero amounts; its rows were not loaded.",
                f"表{code}（{table.title}）注明“{table.empty_declaration[:60]}”，但表中列有非零金额。",
            )
        elif not _declares_empty(table.empty_declaration + table.note) and fund not in claimed:
            checker.evaluated("S_EMPTY_TABLE_NO_NOTE", code, location, "broken")
            checker.note(
                "S_EMPTY_TABLE_NO_NOTE",
                location,
                code,
                f"Table {code} ({table.title}) is empty, and neither its note nor the "
                "explanations say why (本表无数据 / 无…，故本表为空表).",
                f"表{code}（{table.title}）为空表，但表下及情况说明均未注明原因（如“本表无数据”）。",
            )
        else:
            checker.evaluated("S_EMPTY_TABLE_NO_NOTE", code, location, "ok")


def _declares_empty(text: str) -> bool:
    """The table's own words say why it is empty (本表无数据, 没有使用…安排的支出)."""
    compact = text.replace(" ", "")
    return bool(compact) and (
        bool(EMPTY_DECLARATION.search(compact) or _EMPTY_WORDS.search(compact))
        or any(claim.pattern.search(compact) for claim in NONE_CLAIMS)
    )
