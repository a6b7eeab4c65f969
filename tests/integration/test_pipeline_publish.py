"""Publishing: a failed or killed run leaves the published warehouse as it was, readers
opened during a run see consistent marts without lock errors, one writer at a time."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.runs.sequence import run_pipeline
from pipelines.settings import Settings
from pipelines.warehouse.dbt_runner import DbtBuildFailed
from pipelines.warehouse.publish import WarehouseLocked, writer_lock
from tests.support.paths import PROJECT_ROOT
from tests.support.warehouse_files import copy_samples, marts_snapshot, query

pytestmark = pytest.mark.e2e

# what a BI reader checks: the documents dim_document calls loaded are exactly
# the documents the facts hold, and the totals it reads
CONSISTENCY_SQL = """
SELECT
    (SELECT count(*) FROM marts.dim_document WHERE status = 'loaded') AS loaded_documents,
    (SELECT count(DISTINCT document_id) FROM marts.fct_statement_line) AS documents_in_facts,
    (SELECT CAST(sum(amount_yuan) AS VARCHAR) FROM marts.fct_statement_line) AS statement_total
"""

SQLALCHEMY_READER = textwrap.dedent(
    """
    import json, sys
    import sqlalchemy as sa
    engine = sa.create_engine(f"duckdb:///{sys.argv[1]}?access_mode=read_only")
    with engine.connect() as connection:
        row = connection.execute(sa.text(sys.argv[2])).one()
    print(json.dumps([row[0], row[1], row[2]]))
    """
)


def _cli_environment(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env["FISCAL_CACHE_DIR"] = str(settings.cache_dir)
    env["FISCAL_STATE_DIR"] = str(settings.state_dir)
    env.pop("FISCAL_WAREHOUSE", None)
    return env


def _start_cli_run(settings: Settings) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "run",
            "--raw",
            str(settings.raw_dir),
            "--warehouse",
            str(settings.warehouse_path),
            "--workers",
            "2",
            "--no-progress",
        ],
        cwd=PROJECT_ROOT,
        env=_cli_environment(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for_dbt_phase(
    settings: Settings, process: subprocess.Popen, timeout: float = 180
) -> Path:
    """Wait until the run has loaded its build file and started dbt; return dbt's log folder."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = list(settings.dbt_scratch_dir.glob("*-p*/logs"))
        if found:
            return found[0]
        if process.poll() is not None:
            raise AssertionError(f"the run ended before dbt: {process.communicate()}")
        time.sleep(0.05)
    raise AssertionError("the run never reached dbt")


def _sqlalchemy_read(warehouse: Path) -> list:
    completed = subprocess.run(
        [sys.executable, "-c", SQLALCHEMY_READER, str(warehouse), CONSISTENCY_SQL],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_a_failing_dbt_build_leaves_the_published_warehouse_unchanged(
    sample_pdfs, pipeline_settings, tmp_path
):
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:1], settings.raw_dir)
    run_pipeline(settings)
    published = marts_snapshot(settings.warehouse_path)
    documents = query(settings.warehouse_path, "SELECT * FROM raw.documents ORDER BY 1")

    # a dbt project whose last mart fails at run time, after the others were built
    broken_project = tmp_path / "dbt_project"
    shutil.copytree(
        settings.dbt_project_dir,
        broken_project,
        ignore=shutil.ignore_patterns("target", "logs", "dbt_packages", ".user.yml"),
    )
    (broken_project / "models" / "marts" / "zz_broken.sql").write_text(
        "select error('this model is broken on purpose') as boom\n", encoding="utf-8"
    )
    copy_samples(sample_pdfs[1:2], settings.raw_dir)  # a success would change the marts
    broken = dataclasses.replace(settings, dbt_project_dir=broken_project)

    with pytest.raises(DbtBuildFailed, match="zz_broken"):
        run_pipeline(broken)

    assert marts_snapshot(settings.warehouse_path) == published
    assert query(settings.warehouse_path, "SELECT * FROM raw.documents ORDER BY 1") == documents
    assert [p for p in settings.warehouse_path.parent.iterdir() if ".build-" in p.name] == []


def test_a_run_killed_during_dbt_leaves_the_published_warehouse_readable(
    sample_pdfs, pipeline_settings
):
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:1], settings.raw_dir)
    run_pipeline(settings)
    published = marts_snapshot(settings.warehouse_path)

    copy_samples(sample_pdfs[1:2], settings.raw_dir)
    process = _start_cli_run(settings)
    try:
        _wait_for_dbt_phase(settings, process)
        time.sleep(1.0)  # dbt is starting or building
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()

    assert marts_snapshot(settings.warehouse_path) == published
    assert not settings.warehouse_path.with_name(settings.warehouse_path.name + ".wal").exists()
    # the lock died with the process, and the next run cleans up the dead run's build
    summary = run_pipeline(settings)
    assert summary.count("loaded") == 2
    assert [p for p in settings.warehouse_path.parent.iterdir() if ".build-" in p.name] == []


def test_readers_see_consistent_marts_during_a_run_and_get_no_lock_error(
    sample_pdfs, pipeline_settings
):
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:2], settings.raw_dir)
    run_pipeline(settings)

    held = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        before = list(held.execute(CONSISTENCY_SQL).fetchone())
        assert before[0] == before[1] == 2
        assert _sqlalchemy_read(settings.warehouse_path) == before

        copy_samples(sample_pdfs[2:3], settings.raw_dir)
        process = _start_cli_run(settings)
        readings = []
        _wait_for_dbt_phase(settings, process)
        readings.append(_sqlalchemy_read(settings.warehouse_path))  # a new reader mid-run
        while process.poll() is None:
            readings.append(list(held.execute(CONSISTENCY_SQL).fetchone()))
            time.sleep(0.2)
        stdout, stderr = process.communicate()
        assert process.returncode == 0, stderr

        # the connection held through the publication keeps its consistent snapshot
        assert all(reading == before for reading in readings), readings
        assert list(held.execute(CONSISTENCY_SQL).fetchone()) == before
    finally:
        held.close()

    # readers that connect after the publication see the new warehouse
    after = _sqlalchemy_read(settings.warehouse_path)
    assert after[0] == after[1] == 3
    assert query(settings.warehouse_path, CONSISTENCY_SQL)[0] == tuple(after)


def test_one_writer_at_a_time(tmp_path):
    lock_path = tmp_path / "fiscal.duckdb.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path\n"
            "from pipelines.warehouse.publish import writer_lock\n"
            "with writer_lock(Path(sys.argv[1])):\n"
            "    print('locked', flush=True); time.sleep(60)\n",
            str(lock_path),
        ],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(WarehouseLocked), writer_lock(lock_path, timeout_seconds=0.5):
            pass
    finally:
        holder.kill()
        holder.wait()
    with writer_lock(lock_path, timeout_seconds=5):  # released when the holder died
        pass


# a run that dies the instant the publishing os.replace has put its build in place
KILLED_AFTER_REPLACE = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from pipelines.settings import load_settings
    from pipelines.runs.sequence import run_pipeline

    settings = load_settings(raw_dir=sys.argv[1], warehouse_path=sys.argv[2], workers=2)
    real_replace = os.replace

    def replace_then_die(source, target, *args, **kwargs):
        real_replace(source, target, *args, **kwargs)
        if Path(target) == settings.warehouse_path:
            os._exit(9)

    os.replace = replace_then_die
    run_pipeline(settings)
    """
)


def test_a_run_killed_right_after_publishing_leaves_no_stale_fingerprint(
    sample_pdfs, pipeline_settings
):
    """The published file and the fingerprint of what it was built from cannot disagree."""
    settings = pipeline_settings()
    kept, added = copy_samples(sample_pdfs[:2], settings.raw_dir, ["kept.pdf", "added.pdf"])
    added.unlink()
    run_pipeline(settings)  # built from kept.pdf alone

    copy_samples(sample_pdfs[1:2], settings.raw_dir, ["added.pdf"])
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_AFTER_REPLACE,
            str(settings.raw_dir),
            str(settings.warehouse_path),
        ],
        cwd=PROJECT_ROOT,
        env=_cli_environment(settings),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert killed.returncode == 9, killed.stderr
    loaded = "SELECT source_file FROM marts.dim_document WHERE status = 'loaded' ORDER BY 1"
    assert query(settings.warehouse_path, loaded) == [("added.pdf",), ("kept.pdf",)]

    added.unlink()  # back to the inputs of the first build
    summary = run_pipeline(settings)

    assert summary.dbt is not None, "the published warehouse was not built from these inputs"
    assert query(settings.warehouse_path, loaded) == [("kept.pdf",)]


def _other_filesystem(path: Path) -> Path | None:
    """A writable folder on another filesystem than ``path`` (a tmpfs), if there is one."""
    for candidate in (Path("/dev/shm"), Path("/run/user") / str(os.getuid())):
        try:
            if candidate.is_dir() and os.stat(candidate).st_dev != os.stat(path).st_dev:
                return Path(tempfile.mkdtemp(prefix="fiscal-state-", dir=candidate))
        except OSError:
            continue
    return None


def test_a_state_folder_on_another_filesystem(sample_pdfs, pipeline_settings, tmp_path):
    state_dir = _other_filesystem(tmp_path)
    if state_dir is None:
        pytest.skip("no second filesystem to put the state folder on")
    try:
        settings = dataclasses.replace(pipeline_settings(), state_dir=state_dir)
        copy_samples(sample_pdfs[:1], settings.raw_dir)
        first = run_pipeline(settings)
        assert first.count("loaded") == 1 and first.dbt is not None
        again = run_pipeline(settings)
        assert again.dbt is None  # the no-op shortcut works
        assert again.count("loaded") == 1
    finally:
        shutil.rmtree(state_dir, ignore_errors=True)


def test_a_run_that_fails_after_publishing_says_so(sample_pdfs, pipeline_settings):
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:1], settings.raw_dir)
    # a folder where the published file's stale write-ahead log would be removed
    settings.warehouse_path.parent.mkdir(parents=True)
    settings.warehouse_path.with_name(settings.warehouse_path.name + ".wal").mkdir()
    process = _start_cli_run(settings)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 1
    assert "unchanged" not in stderr
    assert f"{settings.warehouse_path} was replaced by this run's build" in stderr
