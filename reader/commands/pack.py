"""``coproduction-reader pack create|add|list|remove``: content packs from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

PROG = "coproduction-reader"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    create = actions.add_parser("create", help="check a content folder and zip it as a pack",
                                description="Check a content folder (manifest.yaml plus Markdown) exactly "
                                "as 'pack add' will, and write it as a pack's zip file.")
    create.add_argument("folder", type=Path, metavar="FOLDER")
    create.add_argument("--out", type=Path, required=True, metavar="FILE.zip", help="the zip file to write")
    add = actions.add_parser("add", help="install a pack from its zip file",
                             description="Install a content pack; a pack that fails any check is refused "
                             "and nothing is changed.")
    add.add_argument("zip", type=Path, metavar="FILE.zip")
    add.add_argument("--replace", action="store_true", help="replace an installed pack of the same name")
    listing = actions.add_parser("list", help="list the installed packs and their sections")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    remove = actions.add_parser("remove", help="remove an installed pack and its sections")
    remove.add_argument("name", metavar="NAME")


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


def _listing(as_json: bool) -> int:
    from reader.packs import scan

    installed, broken = scan()
    if as_json:
        rows = [{"name": pack.name, "title": pack.title, "folder": str(pack.folder), "problem": None,
                 "sections": [{"id": s.id, "title": s.title, "kind": s.kind, "parent": s.parent,
                               "file": s.path.relative_to(pack.folder).as_posix(), "words": s.word_count}
                              for s in pack.sections]} for pack in installed]
        rows += [{"name": pack.name, "title": None, "folder": str(pack.folder), "problem": pack.problem,
                  "sections": []} for pack in broken]
        print(json.dumps(sorted(rows, key=lambda row: row["name"]), ensure_ascii=False, indent=2))
        return 0
    if not installed and not broken:
        print("No content packs are installed.")
    for pack in installed:
        count = len(pack.sections)
        print(f"{pack.name}  {pack.title}  ({count} section{'s' if count != 1 else ''})")
        for section in pack.sections:
            print(f"    {section.id}  {section.title}")
    for damaged in broken:
        print(f"{damaged.name}  (not shown: {damaged.problem})")
    return 0


def run(args: argparse.Namespace) -> int:
    from reader.loader import ContentError
    from reader.packs import PackError, add, create, remove
    from reader.packs.notify import index_listener

    try:
        if args.action == "create":
            made = create(args.folder, args.out)
            print(f"Wrote {made.path}: the pack '{made.name}' ({made.title}), {made.sections} sections "
                  f"in {made.files} files.")
        elif args.action == "list":
            return _listing(args.json)
        else:
            with index_listener() as listener:
                if args.action == "add":
                    pack = add(args.zip, replace=args.replace, listener=listener, split=True)
                    print(f"Added the pack '{pack.name}' ({pack.title}): {len(pack.sections)} sections.")
                else:
                    ids = remove(args.name, listener=listener)
                    print(f"Removed the pack '{args.name}' ({len(ids)} sections).")
            if listener is not None and listener.problem:
                print(f"{PROG}: warning: {listener.problem}", file=sys.stderr)
    except PackError as error:
        return _fail(f"refused: {error}")
    except ContentError as error:  # the bundled guide itself cannot load
        return _fail(str(error))
    return 0
