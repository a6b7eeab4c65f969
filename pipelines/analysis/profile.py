"""A department's headline figures over the years, read from the analytics schema.

One place gathers what ``fiscal show`` prints and what ``fiscal report`` draws,
so the two always agree. Every figure keeps the document and page it was
printed on. Rows are dicts keyed by the analytics tables' column names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from pipelines.analysis.departments import Department
from pipelines.analysis.warehouse import records

Row = dict[str, Any]

#: how many of the largest items (leaf function codes of the final account) to list
LARGEST_ITEMS = 10


@dataclass
class Profile:
    department: Department
    years: list[int]
    documents: list[Row] = field(default_factory=list)
    totals: list[Row] = field(default_factory=list)
    classes: list[Row] = field(default_factory=list)
    three_public: list[Row] = field(default_factory=list)
    running_costs: list[Row] = field(default_factory=list)
    largest_items: list[Row] = field(default_factory=list)
    findings: list[Row] = field(default_factory=list)

    def document(self, document_id: str | None) -> Row | None:
        return next((d for d in self.documents if d["document_id"] == document_id), None)


def _year_filter(year: int | None, column: str = "fiscal_year") -> tuple[str, list[Any]]:
    return (f" AND {column} = ?", [year]) if year is not None else ("", [])


def department_profile(
    connection: duckdb.DuckDBPyConnection, department: Department, year: int | None = None
) -> Profile:
    """Everything ``show`` and the report say about one department (one year, or all)."""
    key = [department.department_id]
    where, extra = _year_filter(year)
    documents = records(
        connection,
        "SELECT document_id, fiscal_year, document_kind, reporting_scope, source_file, "
        "page_count, status, status_reason FROM marts.dim_document "
        f"WHERE department_id = ?{where} ORDER BY fiscal_year, document_kind, source_file",
        key + extra,
    )
    totals = records(
        connection,
        f"SELECT * FROM analytics.department_year_totals WHERE department_id = ?{where} "
        "ORDER BY fiscal_year",
        key + extra,
    )
    classes = records(
        connection,
        "SELECT fiscal_year, class_code, any_value(class_name) AS class_name, "
        "any_value(class_name_en) AS class_name_en, "
        "sum(budget_yuan) AS budget_yuan, sum(final_yuan) AS final_yuan, "
        "bool_or(has_budget) AS has_budget, bool_or(has_final) AS has_final, "
        "any_value(budget_document_id) AS budget_document_id, "
        "min(budget_source_page) AS budget_source_page, "
        "any_value(final_document_id) AS final_document_id, "
        "min(final_source_page) AS final_source_page "
        "FROM analytics.budget_vs_final_by_function "
        f"WHERE department_id = ?{where} GROUP BY fiscal_year, class_code "
        "ORDER BY fiscal_year, class_code",
        key + extra,
    )
    three_public = records(
        connection,
        f"SELECT * FROM analytics.three_public_costs_by_year WHERE department_id = ?{where} "
        "ORDER BY fiscal_year",
        key + extra,
    )
    running_costs = records(
        connection,
        "SELECT * FROM analytics.austerity_by_year WHERE department_id = ?"
        f"{where} AND (budget_operating_cost_yuan IS NOT NULL "
        "OR actual_operating_cost_yuan IS NOT NULL) ORDER BY fiscal_year",
        key + extra,
    )
    largest_items = records(
        connection,
        "SELECT fiscal_year, function_code, function_name, class_name, total_yuan, "
        "document_id, source_page FROM analytics.final_spending_by_function "
        f"WHERE department_id = ?{where} AND total_yuan > 0 "
        "QUALIFY row_number() OVER (PARTITION BY fiscal_year "
        "ORDER BY total_yuan DESC, function_code) <= ? "
        "ORDER BY fiscal_year, total_yuan DESC, function_code",
        key + extra + [LARGEST_ITEMS],
    )
    findings = records(
        connection,
        "SELECT fiscal_year, document_kind, document_id, source_file, source_page, table_code, "
        "rule_id, severity, finding_kind, expected_yuan, actual_yuan, difference_yuan, message "
        f"FROM analytics.findings WHERE department_id = ?{where} AND severity <> 'info' "
        "ORDER BY fiscal_year, document_kind, source_page NULLS LAST, rule_id, location",
        key + extra,
    )
    years = sorted({row["fiscal_year"] for row in documents if row["fiscal_year"] is not None})
    return Profile(
        department,
        years,
        documents,
        totals,
        classes,
        three_public,
        running_costs,
        largest_items,
        findings,
    )
