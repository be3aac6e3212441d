"""Has this process written anything since? A counter of committed writes for caches.

A cache built from the database (lookup's area index, the knowledge search's index) must
know when its source may have changed. `WriteCounter` watches every ORM session of the
process: a statement that is not a SELECT, or a flush, marks the session dirty; the commit
of a dirty session bumps `generation`; a rollback forgets the mark. PRAGMA data_version
tells the other processes' writes; this is the in-process half.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session


class WriteCounter:
    """Counts the commits of sessions that wrote; one per cache (its own session key)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.generation = 0
        event.listen(Session, "do_orm_execute", self._note_write)
        event.listen(Session, "after_flush", self._note_flush)
        event.listen(Session, "after_commit", self._bump)
        event.listen(Session, "after_rollback", self._forget)

    def dirty(self, session: Session) -> bool:
        """The session wrote something it has not committed yet."""
        return bool(session.info.get(self.key))

    def _note_write(self, state: ORMExecuteState) -> None:
        if not state.is_select:
            state.session.info[self.key] = True

    def _note_flush(self, session: Session, _context: object) -> None:
        session.info[self.key] = True

    def _bump(self, session: Session) -> None:
        if session.info.pop(self.key, False):
            self.generation += 1

    def _forget(self, session: Session) -> None:
        session.info.pop(self.key, None)
