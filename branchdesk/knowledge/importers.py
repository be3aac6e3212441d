"""FAQ import and export through the shared framework: all or nothing (or --skip-invalid),
undone with its batch; duplicate questions, empty answers and unknown placeholders are row
problems with the file, sheet, row and column."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from branchdesk.complaints.scripts import PLACEHOLDERS
from branchdesk.db.base import utcnow
from branchdesk.i18n import tr
from branchdesk.io.export import ExportKind, register_export, write_table
from branchdesk.io.importing import ImportKind, Options, Progress, Rows, register, repeated_rows
from branchdesk.io.models import ImportBatch
from branchdesk.io.tabular import CellError, Field, ParsedRow, date_value, required_text
from branchdesk.knowledge import faq
from branchdesk.knowledge.models import FaqEntry, FaqVersion
from branchdesk.knowledge.text import fold, plain_text
from branchdesk.permissions import Action, actor

FAQ_KIND = "faq"


def _question(value: object) -> str:
    question = " ".join(required_text(value).split())
    if len(question) > faq.MAX_QUESTION:
        raise CellError(tr("at most {n} characters", n=faq.MAX_QUESTION))
    return question


def _answer(value: object) -> str:
    answer = required_text(value).strip()
    if not plain_text(answer).strip():
        raise CellError(tr("an answer is required: what agents should say or do"))
    unknown = faq.unknown_placeholders(answer)
    if unknown:
        raise CellError(
            tr(
                "{names} cannot be filled; use one of: {known}",
                names="、".join("{" + n + "}" for n in unknown),
                known=" ".join("{" + n + "}" for n in PLACEHOLDERS),
            )
        )
    return answer


def _short(limit: int) -> object:
    def parse(value: object) -> str:
        text = " ".join(str(value).split()) if value is not None else ""
        if len(text) > limit:
            raise CellError(tr("at most {n} characters", n=limit))
        return text

    return parse


FAQ_FIELDS = (
    Field(
        "question",
        "Question asked",  # not "Question": that is the exam key's 题号
        ("问题", "常见问题", "提问", "客户问题", "question"),
        required=True,
        parse=_question,
    ),
    Field(
        "answer",
        "Answer",
        ("答案", "回答", "答复", "解答", "标准答复", "answer"),
        required=True,
        parse=_answer,
    ),
    Field("category", "Category", ("分类", "类别", "category"), parse=_short(faq.MAX_CATEGORY)),  # type: ignore[arg-type]
    Field("tags", "Tags", ("标签", "关键词", "tags"), parse=_short(faq.MAX_TAGS)),  # type: ignore[arg-type]
    Field("owner", "Owner", ("负责人", "维护人", "owner"), parse=_short(40)),  # type: ignore[arg-type]
    Field(
        "review_by",
        "Review by",
        ("复核日期", "复查日期", "到期复核", "review by"),
        parse=date_value,
    ),
)
EXPORT_HEADERS = ("问题", "答案", "分类", "标签", "负责人", "复核日期")


def _duplicates(rows: Iterable[ParsedRow]) -> list[tuple[ParsedRow, str | None, str]]:
    return repeated_rows(
        rows,
        (
            lambda row: fold(str(row.values["question"])),
            "question",
            lambda first: tr("the same question already appears in row {row}", row=first),
        ),
    )


def _against_faq(
    session: Session, rows: list[ParsedRow], _options: Options
) -> list[tuple[ParsedRow, str | None, str]]:
    known = {fold(q) for q in session.scalars(select(FaqEntry.question))}
    return [
        (row, "question", tr("the FAQ already has this question; edit that entry instead"))
        for row in rows
        if fold(str(row.values["question"])) in known
    ]


def _write(session: Session, batch: ImportBatch, rows: Rows, progress: Progress | None) -> int:
    # The import itself passed the owner check (required=…): no audit entry per row.
    who = actor()[:40]
    now = utcnow()
    count = 0
    for row in rows:
        v = row.values
        clean = faq.check_fields(
            faq.FaqFields(
                str(v["question"]),
                str(v["answer"]),
                str(v.get("category") or ""),
                str(v.get("tags") or ""),
                str(v.get("owner") or ""),
                v.get("review_by"),  # type: ignore[arg-type]
            )
        )
        session.add(
            FaqEntry(
                question=clean.question,
                answer=clean.answer,
                category=clean.category,
                tags=clean.tags,
                owner=clean.owner,
                review_by=clean.review_by,
                version=1,
                batch_id=batch.id,
                created_at=now,
                updated_at=now,
                updated_by=who,
            )
        )
        count += 1
    session.flush()
    return count


def _undo(session: Session, batch: ImportBatch) -> None:
    ids = list(session.scalars(select(FaqEntry.id).where(FaqEntry.batch_id == batch.id)))
    if ids:
        session.execute(delete(FaqVersion).where(FaqVersion.faq_id.in_(ids)))
        session.execute(delete(FaqEntry).where(FaqEntry.id.in_(ids)))


register(
    ImportKind(
        name=FAQ_KIND,
        label="FAQ entries",
        fields=FAQ_FIELDS,
        write=_write,
        undo=_undo,
        rows_check=_duplicates,
        context_check=_against_faq,
        required=Action.MANAGE_KNOWLEDGE,
    )
)


def export_faq(session: Session, path: Path) -> int:
    rows = [
        (
            e.question,
            plain_text(e.answer),
            e.category,
            e.tags,
            e.owner,
            e.review_by.isoformat() if e.review_by else "",
        )
        for e in faq.list_entries(session)
    ]
    return write_table(path, EXPORT_HEADERS, rows, sheet="常见问题", wrap=True)


register_export(ExportKind(FAQ_KIND, lambda session, path, _mask: export_faq(session, path)))
