"""How long hostile content takes to be refused, beside an ordinary document of similar size.

Each case is imported as a document into a fresh user folder (the same path ``pack add`` takes for a
pack's sections); the peer is a plain document of ordinary prose, accepted. Prints figures; asserts
nothing. Usage: python bench/hostile.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["COPRODUCTION_READER_HOME"] = str(Path(scratch) / "home")
        from reader.packs import PackError, import_document
        from tests.hostile import HOSTILE_HTML, HOSTILE_MARKDOWN

        cases = [(f"{name}.md", text) for name, text in HOSTILE_MARKDOWN.items()]
        cases += [(f"{name}.html", text) for name, text in HOSTILE_HTML.items()]
        prose = "The lunch club met on Friday and planned the garden with the clinic. " * 12
        cases.append(("peer: 200 KB of ordinary prose.md", "\n\n".join([prose] * 240)))
        # Accepted, at or near the caps: how slow the worst content that gets in can be.
        cases.append(("at the caps: 999 '*' in each of 10 paragraphs.md", "\n\n".join(["*a " * 999] * 10)))
        cases.append(("at the caps: 64-deep <div> x 35.md", ("<div>" * 64 + "a" + "</div>" * 64) * 35))
        cases.append(("at the caps: 2,900 list items 16 deep.md",
                      "".join("    " * (i % 16) + "- item\n" for i in range(2_900))))
        slowest = ("", 0.0)
        print(f"{'case':44} {'size':>8} {'seconds':>8}  outcome")
        for number, (name, text) in enumerate(cases):
            path = Path(scratch) / f"case-{number}{Path(name).suffix}"
            path.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            try:
                import_document(path, pack=f"bench-{number}")
                outcome = "accepted"
            except PackError as error:
                outcome = "refused: " + str(error).split(": ", 1)[-1][:60]
            took = time.perf_counter() - started
            if outcome != "accepted" and took > slowest[1]:
                slowest = (name, took)
            print(f"{name[:44]:44} {len(text.encode()) // 1024:>6}KB {took:>8.2f}  {outcome}", flush=True)
        print(f"slowest refusal: {slowest[0]} in {slowest[1]:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
