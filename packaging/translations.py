"""Extract the reader's strings for translators, start a translation, and compile translations.

    python packaging/translations.py extract       every string of reader/ into translations/coproduction-reader.ts
                                                   (and into each translation started, keeping what is translated)
    python packaging/translations.py new LANG      start translations/coproduction-reader_LANG.ts (LANG: de, pt_BR...)
    python packaging/translations.py compile       each translations/coproduction-reader_LANG.ts -> .qm

Extraction is ``pyside6-lupdate`` over every module of ``reader/``: the window's ``tr("…")``
calls and the core's ``QT_TR_NOOP("…")`` marks (see reader/ui/i18n.py and reader/translatable.py).
The catalogue carries no line numbers, so it changes only when the strings do. English needs
only its plural forms ("%n passages" -> "1 passage", "2 passages"): coproduction-reader_en.ts
holds just those (``-pluralonly``); fill in a new one's two forms, then compile.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
CATALOGUE = "coproduction-reader"
SOURCE_LANGUAGE = "en_GB"


def sources(root: Path = ROOT) -> list[Path]:
    """Every module whose strings are extracted (the core's marked words and the window's)."""
    return sorted(path for path in (root / "reader").rglob("*.py") if "__pycache__" not in path.parts)


def run_tool(tool: str, arguments: list[str]) -> str:
    """Run Qt's ``lupdate`` or ``lrelease`` as installed with PySide6; its report, or SystemExit on failure."""
    command = [sys.executable, "-c", f"from PySide6.scripts.pyside_tool import {tool}; {tool}()", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"pyside6-{tool} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def translations(folder: Path) -> list[Path]:
    """The translations started in ``folder`` (not the template, not English's plural forms)."""
    return sorted(path for path in folder.glob(f"{CATALOGUE}_*.ts") if path.stem != f"{CATALOGUE}_en")


def extract(folder: Path = TRANSLATIONS, root: Path = ROOT) -> str:
    """Write the catalogue and bring every translation in ``folder`` up to date with the sources."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [str(path) for path in sources(root)]
    common = ["-locations", "none", "-no-obsolete", "-source-language", SOURCE_LANGUAGE]
    report = run_tool("lupdate", [*files, *common, "-ts", str(folder / f"{CATALOGUE}.ts"),
                                  *(str(path) for path in translations(folder))])
    report += run_tool("lupdate", [*files, *common, "-pluralonly", "-target-language", "en",
                                   "-ts", str(folder / f"{CATALOGUE}_en.ts")])
    return report


def new(language: str, folder: Path = TRANSLATIONS, root: Path = ROOT) -> Path:
    """Start a translation into ``language`` (a file a translator opens in Qt Linguist)."""
    target = folder / f"{CATALOGUE}_{language}.ts"
    if target.exists():
        raise SystemExit(f"{target} exists already: run 'extract' to bring it up to date.")
    run_tool("lupdate", [*(str(path) for path in sources(root)), "-locations", "none", "-no-obsolete",
                         "-source-language", SOURCE_LANGUAGE, "-target-language", language, "-ts", str(target)])
    return target


def compile_all(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile every translation in ``folder`` (English's plural forms included) to the ``.qm`` the reader loads."""
    compiled: list[Path] = []
    for source in [folder / f"{CATALOGUE}_en.ts", *translations(folder)]:
        if source.exists():
            target = source.with_suffix(".qm")
            run_tool("lrelease", ["-silent", str(source), "-qm", str(target)])
            compiled.append(target)
    return compiled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="extract every string into translations/")
    start = commands.add_parser("new", help="start a translation")
    start.add_argument("language", help="a language code such as de, fr or pt_BR")
    commands.add_parser("compile", help="compile the translations to .qm files")
    args = parser.parse_args()
    if args.command == "extract":
        print(extract().strip())
    elif args.command == "new":
        print(f"Started {new(args.language)}: translate it in Qt Linguist (pyside6-linguist), then run 'compile'.")
    else:
        for path in compile_all():
            print(f"Compiled {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
