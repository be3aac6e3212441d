"""Guide screenshots: checking and storing images, annotations as JSON, and burning the
annotations into a copy of the image for printing.

Pure Pillow, no Qt: the PDF export, the pack import and the UI share it. The original image
is never changed; `burn_in` always works on a copy.

Storage decision (`normalise_image`): PNG stays byte for byte as it came (screenshots from
the clipboard or a capture arrive as PNG and are already compressed); JPEG stays JPEG (a
phone photo as PNG would be five to ten times larger), only turned upright when its EXIF
says it is rotated; BMP, GIF (first frame) and WebP are re-encoded as PNG. So nothing is
ever stored as a raw bitmap, and every stored image is PNG or JPEG, which Qt, Pillow and
reportlab all read.
"""

from __future__ import annotations

import io
import json
import math
import re
import threading
import warnings
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any, cast, get_args

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from branchdesk.errors import json_reason
from branchdesk.guides.entries import Annotation, AnnotationKind
from branchdesk.i18n import tr
from branchdesk.io.limits import MAX_IMAGE_PIXELS, image_too_large

KINDS: tuple[str, ...] = get_args(AnnotationKind)
COORD_MIN, COORD_MAX = -0.5, 1.5
LABEL_MAX = 200
ANNOTATIONS_MAX = 500  # far more than a step needs; stops a corrupt row from eating memory
COLOR = re.compile(r"#[0-9a-fA-F]{6}")
FIELDS = ("kind", "x", "y", "w", "h", "label", "color")

MAX_SIDE = 8000
FORMATS = ("PNG", "JPEG", "BMP", "GIF", "WEBP")
SHIPPED_FONT = ("fonts", "wqy-microhei.ttc")

# Blur boxes: the box is averaged into cells at least this large before it is smoothed,
# so that even a small box over 12-px screen text keeps less than one cell per two or three
# characters (1.5 % of a 1920-px screenshot is 29 px).
BLUR_DIVISIONS = 12  # a box becomes at most 12 cells across its longer side
BLUR_MIN_CELL = 8  # px
BLUR_MIN_CELL_OF_IMAGE = 0.015  # of the image's longer side


# ---------------------------------------------------------------- annotations as JSON


def _problem(number: int, text: str) -> ValueError:
    return ValueError(tr("Annotation {number}: {problem}", number=number, problem=text))


def _coordinate(number: int, name: str, value: object) -> float:
    # bool is an int to Python, but true/false in the JSON is a corrupt row, not a position.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _problem(number, tr("{field} is not a number.", field=name))
    return float(value)


def _in_range(number: int, name: str, value: float) -> None:
    if not COORD_MIN <= value <= COORD_MAX:
        raise _problem(
            number,
            tr(
                "{field} = {value} is outside the image (allowed {low} to {high}).",
                field=name,
                value=value,
                low=COORD_MIN,
                high=COORD_MAX,
            ),
        )


def _checked(number: int, raw: dict[str, Any]) -> Annotation:
    """One annotation from its JSON object, or ValueError saying what is wrong with it."""
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise _problem(number, tr("unknown field “{field}”.", field=unknown[0]))
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _problem(
            number, tr("unknown kind “{kind}” (known: {kinds}).", kind=kind, kinds=", ".join(KINDS))
        )
    if "x" not in raw or "y" not in raw:
        raise _problem(number, tr("the position (x, y) is missing."))
    x = _coordinate(number, "x", raw["x"])
    y = _coordinate(number, "y", raw["y"])
    w = _coordinate(number, "w", raw.get("w", 0.0))
    h = _coordinate(number, "h", raw.get("h", 0.0))
    # w and h may be negative (an arrow pointing up-left, a box dragged upwards): what must
    # lie near the image are both corners.
    for name, value in (("x", x), ("y", y), ("x + w", x + w), ("y + h", y + h)):
        _in_range(number, name, value)
    label = raw.get("label", "")
    if not isinstance(label, str):
        raise _problem(number, tr("the label is not text."))
    if len(label) > LABEL_MAX:
        raise _problem(number, tr("the label is longer than {limit} characters.", limit=LABEL_MAX))
    color = raw.get("color", Annotation.color)
    if not isinstance(color, str) or not COLOR.fullmatch(color):
        raise _problem(number, tr("the colour “{color}” is not of the form #RRGGBB.", color=color))
    return Annotation(cast(AnnotationKind, kind), x, y, w, h, label, color.lower())


def _as_dict(a: Annotation) -> dict[str, Any]:
    return {
        "kind": a.kind,
        "x": a.x,
        "y": a.y,
        "w": a.w,
        "h": a.h,
        "label": a.label,
        "color": a.color,
    }


def to_json(annotations: Iterable[Annotation]) -> str:
    """The annotations as compact JSON for the DB and guide packs (a list of objects).

    Raises ValueError for an annotation `from_json` would refuse, so nothing is stored that
    cannot be read back."""
    rows = [_as_dict(a) for a in annotations]
    for number, row in enumerate(rows, start=1):
        _checked(number, row)
    if len(rows) > ANNOTATIONS_MAX:
        raise ValueError(tr("A step can have at most {limit} annotations.", limit=ANNOTATIONS_MAX))
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def from_json(text: str | None) -> tuple[Annotation, ...]:
    """The annotations stored by `to_json`; empty or None text means none.

    Raises ValueError with a message naming the annotation and the problem: text that is
    not JSON, an unknown kind or field, a coordinate that is not a number or lies outside
    -0.5..1.5, a label over 200 characters, a colour not of the form #RRGGBB."""
    if text is None or not text.strip():
        return ()
    try:
        rows = json.loads(text)
    except ValueError as exc:
        raise ValueError(
            tr("The annotations are not valid JSON: {error}", error=json_reason(exc))
        ) from exc
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ValueError(tr("The annotations must be a list of objects."))
    if len(rows) > ANNOTATIONS_MAX:
        raise ValueError(tr("A step can have at most {limit} annotations.", limit=ANNOTATIONS_MAX))
    return tuple(_checked(n, row) for n, row in enumerate(rows, start=1))


# ---------------------------------------------------------------- checking and storing images


def _damaged() -> ValueError:
    return ValueError(
        tr(
            "The image is damaged or not a picture BranchDesk can read. Use a PNG, JPEG, BMP, "
            "GIF or WebP file, or take the screenshot again."
        )
    )


def _open(data: bytes) -> Image.Image:
    """The image in `data`, opened lazily (header read, pixels not yet decoded)."""
    with warnings.catch_warnings():
        # Pillow warns, then refuses, for images of tens of megapixels: both mean too large.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_large(*_stated_size(data)) from exc
        except Exception as exc:  # Pillow raises many kinds for garbage input
            raise _damaged() from exc
    return image


def _stated_size(data: bytes) -> tuple[int | None, int | None]:
    """The size a picture's header states, read by the format's own reader without the
    decompression-bomb check that refused it (nothing is decoded): for the message."""
    Image.init()
    for fmt in FORMATS:
        factory, accept = Image.OPEN.get(fmt, (None, None))
        if factory is None or (accept is not None and not accept(data[:16])):
            continue
        try:
            width, height = factory(io.BytesIO(data), "").size
        except Exception:  # another reader may still know it
            continue
        return width, height
    return None, None


def _too_large(width: int | None = None, height: int | None = None) -> ValueError:
    size = f"{width}×{height}" if width and height else "?"
    return ValueError(
        tr(
            "The image is too large ({size} pixels; at most {limit}×{limit}). Make it "
            "smaller or capture only the part of the screen the step is about.",
            size=size,
            limit=MAX_SIDE,
        )
    )


class ImageTooLarge(ValueError):
    """A picture over limits.MAX_IMAGE_PIXELS; the message says its size and the limit."""


def check_pixels(width: int, height: int) -> None:
    """Raise ImageTooLarge for a picture over limits.MAX_IMAGE_PIXELS (40 million): decoding
    an 8000×8000 PNG to print it took minutes and 4.6 GB."""
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageTooLarge(image_too_large(width, height))


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a stored image from its header alone: microseconds, for laying out
    a page or a viewer before the pixels are needed. Raises ValueError when unreadable."""
    if not data:
        raise _damaged()
    width, height = _open(data).size
    if width < 1 or height < 1:
        raise _damaged()
    return width, height


def check_image(data: bytes, *, decode: bool = False) -> tuple[int, int, str]:
    """(width, height, format) of an image a guide accepts; format is Pillow's name
    ("PNG", "JPEG", "BMP", "GIF", "WEBP").

    Damage is caught here, not when the guide is printed: PNG by its checksums (every chunk
    carries a CRC and the file must end with IEND, so `verify()` finds a truncated or
    altered file without decoding the pixels: well under 1 ms for a 1920×1080 screenshot
    instead of 20); the other formats have no checksums and are decoded once. Raises ValueError (a
    translated message) for a damaged image, another format, or one larger than 8000×8000
    pixels. `decode=True` decodes a PNG too: an image about to be stored (pasted, opened,
    imported) may have intact checksums around a cut-short pixel stream.
    """
    if not data:
        raise _damaged()
    image = _open(data)
    fmt = image.format or ""
    if not fmt:
        raise _damaged()
    if fmt not in FORMATS:
        raise ValueError(
            tr(
                "{format} images are not supported. Save the picture as PNG or JPEG and "
                "add it again.",
                format=fmt,
            )
        )
    width, height = image.size
    if width < 1 or height < 1:
        raise _damaged()
    if width > MAX_SIDE or height > MAX_SIDE:
        raise _too_large(width, height)
    check_pixels(width, height)
    try:
        image.verify()  # checksums and structure, without decoding the pixels
    except Exception as exc:
        raise _damaged() from exc
    if fmt == "PNG" and not decode:
        return width, height, fmt
    fresh = _open(data)  # verify() leaves the image unusable
    try:
        fresh.load()  # a truncated or corrupt pixel stream fails only here
    except Exception as exc:
        raise _damaged() from exc
    return width, height, fmt


def _upright(image: Image.Image) -> Image.Image | None:
    """The image turned as its EXIF orientation says, or None when it is upright already."""
    orientation = image.getexif().get(0x0112, 1)
    if orientation in (None, 1):
        return None
    return ImageOps.exif_transpose(image)


def normalise_image(data: bytes) -> tuple[bytes, int, int]:
    """The image as it is stored: (PNG or JPEG bytes, width, height).

    PNG is kept as it is; JPEG too unless EXIF rotates it (then it is turned upright and
    saved again at quality 92); BMP, GIF (first frame) and WebP become PNG. Raises ValueError
    like `check_image`.
    """
    width, height, fmt = check_image(data, decode=True)
    if fmt == "PNG":
        return data, width, height
    image = _open(data)
    if fmt == "JPEG":
        turned = _upright(image)
        if turned is None:
            return data, width, height
        out = io.BytesIO()
        turned.save(out, "JPEG", quality=92, optimize=True)
        return out.getvalue(), turned.width, turned.height
    image.seek(0)  # the first frame of an animated GIF or WebP
    image.load()
    if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue(), width, height


# ---------------------------------------------------------------- burning annotations in


def _rgb(color: str) -> tuple[int, int, int]:
    if not COLOR.fullmatch(color):
        color = Annotation.color
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


@cache
def _font_path() -> str:
    font = resources.files("branchdesk.resources").joinpath(*SHIPPED_FONT)
    # A real path for FreeType; the package is installed unzipped, so it stays valid.
    with resources.as_file(font) as path:
        return str(path)


_fonts = threading.local()


def _font(size: int) -> ImageFont.FreeTypeFont:
    """The CJK font at `size` px, one object per thread: a FreeType face must not be used
    by two threads at once, and the PDF export burns images in on worker threads."""
    cached: dict[int, ImageFont.FreeTypeFont] = _fonts.__dict__.setdefault("by_size", {})
    font = cached.get(size)
    if font is None:
        font = cached[size] = ImageFont.truetype(_font_path(), size, index=0)
    return font


def _flatten(image: Image.Image) -> Image.Image:
    """RGB, with transparent parts (window shadows of a capture) shown on white."""
    if image.mode == "RGB":
        return image
    if "A" in image.getbands() or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def _box(a: Annotation, width: int, height: int) -> tuple[int, int, int, int] | None:
    """The annotation's box in pixels, corners ordered and clamped; None when empty."""
    x0, x1 = sorted((a.x * width, (a.x + a.w) * width))
    y0, y1 = sorted((a.y * height, (a.y + a.h) * height))
    # Outwards to whole pixels (a blur must cover every pixel it touches), but not by a
    # pixel more for a fraction like 0.7333… that lands a hair past a whole pixel.
    left, right = max(0, math.floor(x0 + 1e-6)), min(width, math.ceil(x1 - 1e-6))
    top, bottom = max(0, math.floor(y0 + 1e-6)), min(height, math.ceil(y1 - 1e-6))
    if right - left < 1 or bottom - top < 1:
        return None
    return left, top, right, bottom


def _blur(image: Image.Image, box: tuple[int, int, int, int]) -> None:
    """Make the box unreadable: smooth, average into coarse cells, smooth the cells.

    A Gaussian blur alone can be partly undone (deconvolution), and plain pixelation keeps
    hard cell edges and exact cell averages that invite matching candidate texts against
    them; averaging whole cells throws the detail away, keeping only 5 bits of each cell's
    average leaves less to match, and the blurs around it leave nothing sharp to read. Only
    pixels inside the box change.
    """
    left, top, right, bottom = box
    w, h = right - left, bottom - top
    cell = max(
        BLUR_MIN_CELL,
        math.ceil(max(w, h) / BLUR_DIVISIONS),
        math.ceil(max(image.size) * BLUR_MIN_CELL_OF_IMAGE),
    )
    region = image.crop(box).filter(ImageFilter.GaussianBlur(cell * 0.75))
    cells = (max(1, round(w / cell)), max(1, round(h / cell)))
    small = ImageOps.posterize(region.resize(cells, Image.Resampling.BOX), 5)
    region = small.resize((w, h), Image.Resampling.BILINEAR)
    region = region.filter(ImageFilter.GaussianBlur(cell / 2))
    image.paste(region, box)


def _line_width(width: int) -> int:
    return max(3, round(width * 0.004))


def _draw_rect(
    draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], color: Any, lw: int
) -> None:
    left, top, right, bottom = box
    draw.rectangle((left, top, right - 1, bottom - 1), outline=color, width=lw)


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def _draw_arrow(
    draw: ImageDraw.ImageDraw,
    a: Annotation,
    size: tuple[int, int],
    color: Any,
    lw: int,
    unit: float,
) -> None:
    width, height = size
    x0 = _clamp(a.x * width, 0, width - 1)
    y0 = _clamp(a.y * height, 0, height - 1)
    x1 = _clamp((a.x + a.w) * width, 0, width - 1)
    y1 = _clamp((a.y + a.h) * height, 0, height - 1)
    length = math.hypot(x1 - x0, y1 - y0)
    if length < 1:
        return
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    head = min(max(lw * 4.0, unit * 0.022), length)
    half = head * 0.45
    bx, by = x1 - ux * head, y1 - uy * head  # middle of the head's base
    # The shaft stops inside the head so its square end never shows beside the point.
    sx, sy = x1 - ux * head * 0.6, y1 - uy * head * 0.6
    if head < length:
        draw.line((x0, y0, sx, sy), fill=color, width=lw)
    draw.polygon(
        [(x1, y1), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)],
        fill=color,
    )


def _draw_number(
    draw: ImageDraw.ImageDraw, a: Annotation, size: tuple[int, int], color: Any, unit: float
) -> None:
    width, height = size
    radius = max(10.0, unit * 0.016)
    ring = max(2.0, radius * 0.12)
    outer = radius + ring
    # Clamp the centre so the whole marker stays on the image when it is large enough.
    cx = _clamp(a.x * width, min(outer, width / 2), max(width - outer, width / 2))
    cy = _clamp(a.y * height, min(outer, height / 2), max(height - outer, height / 2))
    draw.ellipse((cx - outer, cy - outer, cx + outer, cy + outer), fill=(255, 255, 255))
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=color)
    label = a.label.strip()
    if not label:
        return
    font = _font(max(8, round(radius * min(1.25, 2.6 / len(label)))))
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    # Centre the inked box, not the font's line box: digits sit high in a CJK font's line.
    draw.text(
        (cx - (left + right) / 2, cy - (top + bottom) / 2), label, font=font, fill=(255, 255, 255)
    )


def _wrap(text: str, font: ImageFont.FreeTypeFont, limit: float) -> list[str]:
    """Lines no wider than `limit`: break at spaces in Latin text, anywhere in Chinese."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        line = ""
        for char in paragraph:
            if font.getlength(line + char) <= limit or not line:
                line += char
                continue
            cut = line.rfind(" ")
            if char != " " and cut > 0 and line[cut + 1 :].isascii():
                lines.append(line[:cut])
                line = line[cut + 1 :] + char
            else:
                lines.append(line.rstrip())
                line = char.lstrip()
        lines.append(line)
    return lines


def _draw_text(
    draw: ImageDraw.ImageDraw,
    a: Annotation,
    size: tuple[int, int],
    color: Any,
    lw: int,
    unit: float,
) -> None:
    if not a.label.strip():
        return
    width, height = size
    font = _font(max(10, round(unit * 0.015)))
    pad = max(4, round(font.size * 0.45))
    border = max(2, round(lw * 0.75))
    inset = pad + border
    lines = _wrap(a.label.strip(), font, max(font.size * 4.0, width * 0.45 - 2 * inset))
    line_height = round(font.size * 1.3)
    text_width = max(font.getlength(line) for line in lines)
    box_w = text_width + 2 * inset
    box_h = line_height * len(lines) + 2 * inset - (line_height - font.size)
    left = _clamp(a.x * width, 0, max(0, width - box_w))
    top = _clamp(a.y * height, 0, max(0, height - box_h))
    draw.rectangle(
        (left, top, left + box_w - 1, top + box_h - 1),
        fill=(255, 255, 255),
        outline=color,
        width=border,
    )
    ascent = font.getmetrics()[0]
    for i, line in enumerate(lines):
        baseline = top + inset + i * line_height + font.size * 0.88
        draw.text((left + inset, baseline - ascent), line, font=font, fill=(26, 26, 26))


def burn_in(
    image_bytes: bytes, annotations: Sequence[Annotation], *, max_width: int | None = None
) -> Image.Image:
    """A new RGB image: the original (PNG/JPEG…) with the annotations drawn into it.

    `max_width` scales the image down first (never up), keeping its proportions. Blur boxes
    are applied before anything else is drawn, so no later mark can carry their pixels
    along; the other marks are drawn in the order given. Line widths and text sizes follow
    the image's size, so a mark looks the same at any resolution. Raises ValueError for an
    image that cannot be read.
    """
    source = _open(image_bytes)
    check_pixels(*source.size)  # from the header, before a pixel is decoded
    try:
        source.seek(0)
        if source.format == "JPEG" and max_width and source.width > 2 * max_width:
            # Let the JPEG decoder drop whole 1/2, 1/4, 1/8 steps: far faster than resizing.
            source.draft("RGB", (max_width, round(source.height * max_width / source.width)))
        source.load()  # decode here, so a damaged file fails as one
        image = _flatten(source)
    except Exception as exc:
        raise _damaged() from exc
    if max_width is not None and image.width > max(1, max_width):
        height = max(1, round(image.height * max_width / image.width))
        image = image.resize((max_width, height), Image.Resampling.LANCZOS, reducing_gap=2.0)
    elif image is source:
        image = image.copy()
    width, height = image.size
    for a in annotations:
        if a.kind == "blur":
            box = _box(a, width, height)
            if box is not None:
                _blur(image, box)
    draw = ImageDraw.Draw(image)
    lw = _line_width(width)
    unit = float(max(width, height))
    for a in annotations:
        color = _rgb(a.color)
        if a.kind == "rect":
            box = _box(a, width, height)
            if box is not None:
                _draw_rect(draw, box, color, lw)
        elif a.kind == "arrow":
            _draw_arrow(draw, a, (width, height), color, lw, unit)
        elif a.kind == "number":
            _draw_number(draw, a, (width, height), color, unit)
        elif a.kind == "text":
            _draw_text(draw, a, (width, height), color, lw, unit)
    return image
