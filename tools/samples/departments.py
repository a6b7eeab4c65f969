"""The synthetic departments: who they are and which function codes they spend on.

What they say of themselves (duties, units) is in ``prose/departments.toml``.

Codes and names follow the national 支出功能分类科目 (2021-2024 editions).
Each 项 is marked 'admin' (行政运行: basic spending of the office),
'institution' (事业/机构运行: basic spending of service units, may earn
事业收入) or 'project' (project spending).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tools.samples.blocks import Block
from tools.samples.passages import passage, prose
from tools.samples.style import TableStyle

Item = tuple[str, str, str]  # (7-digit code, name, kind)
Section = tuple[str, str, list[Item]]  # (5-digit code, name, items)


@dataclass(frozen=True)
class DepartmentProfile:
    """A department the generator invents final accounts for."""

    slug: str
    name: str
    region: str
    main_class: tuple[str, str]
    sections: list[Section]
    scale: int  # roughly the project spending, in 万元
    fund_class: tuple[str, str] | None = None  # government fund (07) class, if any
    fund_sections: list[Section] = field(default_factory=list)
    style: TableStyle = TableStyle()
    order: tuple[str, ...] = ("01", "02", "03", "04", "05", "06", "07", "08", "09")
    page_breaks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # table -> codes
    # (项 code, yuan): a refund of spending booked as negative 其他收入 in table 02
    refunds: tuple[tuple[str, int], ...] = ()

    @property
    def duties(self) -> list[str]:
        """What the department is for, as its Part 1 lists it (prose/departments.toml)."""
        return prose("departments")[self.slug]["duties"]

    @property
    def units(self) -> list[str]:
        """The units its documents cover, the department itself first."""
        return prose("departments")[self.slug]["units"]

    def classes(self, *, fund: bool = True) -> list[tuple[str, str, list[Section]]]:
        """(code, name, sections) of each class it spends on: its own, the personnel
        classes every department shares, then its government fund's (if ``fund``)."""
        classes = [(*self.main_class, self.sections), *PERSONNEL_ITEMS]
        if fund and self.fund_class:
            classes.append((*self.fund_class, self.fund_sections))
        return classes

    def function_names(self) -> dict[str, str]:
        """Function code -> name, for every 类, 款 and 项 it spends on."""
        names = {}
        for class_code, class_name, sections in self.classes():
            names[class_code] = class_name
            for section_code, section_name, items in sections:
                names[section_code] = section_name
                names.update((code, name) for code, name, _ in items)
        return names

    def item_kinds(self, *, fund: bool = True) -> dict[str, str]:
        """项 code -> 'admin' | 'institution' | 'project' | 'pension' | …, in code-list order."""
        return {
            code: kind
            for _, _, sections in self.classes(fund=fund)
            for _, _, items in sections
            for code, _, kind in items
        }

    def overview(self, coverage: str) -> list[Block]:
        """Part 1 of its documents: numbered duties, ``coverage``, then the units covered."""
        values = {"duties": self.duties, "units": self.units, "coverage": coverage}
        return passage(prose("departments")["overview"], values)


EDUCATION = DepartmentProfile(
    slug="wuhan-jyj",
    name="武汉市教育局",
    region="武汉市",
    main_class=("205", "教育支出"),
    sections=[  # fmt: skip
        (
            "20501",
            "教育管理事务",
            [
                ("2050101", "行政运行", "admin"),
                ("2050102", "一般行政管理事务", "project"),
                ("2050199", "其他教育管理事务支出", "project"),
            ],
        ),
        (
            "20502",
            "普通教育",
            [
                ("2050201", "学前教育", "project"),
                ("2050204", "高中教育", "institution"),
                ("2050299", "其他普通教育支出", "project"),
            ],
        ),
        (
            "20503",
            "职业教育",
            [("2050302", "中等职业教育", "institution"), ("2050305", "高等职业教育", "project")],
        ),
        (
            "20508",
            "进修及培训",
            [("2050801", "教师进修", "project"), ("2050803", "培训支出", "project")],
        ),
        ("20599", "其他教育支出", [("2059999", "其他教育支出", "project")]),
    ],
    scale=90000,
    fund_class=("229", "其他支出"),
    fund_sections=[
        ("22960", "彩票公益金安排的支出", [("2296006", "用于教育事业的彩票公益金", "project")])
    ],
    style=TableStyle(repeat_header=False),
)

HEALTH = DepartmentProfile(
    slug="putuo-wjw",
    name="上海市普陀区卫生健康委员会",
    region="上海市普陀区",
    main_class=("210", "卫生健康支出"),
    sections=[  # fmt: skip
        (
            "21001",
            "卫生健康管理事务",
            [
                ("2100101", "行政运行", "admin"),
                ("2100102", "一般行政管理事务", "project"),
                ("2100199", "其他卫生健康管理事务支出", "project"),
            ],
        ),
        (
            "21002",
            "公立医院",
            [
                ("2100201", "综合医院", "institution"),
                ("2100202", "中医（民族）医院", "institution"),
                ("2100299", "其他公立医院支出", "project"),
            ],
        ),
        (
            "21003",
            "基层医疗卫生机构",
            [
                ("2100302", "乡镇卫生院", "project"),
                ("2100399", "其他基层医疗卫生机构支出", "project"),
            ],
        ),
        (
            "21004",
            "公共卫生",
            [
                ("2100401", "疾病预防控制机构", "institution"),
                ("2100402", "卫生监督机构", "institution"),
                ("2100408", "基本公共卫生服务", "project"),
                ("2100409", "重大公共卫生服务", "project"),
                ("2100410", "突发公共卫生事件应急处理", "project"),
            ],
        ),
        (
            "21007",
            "计划生育事务",
            [
                ("2100717", "计划生育服务", "project"),
                ("2100799", "其他计划生育事务支出", "project"),
            ],
        ),
    ],
    scale=60000,
    fund_class=("229", "其他支出"),
    fund_sections=[
        ("22960", "彩票公益金安排的支出", [("2296013", "用于城乡医疗救助的彩票公益金", "project")])
    ],
    style=TableStyle(numbering="none", form_09="6col", repeat_header=True, zero="0.00"),
    order=("01", "02", "03", "04", "05", "06", "09", "07", "08"),
    page_breaks={"03": ("221",), "05": ("221",)},
)

TRANSPORT = DepartmentProfile(
    slug="nanjing-jtj",
    name="南京市交通运输局",
    region="南京市",
    main_class=("214", "交通运输支出"),
    sections=[  # fmt: skip
        (
            "21401",
            "公路水路运输",
            [
                ("2140101", "行政运行", "admin"),
                ("2140102", "一般行政管理事务", "project"),
                ("2140104", "公路建设", "project"),
                ("2140106", "公路养护", "institution"),
                ("2140112", "公路运输管理", "institution"),
                ("2140199", "其他公路水路运输支出", "project"),
            ],
        ),
        (
            "21404",
            "成品油价格改革对交通运输的补贴",
            [
                ("2140401", "对城市公交的补贴", "project"),
                ("2140402", "对农村道路客运的补贴", "project"),
            ],
        ),
        (
            "21499",
            "其他交通运输支出",
            [
                ("2149901", "公共交通运营补助", "project"),
                ("2149999", "其他交通运输支出", "project"),
            ],
        ),
    ],
    scale=120000,
    fund_class=("214", "交通运输支出"),
    fund_sections=[
        (
            "21460",
            "车辆通行费安排的支出",
            [
                ("2146001", "公路还贷", "project"),
                ("2146099", "其他车辆通行费安排的支出", "project"),
            ],
        )
    ],
    style=TableStyle(numbering="chinese", zero="-", repeat_header=True),
)

STATISTICS = DepartmentProfile(
    slug="nanjing-tjj",
    name="南京市统计局",
    region="南京市",
    main_class=("201", "一般公共服务支出"),
    sections=[  # fmt: skip
        (
            "20105",
            "统计信息事务",
            [
                ("2010501", "行政运行", "admin"),
                ("2010502", "一般行政管理事务", "project"),
                ("2010505", "专项统计业务", "project"),
                ("2010507", "专项普查活动", "project"),
                ("2010508", "统计抽样调查", "institution"),
                ("2010599", "其他统计信息事务支出", "project"),
            ],
        ),
        ("20131", "党委办公厅（室）及相关机构事务", [("2013150", "事业运行", "institution")]),
    ],
    scale=3000,
    style=TableStyle(zero="0.00"),
)

PROFILES = (EDUCATION, HEALTH, TRANSPORT, STATISTICS)
YEARS = (2021, 2022, 2023)  # each publishes a final account and a budget for these

PERSONNEL_ITEMS: list[tuple[str, str, list[Section]]] = [
    ("208", "社会保障和就业支出", [
        ("20805", "行政事业单位养老支出", [("2080501", "行政单位离退休", "pension"), ("2080502", "事业单位离退休", "pension"), ("2080505", "机关事业单位基本养老保险缴费支出", "pension"), ("2080506", "机关事业单位职业年金缴费支出", "pension")]),
    ]),
    ("210", "卫生健康支出", [
        ("21011", "行政事业单位医疗", [("2101101", "行政单位医疗", "medical"), ("2101102", "事业单位医疗", "medical"), ("2101103", "公务员医疗补助", "medical")]),
    ]),
    ("221", "住房保障支出", [
        ("22102", "住房改革支出", [("2210201", "住房公积金", "housing"), ("2210202", "提租补贴", "housing"), ("2210203", "购房补贴", "housing")]),
    ]),
]  # fmt: skip
