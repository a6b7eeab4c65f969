"""Dagster code location: ``dagster dev -m pipelines.orchestration.definitions``.

``defs`` is built lazily (``@dg.definitions``): the dbt manifest is read when
Dagster loads the code location, not when this module is imported.
"""

import dagster as dg

from pipelines.orchestration.assets import (
    build_published_warehouse,
    document_inventory,
    extracted_tables,
    raw_tables,
    validated_tables,
)
from pipelines.orchestration.automation import build_jobs, build_nightly_schedule, build_sensor
from pipelines.orchestration.dbt import fiscal_dbt_assets
from pipelines.orchestration.resources import default_resources


@dg.definitions
def defs() -> dg.Definitions:
    dbt_models = fiscal_dbt_assets()
    published_warehouse = build_published_warehouse(dbt_models)
    document_job, warehouse_job = build_jobs(dbt_models, published_warehouse)
    return dg.Definitions(
        assets=[
            document_inventory,
            extracted_tables,
            validated_tables,
            raw_tables,
            dbt_models,
            published_warehouse,
        ],
        jobs=[document_job, warehouse_job],
        sensors=[build_sensor(warehouse_job)],
        schedules=[build_nightly_schedule(warehouse_job)],
        resources=default_resources(),
        # every job's steps run one after the other anyway (one DuckDB writer); in one
        # process the code location, and the dbt manifest, is loaded once per run, not per step
        executor=dg.in_process_executor,
    )
