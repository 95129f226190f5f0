"""One log line per stage of a long command, with its time, for scheduler logs."""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime


class Stages:
    def __init__(self, command: str):
        self.command = command
        self.started = time.perf_counter()

    def log(self, message: str) -> None:
        print(f"{datetime.now().isoformat(timespec='seconds')} {self.command}: {message}", flush=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.log(f"{name} ...")
        began = time.perf_counter()
        yield
        self.log(f"{name} done in {time.perf_counter() - began:.1f} s")

    def finish(self, outcome: str) -> None:
        self.log(f"{outcome} (total {time.perf_counter() - self.started:.1f} s)")
