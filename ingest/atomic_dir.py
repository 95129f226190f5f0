"""Replace a directory all or nothing: the landing zones and the mart exports.

The new content is written into a sibling staging directory, which takes the old one's place
with two renames only when writing it succeeded; a reader sees the old directory or the new one,
never a mix, and a failure leaves the old one as it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def _backup(directory: Path) -> Path:
    return directory.with_name(f".{directory.name}.previous")


def recover(directory: Path) -> None:
    """A crash between the two renames of a swap leaves only the backup: put it back. A writer
    killed while staging leaves its staging directory: removed. Writers hold the writer lock
    (refresh_lock) while they write, so a staging directory found by one is a dead writer's."""
    if not directory.exists() and _backup(directory).exists():
        _backup(directory).rename(directory)
    for stale in directory.parent.glob(f".{directory.name}-staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


@dataclass
class Staged:
    path: Path                 # the new content goes here
    abandoned: bool = False

    def abandon(self) -> None:
        """Nothing to replace after all: keep the old directory."""
        self.abandoned = True


@contextmanager
def replacing(directory: Path) -> Iterator[Staged]:
    """A staging directory that takes `directory`'s place when the block ends without error and
    without abandon(); otherwise it is removed and `directory` is untouched."""
    recover(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    staged = Staged(Path(tempfile.mkdtemp(prefix=f".{directory.name}-staging-", dir=directory.parent)))
    umask = os.umask(0)
    os.umask(umask)
    staged.path.chmod(0o777 & ~umask)      # mkdtemp's 0700 would keep other readers (a BI tool) out
    try:
        yield staged
        if not staged.abandoned:
            backup = _backup(directory)
            shutil.rmtree(backup, ignore_errors=True)
            if directory.exists():
                directory.rename(backup)
            staged.path.rename(directory)
            shutil.rmtree(backup, ignore_errors=True)
    finally:
        shutil.rmtree(staged.path, ignore_errors=True)
