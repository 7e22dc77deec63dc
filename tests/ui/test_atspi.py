"""What Orca sees: the reader under a private X server, its accessibility tree read over AT-SPI.

Needs Debian's xvfb, dbus (dbus-run-session), at-spi2-core and python3-pyatspi (the
system Python's); the test is skipped, saying which is missing, when they are not there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).with_name("atspi_walker.py")
SYSTEM_PYTHON = "/usr/bin/python3"

pytestmark = pytest.mark.slow


def _missing() -> str | None:
    for tool, package in (("Xvfb", "xvfb"), ("dbus-run-session", "dbus"), (SYSTEM_PYTHON, "python3")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian package {package})"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        return "pyatspi is not importable by the system Python (Debian packages python3-pyatspi, at-spi2-core)"
    return None


def _walk(tmp_path: Path, *press: str) -> dict:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    command = ["dbus-run-session", "--", SYSTEM_PYTHON, str(WALKER), "--app-python", sys.executable,
               "--home", str(tmp_path), "--cwd", str(ROOT)]
    for item in press:
        command += ["--press", item]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no tree from the walker: {result.stdout[-500:]} {result.stderr[-1500:]}"
    tree = json.loads(lines[-1])
    assert "error" not in tree, tree
    return tree


def _nodes(tree: dict) -> list[dict]:
    found = [tree]
    for child in tree.get("children", []):
        found.extend(_nodes(child))
    return found


def _one(nodes: list[dict], role: str, name: str) -> dict:
    matches = [n for n in nodes if n["role"] == role and n["name"] == name]
    assert matches, f"no {role} named {name!r}; {role}s: {[n['name'] for n in nodes if n['role'] == role]}"
    return matches[0]


def test_orca_sees_the_window_its_controls_and_the_guide_text(tmp_path: Path) -> None:
    tree = _walk(tmp_path, "Reading settings panel", "Bookmarks and recently read")
    nodes = _nodes(tree)
    frame = _one(nodes, "frame", "Foreword — Co-production Reader")  # the window names the open section
    assert "showing" in frame["states"]

    # The text itself, readable through the text interface, with a name and a position.
    page = next(n for n in nodes if n["name"] == "Text of the section")
    assert "Foreword" in page["text"] and "Sharing our strengths" in page["text"]
    assert "section 1 of" in page["description"]
    assert "focusable" in page["states"]
    contents = _one(nodes, "tree", "Contents")
    assert "Introduction" in [n["name"] for n in _nodes(contents)]

    # Menus, including the reading comfort commands.
    menu_titles = [n["name"] for n in nodes if n["role"] == "menu item"]
    for title in ("File", "View", "Bookmarks", "Help", "Print in large print…", "Export large-print PDF…",
                  "Preferences…", "Reading settings panel", "Presets", "Colours", "Reading ruler",
                  "Large print", "Dyslexia-friendly", "Low vision", "Screen reader",
                  "Reset to defaults", "High contrast, dark", "Add bookmark here…"):
        assert title in menu_titles, title

    # The reading settings panel, opened through AT-SPI as Orca would: named, described controls.
    _one(nodes, "panel", "Reading settings")
    for name in ("Large print", "Dyslexia-friendly", "Low vision", "Screen reader"):
        preset = _one(nodes, "check box", name)
        assert preset["description"] and "focusable" in preset["states"]
    _one(nodes, "push button", "Reset to defaults")
    for name in ("Text size (percent of normal)", "Line spacing (times the text size)",
                 "Extra space between letters (times the text size)", "Longest line (characters)"):
        spin = _one(nodes, "spin button", name)
        assert spin["description"] and spin.get("text")
    combos = [n for n in nodes if n["role"] == "combo box"]
    labels = {label for combo in combos for label in combo.get("relations", {}).get("labelled by", [])}
    assert {"Colours:", "Font:"} <= labels, "each list of choices is labelled"
    _one(nodes, "check box", "Match the computer's light, dark or high-contrast setting")

    # The bookmarks panel: a short title bar, so it shows whole at a large interface size; its contents
    # carry the whole name.
    _one(nodes, "panel", "Bookmarks")
    assert any(n["name"] == "Bookmarks and recently read" for n in nodes)
    assert _one(nodes, "list", "Bookmarks")["description"]
    _one(nodes, "list", "Recently read")
    for name in ("Add here", "Go to", "Rename", "Remove"):
        assert _one(nodes, "push button", name)["description"]

    # Nothing that takes focus is left without a name.
    unnamed = [n["role"] for n in nodes if "focusable" in n["states"] and "showing" in n["states"]
               and not n["name"] and n["role"] not in ("list", "list item", "table cell")]
    assert unnamed == []
