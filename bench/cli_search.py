"""The command-line ``search`` as a whole process, beside the floors it cannot go under.

Run from the project folder after set-up (the index built): ``python bench/cli_search.py [--runs N]``.
Each round runs, in turn and alternating (so a change in the machine's load hits all alike):

* ``python -c pass``: starting Python at all;
* Whoosh's bare import, ``import whoosh.index, whoosh.searching, whoosh.query, whoosh.reading``;
* the same Whoosh modules loaded as the reader loads them (:mod:`reader.search.engine`: without
  the standard-library packages Whoosh imports and a search never uses);
* ``search "young scot"`` in this checkout (``python -m reader``; an editable install adds its
  import finder to every start);
* the same search as an installed user runs it: the wheel built from this checkout, installed
  into a scratch environment beside the set-up's dependencies, started by its console script
  from another folder with its own user folder (skip it with ``--no-installed``);
* with ``--compare FOLDER`` (repeatable), the search of another checkout, such as the main branch
  before a change, run from that folder with this environment's dependencies.

It prints the median and fastest wall-clock time of each (process start to exit) and the median
processor time (user + system, Unix), which the machine's load moves less; then where the
installed search's time goes (``-X importtime``: the largest imports, and import time by whose
import it is: the reader's, Whoosh's, Python's start-up). It never asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no processor times of child processes
    resource = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
#: As an installed copy runs: Python's compiled files written once and reused (a shell that sets
#: PYTHONDONTWRITEBYTECODE would otherwise compile every module of the reader on every run).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
QUERY = "young scot"
WHOOSH = "whoosh.index, whoosh.searching, whoosh.query, whoosh.reading"
SEARCH = f'search "{QUERY}"'
INSTALLED = f'{SEARCH}, installed'


class Command:
    def __init__(self, argv: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
        self.argv, self.cwd, self.env = argv, cwd, env or ENV
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def run(self, argv: list[str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv or self.argv, cwd=self.cwd, env=self.env, capture_output=True, text=True,
                              check=True)

    def time(self) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
        started = time.perf_counter()
        self.run()
        self.wall.append(time.perf_counter() - started)
        if resource and before is not None:
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            self.cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


@contextlib.contextmanager
def installed_copy() -> Iterator[Command]:
    """The wheel of this checkout installed in a scratch environment (as tests/test_wheel_install.py
    builds it, offline from ``wheelhouse/``), its dependencies those of the set-up's environment."""
    scratch = Path(tempfile.mkdtemp(prefix="cli-search-bench-"))
    try:
        env = {k: v for k, v in ENV.items() if not k.startswith(("PIP_", "COPRODUCTION_READER_", "PYTHON"))}
        env.update({"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_CONFIG_FILE": os.devnull,
                    "PIP_FIND_LINKS": str(ROOT / "wheelhouse")})
        source = scratch / "source"
        shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "wheelhouse", "index", "*.egg-info", "__pycache__", ".*_cache"))
        quiet = {"check": True, "env": env, "cwd": scratch, "capture_output": True}
        subprocess.run([PYTHON, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", scratch / "dist", source], **quiet)
        venv = scratch / "venv"
        subprocess.run([PYTHON, "-m", "venv", "--without-pip", venv], **quiet)
        python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        wheel = next((scratch / "dist").glob("coproduction_reader-*.whl"))
        subprocess.run([PYTHON, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet", wheel], **quiet)
        # The dependencies already installed for the set-up, as a path (a .pth line adds the folder
        # only: the editable install's finder there is not loaded).
        dependencies = subprocess.run([PYTHON, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                      **quiet, text=True).stdout.strip()
        site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              **quiet, text=True).stdout.strip()
        Path(site, "setup-dependencies.pth").write_text(dependencies + "\n", encoding="utf-8")
        script = python.with_name("coproduction-reader.exe" if os.name == "nt" else "coproduction-reader")
        outside = scratch / "elsewhere"
        outside.mkdir()
        env["COPRODUCTION_READER_HOME"] = str(scratch / "home")
        yield Command([str(script), "search", QUERY], cwd=outside, env=env)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def import_times(command: Command) -> list[tuple[int, int, int, str]]:
    """One search's ``-X importtime`` lines: (self µs, cumulative µs, depth, module), in its order
    (each module after those it imported)."""
    python = command.argv[0] if command.argv[0].endswith(("python", "python.exe")) else None
    if python is None:  # a console script: run it with its own Python
        python = str(Path(command.argv[0]).with_name("python.exe" if os.name == "nt" else "python"))
        argv = [python, "-X", "importtime", command.argv[0], *command.argv[1:]]
    else:
        argv = [python, "-X", "importtime", *command.argv[1:]]
    found = []
    for line in command.run(argv).stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)", line)
        if match:
            found.append((int(match.group(1)), int(match.group(2)), len(match.group(3)) // 2, match.group(4)))
    return found


def largest_imports(times: list[tuple[int, int, int, str]], count: int = 14) -> list[tuple[int, str]]:
    """The slowest top-level imports of one search (cumulative microseconds, module)."""
    found = [(cumulative, name) for _, cumulative, depth, name in times if depth <= 1]  # the command's or one down
    return sorted(found, reverse=True)[:count]


def _origin(name: str) -> str | None:
    if name == "reader" or name.startswith("reader."):
        return "the reader's own modules"
    if name == "whoosh" or name.startswith("whoosh."):
        return "Whoosh"
    if name == "site":
        return "Python's start-up (site, an editable install's finder)"
    return None


def imports_by_origin(times: list[tuple[int, int, int, str]]) -> dict[str, int]:
    """Import time (self µs) by whose import it is: a module of the standard library or another
    package counts for the nearest reader, Whoosh or start-up module that imported it first."""
    totals: dict[str, int] = {}
    owners: list[str] = []  # by depth, walking the tree from the top (the lines reversed)
    for own, _, depth, name in reversed(times):
        del owners[depth:]
        owner = _origin(name) or (owners[-1] if owners else "Python itself and the command line's other modules")
        owners.append(owner)
        totals[owner] = totals.get(owner, 0) + own
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-installed", action="store_true", help="skip the installed wheel (it takes a minute)")
    parser.add_argument("--compare", type=Path, metavar="FOLDER", action="append", default=[],
                        help="also time the search of another checkout (an earlier version: before and after in "
                             "one run), with this environment's dependencies; its compiled files are read, never "
                             "written")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        # Its own user folder, so the library cache it lists from is its own (another copy of the
        # reader started meanwhile from another folder would otherwise have it listed again).
        home = stack.enter_context(tempfile.TemporaryDirectory(prefix="cli-search-bench-home-"))
        commands = {
            "python -c pass": Command([PYTHON, "-c", "pass"]),
            "Whoosh, bare import": Command([PYTHON, "-c", f"import {WHOOSH}"]),
            "Whoosh, as the reader loads it": Command([PYTHON, "-c",
                                                       "from reader.search import engine; engine.load()"]),
            f"{SEARCH}, checkout": Command([PYTHON, "-m", "reader", "search", QUERY],
                                           env={**ENV, "COPRODUCTION_READER_HOME": home}),
        }
        for folder in args.compare:
            other = stack.enter_context(tempfile.TemporaryDirectory(prefix="cli-search-bench-home-"))
            commands[f"{SEARCH}, {folder.resolve().name}"] = Command(
                [PYTHON, "-m", "reader", "search", QUERY], cwd=folder.resolve(),
                env={**ENV, "COPRODUCTION_READER_HOME": other, "PYTHONDONTWRITEBYTECODE": "1"})
        if not args.no_installed:
            commands[INSTALLED] = stack.enter_context(installed_copy())
        for command in commands.values():  # builds the index if missing, compiles, warms the disk cache
            command.run()
        for _ in range(args.runs):
            for command in commands.values():
                command.time()
        print(f"Whole process, {args.runs} runs each, alternating (ms): median and fastest wall clock, "
              "median processor time")
        for name, command in commands.items():
            cpu = f"{statistics.median(command.cpu) * 1000:7.1f}" if command.cpu else "      –"
            print(f"  {name:<34} {statistics.median(command.wall) * 1000:7.1f} {min(command.wall) * 1000:7.1f}"
                  f" {cpu}")
        floor = commands["Whoosh, as the reader loads it"]
        for name in (f"{SEARCH}, checkout", INSTALLED):
            if name in commands:
                search = commands[name]
                above = (statistics.median(search.wall) - statistics.median(floor.wall)) * 1000
                cpu = (f", processor {(statistics.median(search.cpu) - statistics.median(floor.cpu)) * 1000:.1f}"
                       if floor.cpu else "")
                print(f"  {name} above Whoosh as the reader loads it: wall {above:.1f}{cpu} ms")
        shown = commands.get(INSTALLED) or commands[f"{SEARCH}, checkout"]
        which = "installed " if INSTALLED in commands else ""
        times = import_times(shown)
        print(f"Largest imports of one {which}search (cumulative ms):")
        for micros, name in largest_imports(times):
            print(f"  {micros / 1000:7.1f}  {name}")
        print(f"Import time of one {which}search by whose import it is (ms; a module of the standard library "
              "counts for the first reader or Whoosh module to import it):")
        for owner, micros in sorted(imports_by_origin(times).items(), key=lambda item: -item[1]):
            print(f"  {micros / 1000:7.1f}  {owner}")


if __name__ == "__main__":
    main()
