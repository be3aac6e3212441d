"""The import pipeline every importer shares: read, validate all rows, then write in one batch.

A kind (areas, routes, waybills, later handbook and complaints) declares its fields, an
optional cross-field row check and a writer. Nothing is written unless every row is valid,
or the caller asked to skip invalid rows; then the skipped rows are kept in the batch record.

A file is streamed, never held whole: the first pass reads and parses every row and keeps
only the problems (and what a cross-row check needs, such as the waybill numbers seen);
the second pass, in the same transaction as the write, reads and parses the file again and
hands the writer the valid rows one by one. Kinds that check rows against the database
(handbook, complaints: small tables) keep their parsed rows between the passes, and so does
any sheet of at most STREAM_ABOVE_ROWS rows (about 200 MB of parsed rows at most: parsing
once is faster, and such a sheet fits any office PC).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.models import ImportBatch
from branchdesk.io.reader import RawSheet, Sheet, open_sheet
from branchdesk.io.tabular import (
    Field,
    ParsedRow,
    Prepared,
    Problem,
    RowCheck,
    RowReader,
    column_label,
)
from branchdesk.permissions import Action, require_owner

Progress = Callable[[int, int], None]
STREAM_ABOVE_ROWS = 200_000


# A "this row repeats an earlier one" check: the row's key (None or "": nothing to compare),
# the column to name, and the message given the row number where the key first appeared.
Repeat = tuple[Callable[[ParsedRow], object], str, Callable[[int], str]]


def repeated_rows(
    rows: Iterable[ParsedRow], *checks: Repeat
) -> list[tuple[ParsedRow, str | None, str]]:
    """The rows of one file that repeat an earlier row (an import kind's `rows_check`): each
    is reported once, for the first check whose key was seen before; only rows that repeat
    nothing count as the first of their keys. Reads `rows` once."""
    seen: list[dict[object, int]] = [{} for _ in checks]
    found: list[tuple[ParsedRow, str | None, str]] = []
    for row in rows:
        keys = [key(row) for key, _column, _says in checks]
        for (_key, column, says), key, first in zip(checks, keys, seen, strict=True):
            if key not in (None, "") and key in first:
                found.append((row, column, says(first[key])))
                break
        else:
            for key, first in zip(keys, seen, strict=True):
                if key not in (None, ""):
                    first[key] = row.row_no
    return found


class Rows:
    """The valid rows a writer gets: a list, or the file parsed again row by row; either way
    iterable once in order, with their number known (`len`)."""

    def __init__(self, rows: Iterable[ParsedRow], count: int) -> None:
        self._rows = rows
        self._count = count

    def __iter__(self) -> Iterator[ParsedRow]:
        return iter(self._rows)

    def __len__(self) -> int:
        return self._count


# A writer returns the number of records written, or that and notes for the user (e.g.
# "3 work orders merged into open complaints on the same waybill").
Writer = Callable[[Session, ImportBatch, Rows, Progress | None], "int | tuple[int, list[str]]"]
Options = Mapping[str, bool]
# Checks against what the DB already holds (e.g. the handbook's categories): gets the valid
# rows and the user's options, returns (row, field key, message) for each row to reject.
ContextCheck = Callable[
    [Session, list[ParsedRow], Options], list[tuple[ParsedRow, str | None, str]]
]


@dataclass(frozen=True)
class ImportOption:
    """A yes/no choice a kind offers (a checkbox in the dialog, a flag on the command line)."""

    key: str
    label: str  # English source; the UI translates it
    flag: str  # command-line flag, e.g. --create-categories


@dataclass(frozen=True)
class ImportKind:
    name: str  # areas | routes | times | waybills …
    label: str  # English source; the UI translates it
    fields: Sequence[Field]
    write: Writer
    # Undo of one batch: removes what it wrote (the shared undo then reactivates the table
    # it replaced and marks the batch undone).
    undo: Callable[[Session, ImportBatch], None]
    row_check: RowCheck | None = None
    # True: a new import replaces the whole table (the old batch stays, inactive, for undo).
    replaces_table: bool = False
    # Called after validation with all valid rows, for checks across rows (duplicates): it
    # gets them as they are parsed (an iterable to go through once), keeps what it needs.
    rows_check: Callable[[Iterable[ParsedRow]], list[tuple[ParsedRow, str | None, str]]] | None = (
        None
    )
    context_check: ContextCheck | None = None
    options: tuple[ImportOption, ...] = ()
    # An owner-level import (it replaces the handbook) passes the permission check first.
    required: Action | None = None
    # A kind whose tables come in more than one layout reads the file itself: every sheet
    # (or the one named), each laid out as a plain table, and notes for the report (a sheet
    # skipped). Without it, the one sheet is read as it is.
    read: Callable[[Path, str | None], tuple[list[RawSheet], list[str]]] | None = None


KINDS: dict[str, ImportKind] = {}
# Imports the modules that register kinds, once, on first use (set by branchdesk.features:
# the importers pull in openpyxl and friends, which a lookup never needs).
_loader: Callable[[], None] | None = None


def register(kind: ImportKind) -> ImportKind:
    KINDS[kind.name] = kind
    return kind


def set_loader(loader: Callable[[], None] | None) -> None:
    global _loader
    _loader = loader


def _load() -> None:
    global _loader
    if _loader is not None:
        loader, _loader = _loader, None
        loader()


def get_kind(name: str) -> ImportKind:
    _load()
    if not KINDS:
        raise RuntimeError("no import kinds registered: call branchdesk.features.install() first")
    try:
        return KINDS[name]
    except KeyError:
        raise BranchDeskError(
            tr(
                "Unknown import kind '{name}'. Choose one of: {kinds}",
                name=name,
                kinds=", ".join(sorted(KINDS)),
            )
        ) from None


def kinds() -> dict[str, ImportKind]:
    """The registered kinds (the features register theirs: see branchdesk.features)."""
    _load()
    return KINDS


class ImportRejected(BranchDeskError):
    """The file has invalid rows and the user did not ask to skip them; nothing was written."""

    def __init__(self, prepared: Prepared) -> None:
        self.prepared = prepared
        count = len(prepared.problems)
        lines = [str(p) for p in prepared.problems[:50]]
        more = count - len(lines)
        text = tr(
            "{file}: {count} problem(s) found, nothing was imported. Correct the file and "
            "import again, or choose to skip the invalid rows.",
            file=prepared.file.name,
            count=count,
        )
        body = "\n".join(lines)
        if more > 0:
            body += "\n" + tr("… and {more} more", more=more)
        super().__init__(text + "\n" + body)


@dataclass
class ImportReport:
    kind: str
    file: Path
    sheet: str
    batch_id: int | None  # None on a dry run
    rows_ok: int
    problems: list[Problem] = field(default_factory=list)
    skipped_blank: int = 0
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # rows imported, read in part

    def summary(self) -> str:
        if self.dry_run:
            return tr(
                "{file}: {ok} valid row(s), {bad} invalid; nothing written (dry run).",
                file=self.file.name,
                ok=self.rows_ok,
                bad=len(self.problems),
            )
        text = tr(
            "{file}: imported {ok} row(s), skipped {bad} invalid row(s).",
            file=self.file.name,
            ok=self.rows_ok,
            bad=len(self.problems),
        )
        lines = [text, *self.notes]
        if self.warnings:
            lines.append(tr("{count} row(s) were read only in part:", count=len(self.warnings)))
            lines.extend("  " + str(w) for w in self.warnings[:50])
        return "\n".join(lines)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def validate(
    raw: Sheet,
    kind: ImportKind,
    manual: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    *,
    session: Session | None = None,
    options: Options | None = None,
) -> Prepared:
    """Parse and check every row; invalid rows become problems.

    The valid rows stay in `rows`, in order, when `raw` is a sheet in memory or the kind
    checks rows against the DB; a streamed sheet of another kind keeps only their count
    (`valid`) and is parsed again when it is written. With a session, a kind's context check
    also runs (rows that clash with the DB).
    """
    reader = RowReader(raw, kind.fields, manual=manual, row_check=kind.row_check)
    prepared = reader.new_result()
    prepared.reader = reader
    rows = reader.rows(prepared, progress)
    found: list[tuple[ParsedRow, str | None, str]] = []
    keep = (
        isinstance(raw, RawSheet)
        or kind.context_check is not None
        or raw.row_hint <= STREAM_ABOVE_ROWS
    )
    if keep:
        prepared.rows.extend(rows)
        if kind.rows_check is not None and prepared.rows:
            found.extend(kind.rows_check(prepared.rows))
        if kind.context_check is not None and session is not None and prepared.rows:
            found.extend(kind.context_check(session, prepared.rows, options or {}))
    elif kind.rows_check is not None:
        found.extend(kind.rows_check(rows))
        for _row in rows:  # a check that stopped early: the rest is still validated
            pass
    else:
        for _row in rows:
            pass
    if found:
        _reject(prepared, found)
    return prepared


def read_for(
    kind: ImportKind, path: Path, sheet: str | None = None
) -> tuple[list[Sheet], list[str]]:
    """The sheets `kind` imports from `path` (its own reader, or the one sheet) and notes."""
    if kind.read is not None:
        raws, notes = kind.read(Path(path), sheet)
        return list(raws), notes
    return [open_sheet(path, sheet)], []


def validate_sheets(
    raws: Sequence[Sheet],
    kind: ImportKind,
    manual: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    *,
    session: Session | None = None,
    options: Options | None = None,
    notes: Sequence[str] = (),
) -> Prepared:
    """`validate` over several sheets of one file, as one import (rows and problems of all)."""
    if len(raws) == 1:
        prepared = validate(raws[0], kind, manual, progress, session=session, options=options)
        prepared.notes = [*notes, *prepared.notes]
        return prepared
    parts = [validate(raw, kind, manual, None, session=session, options=options) for raw in raws]
    first = parts[0]
    merged = replace(
        first,
        sheet="、".join(p.sheet for p in parts),
        rows=[r for p in parts for r in p.rows],
        problems=[x for p in parts for x in p.problems],
        warnings=[x for p in parts for x in p.warnings],
        skipped=sum(p.skipped for p in parts),
        total=sum(p.total for p in parts),
        filled=sum(p.filled for p in parts),
        valid=sum(p.valid for p in parts),
        reader=None,  # several sheets are read into memory: their rows are kept
        notes=[*notes, *(n for p in parts for n in p.notes)],
    )
    if progress is not None:
        progress(merged.total, merged.total)
    return merged


def _reject(prepared: Prepared, found: list[tuple[ParsedRow, str | None, str]]) -> None:
    """Turn rows found by a check into problems naming their cell, and drop them."""
    headers = {key: col for col, key in prepared.mapping.items()}
    for row, key, message in found:
        col = headers.get(key) if key else None
        column = column_label(col, prepared.headers[col]) if col is not None else None
        prepared.problems.append(
            Problem(
                file=prepared.file.name,
                sheet=prepared.sheet,
                row=row.row_no,
                column=column,
                value=row.raw.get(key) if key else None,
                message=message,
            )
        )
    bad = {row.row_no for row, _, _ in found}
    prepared.rows = [r for r in prepared.rows if r.row_no not in bad]
    prepared.valid -= len(bad)
    prepared.problems.sort(key=lambda p: p.row or 0)


def _recheck(session: Session, kind: ImportKind, prepared: Prepared, options: Options) -> Prepared:
    """Run the context check again at write time, on a copy (the dialog keeps its result)."""
    assert kind.context_check is not None
    clashes = kind.context_check(session, prepared.rows, options)
    if clashes:
        prepared = replace(prepared, rows=list(prepared.rows), problems=list(prepared.problems))
        _reject(prepared, clashes)
    return prepared


def run_import(
    session: Session,
    path: Path,
    kind_name: str,
    *,
    sheet: str | None = None,
    manual: Mapping[str, str] | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    prepared: Prepared | None = None,
    created_by: str | None = None,
    is_sample: bool = False,
    options: Options | None = None,
) -> ImportReport:
    """Import `path` as `kind_name` inside `session`'s transaction (the caller commits).

    Raises ImportRejected when rows are invalid and skip_invalid is False; progress may raise
    ImportCancelled, and the caller's rollback then leaves the DB as it was.
    """
    kind = get_kind(kind_name)
    if kind.required is not None and not dry_run:
        require_owner(
            kind.required,
            session,
            tr("Import of {what} from {file}", what=tr(kind.label), file=Path(path).name),
        )
    path = Path(path)
    if prepared is None:
        raws, notes = read_for(kind, path, sheet)
        prepared = validate_sheets(
            raws, kind, manual, progress, session=session, options=options, notes=notes
        )
    elif kind.context_check is not None and prepared.rows:
        # The DB may have changed since the dialog validated (another window, a second import).
        prepared = _recheck(session, kind, prepared, options or {})
    if prepared.problems and not skip_invalid and not dry_run:
        raise ImportRejected(prepared)
    report = ImportReport(
        kind=kind.name,
        file=path,
        sheet=prepared.sheet,
        batch_id=None,
        rows_ok=prepared.valid,
        problems=list(prepared.problems),
        skipped_blank=prepared.skipped,
        dry_run=dry_run,
        notes=list(prepared.notes),
        warnings=list(prepared.warnings),
    )
    if prepared.filled:
        report.notes.append(
            tr(
                "{count} blank cell(s) in a grouping column taken as “same as above” "
                "(as merged cells leave them)",
                count=prepared.filled,
            )
        )
    if dry_run:
        return report
    if not prepared.valid:
        raise BranchDeskError(tr("{file}: no valid rows to import.", file=path.name))
    batch = ImportBatch(
        kind=kind.name,
        file_name=path.name,
        sheet=prepared.sheet or None,
        sha256=sha256_of(path) if path.exists() else None,
        rows_ok=prepared.valid,
        rows_skipped=len(prepared.problems),
        skipped_report=json.dumps([str(p) for p in prepared.problems], ensure_ascii=False)
        if prepared.problems
        else None,
        created_by=created_by,
        is_sample=is_sample,
    )
    session.add(batch)
    session.flush()
    if kind.replaces_table:
        previous = session.scalars(
            select(ImportBatch).where(
                ImportBatch.kind == kind.name,
                ImportBatch.id != batch.id,
                ImportBatch.undone_at.is_(None),
                ImportBatch.replaced_by_id.is_(None),
            )
        ).all()
        for old in previous:
            old.replaced_by_id = batch.id
    written = kind.write(session, batch, _valid_rows(prepared), progress)
    if isinstance(written, tuple):
        report.notes.extend(written[1])
    report.batch_id = batch.id
    return report


def _valid_rows(prepared: Prepared) -> Rows:
    """The rows to write: kept from validation, or the file parsed again without the rows
    found invalid (a file changed in between fails here instead of writing other rows)."""
    if prepared.rows or prepared.reader is None or isinstance(prepared.reader.raw, RawSheet):
        return Rows(prepared.rows, len(prepared.rows))
    reader = prepared.reader
    invalid = frozenset(p.row for p in prepared.problems if p.row is not None)

    def again() -> Iterator[ParsedRow]:
        check = reader.new_result()
        count = 0
        for row in reader.rows(check, skip=invalid):
            count += 1
            yield row
        if check.problems or count != prepared.valid:
            raise BranchDeskError(
                tr(
                    "{file} changed while it was being imported. Nothing was imported; "
                    "import it again.",
                    file=prepared.file.name,
                )
            )

    return Rows(again(), prepared.valid)
