"""Every runtime dependency installs from a wheel on Windows, macOS and Linux, for each supported Python.

The suite is offline, so it reads ``packaging/wheels-lock.json``, which
``packaging/lock_wheels.py`` writes by asking the package index. A dependency added or changed in
pyproject.toml without running that script fails here, as does a package whose locked wheel
would not install on its platform (a Linux-only build, a wheel for another Python) or whose
version no longer satisfies what asks for it.
"""

from __future__ import annotations

import copy
import json
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags, mac_platforms
from packaging.utils import canonicalize_name, parse_wheel_filename

from .conftest import ROOT

LOCK = ROOT / "packaging" / "wheels-lock.json"
SUPPORTED_PYTHONS = ["3.11", "3.12", "3.13"]
NEEDED_PLATFORMS = {"windows-x86_64", "macos-arm64", "macos-x86_64", "linux-x86_64"}


def pyproject_dependencies() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def platform_names(tag: str) -> list[str]:
    """Every platform tag a computer with this (newest) platform tag installs."""
    if tag.startswith("macosx_"):
        _, major, minor, arch = tag.split("_", 3)
        return list(mac_platforms((int(major), int(minor)), arch))
    if tag.startswith("manylinux_"):
        _, major, minor, arch = tag.split("_", 3)
        names = [f"manylinux_{major}_{glibc}_{arch}" for glibc in range(int(minor), 4, -1)]
        legacy = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}
        return names + [f"{alias}_{arch}" for glibc, alias in legacy.items() if glibc <= int(minor)]
    return [tag]


def installable(python: str, tag: str) -> set[Tag]:
    version = tuple(int(part) for part in python.split("."))
    platforms = platform_names(tag)
    interpreter = f"cp{version[0]}{version[1]}"
    return {*cpython_tags(version, platforms=platforms), *compatible_tags(version, interpreter, platforms)}


def problems(lock: dict, dependencies: list[str]) -> list[str]:
    """What is wrong with the lock, in words; empty when every target installs from wheels."""
    found = []
    if lock.get("dependencies") != dependencies:
        found.append("the lock was made for other dependencies than pyproject.toml's: "
                     "run packaging/lock_wheels.py")
    if sorted(lock.get("pythons", [])) != SUPPORTED_PYTHONS:
        found.append(f"the lock covers Pythons {lock.get('pythons')}, not {SUPPORTED_PYTHONS}")
    missing = NEEDED_PLATFORMS - set(lock.get("platforms", {}))
    if missing:
        found.append(f"the lock lacks platforms {sorted(missing)}")
    for python in SUPPORTED_PYTHONS:
        for platform, tag in lock.get("platforms", {}).items():
            key = f"cp{python.replace('.', '')}-{platform}"
            packages = lock.get("targets", {}).get(key)
            if not packages:
                found.append(f"{key}: missing from the lock")
                continue
            found += _target_problems(key, packages, installable(python, tag), dependencies, python, platform)
    return found


def _target_problems(key: str, packages: dict, tags: set[Tag], dependencies: list[str], python: str,
                     platform: str) -> list[str]:
    found = []
    environment = {"python_version": python, "python_full_version": f"{python}.0", "extra": "",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython",
                   **_platform_markers(platform)}
    asked = [(line, "pyproject.toml") for line in dependencies]
    asked += [(line, name) for name, entry in packages.items() for line in entry["requires"]]
    for line, by in asked:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        entry = packages.get(canonicalize_name(requirement.name))
        if entry is None:
            found.append(f"{key}: {requirement.name} (needed by {by}) is not in the lock")
        elif not requirement.specifier.contains(entry["version"], prereleases=True):
            found.append(f"{key}: {requirement.name} {entry['version']} does not satisfy '{line}' ({by})")
    for name, entry in packages.items():
        wheel_name, wheel_version, _, wheel_tags = parse_wheel_filename(entry["wheel"])
        if canonicalize_name(wheel_name) != name or str(wheel_version) != entry["version"]:
            found.append(f"{key}: {name} {entry['version']} is locked to another package's wheel {entry['wheel']}")
        if not wheel_tags & tags:
            found.append(f"{key}: {entry['wheel']} does not install there")
    return found


def _platform_markers(platform: str) -> dict[str, str]:
    system = platform.split("-")[0]
    machine = platform.split("-")[1]
    return {
        "windows": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                    "platform_machine": "AMD64"},
        "macos": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix",
                  "platform_machine": machine},
        "linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
                  "platform_machine": machine},
    }[system]


@pytest.fixture(scope="module")
def lock() -> dict:
    return json.loads(LOCK.read_text(encoding="utf-8"))


def test_every_dependency_has_a_wheel_for_every_platform_and_python(lock):
    assert problems(lock, pyproject_dependencies()) == []


def test_the_lock_names_the_windows_and_macos_wheels(lock):
    """Spot checks a reader can follow: Qt's own wheels, and speech's platform-only packages."""
    windows = lock["targets"]["cp312-windows-x86_64"]
    assert windows["pyside6-essentials"]["wheel"].endswith("win_amd64.whl")
    assert {"pywin32", "comtypes"} <= set(windows)  # speech on Windows (SAPI)
    mac = lock["targets"]["cp313-macos-arm64"]
    assert "macosx" in mac["shiboken6"]["wheel"]
    assert "pyobjc-core" in mac  # speech on macOS (NSSpeechSynthesizer)
    assert "pywin32" not in mac and "pyobjc-core" not in lock["targets"]["cp311-linux-x86_64"]


def _break(lock: dict, how: str) -> dict:
    broken = copy.deepcopy(lock)
    windows = broken["targets"]["cp311-windows-x86_64"]
    linux = broken["targets"]["cp311-linux-x86_64"]
    if how == "linux wheel on windows":
        windows["pyyaml"]["wheel"] = linux["pyyaml"]["wheel"]
    elif how == "wheel for another python":
        windows["pyyaml"]["wheel"] = windows["pyyaml"]["wheel"].replace("cp311-cp311", "cp313-cp313")
    elif how == "dependency missing":
        del broken["targets"]["cp313-macos-arm64"]["nh3"]
    elif how == "transitive dependency missing":
        del windows["shiboken6"]
    elif how == "version outside the range":
        windows["pyside6-essentials"]["version"] = "6.12.0"
        windows["pyside6-essentials"]["wheel"] = windows["pyside6-essentials"]["wheel"].replace("6.11.", "6.12.")
    elif how == "target missing":
        del broken["targets"]["cp312-macos-x86_64"]
    return broken


@pytest.mark.parametrize("how", ["linux wheel on windows", "wheel for another python", "dependency missing",
                                 "transitive dependency missing", "version outside the range", "target missing"])
def test_the_check_notices_a_broken_lock(lock, how):
    assert problems(_break(lock, how), pyproject_dependencies())


def test_the_check_notices_a_dependency_added_without_locking(lock):
    assert problems(lock, [*pyproject_dependencies(), "numpy>=2"])
    changed = [line.replace("PyYAML>=6.0", "PyYAML>=7") for line in pyproject_dependencies()]
    assert problems(lock, changed)
