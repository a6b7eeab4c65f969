"""The seed sample: Wuhan Science and Technology Bureau, 2023 final account, as published.

Every number of tables 01-09 and every budget-execution sentence is the
published one, including the document's own inconsistencies (see
``KNOWN_INCONSISTENCIES``). Layout follows the original: cover, Part 1
overview, Part 2 tables, Part 3 explanations, Parts 4-6.
"""

from __future__ import annotations

from decimal import Decimal

from pipelines.extraction.catalogue import THREE_PUBLIC_ITEMS
from tools.samples import seed_wuhan_tables as t
from tools.samples.accounts import (
    ZERO,
    EconomicLine,
    FinalAccount,
    FunctionLine,
    ThreePublic,
    wan,
)
from tools.samples.blocks import (
    Block,
    Cell,
    Grid,
    GridRow,
    Heading,
    PageBreak,
    Paragraph,
    Sentence,
    TableBlock,
)
from tools.samples.compose import table_blocks
from tools.samples.prose import executed, heading, lines_to_blocks, part, said
from tools.samples.sample import SampleDocument
from tools.samples.seed_wuhan_text import PART1, PART4, PART5, PART6
from tools.samples.statements import lines_01, lines_04
from tools.samples.style import TableStyle
from tools.samples.tables import TableContext

DEPARTMENT = "武汉市科学技术局"
REGION = "武汉市"
YEAR = 2023

KNOWN_INCONSISTENCIES = (
    "narrative 2060499 支出决算 113219.88 vs table 05 132145.98",
    "narrative 2060899 支出决算 3000 vs table 05 300.00",
    "narrative 三公 budget 28.65 vs table 09 total budget 15.67",
    "narrative 因公出国（境）费 budget 0 vs table 09 4.42",
    "narrative 2080506 completion 98.1% vs 109.20/119.30 = 91.5%",
)

COLUMNS = {
    "02": ["total", "fiscal_appropriation", "superior_subsidy", "business_income", "operating_income", "affiliated_remittance", "other_income"],
    "03": ["total", "basic", "project", "remit_to_higher", "business", "subsidy_to_affiliates"],
    "05": ["total", "basic", "project"],
}  # fmt: skip


def _function_lines(text: str, keys: list[str]) -> list[FunctionLine]:
    lines = []
    for row in text.strip("\n").split("\n"):
        code, name, *cells = row.split("|")
        lines.append(
            FunctionLine(code, name, {k: wan(c) for k, c in zip(keys, cells, strict=True)})
        )
    return lines


def _economic_lines(text: str) -> list[EconomicLine]:
    lines = []
    for row in text.strip("\n").split("\n"):
        code, name, amount = row.split("|")
        lines.append(EconomicLine(code, name, wan(amount)))
    return lines


def _three_public(text: str) -> dict[str, Decimal]:
    return {k: wan(v) for k, v in zip(THREE_PUBLIC_ITEMS, text.split("|"), strict=True)}


def seed_account() -> FinalAccount:
    """Tables 01-09 of the seed in yuan."""
    account = FinalAccount(
        t02=_function_lines(t.T02, COLUMNS["02"]),
        t03=_function_lines(t.T03, COLUMNS["03"]),
        t05=_function_lines(t.T05, COLUMNS["05"]),
        t06_panels=[
            _economic_lines(t.T06_PERSONNEL),
            _economic_lines(t.T06_GOODS),
            _economic_lines(t.T06_CAPITAL),
        ],
        t06_personnel_total=wan(t.T06_PERSONNEL_TOTAL),
        t06_public_total=wan(t.T06_PUBLIC_TOTAL),
        t09=ThreePublic(_three_public(t.T09_BUDGET), _three_public(t.T09_ACTUAL)),
    )
    account.t01_income, account.t01_expenditure = lines_01(
        {"fiscal_general": wan("243317.52"), "other_income": wan("296.70")},
        {"206": wan("242525.00"), "208": wan("841.45"), "210": wan("437.67"), "221": wan("640.51")},
        carry_begin=wan("830.41"),
    )
    general = {"206": "241457.84", "208": "781.50", "210": "437.67", "221": "640.51"}
    account.t04_income, account.t04_expenditure = lines_04(
        {"general_public_budget": wan("243317.52")},
        {code: {"general_public_budget": wan(v)} for code, v in general.items()},
        label_end_breakdown=False,
    )
    return account


def _part3() -> list[Block]:
    w = wan
    blocks: list[Block] = [*part(f"第三部分  {DEPARTMENT}{YEAR}年度部门决算情况说明")]
    p = Paragraph
    blocks += [
        heading("一、收入支出决算总体情况说明"),
        p(
            [
                said(
                    "2023年度收、支总计244444.63万元。",
                    ("total_income_expenditure", w("244444.63")),
                ),
                Sentence(
                    "与2022年度相比，收、支总计各增加76998.29万元，增长46.0%，主要原因是增加新型科技研发机构经费、上级转移支付资金等。"
                ),
            ]
        ),
        Paragraph.plain("图1：收、支决算总计变动情况", indent=False, size=10),
        heading("二、收入决算情况说明"),
        p(
            [
                said(
                    "2023年度收入合计243614.22万元，与2022年度相比，收入合计增加76175.39万元，增长45.5%，主要原因是增加新型科技研发机构经费、上级转移支付资金等。",
                    ("income_total", w("243614.22")),
                ),
                said(
                    "其中：财政拨款收入243317.52万元，占本年收入99.9%；",
                    ("fiscal_appropriation_income", w("243317.52")),
                ),
                Sentence("其他收入296.70万元，占本年收入0.1%；。"),
            ]
        ),
        Paragraph.plain("图2：收入决算结构", indent=False, size=10),
        heading("三、支出决算情况说明"),
        p(
            [
                said(
                    "2023年度支出合计244444.63万元，与2022年度相比，支出合计增加77005.80万元，增长46.0%，主要原因是新型科技研发机构经费、上级转移支付资金支出等。",
                    ("expenditure_total", w("244444.63")),
                ),
                said(
                    "其中：基本支出7121.78万元，占本年支出2.9%；",
                    ("basic_expenditure", w("7121.78")),
                ),
                said(
                    "项目支出237322.85万元，占本年支出97.1%。",
                    ("project_expenditure", w("237322.85")),
                ),
            ]
        ),
        Paragraph.plain("图3：支出决算结构", indent=False, size=10),
        heading("四、财政拨款收入支出决算总体情况说明"),
        p(
            [
                said("2023年度财政拨款收、支总计243317.52万元。", ("fiscal_total", w("243317.52"))),
                Sentence(
                    "与2022年度相比，财政拨款收、支总计各增加75871.18万元，增长45.3%。主要原因是增加新型科技研发机构经费、上级转移支付资金等。"
                ),
            ]
        ),
        Paragraph.plain(
            "2023年度财政拨款收入中，一般公共预算财政拨款收入243317.52万元，比2022年度决算数增加75878.69万元。增加主要原因是增加新型科技研发机构经费、上级转移支付资金等。"
        ),
        Paragraph.plain("图4：财政拨款收、支决算总计变动情况", indent=False, size=10),
        heading("五、一般公共预算财政拨款支出决算情况说明"),
        heading("（一）一般公共预算财政拨款支出决算总体情况"),
        p(
            [
                said(
                    "2023年度一般公共预算财政拨款支出243317.52万元，占本年支出合计的100%。",
                    ("general_budget_expenditure", w("243317.52")),
                ),
                Sentence(
                    "与2022年度相比，一般公共预算财政拨款支出增加75871.18万元，增长45.3%。主要原因是新型科技研发机构经费、上级转移支付资金支出等。"
                ),
            ]
        ),
        heading("（二）一般公共预算财政拨款支出决算结构情况"),
        p(
            [
                said(
                    "2023年度一般公共预算财政拨款支出243317.52万元，主要用于以下方面：",
                    ("general_budget_expenditure", w("243317.52")),
                )
            ]
        ),
        p(
            [
                said(
                    "1.科学技术支出（类）支出241457.84万元，占99.2%。",
                    ("general_budget_class:206", w("241457.84")),
                ),
                Sentence("主要是用于部门日常运行经费及科技研发资金等。"),
            ]
        ),
        p(
            [
                said(
                    "2.社会保障和就业支出（类）781.50万元，占0.3%。",
                    ("general_budget_class:208", w("781.50")),
                ),
                Sentence("主要是用于部门人员社会保障经费。"),
            ]
        ),
        p(
            [
                said(
                    "3.卫生健康支出（类）437.67万元，占0.2%。",
                    ("general_budget_class:210", w("437.67")),
                ),
                Sentence("主要是用于部门人员卫生健康保障经费。"),
            ]
        ),
        p(
            [
                said(
                    "4.住房保障支出（类）640.51万元，占0.3%。",
                    ("general_budget_class:221", w("640.51")),
                ),
                Sentence("主要是用于部门人员住房保障经费。"),
            ]
        ),
        heading("（三）一般公共预算财政拨款支出决算具体情况"),
        p(
            [
                Sentence(
                    "2023年度一般公共预算财政拨款支出年初预算为131876.25万元，支出决算为243317.52万元，完成年初预算的184.5%。"
                ),
                said(
                    "其中：基本支出6041.98万元，项目支出237275.54万元。",
                    ("general_budget_basic", w("6041.98")),
                    ("general_budget_project", w("237275.54")),
                ),
                Sentence(
                    "项目支出主要用于科学技术管理事务支出6038.78万元，保证了科技管理政务工作和各项业务正常开展；用于科技条件与服务支出1002.78万元，主要成效进一步完善科技服务公共平台、提升服务能力；归口管理的转制科研机构资金2955.88万元，有效保障科研单位离退休人员基本生活；科技研发资金227278.10万元，武汉首次进入自然指数科研城市排名全球前十。"
                ),
            ]
        ),
    ]
    blocks += [Paragraph([s]) for s in _executions()]
    blocks += [
        heading("六、一般公共预算财政拨款基本支出决算情况说明"),
        p(
            [
                said(
                    "2023年度一般公共预算财政拨款基本支出6041.98万元，其中：人员经费5081.12万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、医疗费、其他工资福利支出、离休费、退休费、抚恤金、医疗补助费、其他对个人和家庭的补助。",
                    ("general_budget_basic", w("6041.98")),
                    ("personnel_expenditure", w("5081.12")),
                )
            ]
        ),
        p(
            [
                said(
                    "公用经费960.86万元，主要包括：办公费、印刷费、咨询费、水费心、电费、邮电费、物业管理费、差旅费、因公出国（境）费用、维修（护）费、租赁费、会议费、培训费、公务接待费、劳务费、委托业务费、工会经费、福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出。",
                    ("public_expenditure", w("960.86")),
                )
            ]
        ),
        heading("七、政府性基金预算财政拨款收入支出决算情况说明"),
        Paragraph.plain("本单位2023年度无政府性基金预算财政拨款收入支出。"),
        heading("八、国有资本经营预算财政拨款支出决算情况说明"),
        Paragraph.plain("本单位2023年度无国有资本经营预算财政拨款支出。"),
        heading("九、财政拨款“三公”经费支出决算情况说明"),
        heading("（一）“三公”经费财政拨款支出决算总体情况说明"),
        p(
            [
                said(
                    "2023年度“三公”经费财政拨款支出预算为28.65万元，支出决算为13.73万元，完成预算的47.9%。",
                    ("three_public_budget", w("28.65")),
                    ("three_public_actual", w("13.73")),
                ),
                Sentence("决算数小于预算数的主要原因是压缩开支。"),
            ]
        ),
        heading("（二）“三公”经费财政拨款支出决算具体情况说明"),
        p(
            [
                said(
                    "1.因公出国（境）费预算为0万元，支出决算为4.42万元，比预算增加4.42万元，主要原因是临时新增1项出国团组。",
                    ("overseas_travel_budget", ZERO),
                    ("overseas_travel_actual", w("4.42")),
                )
            ]
        ),
        Paragraph.plain(
            "全年支出涉及出国（境）团组1个，累计1人次，主要用于开展国际科技合作和招商工作。"
        ),
        p(
            [
                said(
                    "2.公务用车购置及运行费支出决算为7.78万元，完成年初预算的66.5%；其中：",
                    ("vehicles_actual", w("7.78")),
                )
            ]
        ),
        Paragraph.plain("（1）本年度无购置（更新）公务用车。"),
        p(
            [
                said(
                    "（2）公务用车运行费7.78万元，完成年初预算的66.5%，比年初预算减少3.92万元，主要原因是压缩开支。",
                    ("vehicle_operation_actual", w("7.78")),
                ),
                Sentence(
                    "主要用于燃料费、维修费、过路过桥费、保险费等。截至2023年12月31日，开支财政拨款的公务用车保有量5辆。"
                ),
            ]
        ),
        p(
            [
                said(
                    "3.公务接待费支出决算为1.53万元，完成年初预算的9.0%，比年初预算减少15.42万元，主要原因是压缩开支。",
                    ("official_reception_actual", w("1.53")),
                ),
                Sentence(
                    "其中：国内公务接待支出1.53万元，接待对象主要是外省市调研、交流接待。2023年共接待国内来访团组24个，151人次。"
                ),
            ]
        ),
    ]
    blocks += lines_to_blocks(PART3_TAIL)
    return blocks


PART3_TAIL = """\
#十、机关运行经费支出说明
2023年度武汉市科学技术局机关运行经费支出470.70万元，比年初预算数减少28.46万元，降低5.7%。主要原因是压减支出等。
#十一、政府采购支出说明
2023年度武汉市科学技术局（本级）政府采购支出总额693.51万元，其中：政府采购货物支出60.75万元、政府采购服务支出632.76万元。授予中小企业合同金额346.31万元，占政府采购支出总额的49.9%。
#十二、国有资产占用情况说明
截至2023年12月31日，武汉市科学技术局（本级）共有车辆5辆，其中，机要通信用车2辆，应急保障用车2辆、离退休干部服务用车1辆。单价100万元（含）以上设备（不含车辆）0台（套）。
#十三、预算绩效情况说明
#（一）预算绩效管理工作开展情况
根据预算绩效管理要求，我单位组织对2023年度一般公共预算项目支出全面开展绩效自评，共涉及项目3个，资金237275.54万元，占一般公共预算项目支出总额的97.5%。从绩效评价情况来看，整体支出经费执行情况良好，符合《预算法》《武汉市人民代表大会常务委员会关于加强市级预算审查监督的暂行办法》等规定，财政预算资金使用规范，符合拟定预算、立项的规定。
#（二）单位整体支出自评结果
我部门组织对1个单位开展整体支出绩效自评，从评价情况来看，评定等级为“优”。
#（三）项目支出自评结果
我部门在2023年度部门决算中反映所有项目绩效自评结果（不包括涉密项目），共涉及3个一级项目。
1.科学技术管理事务支出项目绩效自评综述：项目全年预算数为3759.68万元，执行数为3728.35万元，完成预算的99.2%。主要产出和效益是：一是组织完成科技成果转化对接活动4场；二是对接活动签约项目130项；三是覆盖国家、省市武汉科技创新宣传449篇；四是市级科技项目立项718项；五是科技创新内容更新218篇；六是办理外国人来华工作许可2257批，来华A类人才比例36.7%；七是实现对口村脱贫户不返贫，村集体经济收入增加；八是年度离退休人员财政补助部分离退休费拨款到位率100%；九是保障了科研单位400名离退休人员基本生活。发现的问题及原因：个别绩效目标设置不够合理，与年初目标值相差较大。下一步改进措施：增强绩效目标设置的合理性。
2.科学条件与服务支出项目绩效自评综述：项目全年预算数为1227.42万元，执行数为1046.85万元，完成预算的85.3%。主要产出和效益是：一是市级孵化器、众创空间、星创天地认定备案56家；二是完成年度孵化器、众创空间发展报告1份；三是科技型中小企业评价入库12581家；四是大型仪器共享平台入网9636台套；五是企业申报武汉科技创新券757家；六是培训企业4200余家；七是举办科技创业投资沙龙活动21场；八是举办科普竞技及教育活动3场；九是科技文献下载量285万篇；十是制作平台及联络员成果推广小视频33项。发现的问题及原因：个别绩效目标设置不够合理，与年初目标值相差较大。设定绩效目标均已完成。
3.科技研发资金项目绩效自评综述：项目全年预算数为128270万元，执行数为128269.96万元，完成预算的100.0%。主要产出和效益是：一是支持湖北实验室7家，支持新型研发机构建设6个；二是支持成果转化项目及中试平台建设13项，科技重大专项14项，重点研发项目160项；三是全市高新技术企业达到15323家；四是实现技术合同登记2198.43万元；五是全市科技贷款余额4496.97亿元。发现的问题及原因：一是预算精准性有待提高，国家项目配套等编制不精准；二是绩效目标设置不够科学，个别项目绩效目标与实际工作匹配度不高；三是年内有两项绩效目标未达标，主要是政策调整原因。下一步改进措施：一是提高预算编制精准性；二是增强绩效目标设置的科学性。
#（四）绩效自评结果应用情况
主要应用：一是重视预算编制工作。通过全面深入调研，充分掌握项目相关工作目标、计划信息，准确测算各项科技计划所需资金额度。科学设置绩效目标，确保指标内涵清晰，可衡量，确保指标值具有一定挑战性。二是优化和健全绩效考核指标体系，注重刚性和一定约束力的考核指标制定，全面反映和突出绩效成果。合理设计绩效目标和指标，全面反映项目的产出和效益。三是坚持绩效目标导向，建立项目绩效监控的长效机制，确保项目实施管理与成效有效掌控。
"""

# (number, 类/款/项 path as printed, code, initial 万元, final 万元, rate, explanation)
EXECUTIONS = [
    (1, "科学技术支出（类）科学技术管理事务（款）行政运行（项）", "2060101", "2191.67", "1930.32", "88.1", "支出决算数小于年初预算数的主要原因是人员经费增人增资部分未执行到位"),
    (2, "科学技术支出（类）科学技术管理事务（款）其他科学技术管理事务支出（项）", "2060199", "3303.78", "6038.78", "182.8", "支出决算数大于年初预算数的主要原因是代拨解决武汉科技大厦房产遗留问题资金"),
    (3, "科学技术支出（类）基础研究（款）实验室及相关设施（项）", "2060204", "0", "1500", None, "支出决算数大于年初预算数的主要原因是代拨省财政厅下达专项资金"),
    (4, "科学技术支出（类）技术研究开发（款）其他技术研究与开发支出（项）", "2060499", "119725.88", "113219.88", "94.6", "支出决算数小于年初预算数的主要原因是部分财政线上单位科技研发资金拨款转由市财政局拨付等"),
    (5, "科学技术支出（类）科技条件与服务（款）机构运行（项）", "2060501", "3440.13", "2251.98", "65.5", "支出决算数小于年初预算数的主要原因是人员绩效待遇未执行等"),
    (6, "科学技术支出（类）科技条件与服务（款）其他科技条件与服务支出（项）", "2060599", "1027.42", "1002.78", "97.6", ""),
    (7, "科学技术支出（类）科技交流与合作（款）其他科技交流与合作支出（项）", "2060899", "0", "3000", None, "支出决算数大于年初预算数的主要原因是代拨省财政厅下达专项资金"),
    (8, "科学技术支出（类）科技重大项目（款）重点研发计划（项）", "2060902", "0", "46288", None, "支出决算数大于年初预算数的主要原因是代拨省财政厅下达专项资金"),
    (9, "科学技术支出（类）其他科学技术支出（款）其他科学技术支出（项）", "2069999", "0", "50000", None, "支出决算数大于年初预算数的主要原因是代拨新型科技研发机构经费"),
    (10, "社会保障和就业支出（类）行政事业养老支出（款）行政单位离退休（项）", "2080501", "40.60", "40.60", "100.0", ""),
    (11, "社会保障和就业支出（类）行政事业养老支出（款）事业单位离退休（项）", "2080502", "15.67", "14.83", "94.6", ""),
    (12, "社会保障和就业支出（类）行政事业养老支出（款）机关事业单位基本养老保险缴费支出（项）", "2080505", "703.86", "595.86", "84.7", "支出决算数小于年初预算数的主要原因是人员变动等"),
    (13, "社会保障和就业支出（类）行政事业养老支出（款）机关事业单位职业年金缴费支出（项）", "2080506", "119.30", "109.20", "98.1", ""),
    (14, "社会保障和就业支出（类）其他社会保障和就业支出（款）其他社会保障和就业支出（项）", "2089999", "27.23", "21.01", "77.2", "支出决算数小于年初预算数的主要原因是人员变动等"),
    (15, "卫生健康支出（类）行政事业单位医疗支出（款）行政单位医疗（项）", "2101101", "109", "101.31", "92.9", "支出决算数小于年初预算数的主要原因是人员变动等"),
    (16, "卫生健康支出（类）行政事业单位医疗支出（款）事业单位医疗（项）", "2101102", "226.67", "197.36", "87.1", "支出决算数小于年初预算数的主要原因是人员变动等"),
    (17, "卫生健康支出（类）行政事业单位医疗支出（款）公务员医疗（项）", "2101103", "139", "139", "100.0", ""),
    (18, "住房保障支出（类）住房改革支出（款）住房公积金（项）", "2210201", "566.61", "448.29", "79.1", "支出决算数小于年初预算数的主要原因是人员变动等"),
    (19, "住房保障支出（类）住房改革支出（款）提租补贴（项）", "2210202", "84.43", "51.16", "60.6", "支出决算数小于年初预算数的主要原因是年初测算数偏高"),
    (20, "住房保障支出（类）住房改革支出（款）购房补贴（项）", "2210203", "154.98", "141.06", "91.0", "支出决算数小于年初预算数的主要原因是年初测算数偏高"),
]  # fmt: skip


def _executions() -> list[Sentence]:
    """The 20 '…（项）。年初预算为…' paragraphs, worded as published."""
    sentences = []
    for number, label, code, initial, final, rate, why in EXECUTIONS:
        text = f"{number}.{label}。年初预算为{initial}万元，支出决算为{final}万元"
        if rate is not None:
            text += f"，完成年初预算的{rate}%"
        if why:
            text += ("。" if number == 5 else "，") + why
        text += "。"
        sentences.append(
            executed(
                text,
                code=code,
                label=label,
                initial=wan(initial),
                final=wan(final),
                rate=rate,
                explanation=why,
            )
        )
    return sentences


def _performance_table() -> TableBlock:
    """Part 6: the first project self-evaluation form (not a standard table)."""
    rows: list[list[tuple[str, int, int]]] = [
        [("项目名称", 0, 2), ("科学技术管理事务支出", 2, 5)],
        [("主管部门", 0, 2), ("武汉市科学技术局", 2, 2), ("项目实施单位", 4, 1), ("武汉市科学技术局", 5, 2)],
        [("项目类别", 0, 2), ("1、部门预算项目√   2、市直专项       3、市对下转移支付项目", 2, 5)],
        [("项目属性", 0, 2), ("1、持续性项目√     2、新增性项目", 2, 5)],
        [("项目类型", 0, 2), ("1、常年性项目√     2、延续性项目      3、一次性项目", 2, 5)],
        [("预算执行情况\n（万元）\n（20分）", 0, 2), ("项目", 2, 1), ("预算数（A）", 3, 1), ("执行数（B）", 4, 1), ("执行率（B/A）", 5, 1), ("得分\n（20分*执行率）", 6, 1)],
        [("", 0, 2), ("年度财政资金总额", 2, 1), ("3759.68", 3, 1), ("3728.35", 4, 1), ("99.17%", 5, 1), ("19.83", 6, 1)],
        [("一级指标", 0, 1), ("二级指标", 1, 1), ("三级指标", 2, 2), ("年初目标值（A）", 4, 1), ("实际完成值（B）", 5, 1), ("得分", 6, 1)],
    ]  # fmt: skip
    indicators = [
        ("产出指标", "数量指标", "办理外国人来华工作许可", "2000批", "2257批", "4"),
        ("", "", "市科技成果转化对接活动", "4场", "4场", "4"),
        ("", "", "武汉科技创新宣传数量", "≥50次期条", "449篇", "4"),
        ("", "", "市级科技项目立项数", "200项", "718项", "4"),
        ("", "", "年度离退休人员财政补助部分离退休费拨款到位率", "100%", "100%", "4"),
        ("", "质量指标", "来华A类人才比例*", "30%", "36.7%", "5"),
        ("", "", "宣传覆盖区域", "国家、省市", "国家、省市", "5"),
        ("", "", "政策性补助拨款", "100%", "100%", "5"),
        ("", "时效指标", "按时完成成果转化对接活动", "100%", "100%", "5"),
        ("", "", "按季度拨款", "100%", "100%", "5"),
        ("效益指标", "经济效益指标", "对口村集体收入", "18万元", "50.55万元", "5"),
        ("", "社会效益指标", "返贫致贫人口数", "0人", "0人", "5"),
        ("", "", "党建考核", "优秀", "优秀", "5"),
        ("", "", "活动签约项目", "120项", "130项", "5"),
        ("", "", "科技创新内容更新篇幅", "160篇", "218篇", "5"),
        ("", "", "保障科研单位离退休人员基本生活人数", "400人", "400人", "5"),
        ("满意度指标", "社会公众或服务对象满意度指标", "科技服务对象满意度", "≥95%", "≥95%", "5"),
    ]
    for first, second, third, target, actual, score in indicators:
        rows.append(
            [
                (first, 0, 1),
                (second, 1, 1),
                (third, 2, 2),
                (target, 4, 1),
                (actual, 5, 1),
                (score, 6, 1),
            ]
        )
    rows += [
        [("总分", 0, 6), ("99.83", 6, 1)],
        [("偏差大或\n目标未完成\n原因分析", 0, 2), ("项目主要用于促进高新技术产业发展、全市科技成果转化对接活动、科技业务管理、转制科研机构相关开支。年度绩效目标均已完成，但存在个别指标设置与年初目标值相差较大的情况，主要原因是个别指标设置不够合理。", 2, 5)],
        [("改进措施及\n结果应用方案", 0, 2), ("进一步细化预算，注重预算资金编制的准确性、预算绩效目标设定合理性，确保预算执行和年度绩效目标如期完成。", 2, 5)],
    ]  # fmt: skip
    body = [
        GridRow(
            [
                Cell(
                    text,
                    col,
                    colspan=span,
                    align="left" if span >= 3 and len(text) > 12 else "center",
                )
                for text, col, span in row
            ]
        )
        for row in rows
    ]
    return TableBlock(
        title="2023年度科学技术管理事务支出项目自评表",
        grid=Grid([1.2, 1.5, 2.2, 1.6, 1.6, 1.6, 1.2], [], body, font_size=8.5),
        department_line=f"单位名称：{DEPARTMENT}",
        unit_line="填报日期：2024年6月30日",
        title_size=13,
        new_page=False,
    )


def seed_blocks() -> list[Block]:
    """The whole seed document, cover to Part 6."""
    ctx = TableContext(DEPARTMENT, YEAR, TableStyle(repeat_header=False))
    tables = table_blocks(
        ctx,
        seed_account(),
        break_before={"02": ("2210203",), "03": ("2210203",), "05": ("2210203",)},
    )
    blocks: list[Block] = [
        Heading(DEPARTMENT, size=24, space_before=200, space_after=20),
        Heading(f"{YEAR}年度部门决算", size=24, space_after=40),
        *part(f"第一部分  {DEPARTMENT}概况"),
        *lines_to_blocks(PART1),
        *part(f"第二部分  {DEPARTMENT}{YEAR}年度部门决算表"),
        *tables,
        *_part3(),
        *part(f"第四部分  {YEAR}年重点工作完成情况"),
        *lines_to_blocks(PART4),
        *part("第五部分  名词解释"),
        *lines_to_blocks(PART5),
        *part("第六部分  附件"),
        *lines_to_blocks(PART6),
        PageBreak(),
        Heading("二、2023年度项目绩效自评表", size=13, align="left", space_before=0, space_after=0),
        _performance_table(),
    ]
    return blocks


def seed_sample() -> SampleDocument:
    """The seed sample document, written to raw/."""
    return SampleDocument(
        file_name="wuhan-kjj-2023-final.pdf",
        department_name=DEPARTMENT,
        region=REGION,
        fiscal_year=YEAR,
        reporting_scope="department",
        unit="万元",
        blocks=seed_blocks(),
        traits=(
            "seed",
            "all nine tables",
            "narrative inconsistencies",
            "landscape 06",
            "12-column 09",
        ),
        known_inconsistencies=KNOWN_INCONSISTENCIES,
    )
