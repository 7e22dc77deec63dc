"""Time from process start to the window shown with its text painted, and the memory then, beside
a bare PySide6 window showing the same foreword in the same font and size (the floor).

Runs the real command (``python -m reader``) and the bare window, started the same way and
alternating, and prints the medians and their ratio; nothing is asserted. ``--home fresh`` (the
default) gives every run a new user folder: the first start after installing, with no caches.
``--home kept`` starts every run in one folder that a first start has filled, as a reader starts
every day after (the library cache and the page kept from last time in place).
``--base DIR`` times another copy of the reader (an earlier commit, unpacked with ``git archive``)
in the same alternation, so a change is seen against the old code on the same machine at the same time.
``--library DIR`` starts from a copy of the user folder DIR (one with content packs installed, say),
filled as ``kept`` is, a copy for each reader timed.
``--instructions`` also counts the instructions each process runs to its first paint, once each under
Valgrind (``valgrind --tool=cachegrind``, if installed): a count the machine's load does not change,
so its ratio to the bare window's holds where the clock's moves by a third from one run to the next.
Usage: python bench/startup.py [--runs N] [--platform offscreen|xcb] [--home fresh|kept] [--base DIR]
[--library DIR] [--instructions]
(xcb needs DISPLAY set)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The floor: a QTextBrowser in a main window with the foreword as plain Markdown, the reader's
# default families and size; it reports its first paint exactly as the reader's probe does.
BARE = r"""
import json, resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication(sys.argv[:1])
window = QMainWindow()
view = QTextBrowser()
font = QFont()
font.setFamilies(json.loads(sys.argv[2]))
font.setPixelSize(int(sys.argv[3]))
view.document().setDefaultFont(font)
view.setMarkdown(open(sys.argv[1], encoding="utf-8").read())
window.setCentralWidget(view)
window.resize(1000, 700)
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for line in open("/proc/self/status"):  # Linux keeps the parent's ru_maxrss across exec
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1])
        print(json.dumps({"painted_at": time.time(), "max_rss_kb": rss}), flush=True)
        app.quit()
probe = Probe()
view.viewport().installEventFilter(probe)
window.show()
app.exec()
"""


#: Valgrind counting instructions only (no cache simulation, no output file).
VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]


def _run(command: list[str], env: dict[str, str], root: Path = ROOT) -> tuple[float, float]:
    started = time.time()
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120,
                            check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    probe = json.loads(line)
    # No peak-memory figure where the platform cannot give one.
    return probe["painted_at"] - started, (probe["max_rss_kb"] or float("nan")) / 1024


def _instructions(command: list[str], env: dict[str, str], root: Path = ROOT) -> int:
    """Instructions the process ran from its start to its exit just after the first paint."""
    result = subprocess.run([*VALGRIND, *command], cwd=root, env=env, capture_output=True, text=True,
                            timeout=1200, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count from Valgrind: {result.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def _reader_env(home: Path, platform: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM=platform, COPRODUCTION_READER_HOME=str(home),
                COPRODUCTION_READER_STARTUP_PROBE="1", **(extra or {}))


def one_run(home: Path, platform: str = "offscreen", extra: dict[str, str] | None = None,
            root: Path = ROOT) -> tuple[float, float]:
    """The reader's start to painted text (seconds) and its peak memory (MiB); ``root`` is the copy run."""
    return _run([sys.executable, "-m", "reader"], _reader_env(home, platform, extra), root)


def fill(home: Path, platform: str = "offscreen", root: Path = ROOT) -> None:
    """Start and close the reader once in ``home``, as a first start leaves it (caches written)."""
    env = dict(os.environ, QT_QPA_PLATFORM=platform, COPRODUCTION_READER_HOME=str(home))
    script = ("import sys; from PySide6.QtCore import QTimer; from reader.ui import app; "
              "QTimer.singleShot(3000, app.application().quit); sys.exit(app.run_app())")
    subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, timeout=120, check=True)


def _bare_command() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from reader import typography, zoom

    families = json.dumps(list(typography.font(typography.DEFAULT_FONT).families))
    size = str(zoom.pixels(100))
    return [sys.executable, "-c", BARE, str(ROOT / "content" / "foreword.md"), families, size]


def bare_run(platform: str) -> tuple[float, float]:
    return _run(_bare_command(), dict(os.environ, QT_QPA_PLATFORM=platform))


def instruction_lines(homes: dict[str, Path], roots: dict[str, Path], platform: str) -> list[str]:
    """Each copy's and the bare window's instructions to the first paint, and their ratio."""
    if shutil.which("valgrind") is None:
        return ["instructions: Valgrind is not installed (apt install valgrind)"]
    bare = _instructions(_bare_command(), dict(os.environ, QT_QPA_PLATFORM=platform))
    lines = ["instructions to the first paint (once each, under Valgrind; the load does not change them):",
             f"  bare PySide6 window: {bare / 1e6:,.0f} million"]
    for name, root in roots.items():
        count = _instructions([sys.executable, "-m", "reader"], _reader_env(homes[name], platform), root)
        lines.append(f"  {name}: {count / 1e6:,.0f} million, ratio to the bare window {count / bare:.2f}x")
    return lines


def compile_reader(root: Path = ROOT) -> None:
    """Bytecode for the reader's modules, as an installed copy has: with PYTHONDONTWRITEBYTECODE set
    (as on some development machines) every start would otherwise compile them all again."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "reader")], check=True,
                   stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--home", choices=("fresh", "kept"), default="fresh",
                        help="a new user folder for every run, or one a first start has filled")
    parser.add_argument("--base", type=Path, default=None,
                        help="another copy of the reader (with its content/ folder) timed in the same alternation")
    parser.add_argument("--library", type=Path, default=None,
                        help="a user folder (with packs installed, say) copied for each reader, then filled as kept")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each process's instructions to its first paint under Valgrind")
    args = parser.parse_args()
    if args.library is not None:
        args.home = "kept"
    roots = {"reader": ROOT}
    if args.base is not None:
        roots["base reader"] = args.base.resolve()
    for root in roots.values():
        compile_reader(root)
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in [*roots, "bare PySide6 window"]}
    with tempfile.TemporaryDirectory() as scratch:
        homes = {name: Path(scratch) / f"kept-{number}" for number, name in enumerate(roots)}
        for name, root in roots.items():  # a kept folder each: caches one copy writes may not suit the other
            if args.library is not None:
                shutil.copytree(args.library, homes[name], symlinks=True)
            if args.home == "kept":
                fill(homes[name], args.platform, root)
            one_run(homes[name] if args.home == "kept" else Path(scratch) / f"warm-up-{name}", args.platform, root=root)
        bare_run(args.platform)
        for i in range(args.runs):
            for name, root in roots.items():
                home = homes[name] if args.home == "kept" else Path(scratch) / f"run{i}-{name}"
                runs[name].append(one_run(home, args.platform, root=root))
            runs["bare PySide6 window"].append(bare_run(args.platform))
        counted = instruction_lines(homes if args.home == "kept" else {name: Path(scratch) / f"counted-{name}"
                                                                        for name in roots},
                                    roots, args.platform) if args.instructions else []
    folder = f"copy of {args.library}" if args.library is not None else f"{args.home} user folder"
    print(f"start-up to first paint over {args.runs} alternating runs ({os.cpu_count()} cores, "
          f"QT_QPA_PLATFORM={args.platform}, {folder}):")
    for name, found in runs.items():
        times = sorted(t for t, _ in found)
        print(f"  {name}: median {statistics.median(times) * 1000:.0f} ms, fastest {times[0] * 1000:.0f} ms, "
              f"slowest {times[-1] * 1000:.0f} ms; memory at first paint: median "
              f"{statistics.median(m for _, m in found):.0f} MiB")
    bare = statistics.median(t for t, _ in runs["bare PySide6 window"])
    for name in roots:
        print(f"  ratio {name} / bare window: {statistics.median(t for t, _ in runs[name]) / bare:.2f}x")
    print("\n".join(counted))


if __name__ == "__main__":
    main()
