"""Check a long list in two processes at once, raising exactly what checking it in order would.

Proving a pack's sections (:func:`reader.packs.validate.prove`) is pure computation, one section
at a time: on a computer with two or more cores, a copy of the process made with ``fork`` checks
the second half while this one checks the first. The copy only says whether its half passed, and
from which item it did not; a refusal is always raised here, by checking again from that item, so
the message is the one a check in order gives (the first half's refusal comes first, as in order).
Anything wrong with the copy (it could not be made, it died) only means its half is checked here.

Only for a process that runs no other threads (the command line: ``fork`` copies one thread,
and a lock another thread held would stay locked in the copy), not on macOS, where system
libraries refuse to run in a forked copy, and only when a core is idle (:func:`can_split`).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")

#: Fewer items than this are checked in order: making the copy costs a few milliseconds.
MIN_ITEMS = 8
#: How much of a core must have been idle (the load average below the number of cores by this).
IDLE_CORE = 0.5


def can_split() -> bool:
    """Whether a copy of this process can share the work: a platform with ``fork``, no other thread
    running in Python, and a core with nothing to do (by the last minute's load).

    The copy costs 0.1-0.15 s of processor time for a pack of 100 sections (memory pages that
    either process writes are copied): on a computer whose cores are all busy it only makes the
    work slower."""
    cores = os.cpu_count() or 1
    if not hasattr(os, "fork") or sys.platform == "darwin" or cores < 2 or threading.active_count() != 1:
        return False
    try:
        load = os.getloadavg()[0]
    except OSError:
        return False
    return load < cores - IDLE_CORE


def check_in_halves(items: Sequence[Item], check: Callable[[Sequence[Item]], None]) -> None:
    """``check(items)``, the second half in a copy of this process when worth it (see above).

    ``check`` raises for the first item that fails and has no effect outside the process. The
    first item is checked before the copy is made, so what it prepares once (compiled patterns,
    loaded tables) is shared instead of done twice."""
    if len(items) < MIN_ITEMS or not can_split():
        check(items)
        return
    check(items[:1])
    rest = items[1:]
    first, second = rest[:len(rest) // 2], rest[len(rest) // 2:]
    copy = in_copy(lambda: passed(second, check))
    if copy is None:
        check(rest)
        return
    settle(copy, lambda: check(first), second, check)


def settle(copy: Copy, own: Callable[[], None], theirs: Sequence[Item],
           check: Callable[[Sequence[Item]], None]) -> None:
    """Do this process's share (``own``), then take the copy's word for ``theirs``, which it checks
    with :func:`passed`: from the first item it refused (all of them, if it died) they are checked
    here again, so a refusal is raised here with its own message."""
    try:
        own()
        checked = copy.result()
    finally:
        copy.stop()
    if checked != len(theirs):
        check(theirs[checked:] if checked is not None and 0 <= checked < len(theirs) else theirs)


def passed(items: Sequence[Item], check: Callable[[Sequence[Item]], None]) -> int:
    """How many of ``items`` pass ``check`` one by one before the first that does not."""
    for index, item in enumerate(items):
        try:
            check([item])
        except BaseException:
            return index
    return len(items)


class Copy:
    """A copy of this process at work beside it (:func:`in_copy`)."""

    def __init__(self, pid: int, read: int) -> None:
        self.pid = pid
        self.read = read
        self.running = True

    def result(self) -> int | None:
        """What the copy's work returned (waiting for it), or None if it died before saying."""
        try:
            report = _read_all(self.read)
        finally:
            self._reap(kill=False)
        try:
            return int(report.decode("ascii"))
        except ValueError:
            return None

    def stop(self) -> None:
        """End the copy if it is still at work (this process stopped waiting for it)."""
        if self.running:
            self._reap(kill=True)

    def _reap(self, *, kill: bool) -> None:
        self.running = False
        try:
            if kill:
                os.kill(self.pid, signal.SIGKILL)
        finally:
            os.close(self.read)
            os.waitpid(self.pid, 0)


def in_copy(work: Callable[[], int]) -> Copy | None:
    """``work()`` in a copy of this process made now, which only says what it returned and leaves
    without running anything of this process's; None if no copy could be made. Only where
    :func:`can_split` allows it."""
    read, write = os.pipe()
    gc.freeze()  # the copy's collections then leave the objects made so far, and their pages, alone
    try:
        child = os.fork()
    except OSError:
        gc.unfreeze()
        os.close(read)
        os.close(write)
        return None
    if child == 0:  # the copy
        status = 1
        try:
            os.close(read)
            os.write(write, str(work()).encode("ascii"))
            status = 0
        finally:
            os._exit(status)
    gc.unfreeze()
    os.close(write)
    return Copy(child, read)


def _read_all(descriptor: int) -> bytes:
    chunks = []
    while chunk := os.read(descriptor, 64):
        chunks.append(chunk)
    return b"".join(chunks)
