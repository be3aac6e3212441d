"""Pictures for guide steps: PNG bytes, scaled decoding, thumbnails, the clipboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPoint,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
)

THUMB = QSize(96, 54)
PICTURE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.webp"
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp")


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes, Qt a str
    return bytes(buffer.data().data())


def decode_scaled(data: bytes, size: QSize) -> QImage:
    """The picture decoded at (at most) `size`, proportions kept; a null image if unreadable."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    full = reader.size()
    if full.isValid() and (full.width() > size.width() or full.height() > size.height()):
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def thumbnail(image: QImage | None, text: str = "") -> QIcon:
    """A THUMB-sized icon: the picture centred on a light ground, or `text` on an empty one."""
    pixmap = QPixmap(THUMB)
    pixmap.fill(QColor("#f2f2f2"))
    painter = QPainter(pixmap)
    if image is not None and not image.isNull():
        scaled = image.scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter.drawImage(
            QPoint((THUMB.width() - scaled.width()) // 2, (THUMB.height() - scaled.height()) // 2),
            scaled,
        )
    else:
        painter.setPen(QColor("#999999"))
        painter.drawRect(0, 0, THUMB.width() - 1, THUMB.height() - 1)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


def clipboard_picture() -> bytes | None:
    """The picture on the clipboard as image bytes: a copied image, or a copied image file."""
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is None:
        return None
    if mime.hasImage():
        image = clipboard.image()
        if not image.isNull():
            return png_bytes(image)
    if mime.hasUrls():
        for url in mime.urls():
            path = Path(url.toLocalFile())
            if url.isLocalFile() and path.suffix.lower() in PICTURE_SUFFIXES:
                try:
                    return path.read_bytes()
                except OSError:
                    return None
    return None


def clipboard_has_picture(*, text_too: bool = True) -> bool:
    """Whether Ctrl+V would paste a picture; with `text_too` False, not when the clipboard
    also holds text (copied from Excel or a web page: a text field takes the text)."""
    mime = QApplication.clipboard().mimeData()
    # hasText() is true for copied files too (their URLs as text): those are pictures.
    if mime is None or (not text_too and mime.hasText() and not mime.hasUrls()):
        return False
    if mime.hasImage():
        return True
    return mime.hasUrls() and any(
        u.isLocalFile() and u.toLocalFile().lower().endswith(PICTURE_SUFFIXES) for u in mime.urls()
    )
