"""Time from process start to the window shown with its text painted, and the memory then.

Runs the real command (``python -m reader``) several times offscreen with a fresh user folder
and prints the median; nothing is asserted. Usage: python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_run(home: Path) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               COPRODUCTION_READER_HOME=str(home), COPRODUCTION_READER_STARTUP_PROBE="1")
    started = time.time()
    result = subprocess.run([sys.executable, "-m", "reader"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    probe = json.loads(line)
    # No peak-memory figure where the platform cannot give one.
    return probe["painted_at"] - started, (probe["max_rss_kb"] or float("nan")) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        one_run(Path(scratch) / "warm-up")
        runs = [one_run(Path(scratch) / f"run{i}") for i in range(args.runs)]
    times = sorted(t for t, _ in runs)
    memory = [m for _, m in runs]
    print(f"start-up to first paint over {args.runs} runs ({os.cpu_count()} cores, "
          f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}):")
    print(f"  median {statistics.median(times) * 1000:.0f} ms, fastest {times[0] * 1000:.0f} ms, "
          f"slowest {times[-1] * 1000:.0f} ms")
    print(f"  resident memory at first paint: median {statistics.median(memory):.0f} MB")


if __name__ == "__main__":
    main()
