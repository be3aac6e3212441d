"""The handbook's import kind and Excel export: one sheet that round-trips unchanged.

An import replaces the handbook: the items it replaces (imported or added by hand) stay in
the DB, inactive, so undoing the import brings them back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from branchdesk.db.base import utcnow
from branchdesk.handbook import service
from branchdesk.handbook.models import PenaltyCategory, PenaltyItem
from branchdesk.i18n import tr
from branchdesk.io.export import ExportKind, register_export, write_table
from branchdesk.io.importing import (
    ImportKind,
    ImportOption,
    Progress,
    Rows,
    register,
    repeated_rows,
)
from branchdesk.io.models import ImportBatch
from branchdesk.io.tabular import CellError, Field, ParsedRow, date_value, required_text
from branchdesk.permissions import Action

CREATE_CATEGORIES = ImportOption(
    key="create_categories",
    label="Create the categories that do not exist yet",
    flag="--create-categories",
)


def _category(value: object) -> str:
    name = required_text(value)
    try:
        return service._clean_name(name)
    except service.HandbookError as exc:
        raise CellError(str(exc)) from None


def _cause(value: object) -> str:
    cause = required_text(value)
    if len(cause) > service.MAX_CAUSE:
        raise CellError(tr("at most {n} characters", n=service.MAX_CAUSE))
    return cause


EXCEL_ERRORS = ("#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!")


def _plain_number(value: float) -> str:
    """A number as typed, never in exponent form: 1000000 → "1000000", 0.5 → "0.5" (a
    float's last-digit noise, 0.30000000000000004, is dropped as Excel shows it)."""
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    return format(Decimal(f"{value:.15g}"), "f")


def _fine(value: object) -> object:
    if isinstance(value, date):
        # Excel turns a range typed as 1-5 into 5 January: the fine is lost in the cell.
        raise CellError(
            tr(
                "a fine is expected, but the cell holds a date (Excel turns 1-5 into a date). "
                "Format the column as text and type the fine again, e.g. 1-5元/票"
            )
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not value > 0:
            raise CellError(tr("a fine above 0 is expected, e.g. 10元/票"))
        # A bare number in the fine column: yuan, as the column header says 处罚金额.
        value = f"{_plain_number(value)}元"
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        raise CellError(tr("the cell holds an Excel error instead of a fine"))
    fine_text = required_text(value)
    try:
        return service.check_fine(fine_text)
    except service.HandbookError as exc:
        raise CellError(str(exc)) from None


def _long_text(value: object) -> str:
    # Multi-line cells keep their line breaks; text_cell would keep them too, but strip ends.
    if value is None:
        return ""
    return service._clean_text(str(value) if not isinstance(value, str) else value)


LABELS = service.ITEM_FIELD_LABELS

HANDBOOK_FIELDS = (
    Field(
        "category",
        LABELS["category"],
        ("分类", "类别", "处罚类别", "类型", "板块", "模块", "环节", "考核类别"),
        required=True,
        parse=_category,
    ),
    Field(
        "cause",
        LABELS["cause"],
        ("违规致因", "违规行为", "违规项目", "处罚项目", "违规内容", "考核项目", "违规事项"),
        required=True,
        parse=_cause,
    ),
    Field(
        "fine",
        LABELS["fine"],
        ("处罚金额", "罚款金额", "处罚标准", "罚款", "处罚", "金额", "考核金额"),
        required=True,
        parse=_fine,
    ),
    Field(
        "standard",
        LABELS["standard"],
        ("操作标准", "标准", "操作规范", "规范要求", "作业标准", "要求"),
        parse=_long_text,
    ),
    Field(
        "avoidance",
        LABELS["avoidance"],
        ("避责方法", "避免方法", "规避方法", "如何避免", "避免措施", "注意事项"),
        parse=_long_text,
    ),
    Field("hq_code", LABELS["hq_code"], ("总部编号", "编号", "条款编号", "规则编号", "代码")),
    Field(
        "effective",
        LABELS["effective"],
        ("生效日期", "生效时间", "执行日期", "实施日期"),
        parse=date_value,
    ),
    Field("updated", LABELS["updated"], ("最后修改", "修改日期", "更新日期"), parse=date_value),
)

EXPORT_HEADERS = [
    "分类",
    "违规致因",
    "处罚金额",
    "操作标准",
    "避责方法",
    "总部编号",
    "生效日期",
    "最后修改",
]


def _check_categories(
    session: Session, rows: list[ParsedRow], options: Mapping[str, bool]
) -> list[tuple[ParsedRow, str | None, str]]:
    if options.get(CREATE_CATEGORIES.key):
        return []
    # A new handbook starts with the default chapters (the writer creates them).
    known = {c.name for c in service.list_categories(session)} or set(service.DEFAULT_CATEGORIES)
    found: list[tuple[ParsedRow, str | None, str]] = []
    for row in rows:
        name = str(row.values["category"])
        if name not in known:
            found.append(
                (
                    row,
                    "category",
                    tr(
                        "there is no category “{name}” yet: correct the name, or choose “Create "
                        "the categories that do not exist yet” (--create-categories). Existing "
                        "categories: {known}",
                        name=name,
                        known="、".join(sorted(known)) or "—",
                    ),
                )
            )
    return found


def _duplicates(rows: Iterable[ParsedRow]) -> list[tuple[ParsedRow, str | None, str]]:
    return repeated_rows(
        rows,
        (
            lambda row: (row.values["category"], row.values["cause"]),
            "cause",
            lambda first: tr("the same cause already appears in row {row}", row=first),
        ),
    )


def _write(session: Session, batch: ImportBatch, rows: Rows, progress: Progress | None) -> int:
    service.ensure_default_categories(session)
    session.execute(
        update(PenaltyItem)
        .where(PenaltyItem.replaced_by_id.is_(None))
        .values(replaced_by_id=batch.id)
    )
    by_name = {c.name: c for c in session.scalars(select(PenaltyCategory))}
    next_position = max((c.position for c in by_name.values()), default=0) + 1
    now = utcnow()
    count = 0
    for n, row in enumerate(rows):
        v = row.values
        name = str(v["category"])
        category = by_name.get(name)
        if category is None:
            category = PenaltyCategory(name=name, position=next_position, batch_id=batch.id)
            next_position += 1
            session.add(category)
            session.flush()
            by_name[name] = category
        updated = v.get("updated")
        item = PenaltyItem(
            category_id=category.id,
            position=n,
            cause=str(v["cause"]),
            standard=str(v.get("standard") or ""),
            avoidance=str(v.get("avoidance") or ""),
            hq_code=v.get("hq_code") or None,
            effective_date=v.get("effective"),
            created_at=now,
            updated_at=now if updated is None else _as_datetime(updated),
            batch_id=batch.id,
            source_row=row.row_no,
        )
        service._apply_fine(item, v["fine"])  # type: ignore[arg-type]
        session.add(item)
        count += 1
        if progress is not None and n % 50 == 0:
            progress(n, len(rows))
    session.flush()
    return count


def _as_datetime(value: object) -> datetime:
    assert isinstance(value, date)
    return value if isinstance(value, datetime) else datetime.combine(value, time())


HANDBOOK_KIND = "handbook"

register(
    ImportKind(
        name=HANDBOOK_KIND,
        label="Penalty handbook",
        fields=HANDBOOK_FIELDS,
        write=_write,
        replaces_table=True,
        rows_check=_duplicates,
        context_check=_check_categories,
        options=(CREATE_CATEGORIES,),
        undo=service.delete_handbook_batch_items,
        required=Action.EDIT_HANDBOOK,
    )
)


def export_handbook(session: Session, path: Path) -> int:
    """Write the active handbook as one styled sheet that imports back unchanged."""
    rows = [
        [
            e.category,
            e.cause,
            e.fine,
            e.standard,
            e.avoidance,
            e.hq_code,
            e.effective.isoformat() if e.effective else None,
            e.updated.date().isoformat() if e.updated else None,
        ]
        for e in service.entries(session)
    ]
    return write_table(path, EXPORT_HEADERS, rows, sheet="处罚手册", wrap=True)


register_export(
    ExportKind(HANDBOOK_KIND, lambda session, path, _mask: export_handbook(session, path))
)
