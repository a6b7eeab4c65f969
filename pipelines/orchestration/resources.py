"""The Dagster resource: where the warehouse lives and how hard the pipeline may work.

It reads the same settings as the CLI (:mod:`pipelines.settings`), so the Dagster
service and ``fiscal run`` always work on the same files; dbt is run by the same
function for both (:func:`~pipelines.warehouse.dbt_runner.run_dbt_build`).
"""

import dagster as dg

from pipelines.settings import Settings, load_settings


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
    }
