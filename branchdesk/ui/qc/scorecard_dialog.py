"""The owner edits the scorecard: sections with weights (adding up to 100 %) and their items,
the pass mark and how many items are checked a day. Saving is an owner action; old scores keep
the card they were given on."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.owner import policy
from branchdesk.qc import scorecard
from branchdesk.qc.sampling import QcError
from branchdesk.qc.scorecard import CriterionSpec, Scorecard, SectionSpec
from branchdesk.settings import branch_value
from branchdesk.ui.kit.owner_action import run_in_transaction
from branchdesk.ui.kit.screens import fit_to_screen

QUOTA_KEYS = ("qc_sample_size", "qc_sample_new_hire", "qc_sample_unstable")

# "产品知识×2" or "产品知识*2": an item with twice the share of its section.
_WEIGHTED = re.compile(r"^(.*?)\s*[×xX*]\s*(-?\d+)$")


def items_text(section: SectionSpec) -> str:
    return "、".join(c.name if c.weight == 1 else f"{c.name}×{c.weight}" for c in section.criteria)


def parse_items(text: str) -> tuple[CriterionSpec, ...]:
    out = []
    for part in re.split(r"[、,，;；\n]", text):
        part = part.strip()
        if not part:
            continue
        match = _WEIGHTED.match(part)
        if match:
            out.append(CriterionSpec(match[1].strip(), int(match[2])))
        else:
            out.append(CriterionSpec(part))
    return tuple(out)


class ScorecardDialog(QDialog):
    COL_NAME, COL_WEIGHT, COL_ITEMS = range(3)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.saved: Scorecard | None = None
        with db.session() as session:
            card = scorecard.current_scorecard(session)
        self.setWindowTitle(self.tr("Scorecard"))
        fit_to_screen(self, 760, 420)
        self.name = QLineEdit(card.name)
        self.name.setObjectName("cardName")
        self.pass_mark = QSpinBox()
        self.pass_mark.setObjectName("passMark")
        self.pass_mark.setRange(0, 100)
        self.pass_mark.setValue(int(branch_value("qc_pass_mark")))
        # The sample's rule: items a day per agent, for a new hire, after two bad days.
        self.quotas: dict[str, QSpinBox] = {}
        for key in QUOTA_KEYS:
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(1, 100)
            spin.setValue(int(branch_value(key)))
            self.quotas[key] = spin
        self.sum = QLabel()
        self.sum.setObjectName("weightSum")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("sections")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Section"), self.tr("Weight %"), self.tr("Items (、 between; ×2 for double)")]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_WEIGHT, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for section in card.sections:
            self.add_row(section.name, section.weight, items_text(section))
        self.table.itemChanged.connect(self.update_sum)
        add = QPushButton(self.tr("Add a section"))
        add.clicked.connect(lambda: self.add_row("", 0, ""))
        remove = QPushButton(self.tr("Remove the section"))
        remove.clicked.connect(self.remove_row)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(self.sum)
        form = QFormLayout()
        form.addRow(self.tr("Scorecard name"), self.name)
        form.addRow(self.tr("Pass mark"), self.pass_mark)
        quotas = QHBoxLayout()
        for key, label in (
            ("qc_sample_size", self.tr("everyone")),
            ("qc_sample_new_hire", self.tr("new hire")),
            ("qc_sample_unstable", self.tr("after two bad days")),
        ):
            quotas.addWidget(QLabel(label))
            quotas.addWidget(self.quotas[key])
        quotas.addStretch(1)
        form.addRow(self.tr("Items checked a day"), quotas)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.update_sum()

    def add_row(self, name: str, weight: int, items: str) -> None:
        blocked = self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, self.COL_NAME, QTableWidgetItem(name))
        self.table.setItem(row, self.COL_WEIGHT, QTableWidgetItem(str(weight)))
        self.table.setItem(row, self.COL_ITEMS, QTableWidgetItem(items))
        self.table.blockSignals(blocked)
        self.update_sum()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.update_sum()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def sections(self) -> list[SectionSpec]:
        """The sections as typed; a weight that is not a whole number is refused by name."""
        out = []
        for row in range(self.table.rowCount()):
            name, weight = self._cell(row, self.COL_NAME), self._cell(row, self.COL_WEIGHT)
            try:
                value = int(weight)
            except ValueError:
                raise QcError(
                    self.tr(
                        "The weight of section “{name}” is “{weight}”: type a whole number."
                    ).format(name=name, weight=weight)
                ) from None
            out.append(SectionSpec(name, value, parse_items(self._cell(row, self.COL_ITEMS))))
        return out

    def update_sum(self) -> None:
        total = 0
        for row in range(self.table.rowCount()):
            try:
                total += int(self._cell(row, self.COL_WEIGHT))
            except ValueError:
                continue
        self.sum.setText(self.tr("Sections add up to {total}%").format(total=total))
        self.sum.setStyleSheet("" if total == 100 else "color: #b00020; font-weight: bold;")

    def save(self) -> None:
        def work(session: object) -> Scorecard:
            card = scorecard.save_scorecard(session, self.name.text(), self.sections())  # type: ignore[arg-type]
            values = {key: spin.value() for key, spin in self.quotas.items()}
            values["qc_pass_mark"] = self.pass_mark.value()
            policy.change(session, values)  # type: ignore[arg-type]
            return card

        saved = run_in_transaction(self, self.db, work, self.tr("Scorecard"))
        if saved is not None:
            self.saved = saved
            self.accept()
