"""The screenshot of a guide step with its marks (highlight, arrow, number, text, blur) on top.

The image is shown untouched; each mark is a graphics item that converts to and from an
`Annotation` (fractions of the image size). The canvas never changes the guide itself: every
finished gesture is reported as `edited(before, after, what)` so the editor can put it on its
undo stack. Marks are drawn with the same proportions as `annotations.burn_in` uses for the
print, so what the owner sees is what is printed — except blur boxes, which are hatched here
(the owner must see what lies under them) and really blurred in print and in the viewer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QInputDialog,
    QStyleOptionGraphicsItem,
    QWidget,
)

from branchdesk.guides.entries import Annotation, AnnotationKind

SELECT = "select"
TOOLS: tuple[str, ...] = (SELECT, "rect", "arrow", "number", "text", "blur")
DRAGGED = ("rect", "arrow", "blur")  # drawn by dragging; number and text by one click
HANDLE_PX = 9  # the resize handle, in screen pixels whatever the zoom
MIN_DRAG_PX = 6  # a shorter drag is a slip, not a mark
DEFAULT_COLOR = Annotation.color


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("AnnotationCanvas", text)


def ask_label(parent: QWidget, current: str) -> str | None:
    """The text of a label, asked in a small dialog; None when cancelled or empty."""
    text, ok = QInputDialog.getText(
        parent, _tr("Text label"), _tr("Text shown on the picture:"), text=current
    )
    text = text.strip()
    return text if ok and text else None


class MarkItem(QGraphicsItem):
    """One annotation on the scene; the scene's units are the image's pixels.

    Rectangles, blur boxes and arrows are `pos` plus a vector `span` (the box's other corner,
    the arrow's point); numbers are centred on `pos`, text labels hang from it.
    """

    def __init__(
        self, kind: AnnotationKind, image: QSize, label: str = "", color: str = ""
    ) -> None:
        super().__init__()
        self.kind: AnnotationKind = kind
        self.label = label
        self.color = QColor(color or DEFAULT_COLOR)
        self.image = image
        self.span = QPointF(0, 0)
        self._resizing = False
        flags = (
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        )
        self.setFlags(flags)
        self.setAcceptHoverEvents(True)

    # --- proportions shared with burn_in ------------------------------------------------
    @property
    def unit(self) -> float:
        return float(max(self.image.width(), self.image.height(), 1))

    @property
    def line_width(self) -> float:
        return float(max(3, round(self.image.width() * 0.004)))

    def _radius(self) -> float:
        return max(10.0, self.unit * 0.016)

    def _font(self) -> QFont:
        font = QFont()
        font.setPixelSize(max(10, round(self.unit * 0.015)))
        return font

    def _text_box(self) -> tuple[QRectF, float, list[str]]:
        font = self._font()
        metrics = QFontMetricsF(font)
        pad = max(4, round(font.pixelSize() * 0.45))
        inset = pad + max(2, round(self.line_width * 0.75))
        limit = max(font.pixelSize() * 4.0, self.image.width() * 0.45 - 2 * inset)
        lines: list[str] = []
        for paragraph in (self.label or " ").split("\n"):
            line = ""
            for ch in paragraph:
                if line and metrics.horizontalAdvance(line + ch) > limit:
                    lines.append(line)
                    line = ch
                else:
                    line += ch
            lines.append(line)
        line_height = round(font.pixelSize() * 1.3)
        width = max(metrics.horizontalAdvance(line) for line in lines) + 2 * inset
        height = line_height * len(lines) + 2 * inset - (line_height - font.pixelSize())
        return QRectF(0, 0, width, height), inset, lines

    def _handle_size(self) -> float:
        scene = self.scene()
        views = scene.views() if scene is not None else []
        scale = views[0].transform().m11() if views else 1.0
        return HANDLE_PX / max(scale, 1e-3)

    def _shape_rect(self) -> QRectF:
        if self.kind in ("rect", "blur", "arrow"):
            return QRectF(QPointF(0, 0), self.span).normalized()
        if self.kind == "number":
            outer = self._radius() * 1.12
            return QRectF(-outer, -outer, 2 * outer, 2 * outer)
        return self._text_box()[0]

    def boundingRect(self) -> QRectF:
        margin = self.line_width + self._handle_size()
        if self.kind == "arrow":
            margin += max(self.line_width * 4.0, self.unit * 0.022)
        return self._shape_rect().adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        if self.kind == "arrow":
            # A band around the shaft, so the arrow is easy to pick up.
            line = QLineF(QPointF(0, 0), self.span)
            normal = line.normalVector().unitVector()
            grab = max(self.line_width * 3, self._handle_size())
            offset = QPointF(normal.dx() * grab, normal.dy() * grab)
            path.addPolygon(
                QPolygonF(
                    [
                        QPointF(0, 0) + offset,
                        self.span + offset,
                        self.span - offset,
                        QPointF(0, 0) - offset,
                    ]
                )
            )
        else:
            path.addRect(self._shape_rect())
        if self.isSelected() and self.kind in DRAGGED:
            path.addRect(self._handle_rect())
        return path

    def _handle_rect(self) -> QRectF:
        size = self._handle_size()
        return QRectF(self.span.x() - size / 2, self.span.y() - size / 2, size, size)

    # --- drawing ------------------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lw = self.line_width
        if self.kind == "blur":
            box = self._shape_rect()
            painter.fillRect(box, QColor(70, 70, 70, 150))
            hatch = QBrush(QColor(255, 255, 255, 170), Qt.BrushStyle.BDiagPattern)
            painter.setBrushOrigin(box.topLeft())
            painter.fillRect(box, hatch)
            painter.setPen(QPen(QColor("#ffffff"), 0, Qt.PenStyle.DashLine))
            painter.drawRect(box)
        elif self.kind == "rect":
            painter.setPen(
                QPen(
                    self.color,
                    lw,
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.SquareCap,
                    Qt.PenJoinStyle.MiterJoin,
                )
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._shape_rect())
        elif self.kind == "arrow":
            self._paint_arrow(painter, lw)
        elif self.kind == "number":
            radius = self._radius()
            outer = radius + max(2.0, radius * 0.12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(QPointF(0, 0), outer, outer)
            painter.setBrush(self.color)
            painter.drawEllipse(QPointF(0, 0), radius, radius)
            font = QFont()
            label = self.label.strip() or "?"
            font.setPixelSize(max(8, round(radius * min(1.25, 2.6 / len(label)))))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(
                QRectF(-radius, -radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        elif self.kind == "text":
            box, inset, lines = self._text_box()
            painter.setPen(QPen(self.color, max(2, round(lw * 0.75))))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRect(box)
            font = self._font()
            painter.setFont(font)
            painter.setPen(QColor("#1a1a1a"))
            line_height = round(font.pixelSize() * 1.3)
            for i, line in enumerate(lines):
                painter.drawText(
                    QRectF(inset, inset + i * line_height, box.width(), line_height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    line,
                )
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#1e88e5"), 0, Qt.PenStyle.DashLine))
            painter.drawRect(self._shape_rect().adjusted(-lw, -lw, lw, lw))
            if self.kind in DRAGGED:
                painter.setPen(QPen(QColor("#1e88e5"), 0))
                painter.setBrush(QColor("#ffffff"))
                painter.drawRect(self._handle_rect())

    def _paint_arrow(self, painter: QPainter, lw: float) -> None:
        length = math.hypot(self.span.x(), self.span.y())
        if length < 1:
            return
        ux, uy = self.span.x() / length, self.span.y() / length
        head = min(max(lw * 4.0, self.unit * 0.022), length)
        half = head * 0.45
        tip = self.span
        base = QPointF(tip.x() - ux * head, tip.y() - uy * head)
        shaft_end = QPointF(tip.x() - ux * head * 0.6, tip.y() - uy * head * 0.6)
        painter.setPen(QPen(self.color, lw, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        if head < length:
            painter.drawLine(QPointF(0, 0), shaft_end)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.color)
        painter.drawPolygon(
            QPolygonF(
                [
                    tip,
                    QPointF(base.x() - uy * half, base.y() + ux * half),
                    QPointF(base.x() + uy * half, base.y() - ux * half),
                ]
            )
        )

    # --- resizing by the handle ---------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if (
            self.isSelected()
            and self.kind in DRAGGED
            and event.button() == Qt.MouseButton.LeftButton
            and self._handle_rect().contains(event.pos())
        ):
            self._resizing = True
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing:
            self.set_span(event.pos())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing:
            self._resizing = False
            self.normalise()
            return
        super().mouseReleaseEvent(event)

    # --- geometry -----------------------------------------------------------------------
    def set_span(self, span: QPointF) -> None:
        self.prepareGeometryChange()
        self.span = QPointF(span)
        self.update()

    def set_label(self, label: str) -> None:
        self.prepareGeometryChange()
        self.label = label
        self.update()

    def normalise(self) -> None:
        """Keep the mark on the image; boxes get their corner at the top left."""
        w, h = float(self.image.width()), float(self.image.height())

        def inside(p: QPointF) -> QPointF:
            return QPointF(min(max(p.x(), 0.0), w), min(max(p.y(), 0.0), h))

        start = inside(self.pos())
        end = inside(self.pos() + self.span)
        if self.kind in ("rect", "blur"):
            box = QRectF(start, end).normalized()
            start, end = box.topLeft(), box.bottomRight()
        self.setPos(start)
        if self.kind in DRAGGED:
            self.set_span(end - start)

    def annotation(self) -> Annotation:
        w, h = float(max(1, self.image.width())), float(max(1, self.image.height()))
        span = self.span if self.kind in DRAGGED else QPointF(0, 0)
        return Annotation(
            kind=self.kind,
            x=round(self.pos().x() / w, 5),
            y=round(self.pos().y() / h, 5),
            w=round(span.x() / w, 5),
            h=round(span.y() / h, 5),
            label=self.label,
            color=self.color.name(),
        )

    @classmethod
    def from_annotation(cls, a: Annotation, image: QSize) -> MarkItem:
        item = cls(a.kind, image, a.label, a.color)
        w, h = image.width(), image.height()
        item.setPos(a.x * w, a.y * h)
        item.span = QPointF(a.w * w, a.h * h)
        return item


class AnnotationCanvas(QGraphicsView):
    """The step's image, fitted to the view, with its marks; tools draw new marks."""

    edited = Signal(object, object, str)  # annotations before, after, what was done
    tool_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationCanvas")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor("#e8e8e8"))
        # Lower on a short window (a 1366×768 laptop at 125% leaves the editor 546 pixels,
        # where 200 pushed its 保存 and 关闭 under the taskbar); the picture fits what it has.
        self.setMinimumSize(320, 130)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.image_size = QSize()
        self._pixmap: QGraphicsPixmapItem | None = None
        self._items: list[MarkItem] = []
        self._drawing: MarkItem | None = None
        self._before: tuple[Annotation, ...] = ()
        self.tool = SELECT
        self.placeholder = _tr("No picture yet.")
        # Replaced in tests; asks the text of a label (None: cancelled).
        self.ask_text: Callable[[QWidget, str], str | None] = ask_label
        self.set_tool(SELECT)

    # --- content ------------------------------------------------------------------------
    def has_image(self) -> bool:
        return self._pixmap is not None

    def set_image(self, image: QImage | None) -> None:
        """Show `image` (None: no picture); the marks are cleared, set them afterwards."""
        self._scene.clear()
        self._items = []
        self._drawing = None
        self._pixmap = None
        if image is None or image.isNull():
            self.image_size = QSize()
            self._scene.setSceneRect(QRectF(0, 0, 1, 1))
        else:
            self.image_size = image.size()
            self._pixmap = self._scene.addPixmap(QPixmap.fromImage(image))
            self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self._pixmap.setZValue(-1)
            self._scene.setSceneRect(QRectF(0, 0, image.width(), image.height()))
        self._fit()
        self.viewport().update()

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        for item in self._items:
            self._scene.removeItem(item)
        self._items = []
        if self._pixmap is None:
            return
        for a in annotations:
            self._add_item(MarkItem.from_annotation(a, self.image_size))

    def annotations(self) -> tuple[Annotation, ...]:
        return tuple(item.annotation() for item in self._items if item is not self._drawing)

    def items_of_kind(self, kind: str) -> list[MarkItem]:
        return [i for i in self._items if i.kind == kind]

    def _add_item(self, item: MarkItem) -> None:
        item.setZValue(len(self._items))
        self._scene.addItem(item)
        self._items.append(item)

    # --- tools --------------------------------------------------------------------------
    def set_tool(self, tool: str) -> None:
        if tool not in TOOLS:
            raise ValueError(tool)
        self.tool = tool
        drawing = tool != SELECT
        self.setDragMode(
            QGraphicsView.DragMode.NoDrag if drawing else QGraphicsView.DragMode.RubberBandDrag
        )
        self.viewport().setCursor(
            Qt.CursorShape.CrossCursor if drawing else Qt.CursorShape.ArrowCursor
        )
        for item in self._items:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, not drawing)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, not drawing)
        if drawing:
            self._scene.clearSelection()
        self.tool_changed.emit(tool)

    def next_number(self) -> str:
        numbers = [int(i.label) for i in self.items_of_kind("number") if i.label.isdigit()]
        return str(max(numbers, default=0) + 1)

    def image_point(self, fx: float, fy: float) -> QPoint:
        """Where a point of the image (as fractions) lies in the viewport (for tests, tools)."""
        return self.mapFromScene(
            QPointF(fx * self.image_size.width(), fy * self.image_size.height())
        )

    def _scene_point(self, event: QMouseEvent) -> QPointF:
        p = self.mapToScene(event.position().toPoint())
        w, h = float(self.image_size.width()), float(self.image_size.height())
        return QPointF(min(max(p.x(), 0.0), w), min(max(p.y(), 0.0), h))

    def _emit(self, before: tuple[Annotation, ...], what: str) -> None:
        after = self.annotations()
        if after != before:
            self.edited.emit(before, after, what)

    # --- mouse and keys -----------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._before = self.annotations()
        if self.tool == SELECT or self._pixmap is None:
            super().mousePressEvent(event)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self._scene_point(event)
        kind: AnnotationKind = self.tool  # type: ignore[assignment]
        if kind == "number":
            item = MarkItem("number", self.image_size, self.next_number())
            item.setPos(point)
            self._add_item(item)
            self._emit(self._before, _tr("Add a numbered marker"))
            return
        if kind == "text":
            label = self.ask_text(self, "")
            if label:
                item = MarkItem("text", self.image_size, label)
                item.setPos(point)
                self._add_item(item)
                self._emit(self._before, _tr("Add a text label"))
            return
        item = MarkItem(kind, self.image_size)
        item.setPos(point)
        self._drawing = item
        self._add_item(item)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None:
            self._drawing.set_span(self._scene_point(event) - self._drawing.pos())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        item = self._drawing
        if item is None:
            super().mouseReleaseEvent(event)
            if self.tool == SELECT:
                for selected in self._selected():
                    selected.normalise()
                self._emit(self._before, _tr("Move a mark"))
            return
        self._drawing = None
        item.set_span(self._scene_point(event) - item.pos())
        scale = max(self.transform().m11(), 1e-3)
        if math.hypot(item.span.x(), item.span.y()) * scale < MIN_DRAG_PX:
            self._scene.removeItem(item)
            self._items.remove(item)
            return
        item.normalise()
        what = {
            "rect": _tr("Add a highlight"),
            "arrow": _tr("Add an arrow"),
            "blur": _tr("Add a blur box"),
        }[item.kind]
        self._emit(self._before, what)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tool == SELECT:
            item = self.itemAt(event.position().toPoint())
            if isinstance(item, MarkItem) and item.kind in ("text", "number"):
                before = self.annotations()
                label = self.ask_text(self, item.label)
                if label:
                    item.set_label(label)
                    self._emit(before, _tr("Change a label"))
                # The release that follows is not a move of the changed label.
                self._before = self.annotations()
                return
        super().mouseDoubleClickEvent(event)

    def _selected(self) -> list[MarkItem]:
        return [i for i in self._items if i.isSelected()]

    def delete_selected(self) -> bool:
        chosen = self._selected()
        if not chosen:
            return False
        before = self.annotations()
        for item in chosen:
            self._scene.removeItem(item)
            self._items.remove(item)
        self._emit(before, _tr("Delete a mark"))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.delete_selected():
            return
        if event.key() == Qt.Key.Key_Escape and self.tool != SELECT:
            self.set_tool(SELECT)
            return
        super().keyPressEvent(event)

    # --- fitting ------------------------------------------------------------------------
    def _fit(self) -> None:
        if self._pixmap is not None:
            self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def drawForeground(self, painter: QPainter, rect: QRectF | Any) -> None:
        if self._pixmap is None:
            painter.save()
            painter.resetTransform()
            painter.setPen(QColor("#666666"))
            painter.drawText(
                self.viewport().rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
            painter.restore()
