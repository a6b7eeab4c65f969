"""Dagster resources: where the warehouse lives, and the dbt CLI.

Both read the same settings as the CLI (:mod:`pipelines.settings`), so the
Dagster service and ``fiscal run`` always work on the same files.
"""

import dagster as dg
from dagster_dbt import DbtCliResource

from pipelines.settings import DBT_PROJECT_DIR, Settings, load_settings
from pipelines.warehouse.dbt_runner import dbt_executable


class FiscalWarehouseResource(dg.ConfigurableResource):
    """Paths and limits of the pipeline; unset fields come from the environment."""

    raw_dir: str | None = None  # default: $FISCAL_RAW_DIR or <project>/raw
    warehouse_path: str | None = None  # default: $FISCAL_WAREHOUSE or warehouse/fiscal.duckdb
    workers: int | None = None  # default: $FISCAL_WORKERS or one per core
    #: publish even if most (or all) loaded documents' files are gone from the raw folder
    allow_withdraw: bool = False

    def settings(self) -> Settings:
        return load_settings(
            raw_dir=self.raw_dir, warehouse_path=self.warehouse_path, workers=self.workers
        )


def default_resources() -> dict[str, object]:
    return {
        "fiscal": FiscalWarehouseResource(),
        "dbt": DbtCliResource(
            project_dir=str(DBT_PROJECT_DIR),
            profiles_dir=str(DBT_PROJECT_DIR),
            dbt_executable=dbt_executable(),
        ),
    }
