"""One warehouse built from every sample PDF in raw/, shared by the analyst-facing tests.

Built once per test session with the real ``fiscal run`` (extraction, dbt,
publish) in the session's shared temporary folder; with pytest-xdist the
first worker builds it under a file lock and the others wait and reuse it.
Tests only read it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from tests.support.paths import SAMPLE_DIR

FISCAL = Path(sys.executable).parent / "fiscal"


def build_sample_warehouse(folder: Path) -> Path:
    """``fiscal run`` over raw/ into ``folder``; the published file."""
    warehouse = folder / "fiscal.duckdb"
    done = folder / "built"
    with FileLock(str(folder / "build.lock")):
        if not done.exists():
            completed = subprocess.run(
                [str(FISCAL), "run", "--raw", str(SAMPLE_DIR), "--warehouse", str(warehouse)]
                + ["--no-progress"],
                env={**os.environ, "FISCAL_CACHE_DIR": str(folder / "cache")},
                capture_output=True,
                text=True,
                timeout=900,
            )
            assert completed.returncode == 0, completed.stdout + completed.stderr
            done.write_text(completed.stdout, encoding="utf-8")
    return warehouse


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published warehouse of the 26 sample documents (read it, never write it)."""
    if len(list(SAMPLE_DIR.glob("*.pdf"))) < 26:
        pytest.skip("needs the sample PDFs in raw/ (make samples)")
    base = tmp_path_factory.getbasetemp()
    # under xdist each worker's base temp is a folder of the session's own
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "sample-warehouse"
    shared.mkdir(exist_ok=True)
    return build_sample_warehouse(shared)
