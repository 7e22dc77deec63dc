"""Print what Orca says at each step of a blind reader's walk through the reader.

    .venv/bin/python -m tests.e2e.orca_walk [--out FILE]

The walk: start → contents → open a section → back → search → open a result → next match →
read aloud, pause, stop → text size → preferences → menus → bookmarks → reading settings → help.
Run it before and after a change to compare, step by step, what a screen reader user hears.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.e2e.orca_session import OrcaSession, missing, transcript

ROOT = Path(__file__).resolve().parents[2]

Step = tuple[str, Callable[[OrcaSession], list[str]]]


def keys(*names: str, wait: float = 3.0) -> Callable[[OrcaSession], list[str]]:
    return lambda session: session.press(*names, wait=wait)


WALK: list[Step] = [
    ("next section (Ctrl+PgDn)", keys("ctrl+Next")),
    ("go to the contents (Ctrl+Shift+C)", keys("ctrl+shift+c")),
    ("Down in the contents", keys("Down")),
    ("Down in the contents", keys("Down")),
    ("Left: up to the section it is under", keys("Left")),
    ("Right: down to its first example", keys("Right")),
    ("Where Am I (KP_Enter)", keys("KP_Enter")),
    ("Enter: open the section", keys("Return")),
    ("back (Alt+Left)", keys("alt+Left")),
    ("search (Ctrl+F)", keys("ctrl+f")),
    ("type 'Young Scot'", lambda s: s.type_text("Young Scot", quiet=1.5)),
    ("Down into the results", keys("Down")),
    ("Enter: open the result", keys("Return")),
    ("next match (F3)", keys("F3")),
    ("next match (F3)", keys("F3")),
    ("search again (Ctrl+F)", keys("ctrl+f")),
    ("type 'co-production'", lambda s: s.type_text("co-production", quiet=2.0)),
    ("Enter: open the first result", keys("Return")),
    ("next match (F3)", keys("F3")),
    ("next match (F3)", keys("F3")),
    ("read aloud (F8)", keys("F8")),
    ("pause (F8)", keys("F8")),
    ("carry on (F8)", keys("F8")),
    ("next sentence (F9)", keys("F9")),
    ("faster (Ctrl+F9)", keys("ctrl+F9")),
    ("a reading key of the screen reader (Down): the voice pauses", keys("Down")),
    ("carry on (F8)", keys("F8")),
    ("stop (Shift+F8)", keys("shift+F8")),
    ("larger text (Ctrl+Plus)", keys("ctrl+plus")),
    ("normal text size (Ctrl+0)", keys("ctrl+0")),
    ("preferences (Ctrl+,)", keys("ctrl+comma")),
    ("Escape from preferences", keys("Escape")),
    ("menus (F10)", keys("F10")),
    ("Down in the menu", keys("Down")),
    ("Right to the next menu", keys("Right")),
    ("Escape from the menu", keys("Escape")),
    ("Escape again", keys("Escape")),
    ("add a bookmark (Ctrl+D)", keys("ctrl+d")),
    ("Enter: accept the name", keys("Return")),
    ("bookmarks (Ctrl+B)", keys("ctrl+b")),
    ("Down in the bookmarks", keys("Down")),
    ("Escape", keys("Escape")),
    ("reading settings panel (Ctrl+Shift+R)", keys("ctrl+shift+r")),
    ("Tab in the panel", keys("Tab")),
    ("Escape from the panel", keys("Escape")),
    ("help (F1)", keys("F1")),
    ("end of the help (Ctrl+End), then Up: a line of the key list", keys("ctrl+End", "Up")),
    ("Up: the line before", keys("Up")),
    ("window title (Orca+KP_Enter)", lambda s: s.orca_key("KP_Enter")),
]


def run_walk(folder: Path, steps: list[Step] = WALK) -> list[tuple[str, list[str]]]:
    home = folder / "reader-home"
    home.mkdir(parents=True, exist_ok=True)
    env = {"COPRODUCTION_READER_HOME": str(home), "COPRODUCTION_READER_INDEX": str(home / "index"),
           "PYTHONPATH": str(ROOT / "tests" / "netguard_site")}
    heard: list[tuple[str, list[str]]] = []
    with OrcaSession(folder / "session", [sys.executable, "-m", "reader"], env, ROOT) as session:
        heard.append(("start", session.greeting))
        for label, step in steps:
            heard.append((label, step(session)))
        heard.append(("(the window's title)", [session.window_title()]))
    return heard


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the transcript to this file")
    args = parser.parse_args()
    reason = missing()
    if reason:
        print(f"cannot run Orca here: {reason}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="orca-walk-") as folder:
        text = transcript(run_walk(Path(folder)))
    print(text, end="")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
