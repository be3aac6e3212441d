"""Closing a complaint: the resolution and any compensation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)


class CloseDialog(QDialog):
    """结案: how it was resolved and what was paid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close the complaint"))
        self.resolution = QPlainTextEdit()
        self.resolution.setObjectName("resolution")
        self.resolution.setTabChangesFocus(True)
        self.resolution.setPlaceholderText(self.tr("e.g. 已联系客户，业务员当天补派，客户满意"))
        self.compensation = QDoubleSpinBox()
        self.compensation.setObjectName("compensation")
        self.compensation.setRange(0, 100000)
        self.compensation.setDecimals(2)
        self.compensation.setSuffix(self.tr(" yuan"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow(self.tr("Compensation"), self.compensation)
        form.addRow(QLabel(self.tr("Enter 0 when no compensation was paid.")))
        form.addRow(buttons)
        self.resize(460, 260)

    def compensation_fen(self) -> int:
        return round(self.compensation.value() * 100)

    @classmethod
    def get_closing(cls, parent: QWidget | None = None) -> tuple[tuple[str, int], bool]:
        dialog = cls(parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.resolution.toPlainText().strip(), dialog.compensation_fen()), ok
