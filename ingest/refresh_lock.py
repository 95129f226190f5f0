"""One writer at a time: ingest, build and refresh hold <warehouse>.lock while they run, and
<landing zone>.lock: two runs into one landing zone with different warehouses would otherwise
each rewrite the zone from what it read before the other landed.

A second writer either waits for the first (wait=True) or stops at once with WarehouseBusy.
The lock is an OS file lock (flock): it is released when its holder exits, even by a crash, so
there is no stale lock to clean up.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WarehouseBusy(RuntimeError):
    pass


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


@contextmanager
def writer_lock(warehouse: Path, wait: bool = False, what: str = "the warehouse") -> Iterator[None]:
    """Hold <warehouse>.lock (or <what>'s: a landing zone) while the block runs."""
    path = lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise WarehouseBusy(f"{holder} is writing {what} {warehouse} (lock {path}); "
                                "run again later, or pass --wait to wait for it") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
