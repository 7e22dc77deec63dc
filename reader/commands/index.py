"""``coproduction-reader index [--rebuild | --check]``: build or check the search index.

With no option the index is checked and rebuilt only when missing, out of date or damaged,
as the reader does when it starts. Set-up runs this once so the first start is instant.
``--check`` changes nothing and exits 1 when no usable index exists.
"""

from __future__ import annotations

import argparse
import sys

from reader.commands import guide_or_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--rebuild", action="store_true", help="build the index anew, whatever its state")
    group.add_argument("--check", action="store_true",
                       help="only say whether the index is present, current and intact (exit 1 if not)")


def run(args: argparse.Namespace) -> int:
    from reader.search import IndexUnavailable, SearchIndex
    from reader.search.store import content_fingerprint, default_roots, inspect

    guide = guide_or_report()
    if guide is None:
        return 1
    if args.check:
        expected = content_fingerprint(guide)
        inspections = [inspect(root, expected) for root in default_roots()]
        for inspection in inspections:
            print(f"{inspection.root}: {inspection.status} — {inspection.detail}")
        usable = next((i for i in inspections if i.fresh), None)
        print(f"The reader will search the index in {usable.root}." if usable
              else "No usable index: the reader will build one when it starts "
                   "(or run: coproduction-reader index).")
        return 0 if usable else 1
    try:
        index = SearchIndex.open_or_build(guide, rebuild=args.rebuild)
    except IndexUnavailable as error:
        print(f"coproduction-reader: {error}", file=sys.stderr)
        return 1
    with index:
        assert index.report is not None
        print(index.report.describe())
        if index.report.fallback:
            print("(The folder beside the content cannot be written, so the index is kept in your "
                  "cache folder.)")
    return 0
