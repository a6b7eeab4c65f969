"""The dbt project as Dagster assets, built lazily, with sources linked to the raw tables.

The manifest is made once, by ``fiscal prepare`` (``make dagster`` runs it),
in the dbt cache folder (never the project folder); loading the code location
only checks that it was made from the project's current files and dbt
(:func:`~pipelines.warehouse.dbt_runner.ensure_manifest`), and parses again,
once, only if not. Not ``prepare_if_dev()``: under ``dagster dev`` it would
parse in every process that loads the code location (each run, each step).
The ``@dbt_assets`` definition is built inside a cached factory, so importing
this module never reads the manifest. Its body runs ``dbt build`` by the same
function as ``fiscal run`` (:func:`~pipelines.warehouse.dbt_runner.run_dbt_build`:
one saved parse, one retry rule, logs kept on failure) and turns dbt's run
results into the assets' outputs and checks.
"""

import functools
import json
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtProject, dbt_assets
from dagster_dbt.asset_utils import get_asset_check_key_for_test

from pipelines.orchestration.resources import FiscalWarehouseResource
from pipelines.runs.fingerprint import clear_fingerprint
from pipelines.settings import DBT_PROJECT_DIR, load_settings
from pipelines.warehouse.dbt_runner import DbtBuildFailed, ensure_manifest, run_dbt_build
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
    manifest = ensure_manifest(load_settings())
    return DbtProject(
        project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR, target_path=manifest.parent
    )


def dbt_events(
    context: dg.AssetExecutionContext,
    project: DbtProject,
    node_statuses: Mapping[str, str],
) -> Iterator[dg.Output | dg.AssetCheckResult]:
    """The Dagster events of a finished ``dbt build``: an output per model built, a
    check result per data test, for the assets and checks this run selected."""
    manifest = json.loads(Path(project.manifest_path).read_text(encoding="utf-8"))
    translator = FiscalDbtTranslator()
    selected = context.selected_output_names  # check results are outputs too: not these
    outputs = {
        key: name
        for name, key in context.assets_def.keys_by_output_name.items()
        if name in selected
    }
    selected_checks = context.selected_asset_check_keys
    # in the order dbt finished them: a node finishes after its parents, as Dagster requires
    for unique_id, status in node_statuses.items():
        if unique_id.startswith("test."):
            check = get_asset_check_key_for_test(manifest, translator, unique_id, project)
            if check is not None and check in selected_checks:
                yield dg.AssetCheckResult(
                    asset_key=check.asset_key,
                    check_name=check.name,
                    passed=status == "pass",
                    severity=dg.AssetCheckSeverity.WARN
                    if status == "warn"
                    else dg.AssetCheckSeverity.ERROR,
                    metadata={"dbt_status": status, "unique_id": unique_id},
                )
        elif unique_id in manifest["nodes"] and status == "success":
            key = translator.get_asset_spec(manifest, unique_id, project).key
            if key in outputs:
                yield dg.Output(None, output_name=outputs[key], metadata={"unique_id": unique_id})


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
        context: dg.AssetExecutionContext, fiscal: FiscalWarehouseResource
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
        # the one dbt path of every production build (the CLI's too): its saved parse,
        # its retry without it, its logs kept on failure
        try:
            result = run_dbt_build(build_path, settings, context.run.run_id)
        except DbtBuildFailed as failed:
            yield from dbt_events(context, project, failed.node_statuses)
            raise dg.Failure(description=str(failed)) from failed
        yield from dbt_events(context, project, result.node_statuses)

    return dbt_models
