"""Documents that exceed a worker limit: remembered with their attempts, tried again later.

A document that takes longer than the time limit (or more memory than the
memory limit) would cost up to the whole limit every night. Its outcome is
kept in the extraction cache (under its sha256 and the extractor version, like
any outcome) with the limit and the number of attempts, and it is tried again
only when

- the wait after the last attempt is over: ``RETRY_FIRST_HOURS`` after the
  first, doubling after each further attempt, at most ``RETRY_MAX_HOURS``;
- the limit was raised above the one it exceeded; or
- the extractor version changed (a new cache key: it has no attempts yet).

Until then the run reports the remembered outcome, whose reason says how many
attempts were made and when the next one is due. A failure that is not a limit
(a crash, a file changed during the run) is not remembered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pipelines.settings import Settings

LIMIT_TIME = "time"
LIMIT_MEMORY = "memory"

#: a little less than a day, so that the next nightly run tries once more
RETRY_FIRST_HOURS = 20.0
RETRY_MAX_HOURS = 30 * 24.0


def limit_value(limit: str, settings: Settings) -> float:
    """The current value of a limit (seconds, or MB; 0 means unlimited memory)."""
    return settings.doc_timeout_seconds if limit == LIMIT_TIME else float(settings.worker_memory_mb)


def attempt_entry(
    previous: Any, limit: str, settings: Settings, reason: str, now: float
) -> dict[str, Any]:
    """What to remember after an attempt exceeded ``limit`` (counting on from ``previous``,
    the cache entry before it, if it exceeded the same limit at the same value)."""
    value = limit_value(limit, settings)
    attempts = 1
    if (
        isinstance(previous, dict)
        and previous.get("limit") == limit
        and previous.get("limit_value") == value
    ):
        attempts = int(previous.get("attempts") or 0) + 1
    return {
        "limit": limit,
        "limit_value": value,
        "attempts": attempts,
        "last_attempt": now,
        "reason": reason,
    }


def retry_due(entry: dict[str, Any], settings: Settings, now: float) -> bool:
    """Whether a remembered limit failure is to be tried again now."""
    limit = entry.get("limit")
    if limit not in (LIMIT_TIME, LIMIT_MEMORY):
        return True
    current, exceeded = limit_value(limit, settings), float(entry.get("limit_value") or 0)
    if current > exceeded or (limit == LIMIT_MEMORY and current <= 0 < exceeded):
        return True  # raised (or, for memory, lifted)
    return now >= _next_attempt(entry)


def limit_reason(entry: dict[str, Any]) -> str:
    """The reason of a remembered limit failure: the same in every run until it is retried."""
    attempts = int(entry["attempts"])
    due = dt.datetime.fromtimestamp(_next_attempt(entry), dt.UTC)
    return (
        f"{entry['reason']} (attempt {attempts}; tried again after {due:%Y-%m-%d %H:%M} UTC, "
        f"or sooner with a higher {entry['limit']} limit or a new extractor version)"
    )


def _next_attempt(entry: dict[str, Any]) -> float:
    hours = min(RETRY_FIRST_HOURS * 2 ** (int(entry["attempts"]) - 1), RETRY_MAX_HOURS)
    return float(entry["last_attempt"]) + hours * 3600
