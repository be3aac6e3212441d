"""Handbook services: categories and items (search, edit, undo support), exams and results.

Every function takes a Session and returns plain dataclasses (entries.py); owner-level changes
pass `permissions.require_owner` so the owner PIN can switch them off in one place.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, joinedload

from branchdesk.db.base import utcnow
from branchdesk.errors import BranchDeskError
from branchdesk.handbook.entries import Chapter, Entry, Exam, Handbook, Question, ResultRow
from branchdesk.handbook.fines import Fine, FineKind, parse_fine
from branchdesk.handbook.models import ExamPaper, ExamResult, PenaltyCategory, PenaltyItem
from branchdesk.i18n import commas, tr
from branchdesk.io.models import ImportBatch
from branchdesk.permissions import Action, require_owner

# The HQ handbook's usual chapters (FACTS.md); the owner adds, renames and reorders them.
DEFAULT_CATEGORIES = ("派件时效节点", "取件流程", "操作", "客服", "中转", "财务", "数据", "投诉")
MAX_CATEGORY = 40
MAX_CAUSE = 200
MAX_FINE = 200


class HandbookError(BranchDeskError):
    """A handbook change was refused; the message says why and what to do."""


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    name: str
    position: int
    items: int  # active items


@dataclass(frozen=True)
class ItemFields:
    """What a user edits of an item; `fine` is the text as written."""

    category: str
    cause: str
    fine: str
    standard: str = ""
    avoidance: str = ""
    hq_code: str | None = None
    effective: date | None = None


EDITABLE = tuple(f.name for f in fields(ItemFields))


# --- fines ------------------------------------------------------------------------------


def check_fine(text: str) -> Fine:
    """The fine read from `text`; raises HandbookError when it is empty or too long.

    A fine of a shape BranchDesk cannot read (按总部通知执行, 10元/票（3天内）) is kept as
    written and flagged: printed as written, left out of fill-in exam questions.
    """
    text = (text or "").strip()
    if not text:
        raise HandbookError(tr("The fine cannot be empty (write e.g. 10元/票 or 计入KPI考核)."))
    if len(text) > MAX_FINE:
        raise HandbookError(tr("The fine is at most {n} characters.", n=MAX_FINE))
    return parse_fine(text)


def _apply_fine(item: PenaltyItem, fine: Fine) -> None:
    item.fine_text = fine.text
    item.fine_kind = str(fine.kind)
    item.fine_fen = fine.amount_fen
    item.fine_max_fen = fine.max_fen
    item.fine_unit = fine.unit
    item.fine_step_fen = fine.step_fen
    item.fine_step_minutes = fine.step_minutes
    item.fine_after_minutes = fine.after_minutes
    item.fine_severe_fen = fine.severe_fen
    item.fine_compensation = fine.compensation
    item.fine_dismissal = fine.dismissal


# --- categories -------------------------------------------------------------------------


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name or "")).strip()
    if not name:
        raise HandbookError(tr("A category needs a name."))
    if len(name) > MAX_CATEGORY:
        raise HandbookError(tr("A category name is at most {n} characters.", n=MAX_CATEGORY))
    return name


def list_categories(session: Session) -> list[CategoryInfo]:
    counts = dict(
        session.execute(
            select(PenaltyItem.category_id, func.count())
            .where(PenaltyItem.replaced_by_id.is_(None))
            .group_by(PenaltyItem.category_id)
        ).all()
    )
    return [
        CategoryInfo(c.id, c.name, c.position, counts.get(c.id, 0))
        for c in session.scalars(
            select(PenaltyCategory).order_by(PenaltyCategory.position, PenaltyCategory.id)
        )
    ]


def ensure_default_categories(session: Session) -> None:
    """A new handbook starts with HQ's usual chapters."""
    if session.scalar(select(func.count()).select_from(PenaltyCategory)):
        return
    for n, name in enumerate(DEFAULT_CATEGORIES):
        session.add(PenaltyCategory(name=name, position=n))
    session.flush()


def category_by_name(session: Session, name: str) -> PenaltyCategory | None:
    return session.scalar(select(PenaltyCategory).where(PenaltyCategory.name == name))


def add_category(session: Session, name: str, *, batch_id: int | None = None) -> CategoryInfo:
    name = _clean_name(name)
    require_owner(Action.EDIT_HANDBOOK, session, tr("Category “{name}” added", name=name))
    if category_by_name(session, name) is not None:
        raise HandbookError(tr("There is already a category named “{name}”.", name=name))
    last = session.scalar(select(func.max(PenaltyCategory.position))) or 0
    category = PenaltyCategory(name=name, position=last + 1, batch_id=batch_id)
    session.add(category)
    session.flush()
    return CategoryInfo(category.id, category.name, category.position, 0)


def rename_category(session: Session, category_id: int, name: str) -> CategoryInfo:
    category = _category(session, category_id)
    require_owner(
        Action.EDIT_HANDBOOK,
        session,
        tr("Category “{old}” renamed “{new}”", old=category.name, new=name.strip()),
    )
    name = _clean_name(name)
    other = category_by_name(session, name)
    if other is not None and other.id != category.id:
        raise HandbookError(tr("There is already a category named “{name}”.", name=name))
    category.name = name
    session.flush()
    return next(c for c in list_categories(session) if c.id == category.id)


def reorder_categories(session: Session, ids: Sequence[int]) -> None:
    """Put the categories in the order of `ids` (those not named keep their order, after)."""
    require_owner(Action.EDIT_HANDBOOK, session, tr("Categories reordered"))
    all_cats = list(
        session.scalars(
            select(PenaltyCategory).order_by(PenaltyCategory.position, PenaltyCategory.id)
        )
    )
    rank = {cid: n for n, cid in enumerate(ids)}
    ordered = sorted(all_cats, key=lambda c: (rank.get(c.id, len(rank)), c.position, c.id))
    for n, c in enumerate(ordered):
        c.position = n
    session.flush()


@dataclass(frozen=True)
class DeletedCategory:
    """A deleted category's row, so undo puts it back with the same id and place."""

    columns: dict[str, Any]


def category_usage(session: Session, category_id: int) -> tuple[int, int]:
    """(active items, old items kept only to undo an import) of a category."""
    rows = dict(
        session.execute(
            select(PenaltyItem.replaced_by_id.is_(None), func.count())
            .where(PenaltyItem.category_id == category_id)
            .group_by(PenaltyItem.replaced_by_id.is_(None))
        ).all()
    )
    return rows.get(True, 0), rows.get(False, 0)


def delete_category(
    session: Session, category_id: int, *, drop_replaced: bool = False
) -> DeletedCategory:
    """Delete an empty category. Old items an import replaced keep it unless `drop_replaced`
    (then undoing that import no longer brings them back)."""
    category = _category(session, category_id)
    require_owner(
        Action.EDIT_HANDBOOK, session, tr("Category “{name}” deleted", name=category.name)
    )
    active, replaced = category_usage(session, category_id)
    if active:
        raise HandbookError(
            tr(
                "“{name}” still holds {count} item(s). Move or delete them first.",
                name=category.name,
                count=active,
            )
        )
    if replaced:
        if not drop_replaced:
            raise HandbookError(
                tr(
                    "“{name}” holds {count} old item(s) kept to undo an import.",
                    name=category.name,
                    count=replaced,
                )
            )
        session.execute(delete(PenaltyItem).where(PenaltyItem.category_id == category_id))
    columns = {c.key: getattr(category, c.key) for c in PenaltyCategory.__table__.columns}
    session.delete(category)
    session.flush()
    return DeletedCategory(columns)


def restore_category(session: Session, deleted: DeletedCategory) -> CategoryInfo:
    columns = dict(deleted.columns)
    require_owner(
        Action.EDIT_HANDBOOK, session, tr("Category “{name}” brought back", name=columns["name"])
    )
    if session.get(PenaltyCategory, columns["id"]) is not None:
        raise HandbookError(tr("The category cannot be brought back: the handbook has changed."))
    if category_by_name(session, columns["name"]) is not None:
        raise HandbookError(tr("There is already a category named “{name}”.", name=columns["name"]))
    if (
        columns.get("batch_id") is not None
        and session.get(ImportBatch, columns["batch_id"]) is None
    ):
        columns["batch_id"] = None
    category = PenaltyCategory(**columns)
    session.add(category)
    session.flush()
    return CategoryInfo(category.id, category.name, category.position, 0)


def _category(session: Session, category_id: int) -> PenaltyCategory:
    category = session.get(PenaltyCategory, category_id)
    if category is None:
        raise HandbookError(tr("This category no longer exists."))
    return category


# --- items ------------------------------------------------------------------------------


def _entry(item: PenaltyItem) -> Entry:
    return Entry(
        id=item.id,
        category=item.category.name,
        cause=item.cause,
        fine=item.fine_text,
        standard=item.standard or "",
        avoidance=item.avoidance or "",
        hq_code=item.hq_code,
        effective=item.effective_date,
        updated=item.updated_at,
        fine_flagged=item.fine_kind == FineKind.TEXT,
    )


def _active_items(session: Session) -> Iterable[PenaltyItem]:
    return session.scalars(
        select(PenaltyItem)
        .join(PenaltyItem.category)
        .options(joinedload(PenaltyItem.category))
        .where(PenaltyItem.replaced_by_id.is_(None))
        .order_by(
            PenaltyCategory.position, PenaltyCategory.id, PenaltyItem.position, PenaltyItem.id
        )
    )


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def entries(
    session: Session,
    query: str = "",
    *,
    category_id: int | None = None,
    categories: Sequence[str] = (),
    ids: Sequence[int] = (),
) -> list[Entry]:
    """Active items in handbook order; `query` words must all appear in some field."""
    terms = [_fold(t) for t in query.split()]
    wanted = set(categories)
    only = set(ids)
    found = []
    for item in _active_items(session):
        if category_id is not None and item.category_id != category_id:
            continue
        if wanted and item.category.name not in wanted:
            continue
        if only and item.id not in only:
            continue
        if terms:
            hay = _fold(
                " ".join(
                    (
                        item.category.name,
                        item.cause,
                        item.fine_text,
                        item.standard or "",
                        item.avoidance or "",
                        item.hq_code or "",
                    )
                )
            )
            if not all(t in hay for t in terms):
                continue
        found.append(_entry(item))
    return found


def _item(session: Session, item_id: int) -> PenaltyItem:
    item = session.get(PenaltyItem, item_id)
    if item is None or item.replaced_by_id is not None:
        raise HandbookError(tr("This handbook item no longer exists."))
    return item


def item_fields(session: Session, item_id: int) -> ItemFields:
    item = _item(session, item_id)
    return ItemFields(
        category=item.category.name,
        cause=item.cause,
        fine=item.fine_text,
        standard=item.standard or "",
        avoidance=item.avoidance or "",
        hq_code=item.hq_code,
        effective=item.effective_date,
    )


def _clean_text(value: str | None) -> str:
    # Keep line breaks (multi-line standards print as written), drop trailing blanks.
    lines = [line.rstrip() for line in (value or "").replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def _set_fields(session: Session, item: PenaltyItem, changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "category" in changes:
        category = category_by_name(session, _clean_name(str(changes["category"])))
        if category is None:
            raise HandbookError(
                tr("There is no category “{name}”. Add it first.", name=changes["category"])
            )
        if item.category_id != category.id:
            item.category = category
            item.position = _next_position(session, category.id)
    if "cause" in changes:
        cause = _clean_text(changes["cause"])
        if not cause:
            raise HandbookError(tr("The cause (违规致因) cannot be empty."))
        if len(cause) > MAX_CAUSE:
            raise HandbookError(tr("The cause is at most {n} characters.", n=MAX_CAUSE))
        item.cause = cause
    if "fine" in changes:
        _apply_fine(item, check_fine(str(changes["fine"] or "")))
    if "standard" in changes:
        item.standard = _clean_text(changes["standard"])
    if "avoidance" in changes:
        item.avoidance = _clean_text(changes["avoidance"])
    if "hq_code" in changes:
        item.hq_code = _clean_text(changes["hq_code"]) or None
    if "effective" in changes:
        value = changes["effective"]
        if value is not None and not isinstance(value, date):
            raise HandbookError(tr("The effective date must be a date such as 2026-01-01."))
        item.effective_date = value


def _next_position(session: Session, category_id: int) -> int:
    last = session.scalar(
        select(func.max(PenaltyItem.position)).where(PenaltyItem.category_id == category_id)
    )
    return (last or 0) + 1


def add_item(session: Session, new: ItemFields) -> Entry:
    require_owner(Action.EDIT_HANDBOOK, session, tr("Item “{cause}” added", cause=new.cause))
    item = PenaltyItem(standard="", avoidance="")
    with session.no_autoflush:  # the item joins the session once its fields are valid
        _set_fields(session, item, {k: getattr(new, k) for k in EDITABLE})
    session.add(item)
    item.created_at = item.updated_at = utcnow()
    session.flush()
    return _entry(item)


# An item's fields as the user sees them: the import's column labels and the audit log's words.
ITEM_FIELD_LABELS = {
    "category": "Category",
    "cause": "Cause",
    "fine": "Fine",
    "standard": "Operating standard",
    "avoidance": "How to avoid it",
    "hq_code": "HQ code",
    "effective": "Effective date",
    "updated": "Last changed",
}


def _field_labels(names: Iterable[str]) -> str:
    """The fields' names as the user sees them (the import's column labels)."""
    return commas(
        tr(ITEM_FIELD_LABELS[name]) if name in ITEM_FIELD_LABELS else name for name in names
    )


def update_item(session: Session, item_id: int, **changes: Any) -> Entry:
    """Change some fields of an item; raises HandbookError with a message on bad values."""
    item = _item(session, item_id)
    require_owner(
        Action.EDIT_HANDBOOK,
        session,
        tr("Item “{cause}” changed: {fields}", cause=item.cause, fields=_field_labels(changes)),
    )
    _set_fields(session, item, changes)
    item.updated_at = utcnow()
    session.flush()
    return _entry(item)


@dataclass(frozen=True)
class DeletedItem:
    """Everything of a deleted item, so undo puts it back exactly (same id and position)."""

    columns: dict[str, Any]


def delete_item(session: Session, item_id: int) -> DeletedItem:
    item = _item(session, item_id)
    require_owner(Action.EDIT_HANDBOOK, session, tr("Item “{cause}” deleted", cause=item.cause))
    columns = {c.key: getattr(item, c.key) for c in PenaltyItem.__table__.columns}
    session.delete(item)
    session.flush()
    return DeletedItem(columns)


def restore_item(session: Session, deleted: DeletedItem) -> Entry:
    require_owner(
        Action.EDIT_HANDBOOK,
        session,
        tr("Item “{cause}” brought back", cause=deleted.columns.get("cause", "")),
    )
    if session.get(PenaltyItem, deleted.columns["id"]) is not None:
        # The id went to a newer item (an import since): the snapshot is out of date.
        raise HandbookError(tr("The item cannot be brought back: the handbook has changed."))
    if session.get(PenaltyCategory, deleted.columns["category_id"]) is None:
        raise HandbookError(tr("The item's category no longer exists; add it again first."))
    if deleted.columns.get("batch_id") is not None:
        batch = session.get(ImportBatch, deleted.columns["batch_id"])
        if batch is None or batch.undone_at is not None:
            deleted = DeletedItem({**deleted.columns, "batch_id": None})
    item = PenaltyItem(**deleted.columns)
    session.add(item)
    session.flush()
    return _entry(item)


def move_item(session: Session, item_id: int, offset: int) -> Entry:
    """Move an item up (offset < 0) or down within its category."""
    item = _item(session, item_id)
    require_owner(Action.EDIT_HANDBOOK, session, tr("Item “{cause}” moved", cause=item.cause))
    siblings = [i for i in _active_items(session) if i.category_id == item.category_id]
    index = next(n for n, i in enumerate(siblings) if i.id == item.id)
    target = max(0, min(len(siblings) - 1, index + offset))
    siblings.insert(target, siblings.pop(index))
    for n, i in enumerate(siblings):
        i.position = n
    session.flush()
    return _entry(item)


# --- the handbook as a whole ------------------------------------------------------------


def is_sample(session: Session) -> bool:
    """Whether the active handbook is (partly) the built-in example."""
    return (
        session.scalar(
            select(PenaltyItem.id)
            .join(ImportBatch, PenaltyItem.batch_id == ImportBatch.id)
            .where(PenaltyItem.replaced_by_id.is_(None), ImportBatch.is_sample.is_(True))
            .limit(1)
        )
        is not None
    )


def last_changed(session: Session) -> datetime | None:
    return session.scalar(
        select(func.max(PenaltyItem.updated_at)).where(PenaltyItem.replaced_by_id.is_(None))
    )


def chapters(items: Sequence[Entry], order: Sequence[str]) -> tuple[Chapter, ...]:
    by_category: dict[str, list[Entry]] = {}
    for entry in items:
        by_category.setdefault(entry.category, []).append(entry)
    return tuple(Chapter(name, tuple(by_category[name])) for name in order if name in by_category)


def _known_categories(session: Session, wanted: Sequence[str]) -> list[str]:
    """Every category name, in order; raises HandbookError naming any of `wanted` not there."""
    names = [c.name for c in list_categories(session)]
    unknown = [c for c in wanted if c not in names]
    if unknown:
        raise HandbookError(
            tr(
                "No category named {names}. The categories are: {known}",
                names="、".join(unknown),
                known="、".join(names),
            )
        )
    return names


def handbook(
    session: Session,
    *,
    branch: str = "",
    categories: Sequence[str] = (),
    ids: Sequence[int] = (),
    printed: date | None = None,
) -> Handbook:
    """The handbook (or the chosen categories / items of it) ready to print."""
    names = _known_categories(session, categories)
    found = entries(session, categories=categories, ids=ids)
    if not found:
        raise HandbookError(
            tr("There are no handbook items to print. Add items or import the HQ handbook first.")
        )
    changed = last_changed(session)
    return Handbook(
        branch=branch,
        version=(changed or utcnow()).date().isoformat(),
        printed=printed or date.today(),
        chapters=chapters(found, names),
        is_sample=is_sample(session),
    )


# --- exams and results ------------------------------------------------------------------


def make_exam(
    session: Session,
    count: int,
    seed: int,
    *,
    categories: Sequence[str] = (),
    title: str | None = None,
) -> Exam:
    from branchdesk.handbook import exam

    _known_categories(session, categories)
    if count < 1 or count > 200:
        raise HandbookError(tr("An exam has between 1 and 200 questions."))
    try:
        # All items go in: choice questions draw wrong options from other categories too.
        return exam.make_exam(
            entries(session),
            count,
            seed,
            categories=tuple(categories),
            title=title,
        )
    except ValueError as exc:
        raise HandbookError(str(exc)) from exc


MAX_SEED = 999999


def record_paper(session: Session, paper: Exam) -> int:
    """Keep a printed paper (once per paper number) so it can be reprinted exactly."""
    known = session.scalar(select(ExamPaper.id).where(ExamPaper.seed == paper.seed).limit(1))
    if known is not None:
        return known
    row = ExamPaper(
        title=paper.title,
        seed=paper.seed,
        question_count=len(paper.questions),
        categories=json.dumps(list(paper.categories), ensure_ascii=False),
        points=paper.points,
        questions=json.dumps([asdict(q) for q in paper.questions], ensure_ascii=False),
    )
    session.add(row)
    session.flush()
    return row.id


def recorded_paper(session: Session, seed: int) -> tuple[Exam, datetime] | None:
    """The paper printed under number `seed`, as it was printed, and when."""
    row = session.scalar(
        select(ExamPaper).where(ExamPaper.seed == seed).order_by(ExamPaper.id).limit(1)
    )
    if row is None:
        return None
    questions = []
    for q in json.loads(row.questions or "[]"):
        q["options"] = tuple(q.get("options") or ())
        questions.append(Question(**q))
    exam = Exam(
        title=row.title,
        seed=row.seed,
        categories=tuple(json.loads(row.categories or "[]")),
        questions=tuple(questions),
        points=row.points,
    )
    return exam, row.created_at


def new_paper_seed(session: Session) -> int:
    """A paper number not used by any recorded paper."""
    rng = random.SystemRandom()
    while True:
        seed = rng.randint(1000, MAX_SEED)
        if session.scalar(select(ExamPaper.id).where(ExamPaper.seed == seed)) is None:
            return seed


def save_result(
    session: Session, result: ResultRow, details: Sequence[dict[str, Any]] = ()
) -> ResultRow:
    employee = re.sub(r"\s+", " ", result.employee or "").strip()
    if not employee:
        raise HandbookError(tr("Enter the employee's name so the result can be saved."))
    if len(employee) > 40:
        raise HandbookError(tr("The name is at most 40 characters."))
    result = replace(result, employee=employee)
    session.add(
        ExamResult(
            employee=result.employee,
            taken_at=result.taken_at,
            mode=result.mode,
            score=result.score,
            total=result.total,
            seed=result.seed,
            categories=json.dumps(list(result.categories), ensure_ascii=False),
            details=json.dumps(list(details), ensure_ascii=False, default=str),
        )
    )
    session.flush()
    return result


def results(session: Session, employee: str | None = None) -> list[ResultRow]:
    """Saved results, newest first (one employee's, or everyone's)."""
    query = select(ExamResult).order_by(ExamResult.taken_at.desc(), ExamResult.id.desc())
    if employee:
        query = query.where(ExamResult.employee == employee)
    return [
        ResultRow(
            employee=r.employee,
            taken_at=r.taken_at,
            mode=r.mode,
            score=r.score,
            total=r.total,
            seed=r.seed,
            categories=tuple(json.loads(r.categories or "[]")),
        )
        for r in session.scalars(query)
    ]


def employees(session: Session) -> list[str]:
    """Everyone who has a saved result, plus the branch's couriers, for the name chooser."""
    from branchdesk.lookup.couriers import active_courier_names

    names = set(session.scalars(select(ExamResult.employee).distinct()))
    names.update(active_courier_names(session))
    return sorted(names)


def delete_handbook_batch_items(session: Session, batch: ImportBatch) -> None:
    """Undo of a handbook import: its items go, the items it replaced come back."""
    session.execute(delete(PenaltyItem).where(PenaltyItem.batch_id == batch.id))
    for item in session.scalars(select(PenaltyItem).where(PenaltyItem.replaced_by_id == batch.id)):
        item.replaced_by_id = batch.replaced_by_id
    for category in session.scalars(
        select(PenaltyCategory).where(PenaltyCategory.batch_id == batch.id)
    ):
        if not session.scalar(
            select(func.count())
            .select_from(PenaltyItem)
            .where(PenaltyItem.category_id == category.id)
        ):
            session.delete(category)
    session.flush()


def search_stamp(session: Session) -> str:
    """Changes whenever an active item or a category is added, changed or removed (the
    knowledge search rebuilds its handbook documents when it does)."""
    row = session.execute(
        select(
            select(func.count())
            .select_from(PenaltyItem)
            .where(PenaltyItem.replaced_by_id.is_(None))
            .scalar_subquery(),
            select(func.max(PenaltyItem.id)).scalar_subquery(),
            select(func.max(PenaltyItem.updated_at)).scalar_subquery(),
            select(
                func.total(func.length(PenaltyCategory.name) * PenaltyCategory.id)
            ).scalar_subquery(),
        )
    ).one()
    return repr(tuple(row))
