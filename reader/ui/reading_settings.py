"""The reading settings form: presets, colours, font, size and spacing, built from the settings registry.

The same form sits in the "Reading settings" panel and in the Preferences dialog. It
never changes settings itself: it says what the reader chose (``valueChosen``,
``presetChosen``, ``resetRequested``) and shows whatever the settings now hold
(:meth:`show_values`), so both copies always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reader import presets, themes, typography, wording
from reader.reading_style import READING_OPTIONS
from reader.settings import REGISTRY, Option
from reader.translatable import Text
from reader.ui.announce import announce
from reader.ui.i18n import tr, translated

# Names for the choices of the options that have them, and a word on the unit of the numbers.
CHOICE_LABELS: dict[str, dict[str, str]] = {
    "theme": {name: theme.label for name, theme in themes.THEMES.items()},
    "font_family": {key: choice.label for key, choice in typography.FONTS.items()},
}
class ChoiceList(QComboBox):
    """A list of choices whose popup, closed with Escape, forgets the line the arrows reached.

    Qt leaves that line chosen in the popup's list, and screen readers read a combo box's value
    from that list: after Escape, Orca said a font the box did not show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view() and event.type() == QEvent.Type.Hide:
            QTimer.singleShot(0, self._forget_arrowed_line)  # after a choice made with Enter is taken
        return super().eventFilter(watched, event)

    def _forget_arrowed_line(self) -> None:
        view = self.view()
        current = self.model().index(self.currentIndex(), self.modelColumn(), self.rootModelIndex())
        if current.isValid() and view.currentIndex() != current:
            view.setCurrentIndex(current)
            if self.hasFocus():
                announce(self, self.currentText())


class WrappingLabel(QLabel):
    """A label that keeps to one line where there is room and wraps only where there is not.

    A word-wrapped QLabel asks for a guessed, narrower width, and the form then breaks "Interface
    size: 200%" over two lines even in a wide panel; this one asks for its whole line."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 1
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if parent is not None and layout is not None:  # never wider than the form: a form lays a label
            room = parent.contentsRect().width() - layout.contentsMargins().left() - layout.contentsMargins().right()
            if room > 0:  # on a line of its own as wide as it asks, even past the form's edge
                width = min(width, room)
        return QSize(width, self.heightForWidth(width))


class CheckLabel(WrappingLabel):
    """The words of a check box, in a label that wraps: a check box's own text never wraps, and at 400 %
    "Follow the computer's colours" alone is wider than an 800-pixel window. A click on the words
    ticks the box, as a click on a check box's own text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setBuddy(box)  # screen readers take the box as labelled by these words

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled() and self.rect().contains(
                event.position().toPoint()):
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
            self.box.click()
            event.accept()
            return
        super().mouseReleaseEvent(event)


def check_row(box: QCheckBox, text: str) -> QWidget:
    """``box`` with ``text`` beside it that wraps to the room there is."""
    row = QWidget()
    row.setObjectName(f"{box.objectName()}_row")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(box.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, box))  # as its own
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    label = CheckLabel(text, box)
    label.setObjectName(f"label_{box.objectName().removeprefix('setting_')}")
    layout.addWidget(label, 1)
    return row


class ReadingSettingsForm(QWidget):
    valueChosen = Signal(str, object)
    presetChosen = Signal(str)
    resetRequested = Signal()
    closeRequested = Signal()  # Escape in the panel (a dialog closes on Escape by itself)

    def __init__(self, parent: QWidget | None = None, name: str = "reading_settings") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(tr("Reading settings"))
        self.controls: dict[str, QWidget] = {}
        self.preset_buttons: dict[str, QPushButton] = {}
        self.labels: dict[str, QLabel] = {}  # "Letter spacing: a little more", kept up to date
        self._updating = False

        layout = QVBoxLayout(self)
        box = QGroupBox(tr("Presets"))
        box.setAccessibleName(tr("Presets"))
        grid = QGridLayout(box)
        for index, preset in enumerate(presets.PRESETS.values()):
            button = QPushButton(tr(preset.label))
            button.setObjectName(f"preset_{preset.key}")
            button.setCheckable(True)
            button.setAccessibleName(tr(preset.label))
            button.setAccessibleDescription(tr(preset.description))
            button.setToolTip(tr(preset.description))
            button.clicked.connect(lambda _=False, key=preset.key: self.presetChosen.emit(key))
            grid.addWidget(button, index, 0)  # one above the other: the panel stays as narrow as it can
            self.preset_buttons[preset.key] = button
        self.reset_button = QPushButton(tr("&Reset to defaults"))
        self.reset_button.setObjectName("reset_reading_settings")
        self.reset_button.setAccessibleName(tr("Reset to defaults"))
        self.reset_button.setAccessibleDescription(tr("Put colours, font, size and spacing back to normal."))
        self.reset_button.clicked.connect(self.resetRequested.emit)
        grid.addWidget(self.reset_button, len(self.preset_buttons), 0)
        layout.addWidget(box)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for option_name in READING_OPTIONS:
            option = REGISTRY[option_name]
            control = self._control(option)
            control.setObjectName(f"setting_{option.name}")
            control.setAccessibleName(tr(option.label))
            description = tr(option.description)
            control.setAccessibleDescription(description)
            control.setToolTip(description)
            self.controls[option.name] = control
            if isinstance(control, QCheckBox):
                form.addRow(check_row(control, tr(wording.SHORT_LABELS.get(option.name, option.label))))
            else:
                label = WrappingLabel(self._label_text(option.name, option.default))  # "Lines the ruler
                label.setObjectName(f"label_{option.name}")  # leaves clear: 3 lines" is 840 pixels at 400 %
                label.setBuddy(control)
                self.labels[option.name] = label
                form.addRow(label, control)
        layout.addLayout(form)
        layout.addStretch(1)

    def _control(self, option: Option) -> QWidget:
        """One control per option, chosen from its type: checkbox, list of choices or number box."""
        if option.type is bool:
            box = QCheckBox()  # its words are a label beside it, which can wrap (:func:`check_row`)
            box.toggled.connect(lambda value, n=option.name: self._chosen(n, bool(value)))
            return box
        if option.choices is not None:
            combo = ChoiceList()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "OpenDyslexic" whole
            labels = CHOICE_LABELS.get(option.name, {})
            for choice in option.choices:
                combo.addItem(tr(labels.get(choice, str(choice))), choice)
            combo.currentIndexChanged.connect(
                lambda index, n=option.name, c=combo: self._chosen(n, c.itemData(index)))
            combo.currentIndexChanged.connect(lambda _index, c=combo: self._say_choice(c))
            return combo
        if option.type is int:
            spin = QSpinBox()
            spin.setRange(int(option.minimum or 0), int(option.maximum or 999))
            spin.setSingleStep(int(option.step or 1))
            if option.name in ("text_size", "interface_size"):
                spin.setSuffix("%")
            spin.valueChanged.connect(lambda value, n=option.name: self._chosen(n, int(value)))
            return spin
        double = QDoubleSpinBox()
        double.setRange(option.minimum or 0.0, option.maximum or 10.0)
        double.setDecimals(2)
        double.setSingleStep(option.step or 0.1)
        double.valueChanged.connect(lambda value, n=option.name: self._chosen(n, round(float(value), 2)))
        return double

    @staticmethod
    def _label_text(name: str, value: Any) -> str:
        """A short name with the value in words; options without a short name keep their full label."""
        if name not in wording.SHORT_LABELS:
            return tr("{label}:", "a setting's name before its control").format(label=tr(REGISTRY[name].label))
        if name in ("theme", "font_family"):  # the list itself shows the choice
            return tr("{label}:", "a setting's name before its control").format(
                label=tr(wording.SHORT_LABELS[name]))
        if name == "line_length" and isinstance(value, int):
            shown = tr("%n characters", "the longest line", value)
        elif name == "ruler_lines" and isinstance(value, int):
            shown = tr("%n lines", "lines the reading ruler leaves clear", value)
        else:
            words = wording.preview(name, value)
            shown = translated(words) if isinstance(words, Text) else tr(words)
        return tr("{name}: {value}").format(name=tr(wording.SHORT_LABELS[name]), value=shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The names ask for no more than the form's width (:class:`WrappingLabel`): ask again when it changes."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            for label in self.findChildren(WrappingLabel):
                label.updateGeometry()

    def _in_dialog(self) -> bool:
        """Whether the form is inside a dialog (the preferences) rather than the window's panel."""
        widget = self.parentWidget()
        while widget is not None:
            if isinstance(widget, QDialog):
                return True
            widget = widget.parentWidget()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape leaves the panel, as it leaves a dialog; in a dialog, the dialog handles it."""
        if event.key() == Qt.Key.Key_Escape and not self._in_dialog():
            self.closeRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _say_choice(self, combo: QComboBox) -> None:
        """Arrowing through a closed list changes it without a word from Qt: say the new choice."""
        if not self._updating and combo.hasFocus() and not combo.view().isVisible():
            announce(combo, combo.currentText())

    def _chosen(self, name: str, value: Any) -> None:
        if name in self.labels:
            self.labels[name].setText(self._label_text(name, value))
        if not self._updating:
            self.valueChosen.emit(name, value)

    def show_values(self, get: Callable[[str], Any], active_preset: str | None) -> None:
        """Show the settings as they are now, without announcing them as new choices."""
        self._updating = True
        try:
            for name, control in self.controls.items():
                value = get(name)
                if isinstance(control, QCheckBox):
                    control.setChecked(bool(value))
                elif isinstance(control, QComboBox):
                    control.setCurrentIndex(max(0, control.findData(value)))
                elif isinstance(control, QSpinBox):
                    control.setValue(int(value))
                elif isinstance(control, QDoubleSpinBox):
                    control.setValue(float(value))
                if name in self.labels:
                    self.labels[name].setText(self._label_text(name, value))
            for part in (self.controls["ruler_lines"], self.labels["ruler_lines"]):  # the name greys out too
                part.setEnabled(bool(get("reading_ruler")))
            for key, button in self.preset_buttons.items():
                button.setChecked(key == active_preset)
        finally:
            self._updating = False

