"""The reply-script panel: the category's script with the known facts filled in, copied with
one click."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints import service
from branchdesk.complaints.scripts import FilledScript, blank, find_banned
from branchdesk.complaints.service import (
    ScriptInfo,
)
from branchdesk.ui.complaints.common import BANNED_BG, DUE_SOON, OVERDUE, script_html
from branchdesk.ui.kit.questions import agreed


class ScriptPanel(QWidget):
    """The category's reply script with the facts filled in, and the reply that was sent."""

    copied = Signal(str)

    def __init__(self, banned: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banned = [str(p) for p in banned]
        self.scripts: tuple[ScriptInfo, ...] = ()
        self.facts: dict[str, str | None] = {}
        self.filled: FilledScript | None = None
        self._reply_touched = False
        self._syncing = False

        self.choice = QComboBox()
        self.choice.setObjectName("scriptChoice")
        self.choice.currentIndexChanged.connect(lambda _i: self.refill())
        self.view = QTextEdit()
        self.view.setObjectName("scriptView")
        self.view.setReadOnly(True)
        self.view.setTabChangesFocus(True)
        self.view.setMinimumHeight(110)
        self.missing = QLabel()
        self.missing.setObjectName("scriptMissing")
        self.missing.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy reply"))
        self.copy_button.setObjectName("copyReply")
        self.copy_button.setToolTip(self.tr("Copy the reply to the clipboard (Ctrl+Shift+C)"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        # "Copied" shows on the button for a moment after every copy (button or shortcut).
        self._copied_sign = QTimer(self)
        self._copied_sign.setSingleShot(True)
        self._copied_sign.setInterval(2000)
        self._copied_sign.timeout.connect(lambda: self.copy_button.setText(self.tr("Copy reply")))
        self.reply = QPlainTextEdit()
        self.reply.setObjectName("replyBox")
        self.reply.setTabChangesFocus(True)
        self.reply.setPlaceholderText(self.tr("What was said or sent to the customer"))
        self.reply.setMinimumHeight(90)
        self.reply.textChanged.connect(self._reply_changed)
        self.banned_label = QLabel()
        self.banned_label.setObjectName("bannedLabel")
        self.banned_label.setWordWrap(True)
        self.banned_label.setStyleSheet(f"color: {OVERDUE};")
        self.banned_label.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Reply script")))
        top.addWidget(self.choice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.missing)
        reply_row = QHBoxLayout()
        reply_row.addWidget(QLabel(self.tr("Reply sent")))
        reply_row.addStretch(1)
        reply_row.addWidget(self.copy_button)
        layout.addLayout(reply_row)
        layout.addWidget(self.reply, 2)
        layout.addWidget(self.banned_label)
        self._show_choice()

    # scripts and facts
    def set_scripts(self, scripts: Sequence[ScriptInfo]) -> None:
        self.scripts = tuple(scripts)
        self.choice.blockSignals(True)
        self.choice.clear()
        for s in self.scripts:
            self.choice.addItem(s.title, s.id)
        self.choice.blockSignals(False)
        self._show_choice()
        self.refill()

    def _show_choice(self) -> None:
        self.choice.setVisible(len(self.scripts) > 1)

    def set_facts(self, facts: dict[str, str | None]) -> None:
        self.facts = facts
        self.refill()

    def current_script(self) -> ScriptInfo | None:
        if not self.scripts:
            return None
        return self.scripts[max(0, self.choice.currentIndex())]

    def refill(self) -> None:
        script = self.current_script()
        if script is None:
            self.filled = None
            self.view.setHtml(
                "<p style='color:#777'>"
                + html.escape(self.tr("Choose a category to see its reply script."))
                + "</p>"
            )
            self.missing.setText("")
            return
        self.filled = service.fill(script.body, self.facts)
        self.view.setHtml(script_html(self.filled))
        if self.filled.missing or self.filled.unknown:
            self.missing.setText(
                self.tr("Fill in before sending: {names}").format(
                    names="、".join(blank(n) for n in (*self.filled.missing, *self.filled.unknown))
                )
            )
            self.missing.setStyleSheet(f"color: {DUE_SOON};")
        else:
            self.missing.setText(self.tr("Every fact is filled in."))
            self.missing.setStyleSheet("color: #2e7d32;")
        if not self._reply_touched:
            self._syncing = True
            self.reply.setPlainText(self.filled.text)
            self._syncing = False
            self.check_banned()

    def script_text(self) -> str:
        return self.filled.text if self.filled is not None else ""

    # the reply
    def set_reply(self, text: str) -> None:
        """A saved reply: shown as it is (even empty), no longer following the script."""
        self._syncing = True
        self.reply.setPlainText(text)
        self._syncing = False
        self._reply_touched = True
        self.check_banned()

    def _reply_changed(self) -> None:
        if not self._syncing:
            self._reply_touched = True
        self.check_banned()

    def reply_text(self) -> str:
        return self.reply.toPlainText().strip()

    def may_be_sent(self, parent: QWidget) -> bool:
        """The reply holds no phrase to avoid, or the agent chose to keep it (marked)."""
        banned = self.check_banned()
        return not banned or agreed(
            parent,
            self.tr("A phrase to avoid"),
            self.tr(
                "The reply contains {phrases}, which a customer must not hear. Save it anyway?"
            ).format(phrases="、".join(f"“{p}”" for p in banned)),
        )

    def check_banned(self) -> list[str]:
        """Mark the banned phrases in the reply; returns them."""
        text = self.reply.toPlainText()
        found = find_banned(text, self.banned)
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(BANNED_BG))
        fmt.setForeground(QColor(OVERDUE))
        for phrase in found:
            document = self.reply.document()
            cursor = document.find(phrase.strip())
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                cursor = document.find(phrase.strip(), cursor)
        self.reply.setExtraSelections(selections)
        if found:
            self.banned_label.setText(
                self.tr("A customer must not hear: {phrases}").format(
                    phrases="、".join(f"“{p}”" for p in found)
                )
            )
        self.banned_label.setVisible(bool(found))
        return found

    def copy(self) -> str:
        text = self.reply_text() or self.script_text()
        if text:  # nothing to copy: what the agent copied before stays on the clipboard
            QApplication.clipboard().setText(text)
        self.copy_button.setText(self.tr("Copied ✓") if text else self.tr("Nothing to copy"))
        self._copied_sign.start()
        self.copied.emit(text)
        return text


# --- the fields ---------------------------------------------------------------------------
