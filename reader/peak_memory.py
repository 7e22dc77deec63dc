"""The process's peak memory, on every platform the reader runs on.

``resource`` exists only on Unix and reports kilobytes on Linux but bytes on macOS; Windows
keeps the figure in the process's memory counters. Used by the start-up benchmark's probe.
"""

from __future__ import annotations

import sys


def peak_rss_kb() -> int | None:
    """The largest resident set this process has had, in KiB; None where it cannot be read."""
    if sys.platform == "win32":
        return _windows_peak_kb()
    if sys.platform.startswith("linux"):
        own = _linux_peak_kb()
        if own is not None:
            return own
    try:
        import resource
    except ImportError:  # a Unix without it (or an unusual build): say nothing rather than fail
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _linux_peak_kb() -> int | None:
    """Linux keeps ``ru_maxrss`` across exec, so a program started by a large one (a benchmark) would
    report its parent's peak; ``VmHWM`` is this program's own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def _windows_peak_kb() -> int | None:
    if sys.platform != "win32":  # tells the type checker too, so it reads what follows only for Windows
        return None
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t), ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t), ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t), ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t), ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(counters)
    try:
        psapi = ctypes.WinDLL("psapi")
        kernel32 = ctypes.WinDLL("kernel32")
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        ok = psapi.GetProcessMemoryInfo(kernel32.GetCurrentProcess(), ctypes.byref(counters), counters.cb)
    except (AttributeError, OSError):
        return None
    return int(counters.PeakWorkingSetSize) // 1024 if ok else None
