"""The commands' declarations (Qt-free): unique names and keys, and a help page that lists them all."""

from __future__ import annotations

from reader import action_specs
from reader.action_specs import ACTIONS, MENUS, SPECS, ActionSpec, Submenu

from .conftest import ROOT


def test_every_command_and_submenu_has_a_menu_and_a_unique_name() -> None:
    names = [spec.name for spec in SPECS]
    assert len(names) == len(set(names))
    for spec in SPECS:
        assert spec.menu in MENUS, spec.name
    assert all(isinstance(spec, (ActionSpec, Submenu)) for spec in SPECS)


def test_no_two_commands_share_a_key_on_the_key_card() -> None:
    owners: dict[str, str] = {}
    for spec in ACTIONS.values():
        for key in action_specs.portable_keys(spec):
            assert key not in owners, f"{key} is both {owners[key]} and {spec.name}"
            owners[key] = spec.name


def test_standard_keys_have_a_printed_form() -> None:
    for spec in ACTIONS.values():
        for key in spec.keys:
            if key.startswith("@"):
                assert key[1:] in action_specs.STANDARD_KEYS, (spec.name, key)


def test_the_help_pages_table_is_the_registrys() -> None:
    help_text = (ROOT / "content" / "using-this-reader.md").read_text(encoding="utf-8")
    table = action_specs.key_table(action_specs.help_rows(
        {spec.name: action_specs.portable_keys(spec) for spec in ACTIONS.values()}))
    assert table in help_text
    assert action_specs.replace_key_table(help_text, table) == help_text


def test_the_key_list_reads_line_by_line_and_has_the_texts_own_keys() -> None:
    """In the window each command is one line, "name: keys", so a screen reader reads it whole (a
    table's cells ran together or were read one column at a time); the reading view's keys are there."""
    rows = action_specs.help_rows({spec.name: action_specs.portable_keys(spec) for spec in ACTIONS.values()})
    lines = action_specs.key_list(rows).splitlines()
    assert "- Add bookmark here: Ctrl+D" in lines
    assert all(line.startswith("- ") and ": " in line for line in lines)
    assert len(lines) == len(action_specs.key_table(rows).splitlines()) - 2  # every row of the file's table
    for line in ("- Next heading in the text: H", "- Previous heading in the text: Shift+H",
                 "- Next paragraph in the text: Ctrl+Down", "- Previous paragraph in the text: Ctrl+Up",
                 "- Open the menus: F10"):
        assert line in lines
    help_text = (ROOT / "content" / "using-this-reader.md").read_text(encoding="utf-8")
    shown = action_specs.replace_key_table(help_text, action_specs.key_list(rows))
    assert "| Action | Keys |" not in shown and "\n- Add bookmark here: Ctrl+D\n" in shown
    assert action_specs.replace_key_table(shown, action_specs.key_list(rows)) == shown
    old = "## Keyboard shortcuts\n\nIntro.\n\n- Old: X\n- Older: Y\n\n## Next\n- not keys\n"
    new = "## Keyboard shortcuts\n\nIntro.\n\n- New: Z\n\n## Next\n- not keys\n"
    assert action_specs.replace_key_table(old, "- New: Z") == new


def test_keys_are_written_as_the_help_says_them() -> None:
    assert action_specs.spoken_key("Ctrl+PgDown") == "Ctrl+Page Down"
    assert action_specs.spoken_key("Ctrl++") == "Ctrl+Plus"
    assert action_specs.spoken_key("Ctrl+,") == "Ctrl+Comma"
    assert action_specs.spoken_key("Shift+F8") == "Shift+F8"


def test_the_key_card_shows_a_readers_choice_and_where_each_command_is() -> None:
    card = {row.name: row for row in action_specs.key_card({"speech_play": ["F2"]})}
    assert card["speech_play"].keys == ("F2",) and card["speech_play"].changed
    assert card["speech_play"].path == "Listen ▸ Read aloud"
    assert card["search"].keys == ("Ctrl+F",) and not card["search"].changed
    assert list(card) == [spec.name for menu in MENUS for spec in ACTIONS.values() if spec.menu == menu]
    assert card["speech_faster"].path == "Listen ▸ Voice and speed ▸ Faster"


def test_a_submenu_is_declared_in_its_menu_before_the_commands_it_holds() -> None:
    declared: set[str] = set()
    for spec in SPECS:
        if isinstance(spec, Submenu):
            declared.add(spec.name)
        elif spec.submenu:
            assert spec.submenu in declared, spec.name
            assert action_specs.SUBMENUS[spec.submenu].menu == spec.menu, spec.name


def test_no_menu_holds_more_than_ten_entries() -> None:
    """At 400 % interface size about ten entries fit a 768-pixel screen: longer menus group into submenus."""
    entries: dict[str, int] = {}
    for spec in SPECS:
        where = spec.submenu if isinstance(spec, ActionSpec) and spec.submenu else spec.menu
        entries[where] = entries.get(where, 0) + 1
    assert max(entries.values()) <= 10, entries


def test_stored_key_choices_are_checked() -> None:
    assert action_specs.validate_chosen({"search": ["Ctrl+K"]}) == {"search": ["Ctrl+K"]}
    assert action_specs.validate_chosen({"search": "Ctrl+K"}) is None
    assert action_specs.validate_chosen(["search"]) is None
