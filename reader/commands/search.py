"""``coproduction-reader search QUERY [--json] [--limit N] [--kind K] [--tag T]``: search from scripts.

Plain text by default; ``--json`` prints exactly one JSON object, ``{"query", "total", "suggestion",
"notes", "results": [{"section", "title", "heading", "anchor", "score", "snippet", "also"}]}``, where
``notes`` say what was changed in the query (shortened, words left out), the snippet is HTML with
matches in ``<b>…</b>``, ``heading`` the heading the passage sits under and ``also`` the other places
({"section", "title", "anchor"}) where the same passage appears. Exit status 0 whether or not anything matched.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.commands import guide_or_report, whole_number
from reader.search import SearchResults

USAGE_ERROR = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY",
                        help='words to find; "quoted phrases", AND, OR, NOT, prefix* and word~ work')
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--limit", type=whole_number(1, 500), default=20, metavar="N", help="at most N results (1–500)")
    parser.add_argument("--kind", metavar="K", help="only sections of this kind (examples, help...)")
    parser.add_argument("--tag", metavar="T", help="only sections with this tag (co-design...)")


def run(args: argparse.Namespace) -> int:
    from reader.search import IndexUnavailable, SearchIndex

    guide = guide_or_report()
    if guide is None:
        return 1
    for option, value, known in (("--kind", args.kind, guide.kinds()), ("--tag", args.tag, guide.tags())):
        if value is not None and value.lower() not in known:
            print(f"coproduction-reader search: error: {option} {value!r} is not one of: "
                  f"{', '.join(known)}", file=sys.stderr)
            return USAGE_ERROR
    # Bytes that are not UTF-8 reach Python as lone surrogates, which cannot be printed or searched.
    text = " ".join(args.query).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    try:
        index = SearchIndex.open_or_build(guide)
    except IndexUnavailable as error:
        print(f"coproduction-reader: {error}", file=sys.stderr)
        return 1
    with index:
        if index.report is not None and index.report.action == "rebuilt":
            print(f"(search index built in {index.report.location})", file=sys.stderr)
        found = index.search(text, kind=args.kind and args.kind.lower(), tag=args.tag, limit=args.limit)
    if args.json:
        print(json.dumps({
            "query": text, "total": found.total, "suggestion": found.suggestion, "notes": list(found.notes),
            "results": [{"section": hit.section, "title": hit.title, "heading": hit.heading, "anchor": hit.anchor,
                         "score": hit.score, "snippet": hit.snippet_html,
                         "also": [{"section": s, "title": title, "anchor": a} for s, title, a in hit.also]}
                        for hit in found.results],
        }, ensure_ascii=False))
        return 0
    _print_plain(found)
    return 0


def _print_plain(found: SearchResults) -> None:
    for note in found.notes:
        print(f"Note: {note}")
    if not found.total:
        print(f"Nothing matches “{found.query}”.")
        if found.suggestion:
            print(f"Did you mean: {found.suggestion}")
        return
    if found.fuzzy_used:
        print(f"Nothing matches “{found.query}” as typed; showing near spellings"
              + (f" (did you mean: {found.suggestion}?)" if found.suggestion else "") + ".")
    if found.any_words_used:
        print(f"No passage has all of “{found.query}”; showing passages with some of the words.")
    shown = len(found.results)
    print(f"{found.total} passage{'s' if found.total != 1 else ''} match"
          f"{'es' if found.total == 1 else ''} “{found.query}”"
          + (f" (showing the first {shown})" if shown < found.total else "") + ".")
    for number, hit in enumerate(found.results, 1):
        print(f"\n{number}. {hit.where}  [{hit.section}#{hit.anchor}]")
        print(f"   {hit.snippet_text}")
        if hit.also:
            print(f"   Also in: {', '.join(hit.also_titles)}")
