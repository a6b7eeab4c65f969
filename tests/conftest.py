"""The fixtures every layer of tests shares (unit, integration, dbt).

- ``sample_pdfs``: the generated sample documents in ``raw/`` (copies go into
  temporary folders; the project's raw folder is never written);
- ``pipeline_settings``: settings for a temporary raw folder and warehouse,
  with an extraction cache shared by the whole session (it is keyed by
  content, so sharing it only saves time);
- ``sample_warehouse``: one warehouse built from every sample, read by the analyst tests.

Helpers that are not fixtures live in :mod:`tests.support`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.settings import Settings, load_settings
from tests.support.paths import SAMPLE_DIR
from tests.support.sample_warehouse import sample_warehouse  # noqa: F401 - a shared fixture

SettingsFactory = Callable[..., Settings]


@pytest.fixture(scope="session")
def sample_pdfs() -> list[Path]:
    """The sample final accounts of the project (raw/*-final.pdf), sorted, then the others.

    Tests take the first few; final accounts are what the warehouse contract
    is written for, so they come first.
    """
    finals = sorted(SAMPLE_DIR.glob("*-final.pdf"))
    pdfs = finals + sorted(set(SAMPLE_DIR.glob("*.pdf")) - set(finals))
    if len(pdfs) < 3:
        pytest.skip("needs the sample PDFs in raw/ (make samples)")
    return pdfs


@pytest.fixture(scope="session")
def shared_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("extraction_cache")


@pytest.fixture
def pipeline_settings(tmp_path: Path, shared_cache_dir: Path) -> SettingsFactory:
    """Make settings for a temporary raw folder and warehouse under ``tmp_path``."""

    def make(name: str = "fiscal", **overrides: object) -> Settings:
        raw_dir = tmp_path / "raw"
        raw_dir.mkdir(exist_ok=True)
        settings = load_settings(
            raw_dir=raw_dir, warehouse_path=tmp_path / "warehouse" / f"{name}.duckdb", workers=2
        )
        settings = dataclasses.replace(
            settings,
            state_dir=tmp_path / "warehouse" / f"{name}.state",
            shared_cache_dir=shared_cache_dir,
        )
        return dataclasses.replace(settings, **overrides)

    return make
