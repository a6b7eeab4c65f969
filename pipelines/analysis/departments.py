"""Finding a department from what a person types: a name, part of it, an abbreviation.

Chinese department names are abbreviated by dropping characters, not words
(科学技术局 → 科技局, 卫生健康委员会 → 卫健委), so besides exact and substring
matches a query whose characters all appear in the name in order counts as a
close match; anything else is scored by the longest common pieces (difflib).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

import duckdb

from pipelines.analysis.warehouse import records

#: below this a name is not offered as a match at all
MIN_SCORE = 0.5


@dataclass(frozen=True)
class Department:
    department_id: str
    department_name: str
    region: str | None
    first_year: int | None
    last_year: int | None
    document_count: int


@dataclass(frozen=True)
class Match:
    department: Department
    score: float
    matched_name: str  # the name (or printed variant) that matched


def normalise(text: str) -> str:
    """NFKC, no whitespace, no '部门：' prefix, ASCII brackets: how names are compared."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    return re.sub(r"^(部门|单位|预算主管部门|主管部门)[:：]", "", text)


def is_subsequence(query: str, name: str) -> bool:
    """Every character of ``query`` appears in ``name``, in order (an abbreviation)."""
    characters = iter(name)
    return all(ch in characters for ch in query)


def name_score(query: str, name: str) -> float:
    """How well ``query`` names ``name``: 1 exact, 0.95 part of it, 0.8–0.9 an abbreviation."""
    query, name = normalise(query), normalise(name)
    if not query or not name:
        return 0.0
    if query == name:
        return 1.0
    if query in name:
        return 0.9 + 0.05 * len(query) / len(name)
    if len(query) >= 2 and is_subsequence(query, name):
        return 0.8 + 0.1 * len(query) / len(name)
    return 0.8 * difflib.SequenceMatcher(None, query, name).ratio()


def all_departments(connection: duckdb.DuckDBPyConnection) -> list[tuple[Department, list[str]]]:
    """Every department with the names it is known by (its name and every printed variant)."""
    departments = records(
        connection,
        "SELECT department_id, department_name, region, first_year, last_year, document_count "
        "FROM marts.dim_department ORDER BY department_name",
    )
    variants: dict[str, list[str]] = {}
    for row in records(
        connection,
        "SELECT department_id, department_name_variant FROM marts.dim_department_name_variant",
    ):
        variants.setdefault(row["department_id"], []).append(row["department_name_variant"])
    return [
        (
            Department(**row),
            [row["department_name"]] + sorted(variants.get(row["department_id"], [])),
        )
        for row in departments
    ]


def match_departments(connection: duckdb.DuckDBPyConnection, query: str) -> list[Match]:
    """Departments named by ``query`` (or whose id it is), best first."""
    matches = []
    for department, names in all_departments(connection):
        if query.strip() == department.department_id:
            matches.append(Match(department, 1.0, department.department_name))
            continue
        scored = [(name_score(query, name), name) for name in names if name]
        score, name = max(scored, default=(0.0, ""))
        if score >= MIN_SCORE:
            matches.append(Match(department, score, name))
    return sorted(matches, key=lambda m: (-m.score, m.department.department_name))


def best_match(matches: list[Match]) -> Match | None:
    """The one department meant, or None when the best score is shared (say more)."""
    if not matches:
        return None
    if len(matches) > 1 and matches[1].score >= matches[0].score - 0.02:
        return None
    return matches[0]
