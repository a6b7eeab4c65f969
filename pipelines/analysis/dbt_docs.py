"""``make docs``: build dbt's documentation site for the published warehouse, and serve it.

dbt's docs site (every model, column, test and the lineage graph, from the
YAML) needs a catalog read from the database. It is generated on a *copy* of
the published file: a dbt connection takes DuckDB's write lock, which would
lock BI readers out of the published file while it lasts. The copy keeps the
published file's name (DuckDB names the catalog after the file). Nothing is
written into the project folder. The site is served with Python's own HTTP
server on 127.0.0.1, so it also works where ``dbt docs serve`` cannot open a
browser.

    python -m pipelines.analysis.dbt_docs [--warehouse FILE] [--out DIR] [--port 8080] [--no-serve]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from pipelines.settings import DBT_PROJECT_DIR, load_settings

DEFAULT_PORT = 8080


def dbt_executable() -> str:
    beside = Path(sys.executable).with_name("dbt")
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def generate_docs(warehouse: Path, out_dir: Path) -> Path:
    """``dbt docs generate`` against a copy of ``warehouse``; the folder holding index.html."""
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}; run `fiscal run` first")
    work = out_dir / "database"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    copy = work / warehouse.name
    shutil.copyfile(warehouse, copy)
    site = out_dir / "site"
    completed = subprocess.run(
        [
            dbt_executable(),
            "docs",
            "generate",
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(site),
            "--log-path",
            str(out_dir / "logs"),
        ],
        cwd=work,
        env={
            **os.environ,
            "FISCAL_WAREHOUSE": str(copy),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        },
        capture_output=True,
        text=True,
        timeout=900,
    )
    if completed.returncode != 0 or not (site / "index.html").exists():
        raise RuntimeError(
            "dbt docs generate failed:\n" + (completed.stdout + completed.stderr)[-3000:]
        )
    shutil.rmtree(work, ignore_errors=True)  # the catalog is in catalog.json now
    return site


def docs_server(site: Path, port: int, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """An HTTP server for the site folder (call ``serve_forever``; port 0 picks a free one)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    return http.server.ThreadingHTTPServer((host, port), handler)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warehouse", type=Path, help="the published DuckDB file")
    parser.add_argument("--out", type=Path, help="where the site goes (default: <state>/dbt-docs)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--no-serve", action="store_true", help="generate only")
    arguments = parser.parse_args(argv)
    settings = load_settings(warehouse_path=arguments.warehouse)
    out_dir = arguments.out or settings.state_dir / "dbt-docs"
    try:
        site = generate_docs(settings.warehouse_path, out_dir)
    except (FileNotFoundError, RuntimeError) as error:
        print(f"docs: {error}", file=sys.stderr)
        return 1
    print(f"dbt docs site: {site / 'index.html'}")
    if arguments.no_serve:
        return 0
    server = docs_server(site, arguments.port)
    print(f"serving on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
