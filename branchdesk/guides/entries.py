"""Plain guide data handed from the services to printing, packs and the UI.

Annotations are data drawn over the untouched original image, so they stay editable:
coordinates are fractions of the image's width and height (0..1), so they survive scaling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

AnnotationKind = Literal["rect", "arrow", "number", "text", "blur"]


@dataclass(frozen=True)
class Annotation:
    """One mark over a screenshot.

    rect:   highlight rectangle (x, y, w, h), outlined in `color`.
    arrow:  from (x, y) to (x + w, y + h), head at the end.
    number: a numbered circle (`label` "1", "2" …) centred at (x, y).
    text:   a text label (`label`) with its top-left at (x, y).
    blur:   a box (x, y, w, h) whose pixels are blurred beyond reading (customer data).
    """

    kind: AnnotationKind
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    label: str = ""
    color: str = "#e53935"


@dataclass(frozen=True)
class StepDoc:
    number: int  # 1-based, as shown and printed
    instruction: str
    tip: str = ""
    tip_kind: Literal["tip", "warning"] = "tip"
    image: bytes | None = None  # the original image, PNG (or JPEG) bytes
    annotations: tuple[Annotation, ...] = ()


@dataclass(frozen=True)
class GuideDoc:
    """A whole guide as it is printed or packed."""

    title: str
    category: str
    steps: tuple[StepDoc, ...]
    owner: str = ""
    reviewed: date | None = None
    review_by: date | None = None
    version: int = 1
    updated: datetime | None = None
    is_sample: bool = False
    summary: str = ""  # what the guide is for, shown under the title
    tags: tuple[str, ...] = field(default_factory=tuple)
