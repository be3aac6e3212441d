"""Draw BranchDesk's application icon (resources/icons/branchdesk.png and .ico).

Run once after changing the design: `python tools/make_icon.py`. Drawn with Qt, so the icon
needs no image editor and stays reproducible: a blue rounded square, a white parcel and the
character 网 (网点, the branch) in the bundled CJK font.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setBrush(QColor("#1f6fb2"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    # the parcel: a box with its tape
    p.setBrush(QColor("#f4b63f"))
    p.drawRoundedRect(QRectF(40 * s, 128 * s, 176 * s, 92 * s), 10 * s, 10 * s)
    p.setPen(QPen(QColor("#c7861a"), 10 * s))
    p.drawLine(int(128 * s), int(132 * s), int(128 * s), int(216 * s))
    # 网
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"))
    )
    font = QFont(family[0] if family else "Sans")
    font.setPixelSize(int(104 * s))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, 14 * s, 256 * s, 118 * s), Qt.AlignmentFlag.AlignCenter, "网")
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "branchdesk.png"))
    draw(48).save(str(OUT / "branchdesk.ico"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
