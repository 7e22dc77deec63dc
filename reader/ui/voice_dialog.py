"""Voice and pronunciation: which voice, how fast and loud, what happens at a section's end,
and the listener's own pronunciations, each with a button to hear the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.settings import REGISTRY
from reader.speech import voice_choice
from reader.speech.engine import MAX_RATE, MIN_RATE, RATE_STEP, Voice
from reader.speech.pronounce import Pronunciation
from reader.ui.i18n import tr

SAMPLE = "This is how the guide will sound: co-production in Scotland, from Glasgow to Lanarkshire."


class _NamedCellEditor(QStyledItemDelegate):
    """Cell editors named after their column and row ("Said as, row 2").

    Qt's editor is a bare line edit: screen readers said only "text", and nothing when Tab moved
    from one cell's editor to the next.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        column = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        editor.setAccessibleName(tr("{column}, row {row}").format(column=column, row=index.row() + 1))
        return editor


@dataclass(frozen=True)
class VoiceChoice:
    voice: str
    rate: int
    volume: int
    carry_on: bool
    pronunciations: tuple[Pronunciation, ...]


class VoiceDialog(QDialog):
    """Edits a :class:`VoiceChoice`; ``hear`` is called with (text, voice, rate, volume) to try it."""

    def __init__(self, voices: list[Voice], choice: VoiceChoice, shipped: list[Pronunciation],
                 hear: Callable[[str, str, int, int], None], language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voice_dialog")
        self.setWindowTitle(tr("Voice and pronunciation"))
        self.setAccessibleName(tr("Voice and pronunciation"))
        self.hear = hear
        layout = QVBoxLayout(self)

        form = QFormLayout()
        self.voice = QComboBox()
        self.voice.setObjectName("voice_choice")
        self.voice.setAccessibleName(tr("Voice"))
        for voice in voice_choice.listing(voices, language):
            self.voice.addItem(voice_choice.label(voice), voice.id)
        index = self.voice.findData(choice.voice)
        self.voice.setCurrentIndex(max(0, index))
        form.addRow(tr("&Voice:"), self.voice)

        self.rate = QSpinBox()
        self.rate.setObjectName("voice_rate")
        self.rate.setRange(MIN_RATE, MAX_RATE)
        self.rate.setSingleStep(RATE_STEP)
        self.rate.setSuffix(tr(" words a minute"))
        self.rate.setValue(choice.rate)
        self.rate.setAccessibleName(tr("Speed"))
        form.addRow(tr("&Speed:"), self.rate)

        self.volume = QSpinBox()
        self.volume.setObjectName("voice_volume")
        volume = REGISTRY["speech_volume"]
        self.volume.setRange(int(volume.minimum or 0), int(volume.maximum or 100))
        self.volume.setSingleStep(int(volume.step or 1))
        self.volume.setSuffix(" %")
        self.volume.setValue(choice.volume)
        self.volume.setAccessibleName(tr("Volume"))
        form.addRow(tr("V&olume:"), self.volume)

        self.end = QComboBox()
        self.end.setObjectName("voice_end_of_section")
        self.end.setAccessibleName(tr("At the end of a section"))
        self.end.addItem(tr("Stop reading"), False)
        self.end.addItem(tr("Carry on into the next section"), True)
        self.end.setCurrentIndex(1 if choice.carry_on else 0)
        form.addRow(tr("At the &end of a section:"), self.end)
        layout.addLayout(form)

        try_button = QPushButton(tr("&Try this voice"))
        try_button.setObjectName("voice_try")
        try_button.setAccessibleDescription(tr("Read a sample sentence with the voice, speed and volume above"))
        try_button.clicked.connect(lambda: self._hear(SAMPLE))
        layout.addWidget(try_button, 0, Qt.AlignmentFlag.AlignLeft)

        group = QGroupBox(tr("Your pronunciations"))
        group_layout = QVBoxLayout(group)
        known = ", ".join(entry.word for entry in shipped)
        note = QLabel(tr("Write a word as it appears in the guide and how the voice should say it, spelled "
                         "the way it sounds. The reader already knows: {words}. An entry of yours for the "
                         "same word replaces the reader's.").format(words=known))
        note.setWordWrap(True)
        group_layout.addWidget(note)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("pronunciations")
        self.table.setAccessibleName(tr("Your pronunciations"))
        self.table.setHorizontalHeaderLabels([tr("Written"), tr("Said as")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
        self.table.setItemDelegate(_NamedCellEditor(self.table))
        for entry in choice.pronunciations:
            self.add_row(entry.word, entry.say)
        note.setBuddy(self.table)
        group_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        for name, text, slot in (("pronunciation_add", tr("&Add"), lambda: self.add_row("", "", edit=True)),
                                 ("pronunciation_remove", tr("&Remove"), self.remove_row),
                                 ("pronunciation_hear", tr("&Hear it"), self.hear_row)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        group_layout.addLayout(buttons)
        layout.addWidget(group)

        self.problem = QLabel()
        self.problem.setObjectName("voice_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.problem)

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(640, 560)

    def add_row(self, word: str, say: str, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        word_item = QTableWidgetItem(word)
        self.table.setItem(row, 0, word_item)
        self.table.setItem(row, 1, QTableWidgetItem(say))
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(word_item)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def hear_row(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 1) if row >= 0 else None
        if item is not None and item.text().strip():
            self._hear(item.text())

    def _hear(self, text: str) -> None:
        self.hear(text, self.voice.currentData(), self.rate.value(), self.volume.value())

    def accept(self) -> None:
        """Only a list that can be used is accepted; otherwise say which row is wrong and stay open."""
        for row, entry in enumerate(self.choice().pronunciations):
            problem = entry.problem()
            if problem:
                self.problem.setText(tr("Row {row} of your pronunciations cannot be used: {problem}.").format(
                    row=row + 1, problem=problem))
                self.table.setCurrentCell(row, 0 if not entry.word.strip() else 1)
                self.table.setFocus()
                return
        self.problem.clear()
        super().accept()

    def _cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def choice(self) -> VoiceChoice:
        entries = []
        for row in range(self.table.rowCount()):
            word, say = self._cell_text(row, 0), self._cell_text(row, 1)
            if word or say:
                entries.append(Pronunciation(word, say))
        return VoiceChoice(self.voice.currentData() or "", self.rate.value(), self.volume.value(),
                           bool(self.end.currentData()), tuple(entries))
