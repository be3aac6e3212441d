"""Complaint categories (a tree with deadlines) and their reply scripts, edited by the owner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.complaints import service
from branchdesk.complaints.scripts import PLACEHOLDERS
from branchdesk.complaints.service import CategoryInfo, ScriptInfo
from branchdesk.db.engine import Database
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.screens import fit_to_screen

NEW_SCRIPT = -1  # the script list's entry for a script not saved yet


class ComplaintCategoriesDialog(QDialog):
    """Add, rename and delete categories, set their deadlines, write their reply scripts."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.categories: list[CategoryInfo] = []
        self.setWindowTitle(self.tr("Complaint categories and reply scripts"))
        self.setObjectName("complaintCategories")

        # The tree.
        self.tree = QTreeWidget()
        self.tree.setObjectName("categoryTree")
        self.tree.setHeaderLabels([self.tr("Category"), self.tr("Deadline"), self.tr("Scripts")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._category_chosen())
        add = QPushButton(self.tr("Add"))
        add.setObjectName("addCategory")
        add.clicked.connect(lambda: self.add_category(sub=False))
        self.add_sub = QPushButton(self.tr("Add sub-category"))
        self.add_sub.setObjectName("addSubCategory")
        self.add_sub.clicked.connect(lambda: self.add_category(sub=True))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteCategory")
        self.delete_button.clicked.connect(self.delete_category)
        tree_buttons = QHBoxLayout()
        for b in (add, self.add_sub, self.delete_button):
            tree_buttons.addWidget(b)
        tree_buttons.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.tree, 1)
        ll.addLayout(tree_buttons)

        # The chosen category.
        self.name = QLineEdit()
        self.name.setObjectName("categoryName")
        self.name.setMaxLength(40)
        self.sla = QSpinBox()
        self.sla.setObjectName("slaHours")
        self.sla.setRange(1, 720)
        self.sla.setSuffix(self.tr(" h"))
        self.sla.setToolTip(
            self.tr("A new complaint of this category is due this many hours later")
        )
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("applyCategory")
        self.apply_button.clicked.connect(self.apply_category)
        self.name.returnPressed.connect(self.apply_category)
        category_box = QGroupBox(self.tr("Category"))
        cf = QFormLayout(category_box)
        cf.addRow(self.tr("Category name"), self.name)
        sla_row = QHBoxLayout()
        sla_row.addWidget(self.sla)
        sla_row.addStretch(1)
        sla_row.addWidget(self.apply_button)
        cf.addRow(self.tr("Deadline"), sla_row)

        # Its scripts.
        self.scripts = QListWidget()
        self.scripts.setObjectName("scriptList")
        self.scripts.setMaximumHeight(90)
        self.scripts.currentItemChanged.connect(lambda *_: self._script_chosen())
        self.new_script_button = QPushButton(self.tr("New script"))
        self.new_script_button.setObjectName("newScript")
        self.new_script_button.clicked.connect(self.new_script)
        self.delete_script_button = QPushButton(self.tr("Delete script"))
        self.delete_script_button.setObjectName("deleteScript")
        self.delete_script_button.clicked.connect(self.delete_script)
        self.title = QLineEdit()
        self.title.setObjectName("scriptTitle")
        self.title.setMaxLength(60)
        self.title.setPlaceholderText(self.tr("e.g. 标准回复, 客户情绪激动时"))
        self.body = QPlainTextEdit()
        self.body.setObjectName("scriptBody")
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(
            self.tr("{客户称呼}您好，您的快件 {运单号} 已安排业务员 {业务员}（电话 {业务员电话}）…")
        )
        self.save_script_button = QPushButton(self.tr("Save script"))
        self.save_script_button.setObjectName("saveScript")
        self.save_script_button.clicked.connect(self.save_script)
        placeholders = QGridLayout()
        placeholders.setSpacing(4)
        for n, (name, meaning) in enumerate(PLACEHOLDERS.items()):
            button = QPushButton("{" + name + "}")
            button.setToolTip(self.tr(meaning))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, name=name: self.insert_placeholder(name))
            placeholders.addWidget(button, n // 5, n % 5)
        script_box = QGroupBox(self.tr("Reply scripts"))
        sl = QVBoxLayout(script_box)
        list_row = QHBoxLayout()
        list_row.addWidget(self.scripts, 1)
        list_buttons = QVBoxLayout()
        list_buttons.addWidget(self.new_script_button)
        list_buttons.addWidget(self.delete_script_button)
        list_buttons.addStretch(1)
        list_row.addLayout(list_buttons)
        sl.addLayout(list_row)
        tf = QFormLayout()
        tf.addRow(self.tr("Title"), self.title)
        sl.addLayout(tf)
        sl.addWidget(self.body, 1)
        sl.addWidget(QLabel(self.tr("Insert a fact (unknown facts stay as a blank to fill):")))
        sl.addLayout(placeholders)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_script_button)
        sl.addLayout(save_row)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(category_box)
        rl.addWidget(script_box, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 560])
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        for b in (add, self.add_sub, self.delete_button, self.apply_button):
            b.setAutoDefault(False)
        for b in (self.new_script_button, self.delete_script_button, self.save_script_button):
            b.setAutoDefault(False)
        fit_to_screen(self, 960, 620)
        self.reload()

    # --- data ------------------------------------------------------------------------------
    def run(self, work: Callable[[Any], Any]) -> Any:
        """`work(session)` in one transaction; a refusal is shown and None returned.

        Refused for want of the owner: the PIN is asked for and the work runs once more."""
        failed = object()
        result = owner.run_in_transaction(self, self.db, work, self.tr("Not saved"), failed=failed)
        if result is failed:
            return None
        self.changed.emit()
        return True if result is None else result

    def reload(self, select: int | None = None, script: int | None = None) -> None:
        if select is None:
            select = self.current_id()
        with self.db.session() as session:
            self.categories = list(service.categories_for_choice(session))
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for c in self.categories:
            item = QTreeWidgetItem(
                [c.name, self.tr("{hours} h").format(hours=c.sla_hours), str(len(c.scripts))]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            parent = items.get(c.parent_id) if c.parent_id is not None else None
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[c.id] = item
        self.tree.expandAll()
        current = items.get(select) if select is not None else None
        if current is None and self.tree.topLevelItemCount():
            current = self.tree.topLevelItem(0)
        if current is not None:
            self.tree.setCurrentItem(current)
        self.tree.blockSignals(False)
        self._category_chosen(script)

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def current(self) -> CategoryInfo | None:
        cid = self.current_id()
        return next((c for c in self.categories if c.id == cid), None)

    def _category_chosen(self, script: int | None = None) -> None:
        category = self.current()
        for w in (
            self.name,
            self.sla,
            self.apply_button,
            self.add_sub,
            self.delete_button,
            self.scripts,
            self.new_script_button,
            self.title,
            self.body,
            self.save_script_button,
        ):
            w.setEnabled(category is not None)
        self.name.setText(category.name if category else "")
        self.sla.setValue(category.sla_hours if category else 24)
        self.scripts.blockSignals(True)
        self.scripts.clear()
        for s in category.scripts if category else ():
            item = QListWidgetItem(s.title)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.scripts.addItem(item)
        row = 0
        if script is not None:
            row = next(
                (
                    i
                    for i in range(self.scripts.count())
                    if self.scripts.item(i).data(Qt.ItemDataRole.UserRole) == script
                ),
                0,
            )
        self.scripts.setCurrentRow(row if self.scripts.count() else -1)
        self.scripts.blockSignals(False)
        self._script_chosen()

    def current_script(self) -> ScriptInfo | None:
        category = self.current()
        item = self.scripts.currentItem()
        if category is None or item is None:
            return None
        sid = item.data(Qt.ItemDataRole.UserRole)
        return next((s for s in category.scripts if s.id == sid), None)

    def _script_chosen(self) -> None:
        script = self.current_script()
        self.title.setText(script.title if script else "")
        self.body.setPlainText(script.body if script else "")
        self.delete_script_button.setEnabled(script is not None)

    # --- categories ------------------------------------------------------------------------
    def add_category(self, sub: bool) -> int | None:
        parent = self.current() if sub else None
        if sub and parent is None:
            return None
        prompt = (
            self.tr("Name of the new sub-category of “{parent}”:").format(parent=parent.name)
            if parent is not None
            else self.tr("Name of the new category:")
        )
        name, ok = QInputDialog.getText(self, self.tr("Add a category"), prompt)
        if not ok or not name.strip():
            return None
        sla = parent.sla_hours if parent is not None else 24
        parent_id = parent.id if parent is not None else None
        info = self.run(lambda s: service.add_category(s, name, sla, parent_id))
        if info is None:
            return None
        self.reload(select=info.id)
        self.name.setFocus()
        return int(info.id)

    def apply_category(self) -> bool:
        category = self.current()
        if category is None:
            return False
        cid, name, hours = category.id, self.name.text(), self.sla.value()
        if self.run(lambda s: service.update_category(s, cid, name=name, sla_hours=hours)) is None:
            return False
        self.reload(select=cid)
        return True

    def delete_category(self) -> bool:
        category = self.current()
        if category is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete a category"),
            self.tr("Delete the category “{name}” and its reply scripts?").format(
                name=category.path
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        cid = category.id
        if self.run(lambda s: service.delete_category(s, cid)) is None:
            return False
        self.reload(select=category.parent_id)
        return True

    # --- scripts ---------------------------------------------------------------------------
    def new_script(self) -> None:
        if self.current() is None:
            return
        self.scripts.blockSignals(True)
        item = QListWidgetItem(self.tr("(new script)"))
        item.setData(Qt.ItemDataRole.UserRole, NEW_SCRIPT)
        self.scripts.addItem(item)
        self.scripts.setCurrentItem(item)
        self.scripts.blockSignals(False)
        self.title.clear()
        self.body.clear()
        self.delete_script_button.setEnabled(False)
        self.title.setFocus()

    def save_script(self) -> int | None:
        category = self.current()
        if category is None:
            return None
        script = self.current_script()
        cid, sid = category.id, script.id if script is not None else None
        title, body = self.title.text(), self.body.toPlainText()
        info = self.run(lambda s: service.save_script(s, cid, title, body, sid))
        if info is None:
            return None
        self.reload(select=cid, script=info.id)
        return int(info.id)

    def delete_script(self) -> bool:
        script = self.current_script()
        category = self.current()
        if script is None or category is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete a script"),
            self.tr("Delete the reply script “{title}”?").format(title=script.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        sid = script.id
        if self.run(lambda s: service.delete_script(s, sid)) is None:
            return False
        self.reload(select=category.id)
        return True

    def insert_placeholder(self, name: str) -> None:
        self.body.insertPlainText("{" + name + "}")
        self.body.setFocus()
