"""``fiscal export --format fdp``: the warehouse as a Fiscal Data Package.

A Fiscal Data Package (the open format OpenSpending-style tools read) is a
Tabular Data Package, CSV files described by ``datapackage.json``, whose
``model`` says what the columns mean: measures (amounts, with currency, the
direction of the money and the budget phase) and dimensions (the date and the
functional, economic and administrative classifications). Budgets (部门预算)
are the ``proposed`` phase, final accounts (部门决算) the ``executed`` one.

Two resources, each from an analytics table that cannot double count:
expenditure by function (all funds, table 03) and basic expenditure by
economic class (table 06). Amounts are yuan, written exactly (Decimal text).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb

from pipelines.analysis.text import cell
from pipelines.analysis.warehouse import records

PACKAGE_NAME = "chinese-department-budgets-and-final-accounts"

ADMINISTRATIVE_FIELDS = [
    ("fiscal_year", "integer", "Fiscal year"),
    ("region", "string", "Region (地区)"),
    ("department_id", "string", "Department id"),
    ("department_name", "string", "Department (部门名称)"),
]
SOURCE_FIELDS = [
    ("budget_document_id", "string", "Budget document id"),
    ("budget_source_file", "string", "Budget PDF"),
    ("budget_source_page", "integer", "Page of the budget PDF"),
    ("final_document_id", "string", "Final account document id"),
    ("final_source_file", "string", "Final account PDF"),
    ("final_source_page", "integer", "Page of the final account PDF"),
]
MEASURE_FIELDS = [
    ("budget_yuan", "number", "Budget (预算数), yuan"),
    ("final_yuan", "number", "Final account (决算数), yuan"),
]

RESOURCES: dict[str, dict[str, Any]] = {
    "expenditure-by-function": {
        "table": "analytics.budget_vs_final_by_function",
        "title": "Expenditure by function classification, all funds (支出功能分类, table 03)",
        "fields": ADMINISTRATIVE_FIELDS
        + [
            ("function_code", "string", "Function classification code (leaf)"),
            ("function_level", "string", "Level of the code: class, section or item"),
            ("function_name", "string", "Name of the code (科目名称)"),
            ("class_code", "string", "Class (类) code"),
            ("class_name", "string", "Class name (类名称)"),
            ("class_name_en", "string", "Class name in English"),
            ("section_code", "string", "Section (款) code"),
            ("section_name", "string", "Section name (款名称)"),
            ("item_code", "string", "Item (项) code"),
            ("item_name", "string", "Item name (项名称)"),
        ]
        + MEASURE_FIELDS
        + SOURCE_FIELDS,
        "primary_key": ["department_id", "fiscal_year", "function_code"],
    },
    "basic-expenditure-by-economic-class": {
        "table": "analytics.budget_vs_final_by_economic_class",
        "title": "Basic expenditure of the general public budget by economic classification "
        "(经济分类, table 06)",
        "fields": ADMINISTRATIVE_FIELDS
        + [
            ("economic_code", "string", "Economic classification code (款)"),
            ("economic_name", "string", "Name of the code"),
            ("class_code", "string", "Class (类) code"),
            ("class_name", "string", "Class name (类名称)"),
            ("class_name_en", "string", "Class name in English"),
            ("cost_group", "string", "personnel (人员经费), public (公用经费), capital or other"),
        ]
        + MEASURE_FIELDS
        + SOURCE_FIELDS,
        "primary_key": ["department_id", "fiscal_year", "economic_code"],
    },
}


def _administrative(resource: str) -> dict[str, Any]:
    return {
        "dimensionType": "classification",
        "classificationType": "administrative",
        "attributes": {
            "department_id": {"source": "department_id", "resource": resource},
            "department_name": {
                "source": "department_name",
                "resource": resource,
                "labelfor": "department_id",
            },
            "region": {"source": "region", "resource": resource},
        },
        "primaryKey": ["department_id"],
    }


def fiscal_model() -> dict[str, Any]:
    """The package's ``model``: measures by phase and the three classifications."""
    functional, economic = "expenditure-by-function", "basic-expenditure-by-economic-class"
    measures = {}
    for resource, prefix in ((functional, "function"), (economic, "economic")):
        for source, phase in (("budget_yuan", "proposed"), ("final_yuan", "executed")):
            measures[f"{prefix}_{phase}"] = {
                "source": source,
                "resource": resource,
                "currency": "CNY",
                "factor": 1,
                "direction": "expenditure",
                "phase": phase,
            }
    dimensions = {
        "date": {
            "dimensionType": "datetime",
            "attributes": {"fiscal_year": {"source": "fiscal_year"}},
            "primaryKey": ["fiscal_year"],
        },
        "administrative_classification": _administrative(functional),
        "functional_classification": {
            "dimensionType": "classification",
            "classificationType": "functional",
            "attributes": {
                "class_code": {"source": "class_code", "resource": functional},
                "class_name": {
                    "source": "class_name",
                    "resource": functional,
                    "labelfor": "class_code",
                },
                "class_name_en": {
                    "source": "class_name_en",
                    "resource": functional,
                    "labelfor": "class_code",
                },
                "section_code": {
                    "source": "section_code",
                    "resource": functional,
                    "parent": "class_code",
                },
                "section_name": {
                    "source": "section_name",
                    "resource": functional,
                    "labelfor": "section_code",
                },
                "item_code": {
                    "source": "item_code",
                    "resource": functional,
                    "parent": "section_code",
                },
                "item_name": {
                    "source": "item_name",
                    "resource": functional,
                    "labelfor": "item_code",
                },
                "function_code": {"source": "function_code", "resource": functional},
            },
            "primaryKey": ["function_code"],
        },
        "economic_classification": {
            "dimensionType": "classification",
            "classificationType": "economic",
            "attributes": {
                "class_code": {"source": "class_code", "resource": economic},
                "class_name": {
                    "source": "class_name",
                    "resource": economic,
                    "labelfor": "class_code",
                },
                "class_name_en": {
                    "source": "class_name_en",
                    "resource": economic,
                    "labelfor": "class_code",
                },
                "economic_code": {
                    "source": "economic_code",
                    "resource": economic,
                    "parent": "class_code",
                },
                "economic_name": {
                    "source": "economic_name",
                    "resource": economic,
                    "labelfor": "economic_code",
                },
            },
            "primaryKey": ["economic_code"],
        },
    }
    return {"measures": measures, "dimensions": dimensions}


def _schema(spec: dict[str, Any]) -> dict[str, Any]:
    fields = []
    for name, kind, title in spec["fields"]:
        field: dict[str, Any] = {"name": name, "type": kind, "title": title}
        if kind == "number":
            field["decimalChar"] = "."
            field["bareNumber"] = True
        if name in spec["primary_key"]:
            field["constraints"] = {"required": True}
        fields.append(field)
    return {"fields": fields, "primaryKey": spec["primary_key"], "missingValues": [""]}


def write_fiscal_data_package(connection: duckdb.DuckDBPyConnection, out_dir: Path) -> list[Path]:
    """Write the CSV resources and ``datapackage.json`` into ``out_dir``; the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    resources = []
    years = set()
    for name, spec in RESOURCES.items():
        columns = [field[0] for field in spec["fields"]]
        rows = records(
            connection,
            f"SELECT {', '.join(columns)} FROM {spec['table']} "
            f"ORDER BY {', '.join(spec['primary_key'])}",
        )
        years |= {row["fiscal_year"] for row in rows}
        path = out_dir / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows([[cell(row[column]) for column in columns] for row in rows])
        written.append(path)
        resources.append(
            {
                "name": name,
                "title": spec["title"],
                "path": path.name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(spec),
            }
        )
    package = {
        "name": PACKAGE_NAME,
        "title": "Chinese government department budgets and final accounts (部门预算 / 部门决算)",
        "description": "Read from the departments' PDF disclosures by fiscal-warehouse: "
        "exact amounts in yuan, every row traced to its document and page. Budgets are "
        "the proposed phase, final accounts the executed phase; never add the two.",
        "profile": "tabular-data-package",
        "countryCode": "CN",
        "granularity": "aggregated",
        "resources": resources,
        "model": fiscal_model(),
    }
    if years:  # Chinese fiscal years are calendar years
        package["fiscalPeriod"] = {"start": f"{min(years)}-01-01", "end": f"{max(years)}-12-31"}
    descriptor = out_dir / "datapackage.json"
    descriptor.write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return [descriptor, *written]
