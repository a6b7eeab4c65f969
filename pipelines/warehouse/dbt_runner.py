"""Run ``dbt build`` on a build file, in a subprocess, without Dagster.

dbt finds the DuckDB file through ``FISCAL_WAREHOUSE`` (see
``dbt_project/profiles.yml``), which is set to the build file for the
subprocess only. Each run gets its own target and log folders, so two runs
(the CLI and Dagster, or two tests) never write over each other's manifest.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.settings import Settings


class DbtBuildFailed(RuntimeError):
    """dbt build exited non-zero; the message holds the end of its output."""


@dataclass
class DbtBuildResult:
    seconds: float
    status_counts: dict[str, int] = field(default_factory=dict)  # 'success' / 'pass' / 'warn' …
    warnings: list[str] = field(default_factory=list)  # ids of tests that warned


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project venv), else the one on PATH."""
    beside = Path(sys.executable).with_name("dbt")
    if beside.exists():
        return str(beside)
    found = shutil.which("dbt")
    if found is None:
        raise FileNotFoundError("dbt is not installed; run `uv sync`")
    return found


def dbt_environment(warehouse_file: Path) -> dict[str, str]:
    """The environment for a dbt subprocess that must work on ``warehouse_file``."""
    env = dict(os.environ)
    env["FISCAL_WAREHOUSE"] = str(warehouse_file)
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    env.setdefault("DBT_NO_PRINT", "false")
    return env


def run_dbt(
    command: list[str],
    warehouse_file: Path,
    settings: Settings,
    run_label: str,
    keep_scratch: bool = False,
) -> DbtBuildResult:
    """Run ``dbt <command>`` against ``warehouse_file``; raise DbtBuildFailed on failure."""
    scratch = settings.dbt_scratch_dir / run_label
    target_path = scratch / "target"
    log_path = scratch / "logs"
    arguments = [
        dbt_executable(),
        *command,
        "--project-dir",
        str(settings.dbt_project_dir),
        "--profiles-dir",
        str(settings.dbt_project_dir),
        "--target-path",
        str(target_path),
        "--log-path",
        str(log_path),
    ]
    started = time.monotonic()
    completed = subprocess.run(
        arguments,
        env=dbt_environment(warehouse_file),
        cwd=settings.dbt_project_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - started
    results = _read_run_results(target_path / "run_results.json")
    if completed.returncode != 0:
        tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-40:])
        raise DbtBuildFailed(
            f"dbt {' '.join(command)} failed (exit {completed.returncode}); "
            f"logs in {log_path}\n{tail}"
        )
    if not keep_scratch:
        shutil.rmtree(scratch, ignore_errors=True)
    return DbtBuildResult(seconds=seconds, status_counts=results[0], warnings=results[1])


def run_dbt_build(warehouse_file: Path, settings: Settings, run_label: str) -> DbtBuildResult:
    """``dbt build`` (seeds, models, tests) on the build file."""
    return run_dbt(["build"], warehouse_file, settings, run_label)


def _read_run_results(path: Path) -> tuple[dict[str, int], list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, []
    counts: dict[str, int] = {}
    warnings: list[str] = []
    for result in data.get("results", []):
        status = str(result.get("status"))
        counts[status] = counts.get(status, 0) + 1
        if status == "warn":
            warnings.append(str(result.get("unique_id")))
    return counts, warnings
