"""The strings reach translators: pyside6-lupdate extracts them all, the catalogue is current, plurals and
the pseudo-translation keep what the code needs."""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from reader.pseudo_translation import CLOSE, OPEN, is_pseudo, pseudo, read_catalogue

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "translations"
AT_LEAST = 330  # messages extracted when this test was written (341); fewer means extraction broke
SAMPLES = {
    "&File",  # a menu, declared in the Qt-free core
    "&Read aloud",  # a command
    "Read this section aloud from the top of the page you see; press again to pause",  # its tip
    "Text size (percent of normal)",  # a setting's label, in reader/settings.py
    "High contrast, dark",  # a theme
    "Dyslexia-friendly",  # a preset
    "This link needs the internet",  # a message box of the window
    "%n passages found.",  # a count
    "{tip} ({keys})",  # a pattern, with its disambiguation
}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")


def _script():
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """A fresh extraction of the sources with pyside6-lupdate, into a folder of its own."""
    folder = tmp_path_factory.mktemp("translations")
    _script().extract(folder)
    return folder / "coproduction-reader.ts"


def test_lupdate_extracts_every_kind_of_string(extracted: Path) -> None:
    messages = read_catalogue(extracted)
    assert len(messages) >= AT_LEAST
    sources = {m.source for m in messages}
    assert sources >= SAMPLES, SAMPLES - sources
    assert {m.context for m in messages} == {""}, "the window looks every string up in the unnamed context"
    assert next(m for m in messages if m.source == "%n passages found.").numerus


def test_the_committed_catalogue_is_current(extracted: Path) -> None:
    fresh = set(read_catalogue(extracted))
    committed = set(read_catalogue(COMMITTED / "coproduction-reader.ts"))
    assert fresh == committed, ("translations/coproduction-reader.ts is out of date: run "
                                "'python packaging/translations.py extract' and commit it.\n"
                                f"new: {sorted(m.source for m in fresh - committed)[:10]}\n"
                                f"gone: {sorted(m.source for m in committed - fresh)[:10]}")


def _literal_calls(path: Path) -> list[tuple[int, str]]:
    calls: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "QT_TR_NOOP")
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            calls.append((node.lineno, node.args[0].value))
    return calls


def test_every_string_given_to_tr_is_in_the_catalogue() -> None:
    known = {m.source for m in read_catalogue(COMMITTED / "coproduction-reader.ts")}
    missing = [f"{path.relative_to(ROOT)}:{line}: {text!r}" for path in _script().sources()
               for line, text in _literal_calls(path) if text not in known]
    assert not missing, "not extracted (or the catalogue is stale):\n" + "\n".join(missing)


def test_the_window_translates_only_in_the_extracted_form() -> None:
    """``QCoreApplication.translate("Ctx", …)`` with a context the helper does not use would never be translated."""
    offenders = [f"{path.relative_to(ROOT)}:{number}" for path in (ROOT / "reader").rglob("*.py")
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"QCoreApplication\.translate\(\s*\"[^\"]", line)]
    assert not offenders, offenders


def test_counts_use_plural_forms_with_english_ones_written() -> None:
    catalogue = read_catalogue(COMMITTED / "coproduction-reader.ts")
    assert not [m.source for m in catalogue if "(s)" in m.source], "use %n and plural forms, not (s)"
    numerus = {m.source for m in catalogue if m.numerus}
    english = ElementTree.parse(COMMITTED / "coproduction-reader_en.ts").getroot()
    forms = {message.findtext("source"): [f.text or "" for f in message.iter("numerusform")]
             for message in english.iter("message")}
    assert numerus <= set(forms), numerus - set(forms)
    for source in numerus:
        one, many = forms[source]
        assert one and many == source and one != many, source


def test_the_compiled_english_forms_match_their_source(tmp_path: Path) -> None:
    target = tmp_path / "en.qm"
    _script().run_tool("lrelease", ["-silent", str(COMMITTED / "coproduction-reader_en.ts"), "-qm", str(target)])
    assert target.read_bytes() == (COMMITTED / "coproduction-reader_en.qm").read_bytes(), \
        "run 'python packaging/translations.py compile' and commit translations/coproduction-reader_en.qm"


@pytest.mark.parametrize("text", ["&File", "Saved %n files in {folder}\n\n{length} of audio in all, {size:.1f} MB.",
                                  "Health & Social Care", "<b>{query}</b> &amp; more", "OK"])
def test_pseudo_keeps_placeholders_keys_and_markup(text: str) -> None:
    result = pseudo(text)
    assert is_pseudo(result) and result != text
    assert _PLACEHOLDER.findall(result) == _PLACEHOLDER.findall(text)
    assert re.findall(r"<[^>]+>|&\w+;", result) == re.findall(r"<[^>]+>|&\w+;", text)
    assert result.count("\n") == text.count("\n")
    assert result.replace("&&", "").count("&") == text.replace("&&", "").count("&")


def _visible(text: str) -> int:
    """Characters a reader sees: not placeholders (filled in later), markup, nor the & marking an access key."""
    text = _PLACEHOLDER.sub("", re.sub(r"<[^<>]+>|&\w+;", "", text))
    return len(re.sub(r"&(?=\w)", "", text.replace("&&", "\0")))


def test_pseudo_is_40_percent_longer_for_every_message() -> None:
    for message in read_catalogue(COMMITTED / "coproduction-reader.ts"):
        result = pseudo(message.source)
        inner = result[len(OPEN):-len(CLOSE)]
        for line, original in zip(inner.split("\n"), message.source.split("\n"), strict=True):
            assert _visible(line) >= _visible(original) * 1.4, (original, line)
        assert _PLACEHOLDER.findall(result) == _PLACEHOLDER.findall(message.source)


def test_the_window_language_is_an_option() -> None:
    from reader.cli import build_parser

    assert build_parser().parse_args(["--translation", "pseudo"]).translation == "pseudo"
    assert build_parser().parse_args([]).translation is None  # the computer's language, or the variable
