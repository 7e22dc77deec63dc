"""Record which wheel each runtime dependency installs from on every supported platform.

    python packaging/lock_wheels.py        (needs the network; run it when pyproject.toml's
                                            dependencies change, and commit the result)

Most users are on Windows, many on macOS; a dependency with no wheel there needs a compiler
to install, which they do not have. For each supported Python (3.11–3.13) and platform this
asks the package index, through pip (``pip install --dry-run --report``: only metadata is
fetched, never the wheels), which version and which wheel file would be installed, follows
each package's own requirements with that platform's markers (pip evaluates markers for the
computer it runs on, not for ``--platform``), and writes ``packaging/wheels-lock.json``.
``tests/test_wheels_lock.py`` checks, offline, that the file covers every dependency in
pyproject.toml with versions that satisfy it and wheel files that fit each platform.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "packaging" / "wheels-lock.json"
PYTHONS = ("3.11", "3.12", "3.13")
# Each platform: its newest wheel tag (pip itself adds the older macOS versions and universal2;
# the older manylinux tags are added here) and the values of environment markers there.
PLATFORMS = {
    "windows-x86_64": ("win_amd64", {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                                     "platform_machine": "AMD64"}),
    "macos-arm64": ("macosx_14_0_arm64", {"sys_platform": "darwin", "platform_system": "Darwin",
                                          "os_name": "posix", "platform_machine": "arm64"}),
    "macos-x86_64": ("macosx_13_0_x86_64", {"sys_platform": "darwin", "platform_system": "Darwin",
                                            "os_name": "posix", "platform_machine": "x86_64"}),
    "linux-x86_64": ("manylinux_2_36_x86_64", {"sys_platform": "linux", "platform_system": "Linux",
                                               "os_name": "posix", "platform_machine": "x86_64"}),
}
MAX_ROUNDS = 10


def dependencies() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def marker_environment(python: str, platform: str) -> dict[str, str]:
    """Environment markers as they evaluate on that platform under CPython ``python``."""
    environment = dict(default_environment())
    environment.update(PLATFORMS[platform][1])
    environment.update({"python_version": python, "python_full_version": f"{python}.0",
                        "implementation_name": "cpython", "platform_python_implementation": "CPython",
                        "platform_release": "", "platform_version": "", "extra": ""})
    return environment


def platform_options(tag: str) -> list[str]:
    """pip's ``--platform`` options for a computer whose newest tag is ``tag``."""
    if not tag.startswith("manylinux_"):
        return ["--platform", tag]
    _, major, minor, arch = tag.split("_", 3)
    tags = [f"manylinux_{major}_{glibc}_{arch}" for glibc in range(int(minor), 16, -1)] + [f"manylinux2014_{arch}"]
    return [option for older in tags for option in ("--platform", older)]


def ask_pip(requirements: list[str], python: str, tag: str) -> list[dict]:
    """What pip would install for each requirement alone (no dependencies) on that platform."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--no-deps",
                   "--ignore-installed", "--only-binary=:all:", *platform_options(tag), "--python-version", python,
                   "--implementation", "cp", "--report", str(report), *requirements]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise SystemExit(f"pip found no wheel for Python {python} on {tag}:\n{result.stderr.strip()}")
        return json.loads(report.read_text(encoding="utf-8"))["install"]


def resolve(python: str, platform: str) -> dict[str, dict]:
    """Every package installed on that platform: version, wheel file, requirements, who needs it."""
    environment = marker_environment(python, platform)
    wanted: dict[str, SpecifierSet] = {}
    needed_by: dict[str, set[str]] = {}
    locked: dict[str, dict] = {}

    def want(requirement: Requirement, by: str) -> None:
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            return
        name = canonicalize_name(requirement.name)
        wanted[name] = wanted.get(name, SpecifierSet()) & requirement.specifier
        needed_by.setdefault(name, set()).add(by)

    for line in dependencies():
        want(Requirement(line), "pyproject.toml")
    for _ in range(MAX_ROUNDS):
        pending = sorted(name for name, spec in wanted.items()
                         if name not in locked or not spec.contains(locked[name]["version"], prereleases=True))
        if not pending:
            break
        for item in ask_pip([f"{name}{wanted[name]}" for name in pending], python, PLATFORMS[platform][0]):
            metadata = item["metadata"]
            name = canonicalize_name(metadata["name"])
            requires = [r for r in metadata.get("requires_dist") or []
                        if Requirement(r).marker is None or Requirement(r).marker.evaluate(environment)]
            locked[name] = {"version": metadata["version"],
                            "wheel": item["download_info"]["url"].rsplit("/", 1)[-1], "requires": requires}
            for requirement in requires:
                want(Requirement(requirement), name)
    else:
        raise SystemExit(f"requirements did not settle for Python {python} on {platform}")
    return {name: {**locked[name], "needed_by": sorted(needed_by[name])} for name in sorted(locked)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=LOCK)
    args = parser.parse_args()
    targets = {}
    for python in PYTHONS:
        for platform in PLATFORMS:
            key = f"cp{python.replace('.', '')}-{platform}"
            print(f"{key}: asking the package index", file=sys.stderr, flush=True)
            targets[key] = resolve(python, platform)
    lock = {
        "about": "Written by packaging/lock_wheels.py from pyproject.toml's dependencies; do not edit by hand.",
        "dependencies": dependencies(),
        "pythons": list(PYTHONS),
        "platforms": {name: tag for name, (tag, _) in PLATFORMS.items()},
        "targets": targets,
    }
    args.out.write_text(json.dumps(lock, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    sizes = {key: len(packages) for key, packages in targets.items()}
    print(f"wrote {args.out}: packages per target {sizes}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
