"""Run ``dbt build`` on a build file, in a subprocess, without Dagster.

dbt finds the DuckDB file through ``FISCAL_WAREHOUSE`` (see
``dbt_project/profiles.yml``), which is set for the subprocess only.

Partial parsing: every run uses the same target folder,
``<state dir>/dbt/target``, so dbt reuses its saved parse
(``partial_parse.msgpack``) and re-parses only the files that changed; a
state dir without one starts from the one shared in the dbt cache folder
(:mod:`pipelines.warehouse.dbt_cache`; never the project folder). dbt
throws the saved parse away when the profile changes, and the profile holds
the DuckDB path, while each run builds into a file of its own
(:func:`~pipelines.warehouse.publish.build_path_for`): so dbt runs in the
build file's folder and is given the file's bare name, the same every run.
A saved parse never fails a run:

- one dbt cannot read is ignored by dbt (it parses everything again);
- one made from another project folder is deleted first (it holds absolute paths);
- a build that stopped before running any node, having started from a saved
  parse, is run once more with ``--no-partial-parse``;
- after a failed build the saved parse is deleted, so the next run starts afresh.

Runs that share a state dir are serialized by the writer lock
(:func:`~pipelines.warehouse.publish.writer_lock`).

Each run keeps its dbt log in ``<state dir>/dbt/<run label>/logs`` if it
fails (with a copy of ``run_results.json``) and deletes it if it succeeds.

The nightly build leaves out dbt's unit tests (:data:`PRODUCTION_BUILD_ARGS`):
they test model logic on fixed inputs, not the night's data, and
``tests/dbt/test_dbt_models.py`` runs them.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.settings import Settings
from pipelines.warehouse.dbt_cache import (
    is_current,
    manifest_dir,
    mark_current,
    project_stamp,
    shared_parse_dir,
)

log = logging.getLogger(__name__)

#: ``dbt build`` arguments of every production build (the CLI run and the Dagster asset,
#: which both run it through :func:`run_dbt_build`)
PRODUCTION_BUILD_ARGS = ("--exclude-resource-type", "unit_test")

PARTIAL_PARSE_FILE = "partial_parse.msgpack"
MANIFEST_FILE = "manifest.json"
#: beside the saved parse: the project folder it was made from
PARTIAL_PARSE_PROJECT_FILE = "partial_parse.project"
RUN_RESULTS_FILE = "run_results.json"


class DbtBuildFailed(RuntimeError):
    """dbt build exited non-zero; the message holds the end of its output."""

    def __init__(self, message: str, node_statuses: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.node_statuses = node_statuses or {}  # what dbt did run before it failed


@dataclass
class DbtBuildResult:
    seconds: float
    status_counts: dict[str, int] = field(default_factory=dict)  # 'success' / 'pass' / 'warn' …
    warnings: list[str] = field(default_factory=list)  # ids of tests that warned
    node_statuses: dict[str, str] = field(default_factory=dict)  # unique_id → 'success' / 'pass' …


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project venv), else the one on PATH."""
    beside = Path(sys.executable).with_name("dbt")
    if beside.exists():
        return str(beside)
    found = shutil.which("dbt")
    if found is None:
        raise FileNotFoundError("dbt is not installed; run `uv sync`")
    return found


def dbt_environment(warehouse_file: Path | str) -> dict[str, str]:
    """The environment for a dbt subprocess that must work on ``warehouse_file``."""
    env = dict(os.environ)
    env["FISCAL_WAREHOUSE"] = str(warehouse_file)
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    return env


def dbt_threads(settings: Settings) -> int:
    """dbt threads: one per worker (dbt-duckdb runs them on one file, one writer process)."""
    return max(1, settings.workers)


def dbt_build_command(settings: Settings) -> list[str]:
    """The production ``dbt build`` command, without the paths."""
    return ["build", *PRODUCTION_BUILD_ARGS, "--threads", str(dbt_threads(settings))]


def dbt_target_path(settings: Settings) -> Path:
    """The target folder every run of this state dir shares, so the saved parse is reused."""
    return settings.dbt_scratch_dir / "target"


def run_dbt(
    command: list[str],
    warehouse_file: Path,
    settings: Settings,
    run_label: str,
    keep_scratch: bool = False,
) -> DbtBuildResult:
    """Run ``dbt <command>`` against ``warehouse_file``; raise DbtBuildFailed on failure."""
    target_path = dbt_target_path(settings)
    scratch = settings.dbt_scratch_dir / run_label
    log_path = scratch / "logs"
    shared = shared_parse_dir(settings, warehouse_file.name)
    reused_parse = _prepare_target(target_path, settings.dbt_project_dir, shared)
    started = time.monotonic()
    completed = _invoke(command, warehouse_file, settings, target_path, log_path)
    if completed.returncode != 0 and reused_parse and not (target_path / RUN_RESULTS_FILE).exists():
        # dbt stopped before running a node: rule out the saved parse
        log.warning("dbt failed while starting from a saved parse; retrying with a full parse")
        completed = _invoke(
            [*command, "--no-partial-parse"], warehouse_file, settings, target_path, log_path
        )
    seconds = time.monotonic() - started
    results = _read_run_results(target_path / RUN_RESULTS_FILE)
    if completed.returncode != 0:
        (target_path / PARTIAL_PARSE_FILE).unlink(missing_ok=True)
        if (target_path / RUN_RESULTS_FILE).exists():
            log_path.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target_path / RUN_RESULTS_FILE, log_path / RUN_RESULTS_FILE)
        tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-40:])
        raise DbtBuildFailed(
            f"dbt {' '.join(command)} failed (exit {completed.returncode}); "
            f"logs in {log_path}\n{tail}",
            results[2],
        )
    _share_saved_parse(target_path, settings.dbt_project_dir, shared)
    if command[:1] == ["parse"]:
        _share_manifest(target_path, settings)
    if not keep_scratch:
        shutil.rmtree(scratch, ignore_errors=True)
    return DbtBuildResult(
        seconds=seconds, status_counts=results[0], warnings=results[1], node_statuses=results[2]
    )


def run_dbt_build(warehouse_file: Path, settings: Settings, run_label: str) -> DbtBuildResult:
    """``dbt build`` (seeds, models, data tests; no unit tests) on the build file."""
    return run_dbt(dbt_build_command(settings), warehouse_file, settings, run_label)


def _invoke(
    command: list[str],
    warehouse_file: Path,
    settings: Settings,
    target_path: Path,
    log_path: Path,
) -> subprocess.CompletedProcess[str]:
    # run in the build file's folder with its bare name: the profile dbt sees,
    # and so its saved parse, stays the same from run to run
    warehouse_file = warehouse_file.resolve()
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
    return subprocess.run(
        arguments,
        env=dbt_environment(warehouse_file.name),
        cwd=warehouse_file.parent,
        capture_output=True,
        text=True,
        check=False,
    )


def _prepare_target(target_path: Path, project_dir: Path, shared: Path) -> bool:
    """Clear the last run's results; keep the saved parse only if it is this project's,
    and start from the project's shared one when there is none.

    Returns whether a saved parse is there for dbt to start from.
    """
    target_path.mkdir(parents=True, exist_ok=True)
    (target_path / RUN_RESULTS_FILE).unlink(missing_ok=True)
    saved_parse = target_path / PARTIAL_PARSE_FILE
    if not _is_from(target_path, project_dir):
        # a saved parse holds absolute paths (seeds are read from them)
        saved_parse.unlink(missing_ok=True)
        _mark(target_path, project_dir)
    if not saved_parse.exists() and _is_from(shared, project_dir):
        with contextlib.suppress(OSError):
            shutil.copyfile(shared / PARTIAL_PARSE_FILE, saved_parse)
    return saved_parse.exists()


def prepare_saved_parse(settings: Settings) -> DbtBuildResult | None:
    """Parse the dbt project once and share the result (an installation step, like
    compiling bytecode), so that even a warehouse's first run starts warm, and the
    Dagster code location loads without parsing.

    Returns None, without running dbt, when the shared parse and the manifest were
    made from the project's current files with the installed dbt.
    """
    stamp = project_stamp(settings.dbt_project_dir)
    shared = shared_parse_dir(settings, settings.warehouse_path.name)
    if is_current(shared, stamp, PARTIAL_PARSE_FILE) and is_current(
        manifest_dir(settings), stamp, MANIFEST_FILE
    ):
        return None
    settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    return run_dbt(["parse"], settings.warehouse_path, settings, "prepare")


def ensure_manifest(settings: Settings) -> Path:
    """The manifest of the project's current files, for the Dagster code location.

    ``fiscal prepare`` made it at set-up; only if the project or dbt changed since
    is it parsed again here, once, under a lock (code-location processes load
    concurrently), in a folder of its own, starting from the shared saved parse.
    """
    folder = manifest_dir(settings)
    stamp = project_stamp(settings.dbt_project_dir)
    if is_current(folder, stamp, MANIFEST_FILE):
        return folder / MANIFEST_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DbtBuildFailed(
            f"cannot create the dbt cache folder {folder} ({error.strerror}); "
            "set FISCAL_DBT_CACHE_DIR to a writable folder"
        ) from error
    with _exclusive(folder / ".lock"):
        if not is_current(folder, stamp, MANIFEST_FILE):
            _parse_manifest(settings, folder)
            mark_current(folder, stamp)
    return folder / MANIFEST_FILE


def _parse_manifest(settings: Settings, folder: Path) -> None:
    with tempfile.TemporaryDirectory(dir=folder, prefix=".parse-") as scratch:
        target = Path(scratch)
        shared = shared_parse_dir(settings, settings.warehouse_path.name)
        with contextlib.suppress(OSError):
            shutil.copyfile(shared / PARTIAL_PARSE_FILE, target / PARTIAL_PARSE_FILE)
        # the profile of every run (the warehouse's bare name), so the saved parse holds
        completed = _invoke(
            ["parse", "--quiet"], target / settings.warehouse_path.name, settings, target, target
        )
        if completed.returncode != 0:
            tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-40:])
            raise DbtBuildFailed(f"dbt parse failed (exit {completed.returncode})\n{tail}")
        os.replace(target / MANIFEST_FILE, folder / MANIFEST_FILE)


def _share_manifest(target_path: Path, settings: Settings) -> None:
    """After a parse, offer its manifest to the Dagster code location (best effort)."""
    folder = manifest_dir(settings)
    temporary = folder / f".{MANIFEST_FILE}.{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target_path / MANIFEST_FILE, temporary)
        os.replace(temporary, folder / MANIFEST_FILE)
        mark_current(folder, project_stamp(settings.dbt_project_dir))
    except OSError:
        temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (waiting for it); released at exit."""
    with open(lock_path, "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _share_saved_parse(target_path: Path, project_dir: Path, shared: Path) -> None:
    """Offer this run's saved parse to other state dirs (atomically; best effort)."""
    temporary = shared / f".{PARTIAL_PARSE_FILE}.{os.getpid()}"
    try:
        shared.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target_path / PARTIAL_PARSE_FILE, temporary)
        _mark(shared, project_dir)
        os.replace(temporary, shared / PARTIAL_PARSE_FILE)
        mark_current(shared, project_stamp(project_dir))
    except OSError:  # a read-only cache, or dbt saved no parse: nothing to share
        temporary.unlink(missing_ok=True)


def _is_from(folder: Path, project_dir: Path) -> bool:
    try:
        marked = (folder / PARTIAL_PARSE_PROJECT_FILE).read_text(encoding="utf-8")
    except OSError:
        return False
    return marked == str(project_dir.resolve())


def _mark(folder: Path, project_dir: Path) -> None:
    (folder / PARTIAL_PARSE_PROJECT_FILE).write_text(str(project_dir.resolve()), encoding="utf-8")


def _read_run_results(path: Path) -> tuple[dict[str, int], list[str], dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, [], {}
    counts: dict[str, int] = {}
    warnings: list[str] = []
    statuses: dict[str, str] = {}
    for result in data.get("results", []):
        status = str(result.get("status"))
        counts[status] = counts.get(status, 0) + 1
        statuses[str(result.get("unique_id"))] = status
        if status == "warn":
            warnings.append(str(result.get("unique_id")))
    return counts, warnings, statuses
