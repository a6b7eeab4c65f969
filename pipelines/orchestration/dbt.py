"""The dbt project as Dagster assets, built lazily, with sources linked to the raw tables.

``DbtProject`` + ``prepare_if_dev()`` (``dagster dev`` re-parses the project on
load); outside dev the manifest is parsed once if it is missing or older than
the project's files. The ``@dbt_assets`` definition is built inside a cached
factory, so importing this module never reads the manifest.
"""

import contextlib
import functools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from pipelines.orchestration.resources import FiscalWarehouseResource
from pipelines.settings import DBT_PROJECT_DIR, load_settings
from pipelines.warehouse.dbt_runner import dbt_build_command, dbt_environment, dbt_executable
from pipelines.warehouse.fingerprint import clear_fingerprint
from pipelines.warehouse.publish import build_path_for

#: the one-writer pool every asset that writes a DuckDB file runs in
WRITER_POOL = "duckdb_writer"

RAW_SOURCE_NAME = "raw"

_PROJECT_SUFFIXES = (".sql", ".yml", ".yaml", ".csv", ".md")


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
    """The dbt project, with a manifest that matches its files."""
    _put_dbt_on_path()
    project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
    project.prepare_if_dev()
    if _manifest_is_stale(project):
        _parse_manifest(project)
    return project


def _put_dbt_on_path() -> None:
    """dagster-dbt looks for ``dbt`` on PATH; make it the one beside this Python."""
    folder = str(Path(dbt_executable()).parent)
    path = os.environ.get("PATH", "")
    if folder not in path.split(os.pathsep):
        os.environ["PATH"] = folder + (os.pathsep + path if path else "")


def _parse_manifest(project: DbtProject) -> None:
    """``dbt parse`` into a private folder, then move the manifest into place atomically."""
    target = Path(project.project_dir) / project.target_path  # an absolute one stays absolute
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target, prefix=".parse-") as scratch:
        completed = subprocess.run(
            [
                dbt_executable(),
                "parse",
                "--quiet",
                "--project-dir",
                str(project.project_dir),
                "--profiles-dir",
                str(project.profiles_dir),
                "--target-path",
                scratch,
                "--log-path",
                scratch,
            ],
            env=dbt_environment(load_settings().warehouse_path),
            cwd=project.project_dir,
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise RuntimeError(
                f"dbt parse failed:\n{(completed.stdout + completed.stderr)[-4000:]}"
            )
        os.replace(Path(scratch) / "manifest.json", project.manifest_path)


def _manifest_is_stale(project: DbtProject) -> bool:
    manifest = Path(project.manifest_path)
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    project_dir = Path(project.project_dir)
    skip = {Path(project.target_path).name, "logs", "dbt_packages"}
    for path in project_dir.rglob("*"):
        relative = path.relative_to(project_dir)
        if relative.parts and relative.parts[0] in skip:
            continue
        if path.suffix in _PROJECT_SUFFIXES and path.stat().st_mtime > built:
            return True
    return False


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
