"""Run the extractor over many documents, in parallel, each in its own worker process.

Each document is extracted in a fresh child process (forked from a preloaded
fork server, so starting one costs milliseconds) with two limits:

- a wall-clock time limit: past it the worker is killed;
- an address-space limit (``RLIMIT_AS``) set inside the worker, so a
  pathological file raises ``MemoryError`` (or kills its worker) instead of
  taking the machine down.

A worker that is killed, dies, or raises anything is reported as a failed
outcome whose reason names the file; the run goes on with the other
documents. Results (extracted or rejected) are cached as JSON keyed by the
document's sha256 and the extractor version, so an unchanged document is not
extracted again. Worker deaths and time-outs are not cached: they are retried
on the next run.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.extraction.model import EXTRACTOR_VERSION, DocumentExtraction
from pipelines.settings import Settings
from pipelines.warehouse.inventory import InventoryDocument
from pipelines.warehouse.state import read_json, write_json_atomically

CACHE_FORMAT = 1

STATUS_EXTRACTED = "extracted"  # tables read; goes on to validation and loading
STATUS_REJECTED = "rejected"  # the extractor said the file is not extractable
STATUS_FAILED = "failed"  # the worker crashed, raised, or hit a limit


@dataclass(frozen=True)
class ExtractionOutcome:
    """What happened to one document; the extraction itself stays in the cache file."""

    document: InventoryDocument
    status: str  # STATUS_EXTRACTED / STATUS_REJECTED / STATUS_FAILED
    reason: str | None  # why it was rejected or failed, naming the file
    seconds: float  # extraction wall time (from the cache for cached documents)
    from_cache: bool
    cache_path: Path | None  # where the extraction is stored (None for failures)

    def load_extraction(self) -> DocumentExtraction:
        """Read this document's extraction back from the cache."""
        if self.status != STATUS_EXTRACTED or self.cache_path is None:
            raise ValueError(f"{self.document.source_file} has no extraction ({self.status})")
        entry = read_json(self.cache_path)
        if not isinstance(entry, dict) or entry.get("extraction") is None:
            raise ValueError(f"cache entry {self.cache_path} is missing or unreadable")
        return DocumentExtraction.from_json_dict(entry["extraction"])


ProgressCallback = Callable[[ExtractionOutcome], None]


def cache_path_for(settings: Settings, sha256: str) -> Path:
    """The cache file of one document's bytes under the current extractor version."""
    version = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in EXTRACTOR_VERSION)
    return settings.cache_dir / sha256[:2] / f"{sha256}.v{version}.json"


def cached_outcome(document: InventoryDocument, settings: Settings) -> ExtractionOutcome | None:
    """The cached outcome of this document, if the current extractor already read it."""
    path = cache_path_for(settings, document.sha256)
    entry = read_json(path)
    if (
        not isinstance(entry, dict)
        or entry.get("cache_format") != CACHE_FORMAT
        or entry.get("sha256") != document.sha256
        or entry.get("extractor_version") != EXTRACTOR_VERSION
        or entry.get("status") not in (STATUS_EXTRACTED, STATUS_REJECTED)
    ):
        return None
    return ExtractionOutcome(
        document=document,
        status=entry["status"],
        reason=_name_file(document, entry.get("reason")),
        seconds=float(entry.get("seconds") or 0.0),
        from_cache=True,
        cache_path=path,
    )


def extract_documents(
    documents: Iterable[InventoryDocument],
    settings: Settings,
    progress: ProgressCallback | None = None,
) -> list[ExtractionOutcome]:
    """Extract every document not in the cache, ``settings.workers`` at a time.

    Returns one outcome per document, in the order given.
    """
    documents = list(documents)
    outcomes: dict[str, ExtractionOutcome] = {}
    pending: list[InventoryDocument] = []
    for document in documents:
        cached = cached_outcome(document, settings)
        if cached is None:
            pending.append(document)
        else:
            outcomes[document.document_id] = cached
            if progress:
                progress(cached)

    if pending:
        settings.cache_dir.mkdir(parents=True, exist_ok=True)
        for outcome in _run_workers(pending, settings):
            outcomes[outcome.document.document_id] = outcome
            if progress:
                progress(outcome)
    return [outcomes[document.document_id] for document in documents]


def extract_one(document: InventoryDocument, settings: Settings) -> ExtractionOutcome:
    """Extract a single document under the same limits (used by the Dagster partitions)."""
    return extract_documents([document], settings)[0]


# -- the worker pool -----------------------------------------------------------


@dataclass
class _RunningJob:
    document: InventoryDocument
    process: multiprocessing.process.BaseProcess
    result_path: Path
    started: float
    deadline: float


def _mp_context() -> multiprocessing.context.BaseContext:
    """A fork server on Linux (clean children, cheap start); spawn elsewhere."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file and not Path(main_file).exists() and "fork" in multiprocessing.get_all_start_methods():
        # a fork server re-imports __main__ from its path; code read from stdin has none
        return multiprocessing.get_context("fork")
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(
            ["pipelines.extraction", "pipelines.warehouse.extraction_runner"]
        )
        return context
    return multiprocessing.get_context("spawn")


def _run_workers(
    pending: list[InventoryDocument], settings: Settings
) -> Iterable[ExtractionOutcome]:
    context = _mp_context()
    queue = list(reversed(pending))  # pop() from the end keeps the given order
    running: dict[int, _RunningJob] = {}
    workers = max(1, settings.workers)
    scratch = settings.cache_dir / ".jobs"
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        while queue or running:
            while queue and len(running) < workers:
                document = queue.pop()
                result_path = scratch / f"{document.document_id}.{os.getpid()}.json"
                result_path.unlink(missing_ok=True)
                process = context.Process(
                    target=_worker_main,
                    args=(
                        str(document.path),
                        document.source_file,
                        str(result_path),
                        settings.worker_memory_mb,
                    ),
                    name=f"extract {document.document_id}",
                    daemon=True,
                )
                started = time.monotonic()
                process.start()
                running[process.sentinel] = _RunningJob(
                    document=document,
                    process=process,
                    result_path=result_path,
                    started=started,
                    deadline=started + settings.doc_timeout_seconds,
                )

            now = time.monotonic()
            wait_for = max(0.0, min(job.deadline for job in running.values()) - now)
            ready = multiprocessing.connection.wait(list(running), timeout=wait_for)
            now = time.monotonic()
            for sentinel in list(running):
                job = running[sentinel]
                if sentinel in ready:
                    job.process.join()
                    del running[sentinel]
                    yield _finish(job, settings, now)
                elif now >= job.deadline:
                    job.process.kill()
                    job.process.join()
                    del running[sentinel]
                    job.result_path.unlink(missing_ok=True)
                    yield _failed(
                        job,
                        now,
                        f"{job.document.source_file}: extraction exceeded the time limit of "
                        f"{settings.doc_timeout_seconds:g} s; the worker was killed",
                    )
    finally:
        for job in running.values():  # interrupted (Ctrl-C, the run killed): no orphans
            job.process.kill()
            job.process.join()
            job.result_path.unlink(missing_ok=True)


def _finish(job: _RunningJob, settings: Settings, now: float) -> ExtractionOutcome:
    exitcode = job.process.exitcode
    payload = read_json(job.result_path)
    job.result_path.unlink(missing_ok=True)
    if not isinstance(payload, dict) or payload.get("status") is None:
        if exitcode is not None and exitcode < 0:
            name = _signal_name(-exitcode)
            hint = (
                f" (possibly the memory limit of {settings.worker_memory_mb} MB)"
                if name in ("SIGKILL", "SIGABRT", "SIGSEGV", "SIGBUS")
                else ""
            )
            reason = f"extraction worker died with {name}{hint}"
        else:
            reason = f"extraction worker exited with code {exitcode} without a result"
        return _failed(job, now, f"{job.document.source_file}: {reason}")

    seconds = float(payload.get("seconds") or (now - job.started))
    status = payload["status"]
    if status == STATUS_FAILED:
        return _failed(job, now, _name_file(job.document, payload.get("reason")))

    entry = {
        "cache_format": CACHE_FORMAT,
        "sha256": job.document.sha256,
        "extractor_version": EXTRACTOR_VERSION,
        "status": status,
        "reason": payload.get("reason"),
        "seconds": round(seconds, 3),
        "source_file": job.document.source_file,
        "extraction": payload.get("extraction"),
    }
    cache_path = cache_path_for(settings, job.document.sha256)
    write_json_atomically(cache_path, entry)
    return ExtractionOutcome(
        document=job.document,
        status=status,
        reason=_name_file(job.document, payload.get("reason")),
        seconds=seconds,
        from_cache=False,
        cache_path=cache_path,
    )


def _failed(job: _RunningJob, now: float, reason: str) -> ExtractionOutcome:
    return ExtractionOutcome(
        document=job.document,
        status=STATUS_FAILED,
        reason=reason,
        seconds=now - job.started,
        from_cache=False,
        cache_path=None,
    )


def _name_file(document: InventoryDocument, reason: str | None) -> str | None:
    """Make sure a reason says which file it is about."""
    if reason is None:
        return None
    if Path(document.source_file).name in reason:
        return reason
    return f"{document.source_file}: {reason}"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


# -- inside the worker process -------------------------------------------------


def _worker_main(path: str, source_file: str, result_path: str, memory_mb: int) -> None:
    """Extract one document under an address-space limit and write the outcome as JSON."""
    _limit_memory(memory_mb)
    started = time.monotonic()
    payload: dict[str, Any]
    try:
        from pipelines.extraction import extract_document
        from pipelines.extraction.errors import DocumentRejected

        try:
            extraction = extract_document(Path(path), source_file=source_file)
        except DocumentRejected as rejected:
            payload = {"status": STATUS_REJECTED, "reason": rejected.reason}
        else:
            extraction.seconds = round(time.monotonic() - started, 3)
            payload = {"status": STATUS_EXTRACTED, "extraction": extraction.to_json_dict()}
    except MemoryError:
        payload = {
            "status": STATUS_FAILED,
            "reason": f"extraction exceeded the memory limit of {memory_mb} MB",
        }
    except BaseException as error:  # noqa: BLE001 - any failure is a quarantine reason
        where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
        at = f" at {Path(where[0].filename).name}:{where[0].lineno}" if where else ""
        payload = {
            "status": STATUS_FAILED,
            "reason": f"extractor crashed: {type(error).__name__}: {error}{at}",
        }
    payload["seconds"] = round(time.monotonic() - started, 3)
    try:
        temporary = result_path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False)
        os.replace(temporary, result_path)
    except MemoryError:
        os._exit(3)


def _limit_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    try:
        import resource
    except ImportError:  # not POSIX
        return
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
