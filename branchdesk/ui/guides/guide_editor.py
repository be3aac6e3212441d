"""The guide editor: numbered steps, each an instruction, a tip or warning and an annotated
screenshot (pasted, opened or captured), reordered by drag and drop, every change undoable.

The editor works on a copy of the guide and saves it whole (`save_guide`, Ctrl+S) with the
version it opened, so a save over someone else's newer save is refused, not lost. Images are
stored (compressed, de-duplicated) the moment they are added; the editor keeps their hashes.
Opening is quick however long the guide: only the current step's picture is decoded in full,
the thumbnails follow one by one, the visible ones first.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk import i18n
from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError, os_reason
from branchdesk.guides import service
from branchdesk.guides.annotations import check_image
from branchdesk.guides.entries import Annotation
from branchdesk.guides.service import GuideData, StepData
from branchdesk.ui.guides.annotation_canvas import SELECT, AnnotationCanvas
from branchdesk.ui.guides.editor_commands import (
    AddStep,
    EditStep,
    MoveStep,
    RemoveStep,
    SetAnnotations,
    SetField,
    SetImage,
)
from branchdesk.ui.guides.pictures import (
    PICTURE_FILTER,
    THUMB,
    clipboard_has_picture,
    clipboard_picture,
    decode_scaled,
    png_bytes,
    thumbnail,
)
from branchdesk.ui.guides.screen_capture import (
    Grab,
    PickRegion,
    RegionPicker,
    capture,
    grab_screen,
)
from branchdesk.ui.kit.screens import fit_to_screen

FULL_IMAGES_KEPT = 4  # decoded pictures kept for quick switching between nearby steps
HEADER_FIELDS = ("title", "category", "owner", "summary")


class KeyRouter(QObject):
    """One history for the whole guide: Ctrl+Z / Ctrl+Y in a text field undo the editor's
    stack, not just the field; Ctrl+V with a picture (and no text) on the clipboard pastes the
    picture.
    Focusing a field starts a new typing run (a run is undone as one step)."""

    def __init__(self, editor: GuideEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            key = cast(QKeyEvent, event)
            if (
                key.matches(QKeySequence.StandardKey.Undo)
                or key.matches(QKeySequence.StandardKey.Redo)
                or QKeySequence(key.keyCombination()) == QKeySequence("Ctrl+Y")
                or (
                    key.matches(QKeySequence.StandardKey.Paste)
                    and clipboard_has_picture(text_too=False)
                )
            ):
                event.ignore()  # not taken by the field: the editor's shortcut runs
                return True
        elif event.type() == QEvent.Type.FocusIn:
            self.editor.typing_run += 1
        return False


# --- the editor -------------------------------------------------------------------------


class GuideEditor(QDialog):
    """Edit one guide: its header and numbered steps, every change on one undo stack.

    Why one class of this size: the header, the step list, the current step's fields and the
    canvas are edited through one undo history and saved as one whole guide; the builders, the
    undo commands (editor_commands.py) and the picture helpers (pictures.py) live apart.
    """

    saved = Signal(int)  # the guide's id, after a save

    def __init__(
        self,
        db: Database,
        guide_id: int,
        *,
        who: str = "",
        step: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setObjectName("guideEditor")
        self.db, self.guide_id, self.who = db, guide_id, who
        fit_to_screen(self, 1180, 780)
        self.undo_stack = QUndoStack(self)
        self.steps: list[EditStep] = []
        self.typing_run = 0
        self._next_uid = 1
        self._syncing = False  # the list is being changed by the editor itself
        self._images: OrderedDict[str, QImage | None] = OrderedDict()
        self._thumbs: dict[str, QIcon] = {}
        # How a capture grabs the screen and lets the user pick a region (tests replace them).
        self.grab_screen: Grab = grab_screen
        self.pick_region: PickRegion = RegionPicker.pick
        self._router = KeyRouter(self)

        with db.session() as session:
            data = service.get_guide(session, guide_id)
            categories = [c.name for c in service.list_categories(session)]
        self.version = data.version
        self.loaded = data
        self._build(categories)
        self._load(data)
        self.step_list.setCurrentRow(min(max(step, 1), len(self.steps)) - 1 if self.steps else -1)
        self._show_current()
        self.undo_stack.cleanChanged.connect(self._refresh_title)
        self._refresh_title()
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._next_thumbnail)
        self.step_list.verticalScrollBar().valueChanged.connect(
            lambda _v: self._thumb_timer.start()
        )
        self._thumb_timer.start()

    # --- building -----------------------------------------------------------------------
    def _build(self, categories: list[str]) -> None:
        head = self._build_header(categories)
        splitter = QSplitter()
        splitter.addWidget(self._build_step_list())
        splitter.addWidget(self._build_step_panel())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 850])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_bottom())
        self._install_shortcuts()
        self._connect_fields()

    def _build_header(self, categories: list[str]) -> QFormLayout:
        """Title, category, owner and summary of the guide."""
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("guideTitle")
        self.title_edit.setMaxLength(service.MAX_TITLE)
        self.category = QComboBox()
        self.category.addItems(categories)
        self.owner = QLineEdit()
        self.owner.setMaxLength(40)
        self.owner.setPlaceholderText(self.tr("Who keeps this guide up to date"))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("What the guide is for, in one or two lines"))
        self.summary.setFixedHeight(52)
        head = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.title_edit, 3)
        row.addWidget(QLabel(self.tr("Category")))
        row.addWidget(self.category, 1)
        row.addWidget(QLabel(self.tr("Owner")))
        row.addWidget(self.owner, 1)
        head.addRow(self.tr("Title"), row)
        head.addRow(self.tr("Summary"), self.summary)
        return head

    def _build_step_list(self) -> QWidget:
        """The steps on the left, reordered by drag and drop, with their buttons."""
        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setIconSize(THUMB)
        self.step_list.setUniformItemSizes(True)
        self.step_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.step_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.step_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.step_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.step_list.setSpacing(2)
        self.step_list.currentRowChanged.connect(self._current_changed)
        self.step_list.model().rowsMoved.connect(self._rows_moved)
        self.add_button = QPushButton(self.tr("Add step"))
        self.add_button.setToolTip("Ctrl+N")
        self.add_button.clicked.connect(self.add_step)
        self.delete_button = QPushButton(self.tr("Delete step"))
        self.delete_button.clicked.connect(self.delete_step)
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip(self.tr("Move the step up (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip(self.tr("Move the step down (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for b in (self.up_button, self.down_button):
            b.setFixedWidth(36)
        step_buttons = QHBoxLayout()
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            step_buttons.addWidget(b)
        step_buttons.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Steps (drag to reorder)")))
        ll.addWidget(self.step_list, 1)
        ll.addLayout(step_buttons)
        return left

    def _build_step_panel(self) -> QWidget:
        """The current step on the right: instruction, tip, picture buttons, canvas."""
        self.step_heading = QLabel()
        font = self.step_heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.step_heading.setFont(font)
        self.instruction = QPlainTextEdit()
        self.instruction.setObjectName("stepInstruction")
        self.instruction.setPlaceholderText(
            self.tr("One action, e.g. “Click 导入 at the top right and choose today's file.”")
        )
        self.instruction.setFixedHeight(70)
        self.tip_kind = QComboBox()
        self.tip_kind.addItem(self.tr("Tip"), "tip")
        self.tip_kind.addItem(self.tr("Warning"), "warning")
        self.tip = QLineEdit()
        self.tip.setObjectName("stepTip")
        self.tip.setPlaceholderText(self.tr("Optional: a tip, or a warning about a common mistake"))
        tip_row = QHBoxLayout()
        tip_row.addWidget(self.tip_kind)
        tip_row.addWidget(self.tip, 1)

        self.paste_button = QPushButton(self.tr("Paste picture"))
        self.paste_button.setToolTip("Ctrl+V")
        self.paste_button.clicked.connect(self.paste)
        self.open_button = QPushButton(self.tr("Open picture…"))
        self.open_button.clicked.connect(self.open_picture)
        self.capture_button = QToolButton()
        self.capture_button.setText(self.tr("Capture screen"))
        self.capture_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        capture_menu = QMenu(self.capture_button)
        capture_menu.addAction(self.tr("Whole screen"), lambda: self.capture(region=False))
        capture_menu.addAction(self.tr("Drag a region…"), lambda: self.capture(region=True))
        self.capture_button.setMenu(capture_menu)
        self.delay = QComboBox()
        self.delay.setToolTip(self.tr("Time to open a menu before the screen is captured"))
        for seconds in (0, 3, 5):
            self.delay.addItem(
                self.tr("No delay") if not seconds else self.tr("After {s} s").format(s=seconds),
                seconds,
            )
        self.remove_image_button = QPushButton(self.tr("Remove picture"))
        self.remove_image_button.clicked.connect(self.remove_picture)
        image_row = QHBoxLayout()
        for w in (self.paste_button, self.open_button, self.capture_button, self.delay):
            image_row.addWidget(w)
        image_row.addStretch(1)
        image_row.addWidget(self.remove_image_button)

        tools = self._build_canvas()

        self.step_panel = QWidget()
        sl = QVBoxLayout(self.step_panel)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.step_heading)
        sl.addWidget(self.instruction)
        sl.addLayout(tip_row)
        sl.addLayout(image_row)
        sl.addWidget(tools)
        sl.addWidget(self.canvas, 1)
        sl.addWidget(self.canvas_hint)
        return self.step_panel

    def _build_canvas(self) -> QToolBar:
        """The annotation canvas and its tool bar (returned to be laid out above it)."""
        self.canvas = AnnotationCanvas()
        self.canvas.placeholder = self.tr(
            "No picture yet. Paste a screenshot (Ctrl+V), open a picture file or capture "
            "the screen."
        )
        self.canvas.edited.connect(self._canvas_edited)
        self.tools = QToolBar()
        self.tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for tool, label, key in (
            (SELECT, self.tr("Select / move"), "V"),
            ("rect", self.tr("Highlight"), "R"),
            ("arrow", self.tr("Arrow"), "A"),
            ("number", self.tr("Number"), "N"),
            ("text", self.tr("Text"), "T"),
            ("blur", self.tr("Blur (customer data)"), "B"),
        ):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{label} ({key})")
            action.triggered.connect(lambda _c=False, t=tool: self.canvas.set_tool(t))
            group.addAction(action)
            self.tools.addAction(action)
            self.canvas.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[SELECT].setChecked(True)
        self.canvas.tool_changed.connect(lambda t: self.tool_actions[t].setChecked(True))
        self.tools.addSeparator()
        delete_mark = QAction(self.tr("Delete mark"), self)
        delete_mark.setToolTip(self.tr("Delete the selected mark (Del)"))
        delete_mark.triggered.connect(self.canvas.delete_selected)
        self.tools.addAction(delete_mark)
        self.canvas_hint = hint = QLabel(
            self.tr(
                "Marks are drawn over the picture and stay editable; blur boxes hide customer "
                "data when printed and shown."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        return self.tools

    def _build_bottom(self) -> QHBoxLayout:
        """Status line, Undo, Redo, Save and Close."""
        self.status = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip("Ctrl+Z")
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setToolTip("Ctrl+Y")
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for b in (self.undo_button, self.redo_button, self.save_button, close):
            bottom.addWidget(b)
        return bottom

    def _install_shortcuts(self) -> None:
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        redo = QShortcut(self)
        redo.setKeys(
            list(
                dict.fromkeys(
                    [
                        *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                        QKeySequence("Ctrl+Y"),
                    ]
                )
            )
        )
        redo.activated.connect(self.undo_stack.redo)
        QShortcut(QKeySequence.StandardKey.Paste, self, self.paste)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_step)
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.move_current(-1))
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.move_current(1))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.step_list, self.delete_step)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _connect_fields(self) -> None:
        # Enter in the title or tip field must not press a button (Delete step…).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        for field in (self.title_edit, self.owner, self.summary, self.instruction, self.tip):
            field.installEventFilter(self._router)
        self.title_edit.textChanged.connect(lambda t: self._edited_header("title", t))
        self.owner.textChanged.connect(lambda t: self._edited_header("owner", t))
        self.summary.textChanged.connect(
            lambda: self._edited_header("summary", self.summary.toPlainText())
        )
        self.category.currentTextChanged.connect(lambda t: self._edited_header("category", t))
        self.instruction.textChanged.connect(
            lambda: self._edited_step("instruction", self.instruction.toPlainText())
        )
        self.tip.textChanged.connect(lambda t: self._edited_step("tip", t))
        self.tip_kind.currentIndexChanged.connect(
            lambda _i: self._edited_step("tip_kind", self.tip_kind.currentData())
        )

    def _load(self, data: GuideData) -> None:
        self._header = {
            "title": data.title,
            "category": data.category,
            "owner": data.owner,
            "summary": data.summary,
        }
        for field in HEADER_FIELDS:
            self._show_header(field)
        self._syncing = True
        try:
            for step in data.steps:
                edit = EditStep(self._new_uid(), replace(step))
                self.steps.append(edit)
                self.step_list.addItem(self._make_item(edit))
            self._renumber()
        finally:
            self._syncing = False

    def _new_uid(self) -> int:
        self._next_uid += 1
        return self._next_uid

    def _make_item(self, step: EditStep) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, step.uid)
        item.setSizeHint(QSize(THUMB.width() + 200, THUMB.height() + 8))
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        self._set_item_icon(item, step)
        return item

    def _set_item_icon(self, item: QListWidgetItem, step: EditStep) -> None:
        sha = step.data.image
        if sha is None:
            item.setIcon(self._empty_icon())
        else:
            item.setIcon(self._thumbs.get(sha) or self._loading_icon())

    def _empty_icon(self) -> QIcon:
        if not hasattr(self, "_empty"):
            self._empty = thumbnail(None, self.tr("no picture"))
        return self._empty

    def _loading_icon(self) -> QIcon:
        if not hasattr(self, "_loading"):
            self._loading = thumbnail(None, "…")
        return self._loading

    def _renumber(self) -> None:
        for row, step in enumerate(self.steps):
            item = self.step_list.item(row)
            if item is None:
                continue
            first = (
                step.data.instruction.strip().splitlines()[0]
                if step.data.instruction.strip()
                else ""
            )
            text = first if first else self.tr("(write what to do)")
            item.setText(f"{row + 1}. {text}")
            item.setToolTip(step.data.instruction)

    # --- current step ---------------------------------------------------------------------
    def current_row(self) -> int:
        return self.step_list.currentRow()

    def current_step(self) -> EditStep | None:
        row = self.current_row()
        return self.steps[row] if 0 <= row < len(self.steps) else None

    def _row_of(self, uid: int) -> int:
        return next(i for i, s in enumerate(self.steps) if s.uid == uid)

    def go_to_step(self, number: int) -> None:
        if self.steps:
            self._select(min(max(number, 1), len(self.steps)) - 1)

    def _current_changed(self, _row: int) -> None:
        if not self._syncing:
            self._show_current()

    def _select(self, row: int) -> None:
        if self.step_list.currentRow() != row:
            self._syncing = True
            try:
                self.step_list.setCurrentRow(row)
            finally:
                self._syncing = False
        self._show_current()

    def _show_current(self) -> None:
        step = self.current_step()
        self.step_panel.setEnabled(step is not None)
        for b in (self.delete_button, self.up_button, self.down_button):
            b.setEnabled(step is not None)
        self.typing_run += 1
        widgets = (self.instruction, self.tip, self.tip_kind)
        for w in widgets:
            w.blockSignals(True)
        try:
            if step is None:
                self.step_heading.setText(
                    self.tr("No steps yet: press “Add step” (Ctrl+N) or paste a screenshot.")
                )
                self.instruction.setPlainText("")
                self.tip.setText("")
                self.tip_kind.setCurrentIndex(0)
                self.canvas.set_image(None)
                self.remove_image_button.setEnabled(False)
                return
            row = self.current_row()
            self.step_heading.setText(
                self.tr("Step {n} of {total}").format(n=row + 1, total=len(self.steps))
            )
            self.instruction.setPlainText(step.data.instruction)
            self.tip.setText(step.data.tip)
            self.tip_kind.setCurrentIndex(1 if step.data.tip_kind == "warning" else 0)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._show_picture(step)

    def _show_picture(self, step: EditStep) -> None:
        image = self.full_image(step.data.image) if step.data.image else None
        if step.data.image and image is None:
            self.canvas.placeholder = self.tr(
                "This step's picture cannot be shown (missing or damaged). Add it again."
            )
        self.canvas.set_image(image)
        self.canvas.set_annotations(step.data.annotations)
        self.remove_image_button.setEnabled(step.data.image is not None)

    # --- images ---------------------------------------------------------------------------
    def _picture_bytes(self, sha: str) -> bytes | None:
        try:
            with self.db.session() as session:
                return service.image_bytes(session, sha)
        except BranchDeskError:
            return None

    def full_image(self, sha: str) -> QImage | None:
        if sha in self._images:
            self._images.move_to_end(sha)
            return self._images[sha]
        data = self._picture_bytes(sha)
        image = QImage.fromData(data) if data else None
        if image is not None and image.isNull():
            image = None
        self._images[sha] = image
        while len(self._images) > FULL_IMAGES_KEPT:
            self._images.popitem(last=False)
        return image

    def _next_thumbnail(self) -> None:
        """Decode one missing thumbnail, a visible one first; stop when all are there."""
        count = self.step_list.count()
        viewport = self.step_list.viewport().rect()
        top = self.step_list.indexAt(viewport.topLeft()).row()
        bottom = self.step_list.indexAt(viewport.bottomLeft()).row()
        top = max(top, 0)
        bottom = count - 1 if bottom < 0 else bottom
        order = [*range(top, bottom + 1), *range(0, top), *range(bottom + 1, count)]
        for row in order:
            if row >= len(self.steps):
                continue
            step = self.steps[row]
            sha = step.data.image
            if sha is None or sha in self._thumbs:
                continue
            image = self._images.get(sha)
            if image is None:
                data = self._picture_bytes(sha)
                image = decode_scaled(data, THUMB * 2) if data else None
            self._thumbs[sha] = thumbnail(image, self.tr("damaged"))
            self._refresh_icons(sha)
            return
        self._thumb_timer.stop()

    def _refresh_icons(self, sha: str) -> None:
        for row, step in enumerate(self.steps):
            if step.data.image == sha:
                item = self.step_list.item(row)
                if item is not None:
                    self._set_item_icon(item, step)

    def thumbnails_done(self) -> bool:
        return all(s.data.image is None or s.data.image in self._thumbs for s in self.steps)

    def add_picture(self, data: bytes, source: str = "") -> bool:
        """Store the picture and put it on the current step (a new step when there is none).
        A damaged or unsupported picture is refused with a message; nothing changes."""
        try:
            check_image(data)
            with self.db.session() as session:
                ref = service.store_image(session, data)
        except (ValueError, BranchDeskError) as exc:
            problem = str(exc)
            QMessageBox.warning(
                self,
                self.tr("Cannot use this picture"),
                self.tr("{source}: {problem}").format(source=source, problem=problem)
                if source
                else problem,
            )
            return False
        step = self.current_step()
        if step is None:
            self.undo_stack.beginMacro(self.tr("Add a step with a picture"))
            new = EditStep(self._new_uid(), StepData(""))
            self.undo_stack.push(AddStep(self, len(self.steps), new, self.tr("Add step")))
            self.undo_stack.push(SetImage(self, new.uid, None, ref.sha256))
            self.undo_stack.endMacro()
        else:
            self.undo_stack.push(SetImage(self, step.uid, step.data.image, ref.sha256))
        self.status.setText(self.tr("Picture added ({w}×{h}).").format(w=ref.width, h=ref.height))
        return True

    def paste(self) -> None:
        data = clipboard_picture()
        if data is None:
            QMessageBox.information(
                self,
                self.tr("Paste picture"),
                self.tr(
                    "The clipboard holds no picture. Take a screenshot (PrtSc, or Win+Shift+S "
                    "for a part of the screen), or copy a picture file, then press Ctrl+V here."
                ),
            )
            return
        self.add_picture(data)

    def open_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a picture"),
            "",
            self.tr("Pictures ({patterns})").format(patterns=PICTURE_FILTER),
        )
        if path:
            self.add_picture_file(Path(path))

    def add_picture_file(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Cannot use this picture"),
                self.tr("{file} cannot be read: {error}").format(
                    file=path.name, error=os_reason(exc)
                ),
            )
            return False
        return self.add_picture(data, path.name)

    def capture(self, *, region: bool) -> bool:
        image = capture(
            region=region,
            delay_s=int(self.delay.currentData() or 0),
            grab=self.grab_screen,
            pick=self.pick_region,
            parent=self,
        )
        if image is None:
            self.status.setText(self.tr("Nothing was captured."))
            return False
        return self.add_picture(png_bytes(image), self.tr("Screen capture"))

    def remove_picture(self) -> None:
        step = self.current_step()
        if step is not None and step.data.image is not None:
            self.undo_stack.push(SetImage(self, step.uid, step.data.image, None))

    # --- changes, called by the undo commands ---------------------------------------------
    def insert_step(self, row: int, step: EditStep) -> None:
        self.steps.insert(row, step)
        self._syncing = True
        try:
            self.step_list.insertItem(row, self._make_item(step))
        finally:
            self._syncing = False
        self._renumber()
        self._select(row)
        self._thumb_timer.start()

    def remove_step(self, row: int) -> None:
        self.steps.pop(row)
        self._syncing = True
        try:
            self.step_list.takeItem(row)
        finally:
            self._syncing = False
        self._renumber()
        self._select(min(row, len(self.steps) - 1))

    def move_data(self, src: int, dst: int) -> None:
        """The list shows the step at `dst` already (a drop): follow it in the data."""
        self.steps.insert(dst, self.steps.pop(src))
        self._renumber()
        self._select(dst)

    def move_step(self, src: int, dst: int) -> None:
        self.steps.insert(dst, self.steps.pop(src))
        self._syncing = True
        try:
            item = self.step_list.takeItem(src)
            self.step_list.insertItem(dst, item)
        finally:
            self._syncing = False
        self._renumber()
        self._select(dst)

    def set_field(self, uid: int | None, field: str, value: Any, *, show: bool) -> None:
        if uid is None:
            self._header[field] = value
            if show:
                self._show_header(field)
            return
        row = self._row_of(uid)
        setattr(self.steps[row].data, field, value)
        if field == "instruction":
            self._renumber()
        if show:
            self._select(row)

    def set_image(self, uid: int, sha: str | None) -> None:
        row = self._row_of(uid)
        step = self.steps[row]
        step.data.image = sha
        item = self.step_list.item(row)
        if item is not None:
            self._set_item_icon(item, step)
        self._select(row)
        self._thumb_timer.start()

    def set_annotations(self, uid: int, annotations: tuple[Annotation, ...], *, show: bool) -> None:
        row = self._row_of(uid)
        self.steps[row].data.annotations = annotations
        if show:
            self._select(row)

    def _show_header(self, field: str) -> None:
        value = self._header[field]
        widget = {
            "title": self.title_edit,
            "category": self.category,
            "owner": self.owner,
            "summary": self.summary,
        }[field]
        widget.blockSignals(True)
        try:
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif isinstance(widget, QComboBox):
                if widget.findText(value) < 0:
                    widget.addItem(value)
                widget.setCurrentText(value)
        finally:
            widget.blockSignals(False)

    # --- user edits, turned into commands -------------------------------------------------
    def _edited_header(self, field: str, value: str) -> None:
        old = self._header[field]
        if value == old:
            return
        label = {
            "title": self.tr("Edit the title"),
            "category": self.tr("Change the category"),
            "owner": self.tr("Change the owner"),
            "summary": self.tr("Edit the summary"),
        }[field]
        self.undo_stack.push(SetField(self, None, field, old, value, label))

    def _edited_step(self, field: str, value: Any) -> None:
        step = self.current_step()
        if step is None:
            return
        old = getattr(step.data, field)
        if value == old:
            return
        row = self.current_row() + 1
        label = {
            "instruction": self.tr("Edit step {n}"),
            "tip": self.tr("Edit the tip of step {n}"),
            "tip_kind": self.tr("Change the tip of step {n}"),
        }[field].format(n=row)
        self.undo_stack.push(SetField(self, step.uid, field, old, value, label))

    def _canvas_edited(
        self, before: tuple[Annotation, ...], after: tuple[Annotation, ...], what: str
    ) -> None:
        step = self.current_step()
        if step is not None:
            self.undo_stack.push(SetAnnotations(self, step.uid, before, after, what))

    def _rows_moved(
        self,
        _parent: QModelIndex | QPersistentModelIndex,
        start: int,
        _end: int,
        _dest: QModelIndex | QPersistentModelIndex,
        dest_row: int,
    ) -> None:
        """A step was dropped elsewhere in the list (InternalMove): record it for undo."""
        if self._syncing:
            return
        final = dest_row if dest_row < start else dest_row - 1
        if final != start:
            self.undo_stack.push(MoveStep(self, start, final, done=True))

    def add_step(self) -> None:
        row = self.current_row() + 1 if self.steps else 0
        step = EditStep(self._new_uid(), StepData(""))
        self.undo_stack.push(AddStep(self, row, step, self.tr("Add step {n}").format(n=row + 1)))
        self.instruction.setFocus()

    def delete_step(self) -> None:
        row = self.current_row()
        if 0 <= row < len(self.steps):
            self.undo_stack.push(RemoveStep(self, row))

    def move_current(self, offset: int) -> None:
        row = self.current_row()
        target = row + offset
        if 0 <= row < len(self.steps) and 0 <= target < len(self.steps):
            self.undo_stack.push(MoveStep(self, row, target))

    # --- saving and closing ---------------------------------------------------------------
    def guide_data(self) -> GuideData:
        return GuideData(
            title=self._header["title"],
            category=self._header["category"],
            owner=self._header["owner"],
            summary=self._header["summary"],
            steps=[replace(s.data) for s in self.steps],
            version=self.version,
        )

    def _change_summary(self) -> str:
        stack = self.undo_stack
        start, end = stack.cleanIndex(), stack.index()
        if 0 <= start <= end:
            texts = [stack.command(i).text() for i in range(start, end)]
            summary = i18n.joined(dict.fromkeys(t for t in texts if t))
            if summary:
                return summary[:200]
        return self.tr("edited")

    def save(self) -> bool:
        data = self.guide_data()
        try:
            with self.db.session() as session:
                current = service.get_guide(session, self.guide_id).version
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the guide"), str(exc))
            return False
        force = False
        if data.version and current != data.version:
            # Someone saved (or restored) meanwhile. Their version stays in the history, so
            # saving this one over it loses nothing; refusing would lose this editor's work.
            answer = QMessageBox.question(
                self,
                self.tr("Guide changed elsewhere"),
                self.tr(
                    "This guide was saved elsewhere (version {now}) since you opened it. Save "
                    "your version over it? The other version stays in the history."
                ).format(now=current),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            force = True
        try:
            with self.db.session() as session:
                self.version = service.save_guide(
                    session,
                    self.guide_id,
                    data,
                    who=self.who,
                    summary=self._change_summary(),
                    force=force,
                )
        except BranchDeskError as exc:
            empty = next(
                (i for i, s in enumerate(self.steps) if not s.data.instruction.strip()), None
            )
            if empty is not None:
                self._select(empty)
                self.instruction.setFocus()
            QMessageBox.warning(self, self.tr("Cannot save the guide"), str(exc))
            return False
        self.undo_stack.setClean()
        self.status.setText(self.tr("Saved as version {v}.").format(v=self.version))
        self.saved.emit(self.guide_id)
        return True

    def _refresh_title(self, clean: bool | None = None) -> None:
        if clean is None:
            clean = self.undo_stack.isClean()
        mark = "" if clean else " *"
        title = self.tr("Edit guide — {title}").format(title=self._header.get("title", ""))
        self.setWindowTitle(title + mark)

    def may_close(self) -> bool:
        """True when nothing is unsaved, or the user saved or chose to discard it."""
        if self.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to “{title}” before closing?").format(
                title=self._header["title"]
            ),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.No:
            return True
        return answer == QMessageBox.StandardButton.Yes and self.save()

    def reject(self) -> None:
        # Esc, Close and the window's close box all come here (QDialog.closeEvent rejects).
        if self.may_close():
            self.discard()

    def discard(self) -> None:
        """Close without asking (after may_close, or when BranchDesk quits)."""
        self._thumb_timer.stop()
        super().reject()

    def done(self, result: int) -> None:
        self._thumb_timer.stop()
        super().done(result)
