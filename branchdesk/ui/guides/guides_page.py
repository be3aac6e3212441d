"""操作指南: the library of step-by-step guides — categories, search as you type, review dates,
readers' notes on outdated steps — and the doors to the editor, viewer, print, packs and
history."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.guides import service
from branchdesk.guides.service import CategoryInfo, FlagInfo, GuideInfo, VersionInfo
from branchdesk.settings import SettingsStore
from branchdesk.ui.guides.guide_editor import GuideEditor
from branchdesk.ui.guides.guide_viewer import GuideViewer
from branchdesk.ui.kit import owner_action as owner
from branchdesk.ui.kit.category_list import ALL, fill_category_list
from branchdesk.ui.kit.flow_layout import FlowLayout
from branchdesk.ui.kit.models import Column, RowsModel
from branchdesk.ui.kit.screens import fit_to_screen
from branchdesk.ui.kit.tables import read_only_table
from branchdesk.ui.kit.tasks import failure_message

SAMPLE_MARK = "【示例】"
OVERDUE = QColor("#fde0e0")
OVERDUE_TEXT = QColor("#b00020")


def local_time(at: datetime | None) -> str:
    """A stored (naive UTC) time as the branch's local time."""
    if at is None:
        return ""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


(
    COL_TITLE,
    COL_CATEGORY,
    COL_OWNER,
    COL_STEPS,
    COL_VERSION,
    COL_REVIEWED,
    COL_REVIEW_BY,
    COL_NOTES,
) = range(8)

GUIDE_COLUMNS: list[Column[GuideInfo]] = [
    Column("Title", lambda g: f"{SAMPLE_MARK}{g.title}" if g.is_sample else g.title),
    Column("Category", lambda g: g.category),
    Column("Owner", lambda g: g.owner),
    Column("Steps", lambda g: g.steps, align_right=True),
    Column("Version", lambda g: g.version, align_right=True),
    Column("Last reviewed", lambda g: _day(g.reviewed_on)),
    Column("Review by", lambda g: _day(g.review_by)),
    Column("Notes", lambda g: g.open_flags or "", align_right=True),
]

FLAG_COLUMNS: list[Column[FlagInfo]] = [
    Column("Guide", lambda f: f.guide_title),
    Column("Step", lambda f: f.step_number, align_right=True),
    Column("Note", lambda f: f.comment),
    Column("By", lambda f: f.who),
    Column("When", lambda f: local_time(f.created_at)),
]

VERSION_COLUMNS: list[Column[VersionInfo]] = [
    Column("Version", lambda v: v.version, align_right=True),
    Column("When", lambda v: local_time(v.at)),
    Column("Who", lambda v: v.who),
    Column("What changed", lambda v: v.summary),
    Column("Steps", lambda v: v.steps, align_right=True),
]


class GuidesModel(RowsModel[GuideInfo]):
    """The library; a review that is due is shown in red, sample guides are marked."""

    today: date = date.today()

    def extra_data(self, row: GuideInfo, column: int, role: int) -> Any:
        overdue = row.needs_review(self.today)
        if overdue and column == COL_REVIEW_BY:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(OVERDUE)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_TEXT)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if row.open_flags and column == COL_NOTES and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(OVERDUE_TEXT)
        if row.is_sample and column == COL_TITLE and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#5c4400"))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.rows[index.row()]
            if index.column() == COL_REVIEW_BY and row.needs_review(self.today):
                return self.tr("Review due: check the guide against the HQ system")
            if index.column() == COL_TITLE and row.is_sample:
                return self.tr("A sample guide (示例), made from BranchDesk's own screens")
        return super().data(index, role)

    def row_of(self, guide_id: int) -> int | None:
        return next((i for i, g in enumerate(self.rows) if g.id == guide_id), None)


class NewGuideDialog(QDialog):
    """Title and category of a new guide."""

    def __init__(self, categories: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New guide"))
        self.title = QLineEdit()
        self.title.setMaxLength(service.MAX_TITLE)
        self.title.setPlaceholderText(self.tr("e.g. 导入当天运单"))
        self.category = QComboBox()
        self.category.addItems(categories)
        if current in categories:
            self.category.setCurrentText(current)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Category"), self.category)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.title.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        form.addRow(buttons)

    @classmethod
    def ask(
        cls, categories: list[str], current: str, parent: QWidget | None = None
    ) -> tuple[tuple[str, str], bool]:
        dialog = cls(categories, current, parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.title.text().strip(), dialog.category.currentText()), ok


class HistoryDialog(QDialog):
    """Every saved state of a guide (who, when, what) with Restore."""

    restored = Signal(int)  # the guide's new version

    def __init__(
        self, db: Database, guide_id: int, title: str, who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.guide_id, self.who = db, guide_id, who
        self.setWindowTitle(self.tr("History of “{title}”").format(title=title))
        fit_to_screen(self, 760, 420)
        self.model = RowsModel(VERSION_COLUMNS)
        self.view = read_only_table(
            self.model, single=True, fit_columns=False, alternating=False, stretch=3
        )
        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.restore_button.clicked.connect(self.restore)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(
            QLabel(self.tr("Restoring saves the old state as a new version; nothing is lost."))
        )
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        with self.db.session() as session:
            self.model.set_rows(service.versions(session, self.guide_id))
        self.view.resizeColumnsToContents()
        if self.model.rows:
            self.view.selectRow(0)

    def selected(self) -> VersionInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore a version"),
            self.tr(
                "Bring back version {v} ({when})? The guide as it is now stays in the history."
            ).format(v=chosen.version, when=local_time(chosen.at)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.session() as session:
                new = service.restore_version(session, self.guide_id, chosen.version, self.who)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot restore"), str(exc))
            return
        self.reload()
        self.restored.emit(new)


class GuidesPage(QWidget):
    """The guide library: categories, search, the needs-review list, opening and printing.

    Why one class of this size: the category tree, the list and its filters act on one
    selection; the viewer and the editor it opens are dialogs of their own.
    """

    status = Signal(str)  # a message for the status bar

    def __init__(
        self, db: Database, settings: SettingsStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings or SettingsStore()
        self.categories: list[CategoryInfo] = []
        self.editors: dict[int, GuideEditor] = {}
        self.viewers: list[GuideViewer] = []
        self.preview: QDialog | None = None

        # Categories on the left.
        self.category_list = QListWidget()
        self.category_list.setObjectName("guideCategories")
        self.category_list.currentRowChanged.connect(lambda _r: self.reload_guides())
        add_cat = QPushButton(self.tr("Add"))
        add_cat.clicked.connect(self.add_category)
        self.rename_cat = QPushButton(self.tr("Rename"))
        self.rename_cat.clicked.connect(self.rename_category)
        self.delete_cat = QPushButton(self.tr("Delete"))
        self.delete_cat.clicked.connect(self.delete_category)
        cat_buttons = QGridLayout()
        cat_buttons.addWidget(add_cat, 0, 0)
        cat_buttons.addWidget(self.rename_cat, 0, 1)
        cat_buttons.addWidget(self.delete_cat, 0, 2)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Categories")))
        ll.addWidget(self.category_list, 1)
        ll.addLayout(cat_buttons)
        left.setMinimumWidth(150)
        left.setMaximumWidth(280)

        # The guides.
        self.search = QLineEdit()
        self.search.setObjectName("guideSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search titles and step text…  (Ctrl+F)"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self.reload_guides)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        find = QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        find.setWhatsThis(self.tr("Search the guides"))
        self.review_only = QCheckBox(self.tr("Needs review"))
        self.review_only.setObjectName("needsReview")
        self.review_only.setToolTip(
            self.tr("Only guides whose review date has come: check them against the HQ system")
        )
        self.review_only.toggled.connect(lambda _c: self.reload_guides())
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.review_only)

        self.model = GuidesModel(GUIDE_COLUMNS)
        self.view = read_only_table(
            self.model, single=True, fit_columns=False, alternating=False, stretch=COL_TITLE
        )
        self.view.setObjectName("guideList")
        self.view.doubleClicked.connect(lambda _i: self.view_guide())
        # The other columns as wide as their heading or a usual value, no wider: at 1024
        # pixels fixed widths left the title (what a guide is found by) seven characters.
        metrics = self.view.fontMetrics()
        for col, usual in (
            (COL_CATEGORY, "客服系统"),
            (COL_OWNER, "王小明"),
            (COL_STEPS, "12"),
            (COL_VERSION, "12"),
            (COL_REVIEWED, "2026-12-06"),
            (COL_REVIEW_BY, "2026-12-06"),
            (COL_NOTES, "2"),
        ):
            heading = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(heading) + 24, metrics.horizontalAdvance(usual))
            self.view.setColumnWidth(col, width + 12)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        for key in ("Return", "Enter"):
            enter = QShortcut(QKeySequence(key), self.view, self.view_guide)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.setWhatsThis(self.tr("Open the chosen guide"))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_guide)
        delete.setWhatsThis(self.tr("Delete the chosen guide"))
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

        self.new_button = QPushButton(self.tr("New guide"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_guide)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_guide).setWhatsThis(
            self.tr("New guide")
        )
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(lambda: self.edit_guide())
        self.view_button = QPushButton(self.tr("View"))
        self.view_button.setToolTip("Enter")
        self.view_button.clicked.connect(lambda: self.view_guide())
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_guide)
        self.export_button = QPushButton(self.tr("Export pack…"))
        self.export_button.setToolTip(self.tr("Save the guide as a .zip to share with a branch"))
        self.export_button.clicked.connect(self.export_pack)
        self.import_button = QPushButton(self.tr("Import pack…"))
        self.import_button.setToolTip(self.tr("Add a guide from another branch's .zip pack"))
        self.import_button.clicked.connect(self.import_pack)
        self.reviewed_button = QPushButton(self.tr("Mark reviewed"))
        self.reviewed_button.setToolTip(
            self.tr("The guide still matches the HQ system: the next review is due in 6 months")
        )
        self.reviewed_button.clicked.connect(self.mark_reviewed)
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.clicked.connect(self.show_history)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_guide)
        # Wraps onto a second line on a narrow (1024×768) screen rather than widen the window.
        tools = FlowLayout()
        for b in (self.new_button, self.edit_button, self.view_button):
            tools.addWidget(b)
        for b in (
            self.print_button,
            self.export_button,
            self.import_button,
            self.reviewed_button,
            self.history_button,
            self.delete_button,
        ):
            tools.addWidget(b)
        self.count_label = QLabel()

        # Readers' notes on outdated steps.
        self.flags_model = RowsModel(FLAG_COLUMNS)
        self.flags_view = read_only_table(
            self.flags_model, single=True, fit_columns=False, alternating=False, stretch=2
        )
        self.flags_view.setObjectName("outdatedNotes")
        self.flags_view.setWordWrap(False)
        self.flags_view.setColumnWidth(0, 200)
        self.flags_view.setColumnWidth(4, 130)
        self.flags_view.doubleClicked.connect(lambda _i: self.fix_flagged_step())
        self.flags_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.flags_label = QLabel()
        self.fix_button = QPushButton(self.tr("Edit the step"))
        self.fix_button.clicked.connect(self.fix_flagged_step)
        self.resolve_button = QPushButton(self.tr("Resolved"))
        self.resolve_button.setToolTip(self.tr("The step is corrected: remove the note"))
        self.resolve_button.clicked.connect(self.resolve_flag)
        flag_head = QHBoxLayout()
        flag_head.addWidget(self.flags_label, 1)
        flag_head.addWidget(self.fix_button)
        flag_head.addWidget(self.resolve_button)
        notes = QWidget()
        nl = QVBoxLayout(notes)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.addLayout(flag_head)
        nl.addWidget(self.flags_view, 1)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(search_row)
        tl.addWidget(self.view, 1)
        tl.addLayout(tools)
        tl.addWidget(self.count_label)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(notes)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([480, 160])
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.reload()

    # --- data ---------------------------------------------------------------------------
    @property
    def who(self) -> str:
        from branchdesk.settings import who_is_working

        return who_is_working(self.settings)

    def run(self, work: Any, title: str = "") -> Any:
        """Run `work(session)` in one short transaction; a refusal is shown, None returned.

        Refused for want of the owner: the PIN is asked for and the work runs once more."""
        return owner.run_in_transaction(self, self.db, work, title or self.tr("Operation guides"))

    def perform(self, work: Any, title: str = "") -> bool:
        """Like `run` for work that returns nothing: True when it was done."""

        def doing(session: Any) -> bool:
            work(session)
            return True

        return self.run(doing, title) is not None

    def reload(self, select: int | None = None) -> None:
        current = self.current_category_id()
        with self.db.session() as session:
            self.categories = service.list_categories(session)
        fill_category_list(
            self.category_list, [(c.id, c.name, c.guides) for c in self.categories], current
        )
        self.reload_guides(select=select)

    def reload_guides(self, select: int | None = None) -> None:
        if select is None:
            chosen = self.selected()
            select = chosen.id if chosen is not None else None
        category = self.current_category_id()
        today = date.today()
        with self.db.session() as session:
            rows = service.search_guides(
                session,
                self.search.text(),
                category_id=None if category in (None, ALL) else category,
            )
            due = service.needs_review(session, today)
            notes = service.flags(session)
        if self.review_only.isChecked():
            rows = [g for g in rows if g.needs_review(today)]
        self.model.today = today
        self.model.set_rows(rows)
        self.review_only.setText(self.tr("Needs review ({count})").format(count=len(due)))
        self.count_label.setText(self.tr("{count} guide(s)").format(count=len(rows)))
        if select is not None:
            row = self.model.row_of(select)
            if row is not None:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
        self.flags_model.set_rows(notes)
        self.flags_label.setText(
            self.tr("Outdated notes from readers ({count})").format(count=len(notes))
            if notes
            else self.tr("Outdated notes from readers: none")
        )
        self._update_buttons()

    def current_category_id(self) -> int | None:
        item = self.category_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _current_category(self) -> CategoryInfo | None:
        cid = self.current_category_id()
        return next((c for c in self.categories if c.id == cid), None)

    def selected(self) -> GuideInfo | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.rows):
            return None
        return self.model.rows[rows[0].row()]

    def select_guide(self, guide_id: int) -> bool:
        row = self.model.row_of(guide_id)
        if row is None:
            return False
        self.view.selectRow(row)
        return True

    def selected_flag(self) -> FlagInfo | None:
        rows = self.flags_view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.flags_model.rows):
            return None
        return self.flags_model.rows[rows[0].row()]

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for b in (
            self.edit_button,
            self.view_button,
            self.print_button,
            self.export_button,
            self.reviewed_button,
            self.history_button,
            self.delete_button,
        ):
            b.setEnabled(chosen)
        category = self._current_category() is not None
        self.rename_cat.setEnabled(category)
        self.delete_cat.setEnabled(category)
        flag = self.selected_flag() is not None
        self.fix_button.setEnabled(flag)
        self.resolve_button.setEnabled(flag)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- categories ---------------------------------------------------------------------
    def add_category(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add category"), self.tr("Category name:"))
        if ok and name.strip() and self.run(lambda s: service.add_category(s, name)) is not None:
            self.reload()

    def rename_category(self) -> None:
        category = self._current_category()
        if category is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename category"), self.tr("New name:"), text=category.name
        )
        if not ok or not name.strip() or name.strip() == category.name:
            return
        cid = category.id
        if self.perform(lambda s: service.rename_category(s, cid, name)):
            self.reload()

    def delete_category(self) -> None:
        category = self._current_category()
        if category is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete category"),
            self.tr("Delete the category “{name}”?").format(name=category.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        cid = category.id
        if self.perform(lambda s: service.delete_category(s, cid)):
            self.reload()

    # --- guides -------------------------------------------------------------------------
    def new_guide(self) -> None:
        category = self._current_category()
        names = [c.name for c in self.categories]
        (title, category_name), ok = NewGuideDialog.ask(
            names, category.name if category else (names[0] if names else ""), self
        )
        if ok and title:
            self.create_guide(title, category_name)

    def create_guide(self, title: str, category: str) -> GuideEditor | None:
        who = self.who
        guide_id = self.run(
            lambda s: service.create_guide(s, title, category, owner=who, who=who),
            self.tr("New guide"),
        )
        if guide_id is None:
            return None
        self.reload(select=guide_id)
        return self.edit_guide(guide_id)

    def edit_guide(
        self, guide_id: int | None = None, step: int | None = None
    ) -> GuideEditor | None:
        if guide_id is None:
            chosen = self.selected()
            if chosen is None:
                return None
            guide_id = chosen.id
        editor = self.editors.get(guide_id)
        if editor is not None:
            if step is not None:
                editor.go_to_step(step)
            editor.raise_()
            editor.activateWindow()
            return editor
        try:
            editor = GuideEditor(
                self.db, guide_id, who=self.who, step=step or 1, parent=self.window()
            )
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the guide"), str(exc))
            self.reload()
            return None
        self.editors[guide_id] = editor
        editor.saved.connect(lambda gid: self.reload(select=gid))
        editor.finished.connect(lambda _r, gid=guide_id: self._editor_closed(gid))
        editor.show()
        return editor

    def _editor_closed(self, guide_id: int) -> None:
        editor = self.editors.pop(guide_id, None)
        if editor is not None:
            editor.deleteLater()

    def view_guide(self, guide_id: int | None = None, step: int = 1) -> GuideViewer | None:
        if guide_id is None:
            chosen = self.selected()
            if chosen is None:
                return None
            guide_id = chosen.id
        try:
            viewer = GuideViewer(self.db, guide_id, who=self.who, step=step, parent=self.window())
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the guide"), str(exc))
            self.reload()
            return None
        viewer.flagged.connect(lambda gid: self.reload(select=gid))
        viewer.finished.connect(lambda _r, v=viewer: self._viewer_closed(v))
        self.viewers.append(viewer)
        viewer.show()
        return viewer

    def _viewer_closed(self, viewer: GuideViewer) -> None:
        if viewer in self.viewers:
            self.viewers.remove(viewer)
            viewer.deleteLater()

    def unsaved(self) -> bool:
        """Whether an open editor holds changes not yet saved."""
        return any(not editor.undo_stack.isClean() for editor in self.editors.values())

    def close_all(self) -> bool:
        """Close the open editors and viewers (BranchDesk quits); False if the user stays."""
        for editor in list(self.editors.values()):
            if not editor.may_close():
                return False
            editor.discard()
        for viewer in list(self.viewers):
            viewer.reject()
        return True

    def delete_guide(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete guide"),
            self.tr(
                "Delete the guide “{title}” with its {steps} step(s) and its history? This "
                "cannot be undone; export a pack first to keep a copy."
            ).format(title=chosen.title, steps=chosen.steps),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        editor = self.editors.get(chosen.id)
        if editor is not None:
            editor.discard()
        gid = chosen.id
        if self.perform(lambda s: service.delete_guide(s, gid)):
            self.reload()
            self.status.emit(self.tr("Deleted the guide “{title}”.").format(title=chosen.title))

    def mark_reviewed(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        gid, who = chosen.id, self.who
        info = self.run(lambda s: service.mark_reviewed(s, gid, who))
        if info is not None:
            self.reload(select=gid)
            self.status.emit(
                self.tr("“{title}” reviewed; the next review is due by {day}.").format(
                    title=info.title, day=_day(info.review_by)
                )
            )

    def show_history(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = HistoryDialog(self.db, chosen.id, chosen.title, self.who, self)
        gid = chosen.id
        dialog.restored.connect(lambda _v: self.reload(select=gid))
        dialog.exec()

    def print_guide(self) -> None:
        from branchdesk.guides.documents.guide import render_guide
        from branchdesk.ui.kit.pdf_preview_dialog import PdfPreviewDialog

        chosen = self.selected()
        if chosen is None:  # Ctrl+P with no guide chosen: said, not silently ignored
            self.status.emit(self.tr("Choose a guide in the list to print it."))
            return
        db, gid = self.db, chosen.id
        branch = str(self.settings.get("branch_name") or "")

        def render(path: Path, progress: Any) -> int:
            with db.session() as session:
                doc = service.guide_doc(session, gid)
            return int(
                render_guide(doc, path, branch=branch, printed=date.today(), progress=progress)
            )

        from branchdesk.guides.packs import suggested_file_name

        dialog = PdfPreviewDialog(
            self.tr("Print “{title}”").format(title=chosen.title),
            suggested_file_name(chosen.title).removesuffix(".zip") + ".pdf",
            render,
            self,
        )
        self.preview = dialog
        dialog.exec()
        self.preview = None

    def export_pack(self) -> None:
        from branchdesk.guides.packs import export_pack, suggested_file_name

        chosen = self.selected()
        if chosen is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export a guide pack"),
            suggested_file_name(chosen.title),
            self.tr("Guide pack (*.zip)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".zip":
            target = target.with_suffix(".zip")
        gid = chosen.id
        try:
            with self.db.session() as session:
                images = export_pack(session, gid, target)
        except (BranchDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot export the guide"), failure_message(exc))
            return
        message = self.tr(
            "Wrote “{title}” ({steps} step(s), {images} picture(s)) to {path}. Another branch "
            "adds it with “Import pack…”."
        ).format(title=chosen.title, steps=chosen.steps, images=images, path=target)
        self.status.emit(message)
        QMessageBox.information(self, self.tr("Export finished"), message)

    def import_pack(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a guide pack"), "", self.tr("Guide pack (*.zip)")
        )
        if path:
            self.import_pack_file(Path(path))

    def import_pack_file(self, path: Path) -> int | None:
        from branchdesk.guides.packs import import_pack

        who = self.who
        try:
            with self.db.session() as session:
                guide_id = import_pack(session, path, who)
                info = service.search_guides(session)
        except (BranchDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot import the guide pack"), failure_message(exc))
            return None
        title = next((g.title for g in info if g.id == guide_id), "")
        self.search.clear()
        self.review_only.setChecked(False)
        self.category_list.setCurrentRow(0)
        self.reload(select=guide_id)
        self.status.emit(
            self.tr("Imported “{title}” from {file}.").format(title=title, file=path.name)
        )
        return int(guide_id)

    # --- notes on outdated steps --------------------------------------------------------
    def resolve_flag(self) -> None:
        flag = self.selected_flag()
        if flag is None:
            return
        fid, who = flag.id, self.who
        if self.perform(lambda s: service.resolve_flag(s, fid, who)):
            self.reload()
            self.status.emit(self.tr("Note on step {n} resolved.").format(n=flag.step_number))

    def fix_flagged_step(self) -> None:
        flag = self.selected_flag()
        if flag is not None:
            self.edit_guide(flag.guide_id, step=flag.step_number)
