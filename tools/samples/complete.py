"""Complete final-account documents, printed the way departments publish them.

A complete document has a cover, a contents page listing every table title,
Part 1 (duties, the units in scope), Part 2 with all nine tables (07 and 08
declared 本表无数据, with their note, where the department has none), Part 3
restating the tables (totals, the budget execution of every 项, "三公") and a
glossary. The numbers are one synthetic department-year
(``synthetic.generate``), which has every table, so every identity inside and
across tables holds. The variants (reportlab) and the producer samples
(Writer, Calc, Chromium) are such documents, each printed in its own style;
the synthetic final accounts of raw/ print the same outline
(``final_account_blocks``) without the contents page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from pipelines.extraction.catalogue import SPEC_BY_CODE
from tools.samples.blocks import Block, Heading, PageBreak, Paragraph, TableBlock
from tools.samples.compose import NATIONAL_ORDER, table_blocks
from tools.samples.departments import DepartmentProfile
from tools.samples.final_explanation import explanation
from tools.samples.passages import passage, prose
from tools.samples.performance import national_form
from tools.samples.style import TableStyle
from tools.samples.synthetic import GeneratedYear, generate
from tools.samples.tables import TableContext


def cover(name: str, year_line: str) -> list[Block]:
    """A final account's cover: the department's name over '2023年度部门决算'."""
    return [
        Heading(name, size=24, space_before=200, space_after=20),
        Heading(year_line, size=24, space_after=40),
    ]


def contents(blocks: list[Block]) -> list[Block]:
    """A contents page listing every table title (with its printed number)."""
    titles = [
        f"{b.printed_number}  {b.title}" if b.printed_number else b.title
        for b in blocks
        if isinstance(b, TableBlock) and b.expected is not None
    ]
    return [
        PageBreak(),
        Heading("目录", size=18, space_before=20, space_after=16),
        *[Paragraph.plain(title, size=12, indent=False) for title in titles],
    ]


def with_contents(blocks: list[Block]) -> list[Block]:
    """``blocks`` with a contents page after the cover (the blocks before the first page break)."""
    at = next(i for i, b in enumerate(blocks) if isinstance(b, PageBreak))
    return [*blocks[:at], *contents(blocks), *blocks[at:]]


def no_data_note(year: int, code: str, scope: str = "部门") -> list[str]:
    """The note of a table declared empty, naming what it holds: its title without '决算表'."""
    what = SPEC_BY_CODE[code].canonical_title.removesuffix("决算表")
    wording = prose("final_account")["table_notes"]["no_data"]
    return [wording.format(scope=scope, y=year, what=what)]


def break_rows(tables: list[TableBlock], rows: Mapping[str, set[int]]) -> None:
    """Force a page break before these body rows (by table code); -3 is the third row from the end."""
    for block in tables:
        if block.expected is not None and block.expected.table_code in rows:
            count = len(block.grid.body)
            block.break_before |= {
                r if r >= 0 else count + r for r in rows[block.expected.table_code]
            }


def complete_final_account(
    profile: DepartmentProfile,
    year: int,
    style: TableStyle | None = None,
    *,
    order: tuple[str, ...] = NATIONAL_ORDER,
    break_codes: Mapping[str, tuple[str, ...]] | None = None,
    rows_breaks: Mapping[str, set[int]] | None = None,
    narrative: bool = True,
    scope: str = "部门",
    overview: list[Block] | None = None,
    preface: list[Block] | None = None,
    year_line: str | None = None,
) -> tuple[DepartmentProfile, list[Block]]:
    """The final account of ``profile`` for ``year`` printed in ``style`` (default: the profile's).

    ``break_codes`` forces page breaks before those function codes, ``rows_breaks``
    before those body rows (see ``break_rows``); ``narrative`` False leaves out Part 1,
    Part 3 and the glossary (a workbook: cover, contents, one sheet per table and
    the performance form);
    ``scope`` '单位' for a unit's own document; ``overview`` replaces Part 1's
    duties and units; ``preface`` is printed under Part 2's heading; ``year_line``
    replaces the cover's '2024年度部门决算'.
    """
    if style is not None:
        profile = dataclasses.replace(profile, style=style)
    style = profile.style
    generated = generate(profile, year)
    account = generated.account
    declared = tuple(
        code for code, lines in (("07", account.t07), ("08", account.t08)) if not lines
    )
    ctx = TableContext(profile.name, year, style)
    tables = table_blocks(
        ctx,
        account,
        order=order,
        break_before=dict(break_codes or {}),
        no_data_declared=declared,
        empty_notes={code: no_data_note(year, code, scope) for code in declared},
    )
    break_rows(tables, rows_breaks or {})
    if not narrative:
        front = cover(profile.name, year_line or cover_year(year, scope))
        form = national_form(profile, year, generated)  # a sheet of its own
        return profile, [*front, *contents(tables), *tables, *form]
    blocks = final_account_blocks(
        profile,
        year,
        generated,
        tables,
        scope=scope,
        overview=overview,
        preface=preface,
        year_line=year_line,
    )
    return profile, with_contents(blocks)


def cover_year(year: int, scope: str = "部门") -> str:
    """The cover's second line: '2023年度部门决算'."""
    return prose("final_account")["cover"].format(y=year, scope=scope)


def final_account_blocks(
    profile: DepartmentProfile,
    year: int,
    generated: GeneratedYear,
    tables: list[TableBlock],
    *,
    scope: str = "部门",
    overview: list[Block] | None = None,
    preface: list[Block] | None = None,
    year_line: str | None = None,
) -> list[Block]:
    """A synthetic final account as ``outline`` in prose/final_account.toml prints it.

    Cover, Part 1 (``overview``, default the profile's duties and units), Part 2
    (``preface``, then ``tables``), Part 3 restating the year against the year
    before, glossary, Part 5 with one project's performance self-evaluation.
    """
    wording = prose("final_account")
    values = {"name": profile.name, "y": year, "scope": scope}
    if overview is None:
        overview = profile.overview(wording["coverage"].format_map(values))
    inserts = {
        "cover": cover(profile.name, year_line or cover_year(year, scope)),
        "overview": overview,
        "preface": preface or [],
        "tables": tables,
        "explanation": explanation(
            profile, year, generated, generate(profile, year - 1), scope=scope
        ),
        "performance": national_form(profile, year, generated),
    }
    return passage(wording["outline"], values, inserts=inserts)
