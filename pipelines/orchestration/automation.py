"""Jobs, the raw-folder sensor and the nightly schedule."""

import hashlib
from typing import TYPE_CHECKING

import dagster as dg

from pipelines.orchestration.assets import (
    document_inventory,
    extracted_tables,
    raw_tables,
    validated_tables,
)
from pipelines.orchestration.partitions import DOCUMENTS_PARTITION, documents_partitions
from pipelines.orchestration.resources import FiscalWarehouseResource
from pipelines.runs.sequence import published_is_current, take_inventory

if TYPE_CHECKING:
    from dagster._core.definitions.unresolved_asset_job_definition import (
        UnresolvedAssetJobDefinition,
    )

DOCUMENT_JOB = "document_job"
WAREHOUSE_JOB = "warehouse_job"


def build_jobs(
    dbt_models: dg.AssetsDefinition, published_warehouse: dg.AssetsDefinition
) -> "tuple[UnresolvedAssetJobDefinition, UnresolvedAssetJobDefinition]":
    """One job per document partition, and one job that builds and publishes the warehouse."""
    document_job = dg.define_asset_job(
        DOCUMENT_JOB,
        selection=dg.AssetSelection.assets(extracted_tables, validated_tables),
        description="Extract and validate one document (one run per partition).",
    )
    warehouse_job = dg.define_asset_job(
        WAREHOUSE_JOB,
        selection=dg.AssetSelection.assets(
            document_inventory, raw_tables, dbt_models, published_warehouse
        ),
        description=(
            "Inventory the raw folder, extract what is not cached (in parallel worker "
            "processes), load the raw tables into a new build file, run dbt build, publish "
            "atomically."
        ),
    )
    return document_job, warehouse_job


def build_sensor(warehouse_job: "UnresolvedAssetJobDefinition") -> dg.SensorDefinition:
    @dg.sensor(
        name="raw_folder_sensor",
        jobs=[warehouse_job],
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.RUNNING,
    )
    def raw_folder_sensor(
        context: dg.SensorEvaluationContext, fiscal: FiscalWarehouseResource
    ) -> dg.SensorResult | dg.SkipReason:
        """Notices new, changed (different sha256) and removed PDFs in the raw folder.

        New documents get a partition and documents whose file is gone lose theirs;
        any change requests one warehouse run, whatever the number of files (it
        extracts them in parallel, under the writer lock, like ``fiscal run``).
        """
        settings = fiscal.settings()
        inventory = take_inventory(settings)
        current = {document.document_id for document in inventory.documents}
        known = set(context.instance.get_dynamic_partitions(DOCUMENTS_PARTITION))
        added = sorted(current - known)
        removed = sorted(known - current)
        if not added and not removed:
            return dg.SkipReason(f"no change in {settings.raw_dir} ({len(current)} documents)")
        fingerprint = hashlib.sha256("\n".join(sorted(current)).encode()).hexdigest()[:16]
        requests: list[dg.DynamicPartitionsRequest] = []
        if added:
            requests.append(documents_partitions.build_add_request(added))
        if removed:
            requests.append(documents_partitions.build_delete_request(removed))
        context.log.info(f"{len(added)} new or changed, {len(removed)} removed documents")
        return dg.SensorResult(
            run_requests=[
                dg.RunRequest(run_key=f"warehouse-{fingerprint}", job_name=WAREHOUSE_JOB)
            ],
            dynamic_partitions_requests=requests,
        )

    return raw_folder_sensor


def build_nightly_schedule(warehouse_job: "UnresolvedAssetJobDefinition") -> dg.ScheduleDefinition:
    """Every night at 02:00 Beijing time, whatever the server's time zone."""

    @dg.schedule(
        name="nightly_warehouse_build",
        job=warehouse_job,
        cron_schedule="0 2 * * *",
        execution_timezone="Asia/Shanghai",
        default_status=dg.DefaultScheduleStatus.RUNNING,
    )
    def nightly_warehouse_build(
        context: dg.ScheduleEvaluationContext, fiscal: FiscalWarehouseResource
    ) -> dg.RunRequest | dg.SkipReason:
        """Rebuild and publish the warehouse from the raw folder, unless nothing changed.

        Nothing changed when every document is already extracted and the
        published warehouse was built from exactly these outcomes and this code.
        """
        settings = fiscal.settings()
        if published_is_current(settings):
            return dg.SkipReason(
                f"the published warehouse is current with {settings.raw_dir}; nothing to build"
            )
        return dg.RunRequest()

    return nightly_warehouse_build
