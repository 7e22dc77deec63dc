"""``coproduction-reader keys [--json]``: every command with its keys and menu, a key card to print.

It reads the keys the reader chose in Preferences (from the settings file), so the card
matches this computer's reader; without Qt, standard keys are shown as on Windows and Linux.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a key card")


def run(args: argparse.Namespace) -> int:
    from reader import action_specs, paths
    from reader.settings import Settings

    chosen = action_specs.validate_chosen(Settings(paths.settings_file()).get("keys")) or {}
    card = action_specs.key_card(chosen)
    if args.json:
        print(json.dumps({"actions": [asdict(row) for row in card],
                          "other_keys": [{"text": text, "keys": [key]} for text, key in action_specs.OTHER_KEYS]},
                         ensure_ascii=False, indent=2))
        return 0
    width = max(len(row.text) for row in card)
    menu = None
    for row in card:
        if row.menu != menu:
            print(("\n" if menu is not None else "") + row.menu)
            menu = row.menu
        keys = " or ".join(action_specs.spoken_key(key) for key in row.keys) if row.keys else "—"
        mark = "  (your choice)" if row.changed else ""
        print(f"  {row.text:<{width}}  {keys}{mark}")
    print("\nOther keys")
    for text, key in action_specs.OTHER_KEYS:
        print(f"  {text}: {key}")
    return 0
