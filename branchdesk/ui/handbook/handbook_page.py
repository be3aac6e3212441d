"""处罚手册: categories and items, searched as you type, edited in place with undo (Ctrl+Z)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.handbook import service
from branchdesk.handbook.entries import Entry
from branchdesk.handbook.service import CategoryInfo, DeletedCategory, DeletedItem, ItemFields
from branchdesk.io.tabular import CellError, date_value
from branchdesk.permissions import Action
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.category_list import ALL, fill_category_list
from branchdesk.ui.kit.flow_layout import FlowLayout
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.tables import TextColumnsFit, add_copy_actions

(
    COL_CATEGORY,
    COL_CAUSE,
    COL_FINE,
    COL_STANDARD,
    COL_AVOIDANCE,
    COL_CODE,
    COL_EFFECTIVE,
    COL_UPDATED,
) = range(8)
FIELDS = {
    COL_CATEGORY: "category",
    COL_CAUSE: "cause",
    COL_FINE: "fine",
    COL_STANDARD: "standard",
    COL_AVOIDANCE: "avoidance",
    COL_CODE: "hq_code",
    COL_EFFECTIVE: "effective",
}
LONG_TEXT = (COL_CAUSE, COL_STANDARD, COL_AVOIDANCE)

COLUMNS: list[Column[Entry]] = [
    Column("Category", lambda e: e.category),
    Column("Cause", lambda e: e.cause),
    Column("Fine", lambda e: e.fine),
    Column("Operating standard", lambda e: e.standard),
    Column("How to avoid it", lambda e: e.avoidance),
    Column("HQ code", lambda e: e.hq_code),
    Column("Effective", lambda e: e.effective.isoformat() if e.effective else ""),
    Column("Last changed", lambda e: e.updated.date().isoformat() if e.updated else ""),
]


def _value_of(entry: Entry, field: str) -> Any:
    return {
        "category": entry.category,
        "cause": entry.cause,
        "fine": entry.fine,
        "standard": entry.standard,
        "avoidance": entry.avoidance,
        "hq_code": entry.hq_code,
        "effective": entry.effective,
    }[field]


class ItemsModel(RowsModel[Entry]):
    """Handbook items; every column but 最后修改 edits in place through `edit_requested`."""

    edit_requested = Signal(int, str, object)  # item id, field, new value

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() in FIELDS:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def extra_data(self, row: Entry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole and column in FIELDS:
            value = _value_of(row, FIELDS[column])
            if isinstance(value, date):
                return value.isoformat()
            return value or ""
        if column == COL_FINE and row.fine_flagged:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#fff4ce"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "Kept as written: BranchDesk cannot read this fine's shape. It is printed "
                    "as written and left out of fill-in exam questions."
                )
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.isValid()
            and index.column() == COL_FINE
            and self.rows[index.row()].fine_flagged
        ):
            return self.extra_data(self.rows[index.row()], COL_FINE, role)
        return super().data(index, role)

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in FIELDS:
            return False
        row = self.rows[index.row()]
        field = FIELDS[index.column()]
        old = _value_of(row, field)
        new: Any = str(value)
        if field == "effective":
            try:
                new = date_value(new.strip() or None)
            except CellError as exc:
                QMessageBox.warning(None, self.tr("Cannot save"), str(exc))
                return False
        elif field == "hq_code":
            new = new.strip() or None
        if new == old:
            return False
        self.edit_requested.emit(row.id, field, new)
        return True

    def replace_row(self, updated: Entry) -> None:
        for i, row in enumerate(self.rows):
            if row.id == updated.id:
                self.rows[i] = updated
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
                return

    def row_of(self, item_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == item_id), None)


class ItemDelegate(QStyledItemDelegate):
    """Multi-line editors for long text (Ctrl+Enter saves), a chooser for the category."""

    def __init__(self, page: HandbookPage) -> None:
        super().__init__(page)
        self.page = page

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        if index.column() in LONG_TEXT:
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(90)
            QShortcut(QKeySequence("Ctrl+Return"), editor, lambda: self._commit(editor))
            return editor
        if index.column() == COL_CATEGORY:
            combo = QComboBox(parent)
            combo.addItems([c.name for c in self.page.categories])
            return combo
        return super().createEditor(parent, option, index)

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value or ""))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(str(value))))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: Any,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), 120))
            rect.setWidth(max(rect.width(), 320))
        editor.setGeometry(rect)


# --- undo commands ----------------------------------------------------------------------


class EditItem(QUndoCommand):
    def __init__(self, page: HandbookPage, item_id: int, field: str, old: Any, new: Any) -> None:
        super().__init__(page.tr("Edit an item"))
        self.page, self.item_id, self.field, self.old, self.new = page, item_id, field, old, new

    def redo(self) -> None:
        # A refused edit (empty cause, unreadable fine) is obsolete: the stack drops it.
        self.setObsolete(not self.page.apply_edit(self.item_id, self.field, self.new))

    def undo(self) -> None:
        self.page.apply_edit(self.item_id, self.field, self.old)


class AddItem(QUndoCommand):
    def __init__(self, page: HandbookPage, fields: ItemFields) -> None:
        super().__init__(page.tr("Add item"))
        self.page, self.fields = page, fields
        self.deleted: DeletedItem | None = None
        self.item_id: int | None = None

    def redo(self) -> None:
        def work(session: Any) -> Entry:
            if self.deleted is not None:  # redo after undo: the same item, same id
                return service.restore_item(session, self.deleted)
            return service.add_item(session, self.fields)

        entry = self.page.run(work)
        self.setObsolete(entry is None)
        if entry is not None:
            self.item_id = entry.id
            self.page.reload(select=entry.id, edit=self.deleted is None)

    def undo(self) -> None:
        if self.item_id is not None:
            item_id = self.item_id
            self.deleted = self.page.run(lambda s: service.delete_item(s, item_id))
            self.page.reload()


class DeleteItems(QUndoCommand):
    def __init__(self, page: HandbookPage, ids: list[int]) -> None:
        super().__init__(page.tr("Delete {n} item(s)").format(n=len(ids)))
        self.page, self.ids = page, ids
        self.deleted: list[DeletedItem] = []

    def redo(self) -> None:
        ids = self.ids

        def work(session: Any) -> list[DeletedItem]:
            return [service.delete_item(session, i) for i in ids]

        deleted = self.page.run(work)
        self.setObsolete(deleted is None)
        self.deleted = deleted or []
        self.page.reload()

    def undo(self) -> None:
        deleted = self.deleted

        def work(session: Any) -> None:
            for d in deleted:
                service.restore_item(session, d)

        self.page.run(work)
        self.page.reload(select=self.ids[0] if self.ids else None)


class MoveItem(QUndoCommand):
    def __init__(self, page: HandbookPage, item_id: int, offset: int) -> None:
        super().__init__(page.tr("Move item"))
        self.page, self.item_id, self.offset = page, item_id, offset

    def _move(self, offset: int) -> None:
        item_id = self.item_id
        self.page.run(lambda s: service.move_item(s, item_id, offset))
        self.page.reload(select=item_id)

    def redo(self) -> None:
        self._move(self.offset)

    def undo(self) -> None:
        self._move(-self.offset)


class CategoryCommand(QUndoCommand):
    """Add, rename or move a category; undo does the opposite."""

    def __init__(self, page: HandbookPage, text: str, do: Any, undo: Any) -> None:
        super().__init__(text)
        self.page, self._do, self._undo = page, do, undo

    def redo(self) -> None:
        self.setObsolete(self.page.run(self._do) is None)
        self.page.reload()

    def undo(self) -> None:
        self.page.run(self._undo)
        self.page.reload()


# --- the page ---------------------------------------------------------------------------


class HandbookPage(QWidget):
    """The penalty handbook: categories, search as you type, editing in place with undo.

    Why one class of this size: the category list, the search and the editable table share one
    selection and one undo stack; the printing and practice live on their own dialogs/pages.
    """

    changed = Signal()
    import_requested = Signal(str)  # the import kind
    print_requested = Signal()
    practice_requested = Signal()
    status = Signal(str)  # a message for the status bar

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.categories: list[CategoryInfo] = []
        self.undo_stack = QUndoStack(self)

        self.banner = QLabel()
        self.banner.setObjectName("handbookBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#handbookBanner { background: #fff4ce; color: #5c4400; padding: 6px; }"
        )
        self.sample_button = QPushButton(self.tr("Load the sample handbook"))
        self.sample_button.clicked.connect(self.load_sample)

        self.search = QLineEdit()
        self.search.setObjectName("handbookSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search causes, fines, standards, how to avoid, HQ codes…  (Ctrl+F)")
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self.reload_items)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        find = QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        find.setWhatsThis(self.tr("Search the handbook"))

        # Categories on the left.
        self.category_list = QListWidget()
        self.category_list.setObjectName("categoryList")
        self.category_list.currentRowChanged.connect(lambda _r: self.reload_items())
        add_cat = QPushButton(self.tr("Add"))
        add_cat.clicked.connect(self.add_category)
        self.rename_cat = QPushButton(self.tr("Rename"))
        self.rename_cat.clicked.connect(self.rename_category)
        self.cat_up = QPushButton("↑")
        self.cat_up.setToolTip(self.tr("Move the category up"))
        self.cat_up.clicked.connect(lambda: self.move_category(-1))
        self.cat_down = QPushButton("↓")
        self.cat_down.setToolTip(self.tr("Move the category down"))
        self.cat_down.clicked.connect(lambda: self.move_category(1))
        self.delete_cat = QPushButton(self.tr("Delete"))
        self.delete_cat.clicked.connect(self.delete_category)
        for arrow in (self.cat_up, self.cat_down):
            arrow.setFixedWidth(32)
        cat_buttons = QGridLayout()
        cat_buttons.addWidget(add_cat, 0, 0)
        cat_buttons.addWidget(self.rename_cat, 0, 1)
        cat_buttons.addWidget(self.delete_cat, 0, 2)
        arrows = QHBoxLayout()
        arrows.addWidget(self.cat_up)
        arrows.addWidget(self.cat_down)
        arrows.addStretch(1)
        cat_buttons.addLayout(arrows, 1, 0, 1, 3)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Categories")))
        ll.addWidget(self.category_list, 1)
        ll.addLayout(cat_buttons)

        # Items on the right.
        self.model = ItemsModel(COLUMNS)
        self.model.edit_requested.connect(self.request_edit)
        self.view = QTableView()
        self.view.setObjectName("handbookItems")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ItemDelegate(self))
        add_copy_actions(self.view)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # 操作标准 and 避责方法 share the width the others leave, so both are in view at
        # 1024×768; 总部编号 and the dates come after them.
        self.columns_fit = TextColumnsFit(
            self.view,
            {
                COL_CATEGORY: 84,
                COL_CAUSE: 116,
                COL_FINE: 100,
                COL_CODE: 70,
                COL_EFFECTIVE: 90,
                COL_UPDATED: 90,
            },
            {COL_STANDARD: 52, COL_AVOIDANCE: 48},
        )
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(self.tr("New item"))
        self.add_button.setToolTip("Ctrl+N")
        self.add_button.clicked.connect(self.add_item)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip("Del")
        self.delete_button.clicked.connect(self.delete_items)
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip(self.tr("Move the item up (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip(self.tr("Move the item down (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip("Ctrl+Z")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(lambda: self.import_requested.emit("handbook"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.print_requested.emit)
        self.practice_button = QPushButton(self.tr("Practice"))
        self.practice_button.clicked.connect(self.practice_requested.emit)
        for keys, slot, what in (
            (QKeySequence.StandardKey.New, self.add_item, self.tr("New item")),
            (QKeySequence.StandardKey.Undo, self.undo, self.tr("Undo")),
            (QKeySequence.StandardKey.Redo, self.redo, self.tr("Redo")),
        ):
            QShortcut(keys, self, slot).setWhatsThis(what)
        up = QShortcut(QKeySequence("Alt+Up"), self.view, lambda: self.move_item(-1))
        up.setWhatsThis(self.tr("Move the item up"))
        down = QShortcut(QKeySequence("Alt+Down"), self.view, lambda: self.move_item(1))
        down.setWhatsThis(self.tr("Move the item down"))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_items)
        delete.setWhatsThis(self.tr("Delete the chosen items"))
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

        for arrow in (self.up_button, self.down_button):
            arrow.setFixedWidth(36)
        # Wraps onto a second line on a narrow (1024×768) screen rather than widen the window.
        tools = FlowLayout()
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            tools.addWidget(b)
        tools.addWidget(self.undo_button)
        for b in (self.import_button, self.export_button, self.print_button):
            tools.addWidget(b)
        tools.addWidget(self.practice_button)
        self.count_label = QLabel()
        hint = QLabel(
            self.tr(
                "Double-click a cell to change it (Ctrl+Enter saves long text); Ctrl+Z undoes. "
                "Fines on a yellow ground are kept as written."
            )
        )
        hint.setWordWrap(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.search)
        rl.addWidget(self.view, 1)
        rl.addLayout(tools)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.count_label)
        rl.addLayout(bottom)

        left.setMinimumWidth(140)
        left.setMaximumWidth(320)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 900])
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.sample_button)
        layout = QVBoxLayout(self)
        layout.addLayout(banner_row)
        layout.addWidget(splitter, 1)
        self.reload()

    # --- data ------------------------------------------------------------------------------
    def run(self, work: Any) -> Any:
        """Run `work(session)` in one short transaction; a refusal is shown, None returned.

        Refused for want of the owner: the PIN is asked for and the work runs once more."""
        return owner.run_in_transaction(self, self.db, work, self.tr("Cannot save"))

    def undo(self) -> None:
        # The PIN first: a step refused half-way would leave the undo history out of step
        # with the handbook (undone on the stack, not in the data).
        if self.undo_stack.canUndo() and owner.ensure_owner(self, self.db, Action.EDIT_HANDBOOK):
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.undo_stack.canRedo() and owner.ensure_owner(self, self.db, Action.EDIT_HANDBOOK):
            self.undo_stack.redo()

    def busy(self) -> bool:
        """Edits of this page could be lost by reading the handbook again: steps to undo, or
        an item being typed into."""
        return self.undo_stack.count() > 0 or (
            self.view.state() == QAbstractItemView.State.EditingState
        )

    def reset(self) -> None:
        """The handbook changed outside this page (an import, an undo): start afresh."""
        self.undo_stack.clear()
        self.reload()

    def reload(self, select: int | None = None, edit: bool = False) -> None:
        current = self.current_category_id()
        with self.db.session() as session:
            service.ensure_default_categories(session)
            self.categories = service.list_categories(session)
            sample = service.is_sample(session)
            empty = not service.entries(session)
        fill_category_list(
            self.category_list, [(c.id, c.name, c.items) for c in self.categories], current
        )
        if sample:
            self.banner.setText(
                self.tr(
                    "This is the SAMPLE handbook (示例): amounts are examples, not your HQ's. "
                    "Import your HQ's handbook (Import…) to replace it; undo that import under "
                    "数据 to get the sample back."
                )
            )
        elif empty:
            self.banner.setText(
                self.tr(
                    "The handbook is empty. Import your HQ's penalty handbook from Excel, add "
                    "items with “New item”, or load the sample handbook to see how it works."
                )
            )
        self.banner.setVisible(sample or empty)
        self.sample_button.setVisible(empty)
        self.reload_items(select=select, edit=edit)
        self.changed.emit()

    def reload_items(self, select: int | None = None, edit: bool = False) -> None:
        category = self.current_category_id()
        with self.db.session() as session:
            rows = service.entries(
                session,
                self.search.text(),
                category_id=None if category in (None, ALL) else category,
            )
        self.model.set_rows(rows)
        # One category chosen: its name on every row says nothing and takes the room the
        # standard and the way to avoid the fine need on a small screen.
        self.view.setColumnHidden(COL_CATEGORY, category not in (None, ALL))
        self.columns_fit.fit()
        self.count_label.setText(self.tr("{count} item(s)").format(count=len(rows)))
        if select is not None:
            row = self.model.row_of(select)
            if row is not None:
                index = self.model.index(row, COL_CAUSE)
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                if edit:
                    self.view.edit(index)
        self._update_buttons()

    def current_category_id(self) -> int | None:
        item = self.category_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _current_category(self) -> CategoryInfo | None:
        cid = self.current_category_id()
        return next((c for c in self.categories if c.id == cid), None)

    def current_category_name(self) -> str | None:
        """The category chosen in the list (None: all of them)."""
        category = self._current_category()
        return None if category is None else category.name

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def _update_buttons(self) -> None:
        selected = bool(self.selected_ids())
        self.delete_button.setEnabled(selected)
        self.up_button.setEnabled(selected)
        self.down_button.setEnabled(selected)
        category = self._current_category()
        for b in (self.rename_cat, self.cat_up, self.cat_down, self.delete_cat):
            b.setEnabled(category is not None)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def focus_search(self) -> None:
        self._focus_search()

    def show_item(self, item_id: int) -> bool:
        """Show penalty item `item_id` selected, whatever category or filter was chosen (a
        knowledge-search hit opens here). False when the item no longer exists."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.category_list.blockSignals(True)
        self.category_list.setCurrentRow(0)  # All
        self.category_list.blockSignals(False)
        self.reload_items(select=item_id)
        return item_id in self.selected_ids()

    # --- items -----------------------------------------------------------------------------
    def request_edit(self, item_id: int, field: str, new: Any) -> None:
        row = self.model.row_of(item_id)
        if row is None:
            return
        old = _value_of(self.model.rows[row], field)
        self.undo_stack.push(EditItem(self, item_id, field, old, new))

    def apply_edit(self, item_id: int, field: str, value: Any) -> bool:
        entry = self.run(lambda s: service.update_item(s, item_id, **{field: value}))
        if entry is None:
            return False
        if field == "category":
            self.reload(select=item_id)
        else:
            self.model.replace_row(entry)
            self.view.resizeRowToContents(self.model.row_of(item_id) or 0)
            self.changed.emit()
        return True

    def add_item(self) -> None:
        category = self._current_category() or (self.categories[0] if self.categories else None)
        if category is None:
            QMessageBox.information(self, self.tr("New item"), self.tr("Add a category first."))
            return
        cause, ok = QInputDialog.getText(
            self,
            self.tr("New item"),
            self.tr("Cause (违规致因) in “{category}”:").format(category=category.name),
        )
        if not ok or not cause.strip():
            return
        fine, ok = QInputDialog.getText(
            self,
            self.tr("New item"),
            self.tr("Fine (处罚金额), e.g. 10元/票, 100-200元, 赔偿+10元, 计入KPI考核:"),
        )
        if not ok:
            return
        self.undo_stack.push(
            AddItem(self, ItemFields(category=category.name, cause=cause, fine=fine))
        )

    def delete_items(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self.undo_stack.push(DeleteItems(self, ids))
        self.status.emit(
            self.tr("Deleted {n} item(s). Ctrl+Z brings them back.").format(n=len(ids))
        )

    def move_item(self, offset: int) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.undo_stack.push(MoveItem(self, ids[0], offset))

    # --- categories ------------------------------------------------------------------------
    def add_category(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add category"), self.tr("Category name:"))
        if not ok or not name.strip():
            return
        holder: dict[str, int] = {}

        def do(session: Any) -> CategoryInfo:
            info = service.add_category(session, name)
            holder["id"] = info.id
            return info

        def undo(session: Any) -> None:
            service.delete_category(session, holder["id"])

        self.undo_stack.push(
            CategoryCommand(self, self.tr("Add category {name}").format(name=name), do, undo)
        )

    def rename_category(self) -> None:
        category = self._current_category()
        if category is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename category"), self.tr("New name:"), text=category.name
        )
        if not ok or not name.strip() or name.strip() == category.name:
            return
        cid, old = category.id, category.name
        self.undo_stack.push(
            CategoryCommand(
                self,
                self.tr("Rename category {name}").format(name=old),
                lambda s: service.rename_category(s, cid, name),
                lambda s: service.rename_category(s, cid, old),
            )
        )

    def move_category(self, offset: int) -> None:
        category = self._current_category()
        if category is None:
            return
        before = [c.id for c in self.categories]
        after = list(before)
        i = after.index(category.id)
        j = max(0, min(len(after) - 1, i + offset))
        if i == j:
            return
        after.insert(j, after.pop(i))

        def do(session: Any) -> bool:
            service.reorder_categories(session, after)
            return True

        self.undo_stack.push(
            CategoryCommand(
                self,
                self.tr("Move category"),
                do,
                lambda s: service.reorder_categories(s, before),
            )
        )

    def delete_category(self) -> None:
        category = self._current_category()
        if category is None:
            return
        cid, name = category.id, category.name
        with self.db.session() as session:
            active, replaced = service.category_usage(session, cid)
        drop = False
        if not active and replaced:
            answer = QMessageBox.question(
                self,
                self.tr("Delete category"),
                self.tr(
                    "“{name}” has no items now, but keeps {count} old item(s) that an import "
                    "replaced, so that the import can be undone. Delete the category and those "
                    "old items? Undoing that import will then not bring them back."
                ).format(name=name, count=replaced),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            drop = True
        holder: dict[str, DeletedCategory] = {}

        def do(session: Any) -> bool:
            holder["deleted"] = service.delete_category(session, cid, drop_replaced=drop)
            return True

        def undo(session: Any) -> None:
            service.restore_category(session, holder["deleted"])

        self.undo_stack.push(
            CategoryCommand(self, self.tr("Delete category {name}").format(name=name), do, undo)
        )

    # --- other actions ---------------------------------------------------------------------
    def load_sample(self) -> None:
        from branchdesk.handbook.sample import load_sample_handbook

        summary = self.run(load_sample_handbook)
        if summary is not None:
            self.undo_stack.clear()
            self.reload()
            QMessageBox.information(self, self.tr("Sample handbook"), summary)

    def export(self) -> None:
        from pathlib import Path

        from branchdesk.handbook.importers import export_handbook
        from branchdesk.io.export import notes_of

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the handbook"),
            self.tr("处罚手册.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return
        count = self.run(lambda s: export_handbook(s, Path(path)))
        if count is not None:
            QMessageBox.information(
                self,
                self.tr("Export finished"),
                "\n".join(
                    [
                        self.tr("Wrote {count} item(s) to {path}").format(count=count, path=path),
                        *notes_of(count),
                    ]
                ),
            )
