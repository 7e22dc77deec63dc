"""Keeps every toolbar command in sight as the window narrows or the interface grows.

The rule is :mod:`reader.toolbar_fit`: words beside the icons while they fit, then under
them, then icons alone (names kept in tooltips and for screen readers), and then the least-used
commands in a labelled "More" menu button, never behind Qt's unlabelled overflow handle.
This module measures the buttons, asks the rule and moves the commands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStyle, QToolBar, QToolButton, QWidget, QWidgetAction

from reader import toolbar_fit
from reader.action_specs import TOOLBAR_LEAST_USED, TOOLBAR_ORDER
from reader.ui.actions import ActionRegistry
from reader.ui.i18n import tr

SLACK = 12  # pixels kept free so rounding never tips a button into Qt's overflow


class ToolbarRoom(QObject):
    """Fits ``toolbar`` (built from the registry) to the width of ``host``, again on every resize."""

    def __init__(self, toolbar: QToolBar, commands: ActionRegistry, host: QWidget,
                 moved: Callable[[], None] = lambda: None) -> None:
        super().__init__(toolbar)
        self.toolbar = toolbar
        self.commands = commands
        self.host = host
        self.moved = moved  # called after commands moved (the window sets its Tab order again)
        self.order = [entry for entry in TOOLBAR_ORDER["main"] if entry != "|"]
        self.group = {}  # command -> which group between separators it is in
        group = 0
        for entry in TOOLBAR_ORDER["main"]:
            group += entry == "|"
            self.group[entry] = group
        self.in_more: tuple[str, ...] = ()
        self.with_text = True
        self.more = QToolButton()
        self.more.setObjectName("toolbar_more")
        self.more.setText(tr("More"))
        self.more.setAccessibleName(tr("More commands"))
        self.more.setToolTip(tr("More commands that do not fit the toolbar"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.more.setMenu(QMenu(self.more))
        self.more_action = toolbar.addWidget(self.more)
        self.more_action.setVisible(False)
        self._pending = False
        self._measured: tuple[tuple[object, ...], list[toolbar_fit.Item]] | None = None
        host.installEventFilter(self)
        toolbar.installEventFilter(self)

    # When to fit again --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.Show):
            self.schedule()
        return False

    def schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.fit)

    # Measuring ----------------------------------------------------------------------------------

    def _probe(self, style: Qt.ToolButtonStyle) -> QToolButton:
        probe = QToolButton(self.toolbar)  # a hidden child: it takes the toolbar's font and stylesheet
        probe.hide()
        probe.setAutoRaise(True)
        probe.setIconSize(self.toolbar.iconSize())
        probe.setToolButtonStyle(style)
        return probe

    @staticmethod
    def _drop(probe: QToolButton) -> None:
        probe.setParent(None)
        probe.deleteLater()

    def _button_width(self, action: QAction, style: Qt.ToolButtonStyle, probe: QToolButton | None = None) -> int:
        """``action``'s button width in ``style``, measured on ``probe`` (a button of that style, which one
        measuring pass shares between commands: each new button costs more than the measuring) or a new one."""
        own = probe is None
        probe = probe or self._probe(style)
        probe.setDefaultAction(action)
        probe.ensurePolished()
        icon_only = style == Qt.ToolButtonStyle.ToolButtonIconOnly
        texts = () if icon_only else self.commands.steady_texts.get(action.objectName(), ())
        widths = [probe.sizeHint().width()]
        for text in texts:
            probe.setText(text)
            widths.append(probe.sizeHint().width())
        if own:
            self._drop(probe)
        return max(widths)

    def _room(self) -> int:
        style = self.toolbar.style()
        edge = (style.pixelMetric(QStyle.PixelMetric.PM_ToolBarFrameWidth, None, self.toolbar)
                + style.pixelMetric(QStyle.PixelMetric.PM_ToolBarItemMargin, None, self.toolbar))
        separators = sum(1 for a in self.toolbar.actions() if a.isSeparator())
        separator = style.pixelMetric(QStyle.PixelMetric.PM_ToolBarSeparatorExtent, None, self.toolbar)
        return self.host.width() - 2 * edge - separators * separator - SLACK

    def _spacing(self) -> int:
        return self.toolbar.style().pixelMetric(QStyle.PixelMetric.PM_ToolBarItemSpacing, None, self.toolbar)

    def _look(self) -> tuple[object, ...]:
        """What the buttons' widths depend on: their words, font, icon size, style and stylesheet."""
        icon = self.toolbar.iconSize()
        return (self.toolbar.font().key(), icon.width(), icon.height(), self.toolbar.style(), self.host.styleSheet(),
                tuple((name, action.text(), action.iconText()) for name, action in self.commands.actions.items()
                      if name in self.group),
                tuple(self.commands.steady_texts.items()))

    def _items(self) -> list[toolbar_fit.Item]:
        """Each command's widths, measured again only when the look changed: the window fits the toolbar
        at every resize, and measuring makes a hidden button for each style."""
        look = self._look()
        if self._measured is None or self._measured[0] != look:
            self._measured = (look, self._measure())
        return self._measured[1]

    def _measure(self) -> list[toolbar_fit.Item]:
        spacing = self._spacing()
        styles = (Qt.ToolButtonStyle.ToolButtonTextBesideIcon, Qt.ToolButtonStyle.ToolButtonIconOnly,
                  Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        beside, icon_only, under = probes = [self._probe(style) for style in styles]
        items = []
        try:
            for name in self.order:
                widget = self.commands.toolbar_widgets.get(name)
                if widget is not None:
                    wide, narrow = self._widget_widths(widget)
                    items.append(toolbar_fit.Item(name, wide + spacing, narrow + spacing, movable=False))
                    continue
                action = self.commands.actions[name]
                items.append(toolbar_fit.Item(
                    name, self._button_width(action, styles[0], beside) + spacing,
                    self._button_width(action, styles[1], icon_only) + spacing,
                    text_under=self._button_width(action, styles[2], under) + spacing))
        finally:
            for probe in probes:
                self._drop(probe)
        return items

    @staticmethod
    def _widget_widths(widget: QWidget) -> tuple[int, int]:
        """A widget's widths with room to spare and when room is short, from its characters in its font now."""
        average = widget.fontMetrics().averageCharWidth()
        chrome = widget.sizeHint().height()  # frame, padding and the clear button, about a line high
        return (int(widget.property("reader_wide")) * average + chrome,
                int(widget.property("reader_narrow")) * average + chrome)

    # Fitting ------------------------------------------------------------------------------------

    def fit(self) -> None:
        """Measure, ask the rule, and show the toolbar it chose."""
        self._pending = False
        if not shiboken6.isValid(self.toolbar):
            return
        more_width = self.more.sizeHint().width() + self._spacing()
        plan = toolbar_fit.fit(self._room(), self._items(), more_width, TOOLBAR_LEAST_USED)
        self.with_text = plan.with_text
        style = (Qt.ToolButtonStyle.ToolButtonIconOnly if not plan.with_text
                 else Qt.ToolButtonStyle.ToolButtonTextUnderIcon if plan.text_under
                 else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setToolButtonStyle(style)
        for widget in self.commands.toolbar_widgets.values():
            widget.setFixedWidth(self._widget_widths(widget)[0 if plan.with_text else 1])
        changed = plan.in_more != self.in_more
        if changed:
            self._move(plan.in_more)
        for name, texts in self.commands.steady_texts.items():  # Play/Pause keeps its width: Stop never moves
            button = self.toolbar.widgetForAction(self.commands.actions[name])
            if button is not None:
                button.setMinimumWidth(self._button_width(self.commands.actions[name], style) if texts else 0)
        if changed:
            self.moved()

    def _move(self, in_more: tuple[str, ...]) -> None:
        actions = self.commands.actions
        for name in self.order:
            action = actions[name] if name not in self.commands.toolbar_widgets else None
            if action is None:
                continue
            on_toolbar = self.toolbar.widgetForAction(action) is not None
            if name in in_more and on_toolbar:
                self.toolbar.removeAction(action)
            elif name not in in_more and not on_toolbar:
                self.commands.add_to_toolbar(self.toolbar, name, before=self._after(name))
        menu = self.more.menu()
        menu.clear()
        for name in self.order:
            if name in in_more:
                menu.addAction(actions[name])
        self.more_action.setVisible(bool(in_more))
        self.in_more = in_more

    def _after(self, name: str) -> QAction:
        """What ``name`` goes back in front of: the next command of the order still on the toolbar."""
        later = self.order[self.order.index(name) + 1:]
        for other in later:
            widget_action = self.commands.toolbar_widget_actions.get(other)
            if widget_action is not None:
                return widget_action
            action = self.commands.actions[other]
            if self.toolbar.widgetForAction(action) is not None:
                return self._separator_before(action) if self.group[other] != self.group[name] else action
        return self.more_action

    def _separator_before(self, action: QAction) -> QAction:
        """The separator in front of ``action`` (the first of its group) if there is one, else ``action``."""
        actions = self.toolbar.actions()
        index = actions.index(action)
        return actions[index - 1] if index > 0 and actions[index - 1].isSeparator() else action


def put_widget(commands: ActionRegistry, name: str, widget: QWidget, wide: int, narrow: int) -> QWidgetAction:
    """Show ``widget`` on the toolbar in the place of command ``name`` (the search box for Search).

    ``wide`` and ``narrow`` are its widths in characters, with room to spare and when room is short."""
    toolbar = commands.toolbars["main"]
    action = commands.actions[name]
    widget.setProperty("reader_wide", wide)
    widget.setProperty("reader_narrow", narrow)
    widget_action = cast(QWidgetAction, toolbar.insertWidget(action, widget))  # Qt makes a QWidgetAction
    toolbar.removeAction(action)
    commands.toolbar_widgets[name] = widget
    commands.toolbar_widget_actions[name] = widget_action
    return widget_action
