"""The rule that keeps every toolbar command in sight (no Qt)."""

from __future__ import annotations

from reader import toolbar_fit
from reader.action_specs import ACTIONS, TOOLBAR_LEAST_USED, TOOLBAR_ORDER
from reader.toolbar_fit import Item, ToolbarFit

ITEMS = [Item("back", 100, 40), Item("next", 100, 40), Item("search", 200, 120, movable=False),
         Item("play", 120, 40), Item("settings", 150, 40)]
LEAST_USED = ("settings", "back", "play", "next")


def test_words_and_icons_while_they_fit() -> None:
    assert toolbar_fit.fit(670, ITEMS, 60, LEAST_USED) == ToolbarFit(True)


def test_icons_alone_when_words_do_not_fit() -> None:
    assert toolbar_fit.fit(669, ITEMS, 60, LEAST_USED) == ToolbarFit(False)
    assert toolbar_fit.fit(280, ITEMS, 60, LEAST_USED) == ToolbarFit(False)


def test_the_least_used_move_into_more_first_and_only_as_many_as_needed() -> None:
    assert toolbar_fit.fit(279, ITEMS, 60, LEAST_USED) == ToolbarFit(False, ("settings", "back"))
    assert toolbar_fit.fit(200, ITEMS, 60, LEAST_USED) == ToolbarFit(False, ("settings", "back", "play", "next"))


def test_what_may_not_move_stays() -> None:
    assert "search" not in toolbar_fit.fit(10, ITEMS, 60, (*LEAST_USED, "search")).in_more


def test_the_declared_toolbar_is_complete_and_every_movable_command_has_a_place_in_the_order() -> None:
    declared = {name for name, spec in ACTIONS.items() if spec.toolbar == "main"}
    ordered = [entry for entry in TOOLBAR_ORDER["main"] if entry != "|"]
    assert set(ordered) == declared and len(ordered) == len(declared)
    assert set(TOOLBAR_LEAST_USED) <= declared - {"search", "speech_play"}


def test_words_go_under_the_icons_before_they_go() -> None:
    items = [Item(item.name, item.with_text, item.icon_only, item.movable, text_under=item.with_text - 30)
             for item in ITEMS]
    assert toolbar_fit.fit(540, items, 60, LEAST_USED) == ToolbarFit(True, text_under=True)
    assert toolbar_fit.fit(519, items, 60, LEAST_USED) == ToolbarFit(False)
