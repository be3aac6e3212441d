"""Problem-parcel slips (问题件提醒单): read an HQ list of unsigned, missed-scan or overdue
parcels, find each parcel's courier and group the parcels into one slip per courier.

A parcel's courier comes from, in order: the list's own courier column; the branch's
waybill list (the courier recorded for that number); the address, through the lookup
(a tie between couriers is kept as "to check" with every name); else it is unmatched.
The list is validated like every import: a file with bad rows gives problems naming file,
sheet, row and column, and nothing is printed unless the caller skips the invalid rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from branchdesk.complaints.slip_entries import (
    AMBIGUOUS,
    BY_ADDRESS,
    BY_COLUMN,
    BY_WAYBILL,
    KIND_WORDS,
    UNMATCHED,
    CourierSlip,
    SlipLine,
)
from branchdesk.errors import BranchDeskError
from branchdesk.i18n import tr
from branchdesk.io.pdf.pages import missing_note
from branchdesk.io.reader import read_sheet
from branchdesk.io.tabular import Field, ParsedRow, Problem, date_value, prepare

# The waybill list's parsers: the same number and phone normalisation as the import, so a
# number in the HQ list finds the parcel the branch imported.
from branchdesk.lookup.importers import parse_phone, parse_waybill_number
from branchdesk.lookup.service import LookupIndex, lookup, lookup_index, waybill_records
from branchdesk.privacy import require_full_phones

Progress = Callable[[int, int], object]

FIELDS = (
    Field(
        "number",
        "Waybill no.",
        ("运单号", "单号", "快递单号", "运单编号", "面单号", "运单号码", "快件单号"),
        required=True,
        parse=parse_waybill_number,
    ),
    Field(
        "problem",
        "Problem",
        (
            "问题类型",
            "异常类型",
            "原因",
            "问题原因",
            "异常原因",
            "问题件类型",
            "问题描述",
            "异常描述",
            "问题",
            "异常",
            "类型",
        ),
    ),
    Field("courier", "Courier", ("派件员", "业务员", "快递员", "派送员", "派件人", "负责人")),
    Field(
        "address",
        "Address",
        ("收件地址", "地址", "收货地址", "详细地址", "收件人地址", "派送地址"),
    ),
    Field(
        "recipient",
        "Recipient",
        ("收件人", "收件人姓名", "收货人", "客户姓名", "客户", "收方姓名"),
    ),
    Field(
        "phone",
        "Phone",
        ("电话", "收件电话", "收件人电话", "收件人手机", "收货人电话", "手机", "联系电话"),
        parse=parse_phone,
    ),
    Field(
        "date",
        "Date",
        ("日期", "统计日期", "问题日期", "登记日期", "时间", "应签时间", "到件时间"),
        parse=date_value,
    ),
)


@dataclass
class SlipList:
    """An HQ problem list read, checked and matched: the slips and the rows' problems."""

    file: Path
    sheet: str
    slips: list[CourierSlip] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    merged: int = 0  # rows naming a waybill already listed above (merged into one line)
    skipped_blank: int = 0

    @property
    def lines(self) -> list[SlipLine]:
        return [line for slip in self.slips for line in slip.lines]

    @property
    def parcels(self) -> int:
        return sum(len(s.lines) for s in self.slips)

    @property
    def couriers(self) -> int:
        return sum(1 for s in self.slips if s.courier is not None)

    @property
    def unmatched(self) -> int:
        return sum(len(s.lines) for s in self.slips if s.courier is None)

    @property
    def to_check(self) -> int:
        return sum(1 for line in self.lines if line.how == AMBIGUOUS)

    def summary(self) -> str:
        """What was found, for a status line: parcels, couriers, unmatched, to check."""
        if self.to_check:
            return tr(
                "{parcels} parcel(s) for {couriers} courier(s), {unmatched} unmatched, "
                "{checks} to check",
                parcels=self.parcels,
                couriers=self.couriers,
                unmatched=self.unmatched,
                checks=self.to_check,
            )
        return tr(
            "{parcels} parcel(s) for {couriers} courier(s), {unmatched} unmatched",
            parcels=self.parcels,
            couriers=self.couriers,
            unmatched=self.unmatched,
        )


class SlipsRejected(BranchDeskError):
    """The list has invalid rows and the user did not ask to skip them; nothing is printed."""

    def __init__(self, found: SlipList) -> None:
        self.found = found
        count = len(found.problems)
        lines = [str(p) for p in found.problems[:50]]
        text = tr(
            "{file}: {count} problem(s) found, nothing was printed. Correct the file and "
            "print again, or choose to skip the invalid rows.",
            file=found.file.name,
            count=count,
        )
        body = "\n".join(lines)
        if count > len(lines):
            body += "\n" + tr("… and {more} more", more=count - len(lines))
        super().__init__(text + "\n" + body)


@dataclass(frozen=True)
class Parcel:
    """One waybill of the HQ list, before it is matched to a courier."""

    row: int
    waybill: str
    problem: str
    courier: str | None
    address: str | None
    recipient: str | None
    phone: str | None
    date: date | None


def _problem_from_name(*names: str) -> str:
    """A list without a problem column is often named after it: 未签收清单.xlsx → 未签收."""
    for name in names:
        for _kind, words in KIND_WORDS:
            for word in words:
                if word in name and len(word) >= 2:
                    return word
    return ""


def _parcels(rows: Iterable[ParsedRow], default_problem: str) -> tuple[list[Parcel], int]:
    """The valid rows as parcels, one per waybill (a repeated waybill joins its problems)."""
    by_number: dict[str, int] = {}
    parcels: list[Parcel] = []
    merged = 0
    for row in rows:
        v = row.values
        number = str(v["number"])
        problem = str(v.get("problem") or default_problem)
        held = by_number.get(number)
        if held is not None:
            merged += 1
            old = parcels[held]
            problems = [p for p in old.problem.split("；") if p]
            if problem and problem not in problems:
                problems.append(problem)
            parcels[held] = Parcel(
                row=old.row,
                waybill=old.waybill,
                problem="；".join(problems),
                courier=old.courier or _text(v.get("courier")),
                address=old.address or _text(v.get("address")),
                recipient=old.recipient or _text(v.get("recipient")),
                phone=old.phone or _text(v.get("phone")),
                date=old.date or _date(v.get("date")),
            )
            continue
        by_number[number] = len(parcels)
        parcels.append(
            Parcel(
                row=row.row_no,
                waybill=number,
                problem=problem,
                courier=_text(v.get("courier")),
                address=_text(v.get("address")),
                recipient=_text(v.get("recipient")),
                phone=_text(v.get("phone")),
                date=_date(v.get("date")),
            )
        )
    return parcels, merged


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _date(value: object) -> date | None:
    return value if isinstance(value, date) else None


class _Couriers:
    """The branch's couriers by name and employee number, for phones and the courier column."""

    def __init__(self, index: LookupIndex) -> None:
        self.phone: dict[str, str | None] = {}
        self.by_number: dict[str, str] = {}
        # Active couriers last, so their phone wins over a namesake who has left.
        for info in sorted(index.couriers.values(), key=lambda c: c.active):
            self.phone[info.name] = info.phone or self.phone.get(info.name)
            if info.employee_no:
                self.by_number[info.employee_no.upper()] = info.name

    def name_of(self, written: str) -> str:
        """The courier a cell names: his name, or his employee number (工号)."""
        name = "".join(written.split())
        if name in self.phone:
            return name
        return self.by_number.get(name.upper(), name)


def _by_address(
    session: Session, address: str, cache: dict[str, tuple[str | None, str, tuple[str, ...]]]
) -> tuple[str | None, str, tuple[str, ...]]:
    """(courier, how, candidates) for an address, through the lookup."""
    found = cache.get(address)
    if found is not None:
        return found
    result = lookup(session, address)
    hits = result.couriers
    if not hits:
        found = (None, UNMATCHED, ())
    else:
        best = hits[0]
        tied = tuple(dict.fromkeys(h.name for h in hits if h.score == best.score))
        if result.ambiguous or len(tied) > 1:
            found = (best.name, AMBIGUOUS, tied)
        else:
            found = (best.name, BY_ADDRESS, ())
    cache[address] = found
    return found


def match_parcels(
    session: Session, parcels: list[Parcel], progress: Progress | None = None
) -> list[CourierSlip]:
    """Each parcel's courier, then one slip per courier (pinyin order), unmatched last."""
    couriers = _Couriers(lookup_index(session))
    addresses: dict[str, tuple[str | None, str, tuple[str, ...]]] = {}
    lines: list[SlipLine] = []
    total = len(parcels)
    for n, parcel in enumerate(parcels):
        if progress is not None and n % 50 == 0:
            progress(n, total)
        address, recipient, phone = parcel.address, parcel.recipient, parcel.phone
        courier: str | None = None
        how = UNMATCHED
        candidates: tuple[str, ...] = ()
        if parcel.courier:
            courier, how = couriers.name_of(parcel.courier), BY_COLUMN
        known = waybill_records(session, parcel.waybill, 5)
        if known:
            # The branch's own record fills what the HQ list leaves out.
            address = address or next((w.address for w in known if w.address), None)
            recipient = recipient or next((w.recipient for w in known if w.recipient), None)
            phone = phone or next((w.phone for w in known if w.phone), None)
            if courier is None:
                named = next((w.courier for w in known if w.courier), None)
                if named:
                    courier, how = couriers.name_of(named), BY_WAYBILL
        if courier is None and address:
            courier, how, candidates = _by_address(session, address, addresses)
        lines.append(
            SlipLine(
                waybill=parcel.waybill,
                problem=parcel.problem,
                address=address,
                recipient=recipient,
                phone=phone,
                date=parcel.date,
                courier=courier,
                how=how,
                candidates=candidates,
                row=parcel.row,
            )
        )
    if progress is not None:
        progress(total, total)
    return group(lines, couriers.phone)


def _name_key(name: str) -> tuple[list[str], str]:
    # pypinyin takes a moment to import: only when slips are made.
    from pypinyin import lazy_pinyin

    return lazy_pinyin(name), name


def group(lines: Iterable[SlipLine], phones: Mapping[str, str | None]) -> list[CourierSlip]:
    """Lines grouped per courier (list order kept), couriers in pinyin order, unmatched last."""
    by_courier: dict[str | None, list[SlipLine]] = {}
    for line in lines:
        by_courier.setdefault(line.courier, []).append(line)
    names = sorted((n for n in by_courier if n is not None), key=_name_key)
    slips = [CourierSlip(n, phones.get(n), tuple(by_courier[n])) for n in names]
    if None in by_courier:
        slips.append(CourierSlip(None, None, tuple(by_courier[None])))
    return slips


def read_problem_list(
    session: Session,
    path: Path | str,
    *,
    sheet: str | None = None,
    manual: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> SlipList:
    """Read, check and match an HQ problem-parcel list; the slips hold its valid rows.

    Raises FileReadError (file missing, damaged, of another kind) and HeaderNotFound (no
    运单号 column); invalid rows are returned as `problems`, see `require_printable`.
    """
    raw = read_sheet(Path(path), sheet)
    prepared = prepare(raw, FIELDS, manual=manual)
    default = (
        ""
        if "problem" in prepared.mapping.values()
        else _problem_from_name(raw.file.stem, raw.name)
    )
    parcels, merged = _parcels(prepared.rows, default)
    return SlipList(
        file=raw.file,
        sheet=raw.name,
        slips=match_parcels(session, parcels, progress),
        problems=list(prepared.problems),
        merged=merged,
        skipped_blank=prepared.skipped,
    )


def require_printable(found: SlipList, *, skip_invalid: bool = False) -> None:
    """Raise SlipsRejected for invalid rows (unless skipped), BranchDeskError for no parcels."""
    if found.problems and not skip_invalid:
        raise SlipsRejected(found)
    if not found.parcels:
        raise BranchDeskError(
            tr(
                "{file}: there are no parcels to print. Check that it is the HQ's problem "
                "list and that it has waybill numbers.",
                file=found.file.name,
            )
        )


@dataclass(frozen=True)
class PrintedSlips:
    path: Path
    pages: int
    found: SlipList

    def summary(self) -> str:
        done = tr(
            "Wrote {pages} page(s) to {path}: {summary}.",
            pages=self.pages,
            path=self.path,
            summary=self.found.summary(),
        )
        note = missing_note(self.pages)  # a recipient's rare character, printed as □
        return f"{done}\n{note}" if note else done


def render(
    found: SlipList,
    output: Path | str,
    *,
    branch: str = "",
    printed: date | None = None,
    mask: bool = True,
    progress: Progress | None = None,
) -> PrintedSlips:
    """Write the slips of `found` to `output` (A4 PDF)."""
    from branchdesk.complaints.documents.slips import render_slips

    pages = render_slips(
        found.slips,
        output,
        branch=branch,
        printed=printed or date.today(),
        source=found.file.name,
        mask=mask,
        progress=progress,
    )
    return PrintedSlips(Path(output), pages, found)


def print_slips(
    session: Session,
    path: Path | str,
    output: Path | str,
    *,
    sheet: str | None = None,
    skip_invalid: bool = False,
    mask: bool = True,
    branch: str = "",
    printed: date | None = None,
    progress: Progress | None = None,
) -> PrintedSlips:
    """Read `path`, match its parcels and print the slips to `output` (the CLI's path)."""
    if not mask:
        require_full_phones(
            session, tr("Slips printed with full phone numbers from {file}", file=Path(path).name)
        )
    found = read_problem_list(session, path, sheet=sheet)
    require_printable(found, skip_invalid=skip_invalid)
    return render(found, output, branch=branch, printed=printed, mask=mask, progress=progress)
