"""The dbt project as Dagster assets, built lazily, with sources linked to the raw tables.

The manifest is made once, by ``fiscal prepare`` (``make dagster`` runs it),
in the dbt cache folder (never the project folder); loading the code location
only checks that it was made from the project's current files and dbt
(:func:`~pipelines.warehouse.dbt_runner.ensure_manifest`), and parses again,
once, only if not. Not ``prepare_if_dev()``: under ``dagster dev`` it would
parse in every process that loads the code location (each run, each step).
The ``@dbt_assets`` definition is built inside a cached factory, so importing
this module never reads the manifest.
"""

import contextlib
import functools
import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from pipelines.orchestration.resources import FiscalWarehouseResource
from pipelines.runs.fingerprint import clear_fingerprint
from pipelines.settings import DBT_PROJECT_DIR, load_settings
from pipelines.warehouse.dbt_runner import dbt_build_command, dbt_executable, ensure_manifest
from pipelines.warehouse.publish import build_path_for

#: the one-writer pool every asset that writes a DuckDB file runs in
WRITER_POOL = "duckdb_writer"

RAW_SOURCE_NAME = "raw"


class FiscalDbtTranslator(DagsterDbtTranslator):
    """dbt sources become the raw-table assets; models are keyed and grouped by schema."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            # the same key the raw_tables multi-asset materializes: one lineage graph
            return dg.AssetKey([RAW_SOURCE_NAME, dbt_resource_props["name"]])
        schema = dbt_resource_props.get("schema") or "dbt"
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "warehouse"
        return f"dbt_{dbt_resource_props.get('schema') or 'models'}"


@functools.cache
def fiscal_dbt_project() -> DbtProject:
    """The dbt project, with a manifest made from its current files."""
    _put_dbt_on_path()
    manifest = ensure_manifest(load_settings())
    return DbtProject(
        project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR, target_path=manifest.parent
    )


def _put_dbt_on_path() -> None:
    """dagster-dbt looks for ``dbt`` on PATH; make it the one beside this Python."""
    folder = str(Path(dbt_executable()).parent)
    path = os.environ.get("PATH", "")
    if folder not in path.split(os.pathsep):
        os.environ["PATH"] = folder + (os.pathsep + path if path else "")


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@functools.cache
def fiscal_dbt_assets() -> dg.AssetsDefinition:
    """Build the ``@dbt_assets`` definition (reads the manifest, so only when asked)."""
    project = fiscal_dbt_project()

    @dbt_assets(
        manifest=project.manifest_path,
        project=project,
        dagster_dbt_translator=FiscalDbtTranslator(),
        name="dbt_models",
        pool=WRITER_POOL,
    )
    def dbt_models(
        context: dg.AssetExecutionContext, dbt: DbtCliResource, fiscal: FiscalWarehouseResource
    ) -> Iterator[Any]:
        """The dbt staging, intermediate and marts models, built and tested in this run's build file."""
        settings = fiscal.settings()
        build_path = build_path_for(settings.warehouse_path, context.run.run_id)
        if not build_path.exists():
            if not settings.warehouse_path.exists():
                raise dg.Failure(
                    description=f"no build file {build_path} and no published warehouse: "
                    "materialize the raw tables in the same run"
                )
            # models alone were selected: rebuild them on a copy of the published file
            build_path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(settings.warehouse_path, build_path)
            clear_fingerprint(build_path)  # its models are no longer what it was built from
        target_path = settings.dbt_scratch_dir / context.run.run_id / "target"
        with _environment(FISCAL_WAREHOUSE=str(build_path)):
            # the production build: no unit tests, one dbt thread per worker
            invocation = dbt.cli(
                dbt_build_command(settings), context=context, target_path=target_path
            )
        yield from invocation.stream()

    return dbt_models
