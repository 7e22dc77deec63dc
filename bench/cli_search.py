"""The command-line ``search`` as a whole process, beside the floors it cannot go under.

Run from the project folder after set-up (the index built): ``python bench/cli_search.py [--runs N]``.
Each round runs, in turn, ``python -c pass``, ``python -c "import whoosh"``, a process that
imports what a search needs and nothing else (no guide, no index), and
``coproduction-reader search "young scot"``; it prints the median and the fastest of each
(wall clock, process start to exit) and where the search's own time goes (``-X importtime``,
the largest imports). It never asserts: the machine's load moves every figure.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
#: As an installed copy runs: Python's compiled files written once and reused (a shell that sets
#: PYTHONDONTWRITEBYTECODE would otherwise compile every module of the reader on every run).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
QUERY = "young scot"
COMMANDS = {
    "python -c pass": [PYTHON, "-c", "pass"],
    "import whoosh": [PYTHON, "-c", "import whoosh"],
    "import what search uses": [PYTHON, "-c", "import whoosh.index, whoosh.query, whoosh.qparser, whoosh.searching"],
    f'search "{QUERY}"': [PYTHON, "-m", "reader", "search", QUERY],
}


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
    return time.perf_counter() - started


def largest_imports(count: int = 12) -> list[tuple[int, str]]:
    """The slowest top-level imports of one search (cumulative microseconds, module)."""
    result = subprocess.run([PYTHON, "-X", "importtime", "-m", "reader", "search", QUERY], cwd=ROOT,
                            capture_output=True, text=True, check=True, env=ENV)
    found = []
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| ( *)(\S+)", line)
        if match and len(match.group(2)) <= 2:  # imported by the command itself or one level down
            found.append((int(match.group(1)), match.group(3)))
    return sorted(found, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    timed(COMMANDS[f'search "{QUERY}"'])  # builds the index if missing, compiles, warms the disk cache
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, command in COMMANDS.items():  # alternating, so load changes hit all alike
            times[name].append(timed(command))
    print(f"Whole process, {args.runs} runs each, alternating (ms): median, fastest")
    for name, values in times.items():
        print(f"  {name:<28} {statistics.median(values) * 1000:7.1f} {min(values) * 1000:7.1f}")
    search, floor = times[f'search "{QUERY}"'], times["import what search uses"]
    above = (statistics.median(search) - statistics.median(floor)) * 1000
    print(f"  search above the imports it needs: {above:.1f} ms")
    print("Largest imports of one search (cumulative ms):")
    for micros, name in largest_imports():
        print(f"  {micros / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
