"""Naming a grid's columns with the catalogue's keys, from their flattened headers."""

from __future__ import annotations

from pipelines.extraction.catalogue import ColumnSpec
from pipelines.extraction.grid import Grid

CARRY_TOLERANCE = 12.0  # points: a headerless page's column matches one this close


def map_value_columns(grid: Grid, specs: tuple[ColumnSpec, ...]) -> dict[int, str]:
    """Column index → key, each key used once, the longest matching keyword winning."""
    candidates: list[tuple[int, int, str]] = []  # (-keyword length, column, key)
    for index, column in enumerate(grid.columns):
        label = column.label
        for spec in specs:
            if any(word in label for word in spec.excludes):
                continue
            lengths = [len(k) for k in spec.header_keywords if k in label]
            if lengths:
                candidates.append((-max(lengths), index, spec.key))
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for _, index, key in sorted(candidates):
        if index in mapping or key in used:
            continue
        mapping[index] = key
        used.add(key)
    return mapping


def carry_mapping(previous: Grid, mapping: dict[int, object], grid: Grid) -> dict[int, object]:
    """A page without a repeated header takes the columns of the page before by position."""
    carried: dict[int, object] = {}
    for index, column in enumerate(grid.columns):
        best = min(
            mapping,
            key=lambda i: abs(previous.columns[i].mid - column.mid),
            default=None,
        )
        if best is not None and abs(previous.columns[best].mid - column.mid) <= CARRY_TOLERANCE:
            carried[index] = mapping[best]
    return carried


def column_labels(grid: Grid, mapping: dict[int, str]) -> dict[str, str]:
    return {key: grid.columns[index].label or key for index, key in mapping.items()}
