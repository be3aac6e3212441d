"""Guide services: the library (search, review dates, flags), editing with versions, images.

The editor saves a whole guide at once (`save_guide`): steps are replaced, the version goes
up and a snapshot is kept, so any earlier state can be restored. Images are stored once per
content hash.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from branchdesk.db.base import utcnow
from branchdesk.errors import BranchDeskError
from branchdesk.guides.entries import Annotation, GuideDoc, StepDoc
from branchdesk.guides.models import (
    Guide,
    GuideCategory,
    GuideFlag,
    GuideImage,
    GuideReading,
    GuideStep,
    GuideVersion,
)
from branchdesk.i18n import tr
from branchdesk.permissions import Action, require_owner

DEFAULT_CATEGORIES = ("客服系统", "财务", "操作", "其他")
REVIEW_MONTHS = 6
MAX_TITLE = 120
MAX_CATEGORY = 40
MAX_OWNER = 40
MAX_SUMMARY = 2000
# A step is one action: a few sentences. The cap keeps a pasted document out of a step
# (a 3,000,000-character step once took minutes to print).
MAX_STEP_TEXT = 4000
MAX_TIP = 1000


class GuideError(BranchDeskError):
    """A guide change was refused; the message says why and what to do."""


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    # The 31st of a shorter month becomes its last day.
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


# --- categories -------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    name: str
    guides: int


def ensure_default_categories(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(GuideCategory)):
        return
    for n, name in enumerate(DEFAULT_CATEGORIES):
        session.add(GuideCategory(name=name, position=n))
    session.flush()


def list_categories(session: Session) -> list[CategoryInfo]:
    ensure_default_categories(session)
    counts = dict(
        session.execute(select(Guide.category_id, func.count()).group_by(Guide.category_id)).all()
    )
    return [
        CategoryInfo(c.id, c.name, counts.get(c.id, 0))
        for c in session.scalars(
            select(GuideCategory).order_by(GuideCategory.position, GuideCategory.id)
        )
    ]


def _clean_name(name: str) -> str:
    name = " ".join(unicodedata.normalize("NFKC", name or "").split())
    if not name:
        raise GuideError(tr("A category needs a name."))
    if len(name) > MAX_CATEGORY:
        raise GuideError(tr("A category name is at most {n} characters.", n=MAX_CATEGORY))
    return name


def add_category(session: Session, name: str) -> CategoryInfo:
    name = _clean_name(name)
    if session.scalar(select(GuideCategory.id).where(GuideCategory.name == name)):
        raise GuideError(tr("There is already a category named “{name}”.", name=name))
    last = session.scalar(select(func.max(GuideCategory.position))) or 0
    row = GuideCategory(name=name, position=last + 1)
    session.add(row)
    session.flush()
    return CategoryInfo(row.id, row.name, 0)


def rename_category(session: Session, category_id: int, name: str) -> None:
    row = session.get(GuideCategory, category_id)
    if row is None:
        raise GuideError(tr("This category no longer exists."))
    name = _clean_name(name)
    other = session.scalar(select(GuideCategory.id).where(GuideCategory.name == name))
    if other is not None and other != row.id:
        raise GuideError(tr("There is already a category named “{name}”.", name=name))
    row.name = name
    session.flush()


def delete_category(session: Session, category_id: int) -> None:
    row = session.get(GuideCategory, category_id)
    if row is None:
        return
    require_owner(
        Action.DELETE_RECORDS, session, tr("Guide category “{name}” deleted", name=row.name)
    )
    used = session.scalar(
        select(func.count()).select_from(Guide).where(Guide.category_id == category_id)
    )
    if used:
        raise GuideError(
            tr(
                "“{name}” holds {count} guide(s); move them to another category first.",
                name=row.name,
                count=used,
            )
        )
    session.delete(row)
    session.flush()


def _category_id(session: Session, name: str) -> int:
    ensure_default_categories(session)
    found = session.scalar(select(GuideCategory.id).where(GuideCategory.name == name))
    if found is None:
        raise GuideError(tr("There is no guide category “{name}”.", name=name))
    return found


# --- images -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageRef:
    sha256: str
    width: int
    height: int


def store_image(session: Session, data: bytes) -> ImageRef:
    """Keep an image (validated, compressed) once; the same picture again is not stored twice."""
    from branchdesk.guides.annotations import normalise_image

    try:
        stored, width, height = normalise_image(data)
    except ValueError as exc:
        raise GuideError(str(exc)) from exc
    sha = hashlib.sha256(stored).hexdigest()
    existing = session.scalar(select(GuideImage).where(GuideImage.sha256 == sha))
    if existing is None:
        session.add(GuideImage(sha256=sha, width=width, height=height, data=stored))
        session.flush()
    return ImageRef(sha, width, height)


def image_bytes(session: Session, sha256: str) -> bytes:
    data = session.scalar(select(GuideImage.data).where(GuideImage.sha256 == sha256))
    if data is None:
        raise GuideError(tr("An image of this guide is missing from the database."))
    return data


def _image_id(session: Session, sha256: str | None) -> int | None:
    if not sha256:
        return None
    found = session.scalar(select(GuideImage.id).where(GuideImage.sha256 == sha256))
    if found is None:
        raise GuideError(tr("An image of this guide is missing from the database."))
    return found


# --- guides -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideInfo:
    id: int
    title: str
    category: str
    owner: str
    steps: int
    version: int
    updated: datetime
    reviewed_on: date | None
    review_by: date | None
    open_flags: int
    is_sample: bool

    def needs_review(self, today: date) -> bool:
        return self.review_by is not None and self.review_by <= today


@dataclass
class StepData:
    """A step as the editor holds it; the image by content hash."""

    instruction: str
    tip: str = ""
    tip_kind: str = "tip"
    image: str | None = None  # sha256 of a stored image
    annotations: tuple[Annotation, ...] = ()


@dataclass
class GuideData:
    title: str
    category: str
    owner: str = ""
    summary: str = ""
    steps: list[StepData] = field(default_factory=list)
    version: int = 0
    review_by: date | None = None
    reviewed_on: date | None = None
    is_sample: bool = False


def _infos(session: Session, guides: Sequence[Guide]) -> list[GuideInfo]:
    ids = [g.id for g in guides]
    steps = dict(
        session.execute(
            select(GuideStep.guide_id, func.count())
            .where(GuideStep.guide_id.in_(ids))
            .group_by(GuideStep.guide_id)
        ).all()
    )
    flags = dict(
        session.execute(
            select(GuideFlag.guide_id, func.count())
            .where(GuideFlag.guide_id.in_(ids), GuideFlag.resolved_at.is_(None))
            .group_by(GuideFlag.guide_id)
        ).all()
    )
    names = {c.id: c.name for c in session.scalars(select(GuideCategory))}
    return [
        GuideInfo(
            g.id,
            g.title,
            names.get(g.category_id, ""),
            g.owner,
            steps.get(g.id, 0),
            g.version,
            g.updated_at,
            g.reviewed_on,
            g.review_by,
            flags.get(g.id, 0),
            g.is_sample,
        )
        for g in guides
    ]


def search_guides(
    session: Session, query: str = "", *, category_id: int | None = None
) -> list[GuideInfo]:
    """Guides whose title, summary or step text hold every word of `query`."""
    ensure_default_categories(session)
    stmt = select(Guide).order_by(Guide.title)
    if category_id is not None:
        stmt = stmt.where(Guide.category_id == category_id)
    guides = list(session.scalars(stmt))
    words = [unicodedata.normalize("NFKC", w).casefold() for w in query.split()]
    if words:
        texts: dict[int, list[str]] = {}
        for gid, instruction, tip in session.execute(
            select(GuideStep.guide_id, GuideStep.instruction, GuideStep.tip)
        ):
            texts.setdefault(gid, []).extend((instruction, tip))

        def hay(g: Guide) -> str:
            return unicodedata.normalize(
                "NFKC", " ".join([g.title, g.summary, g.owner, *texts.get(g.id, [])])
            ).casefold()

        guides = [g for g in guides if all(w in hay(g) for w in words)]
    return _infos(session, guides)


def needs_review(session: Session, today: date | None = None) -> list[GuideInfo]:
    today = today or date.today()
    guides = session.scalars(
        select(Guide).where(Guide.review_by <= today).order_by(Guide.review_by)
    )
    return _infos(session, list(guides))


def _guide(session: Session, guide_id: int) -> Guide:
    guide = session.get(Guide, guide_id)
    if guide is None:
        raise GuideError(tr("This guide no longer exists."))
    return guide


def create_guide(
    session: Session,
    title: str,
    category: str,
    *,
    owner: str = "",
    who: str = "",
    today: date | None = None,
) -> int:
    data = GuideData(title=title, category=category, owner=owner)
    guide = Guide(title="", category_id=_category_id(session, category), version=0)
    session.add(guide)
    session.flush()
    today = today or date.today()
    data.reviewed_on, data.review_by = today, add_months(today, REVIEW_MONTHS)
    save_guide(session, guide.id, data, who=who, summary=tr("created"))
    return guide.id


def get_guide(session: Session, guide_id: int) -> GuideData:
    guide = _guide(session, guide_id)
    from branchdesk.guides.annotations import from_json

    names = {c.id: c.name for c in session.scalars(select(GuideCategory))}
    return GuideData(
        title=guide.title,
        category=names.get(guide.category_id, ""),
        owner=guide.owner,
        summary=guide.summary,
        steps=[
            StepData(s.instruction, s.tip, s.tip_kind, sha, from_json(s.annotations))
            for s, sha in session.execute(
                select(GuideStep, GuideImage.sha256)
                .outerjoin(GuideImage, GuideStep.image_id == GuideImage.id)
                .where(GuideStep.guide_id == guide.id)
                .order_by(GuideStep.position)
            )
        ],
        version=guide.version,
        review_by=guide.review_by,
        reviewed_on=guide.reviewed_on,
        is_sample=guide.is_sample,
    )


def _snapshot(data: GuideData) -> str:
    from branchdesk.guides.annotations import to_json

    return json.dumps(
        {
            "title": data.title,
            "category": data.category,
            "owner": data.owner,
            "summary": data.summary,
            "steps": [
                {
                    "instruction": s.instruction,
                    "tip": s.tip,
                    "tip_kind": s.tip_kind,
                    "image": s.image,
                    "annotations": json.loads(to_json(s.annotations)),
                }
                for s in data.steps
            ],
        },
        ensure_ascii=False,
    )


def _from_snapshot(text: str) -> GuideData:
    from branchdesk.guides.annotations import from_json

    raw = json.loads(text)
    return GuideData(
        title=raw["title"],
        category=raw["category"],
        owner=raw.get("owner", ""),
        summary=raw.get("summary", ""),
        steps=[
            StepData(
                s["instruction"],
                s.get("tip", ""),
                s.get("tip_kind", "tip"),
                s.get("image"),
                from_json(json.dumps(s.get("annotations", []))),
            )
            for s in raw["steps"]
        ],
    )


def save_guide(
    session: Session,
    guide_id: int,
    data: GuideData,
    *,
    who: str = "",
    summary: str = "",
    force: bool = False,
) -> int:
    """Replace the guide with `data`; returns the new version number.

    `data.version` is the version the editor started from: saving over a newer version
    (another window saved meanwhile) is refused rather than losing that work.
    """
    from branchdesk.guides.annotations import to_json

    guide = _guide(session, guide_id)
    if data.version and data.version != guide.version and not force:
        raise GuideError(
            tr(
                "This guide was changed elsewhere (now version {now}) since you opened version "
                "{mine}. Close it and open it again.",
                now=guide.version,
                mine=data.version,
            )
        )
    title = " ".join((data.title or "").split())
    if not title:
        raise GuideError(tr("A guide needs a title."))
    if len(title) > MAX_TITLE:
        raise GuideError(tr("A guide title is at most {n} characters.", n=MAX_TITLE))
    for n, step in enumerate(data.steps, start=1):
        if not (step.instruction or "").strip():
            raise GuideError(tr("Step {n} has no instruction. Write what to do.", n=n))
        if len(step.instruction.strip()) > MAX_STEP_TEXT or len((step.tip or "").strip()) > MAX_TIP:
            raise GuideError(
                tr(
                    "Step {n} is too long: at most {limit} characters for what to do and "
                    "{tip} for the tip. Split it into several steps.",
                    n=n,
                    limit=MAX_STEP_TEXT,
                    tip=MAX_TIP,
                )
            )
        if step.tip_kind not in ("tip", "warning"):
            raise GuideError(f"step {n}: tip kind {step.tip_kind!r}")
    guide.title = title
    try:
        guide.category_id = _category_id(session, data.category)
    except GuideError:
        # The category was renamed (or deleted) while the editor was open: the guide stays
        # where it is rather than the save failing.
        if session.get(GuideCategory, guide.category_id) is None:
            raise
    guide.owner = (data.owner or "").strip()[:MAX_OWNER]
    guide.summary = (data.summary or "").strip()
    if data.review_by is not None:
        guide.review_by = data.review_by
    if data.reviewed_on is not None:
        guide.reviewed_on = data.reviewed_on
    guide.steps.clear()
    session.flush()
    for n, step in enumerate(data.steps):
        guide.steps.append(
            GuideStep(
                position=n,
                instruction=step.instruction.strip(),
                tip=(step.tip or "").strip(),
                tip_kind=step.tip_kind,
                image_id=_image_id(session, step.image),
                annotations=to_json(step.annotations),
            )
        )
    guide.version += 1
    guide.updated_at = utcnow()
    session.add(
        GuideVersion(
            guide_id=guide.id,
            version=guide.version,
            who=who,
            summary=summary,
            snapshot=_snapshot(data),
        )
    )
    session.flush()
    return guide.version


def delete_guide(session: Session, guide_id: int) -> None:
    guide = _guide(session, guide_id)
    require_owner(Action.DELETE_RECORDS, session, tr("Guide “{title}” deleted", title=guide.title))
    session.delete(guide)
    session.flush()
    purge_unused_images(session)


def purge_unused_images(session: Session) -> int:
    """Delete images no step and no saved version uses (pasted then undone, editors closed
    without saving, deleted guides); returns how many went."""
    used = set(
        session.scalars(
            select(GuideImage.sha256).join(GuideStep, GuideStep.image_id == GuideImage.id)
        )
    )
    for snapshot in session.scalars(select(GuideVersion.snapshot)):
        used.update(s.get("image") for s in json.loads(snapshot).get("steps", []) if s.get("image"))
    unused = [
        row
        for row in session.execute(select(GuideImage.id, GuideImage.sha256)).all()
        if row.sha256 not in used
    ]
    if unused:
        session.execute(delete(GuideImage).where(GuideImage.id.in_([row.id for row in unused])))
    session.flush()
    return len(unused)


def mark_reviewed(
    session: Session, guide_id: int, who: str = "", today: date | None = None
) -> GuideInfo:
    """The owner checked the guide against the HQ system: the next review is due later."""
    guide = _guide(session, guide_id)
    today = today or date.today()
    guide.reviewed_on = today
    guide.review_by = add_months(today, REVIEW_MONTHS)
    session.add(
        GuideVersion(
            guide_id=guide.id,
            version=guide.version,
            who=who,
            summary=tr("reviewed"),
            snapshot=_snapshot(get_guide(session, guide.id)),
        )
    )
    session.flush()
    return _infos(session, [guide])[0]


# --- flags ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlagInfo:
    id: int
    guide_id: int
    guide_title: str
    step_number: int
    comment: str
    who: str
    created_at: datetime
    resolved_at: datetime | None


def flag_step(
    session: Session, guide_id: int, step_number: int, comment: str, who: str = ""
) -> FlagInfo:
    guide = _guide(session, guide_id)
    comment = (comment or "").strip()
    if not comment:
        raise GuideError(tr("Say what is outdated, so the owner can correct it."))
    if not 1 <= step_number <= max(1, len(guide.steps)):
        raise GuideError(tr("This guide has no step {n}.", n=step_number))
    text = guide.steps[step_number - 1].instruction if guide.steps else ""
    flag = GuideFlag(
        guide_id=guide.id, step_number=step_number, step_text=text, comment=comment, who=who
    )
    session.add(flag)
    session.flush()
    return _flag_info(flag, guide.title)


def record_reading(
    session: Session, guide_id: int, reader: str, at: datetime | None = None
) -> bool:
    """`reader` ticked every step of the guide's checklist: recorded at the guide's version
    (once per version). False when there is no reader's name to record it under."""
    reader = " ".join(reader.split())[:40]
    if not reader:
        return False
    guide = _guide(session, guide_id)
    held = session.scalar(
        select(GuideReading.id).where(
            GuideReading.guide_id == guide.id,
            GuideReading.reader == reader,
            GuideReading.version == guide.version,
        )
    )
    if held is None:
        session.add(
            GuideReading(
                guide_id=guide.id, reader=reader, version=guide.version, read_at=at or utcnow()
            )
        )
        session.flush()
    return True


def readings(session: Session, reader: str) -> dict[int, int]:
    """guide id → the newest version `reader` went through with every step ticked."""
    rows = session.execute(
        select(GuideReading.guide_id, func.max(GuideReading.version))
        .where(GuideReading.reader == reader)
        .group_by(GuideReading.guide_id)
    )
    return {guide_id: version for guide_id, version in rows}


def _flag_info(flag: GuideFlag, title: str) -> FlagInfo:
    return FlagInfo(
        flag.id,
        flag.guide_id,
        title,
        flag.step_number,
        flag.comment,
        flag.who,
        flag.created_at,
        flag.resolved_at,
    )


def flags(
    session: Session, *, open_only: bool = True, guide_id: int | None = None
) -> list[FlagInfo]:
    stmt = select(GuideFlag, Guide.title).join(Guide, GuideFlag.guide_id == Guide.id)
    if open_only:
        stmt = stmt.where(GuideFlag.resolved_at.is_(None))
    if guide_id is not None:
        stmt = stmt.where(GuideFlag.guide_id == guide_id)
    rows = list(session.execute(stmt.order_by(GuideFlag.created_at, GuideFlag.id)))
    # Where is each flagged step now? Found again by its text after steps moved.
    texts: dict[int, list[str]] = {}
    for gid, instruction in session.execute(
        select(GuideStep.guide_id, GuideStep.instruction)
        .where(GuideStep.guide_id.in_({f.guide_id for f, _ in rows}))
        .order_by(GuideStep.guide_id, GuideStep.position)
    ):
        texts.setdefault(gid, []).append(instruction)
    found = []
    for f, title in rows:
        info = _flag_info(f, title)
        steps = texts.get(f.guide_id, [])
        if f.step_text and f.step_text in steps:
            info = replace(info, step_number=steps.index(f.step_text) + 1)
        found.append(info)
    return found


def resolve_flag(session: Session, flag_id: int, who: str = "") -> None:
    flag = session.get(GuideFlag, flag_id)
    if flag is None:
        raise GuideError(tr("This note no longer exists."))
    flag.resolved_at = utcnow()
    flag.resolved_by = who
    session.flush()


# --- versions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionInfo:
    version: int
    at: datetime
    who: str
    summary: str
    steps: int


def versions(session: Session, guide_id: int) -> list[VersionInfo]:
    """Every saved state, newest first."""
    return [
        VersionInfo(v.version, v.at, v.who, v.summary, len(json.loads(v.snapshot)["steps"]))
        for v in session.scalars(
            select(GuideVersion)
            .where(GuideVersion.guide_id == guide_id)
            .order_by(GuideVersion.id.desc())
        )
    ]


def restore_version(session: Session, guide_id: int, version: int, who: str = "") -> int:
    """Bring back the guide as it was at `version`, as a new version (nothing is lost)."""
    guide = _guide(session, guide_id)
    row = session.scalar(
        select(GuideVersion)
        .where(GuideVersion.guide_id == guide_id, GuideVersion.version == version)
        .order_by(GuideVersion.id)
        .limit(1)
    )
    if row is None:
        raise GuideError(tr("Version {version} of this guide does not exist.", version=version))
    data = _from_snapshot(row.snapshot)
    data.version = guide.version  # a category renamed since stays the guide's current one
    return save_guide(
        session, guide_id, data, who=who, summary=tr("restored version {v}", v=version)
    )


# --- the guide as a document ------------------------------------------------------------


def guide_doc(session: Session, guide_id: int) -> GuideDoc:
    """The guide with its images, for printing and packs."""
    guide = _guide(session, guide_id)
    data = get_guide(session, guide_id)
    return GuideDoc(
        title=data.title,
        category=data.category,
        owner=data.owner,
        summary=data.summary,
        version=guide.version,
        updated=guide.updated_at,
        reviewed=guide.reviewed_on,
        review_by=guide.review_by,
        is_sample=guide.is_sample,
        steps=tuple(
            StepDoc(
                number=n,
                instruction=s.instruction,
                tip=s.tip,
                tip_kind="warning" if s.tip_kind == "warning" else "tip",
                image=image_bytes(session, s.image) if s.image else None,
                annotations=s.annotations,
            )
            for n, s in enumerate(data.steps, start=1)
        ),
    )


def find_guide(session: Session, key: str) -> int:
    """A guide by id or by exact title (for the command line)."""
    if key.isdigit() and session.get(Guide, int(key)) is not None:
        return int(key)
    found = session.scalars(select(Guide.id).where(Guide.title == key)).all()
    if len(found) == 1:
        return found[0]
    raise GuideError(
        tr(
            "No guide with the id or title “{key}”. See them with: branchdesk guides list",
            key=key,
        )
    )


def snapshot_of(data: GuideData) -> dict[str, Any]:
    return dict(json.loads(_snapshot(data)))


@dataclass(frozen=True)
class StepForSearch:
    guide_id: int
    guide_title: str
    number: int  # 1-based, as the viewer shows it
    instruction: str
    tip: str


def steps_for_search(session: Session) -> list[StepForSearch]:
    """Every step of every guide, with its guide's title (for the knowledge search)."""
    titles = dict(session.execute(select(Guide.id, Guide.title)).all())
    out: list[StepForSearch] = []
    numbers: dict[int, int] = {}
    for gid, instruction, tip in session.execute(
        select(GuideStep.guide_id, GuideStep.instruction, GuideStep.tip).order_by(
            GuideStep.guide_id, GuideStep.position, GuideStep.id
        )
    ):
        numbers[gid] = numbers.get(gid, 0) + 1
        out.append(StepForSearch(gid, titles.get(gid, ""), numbers[gid], instruction, tip or ""))
    return out


def search_stamp(session: Session) -> str:
    """Changes whenever a guide is saved, restored, added or deleted."""
    row = session.execute(
        select(
            select(func.count()).select_from(Guide).scalar_subquery(),
            select(func.max(Guide.id)).scalar_subquery(),
            select(func.max(Guide.updated_at)).scalar_subquery(),
            select(func.total(Guide.version * Guide.id)).scalar_subquery(),
            select(func.count()).select_from(GuideStep).scalar_subquery(),
        )
    ).one()
    return repr(tuple(row))
