"""The guide viewer: one step at a time, large, for a new agent to follow beside the HQ system.

The picture is shown with its marks burnt in exactly as printed (blur boxes really blurred),
decoded only for the step on screen (and the next one, ahead of time). The checklist ("I did
this") lives in memory for the session; "Report outdated step…" leaves a note for the owner.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from branchdesk.db.engine import Database
from branchdesk.errors import BranchDeskError
from branchdesk.guides import service
from branchdesk.guides.annotations import burn_in
from branchdesk.guides.service import GuideData, StepData
from branchdesk.ui.kit.screens import fit_to_screen

MAX_SHOWN_WIDTH = 1920  # larger screenshots are scaled down before the marks are burnt in
IMAGES_KEPT = 3


def burnt_image(data: bytes, step: StepData) -> QImage:
    """The step's picture with its marks, as the print shows it; null when unreadable."""
    try:
        if not step.annotations:
            image = QImage.fromData(data)
            if image.width() > MAX_SHOWN_WIDTH:
                image = image.scaledToWidth(
                    MAX_SHOWN_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            return image
        picture = burn_in(data, step.annotations, max_width=MAX_SHOWN_WIDTH).convert("RGB")
    except ValueError:
        return QImage()
    raw = picture.tobytes("raw", "RGB")
    width, height = picture.size
    return QImage(raw, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class PictureView(QWidget):
    """A picture scaled to fit (never above its own size), centred."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.placeholder = ""
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage | None, placeholder: str = "") -> None:
        self.image = image if image is not None else QImage()
        self.placeholder = placeholder
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, 520)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#f4f4f4"))
        if self.image.isNull():
            painter.setPen(QColor("#777777"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
            return
        size = self.image.size()
        if size.width() > self.width() or size.height() > self.height():
            size = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(
            (self.width() - size.width()) // 2,
            (self.height() - size.height()) // 2,
            size.width(),
            size.height(),
        )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)


class GuideViewer(QDialog):
    flagged = Signal(int)  # guide id: a reader reported a step as outdated

    def __init__(
        self,
        db: Database | None,
        guide_id: int,
        *,
        who: str = "",
        step: int = 1,
        parent: QWidget | None = None,
        guide: GuideData | None = None,
        image_bytes: Callable[[str], bytes] | None = None,
    ) -> None:
        """A guide of the branch (`db`, `guide_id`), or a read-only `guide` whose pictures
        come from `image_bytes` (BranchDesk's own user guides: nothing to report)."""
        super().__init__(parent)
        self.setObjectName("guideViewer")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        fit_to_screen(self, 1100, 760)
        self.db, self.guide_id, self.who = db, guide_id, who
        self._image_bytes = image_bytes
        if guide is None:
            assert db is not None, "a guide of the branch needs its database"
            with db.session() as session:
                guide = service.get_guide(session, guide_id)
        self.guide: GuideData = guide
        self.steps = self.guide.steps
        self.done_rows: set[int] = set()  # 0-based rows the trainee has done
        self.recorded = False  # every step ticked and the reading recorded for `who`
        self.row = 0
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self.setWindowTitle(self.guide.title)

        title = QLabel(self.guide.title)
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        self.summary = QLabel(self.guide.summary)
        self.summary.setWordWrap(True)
        self.summary.setVisible(bool(self.guide.summary))
        self.step_label = QLabel()
        self.step_label.setObjectName("stepNumber")
        font = self.step_label.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.step_label.setFont(font)
        self.step_label.setStyleSheet("color: #1565c0;")
        self.instruction = QLabel()
        self.instruction.setObjectName("stepText")
        self.instruction.setWordWrap(True)
        self.instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.instruction.font()
        font.setPointSize(font.pointSize() + 7)
        self.instruction.setFont(font)
        self.tip = QLabel()
        self.tip.setObjectName("stepTip")
        self.tip.setWordWrap(True)
        font = self.tip.font()
        font.setPointSize(font.pointSize() + 2)
        self.tip.setFont(font)
        self.picture = PictureView()

        self.previous_button = QPushButton(self.tr("← Previous"))
        self.previous_button.setToolTip(self.tr("Left arrow or Page Up"))
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QPushButton(self.tr("Next →"))
        self.next_button.setToolTip(self.tr("Right arrow, Page Down or Space"))
        self.next_button.clicked.connect(self.next)
        self.did_it = QCheckBox(self.tr("I did this"))
        self.did_it.setObjectName("didIt")
        self.did_it.setToolTip(self.tr("Tick the step when you have done it (Enter)"))
        self.did_it.toggled.connect(self._did_it_toggled)
        font = self.did_it.font()
        font.setPointSize(font.pointSize() + 2)
        self.did_it.setFont(font)
        self.report_button = QPushButton(self.tr("Report outdated step…"))
        self.report_button.setToolTip(
            self.tr("The HQ system looks different? Tell the guide's owner.") + "  (Ctrl+R)"
        )
        self.report_button.clicked.connect(self.report_outdated)
        self.report_button.setVisible(db is not None and image_bytes is None)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for w in (self.previous_button, self.next_button, self.did_it, self.report_button, close):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if isinstance(w, QPushButton):
                w.setAutoDefault(False)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.did_it)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.report_button)
        nav.addWidget(close)

        main = QWidget()
        ml = QVBoxLayout(main)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.step_label)
        ml.addWidget(self.instruction)
        ml.addWidget(self.tip)
        ml.addWidget(self.picture, 1)
        ml.addLayout(nav)

        # The trainee's checklist on the side.
        self.checklist = QListWidget()
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for n, one in enumerate(self.steps, start=1):
            first = one.instruction.strip().splitlines()[0] if one.instruction.strip() else ""
            item = QListWidgetItem(f"{n}. {first}")
            item.setToolTip(one.instruction)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            self.checklist.addItem(item)
        self.checklist.currentRowChanged.connect(self.go_to)
        self.checklist.itemChanged.connect(self._item_changed)
        self.progress = QProgressBar()
        self.progress.setObjectName("checklistProgress")
        self.progress.setRange(0, max(1, len(self.steps)))
        self.progress.setFormat(self.tr("%v of %m done"))
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(QLabel(self.tr("Checklist")))
        sl.addWidget(self.checklist, 1)
        sl.addWidget(self.progress)

        splitter = QSplitter()
        splitter.addWidget(main)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([850, 250])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        for keys, slot in (
            (("Right", "PgDown", "Space"), self.next),
            (("Left", "PgUp", "Shift+Space"), self.previous),
            (("Home",), lambda: self.go_to(0)),
            (("End",), lambda: self.go_to(len(self.steps) - 1)),
            (("Return", "Enter"), self.did_it.toggle),
            # The buttons take no focus (the arrows and Space page through the steps): the
            # report has its own key.
            (("Ctrl+R",), self._report_key),
        ):
            shortcut = QShortcut(self)
            shortcut.setKeys([QKeySequence(k) for k in keys])
            shortcut.activated.connect(slot)

        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(120)
        self._prefetch.timeout.connect(self._load_ahead)
        self._update_progress()
        self.go_to(min(max(step, 1), max(1, len(self.steps))) - 1)

    def _report_key(self) -> None:
        if self.report_button.isVisible():
            self.report_outdated()

    # --- moving -------------------------------------------------------------------------
    def next(self) -> None:
        self.go_to(self.row + 1)

    def previous(self) -> None:
        self.go_to(self.row - 1)

    def go_to(self, row: int) -> None:
        if not self.steps:
            self._show_empty()
            return
        if not 0 <= row < len(self.steps):
            return
        self.row = row
        step = self.steps[row]
        self.step_label.setText(
            self.tr("Step {n} of {total}").format(n=row + 1, total=len(self.steps))
        )
        self.instruction.setText(step.instruction)
        if step.tip.strip():
            warning = step.tip_kind == "warning"
            self.tip.setText(
                (self.tr("Warning: {text}") if warning else self.tr("Tip: {text}")).format(
                    text=step.tip.strip()
                )
            )
            self.tip.setStyleSheet(
                "QLabel#stepTip { background: #fde0e0; color: #8a1010; border-left: 5px solid "
                "#d32f2f; padding: 8px; }"
                if warning
                else "QLabel#stepTip { background: #e3f0fd; color: #0d3c6e; border-left: 5px "
                "solid #1e88e5; padding: 8px; }"
            )
        self.tip.setVisible(bool(step.tip.strip()))
        if step.image:
            image = self._image(row)
            self.picture.set_image(
                image,
                self.tr("This step's picture cannot be shown (missing or damaged)."),
            )
        else:
            self.picture.set_image(None, self.tr("This step has no picture."))
        # A user guide's step in words only shows no empty picture box.
        self.picture.setVisible(bool(step.image) or self._image_bytes is None)
        self.did_it.blockSignals(True)
        self.did_it.setChecked(row in self.done_rows)
        self.did_it.blockSignals(False)
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self.steps) - 1)
        self.checklist.blockSignals(True)
        self.checklist.setCurrentRow(row)
        self.checklist.blockSignals(False)
        self._prefetch.start()

    def _show_empty(self) -> None:
        self.step_label.setText(self.tr("This guide has no steps yet."))
        self.instruction.setText("")
        self.tip.setVisible(False)
        self.picture.set_image(None, "")
        for w in (self.previous_button, self.next_button, self.did_it, self.report_button):
            w.setEnabled(False)

    # --- pictures -----------------------------------------------------------------------
    def _image(self, row: int) -> QImage:
        if row in self._images:
            self._images.move_to_end(row)
            return self._images[row]
        step = self.steps[row]
        image = QImage()
        if step.image:
            try:
                if self._image_bytes is not None:
                    data = self._image_bytes(step.image)
                else:
                    assert self.db is not None
                    with self.db.session() as session:
                        data = service.image_bytes(session, step.image)
                image = burnt_image(data, step)
            except (BranchDeskError, OSError):
                image = QImage()
        self._images[row] = image
        while len(self._images) > IMAGES_KEPT:
            self._images.popitem(last=False)
        return image

    def _load_ahead(self) -> None:
        ahead = self.row + 1
        if ahead < len(self.steps) and self.steps[ahead].image and ahead not in self._images:
            self._image(ahead)
            self._images.move_to_end(self.row)  # the step on screen stays cached

    # --- checklist ----------------------------------------------------------------------
    def _did_it_toggled(self, checked: bool) -> None:
        item = self.checklist.item(self.row)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _item_changed(self, item: QListWidgetItem) -> None:
        row = self.checklist.row(item)
        if item.checkState() == Qt.CheckState.Checked:
            self.done_rows.add(row)
        else:
            self.done_rows.discard(row)
        if row == self.row:
            self.did_it.blockSignals(True)
            self.did_it.setChecked(row in self.done_rows)
            self.did_it.blockSignals(False)
        self._update_progress()

    def _update_progress(self) -> None:
        self.progress.setValue(len(self.done_rows))
        if self.steps and len(self.done_rows) == len(self.steps):
            self._record_reading()

    def _record_reading(self) -> None:
        """Every step ticked: the guide counts as read by whoever works at the PC (a new
        hire's plan step asks for it), at this version of the guide."""
        if self.db is None or self.recorded:
            return
        if not self.who:
            self.progress.setToolTip(
                self.tr("Pick your name (团队 › 换人) so that reading the guide counts for you.")
            )
            return
        with self.db.session() as session:
            self.recorded = service.record_reading(session, self.guide_id, self.who)
        if self.recorded:
            self.progress.setFormat(
                self.tr("All %m done: recorded for {name}").format(name=self.who)
            )

    # --- notes for the owner ------------------------------------------------------------
    def report_outdated(self) -> None:
        if not self.steps or self.db is None:
            return
        number = self.row + 1
        comment, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Report outdated step"),
            self.tr(
                "What is different now in step {n}? (e.g. the button moved, the menu is "
                "called something else)"
            ).format(n=number),
        )
        if not ok or not comment.strip():
            return
        try:
            with self.db.session() as session:
                service.flag_step(session, self.guide_id, number, comment, who=self.who)
        except BranchDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot send the note"), str(exc))
            return
        self.flagged.emit(self.guide_id)
        QMessageBox.information(
            self,
            self.tr("Report outdated step"),
            self.tr(
                "Thank you. The guide's owner sees your note under “Outdated notes” and will "
                "correct step {n}."
            ).format(n=number),
        )
