"""Typed records that extraction produces: one document, its tables, its narrative.

Every amount is a ``Decimal`` in yuan (元), already converted from the unit the
table printed. Every amount keeps its provenance: the page it was printed on
and the row and column labels as printed.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pipelines.extraction.problems import Problem

EXTRACTOR_FORMAT = "5"  # the serialised form of a DocumentExtraction


def _source_version() -> str:
    """The format and a digest of the extraction library's own code.

    Any change to how PDFs are read gives a new version, so a cached
    extraction is never reused by code that would read the file differently.
    """
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{EXTRACTOR_FORMAT}.{digest.hexdigest()[:12]}"


EXTRACTOR_VERSION = _source_version()


@dataclass(frozen=True)
class Column:
    """One value column of a table, after multi-row headers are flattened."""

    key: str  # canonical English key, e.g. 'total', 'basic', 'fiscal_appropriation'
    label: str  # the header as printed, rows joined, e.g. '附属单位上缴收入'


@dataclass
class TableRow:
    """One printed row of a standard table.

    ``row_key`` is what identifies the row inside its table:
    - function tables (02, 03, 05, 07, 08): the full function code ('2060101'),
      or 'total' for the 合计 row;
    - table 06: the economic code ('30101'), or 'personnel_total' /
      'public_total' for the 人员经费合计 / 公用经费合计 footer;
    - statements (01, 04): the printed label normalised (NFKC, no spaces), with
      ``side`` set to 'income' or 'expenditure';
    - table 09: the cost item ('total', 'overseas_travel', 'vehicles',
      'vehicle_purchase', 'vehicle_operation', 'official_reception').
    ``values`` maps a column key to its amount in yuan; a blank, '-', '—' cell
    is ``Decimal('0')`` where the column exists.
    """

    row_key: str
    row_label: str
    page: int
    values: dict[str, Decimal]
    side: str | None = None
    line_no: int | None = None  # 行次, where printed


@dataclass
class ExtractedTable:
    table_code: str  # national numbering '01'..'09', whatever the document printed
    title: str  # as printed, normalised
    printed_number: str | None  # e.g. '公开01表', '表一', None
    unit: str  # '元' or '万元', from the table's 单位： line
    pages: list[int]
    columns: list[Column]
    rows: list[TableRow]
    is_empty: bool = False  # declared empty (本表无数据, or an empty 07/08)
    note: str = ""  # the footnote / emptiness note as printed
    #: an empty table's printed declaration (本表无数据, 无…支出，故本表为空表), '' if none
    empty_declaration: str = ""
    #: declared empty by its words, yet it prints non-zero amounts (its rows are not read)
    declared_empty_with_amounts: bool = False

    def row(self, row_key: str, side: str | None = None) -> TableRow | None:
        for r in self.rows:
            if r.row_key == row_key and (side is None or r.side == side):
                return r
        return None

    def column_label(self, key: str) -> str:
        for c in self.columns:
            if c.key == key:
                return c.label
        return key


@dataclass
class BudgetExecution:
    """One "…（项）。年初预算为X万元，支出决算为Y万元，完成年初预算的Z%" sentence."""

    function_code: str | None  # resolved against the tables' names; None if unresolved
    function_label: str  # the printed 类/款/项 path, e.g. '科学技术支出（类）…行政运行（项）'
    initial_budget_yuan: Decimal
    final_yuan: Decimal
    completion_rate: Decimal | None  # as printed, e.g. Decimal('88.1')
    explanation: str
    page: int


# figure_key values of NarrativeFigure, with the table cell each one restates.
NARRATIVE_FIGURE_KEYS: dict[str, str] = {
    "total_income_expenditure": "收、支总计 = 01 总计 (both sides)",
    "income_total": "收入合计 = 01 本年收入合计 = 02 合计/total",
    "fiscal_appropriation_income": "财政拨款收入 (in the income section) = 02 合计/fiscal_appropriation",
    "expenditure_total": "支出合计 = 01 本年支出合计 = 03 合计/total",
    "basic_expenditure": "基本支出 (in the expenditure section) = 03 合计/basic",
    "project_expenditure": "项目支出 (in the expenditure section) = 03 合计/project",
    "fiscal_total": "财政拨款收、支总计 = 04 总计",
    "general_budget_expenditure": "一般公共预算财政拨款支出 = 05 合计/total",
    "general_budget_basic": "一般公共预算财政拨款基本支出 = 05 合计/basic = 06 人员+公用",
    "general_budget_project": "一般公共预算财政拨款项目支出 = 05 合计/project",
    "general_budget_class:<code>": "e.g. 'general_budget_class:206': 科学技术支出（类）X = 05 row 206/total",
    "personnel_expenditure": "人员经费 = 06 personnel_total",
    "public_expenditure": "公用经费 = 06 public_total",
    "three_public_budget": "“三公”经费…预算为X = 09 total/budget",
    "three_public_actual": "“三公”经费…支出决算为X = 09 total/actual",
    "overseas_travel_budget": "因公出国（境）费预算为X = 09 overseas_travel/budget",
    "overseas_travel_actual": "因公出国（境）费…支出决算为X = 09 overseas_travel/actual",
    "vehicles_actual": "公务用车购置及运行费支出决算为X = 09 vehicles/actual",
    "vehicle_purchase_actual": "公务用车购置费X = 09 vehicle_purchase/actual",
    "vehicle_operation_actual": "公务用车运行（维护）费X = 09 vehicle_operation/actual",
    "official_reception_actual": "公务接待费支出决算为X = 09 official_reception/actual",
}


@dataclass
class NarrativeFigure:
    """A total the narrative restates, e.g. 收支总计, 基本支出, "三公" budget."""

    figure_key: str  # e.g. 'total_income_expenditure', 'three_public_budget'
    amount_yuan: Decimal
    page: int
    sentence: str


@dataclass
class OperatingCost:
    """The 机关运行经费 sentence: the amount, and its change against the budget as printed.

    A change printed as "比年初预算减少X万元" is negative; the budget itself is
    stated by some documents ("年初预算为X万元") and derived by none here.
    """

    amount_yuan: Decimal
    initial_budget_yuan: Decimal | None
    change_yuan: Decimal | None  # signed: below the budget (or last year) is negative
    change_rate: Decimal | None  # as printed, signed like change_yuan
    change_base: str | None  # 'budget' (比年初预算) / 'previous_year' (比上年) / None
    explanation: str
    page: int
    sentence: str


@dataclass
class ProcurementLine:
    """One figure of the 政府采购 section.

    ``category``: 'total', 'goods', 'works', 'services', 'sme_awarded'
    (授予中小企业合同金额), 'small_micro_awarded' (其中授予小微企业), 'sme_reserved'
    (预留给中小企业), 'goods_sme' / 'works_sme' / 'services_sme' where printed.
    """

    category: str
    amount_yuan: Decimal | None
    share_percent: Decimal | None  # as printed ("占…的49.9%"), None where not printed
    page: int
    sentence: str


@dataclass
class StateAsset:
    """One figure of the 国有资产占用情况 section: a count of vehicles or equipment.

    ``asset_item``: 'vehicles_total', a vehicle kind as printed ('机要通信用车'),
    'equipment_over_1m' (单价100万元以上设备), 'housing_area' … ; ``quantity`` is
    the count printed (辆, 台（套）), ``value_yuan`` the value where printed.
    """

    asset_item: str
    quantity: Decimal | None
    unit: str  # '辆', '台（套）', '平方米' … as printed
    value_yuan: Decimal | None
    page: int
    sentence: str


@dataclass
class PerformanceEvaluation:
    """One row of a performance self-evaluation: a form's summary or one indicator.

    ``evaluation_kind`` is 'overall' (整体支出绩效) or 'project' (项目绩效);
    ``subject`` the project name as printed (the department for 'overall');
    ``indicator`` None for the summary row, else the 三级指标 as printed.
    Amounts in yuan; ``target`` and ``achieved`` are text as printed.
    ``source`` says where it was read: 'form' (Part 6 table) or 'narrative'.
    """

    evaluation_kind: str
    subject: str
    indicator: str | None
    page: int
    source: str
    indicator_level1: str | None = None  # 一级指标 (产出指标 …)
    indicator_level2: str | None = None  # 二级指标 (数量指标 …)
    budget_yuan: Decimal | None = None  # 全年预算数, or 年初预算数 where only that is printed
    initial_budget_yuan: Decimal | None = None  # 年初预算数 where printed
    actual_yuan: Decimal | None = None  # 全年执行数
    execution_rate: Decimal | None = None  # as printed, in percent (99.17)
    score: Decimal | None = None  # summary: 总分 / 自评得分; indicator: its 得分
    max_score: Decimal | None = None  # 分值
    target: str | None = None  # 年度指标值 / 年初目标值
    achieved: str | None = None  # 实际完成值
    deviation_reason: str | None = None  # 偏差原因 where printed
    sentence: str = ""  # the narrative sentence, or the form's title
    funds_score: Decimal | None = None  # summary: the 资金 row's 得分, part of the 总分


@dataclass
class ProsePage:
    """The text of one page that holds no standard table: cover, contents, Part 3 prose.

    Kept so that validation can read the document as an auditor does (the
    shares and rates of the explanations, the contents list, the headings'
    years); lines are joined by newlines, in NFKC with radicals mapped.
    """

    page: int
    text: str


@dataclass
class DocumentExtraction:
    source_file: str
    sha256: str
    document_id: str
    page_count: int
    department_name: str | None
    region: str | None
    fiscal_year: int | None
    document_kind: str | None  # 'final_account' / 'budget'
    reporting_scope: str | None  # 'department' / 'unit'
    source_unit: str | None  # the unit most tables print in
    tables: dict[str, ExtractedTable] = field(default_factory=dict)
    budget_execution: list[BudgetExecution] = field(default_factory=list)
    narrative_figures: list[NarrativeFigure] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # what could not be read, and why
    prose: list[ProsePage] = field(default_factory=list)  # pages without a standard table
    operating_cost: list[OperatingCost] = field(default_factory=list)  # none or one
    procurement: list[ProcurementLine] = field(default_factory=list)
    state_assets: list[StateAsset] = field(default_factory=list)
    performance: list[PerformanceEvaluation] = field(default_factory=list)
    extractor_version: str = EXTRACTOR_VERSION
    seconds: float = 0.0

    # -- serialisation for the extraction cache (Decimals kept as strings) --
    def to_json_dict(self) -> dict[str, Any]:
        return _decimals_to_str(asdict(self))

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> DocumentExtraction:
        tables = {
            code: ExtractedTable(
                table_code=t["table_code"],
                title=t["title"],
                printed_number=t["printed_number"],
                unit=t["unit"],
                pages=list(t["pages"]),
                columns=[Column(**c) for c in t["columns"]],
                rows=[
                    TableRow(
                        row_key=r["row_key"],
                        row_label=r["row_label"],
                        page=r["page"],
                        values={k: Decimal(v) for k, v in r["values"].items()},
                        side=r["side"],
                        line_no=r["line_no"],
                    )
                    for r in t["rows"]
                ],
                is_empty=t["is_empty"],
                note=t["note"],
                empty_declaration=t.get("empty_declaration", ""),
                declared_empty_with_amounts=t.get("declared_empty_with_amounts", False),
            )
            for code, t in data["tables"].items()
        }
        execution = [
            BudgetExecution(
                **{
                    **b,
                    "initial_budget_yuan": Decimal(b["initial_budget_yuan"]),
                    "final_yuan": Decimal(b["final_yuan"]),
                    "completion_rate": None
                    if b["completion_rate"] is None
                    else Decimal(b["completion_rate"]),
                }
            )
            for b in data["budget_execution"]
        ]
        figures = [
            NarrativeFigure(**{**f, "amount_yuan": Decimal(f["amount_yuan"])})
            for f in data["narrative_figures"]
        ]
        problems = [Problem.from_json_dict(p) for p in data["problems"]]
        prose = [ProsePage(int(p["page"]), p["text"]) for p in data.get("prose", [])]
        sections = {
            name: [record(**_decimals_from_str(item, record)) for item in data.get(name, [])]
            for name, record in SECTION_RECORDS.items()
        }
        scalars = {
            k: v
            for k, v in data.items()
            if k not in ("tables", "budget_execution", "narrative_figures", "problems", "prose")
            and k not in SECTION_RECORDS
        }
        return cls(
            **scalars,
            tables=tables,
            budget_execution=execution,
            narrative_figures=figures,
            problems=problems,
            prose=prose,
            **sections,  # type: ignore[arg-type]
        )


# The Part 3 sections and Part 6 forms, by their DocumentExtraction field.
SECTION_RECORDS: dict[str, type] = {
    "operating_cost": OperatingCost,
    "procurement": ProcurementLine,
    "state_assets": StateAsset,
    "performance": PerformanceEvaluation,
}


def _decimals_from_str(item: dict[str, Any], record: type) -> dict[str, Any]:
    """A serialised record's fields, its Decimal fields (by annotation) parsed back."""
    decimal_fields = {
        name for name, kind in record.__annotations__.items() if "Decimal" in str(kind)
    }
    return {
        key: Decimal(value) if key in decimal_fields and value is not None else value
        for key, value in item.items()
    }


def _decimals_to_str(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _decimals_to_str(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimals_to_str(v) for v in value]
    return value
