"""``coproduction-reader index`` and ``search`` as scripts use them: real processes, real output."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .clirun import guarded_env
from .conftest import ROOT


def run(*arguments: str, env_home) -> subprocess.CompletedProcess:
    env = {**os.environ, "COPRODUCTION_READER_HOME": str(env_home),
           "COPRODUCTION_READER_INDEX": str(env_home / "bundled-index")}
    return subprocess.run([sys.executable, "-m", "reader", *arguments], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("cli-home")


def test_index_check_build_and_rebuild(home):
    before = run("index", "--check", env_home=home)
    assert before.returncode == 1
    assert "missing" in before.stdout and "No usable index" in before.stdout
    first = run("index", env_home=home)
    assert first.returncode == 0, first.stderr
    assert "missing" in first.stdout and "Built the index in" in first.stdout
    assert str(home / "bundled-index") in first.stdout
    second = run("index", env_home=home)
    assert "fresh" in second.stdout and "Opened the index" in second.stdout
    check = run("index", "--check", env_home=home)
    assert check.returncode == 0 and "fresh" in check.stdout
    again = run("index", "--rebuild", env_home=home)
    assert again.returncode == 0 and "Built the index in" in again.stdout


def test_index_options_exclude_each_other(home):
    result = run("index", "--check", "--rebuild", env_home=home)
    assert result.returncode == 2 and result.stdout == ""


def test_search_json_is_exactly_one_object(home):
    result = run("search", "co-design", "--json", "--limit", "3", env_home=home)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)  # the whole of stdout: nothing else printed
    assert set(found) == {"query", "total", "suggestion", "notes", "results"}
    assert found["query"] == "co-design" and found["total"] > 3 and found["suggestion"] is None
    assert len(found["results"]) == 3
    for hit in found["results"]:
        assert set(hit) == {"section", "title", "heading", "anchor", "score", "snippet", "also"}
        assert "<b>" in hit["snippet"] and isinstance(hit["score"], float)


def test_search_json_with_a_misspelling_and_filters(home):
    result = run("search", "comissioning", "--json", "--kind", "foreword", env_home=home)
    found = json.loads(result.stdout)
    assert found["suggestion"] == "commissioning"
    assert found["results"] and {h["section"] for h in found["results"]} == {"foreword"}
    tagged = json.loads(run("search", "listed", "--json", "--tag", "disability", env_home=home).stdout)
    assert {h["section"] for h in tagged["results"]} == {"glasgow-disability-alliance"}


def test_search_with_no_results_still_exits_zero(home):
    result = run("search", "xqzvwk", "--json", env_home=home)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"query": "xqzvwk", "total": 0, "suggestion": None, "notes": [],
                                         "results": []}
    plain = run("search", "xqzvwk", env_home=home)
    assert plain.returncode == 0 and "Nothing matches" in plain.stdout


def test_search_plain_text(home):
    result = run("search", '"public services"', "--limit", "2", env_home=home)
    assert result.returncode == 0
    assert "passages match “\"public services\"”" in result.stdout
    assert "<b>" not in result.stdout and "1. " in result.stdout and "2. " in result.stdout


@pytest.mark.parametrize("arguments", [["search"], ["search", "x", "--limit", "0"],
                                       ["search", "x", "--limit", "many"], ["search", "x", "--kind", "nope"],
                                       ["search", "x", "--tag", "nope"], ["search", "x", "--bogus"]])
def test_wrong_arguments_exit_2_with_one_line(home, arguments):
    result = run(*arguments, env_home=home)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


#: Modules a search with a fresh index never needs: rendering (Markdown), downloading and asyncio
#: (which Whoosh imports for helpers the reader never calls), a query type the reader never makes,
#: the query parser (plain words need none),
#: the packs' importer, speech and the window; dataclasses (and the inspect module it imports),
#: logging (nothing is logged when all goes well), html (Whoosh imports it for a highlighter the
#: reader does not use), Whoosh's highlighter itself, dates (for date fields the index does not have),
#: temporary files and file copying (with the compression modules shutil imports: a search writes
#: nothing) and, with a home folder set, platformdirs.
NOT_NEEDED = ("markdown", "xml.etree.ElementTree", "reader.render", "urllib.request", "http.client", "email",
              "ssl", "asyncio", "cached_property", "whoosh.lang.morph_en", "whoosh.qparser", "uuid", "yaml",
              "frontmatter", "pysbd", "reader.packs.importer", "reader.speech", "PySide6", "dataclasses",
              "inspect", "logging", "html", "platformdirs", "whoosh.highlight", "whoosh.util.times", "datetime",
              "calendar", "tempfile", "shutil", "bz2", "lzma")


def test_a_search_imports_nothing_its_answer_does_not_need(home):
    assert run("search", "young scot", env_home=home).returncode == 0  # the index is built if missing
    log = home.with_name(f"{home.name}-network.log")  # the network forbidden, as in every command-line test
    env = {**guarded_env(home, log), "COPRODUCTION_READER_INDEX": str(home / "bundled-index")}
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "reader", "search", "young scot"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Young Scot" in result.stdout
    assert not log.exists(), log.read_text()
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "whoosh.searching" in imported and "reader.search.index" in imported
    submodules = tuple(f"{name}." for name in NOT_NEEDED)
    loaded = sorted(name for name in imported if name in NOT_NEEDED or name.startswith(submodules))
    assert loaded == []


def test_whoosh_loaded_without_its_unused_imports_still_has_them_when_asked():
    """The stand-ins only last while Whoosh loads: later imports and Whoosh's own calls get the real thing."""
    code = ("import sys\n"
            "from reader.search import engine\n"
            "engine.load()\n"
            "stood_in = {'urllib.request', 'asyncio', 'cached_property', 'whoosh.lang.morph_en', 'html',\n"
            "            'whoosh.highlight', 'whoosh.util.times', 'datetime', 'calendar', 'tempfile', 'shutil'}\n"
            "assert not stood_in & set(sys.modules)\n"
            "from whoosh.query import terms\n"
            "assert 'renderings' in terms.variations('rendering')\n"
            "assert sys.modules['whoosh.lang.morph_en'].__file__.endswith('morph_en.py')\n"
            "import urllib.request, cached_property, html\n"
            "assert urllib.request.urlopen and cached_property.threaded_cached_property\n"
            "import whoosh.compat\n"
            "marks = '<a href=\"x\">Carers&#x27; & others\\'</a>'\n"
            "assert html.unescape('&eacute;') == 'é' and whoosh.compat.htmlescape(marks) == html.escape(marks)\n"
            "import whoosh.fields, whoosh.searching, datetime\n"
            "when = datetime.datetime(2024, 5, 17, 9, 30)\n"
            "dates = whoosh.fields.DATETIME()\n"
            "assert dates.from_bytes(dates.to_bytes(when)) == when\n"
            "assert isinstance(whoosh.searching.highlight.Highlighter(), sys.modules['whoosh.highlight'].Highlighter)\n"
            "assert sys.modules['datetime'].__file__.endswith('datetime.py')\n"
            "import io, whoosh.filedb.compound, whoosh.filedb.filestore\n"
            "copied = io.BytesIO()\n"
            "whoosh.filedb.compound.copyfileobj(io.BytesIO(b'segment'), copied)\n"
            "assert copied.getvalue() == b'segment' and sys.modules['shutil'].__file__.endswith('shutil.py')\n"
            "assert whoosh.filedb.filestore.tempfile.gettempdir()\n"
            "assert sys.modules['tempfile'].__file__.endswith('tempfile.py')\n"
            "print('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr


def _last_line_of_a_watched_search(home, code: str) -> str:
    """Run ``code`` in a new process (as the command runs) with the index already built; it searches
    for "young scot" through :func:`reader.cli.main` and prints what it watched on its last line."""
    assert run("index", env_home=home).returncode == 0  # the index found or built before the search is watched
    env = {**os.environ, "COPRODUCTION_READER_HOME": str(home),
           "COPRODUCTION_READER_INDEX": str(home / "bundled-index")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert "Young Scot" in result.stdout, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_search_makes_no_annotation_from_a_string(home):
    """Fields of a named tuple written as strings (``from __future__ import annotations``) are each
    compiled when the class is made: 75 of them cost a search 3.6 ms before it had begun."""
    code = ("import typing\n"
            "made = []\n"
            "original = typing.ForwardRef.__init__\n"
            "def counted(self, text, *args, **kwargs):\n"
            "    made.append(text)\n"
            "    original(self, text, *args, **kwargs)\n"
            "typing.ForwardRef.__init__ = counted\n"
            "from reader.cli import main\n"
            "status = main(['search', 'young scot'])\n"
            "print('from strings', made, status)\n")
    assert _last_line_of_a_watched_search(home, code) == "from strings [] 0"


def test_a_search_never_stops_to_collect_garbage_and_leaves_the_collector_as_it_was(home):
    """In a new process (as the command runs), from the command's start to its answer."""
    code = ("import gc, sys\n"
            "from reader.cli import main\n"
            "before = gc.get_threshold()\n"
            "passes = []\n"
            "gc.callbacks.append(lambda phase, info: phase == 'start' and passes.append(info['generation']))\n"
            "status = main(['search', 'young scot'])\n"
            "print('collections', len(passes), gc.get_threshold() == before, status)\n")
    assert _last_line_of_a_watched_search(home, code) == "collections 0 True 0"
