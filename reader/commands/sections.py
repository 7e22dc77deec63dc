"""``coproduction-reader sections [--json]``: what the reader holds, for scripts."""

from __future__ import annotations

import argparse
import json
from typing import Any

from reader.commands import guide_or_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON list instead of a table")


def run(args: argparse.Namespace) -> int:
    guide = guide_or_report()
    if guide is None:
        return 1
    rows: list[dict[str, Any]] = [{"id": s.id, "title": s.title, "kind": s.kind, "tags": list(s.tags),
                                   "words": s.word_count, "parent": s.parent} for s in guide]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max(len(row["id"]) for row in rows)
    for row in rows:
        indent = "  " if row["parent"] else ""
        print(f"{row['id']:<{width}}  {row['kind']:<12} {row['words']:>5} words  {indent}{row['title']}"
              + (f"  [{', '.join(row['tags'])}]" if row["tags"] else ""))
    return 0
