"""The ``pack`` and ``import`` commands, run as a user runs them, with the network forbidden."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clirun import run_cli
from tests.packkit import tree_hash, write_pack_folder, zip_entries

pytestmark = pytest.mark.slow  # each test starts Python processes (about 0.3 s each)


def test_create_add_list_remove(tmp_path: Path, user_home: Path) -> None:
    folder = write_pack_folder(tmp_path / "stories")
    out = tmp_path / "stories.zip"
    result = run_cli("pack", "create", folder, "--out", out, home=user_home)
    assert result.returncode == 0, result.stderr
    assert "the pack 'local-stories' (Local stories), 2 sections in 3 files" in result.stdout

    result = run_cli("pack", "add", out, home=user_home)
    assert (result.returncode, result.stdout.strip()) == (0, "Added the pack 'local-stories' (Local stories): "
                                                             "2 sections.")
    listing = json.loads(run_cli("pack", "list", "--json", home=user_home).stdout)
    assert [(p["name"], p["title"], p["problem"]) for p in listing] == [("local-stories", "Local stories", None)]
    assert [(s["id"], s["title"], s["file"]) for s in listing[0]["sections"]] == [
        ("lunch-club", "The lunch club", "lunch-club.md"), ("garden-group", "The garden group", "garden-group.md")]
    table = run_cli("pack", "list", home=user_home).stdout
    assert "local-stories  Local stories  (2 sections)" in table and "    lunch-club  The lunch club" in table

    sections = json.loads(run_cli("sections", "--json", home=user_home).stdout)
    assert sections[-1]["id"] == "garden-group"  # the reader shows the pack's sections

    result = run_cli("pack", "remove", "local-stories", home=user_home)
    assert (result.returncode, result.stdout.strip()) == (0, "Removed the pack 'local-stories' (2 sections).")
    assert run_cli("pack", "list", home=user_home).stdout.strip() == "No content packs are installed."


def test_refused_pack_is_one_line_exit_1_and_changes_nothing(tmp_path: Path, user_home: Path) -> None:
    bad = zip_entries(tmp_path / "bad.zip", [("../../evil.md", "x")])
    before = tree_hash(user_home)
    result = run_cli("pack", "add", bad, home=user_home)
    assert result.returncode == 1
    assert result.stderr == "coproduction-reader: refused: '../../evil.md' points outside the pack's folder " \
                            "('..'): refused\n"
    assert result.stdout == ""
    assert tree_hash(user_home) == before


@pytest.mark.parametrize("arguments", [["pack"], ["pack", "add"], ["pack", "frobnicate"],
                                       ["pack", "create", "folder"], ["import"], ["pack", "list", "--yaml"]])
def test_wrong_arguments_exit_2_with_one_line(arguments: list[str], user_home: Path) -> None:
    result = run_cli(*arguments, home=user_home)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "error:" in result.stderr


def test_import_a_document(tmp_path: Path, user_home: Path) -> None:
    doc = tmp_path / "our-notes.txt"
    doc.write_text("Meeting on Tuesday.\n")
    result = run_cli("import", doc, home=user_home)
    assert (result.returncode, result.stdout.strip()) == (
        0, "Added 'Our notes' to the pack 'local' as the section 'our-notes'.")
    result = run_cli("import", doc, "--pack", "minutes", home=user_home)
    assert "as the section 'our-notes-2'" in result.stdout
    result = run_cli("import", tmp_path / "missing.docx", home=user_home)
    assert result.returncode == 1 and result.stderr.startswith("coproduction-reader: refused: missing.docx: only")
    listing = json.loads(run_cli("pack", "list", "--json", home=user_home).stdout)
    assert [(p["name"], [s["id"] for s in p["sections"]]) for p in listing] == [
        ("local", ["our-notes"]), ("minutes", ["our-notes-2"])]


def test_added_content_is_in_the_search_index_without_a_rebuild(tmp_path: Path, user_home: Path) -> None:
    assert run_cli("index", home=user_home).returncode == 0  # as set-up does
    folder = write_pack_folder(tmp_path / "allot", name="allotments", title="Allotments",
                               sections=[("allotment-society", "The allotment society",
                                          "Neighbours share the polytunnel and the harvest.\n")])
    out = tmp_path / "allot.zip"
    assert run_cli("pack", "create", folder, "--out", out, home=user_home).returncode == 0
    added = run_cli("pack", "add", out, home=user_home)
    assert added.returncode == 0 and added.stderr == ""
    check = run_cli("index", "--check", home=user_home)
    assert check.returncode == 0, check.stdout  # current for the guide plus the pack: no rebuild needed
    found = json.loads(run_cli("search", "polytunnel", "--json", home=user_home).stdout)
    assert [r["section"] for r in found["results"]] == ["allotment-society"]

    doc = tmp_path / "minutes.txt"
    doc.write_text("The committee agreed to buy a second wheelbarrow.\n")
    assert run_cli("import", doc, home=user_home).returncode == 0
    assert run_cli("index", "--check", home=user_home).returncode == 0
    found = json.loads(run_cli("search", "wheelbarrow", "--json", home=user_home).stdout)
    assert [r["section"] for r in found["results"]] == ["minutes"]

    assert run_cli("pack", "remove", "allotments", home=user_home).returncode == 0
    assert run_cli("index", "--check", home=user_home).returncode == 0
    assert json.loads(run_cli("search", "polytunnel", "--json", home=user_home).stdout)["total"] == 0


def test_adding_a_pack_loads_whoosh_without_its_download_helpers(tmp_path: Path, user_home: Path) -> None:
    """Proving a pack analyses it as the index does: Whoosh is loaded as a search loads it (see
    :mod:`reader.search.engine`), not with the web and mail modules it imports for nothing."""
    import subprocess
    import sys

    from tests.clirun import ROOT, guarded_env

    out = tmp_path / "stories.zip"
    assert run_cli("pack", "create", write_pack_folder(tmp_path / "stories"), "--out", out,
                   home=user_home).returncode == 0
    log = user_home.with_name(f"{user_home.name}-network.log")
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "reader", "pack", "add", str(out)], cwd=ROOT,
                            env=guarded_env(user_home, log), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Added the pack" in result.stdout, result.stderr
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "whoosh.fields" in imported and "pysbd" in imported  # the pack was analysed and prepared for speech
    assert sorted(imported & {"urllib.request", "http.client", "email", "ssl", "asyncio", "cached_property"}) == []
