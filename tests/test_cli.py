"""The command line: the same core, scripted, with one-line errors and exit status 2 for wrong arguments."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, **env)
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_sections_json_lists_every_section_with_word_counts():
    result = run("sections", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0] == {"id": "foreword", "title": "Foreword", "kind": "foreword",
                       "tags": ["co-production", "public-services", "policy"],
                       "words": rows[0]["words"], "parent": None}
    assert rows[0]["words"] > 400
    assert {row["id"] for row in rows} >= {"introduction", "evoc", "using-this-reader"}
    assert all(set(row) == {"id", "title", "kind", "tags", "words", "parent"} for row in rows)


def test_sections_plain_text():
    result = run("sections")
    assert result.returncode == 0
    assert "foreword" in result.stdout and "Glasgow Disability Alliance" in result.stdout


@pytest.mark.parametrize("args", [
    ("no-such-command",),
    ("sections", "--bogus"),
    ("screenshot",),
    ("screenshot", "--out", "x.png", "--text-size", "900"),
    ("screenshot", "--out", "x.png", "--width", "wide"),
    ("screenshot", "--out", "x.png", "--section", "nowhere"),
])
def test_wrong_arguments_give_one_line_and_status_2(args, tmp_path):
    result = run(*args)
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "error" in lines[0], result.stderr
    assert result.stdout == ""


def test_broken_content_is_named_with_file_and_line(tmp_path):
    (tmp_path / "manifest.yaml").write_text("sections:\n  - id: a\n    file: a.md\n    kind: help\n")
    (tmp_path / "a.md").write_text("Text.\n")
    result = run("sections", COPRODUCTION_READER_CONTENT=str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'manifest.yaml'}:2: section 'a' has no title" in result.stderr


def test_screenshot_writes_a_png_of_the_asked_size_that_is_not_blank(tmp_path):
    out = tmp_path / "shot.png"
    result = run("screenshot", "--out", str(out), "--section", "introduction", "--text-size", "200",
                 "--width", "1024", "--height", "700")
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    colours = {image.pixel(x, y) for x in range(0, 1024, 7) for y in range(0, 700, 7)}
    assert len(colours) > 20, "the screenshot is blank"
    dark = sum(1 for x in range(400, 1000, 3) for y in range(100, 600, 3) if image.pixelColor(x, y).value() < 100)
    assert dark > 500, "no text painted in the reading view"


@pytest.mark.parametrize("columns", ["60", "100"])
def test_help_is_laid_out_to_the_terminals_width_as_argparse_lays_it_out(monkeypatch, columns):
    """The reader asks the terminal's width itself (argparse's way imports shutil for every argument)."""
    import argparse

    from reader.cli import build_parser

    monkeypatch.setenv("COLUMNS", columns)
    ours = build_parser("search")
    theirs = build_parser("search")
    for parser in (theirs, *theirs._subparsers._group_actions[0].choices.values()):
        parser.formatter_class = argparse.HelpFormatter
    search, standard = (p._subparsers._group_actions[0].choices["search"] for p in (ours, theirs))
    assert search.format_help() == standard.format_help()
    assert max(map(len, search.format_help().splitlines())) <= int(columns)
    assert ours.format_help() == theirs.format_help()
