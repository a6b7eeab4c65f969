"""The run machinery: which documents a run has to read, the extraction workers and
their cache, the step sequence shared by ``fiscal run`` and Dagster, and what a run
reports. What the warehouse holds and how it is built is in :mod:`pipelines.warehouse`.
"""
