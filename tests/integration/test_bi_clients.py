"""The published warehouse in the tools analysts already use.

- DuckDB 1.x, as BI tools bundle it: a wheel from PyPI in a separate virtual
  environment (uv), driven by subprocess, opens the file and reads every table
  and view; skipped when the wheel cannot be installed (offline).
- SQLAlchemy with duckdb-engine, the README's URL, read-only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.support.paths import PROJECT_ROOT

OLD_DUCKDB = os.environ.get("FISCAL_TEST_OLD_DUCKDB", "1.1.3")

READ_EVERYTHING = """
import json, sys
import duckdb
connection = duckdb.connect(sys.argv[1], read_only=True)
relations = connection.execute(
    "SELECT table_schema, table_name FROM information_schema.tables ORDER BY 1, 2"
).fetchall()
counts = {f"{s}.{t}": connection.execute(f'SELECT count(*) FROM "{s}"."{t}"').fetchone()[0]
          for s, t in relations}
total = connection.execute(
    "SELECT sum(total_yuan) FROM analytics.final_spending_by_function WHERE fiscal_year = 2023"
).fetchone()[0]
print(json.dumps({"version": duckdb.__version__, "counts": counts, "total": str(total)}))
"""


def uv_command() -> list[str] | None:
    """uv from PATH, else as the module `make` installs it with pip (`python3 -m uv`)."""
    candidates = [[found] for found in [shutil.which("uv")] if found]
    candidates += [[python, "-m", "uv"] for python in ("python3", sys.executable)]
    for command in candidates:
        try:
            probe = subprocess.run([*command, "--version"], capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return command
    return None


@pytest.fixture(scope="module")
def old_duckdb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Python with DuckDB 1.x installed, apart from the project's environment."""
    uv = uv_command()
    if uv is None:
        pytest.skip("uv is not installed")
    venv = tmp_path_factory.mktemp("duckdb-1x") / "venv"
    made = subprocess.run(
        [*uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot make a virtual environment: {made.stderr.strip()[-300:]}")
    python = venv / "bin" / "python"
    installed = subprocess.run(
        [*uv, "pip", "install", "--quiet", "--python", str(python), f"duckdb=={OLD_DUCKDB}"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if installed.returncode != 0:
        pytest.skip(f"duckdb=={OLD_DUCKDB} cannot be installed here (offline?)")
    return python


def test_a_duckdb_1x_client_reads_every_table_and_view(
    old_duckdb: Path,
    sample_warehouse: Path,
) -> None:
    read = subprocess.run(
        [str(old_duckdb), "-c", READ_EVERYTHING, str(sample_warehouse)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert read.returncode == 0, read.stderr[-3000:]
    result = json.loads(read.stdout)
    assert result["version"] == OLD_DUCKDB
    counts = result["counts"]
    assert counts["marts.dim_document"] == 26
    assert counts["analytics.final_spending_by_function"] == 261
    assert all(
        f"staging.{name}" in counts for name in ("stg_raw__documents", "stg_raw__table_cells")
    )
    # the final accounts' all-funds total for 2023, the issue's 5.31 bn
    assert result["total"] == "5309557200.00"


def test_sqlalchemy_reads_the_warehouse_read_only(sample_warehouse: Path) -> None:
    sqlalchemy = pytest.importorskip("sqlalchemy")
    from sqlalchemy.pool import NullPool

    engine = sqlalchemy.create_engine(
        f"duckdb:///{sample_warehouse.resolve()}?access_mode=read_only", poolclass=NullPool
    )
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sqlalchemy.text(
                    "SELECT department_name, final_total_yuan FROM analytics.department_year_totals "
                    "WHERE fiscal_year = 2023 ORDER BY final_total_yuan DESC"
                )
            ).fetchall()
            assert rows[0] == ("武汉市科学技术局", Decimal("2444446300.00"))
            assert len(rows) == 5
            with pytest.raises(sqlalchemy.exc.DBAPIError, match="read-only"):
                connection.execute(sqlalchemy.text("DELETE FROM marts.dim_document"))
    finally:
        engine.dispose()


def readme_bi_section() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Reading the warehouse (BI tools)")
    return readme[start : readme.index("\n## ", start + 10)]


def test_the_readme_python_example_runs(sample_warehouse: Path) -> None:
    code = re.search(r"```python\n(.*?)```", readme_bi_section(), re.S).group(1)
    code = code.replace('"warehouse/fiscal.duckdb"', repr(str(sample_warehouse)))
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 - the README's own example
    result = (
        namespace["con"]
        .sql(
            "SELECT fiscal_year, sum(total_yuan) FROM analytics.final_spending_by_function "
            "GROUP BY 1 ORDER BY 1"
        )
        .fetchall()
    )
    namespace["con"].close()
    assert result[-1] == (2023, Decimal("5309557200.00"))


def test_the_readme_command_lines_work_on_a_fresh_machine(
    sample_warehouse: Path,
) -> None:
    """`fiscal query` and the DuckDB CLI from PyPI (a 1.x build) read the file as the README says."""
    import shlex

    lines = re.search(r"```sh\n(.*?)```", readme_bi_section(), re.S).group(1).splitlines()
    fiscal_line, cli_line = lines[0], lines[1]
    assert fiscal_line.startswith("uv run fiscal query ")
    query = subprocess.run(
        [str(Path(sys.executable).parent / "fiscal"), *shlex.split(fiscal_line)[3:]]
        + ["--warehouse", str(sample_warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert query.returncode == 0, query.stderr
    assert "2444446300.00" in query.stdout
    uv = uv_command()
    assert cli_line.startswith("uvx --from duckdb-cli duckdb -readonly warehouse/fiscal.duckdb ")
    if uv is None:
        pytest.skip("uv is not installed")
    arguments = shlex.split(cli_line)[1:]
    arguments[arguments.index("warehouse/fiscal.duckdb")] = str(sample_warehouse)
    cli = subprocess.run(
        [*uv, "tool", "run", *arguments[:-1], "-csv", arguments[-1]],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if cli.returncode != 0 and ("duckdb-cli" in cli.stderr or "resolve" in cli.stderr.lower()):
        pytest.skip(f"the DuckDB CLI cannot be installed here (offline?): {cli.stderr[-300:]}")
    assert cli.returncode == 0, cli.stderr[-2000:]
    assert "武汉市科学技术局" in cli.stdout and "2444446300.00" in cli.stdout
