"""`fiscal show`, `search` and `query` end to end on the sample warehouse.

Each figure the commands print is checked against the PDF itself: the amount
shown with "file p.N" is printed on page N of that file.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from tests.support.paths import SAMPLE_DIR
from tests.support.sample_warehouse import FISCAL


def fiscal(warehouse: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FISCAL), *arguments, "--warehouse", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def printed_on_page(amount: str, source_file: str, page: int) -> bool:
    """Whether ``amount`` (as shown, '244,444.63') is printed on that page of the PDF."""
    with pdfplumber.open(SAMPLE_DIR / source_file) as pdf:
        text = pdf.pages[page - 1].extract_text() or ""
    return amount.replace(",", "") in re.findall(r"[0-9]+\.[0-9]+", text.replace(",", ""))


def section(output: str, title: str) -> list[str]:
    """The table lines under a heading of `fiscal show` (header and rule left out)."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    body = []
    for line in lines[start + 3 :]:
        if not line.strip():
            break
        body.append(line)
    return body


def test_show_finds_a_department_by_its_abbreviation_and_prints_its_figures(
    sample_warehouse: Path,
) -> None:
    shown = fiscal(sample_warehouse, "show", "武汉科技局")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert out.startswith("武汉市科学技术局 (武汉市)")
    totals = section(out, "Total expenditure, all funds")
    assert totals == [
        "2023  131,876.23  244,444.63      112,568.40    185.36%  wuhan-kjj-2023-final.pdf p.8"
    ]
    assert printed_on_page("244,444.63", "wuhan-kjj-2023-final.pdf", 8)
    classes = section(out, "By function class")
    science = next(line for line in classes if " 206 " in line)
    assert "科学技术支出" in science and "Science and technology" in science
    assert "129,688.88" in science and "242,525.00" in science
    assert printed_on_page("242,525.00", "wuhan-kjj-2023-final.pdf", 8)
    three_public = section(out, '"三公" costs')
    assert three_public == [
        "2023   28.65  13.73     47.92%             4.42      7.78       1.53"
        "  wuhan-kjj-2023-final.pdf p.16"
    ]
    assert printed_on_page("13.73", "wuhan-kjj-2023-final.pdf", 16)
    running = section(out, "Running costs (机关运行经费)")
    assert running == ["2023  499.16  470.70  -28.46 (-5.70%)  wuhan-kjj-2023-final.pdf p.21"]
    assert printed_on_page("470.70", "wuhan-kjj-2023-final.pdf", 21)
    # the seed document's own disagreements, with their pages
    assert "Findings (5)" in out
    findings = [line for line in out.splitlines() if line.startswith("- 2023")]
    assert [re.search(r"p\.(\d+)", line).group(1) for line in findings] == [
        "18",
        "19",
        "19",
        "20",
        "20",
    ]
    assert all("the document contradicts itself" in line for line in findings)


def test_show_over_years_and_for_one_year(sample_warehouse: Path) -> None:
    every_year = fiscal(sample_warehouse, "show", "卫健委")
    assert every_year.returncode == 0, every_year.stderr
    totals = section(every_year.stdout, "Total expenditure, all funds")
    assert [line.split()[0] for line in totals] == ["2021", "2022", "2023"]
    one_year = fiscal(sample_warehouse, "show", "普陀区卫生健康委员会", "--year", "2022")
    assert one_year.returncode == 0, one_year.stderr
    (line,) = section(one_year.stdout, "Total expenditure, all funds")
    year, budget, final, *_ = line.split()
    assert (year, budget, final) == ("2022", "75,298.54", "73,544.52")
    assert printed_on_page(final, "putuo-wjw-2022-final.pdf", 6)
    assert "Findings (0)" in one_year.stdout


def test_show_asks_for_more_when_a_name_fits_several(sample_warehouse: Path) -> None:
    several = fiscal(sample_warehouse, "show", "南京")
    assert several.returncode == 1
    assert "several departments match '南京'" in several.stderr
    assert "南京市统计局" in several.stderr and "南京市交通运输局" in several.stderr
    none = fiscal(sample_warehouse, "show", "国家航天局")
    assert none.returncode == 1
    assert "no department matches" in none.stderr
    missing_year = fiscal(sample_warehouse, "show", "南京市统计局", "--year", "2019")
    assert missing_year.returncode == 1
    assert "has no document for 2019" in missing_year.stderr


def test_search_lists_departments_and_function_names(sample_warehouse: Path) -> None:
    found = fiscal(sample_warehouse, "search", "交通")
    assert found.returncode == 0, found.stderr
    assert "南京市交通运输局" in found.stdout
    functions = found.stdout.split("Function classification")[1]
    transport = next(line for line in functions.splitlines() if line.startswith("214 "))
    assert "交通运输支出" in transport
    by_code = fiscal(sample_warehouse, "search", "2060101")
    assert by_code.returncode == 0
    assert "行政运行" in by_code.stdout
    nothing = fiscal(sample_warehouse, "search", "航天")
    assert nothing.returncode == 1
    assert "nothing matches" in nothing.stdout


def test_search_spending_of_a_class_is_the_sum_of_its_final_accounts(
    sample_warehouse: Path,
) -> None:
    found = fiscal(sample_warehouse, "search", "214")
    line = next(line for line in found.stdout.splitlines() if line.startswith("214 "))
    listed = Decimal(line.split()[-1].replace(",", ""))
    by_query = fiscal(
        sample_warehouse,
        "query",
        "--csv",
        "SELECT sum(total_yuan) FROM analytics.final_spending_by_function WHERE class_code = '214'",
    )
    (total,) = list(csv.reader(io.StringIO(by_query.stdout)))[1]
    assert listed * 10000 == Decimal(total)
    # 南京市交通运输局's three final accounts, as their 03 tables print class 214
    assert listed == Decimal("401454.24")
    for source_file, printed in [
        ("nanjing-jtj-2021-final.pdf", "146678.43"),
        ("nanjing-jtj-2022-final.pdf", "138738.46"),
        ("nanjing-jtj-2023-final.pdf", "116037.35"),
    ]:
        assert printed_on_page(printed, source_file, 6)
    assert Decimal("146678.43") + Decimal("138738.46") + Decimal("116037.35") == listed


def test_query_prints_a_table_and_csv(sample_warehouse: Path) -> None:
    sql = (
        "SELECT fiscal_year, sum(total_yuan) AS final_yuan "
        "FROM analytics.final_spending_by_function GROUP BY 1 ORDER BY 1"
    )
    table = fiscal(sample_warehouse, "query", sql)
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[-2].split() == ["2023", "5309557200.00"]
    assert table.stdout.rstrip().endswith("(3 rows)")
    as_csv = fiscal(sample_warehouse, "query", sql, "--csv")
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["fiscal_year", "final_yuan"],
        ["2021", "3112739900.00"],
        ["2022", "3206994700.00"],
        ["2023", "5309557200.00"],
    ]


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM marts.dim_document",
        "CREATE TABLE main.scratch AS SELECT 1",
        "COPY (SELECT 1) TO '/tmp/fiscal-query-escape.csv'",
    ],
)
def test_query_cannot_write(sample_warehouse: Path, sql: str) -> None:
    refused = fiscal(sample_warehouse, "query", sql)
    assert refused.returncode == 1
    assert refused.stderr.startswith("fiscal query: ")
    assert len(refused.stderr.strip().splitlines()) == 1
    assert not Path("/tmp/fiscal-query-escape.csv").exists()
    counted = fiscal(sample_warehouse, "query", "--csv", "SELECT count(*) FROM marts.dim_document")
    assert counted.stdout.splitlines()[1] == "26"


def test_query_names_a_mistake_in_one_line(sample_warehouse: Path) -> None:
    wrong = fiscal(sample_warehouse, "query", "SELECT * FROM analytics.no_such_table")
    assert wrong.returncode == 1
    assert "no_such_table" in wrong.stderr
