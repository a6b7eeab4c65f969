"""Run the extractor over many documents, in parallel, each in its own worker process.

Documents are handed one at a time to ``workers`` long-lived child processes
(forked from a fork server), each under two limits:

- a wall-clock time limit per document: past it the worker is killed (and
  replaced);
- an address-space limit (``RLIMIT_AS``) set inside the worker, so a
  pathological file raises ``MemoryError`` (or kills its worker) instead of
  taking the machine down. A worker is replaced after any failure and after
  ``DOCUMENTS_PER_WORKER`` documents.

A worker that is killed, dies, or raises anything is reported as a failed
outcome whose reason names the file; the run goes on with the other
documents. The worker itself writes each result (extracted or rejected) to the
cache, as JSON keyed by the document's sha256 and the extractor version, and
tells the parent only the status; the parent reads the extraction back from
the cache when it loads the document, while the workers go on with the
others. A document over the time or memory limit is remembered with its
attempts and tried again with backoff (:mod:`pipelines.runs.retry`);
worker deaths and crashes are not cached: they are retried on the next run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import itertools
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import types
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.extraction.model import EXTRACTOR_VERSION, DocumentExtraction
from pipelines.runs.inventory import InventoryDocument
from pipelines.runs.retry import (
    LIMIT_MEMORY,
    LIMIT_TIME,
    attempt_entry,
    limit_reason,
    retry_due,
)
from pipelines.runs.state import read_json, write_json_atomically
from pipelines.settings import Settings

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


def cached_outcome(
    document: InventoryDocument, settings: Settings, now: float | None = None
) -> ExtractionOutcome | None:
    """The cached outcome of this document, if the current extractor already read it (or
    it exceeded a limit and is not to be tried again yet, see :mod:`~pipelines.runs.retry`)."""
    path = cache_path_for(settings, document.sha256)
    entry = read_json(path)
    if (
        not isinstance(entry, dict)
        or entry.get("cache_format") != CACHE_FORMAT
        or entry.get("sha256") != document.sha256
        or entry.get("extractor_version") != EXTRACTOR_VERSION
        or entry.get("status") not in (STATUS_EXTRACTED, STATUS_REJECTED, STATUS_FAILED)
    ):
        return None
    if entry["status"] == STATUS_FAILED:
        if retry_due(entry, settings, time.time() if now is None else now):
            return None
        return ExtractionOutcome(
            document=document,
            status=STATUS_FAILED,
            reason=_name_file(document, limit_reason(entry)),
            seconds=0.0,
            from_cache=True,
            cache_path=None,
        )
    return ExtractionOutcome(
        document=document,
        status=entry["status"],
        reason=_name_file(document, entry.get("reason")),
        seconds=float(entry.get("seconds") or 0.0),
        from_cache=True,
        cache_path=path,
    )


def _not_read(document: InventoryDocument) -> ExtractionOutcome:
    """A document quarantined without being read (its inventory ``problem`` says why)."""
    return ExtractionOutcome(
        document=document,
        status=STATUS_REJECTED,
        reason=document.problem,
        seconds=0.0,
        from_cache=False,
        cache_path=None,
    )


def split_by_cache(
    documents: Iterable[InventoryDocument], settings: Settings, now: float | None = None
) -> tuple[list[ExtractionOutcome], list[InventoryDocument]]:
    """The outcomes already known (in the cache, or not to be read), and the documents
    still to extract."""
    cached: list[ExtractionOutcome] = []
    pending: list[InventoryDocument] = []
    for document in documents:
        outcome = (
            _not_read(document) if document.problem else cached_outcome(document, settings, now)
        )
        if outcome is None:
            pending.append(document)
        else:
            cached.append(outcome)
    return cached, pending


def extract_uncached(
    pending: list[InventoryDocument], settings: Settings
) -> Generator[ExtractionOutcome, None, None]:
    """Extract these documents, ``settings.workers`` at a time, yielding each as it finishes."""
    if pending:
        settings.cache_dir.mkdir(parents=True, exist_ok=True)
        yield from _run_workers(pending, settings)


def extract_documents(
    documents: Iterable[InventoryDocument],
    settings: Settings,
    progress: ProgressCallback | None = None,
    now: float | None = None,
) -> list[ExtractionOutcome]:
    """Extract every document not in the cache; one outcome per document, in the order given.

    ``now`` (seconds since the epoch) decides which remembered limit failures are due
    to be tried again; default: the current time."""
    documents = list(documents)
    cached, pending = split_by_cache(documents, settings, now)
    outcomes: dict[str, ExtractionOutcome] = {}
    for outcome in itertools.chain(cached, extract_uncached(pending, settings)):
        outcomes[outcome.document.document_id] = outcome
        if progress:
            progress(outcome)
    return [outcomes[document.document_id] for document in documents]


def extract_file(
    path: Path, settings: Settings
) -> tuple[ExtractionOutcome, DocumentExtraction | None]:
    """One file outside any raw folder (``fiscal extract``): in a worker under the same
    time and memory limits as a run, with a throw-away cache. Returns the outcome and,
    if it was extracted, the extraction."""
    from pipelines.extraction import document_id_for, file_sha256

    sha256 = file_sha256(path)
    document = InventoryDocument(document_id_for(sha256), sha256, path.name, path, 0)
    with tempfile.TemporaryDirectory(prefix="fiscal-extract-") as scratch:
        private = dataclasses.replace(settings, workers=1, shared_cache_dir=Path(scratch))
        [outcome] = extract_documents([document], private)
        extraction = outcome.load_extraction() if outcome.status == STATUS_EXTRACTED else None
    return outcome, extraction


def extract_one(document: InventoryDocument, settings: Settings) -> ExtractionOutcome:
    """Extract a single document under the same limits (used by the Dagster partitions)."""
    return extract_documents([document], settings)[0]


# -- the worker pool -----------------------------------------------------------

#: a worker is replaced after this many documents (and after any failure), so
#: memory fragmentation or a leak in a parsing library cannot build up
DOCUMENTS_PER_WORKER = 100
#: how long a new worker may take to start (it imports the extractor)
WORKER_START_SECONDS = 120.0


@dataclass
class _Job:
    document: InventoryDocument
    started: float
    deadline: float


class _Worker:
    """A long-lived extraction process that takes one document at a time over a pipe."""

    def __init__(self, context: multiprocessing.context.BaseContext, memory_mb: int) -> None:
        parent_end, child_end = context.Pipe()
        self.process = context.Process(
            target=_worker_loop, args=(child_end, memory_mb), name="fiscal-extract", daemon=True
        )
        with _main_module_hidden():
            self.process.start()
        child_end.close()
        self.connection = parent_end
        self.started = time.monotonic()
        self.ready = False
        self.job: _Job | None = None
        self.documents_done = 0

    def assign(self, document: InventoryDocument, settings: Settings) -> None:
        now = time.monotonic()
        timeout = settings.doc_timeout_seconds
        self.job = _Job(document, now, now + timeout)
        cache_path = cache_path_for(settings, document.sha256)
        self.connection.send(
            (str(document.path), document.source_file, document.sha256, str(cache_path), timeout)
        )

    def stop(self, kill: bool = False) -> None:
        if not kill and self.process.is_alive():
            try:
                self.connection.send(None)
            except OSError:
                kill = True
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def _mp_context() -> multiprocessing.context.BaseContext:
    """A fork server on Linux (children forked from a clean, single-threaded process)."""
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pipelines.extraction", "pipelines.runs.extraction_runner"])
        return context
    return multiprocessing.get_context("spawn")


_main_module_lock = threading.Lock()


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start a worker without it re-running the parent's main script.

    multiprocessing makes each new child import ``__main__`` again (Python
    3.11's fork server cannot preload it); for ``dagster`` or a benchmark
    script that costs seconds per worker, and a script read from stdin has no
    file to import at all. The worker's code lives in this package and needs
    nothing from ``__main__``, so a bare stand-in is shown while it starts.
    """
    with _main_module_lock:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


def _run_workers(
    pending: list[InventoryDocument], settings: Settings
) -> Iterator[ExtractionOutcome]:
    context = _mp_context()
    queue = list(reversed(pending))  # pop() from the end keeps the given order
    workers: list[_Worker] = []
    worker_count = max(1, min(settings.workers, len(pending)))
    try:
        while queue or any(worker.job for worker in workers):
            # keep enough workers alive for the work left, and feed the ready ones
            busy = sum(1 for worker in workers if worker.job)
            while len(workers) < min(worker_count, busy + len(queue)):
                workers.append(_Worker(context, settings.worker_memory_mb))
            for worker in workers:
                if worker.ready and worker.job is None and queue:
                    worker.assign(queue.pop(), settings)

            now = time.monotonic()
            deadlines = [w.job.deadline for w in workers if w.job] + [
                w.started + WORKER_START_SECONDS for w in workers if not w.ready
            ]
            timeout = max(0.0, min(deadlines) - now) if deadlines else None
            waitables = [w.connection for w in workers] + [w.process.sentinel for w in workers]
            ready = set(multiprocessing.connection.wait(waitables, timeout=timeout))

            now = time.monotonic()
            for worker in list(workers):
                outcome: ExtractionOutcome | None = None
                retire = False
                if worker.connection in ready:
                    try:
                        message = worker.connection.recv()
                    except (EOFError, OSError):
                        message = None
                    if message == "ready":
                        worker.ready = True
                        continue
                    if isinstance(message, tuple) and worker.job is not None:
                        outcome = _finish(worker.job, settings, message)
                        worker.documents_done += 1
                        retire = (
                            outcome.status == STATUS_FAILED
                            or worker.documents_done >= DOCUMENTS_PER_WORKER
                        )
                        worker.job = None
                    else:
                        ready.add(worker.process.sentinel)  # the pipe closed: it died
                if outcome is None and worker.process.sentinel in ready:
                    worker.process.join()
                    if worker.job is not None:
                        outcome = _died(worker.job, settings, now, worker.process.exitcode)
                    elif not worker.ready:
                        raise RuntimeError(
                            f"an extraction worker could not start (exit {worker.process.exitcode})"
                        )
                    retire = True
                elif outcome is None and worker.job is not None and now >= worker.job.deadline:
                    job = worker.job
                    worker.stop(kill=True)
                    workers.remove(worker)
                    yield _over_limit(
                        job,
                        settings,
                        LIMIT_TIME,
                        f"extraction exceeded the time limit of "
                        f"{settings.doc_timeout_seconds:g} s; the worker was killed",
                        now - job.started,
                    )
                    continue
                elif not worker.ready and now >= worker.started + WORKER_START_SECONDS:
                    raise RuntimeError(
                        f"an extraction worker did not start within {WORKER_START_SECONDS:g} s"
                    )
                if retire:
                    worker.stop(kill=worker.job is not None)
                    workers.remove(worker)
                if outcome is not None:
                    yield outcome
    finally:
        for worker in workers:  # finished, or interrupted (Ctrl-C, the run killed): no orphans
            worker.stop(kill=worker.job is not None)


def _finish(job: _Job, settings: Settings, message: tuple[Any, ...]) -> ExtractionOutcome:
    """The outcome a worker reported; extracted and rejected ones are in the cache by now."""
    _, status, reason, seconds, limit = message
    if status == STATUS_FAILED and limit is not None:
        return _over_limit(job, settings, limit, reason, seconds)
    if status == STATUS_FAILED:
        return _failed(job, seconds, _name_file(job.document, reason))
    return ExtractionOutcome(
        document=job.document,
        status=status,
        reason=_name_file(job.document, reason),
        seconds=seconds,
        from_cache=False,
        cache_path=cache_path_for(settings, job.document.sha256),
    )


def _died(job: _Job, settings: Settings, now: float, exitcode: int | None) -> ExtractionOutcome:
    """The outcome of a worker that ended in the middle of a document."""
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
    return _failed(job, now - job.started, f"{job.document.source_file}: {reason}")


def _over_limit(
    job: _Job, settings: Settings, limit: str, reason: str, seconds: float
) -> ExtractionOutcome:
    """A document that exceeded a limit: its attempt is remembered in the cache."""
    path = cache_path_for(settings, job.document.sha256)
    previous = read_json(path)
    entry = attempt_entry(previous, limit, settings, reason, time.time())
    entry.update(
        cache_format=CACHE_FORMAT,
        sha256=job.document.sha256,
        extractor_version=EXTRACTOR_VERSION,
        status=STATUS_FAILED,
        source_file=job.document.source_file,
    )
    write_json_atomically(path, entry, durable=False)
    return _failed(job, seconds, _name_file(job.document, limit_reason(entry)))


def _failed(job: _Job, seconds: float, reason: str) -> ExtractionOutcome:
    return ExtractionOutcome(
        document=job.document,
        status=STATUS_FAILED,
        reason=reason,
        seconds=seconds,
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


def _worker_loop(connection: multiprocessing.connection.Connection, memory_mb: int) -> None:
    """Take (path, source_file, sha256, cache_path, timeout) messages until told to stop (None).

    Each document is answered with ("done", status, reason, seconds, limit), where
    ``limit`` names the limit a failure exceeded (or is None). The
    worker exits on its own when the parent is gone (the pipe closes), and a
    watchdog alarm ends it if a document runs far past its time limit while
    nobody is left to kill it.
    """
    from pipelines.extraction import extract_document  # noqa: F401 - loaded before "ready"

    connection.send("ready")
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        path, source_file, sha256, cache_path, timeout = message
        signal.alarm(int(timeout) + 60)  # the parent kills at `timeout`; this is the backstop
        # the private copy's folder is made and removed outside the memory limit, so that
        # its clean-up never fails (and never hides why the document failed)
        Path(cache_path).parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".reading-", dir=Path(cache_path).parent))
        previous_limit = _limit_memory(memory_mb)
        try:
            status, reason, seconds = _extract_to_cache(
                path, source_file, sha256, cache_path, memory_mb, scratch
            )
        finally:
            _restore_memory_limit(previous_limit)
            signal.alarm(0)
            shutil.rmtree(scratch, ignore_errors=True)
        limit = LIMIT_MEMORY if reason == _memory_reason(memory_mb) else None
        connection.send(("done", status, reason, seconds, limit))


def _extract_to_cache(
    path: str, source_file: str, sha256: str, cache_path: str, memory_mb: int, scratch: Path
) -> tuple[str, str | None, float]:
    """Extract one document; cache it unless the failure was the worker's, not the file's.

    The worker extracts a private copy of the file (in ``scratch``) and hashes the
    bytes it copied, so what is extracted and cached is exactly the content of
    ``sha256``; a file that no longer has those bytes (replaced or rewritten
    since the inventory) is reported as changed during the run and not cached.
    """
    started = time.monotonic()
    extraction: dict[str, Any] | None = None
    try:
        from pipelines.extraction import extract_document
        from pipelines.extraction.errors import DocumentRejected

        copy = scratch / Path(source_file).name
        read_sha256 = _copy_and_hash(Path(path), copy)
        if read_sha256 != sha256:
            return STATUS_FAILED, _changed_reason(read_sha256, sha256), 0.0
        try:
            document = extract_document(copy, source_file=source_file)
        except DocumentRejected as rejected:
            if _caused_by_memory_error(rejected):  # a limit, not a property of the file
                raise MemoryError from rejected
            status, reason = STATUS_REJECTED, rejected.reason
        else:
            document.seconds = round(time.monotonic() - started, 3)
            status, reason = STATUS_EXTRACTED, None
            extraction = document.to_json_dict()
    except MemoryError:
        return STATUS_FAILED, _memory_reason(memory_mb), 0.0
    except Exception as error:  # noqa: BLE001 - any failure is a quarantine reason
        if _caused_by_memory_error(error):  # ENOMEM from the OS is the memory limit too
            return STATUS_FAILED, _memory_reason(memory_mb), 0.0
        where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
        at = f" at {Path(where[0].filename).name}:{where[0].lineno}" if where else ""
        reason = f"extractor crashed: {type(error).__name__}: {error}{at}"
        return STATUS_FAILED, reason, round(time.monotonic() - started, 3)
    seconds = round(time.monotonic() - started, 3)
    entry = {
        "cache_format": CACHE_FORMAT,
        "sha256": sha256,
        "extractor_version": EXTRACTOR_VERSION,
        "status": status,
        "reason": reason,
        "seconds": seconds,
        "source_file": source_file,
        "extraction": extraction,
    }
    try:
        write_json_atomically(Path(cache_path), entry, durable=False)
    except MemoryError:
        os._exit(3)  # the parent reports the worker's death; nothing half-written is kept
    return status, reason, seconds


def _memory_reason(memory_mb: int) -> str:
    return f"extraction exceeded the memory limit of {memory_mb} MB"


def _copy_and_hash(source: Path, copy: Path) -> str:
    """Copy a file block by block and return the sha256 of the bytes copied."""
    digest = hashlib.sha256()
    with open(source, "rb") as reader, open(copy, "wb") as writer:
        for block in iter(lambda: reader.read(1 << 20), b""):
            digest.update(block)
            writer.write(block)
    return digest.hexdigest()


def _changed_reason(read_sha256: str, inventory_sha256: str) -> str:
    return (
        f"changed during the run (the bytes read have sha256 {read_sha256[:16]}…, "
        f"not the {inventory_sha256[:16]}… of the inventory); it is read again next run"
    )


def _caused_by_memory_error(error: BaseException) -> bool:
    """Whether a MemoryError (or the OS's ENOMEM) is in the exception's cause/context chain."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, MemoryError) or (
            isinstance(current, OSError) and current.errno == errno.ENOMEM
        ):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _limit_memory(memory_mb: int) -> tuple[int, int] | None:
    """Cap the address space for the next document; returns the limits to restore."""
    if memory_mb <= 0:
        return None
    try:
        import resource
    except ImportError:  # not POSIX
        return None
    previous = resource.getrlimit(resource.RLIMIT_AS)
    soft, hard = previous
    limit = memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return previous


def _restore_memory_limit(previous: tuple[int, int] | None) -> None:
    if previous is None:
        return
    import resource

    resource.setrlimit(resource.RLIMIT_AS, previous)
