"""The owner's pay rates: per complaint closed, per work order, per contact, and bonuses or
deductions by QC band. Pure checks and formatting here; storage in pay.service.

Amounts are whole fen. A work order (a complaint with an HQ order number) is paid at the
work-order rate only, not also as a complaint.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import joined, tr

# Above these an amount is a typing slip (an extra zero), not a rate.
MAX_ITEM_RATE_FEN = 100_00  # 100 元 per item
MAX_BAND_FEN = 5_000_00  # 5,000 元 bonus or deduction for a QC band
MAX_BANDS = 10


class PayError(BranchDeskError):
    """A pay rate, fine or statement action was refused; the message says why and what to do."""


class StatementLocked(PayError):
    """A stored (approved) statement was about to be changed or deleted."""


def yuan(fen: int) -> str:
    """12345 → "123.45" (a minus sign in front of a deduction)."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100:,}.{abs(fen) % 100:02d}"


def parse_yuan(text: str, what: str) -> int:
    """ "2.5" / "2.50元" / "-100" → fen; a PayError naming `what` for anything else."""
    cleaned = text.strip().replace("元", "").replace("¥", "").replace(",", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise PayError(
            tr("{what}: “{text}” is not an amount in 元, e.g. 2.50.", what=what, text=text)
        ) from None
    if not math.isfinite(value):
        raise PayError(
            tr("{what}: “{text}” is not an amount in 元, e.g. 2.50.", what=what, text=text)
        )
    return round(value * 100)


@dataclass(frozen=True)
class QcBand:
    """A bonus (positive) or deduction (negative) for a QC average in [low, high)."""

    low: float | None
    high: float | None
    amount_fen: int

    def contains(self, score: float) -> bool:
        return (self.low is None or score >= self.low) and (self.high is None or score < self.high)

    def label(self) -> str:
        def num(x: float) -> str:
            return f"{x:g}"

        if self.low is not None and self.high is not None:
            return f"{num(self.low)}–{num(self.high)}"
        if self.low is not None:
            return f"≥{num(self.low)}"
        if self.high is not None:
            return f"<{num(self.high)}"
        return tr("any score")


@dataclass(frozen=True)
class Rates:
    per_complaint_fen: int = 0
    per_work_order_fen: int = 0
    per_contact_fen: int = 0
    bands: tuple[QcBand, ...] = ()
    set_at: datetime | None = None
    set_by: str = ""
    # Whether the owner has set rates at all (a statement without them pays nothing by volume).
    is_set: bool = field(default=False, compare=False)

    def band_for(self, score: float | None) -> QcBand | None:
        if score is None:
            return None
        return next((b for b in self.bands if b.contains(score)), None)

    def describe(self) -> str:
        parts = [
            tr("complaint closed {amount} 元", amount=yuan(self.per_complaint_fen)),
            tr("work order {amount} 元", amount=yuan(self.per_work_order_fen)),
            tr("contact {amount} 元", amount=yuan(self.per_contact_fen)),
        ]
        parts += [
            tr("QC {band}: {amount} 元", band=b.label(), amount=_signed(b.amount_fen))
            for b in self.bands
        ]
        return joined(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "per_complaint_fen": self.per_complaint_fen,
            "per_work_order_fen": self.per_work_order_fen,
            "per_contact_fen": self.per_contact_fen,
            "bands": bands_to_json(self.bands),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Rates:
        return cls(
            int(data.get("per_complaint_fen", 0)),
            int(data.get("per_work_order_fen", 0)),
            int(data.get("per_contact_fen", 0)),
            bands_from_json(data.get("bands", [])),
            is_set=True,
        )


def _signed(fen: int) -> str:
    return ("+" if fen > 0 else "") + yuan(fen)


def bands_to_json(bands: Sequence[QcBand]) -> list[dict[str, Any]]:
    return [{"low": b.low, "high": b.high, "amount_fen": b.amount_fen} for b in bands]


def bands_from_json(data: Any) -> tuple[QcBand, ...]:
    if isinstance(data, str):
        data = json.loads(data or "[]")
    return tuple(
        QcBand(
            None if d.get("low") is None else float(d["low"]),
            None if d.get("high") is None else float(d["high"]),
            int(d["amount_fen"]),
        )
        for d in data
    )


def check_rates(rates: Rates) -> None:
    """Refuse negative, absurd or overlapping rates with a message naming the value."""
    for what, fen in (
        (tr("The rate per complaint closed"), rates.per_complaint_fen),
        (tr("The rate per work order"), rates.per_work_order_fen),
        (tr("The rate per contact"), rates.per_contact_fen),
    ):
        if fen < 0:
            raise PayError(
                tr(
                    "{what} cannot be negative ({amount} 元); enter 0 or more.",
                    what=what,
                    amount=yuan(fen),
                )
            )
        if fen > MAX_ITEM_RATE_FEN:
            raise PayError(
                tr(
                    "{what} of {amount} 元 is more than {limit} 元 per item; check the amount.",
                    what=what,
                    amount=yuan(fen),
                    limit=yuan(MAX_ITEM_RATE_FEN),
                )
            )
    if len(rates.bands) > MAX_BANDS:
        raise PayError(tr("At most {count} QC bands; remove some.", count=MAX_BANDS))
    for band in rates.bands:
        for score in (band.low, band.high):
            if score is not None and not (math.isfinite(score) and 0 <= score <= 100):
                raise PayError(
                    tr(
                        "QC band {band}: a score must be between 0 and 100.",
                        band=band.label(),
                    )
                )
        if band.low is None and band.high is None:
            raise PayError(tr("A QC band needs a lowest score, a highest score or both."))
        if band.low is not None and band.high is not None and band.low >= band.high:
            raise PayError(
                tr(
                    "QC band {band}: the lowest score must be below the highest.",
                    band=band.label(),
                )
            )
        if abs(band.amount_fen) > MAX_BAND_FEN:
            raise PayError(
                tr(
                    "QC band {band}: {amount} 元 is more than {limit} 元; check the amount.",
                    band=band.label(),
                    amount=_signed(band.amount_fen),
                    limit=yuan(MAX_BAND_FEN),
                )
            )
    ordered = sorted(rates.bands, key=lambda b: -math.inf if b.low is None else b.low)
    for first, second in itertools.pairwise(ordered):
        first_high = math.inf if first.high is None else first.high
        second_low = -math.inf if second.low is None else second.low
        if second_low < first_high:
            raise PayError(
                tr(
                    "QC bands {first} and {second} overlap: a score may fall in one band only.",
                    first=first.label(),
                    second=second.label(),
                )
            )
