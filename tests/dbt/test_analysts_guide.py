"""docs/analysts.md: every SQL block of the guide, run on the sample warehouse, gives the
result printed under it; and the README points there instead of double counting."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests.support.paths import PROJECT_ROOT

GUIDE = PROJECT_ROOT / "docs" / "analysts.md"
README = PROJECT_ROOT / "README.md"


def examples(markdown: str) -> list[tuple[str, list[list[str]]]]:
    """Each ```sql block with the Markdown table that follows it (header row first)."""
    found = []
    for match in re.finditer(r"```sql\n(.*?)```\n(.*?)(?=```sql\n|\Z)", markdown, re.S):
        sql, after = match.group(1), match.group(2)
        table = []
        for line in after.splitlines():
            if line.startswith("|"):
                if not re.fullmatch(r"\|(-+\|)+", line.replace(" ", "")):
                    table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            elif table:
                break
        found.append((sql, table))
    return found


def shown(value: object) -> str:
    """A value as the guide prints it: exact decimals, NULL for a missing value."""
    if value is None:
        return "NULL"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


GUIDE_EXAMPLES = examples(GUIDE.read_text(encoding="utf-8"))


def test_the_guide_asks_ten_questions_each_with_its_sql_and_result() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert len(re.findall(r"^### \d+\. ", text, re.M)) == 10
    assert len(GUIDE_EXAMPLES) == 11  # the ten and the double-counting query it warns about
    assert all(len(table) >= 2 for _, table in GUIDE_EXAMPLES)


@pytest.mark.parametrize(
    "sql, expected", GUIDE_EXAMPLES, ids=[f"example-{i}" for i in range(len(GUIDE_EXAMPLES))]
)
def test_every_query_of_the_guide_gives_the_printed_result(
    sample_warehouse: Path,
    sql: str,
    expected: list[list[str]],
) -> None:
    connection = duckdb.connect(str(sample_warehouse), read_only=True)
    try:
        cursor = connection.execute(sql)
        header = [column[0] for column in cursor.description]
        rows = [[shown(value) for value in row] for row in cursor.fetchall()]
    finally:
        connection.close()
    assert [header, *rows] == expected


def test_the_right_total_is_a_third_of_the_double_counted_one() -> None:
    (wrong_sql, wrong_table), (right_sql, right_table) = GUIDE_EXAMPLES[:2]
    assert "marts.fct_expenditure_by_function" in wrong_sql
    assert "analytics.final_spending_by_function" in right_sql
    wrong, right = dict(wrong_table[1:]), dict(right_table[1:])
    assert wrong["2023"] == "17104810600.00" and right["2023"] == "5309557200.00"


def test_the_readme_links_the_guide_and_no_longer_double_counts() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "(docs/analysts.md)" in readme
    assert "sum(total_yuan) FROM marts.fct_expenditure_by_function GROUP BY 1" not in readme


def readme_block(heading: str, language: str) -> str:
    """The first ```language block under a README heading."""
    readme = README.read_text(encoding="utf-8")
    section = readme[readme.index(heading) :]
    return re.search(rf"```{language}\n(.*?)```", section, re.S).group(1)


def test_the_quick_start_commands_exist_with_their_options() -> None:
    import shlex

    from pipelines.cli import build_parser

    block = readme_block("## Quick start", "sh")
    commands = [
        shlex.split(line.split("  #")[0])
        for line in block.splitlines()
        if line.startswith("uv run fiscal ")
    ]
    assert [command[3] for command in commands] == ["run", "report", "show", "query"]
    for command in commands:
        build_parser().parse_args(command[3:])  # exits (fails the test) on a wrong option
    assert "analytics.final_spending_by_function" in commands[-1][4]


def test_the_quick_start_query_gives_the_final_accounts_total(
    sample_warehouse: Path,
) -> None:
    import shlex

    line = next(
        line
        for line in readme_block("## Quick start", "sh").splitlines()
        if line.startswith("uv run fiscal query ")
    )
    connection = duckdb.connect(str(sample_warehouse), read_only=True)
    try:
        rows = connection.execute(shlex.split(line)[4]).fetchall()
    finally:
        connection.close()
    assert rows[-1] == (2023, Decimal("5309557200.00"))
