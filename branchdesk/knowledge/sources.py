"""What the one search reads of each feature: a cheap stamp that changes with the content, and
the documents themselves, both through the features' public functions.

A document is (ref_id, ref_pos, title, context, body): ref_id is the item's id in its own
feature, ref_pos where to open it (a guide's step number, a script's category id).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from branchdesk.i18n import tr
from branchdesk.knowledge.text import plain_text

Doc = tuple[int, int, str, str, str]

HANDBOOK, SCRIPT, GUIDE, FAQ, AREA, GOOD = "handbook", "script", "guide", "faq", "area", "good"
KINDS = (HANDBOOK, SCRIPT, GUIDE, FAQ, AREA, GOOD)


def kind_label(kind: str) -> str:
    return {
        HANDBOOK: tr("Penalty item"),
        SCRIPT: tr("Reply script"),
        GUIDE: tr("Guide step"),
        FAQ: tr("FAQ"),
        AREA: tr("Area row"),
        GOOD: tr("Good handling"),
    }.get(kind, kind)


def _join(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


# --- the stamps ------------------------------------------------------------------------


def _handbook_stamp(session: Session) -> str:
    from branchdesk.handbook.service import search_stamp

    return search_stamp(session)


def _script_stamp(session: Session) -> str:
    from branchdesk.complaints.service import scripts_stamp

    return scripts_stamp(session)


def _guide_stamp(session: Session) -> str:
    from branchdesk.guides.service import search_stamp

    return search_stamp(session)


def _faq_stamp(session: Session) -> str:
    from branchdesk.knowledge.faq import search_stamp

    # "text2": answers indexed before plain text with < and > was kept whole are rebuilt.
    return "text2 " + search_stamp(session)


def _area_stamp(session: Session) -> str:
    from branchdesk.lookup.tables import areas_stamp

    return areas_stamp(session)


def _good_stamp(session: Session) -> str:
    from branchdesk.qc.good import search_stamp

    return search_stamp(session)


# --- the documents ---------------------------------------------------------------------


def _handbook_docs(session: Session) -> list[Doc]:
    from branchdesk.handbook.service import entries

    return [
        (
            e.id,
            0,
            e.cause,
            e.category,
            _join(
                e.category,
                tr("Fine: {fine}", fine=e.fine) if e.fine else "",
                e.standard,
                e.avoidance,
                e.hq_code,
            ),
        )
        for e in entries(session)
    ]


def _script_docs(session: Session) -> list[Doc]:
    from branchdesk.complaints.service import scripts_for_search

    return [
        (s.id, s.category_id, s.title, s.category, _join(s.category, s.body))
        for s in scripts_for_search(session)
    ]


def _guide_docs(session: Session) -> list[Doc]:
    from branchdesk.guides.service import steps_for_search

    return [
        (
            s.guide_id,
            s.number,
            s.instruction.strip().splitlines()[0][:200] if s.instruction.strip() else s.guide_title,
            tr("{guide} · step {n}", guide=s.guide_title, n=s.number),
            _join(s.guide_title, s.instruction, s.tip),
        )
        for s in steps_for_search(session)
    ]


def _faq_docs(session: Session) -> list[Doc]:
    from branchdesk.knowledge.faq import entries_for_search

    return [
        (e.id, 0, e.question, e.category, _join(plain_text(e.answer), e.category, e.tags))
        for e in entries_for_search(session)
    ]


def _area_docs(session: Session) -> list[Doc]:
    from branchdesk.lookup.tables import areas_for_search

    docs = []
    for a in areas_for_search(session):
        context = a.courier + (f" · {a.segment_code}" if a.segment_code else "")
        body = _join(
            a.source_text, a.courier, a.district, a.town, a.station, a.segment_code, a.note
        )
        docs.append((a.id, a.source_row or 0, a.keyword, context, body))
    return docs


def _good_docs(session: Session) -> list[Doc]:
    from branchdesk.qc.good import good_examples

    return [
        (g.id, g.item_id, g.title or g.text[:40], g.agent_name, _join(g.text, g.note))
        for g in good_examples(session, limit=1_000_000)
    ]


@dataclass(frozen=True)
class Source:
    kind: str
    stamp: Callable[[Session], str]
    docs: Callable[[Session], list[Doc]]


SOURCES: dict[str, Source] = {
    HANDBOOK: Source(HANDBOOK, _handbook_stamp, _handbook_docs),
    SCRIPT: Source(SCRIPT, _script_stamp, _script_docs),
    GUIDE: Source(GUIDE, _guide_stamp, _guide_docs),
    FAQ: Source(FAQ, _faq_stamp, _faq_docs),
    AREA: Source(AREA, _area_stamp, _area_docs),
    GOOD: Source(GOOD, _good_stamp, _good_docs),
}
