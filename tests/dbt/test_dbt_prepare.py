"""dbt's parse is made once (``fiscal prepare``, at set-up) and again only when the dbt
project or dbt changed; no run, no prepare and no Dagster load writes into the project
folder (a read-only install can run)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from pipelines.runs.sequence import run_pipeline
from pipelines.settings import DBT_PROJECT_DIR
from pipelines.warehouse.dbt_runner import dbt_target_path
from tests.support.paths import PROJECT_ROOT
from tests.support.warehouse_files import copy_samples

pytestmark = pytest.mark.e2e


def _fiscal(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *arguments],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def _project_files() -> dict[str, tuple[int, int]]:
    """Every file of the dbt project folder (its target/ too) with size and mtime."""
    return {
        str(path.relative_to(DBT_PROJECT_DIR)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in DBT_PROJECT_DIR.rglob("*")
        if path.is_file()
    }


def test_prepare_parses_only_when_the_project_or_dbt_changed(tmp_path):
    warehouse = tmp_path / "w" / "fiscal.duckdb"
    env = dict(os.environ, FISCAL_DBT_CACHE_DIR=str(tmp_path / "dbt cache"))
    env.pop("FISCAL_STATE_DIR", None)
    first = _fiscal("prepare", "--warehouse", str(warehouse), env=env)
    assert first.returncode == 0, first.stderr
    assert "dbt project parsed" in first.stdout
    manifest = tmp_path / "w" / "fiscal.state" / "dbt" / "target" / "manifest.json"
    parsed_at = manifest.stat().st_mtime_ns

    started = time.monotonic()
    second = _fiscal("prepare", "--warehouse", str(warehouse), env=env)
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout
    assert time.monotonic() - started < 5  # no dbt process (a parse takes 5-10 s here)
    assert manifest.stat().st_mtime_ns == parsed_at


def test_a_run_and_the_dagster_code_location_never_write_into_the_project(
    sample_pdfs, pipeline_settings, tmp_path
):
    before = _project_files()
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:1], settings.raw_dir)
    assert run_pipeline(settings).count("loaded") == 1
    assert (dbt_target_path(settings) / "manifest.json").is_file()  # dbt ran in the state dir

    env = dict(os.environ, FISCAL_DBT_CACHE_DIR=str(tmp_path / "dbt cache"))
    env["FISCAL_WAREHOUSE"] = str(settings.warehouse_path)
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "from pipelines.orchestration.definitions import defs; "
            "print(len(list(defs().resolve_asset_graph().get_all_asset_keys())))",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert loaded.returncode == 0, loaded.stderr
    assert int(loaded.stdout.split()[-1]) > 40
    assert list((tmp_path / "dbt cache").rglob("manifest.json"))  # parsed into the cache

    assert _project_files() == before


def test_under_dagster_dev_the_code_location_loads_without_parsing_dbt(tmp_path):
    """dbt is parsed at set-up (fiscal prepare), not in every process that loads the code
    location (dagster dev loads it for each run and each step)."""
    env = dict(os.environ, FISCAL_DBT_CACHE_DIR=str(tmp_path / "dbt cache"))
    env["FISCAL_WAREHOUSE"] = str(tmp_path / "w" / "fiscal.duckdb")
    env.pop("FISCAL_STATE_DIR", None)
    assert _fiscal("prepare", env=env).returncode == 0
    [manifest] = (tmp_path / "dbt cache").rglob("manifest.json")
    prepared_at = manifest.stat().st_mtime_ns
    before = _project_files()

    dev = dict(env, DAGSTER_IS_DEV_CLI="1")
    for _ in range(2):
        loaded = subprocess.run(
            [sys.executable, "-c", "from pipelines.orchestration.definitions import defs; defs()"],
            cwd=tmp_path,
            env=dev,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        assert loaded.returncode == 0, loaded.stderr
    assert manifest.stat().st_mtime_ns == prepared_at
    assert _project_files() == before
