"""`make docs`: dbt's docs site generated for the sample warehouse and served over HTTP."""

from __future__ import annotations

import json
import threading
import urllib.request
from pathlib import Path

import pytest

from pipelines.analysis.dbt_docs import docs_server, generate_docs


@pytest.fixture(scope="module")
def site(sample_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    before = sample_warehouse.stat().st_mtime_ns
    built = generate_docs(sample_warehouse, tmp_path_factory.mktemp("dbt-docs"))
    assert sample_warehouse.stat().st_mtime_ns == before  # generated on a copy
    return built


def test_the_site_documents_the_analytics_tables(site: Path) -> None:
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    table = catalog["nodes"]["model.fiscal_warehouse.final_spending_by_function"]
    assert table["metadata"]["schema"] == "analytics"
    assert table["columns"]["total_yuan"]["type"] == "DECIMAL(20,2)"
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    node = manifest["nodes"]["model.fiscal_warehouse.final_spending_by_function"]
    assert node["columns"]["class_name_en"]["meta"]["name_zh"] == "类名称（英文）"
    assert "合计" in node["description"]


def test_the_site_is_served(site: Path) -> None:
    server = docs_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=30) as reply:
            assert reply.status == 200
            assert b"dbt" in reply.read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/catalog.json", timeout=30) as reply:
            assert "final_spending_by_function" in reply.read().decode("utf-8")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
