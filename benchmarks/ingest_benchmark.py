"""Time a full ingest: documents per minute, parallel efficiency, the nightly no-change rerun,
and the peak memory of the whole process tree.

    uv run python benchmarks/ingest_benchmark.py --documents 200 [--workers N] [--source raw]

The corpus is made of copies of the sample PDFs, each with a PDF comment
appended after ``%%EOF`` (readers ignore it), so every copy has its own sha256
and is extracted as a separate document. Everything happens in a temporary
folder with an empty extraction cache; the project's warehouse is not touched.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from pipelines.runs.extraction_runner import ExtractionOutcome  # noqa: E402
from pipelines.runs.sequence import RunSummary, run_pipeline  # noqa: E402
from pipelines.settings import load_settings  # noqa: E402
from pipelines.warehouse.dbt_cache import shared_parse_dir  # noqa: E402
from pipelines.warehouse.dbt_runner import PARTIAL_PARSE_FILE  # noqa: E402


def make_corpus(source: Path, target: Path, documents: int) -> list[Path]:
    """``documents`` distinct PDFs: the samples in turn, each copy with its own trailing comment."""
    samples = sorted(source.glob("*.pdf"))
    if not samples:
        raise SystemExit(f"no sample PDFs in {source}; run `make samples` first")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(documents):
        sample = samples[index % len(samples)]
        path = target / f"{sample.stem}-copy{index:05d}.pdf"
        path.write_bytes(sample.read_bytes() + f"\n%fiscal-benchmark-copy {index}\n".encode())
        written.append(path)
    return written


class TreeMemorySampler:
    """Samples the resident memory of this process and all its descendants (Linux /proc)."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_bytes = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._page = os.sysconf("SC_PAGE_SIZE")

    def __enter__(self) -> TreeMemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            total, count = self._tree_rss(os.getpid())
            if total > self.peak_bytes:
                self.peak_bytes, self.peak_processes = total, count
            self._stop.wait(self.interval)

    def _tree_rss(self, root: int) -> tuple[int, int]:
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{entry}/statm", encoding="ascii") as handle:
                    resident_pages = int(handle.read().split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = resident_pages * self._page
        tree = {root}
        grew = True
        while grew:
            grew = False
            for pid, parent in parents.items():
                if parent in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        return sum(rss.get(pid, 0) for pid in tree), len(tree)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--source", type=Path, default=PROJECT_ROOT / "raw")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    arguments = parser.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="fiscal-bench-"))
    try:
        make_corpus(arguments.source, base / "raw", arguments.documents)
        settings = load_settings(
            raw_dir=base / "raw",
            warehouse_path=base / "warehouse" / "fiscal.duckdb",
            workers=arguments.workers,
        )
        settings = dataclasses.replace(
            settings, state_dir=base / "warehouse" / "fiscal.state", shared_cache_dir=None
        )
        extraction_done: list[float] = []

        def progress_factory(total: int):
            def progress(outcome: ExtractionOutcome) -> None:
                extraction_done.append(time.monotonic())

            return progress

        shared = shared_parse_dir(settings, settings.warehouse_path.name)
        warm_dbt = (shared / PARTIAL_PARSE_FILE).exists()
        print(
            "dbt starts from                 "
            + ("the saved parse of `fiscal prepare`" if warm_dbt else "a full parse (no saved one)")
        )
        with TreeMemorySampler() as memory:
            started = time.monotonic()
            full = run_pipeline(settings, progress_factory=progress_factory)
            full_wall = time.monotonic() - started
            extraction_wall = (extraction_done[-1] - started) if extraction_done else 0.0

            started = time.monotonic()
            rerun = run_pipeline(settings)
            rerun_wall = time.monotonic() - started

        report(
            arguments.documents,
            settings.workers,
            full,
            full_wall,
            extraction_wall,
            rerun,
            rerun_wall,
            memory,
        )
    finally:
        if arguments.keep:
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0


def report(
    documents: int,
    workers: int,
    full: RunSummary,
    full_wall: float,
    extraction_wall: float,
    rerun: RunSummary,
    rerun_wall: float,
    memory: TreeMemorySampler,
) -> None:
    ideal = full.extraction_seconds / workers
    dbt_seconds = full.dbt.seconds if full.dbt else 0.0
    print(
        f"documents                       {documents} ({full.count('loaded')} loaded, "
        f"{full.count('quarantined')} quarantined)"
    )
    print(f"workers                         {workers}")
    print(f"full ingest wall time           {full_wall:8.1f} s")
    print(f"  throughput                    {documents / full_wall * 60:8.1f} documents/minute")
    print(
        f"  extraction phase wall time    {extraction_wall:8.1f} s "
        f"({documents / extraction_wall * 60 if extraction_wall else 0:.1f} documents/minute)"
    )
    print(
        f"  sum of extraction seconds     {full.extraction_seconds:8.1f} s "
        f"({full.extraction_seconds / max(documents, 1):.2f} s per document)"
    )
    print(f"  sum / workers (ideal)         {ideal:8.1f} s")
    print(f"  extraction wall / ideal       {extraction_wall / ideal if ideal else 0:8.2f}")
    print(f"  full wall / ideal             {full_wall / ideal if ideal else 0:8.2f}")
    print(f"  dbt build                     {dbt_seconds:8.1f} s")
    for phase, seconds in full.phases.items():
        print(f"  phase: {phase:<22} {seconds:8.1f} s")
    print(
        f"nightly rerun, nothing changed  {rerun_wall:8.1f} s "
        f"({rerun.extracted_now} extracted, dbt {rerun.dbt.seconds if rerun.dbt else 0:.1f} s)"
    )
    print(
        f"peak RSS of the process tree    {memory.peak_bytes / 2**20:8.0f} MiB "
        f"({memory.peak_processes} processes at the peak)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
