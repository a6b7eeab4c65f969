"""Part 6 performance self-evaluation forms (项目绩效自评表): ruled forms, not standard tables.

Two layouts. The seed's own (``prose/seed_wuhan.toml`` ``[[performance]]``):
预算数 | 执行数 | 执行率 | 得分 over the 资金 row, indicators 年初目标值 | 实际完成值 |
得分. The national one every synthetic final account prints one project in
(``prose/final_account.toml`` ``[performance]``): 年初预算数 | 全年预算数 |
全年执行数 | 分值 | 执行率 | 得分, indicators 年度指标值 | 实际完成值 | 分值 | 得分 |
偏差原因分析及改进措施. In both a merged first or second level is printed once,
blank below. A form carries no expected records; its figures are in the prose.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tools.samples.blocks import Block, Cell, Grid, GridRow, Heading, PageBreak, TableBlock
from tools.samples.departments import DepartmentProfile
from tools.samples.passages import prose, wan_text
from tools.samples.synthetic import GeneratedYear

CENT = Decimal("0.01")
TENTH = Decimal("0.1")
# columns of an indicator row in the seed's layout: (first column, columns spanned)
SEED_INDICATOR_COLUMNS = ((0, 1), (1, 1), (2, 2), (4, 1), (5, 1), (6, 1))
SEED_WEIGHTS = [1.2, 1.5, 2.2, 1.6, 1.6, 1.6, 1.2]
NATIONAL_WEIGHTS = [0.8, 1.0, 1.1, 1.9, 1.1, 1.1, 0.7, 0.7, 1.5]


def _cells(row: list[list[Any]]) -> GridRow:
    """``[text, first column, columns spanned]`` cells; long text in wide cells starts left."""
    return GridRow(
        [
            Cell(
                text, col, colspan=span, align="left" if span >= 3 and len(text) > 12 else "center"
            )
            for text, col, span in row
        ]
    )


def _form_table(
    form: Mapping[str, Any], rows: list[list[list[Any]]], weights: list[float]
) -> TableBlock:
    return TableBlock(
        title=form["title"],
        grid=Grid(weights, [], [_cells(row) for row in rows], font_size=8.5),
        department_line=form["department_line"],
        unit_line=form["unit_line"],
        title_size=13,
        new_page=False,
    )


def seed_form(form: Mapping[str, Any]) -> TableBlock:
    """One of the seed's forms: its head rows, an indicator row each, its tail rows."""
    indicators = [
        [[text, col, span] for text, (col, span) in zip(row, SEED_INDICATOR_COLUMNS, strict=True)]
        for row in form["indicators"]
    ]
    return _form_table(form, [*form["head"], *indicators, *form["tail"]], SEED_WEIGHTS)


def seed_forms(forms: list[Mapping[str, Any]]) -> list[Block]:
    """The seed's forms under the first one's heading, each form starting a page."""
    blocks: list[Block] = []
    for form in forms:
        blocks.append(PageBreak())
        if "heading" in form:
            blocks.append(
                Heading(form["heading"], size=13, align="left", space_before=0, space_after=0)
            )
        blocks.append(seed_form(form))
    return blocks


def _rounded(value: Decimal, step: Decimal = CENT) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_UP)


def _project_line(generated: GeneratedYear) -> tuple[str, Decimal]:
    """The 项 of table 05 with the most project spending: the form's project and its 执行数."""
    items = [line for line in generated.account.t05 if line.level == 3]
    line = max(items, key=lambda item: (item.get("project"), item.get("total")))
    return line.name, line.get("project") or line.get("total")


def national_form(profile: DepartmentProfile, year: int, generated: GeneratedYear) -> list[Block]:
    """One project's self-evaluation in the national layout; its figures add up.

    执行率 = 全年执行数 / 全年预算数 as printed; the 资金 row scores 分值 × 执行率;
    总分 = that score + the indicators' scores.
    """
    wording = prose("final_account")["performance"]
    rng = random.Random(f"{profile.slug}-{year}-performance")
    name, spent = _project_line(generated)
    project = wording["project"].format(item=name)
    actual = Decimal(wan_text(spent))
    budget = _rounded(actual * Decimal(100) / Decimal(rng.randint(900, 1000) / 10))
    initial = _rounded(budget * Decimal(rng.choice((90, 95, 100))) / 100)
    rate = _rounded(actual / budget * 100)
    funds_max = Decimal(wording["funds_score"])
    funds_score = _rounded(funds_max * rate / 100)
    indicators, scores = _indicators(wording["indicators"], rng)
    total = funds_score + sum(scores, Decimal(0))
    dept = profile.name
    rows: list[list[list[Any]]] = [
        [["项目名称", 0, 2], [project, 2, 7]],
        [["主管部门", 0, 2], [dept, 2, 3], ["实施单位", 5, 1], [dept, 6, 3]],
        [
            ["项目资金（万元）", 0, 2],
            ["", 2, 1],
            ["年初预算数", 3, 1],
            ["全年预算数", 4, 1],
            ["全年执行数", 5, 1],
            ["分值", 6, 1],
            ["执行率", 7, 1],
            ["得分", 8, 1],
        ],
        [
            ["", 0, 2],
            ["年度资金总额", 2, 1],
            [f"{initial}", 3, 1],
            [f"{budget}", 4, 1],
            [f"{actual}", 5, 1],
            [f"{funds_max}", 6, 1],
            [f"{rate}%", 7, 1],
            [f"{funds_score}", 8, 1],
        ],
        [
            ["", 0, 2],
            ["其中：当年财政拨款", 2, 1],
            [f"{initial}", 3, 1],
            [f"{budget}", 4, 1],
            [f"{actual}", 5, 1],
            ["—", 6, 1],
            [f"{rate}%", 7, 1],
            ["—", 8, 1],
        ],
        [["年度总体目标", 0, 2], ["预期目标", 2, 3], ["实际完成情况", 5, 4]],
        [["", 0, 2], [wording["goal"], 2, 3], [wording["done"], 5, 4]],
        [
            ["绩效指标", 0, 1],
            ["一级指标", 1, 1],
            ["二级指标", 2, 1],
            ["三级指标", 3, 1],
            ["年度指标值", 4, 1],
            ["实际完成值", 5, 1],
            ["分值", 6, 1],
            ["得分", 7, 1],
            ["偏差原因分析及改进措施", 8, 1],
        ],
        *indicators,
        [["总分", 0, 6], ["100", 6, 1], [f"{total}", 7, 1], ["", 8, 1]],
    ]
    form = {
        "title": wording["title"].format(y=year, project=project),
        "department_line": f"单位名称：{dept}",
        "unit_line": "",
    }
    heading = Heading(
        wording["heading"].format(y=year), size=13, align="left", space_before=0, space_after=0
    )
    return [heading, _form_table(form, rows, NATIONAL_WEIGHTS)]


def _indicators(
    items: list[Mapping[str, Any]], rng: random.Random
) -> tuple[list[list[list[Any]]], list[Decimal]]:
    """Indicator rows, levels printed once; a share indicator may fall short and lose points."""
    rows: list[list[list[Any]]] = []
    scores: list[Decimal] = []
    level1 = level2 = ""
    for item in items:
        max_score = Decimal(item["max"])
        achieved, reason, score = item["target"], "", max_score
        if item.get("share") and rng.random() < 0.5:
            share = rng.randint(90, 99)
            achieved = f"{share}%"
            score = _rounded(max_score * share / 100, TENTH)
            reason = item["short"]
        rows.append(
            [
                ["", 0, 1],
                ["" if item["level1"] == level1 else item["level1"], 1, 1],
                ["" if item["level2"] == level2 else item["level2"], 2, 1],
                [item["name"], 3, 1],
                [item["target"], 4, 1],
                [achieved, 5, 1],
                [f"{max_score}", 6, 1],
                [f"{score}", 7, 1],
                [reason, 8, 1],
            ]
        )
        scores.append(score)
        level1, level2 = item["level1"], item["level2"]
    return rows, scores
