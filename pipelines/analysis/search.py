"""``fiscal search``: departments and function classification names that match a text."""

from __future__ import annotations

import duckdb

from pipelines.analysis.departments import match_departments, name_score, normalise
from pipelines.analysis.text import format_table, wan
from pipelines.analysis.warehouse import records

#: a function name must fit at least this well to be listed
MIN_FUNCTION_SCORE = 0.8


def search_functions(connection: duckdb.DuckDBPyConnection, text: str) -> list[dict]:
    """Function codes whose name (in any year) or code matches ``text``, with final-account spending.

    ``final_yuan`` is the code's spending in the final accounts (all funds),
    summed over departments and years where the code is a leaf row; a class or
    section is summed over its leaf rows, so nothing is counted twice.
    """
    names = records(
        connection,
        "SELECT subject.function_code, subject.level, subject.function_name, "
        "list(DISTINCT printed.function_name) AS printed_names, "
        "subject.first_year, subject.last_year "
        "FROM marts.dim_function_subject AS subject "
        "LEFT JOIN marts.dim_function_subject_name AS printed USING (function_code) "
        "GROUP BY ALL",
    )
    query = normalise(text)
    found = []
    for row in names:
        if query.isdigit():
            score = 1.0 if row["function_code"].startswith(query) else 0.0
        else:
            candidates = [row["function_name"]] + [n for n in row["printed_names"] or [] if n]
            score = max(name_score(query, name) for name in candidates)
        if score >= MIN_FUNCTION_SCORE:
            found.append({**row, "score": score})
    spending = {
        row["code"]: row
        for row in records(
            connection,
            "SELECT code, sum(total_yuan) AS final_yuan, count(DISTINCT department_id) AS departments "
            "FROM analytics.final_spending_by_function, "
            "unnest([class_code, section_code, item_code]) AS codes(code) "
            "WHERE code IS NOT NULL GROUP BY code",
        )
    }
    for row in found:
        row["final_yuan"] = spending.get(row["function_code"], {}).get("final_yuan")
        row["departments"] = spending.get(row["function_code"], {}).get("departments", 0)
    return sorted(found, key=lambda r: (-r["score"], r["function_code"]))


def format_search(connection: duckdb.DuckDBPyConnection, text: str) -> tuple[str, int]:
    """The text ``fiscal search`` prints, and how many things matched."""
    departments = match_departments(connection, text)
    functions = search_functions(connection, text)
    lines = []
    if departments:
        lines += [
            f"Departments ({len(departments)}): `fiscal show NAME` for the figures",
            format_table(
                ["department", "region", "years", "documents", "id"],
                [
                    [
                        m.department.department_name,
                        m.department.region or "",
                        f"{m.department.first_year}–{m.department.last_year}",
                        m.department.document_count,
                        m.department.department_id,
                    ]
                    for m in departments
                ],
            ),
        ]
    if functions:
        if lines:
            lines.append("")
        lines += [
            f"Function classification ({len(functions)}): final-account spending, all funds, 万元",
            format_table(
                ["code", "level", "name", "years", "departments", "final spending"],
                [
                    [
                        f["function_code"],
                        f["level"],
                        f["function_name"],
                        f"{f['first_year']}–{f['last_year']}",
                        f["departments"],
                        wan(f["final_yuan"]),
                    ]
                    for f in functions
                ],
                right_aligned=[False, False, False, False, True, True],
            ),
        ]
    if not lines:
        lines.append(f"nothing matches {text!r}")
    return "\n".join(lines) + "\n", len(departments) + len(functions)
