"""Sample documents made by real producers: LibreOffice Writer, LibreOffice Calc, Chromium.

The data are the synthetic department-years and budgets of ``raw/`` (same
accounts, same arithmetic); what changes is who makes the PDF and how the
document prints: unit, separators, zeros, code columns, numbering and wording,
the "三公" form, 06 panels, headers repeated or not on continuation pages,
cover and contents, running header and page numbers, fonts. PDFs go to
``tests/fixtures/producers/``; their expected pages are read back from the
committed PDFs (``producers/expected_pages.py``).
"""

from __future__ import annotations

import copy
import dataclasses
from functools import cache

from pipelines.samples.blocks import Block, Heading, PageBreak, Paragraph, TableBlock
from pipelines.samples.budget import synthetic_budget_sample
from pipelines.samples.compose import NATIONAL_ORDER, table_blocks
from pipelines.samples.departments import (
    EDUCATION,
    HEALTH,
    STATISTICS,
    TRANSPORT,
    DepartmentProfile,
)
from pipelines.samples.producers import PrintSetup
from pipelines.samples.prose import department_overview, part
from pipelines.samples.sample import SampleDocument
from pipelines.samples.style import TableStyle
from pipelines.samples.synthetic import generate
from pipelines.samples.synthetic_doc import GLOSSARY, _narrative
from pipelines.samples.tables import TableContext

NOTO_SERIF = "Noto Serif CJK SC"
NOTO_SANS = "Noto Sans CJK SC"
WENQUANYI = "WenQuanYi Zen Hei"


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


def _cover(name: str, year_line: str) -> list[Block]:
    return [
        Heading(name, size=24, space_before=200, space_after=20),
        Heading(year_line, size=24, space_after=40),
    ]


def _break_rows(tables: list[TableBlock], rows: dict[str, set[int]]) -> None:
    """Force a page break before these body rows (by table code), e.g. in 01 and 04."""
    for block in tables:
        if block.expected is not None and block.expected.table_code in rows:
            block.break_before |= rows[block.expected.table_code]


def final_account(
    profile: DepartmentProfile,
    year: int,
    style: TableStyle,
    *,
    order: tuple[str, ...] = NATIONAL_ORDER,
    break_codes: dict[str, tuple[str, ...]] | None = None,
    break_rows: dict[str, set[int]] | None = None,
    no_data_declared: tuple[str, ...] = (),
    empty_notes: dict[str, list[str]] | None = None,
    prose: bool = True,
) -> tuple[DepartmentProfile, list[Block]]:
    """A final account of ``profile`` printed in ``style``: cover, contents, tables, prose."""
    profile = dataclasses.replace(profile, style=style)
    generated = generate(profile, year)
    ctx = TableContext(profile.name, year, style)
    tables = table_blocks(
        ctx,
        generated.account,
        order=order,
        break_before=break_codes,
        no_data_declared=no_data_declared,
        empty_notes=empty_notes,
    )
    _break_rows(tables, break_rows or {})
    blocks: list[Block] = _cover(profile.name, f"{year}年度部门决算")
    if prose:
        blocks += [
            *part(f"第一部分  {profile.name}概况"),
            *department_overview(
                profile.duties,
                f"纳入{profile.name}{year}年度部门决算编制范围的单位包括：",
                profile.units,
            ),
            *part(f"第二部分  {profile.name}{year}年度部门决算表"),
            *tables,
            *_narrative(profile, year, generated, generate(profile, year - 1)),
            *part("第四部分  名词解释"),
            *[Paragraph.plain(line) for line in GLOSSARY.split("\n")],
        ]
    else:
        blocks += [PageBreak(), *tables]
    return profile, with_contents(blocks)


def _sample(
    producer: str,
    profile: DepartmentProfile,
    year: int,
    blocks: list[Block],
    setup: PrintSetup,
    traits: tuple[str, ...],
) -> SampleDocument:
    return SampleDocument(
        file_name=f"{producer}-{profile.slug}-{year}-final.pdf",
        department_name=profile.name,
        region=profile.region,
        fiscal_year=year,
        reporting_scope="department",
        unit=profile.style.unit,
        blocks=blocks,
        folder="producers",
        traits=(f"producer {producer}", f"font {setup.font}", *traits),
        producer=producer,
        setup=setup,
    )


def _no_data(year: int, what: str) -> list[str]:
    return [f"本部门{year}年度没有{what}，本表无数据。"]


def _full_national(
    producer: str, profile: DepartmentProfile, year: int, setup: PrintSetup, style: TableStyle
) -> SampleDocument:
    """All nine tables, headers repeated on every continuation page (01, 04, 05, 06 broken)."""
    profile, blocks = final_account(
        profile,
        year,
        style,
        break_codes={"05": ("208",), "02": ("210",)},
        break_rows={"01": {18}, "04": {18}, "06": {14}},
        no_data_declared=("08",),
        empty_notes={"08": _no_data(year, "国有资本经营预算财政拨款支出")},
    )
    traits = (
        "cover and contents",
        "running header",
        f"page numbers {setup.page_numbers}",
        "header repeated on continuation pages (01, 02, 04, 05, 06)",
        f"unit {style.unit}",
        f"zero as {style.zero!r}",
        "thousands separators" if style.thousands else "no separators",
        f"06 in {style.panels_06} panels, landscape",
        f"09 {style.form_09}",
        "08 declared 本表无数据",
    )
    return _sample(producer, profile, year, blocks, setup, traits)


def _full_older(
    producer: str, profile: DepartmentProfile, year: int, setup: PrintSetup, style: TableStyle
) -> SampleDocument:
    """Split codes, 元, older wording, headers not repeated on continuation pages."""
    empty = {
        "07": _no_data(year, "政府性基金预算财政拨款收入支出"),
        "08": _no_data(year, "国有资本经营预算财政拨款支出"),
    }
    declared = ("08",) if profile.fund_class else ("07", "08")
    profile, blocks = final_account(
        profile,
        year,
        style,
        break_codes={"02": ("208",), "03": ("210",)},
        break_rows={"01": {20}, "04": {20}, "06": {10}},
        no_data_declared=declared,
        empty_notes={code: empty[code] for code in declared},
    )
    traits = (
        "cover and contents",
        "running header",
        f"page numbers {setup.page_numbers}",
        "continuation pages without header (01, 02, 03, 04, 06)",
        "类|款|项 columns",
        f"unit {style.unit}",
        f"zero as {style.zero!r}",
        "thousands separators" if style.thousands else "no separators",
        "表1 numbering",
        "older wording (科目编码, 用事业基金弥补收支差额)",
        f"06 in {style.panels_06} panels" + (", landscape" if style.landscape_06 else ""),
        f"09 {style.form_09}",
        " and ".join(declared) + " declared 本表无数据",
    )
    return _sample(producer, profile, year, blocks, setup, traits)


def _three_public_form(
    producer: str,
    profile: DepartmentProfile,
    year: int,
    setup: PrintSetup,
    style: TableStyle,
    order: tuple[str, ...],
    break_rows: dict[str, set[int]] | None = None,
) -> SampleDocument:
    """A few tables and a "三公" table in another form; no prose."""
    declared = tuple(code for code in ("07", "08") if code in order)
    if "07" in declared and profile.fund_class:
        declared = ("08",)
    profile, blocks = final_account(
        profile,
        year,
        style,
        order=order,
        break_rows=break_rows,
        no_data_declared=declared,
        empty_notes={code: ["本部门本年度无此项支出，本表无数据。"] for code in declared},
        prose=False,
    )
    for block in blocks:  # numbered as in the full set
        if isinstance(block, TableBlock) and block.expected is not None:
            number = style.printed_number(int(block.expected.table_code))
            block.printed_number = block.expected.printed_number = number
    traits = (
        "cover and contents",
        f"09 {style.form_09}",
        f"unit {style.unit}",
        f"zero as {style.zero!r}",
        "thousands separators" if style.thousands else "no separators",
        *((" and ".join(declared) + " declared 本表无数据",) if declared else ()),
    )
    return _sample(producer, profile, year, blocks, setup, traits)


def _budget(
    producer: str, profile: DepartmentProfile, year: int, setup: PrintSetup, breaks: dict
) -> SampleDocument:
    """The budget of a ``raw/`` department-year, made by ``producer``, with a contents page."""
    source = synthetic_budget_sample(profile, year)
    blocks = copy.deepcopy(source.blocks)
    tables = [b for b in blocks if isinstance(b, TableBlock)]
    _break_rows(tables, breaks)
    return dataclasses.replace(
        source,
        file_name=f"{producer}-{source.file_name}",
        blocks=with_contents(blocks),
        folder="producers",
        traits=(f"producer {producer}", f"font {setup.font}", *source.traits, "contents page"),
        producer=producer,
        setup=setup,
        _cache={},
    )


def _calc_blocks(sample: SampleDocument) -> SampleDocument:
    """A workbook holds the cover, the contents and the tables; the prose stays in Word."""
    blocks = sample.blocks
    end = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "目录")
    end += 1
    while end < len(blocks) and isinstance(blocks[end], Paragraph):
        end += 1
    tables = [b for b in blocks[end:] if isinstance(b, TableBlock)]
    return dataclasses.replace(sample, blocks=[*blocks[:end], *tables], _cache={})


def _header(profile: DepartmentProfile, year: int, kind: str = "决算") -> str:
    return f"{profile.name}{year}年度部门{kind}公开"


@cache
def producer_samples() -> tuple[SampleDocument, ...]:
    """Every producer sample, written to tests/fixtures/producers/."""
    samples: list[SampleDocument] = []
    # -- LibreOffice Writer --------------------------------------------------------------------
    samples.append(
        _full_national(
            "writer",
            EDUCATION,
            2022,
            PrintSetup(NOTO_SERIF, _header(EDUCATION, 2022), "dash"),
            TableStyle(repeat_header=True),
        )
    )
    samples.append(
        _full_older(
            "writer",
            STATISTICS,
            2023,
            PrintSetup(WENQUANYI, _header(STATISTICS, 2023), "di"),
            TableStyle(
                unit="元",
                thousands=True,
                zero="-",
                split_codes=True,
                numbering="arabic",
                repeat_header=False,
                old_wording=True,
                panels_06=2,
                landscape_06=False,
                form_09="6col",
            ),  # fmt: skip
        )
    )
    samples.append(
        _three_public_form(
            "writer",
            HEALTH,
            2021,
            PrintSetup(NOTO_SANS, "", "dash"),
            TableStyle(zero="0.00", thousands=True, form_09="items"),
            ("05", "06", "09"),
            break_rows={"09": {3}},
        )
    )
    samples.append(
        _three_public_form(
            "writer",
            TRANSPORT,
            2021,
            PrintSetup(WENQUANYI, "", ""),
            TableStyle(form_09="meetings", numbering="chinese"),
            ("03", "07", "08", "09"),
        )
    )
    samples.append(
        _budget(
            "writer",
            TRANSPORT,
            2022,
            PrintSetup(NOTO_SERIF, _header(TRANSPORT, 2022, "预算"), "dash"),
            {"01": {16}},
        )
    )
    # -- LibreOffice Calc ------------------------------------------------------------------------
    samples.append(
        _calc_blocks(
            _full_national(
                "calc",
                EDUCATION,
                2023,
                PrintSetup(WENQUANYI, _header(EDUCATION, 2023), "di", body_size=11),
                TableStyle(repeat_header=True, thousands=True),
            )
        )
    )
    samples.append(
        _calc_blocks(
            _full_older(
                "calc",
                STATISTICS,
                2022,
                PrintSetup(NOTO_SANS, _header(STATISTICS, 2022), "dash", body_size=11),
                TableStyle(
                    unit="元",
                    zero="-",
                    split_codes=True,
                    numbering="arabic",
                    repeat_header=False,
                    old_wording=True,
                    panels_06=2,
                    form_09="6col",
                ),  # fmt: skip
            )
        )
    )
    samples.append(
        _three_public_form(
            "calc",
            HEALTH,
            2022,
            PrintSetup(WENQUANYI, "", "di", body_size=11),
            TableStyle(zero="0.00", form_09="items", repeat_header=True),
            ("02", "05", "09"),
            break_rows={"09": {2}},
        )
    )
    samples.append(
        _three_public_form(
            "calc",
            TRANSPORT,
            2023,
            PrintSetup(NOTO_SANS, "", "di", body_size=11),
            TableStyle(form_09="meetings", thousands=True, zero="-"),
            ("05", "09"),
        )
    )
    samples.append(
        _calc_blocks(
            _budget(
                "calc",
                HEALTH,
                2023,
                PrintSetup(WENQUANYI, "", "di", body_size=11),
                {"01": {12}, "02": {10}},
            )
        )
    )
    # -- Chromium ----------------------------------------------------------------------------------
    samples.append(
        _full_national(
            "chromium",
            HEALTH,
            2023,
            PrintSetup(WENQUANYI, _header(HEALTH, 2023), "dash"),
            TableStyle(repeat_header=True, zero="0.00", numbering="none"),
        )
    )
    samples.append(
        _full_older(
            "chromium",
            TRANSPORT,
            2022,
            PrintSetup(WENQUANYI, _header(TRANSPORT, 2022), "di"),
            TableStyle(
                unit="元",
                thousands=True,
                zero="-",
                split_codes=True,
                numbering="arabic",
                repeat_header=False,
                old_wording=True,
                panels_06=2,
                form_09="6col",
            ),  # fmt: skip
        )
    )
    samples.append(
        _three_public_form(
            "chromium",
            STATISTICS,
            2021,
            PrintSetup(NOTO_SANS, "", "dash"),
            TableStyle(form_09="items", zero="-"),
            ("05", "07", "08", "09"),
            break_rows={"09": {4}},
        )
    )
    samples.append(
        _three_public_form(
            "chromium",
            EDUCATION,
            2021,
            PrintSetup(WENQUANYI, "", ""),
            TableStyle(form_09="meetings", thousands=True),
            ("03", "06", "09"),
        )
    )
    samples.append(
        _budget(
            "chromium",
            EDUCATION,
            2022,
            PrintSetup(WENQUANYI, _header(EDUCATION, 2022, "预算"), "dash"),
            {"01": {16}, "04": {16}},
        )
    )
    return tuple(samples)
