"""Which translation the window loads at start: the computer's language, a file, or the pseudo-translation.

``COPRODUCTION_READER_TRANSLATION`` (or ``coproduction-reader --translation``) chooses:

- unset or ``system``: the computer's language, from ``translations/coproduction-reader_LANG.qm``
  when one exists (with Qt's own translation of its standard buttons), else English;
- a language such as ``de`` or ``pt_BR``: that language's file, the same way;
- a path to a ``.qm`` file (as ``pyside6-lrelease`` makes);
- ``pseudo``: every string of the extracted catalogue pseudo-translated (see
  :mod:`reader.pseudo_translation`), to check that nothing is left untranslated or cut;
- ``en``: English, whatever the computer's language.

English itself needs one small file: Qt's plural forms ("1 passage", "2 passages") come from
``coproduction-reader_en.qm``, always loaded first, so any other translation is looked up before it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from reader import paths
from reader.ui.i18n import tr

TRANSLATION_ENV = "COPRODUCTION_READER_TRANSLATION"
CATALOGUE = "coproduction-reader"  # translations/coproduction-reader.ts, and _LANG.ts/.qm beside it
# Qt's own strings that the pseudo-translation leaves alone: key names, which menus show as keys.
_QT_KEEP = ("QShortcut", "QKeySequence")
_installed: list[QTranslator] = []  # what install() loaded, so that remove() can take it out again


class PseudoTranslator(QTranslator):
    """The pseudo-translation of the extracted catalogue, made as it loads (no compiled file needed).

    Only strings in the catalogue are translated: a string the extraction missed stays in plain
    English, which is what the pseudo-translation check looks for. Qt's own strings (standard
    buttons, the text's context menu) are wrapped too, standing in for Qt's translations."""

    def __init__(self, catalogue: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Imported here: only this check needs it, and every start would otherwise pay for it.
        from reader.pseudo_translation import pseudo, read_catalogue, read_plural_forms

        self._pseudo = pseudo
        self._known = {(m.context, m.source, m.disambiguation) for m in read_catalogue(catalogue)}
        # A count of one reads as English does ("1 passage"), from English's plural forms beside the catalogue.
        self._singular = {source: forms[0] for source, forms in
                          read_plural_forms(catalogue.with_name(f"{CATALOGUE}_en.ts")).items() if forms and forms[0]}

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if (context, source, disambiguation or "") in self._known or (
                context.startswith("Q") and context not in _QT_KEEP):
            return self._pseudo(self._singular.get(source, source) if n == 1 else source)
        return None  # not ours: Qt asks the next translator, or keeps the source (an empty string would show)

    def isEmpty(self) -> bool:
        return False


def install(choice: str | None = None) -> list[str]:
    """Load the chosen translation into the application; returns problems to show (none usually)."""
    app = QCoreApplication.instance()
    if app is None:
        return []
    remove()
    choice = (os.environ.get(TRANSLATION_ENV, "") if choice is None else choice).strip()
    folder = paths.translations_dir()
    problems: list[str] = []
    _load(app, folder / f"{CATALOGUE}_en.qm")  # English plural forms; anything installed later comes first
    if choice == "pseudo":
        catalogue = folder / f"{CATALOGUE}.ts"
        if catalogue.is_file():
            translator = PseudoTranslator(catalogue, app)
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            problems.append(tr("The pseudo-translation needs {file}, which is missing.").format(file=catalogue))
    elif choice.endswith(".qm"):
        if not _load(app, Path(choice)):
            problems.append(tr("The translation {file} could not be loaded; the reader is in English.")
                            .format(file=choice))
    elif choice != "en":
        locale = QLocale.system() if choice in ("", "system") else QLocale(choice)
        found = _load_locale(app, locale, CATALOGUE, folder)
        if found:
            _load_locale(app, locale, "qtbase", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
        elif choice not in ("", "system"):
            problems.append(tr("There is no translation for “{language}”; the reader is in English.")
                            .format(language=choice))
    for problem in problems:
        print(problem, file=sys.stderr)
    return problems


def remove() -> None:
    """Take out every translation :func:`install` loaded (before loading another one)."""
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()


def _load(app: QCoreApplication, file: Path) -> bool:
    translator = QTranslator(app)
    if file.is_file() and translator.load(str(file)) and app.installTranslator(translator):
        _installed.append(translator)
        return True
    translator.deleteLater()
    return False


def _load_locale(app: QCoreApplication, locale: QLocale, name: str, folder: Path) -> bool:
    """The file for the locale's languages in order of preference (``name_de_AT.qm``, ``name_de.qm``)."""
    translator = QTranslator(app)
    if (translator.load(locale, name, "_", str(folder)) and not translator.filePath().endswith(f"{name}_en.qm")
            and app.installTranslator(translator)):
        _installed.append(translator)
        return True
    translator.deleteLater()
    return False
