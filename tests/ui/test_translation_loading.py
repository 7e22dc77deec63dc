"""Which translation the window loads: English plural forms always, a language's file when there is one,
a file named outright, and a plain message (English kept) when the choice cannot be loaded."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.ui import translation
from reader.ui.i18n import tr

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def back_to_english(qapp) -> Iterator[None]:
    yield
    translation.install("en")


def test_english_counts_say_one_and_many(qapp) -> None:
    assert tr("%n passages found.", None, 1) == "1 passage found."
    assert tr("%n passages found.", None, 4) == "4 passages found."
    assert tr("Showing the first %n.", None, 1) == "Showing the first one."


def _german(folder: Path) -> Path:
    """A German translation started and compiled as the README says, with one string translated."""
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "packaging" / "translations.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    (folder / "coproduction-reader_en.ts").write_bytes((paths.translations_dir() / "coproduction-reader_en.ts")
                                                       .read_bytes())
    started = script.new("de", folder)
    text = started.read_text(encoding="utf-8")
    text = text.replace("<source>&amp;File</source>\n        <translation type=\"unfinished\"></translation>",
                        "<source>&amp;File</source>\n        <translation>&amp;Datei</translation>")
    started.write_text(text, encoding="utf-8")
    compiled = script.compile_all(folder)
    assert folder / "coproduction-reader_de.qm" in compiled
    return folder / "coproduction-reader_de.qm"


def test_a_language_loads_from_the_translations_folder(qapp, tmp_path, monkeypatch, back_to_english) -> None:
    _german(tmp_path)
    monkeypatch.setattr(paths, "translations_dir", lambda: tmp_path)
    assert translation.install("de_AT") == []  # Austrian German falls back to German
    assert tr("&File") == "&Datei"
    assert tr("&Help") == "&Help", "not translated yet: English"
    translation.install("en")
    assert tr("&File") == "&File"


def test_a_compiled_file_can_be_named(qapp, tmp_path, back_to_english) -> None:
    qm = _german(tmp_path)
    assert translation.install(str(qm)) == []
    assert tr("&File") == "&Datei"


def test_a_choice_that_cannot_load_says_so_and_keeps_english(qapp, tmp_path, back_to_english, capsys) -> None:
    problems = translation.install(str(tmp_path / "missing.qm"))
    assert problems and "missing.qm" in problems[0] and "English" in problems[0]
    assert "missing.qm" in capsys.readouterr().err
    assert translation.install("xx") and tr("&File") == "&File"
    assert tr("%n passages found.", None, 1) == "1 passage found."


@pytest.mark.slow
def test_the_reader_starts_in_the_pseudo_translation_from_the_environment(tmp_path) -> None:
    """A clean process: the variable alone makes the menus pseudo-translated."""
    probe = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
             "from reader.ui import translation; from reader.ui.i18n import tr; "
             "print(translation.install(), tr('&File'), tr('%n passages found.', None, 1))")
    env = {"COPRODUCTION_READER_TRANSLATION": "pseudo", "QT_QPA_PLATFORM": "offscreen",
           "COPRODUCTION_READER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=60, check=True)
    assert done.stdout.split() == ["[]", "⟦&Fílé··⟧", "⟦1", "pásságé", "fóúñd.······⟧"]


def test_a_message_composed_in_the_core_is_translated_whole(qapp, tmp_path, back_to_english) -> None:
    from reader.pseudo_translation import is_pseudo
    from reader.settings import Settings
    from reader.ui.i18n import translated

    damaged = tmp_path / "settings.json"
    damaged.write_text("{not json", encoding="utf-8")
    problem = Settings(damaged).problem
    assert problem is not None and problem.startswith("Your settings file could not be read")  # English as it is
    assert translation.install("pseudo") == []
    shown = translated(problem)
    assert is_pseudo(shown) and "séttíñgs" in shown
    kept = next(tmp_path.glob("settings.json.corrupt-*"))
    assert f"⟦Thé fílé ás ít wás ís képt ás {kept}." in shown, "the inner sentence too, with the file name as it is"


def test_a_refused_packs_reason_is_translated_whole(qapp, tmp_path, back_to_english) -> None:
    from reader.packs import PackError, add
    from reader.pseudo_translation import is_pseudo
    from reader.translatable import message_of
    from reader.ui.i18n import translated

    fake = tmp_path / "stories.zip"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(PackError) as refused:
        add(fake)
    assert str(refused.value) == "stories.zip is not a zip file"  # English, as the command line prints it
    assert translation.install("pseudo") == []
    assert translated(message_of(refused.value)) == "⟦stories.zip ís ñót á zíp fílé········⟧"
    assert is_pseudo(translated(message_of(refused.value)))
