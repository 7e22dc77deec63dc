"""Run the ``coproduction-reader`` command as a user would, in a subprocess with the network forbidden."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUARD_SITE = Path(__file__).resolve().parent / "netguard_site"


def guarded_env(home: Path, log: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "PYTHONPATH": os.pathsep.join([str(GUARD_SITE), str(ROOT)]),
        "COPRODUCTION_READER_HOME": str(home),
        "NETGUARD_LOG": str(log),
        "QT_QPA_PLATFORM": "offscreen",
    })
    return env


def run_cli(*args: str | os.PathLike[str], home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m reader ARGS``; fails the calling test if the process tried to use the network."""
    log = home.with_name(f"{home.name}-network.log")
    result = subprocess.run([sys.executable, "-m", "reader", *map(str, args)], env=guarded_env(home, log),
                            capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False)
    assert not log.exists(), f"the command tried to use the network:\n{log.read_text()}"
    return result
