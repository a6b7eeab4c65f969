"""The Dagster code location: definitions load, one lineage graph, the sensor and the
schedule, and a materialization of one document into a temporary warehouse."""

from __future__ import annotations

import re

import dagster as dg
import pytest

from pipelines.extraction import document_id_for, file_sha256
from pipelines.orchestration.assets import (
    EXTRACTABLE_CHECK,
    build_published_warehouse,
    document_inventory,
    extracted_tables,
    raw_tables,
    validated_tables,
)
from pipelines.orchestration.automation import (
    DOCUMENT_JOB,
    WAREHOUSE_JOB,
    build_nightly_schedule,
)
from pipelines.orchestration.dbt import fiscal_dbt_assets
from pipelines.orchestration.definitions import defs as load_defs
from pipelines.orchestration.partitions import documents_partitions
from pipelines.orchestration.resources import FiscalWarehouseResource, default_resources
from tests.support.warehouse_files import copy_samples, query


@pytest.fixture(scope="module")
def definitions() -> dg.Definitions:
    return load_defs()


def test_definitions_load_as_one_lineage_graph(definitions):
    dg.Definitions.validate_loadable(definitions)
    graph = definitions.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {
        "document_inventory",
        "extracted_tables",
        "validated_tables",
        "raw/documents",
        "raw/table_cells",
        "marts/fct_statement_line",
        "marts/dim_document",
        "published_warehouse",
    } <= keys
    # dbt's sources are the raw-table assets: the staging models hang off them
    staging = graph.get(dg.AssetKey(["staging", "stg_raw__documents"]))
    assert dg.AssetKey(["raw", "documents"]) in staging.parent_keys
    assert graph.get(dg.AssetKey(["raw", "documents"])).parent_keys == {
        dg.AssetKey("validated_tables")
    }
    published = graph.get(dg.AssetKey("published_warehouse"))
    assert dg.AssetKey(["marts", "fct_statement_line"]) in published.parent_keys
    # every asset says what it is
    for key in graph.get_all_asset_keys():
        assert graph.get(key).description, key.to_user_string()
    # the one-writer pool on everything that writes DuckDB
    for key in ("raw/documents", "marts/dim_document", "published_warehouse"):
        node = graph.get(dg.AssetKey.from_user_string(key))
        assert node.pools == {"duckdb_writer"}, key


def test_jobs_schedule_and_sensor(definitions):
    assert definitions.resolve_job_def(DOCUMENT_JOB).partitions_def == documents_partitions
    # the warehouse job runs its steps in one process: no code-location load per step
    assert definitions.resolve_job_def(WAREHOUSE_JOB).executor_def.name == "in_process"
    schedule = definitions.resolve_schedule_def("nightly_warehouse_build")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Asia/Shanghai"
    assert definitions.resolve_sensor_def("raw_folder_sensor")


def test_sensor_registers_new_changed_and_removed_files(definitions, sample_pdfs, tmp_path):
    raw_dir = tmp_path / "raw"
    first, second = copy_samples(sample_pdfs[:2], raw_dir)
    fiscal = FiscalWarehouseResource(
        raw_dir=str(raw_dir), warehouse_path=str(tmp_path / "w" / "fiscal.duckdb")
    )
    sensor = definitions.resolve_sensor_def("raw_folder_sensor")
    with dg.instance_for_test() as instance:

        def evaluate():
            context = dg.build_sensor_context(instance=instance, resources={"fiscal": fiscal})
            return sensor(context)

        result = evaluate()
        ids = sorted(document_id_for(file_sha256(path)) for path in (first, second))
        [add] = result.dynamic_partitions_requests
        assert sorted(add.partition_keys) == ids
        # new files are batched: one warehouse run extracts them all in parallel
        [run] = result.run_requests
        assert run.job_name == WAREHOUSE_JOB and run.partition_key is None
        instance.add_dynamic_partitions(documents_partitions.name, ids)

        assert isinstance(evaluate(), dg.SkipReason)  # nothing changed

        old_id = document_id_for(file_sha256(second))
        copy_samples(sample_pdfs[2:3], raw_dir, [second.name])  # changed content
        result = evaluate()
        new_id = document_id_for(file_sha256(second))
        requests = {type(r).__name__: r for r in result.dynamic_partitions_requests}
        assert requests["AddDynamicPartitionsRequest"].partition_keys == [new_id]
        assert requests["DeleteDynamicPartitionsRequest"].partition_keys == [old_id]
        assert [r.job_name for r in result.run_requests] == [WAREHOUSE_JOB]


@pytest.mark.e2e
def test_materialize_one_document_into_a_temporary_warehouse(sample_pdfs, tmp_path):
    raw_dir = tmp_path / "raw"
    [pdf] = copy_samples(sample_pdfs[:1], raw_dir, ["一个 文件.pdf"])
    warehouse = tmp_path / "warehouse" / "fiscal.duckdb"
    resources = {
        **default_resources(),
        "fiscal": FiscalWarehouseResource(raw_dir=str(raw_dir), warehouse_path=str(warehouse)),
    }
    document_id = document_id_for(file_sha256(pdf))
    with dg.instance_for_test() as instance:
        inventory = dg.materialize([document_inventory], instance=instance, resources=resources)
        assert inventory.success
        assert instance.get_dynamic_partitions(documents_partitions.name) == [document_id]

        documents = dg.materialize(
            [extracted_tables, validated_tables],
            partition_key=document_id,
            instance=instance,
            resources=resources,
        )
        assert documents.success
        [extracted, validated] = documents.asset_materializations_for_node("extracted_tables") + (
            documents.asset_materializations_for_node("validated_tables")
        )
        assert extracted.metadata["status"].value == "extracted"
        assert extracted.metadata["pages"].value > 0
        assert extracted.metadata["tables"].value >= 6
        assert validated.metadata["rows"].value > 0
        assert validated.partition == document_id
        checks = {e.check_name: e for e in documents.get_asset_check_evaluations()}
        assert checks[EXTRACTABLE_CHECK].passed
        assert checks[EXTRACTABLE_CHECK].description == "read"
        # a person reads who, which year and which kind beside the doc_ key
        assert re.fullmatch(
            r"\S+ 20\d\d (决算 final account|预算 budget)", extracted.metadata["document"].value
        )
        assert {"table_rules", "cross_table_rules", "narrative_rules"} <= set(checks)
        for name in ("table_rules", "cross_table_rules", "narrative_rules"):
            verdict = checks[name].description
            assert verdict == "holds" or verdict.startswith(
                ("source inconsistency", "reading failed")
            )
            assert (verdict == "holds") == checks[name].passed
        for evaluation in checks.values():
            assert evaluation.partition == document_id

        dbt_models = fiscal_dbt_assets()
        published_def = build_published_warehouse(dbt_models)
        build = dg.materialize(
            [raw_tables, dbt_models, published_def], instance=instance, resources=resources
        )
        assert build.success
        # dbt ran by the CLI's own path: its tests are the models' checks, its saved parse
        # is where `fiscal run` keeps it for the next build
        dbt_checks = {e.check_name: e for e in build.get_asset_check_evaluations()}
        assert dbt_checks["not_null_dim_function_subject_level"].passed
        assert len(dbt_checks) > 50 and all(e.passed for e in dbt_checks.values())
        built = {m.asset_key.to_user_string() for m in build.get_asset_materialization_events()}
        assert {"marts/fct_statement_line", "marts/dim_document", "published_warehouse"} <= built
        settings = resources["fiscal"].settings()
        assert (settings.dbt_scratch_dir / "target" / "partial_parse.msgpack").is_file()

        # the nightly schedule skips a night with nothing new, and runs after a change
        schedule = build_nightly_schedule(dg.define_asset_job("nightly_test_job"))

        def nightly() -> dg.RunRequest | dg.SkipReason:
            with dg.build_schedule_context(instance=instance, resources=resources) as context:
                return schedule(context)

        assert isinstance(nightly(), dg.SkipReason)
        copy_samples(sample_pdfs[1:2], raw_dir, ["另一个.pdf"])
        assert isinstance(nightly(), dg.RunRequest)

    assert query(warehouse, "SELECT document_id, status FROM marts.dim_document") == [
        (document_id, "loaded")
    ]
    assert query(
        warehouse,
        "SELECT count(*) > 0 FROM marts.fct_statement_line WHERE document_id = ?",
        [document_id],
    ) == [(True,)]
    assert [p for p in warehouse.parent.iterdir() if ".build-" in p.name] == []
