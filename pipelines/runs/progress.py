"""A progress line on stderr while documents are extracted: done/total, rate, ETA."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from pipelines.runs.extraction_runner import ExtractionOutcome


class ExtractionProgress:
    """Callable progress reporter for :func:`extract_documents`.

    On a terminal the line is redrawn in place; otherwise (logs, CI) a line is
    written at most every ``interval`` seconds, and for the last document.
    Rate and ETA count only documents extracted now, not cache hits.
    """

    def __init__(self, total: int, stream: TextIO | None = None, interval: float = 5.0) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.interval = interval
        self.done = 0
        self.cached = 0
        self.quarantined = 0
        self.started = time.monotonic()
        self.last_written = 0.0
        self.interactive = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, outcome: ExtractionOutcome) -> None:
        self.done += 1
        if outcome.from_cache:
            self.cached += 1
        if outcome.status != "extracted":
            self.quarantined += 1
        now = time.monotonic()
        last = self.done == self.total
        if self.interactive or last or now - self.last_written >= self.interval:
            self.last_written = now
            end = "\n" if (last or not self.interactive) else ""
            prefix = "\r\x1b[2K" if self.interactive else ""
            self.stream.write(f"{prefix}{self.line(now, outcome.document.source_file)}{end}")
            self.stream.flush()

    def line(self, now: float, current: str) -> str:
        elapsed = max(now - self.started, 1e-9)
        extracted = self.done - self.cached
        rate = extracted / elapsed * 60
        remaining = self.total - self.done
        if extracted and remaining:
            eta = f"ETA {_clock(remaining / (extracted / elapsed))}"
        elif remaining:
            eta = "ETA ?"
        else:
            eta = f"done in {_clock(elapsed)}"
        name = current if len(current) <= 40 else "…" + current[-39:]
        return (
            f"extracting {self.done}/{self.total} documents "
            f"({self.cached} cached, {self.quarantined} not extractable), "
            f"{rate:.1f} docs/min, {eta}  {name}"
        )


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
