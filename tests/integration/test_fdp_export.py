"""`fiscal export --format fdp` on the sample warehouse, validated with frictionless."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from tests.support.sample_warehouse import FISCAL

frictionless = pytest.importorskip("frictionless")


@pytest.fixture(scope="module")
def package_dir(sample_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fdp")
    made = subprocess.run(
        [str(FISCAL), "export", "--format", "fdp", "--warehouse", str(sample_warehouse)]
        + ["--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.split() == [
        str(out / "datapackage.json"),
        str(out / "expenditure-by-function.csv"),
        str(out / "basic-expenditure-by-economic-class.csv"),
    ]
    return out


def test_the_package_is_valid(package_dir: Path) -> None:
    report = frictionless.validate(str(package_dir / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [task.stats["rows"] for task in report.tasks] == [261, 767]


def test_the_fiscal_model_names_phases_and_classifications(package_dir: Path) -> None:
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    model = descriptor["model"]
    phases = {(m["resource"], m["source"]): m["phase"] for m in model["measures"].values()}
    assert phases == {
        ("expenditure-by-function", "budget_yuan"): "proposed",
        ("expenditure-by-function", "final_yuan"): "executed",
        ("basic-expenditure-by-economic-class", "budget_yuan"): "proposed",
        ("basic-expenditure-by-economic-class", "final_yuan"): "executed",
    }
    assert {m["currency"] for m in model["measures"].values()} == {"CNY"}
    assert {m["direction"] for m in model["measures"].values()} == {"expenditure"}
    kinds = {
        d.get("classificationType") or d["dimensionType"] for d in model["dimensions"].values()
    }
    assert kinds == {"datetime", "functional", "economic", "administrative"}
    # every attribute names a field of its resource, and every label or parent an attribute
    fields = {
        r["name"]: {f["name"] for f in r["schema"]["fields"]} for r in descriptor["resources"]
    }
    for dimension in model["dimensions"].values():
        for attribute in dimension["attributes"].values():
            for resource in [attribute["resource"]] if "resource" in attribute else fields:
                assert attribute["source"] in fields[resource]
            for link in ("labelfor", "parent"):
                if link in attribute:
                    assert attribute[link] in dimension["attributes"]
        assert set(dimension["primaryKey"]) <= set(dimension["attributes"])


def test_the_amounts_are_the_printed_ones(package_dir: Path) -> None:
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    package = frictionless.Package(descriptor, basepath=str(package_dir))
    resource = package.get_resource("expenditure-by-function")
    rows = [
        row
        for row in resource.read_rows()
        if row["department_name"] == "武汉市科学技术局" and row["fiscal_year"] == 2023
    ]
    # the final account's 03 合计, p.8 of wuhan-kjj-2023-final.pdf: 244,444.63 万元
    assert sum(row["final_yuan"] for row in rows if row["final_yuan"] is not None) == Decimal(
        "2444446300.00"
    )
    assert {row["class_name_en"] for row in rows} == {
        "Science and technology",
        "Social security and employment",
        "Health",
        "Housing security",
    }
    assert all(isinstance(row["final_yuan"], Decimal | None) for row in rows)


def test_a_broken_file_does_not_validate(package_dir: Path, tmp_path: Path) -> None:
    for file in package_dir.iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    broken = tmp_path / "expenditure-by-function.csv"
    lines = broken.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",1305400.00,", ",about 130 万,", 1)
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "budget_yuan" in str(report.flatten(["fieldName"]))
