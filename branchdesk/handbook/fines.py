"""Penalty-handbook fines (处罚金额): parse the hand-written text into a structure, compare answers.

HQ writes fines by hand in Excel ("10元/票", "赔偿+10元", "100-200元；严重者500元并辞退",
"计入KPI考核" …). `parse_fine` turns the shapes we know into a `Fine` and keeps anything else
as text with `flagged` set, so nothing is ever lost: the original text always travels along.

How the shapes map onto the fields:

* FIXED / RANGE: `amount_fen` (the low end of a range) and `max_fen`; `unit` is 票/次/单/件 ….
* COMPENSATION: compensation (赔偿, 全额赔偿, 照价赔偿, 补运费 …) plus an optional fixed or ranged
  fine in `amount_fen` / `max_fen`.
* ESCALATING: the first fine in `amount_fen`, then `step_fen` every `step_minutes`, starting
  after `after_minutes` (None: from the deadline itself).
* DISMISSAL: dismissal is the ordinary outcome ("500元并辞退", "辞退"); an amount that comes with
  it is in `amount_fen` (and `max_fen` for a range).
* A severe-case clause (严重者 / 情节严重 …) never sets the kind: its amount goes to `severe_fen`
  and its dismissal to `dismissal`. So "100-200元；严重者500元并辞退" is RANGE 100–200 with
  severe_fen 500 and dismissal set, and "严重者500元并辞退" on its own is DISMISSAL with no
  `amount_fen` and severe_fen 500. On a kind other than DISMISSAL, `dismissal` therefore means
  "dismissal in severe cases".
* KPI: counted in an assessment, no fixed fine. A KPI remark next to an amount
  ("10元/票，计入考核") does not change the kind; it stays in `text`.
* TEXT: anything else, including contradictions ("不罚款，10元") and amounts above
  10,000,000 yuan; `flagged` is true.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from branchdesk.i18n import tr


class FineKind(StrEnum):
    FIXED = "fixed"
    RANGE = "range"
    COMPENSATION = "compensation"
    ESCALATING = "escalating"
    DISMISSAL = "dismissal"
    KPI = "kpi"
    TEXT = "text"


@dataclass(frozen=True)
class Fine:
    """A parsed fine; `text` is the original, stripped. See the module docstring for the shapes."""

    kind: FineKind
    text: str
    amount_fen: int | None = None  # fixed amount, or the low end of a range
    max_fen: int | None = None  # high end of a range
    unit: str | None = None  # 票 / 次 / 单 / 件 … (None when not given)
    step_fen: int | None = None  # escalating: each step adds this much
    step_minutes: int | None = None  # escalating: every N minutes
    after_minutes: int | None = None  # escalating: starts after N minutes (60 for 超1小时)
    compensation: bool = False  # plus compensation / full liability / make up freight
    dismissal: bool = False  # dismissal; severe cases only unless kind is DISMISSAL
    severe_fen: int | None = None  # the fine in the severe case (严重者…)

    @property
    def flagged(self) -> bool:
        """The shape is not known: the fine is only text and someone should look at it."""
        return self.kind is FineKind.TEXT

    def money(self) -> tuple[int, ...]:
        """Every money amount the fine names, in fen, in reading order (for answer checks)."""
        found = [self.amount_fen, self.max_fen, self.step_fen, self.severe_fen]
        return tuple(a for a in found if a is not None)

    def describe(self) -> str:
        """A short canonical description in the current language, e.g. "10 yuan per 票"."""
        if self.kind is FineKind.TEXT:
            return self.text
        if self.kind is FineKind.KPI:
            return tr("counted in KPI, no fixed fine")
        base = _money_phrase(self.amount_fen, self.max_fen, self.unit)
        severe_dismissal = self.dismissal and self.kind is not FineKind.DISMISSAL
        if self.kind is FineKind.ESCALATING:
            step = _yuan(self.step_fen or 0)
            if self.after_minutes:
                base = tr(
                    "{fine}, then {step} yuan more every {minutes} minutes after the first "
                    "{after} minutes",
                    fine=base,
                    step=step,
                    minutes=self.step_minutes,
                    after=self.after_minutes,
                )
            else:
                base = tr(
                    "{fine}, then {step} yuan more every {minutes} minutes",
                    fine=base,
                    step=step,
                    minutes=self.step_minutes,
                )
        elif self.kind is FineKind.COMPENSATION:
            base = tr("compensation plus {fine}", fine=base) if base else tr("compensation")
        elif self.kind is FineKind.DISMISSAL:
            if base:
                base = tr("{fine} and dismissal", fine=base)
            elif self.severe_fen is None:
                base = tr("dismissal")
        if self.compensation and self.kind is not FineKind.COMPENSATION:
            base = tr("{fine}, plus compensation", fine=base)
        severe = ""
        if self.severe_fen is not None:
            amount = tr("{amount} yuan", amount=_yuan(self.severe_fen))
            with_dismissal = severe_dismissal or (
                self.kind is FineKind.DISMISSAL and self.amount_fen is None
            )
            severe = tr("{fine} and dismissal", fine=amount) if with_dismissal else amount
        elif severe_dismissal:
            severe = tr("dismissal")
        if not severe:
            return base
        if not base:
            return tr("severe cases: {fine}", fine=severe)
        return tr("{fine}; severe cases: {severe}", fine=base, severe=severe)


def _yuan(fen: int) -> str:
    """Fen as yuan without needless decimals: 1000 → "10", 50 → "0.5", 1234 → "12.34"."""
    yuan, cents = divmod(fen, 100)
    if not cents:
        return str(yuan)
    return f"{yuan}.{cents:02d}".rstrip("0")


def _money_phrase(low: int | None, high: int | None, unit: str | None) -> str:
    if low is None:
        return ""
    amount = _yuan(low) if high is None else f"{_yuan(low)}–{_yuan(high)}"
    if unit:
        return tr("{amount} yuan per {unit}", amount=amount, unit=unit)
    return tr("{amount} yuan", amount=amount)


# --- normalisation ------------------------------------------------------------------------

# NFKC already folds full-width forms (１０元／票, ～, －, ￥); these are the dashes it keeps.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u301c", "-"))
_SEPARATORS = re.compile(r"[,;:。+、()]+|并且|并|且|同时")
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"  # ASCII only: NFKC leaves other scripts\' digits
_UNITS = "票次单件个起例条人天日月周箱包袋车趟"
_UNIT = f"[{_UNITS}]"
_MAX_FEN = 10_000_000 * 100  # beyond this a "fine" is a typo or a different figure: keep as text


def normalise(text: str) -> str:
    """Fold widths, dashes, whitespace and currency marks so the patterns below stay simple."""
    s = unicodedata.normalize("NFKC", text).translate(_DASHES).lower()
    s = "".join(s.split())
    s = re.sub(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))", "", s)  # thousands separator: 1,000元
    s = re.sub(r"人民币|rmb|¥|\$", "", s)
    s = s.replace("块钱", "元").replace("块", "元").replace("圆", "元")
    s = re.sub(f"元/?每(?={_UNIT})", "元/", s)  # 10元每票, 10元/每票 → 10元/票
    s = re.sub(r"(?<=[0-9])(元?)(?:至|到|~|-{2,})(?=[0-9])", r"\1-", s)  # range marks → "-"
    return s


# --- clause patterns ----------------------------------------------------------------------

_SEVERE = r"(?:情节)?(?:特别)?(?:严重|恶劣)(?:者|的|时|的话|情况下)?"
_TIME_UNIT = r"(?:小时|钟头|分钟|分|min|h|天|日)"
_DURATION = rf"(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]{{1,3}})?个?半?{_TIME_UNIT}"
_VERB = r"(?:罚款|罚金|处罚|扣款|扣罚|扣除|处以|罚|扣|处)?"

_AMOUNT_RE = re.compile(
    rf"(?P<severe>{_SEVERE})?"
    rf"(?:首(?P<first>{_DURATION})|(?P<within>{_DURATION})内)?"
    rf"(?:每(?P<pre_unit>{_UNIT}))?{_VERB}"
    rf"(?P<low>{_NUMBER})元?(?:-(?P<high>{_NUMBER})元?)?"
    rf"(?:(?:/|每)(?P<unit>{_UNIT}))?(?:罚款)?"
)
_ESCALATION_RE = re.compile(
    rf"(?:超(?:过|出)?(?P<after>{_DURATION})(?:后|以后|以上)?|超时后?|之后|此后|以后|其后|然后|后续)?"
    rf"每(?:超(?:过|出)?)?(?:延迟|延误|超时)?(?P<step>{_DURATION})"
    rf"(?:加收|加罚|加扣|增加|多罚|另罚|追加|累加|递增|再罚|加|罚)(?:罚款)?"
    rf"(?P<amount>{_NUMBER})元?(?:/(?P<unit>{_UNIT}))?"
)
_AFTER_RE = re.compile(rf"超(?:过|出)?(?P<after>{_DURATION})(?:后|以后|以上)?")
_SEVERE_RE = re.compile(_SEVERE)
_DURATION_RE = re.compile(
    r"(?P<n>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]{1,3})?个?(?P<half>半)?"
    r"(?P<unit>小时|钟头|分钟|分|min|h|天|日)"
)
_NO_FINE = re.compile(r"(?:不|无|免)(?:固定)?(?:罚款|处罚|罚|扣款)")
_NEGATION = re.compile(r"不|无需|免")
_COMPENSATION = re.compile(r"赔|补运费|补交运费|补齐运费|补差价|补足运费|全责|全部责任")
# What is made good, each different for the courier's pocket: the freight (补运费), the price
# difference (补差价), or the loss itself (赔偿, 全额赔偿, 全责 …). An answer names the same.
_COMPENSATION_FORMS = (
    re.compile(r"补(?:交|齐|足)?运费"),
    re.compile(r"补差价"),
    re.compile(r"赔|全责|全部责任"),
)
_DISMISSAL = re.compile(r"辞退|开除|解聘|解除劳动合同|除名")
_KPI = re.compile(r"kpi|考核|绩效")
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _fen(number: str) -> int | None:
    """ "0.5" → 50; None for more than two decimals or an implausible amount.

    Works on the digit string itself, so no rounding can turn 1.001 into 1.00.
    """
    whole, _, fraction = number.partition(".")
    fraction = fraction.rstrip("0")
    whole = whole.lstrip("0")
    if len(fraction) > 2 or len(whole) > 12:
        return None
    fen = int(whole or "0") * 100 + int(fraction.ljust(2, "0"))
    return fen if fen <= _MAX_FEN else None


def _chinese_number(text: str) -> int | None:
    """一 … 九十九 (enough for 半小时, 两小时, 三十分钟)."""
    if "十" not in text:
        return _CHINESE_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    high = _CHINESE_DIGITS.get(tens, -1) if tens else 1
    low = _CHINESE_DIGITS.get(ones, -1) if ones else 0
    return None if high < 0 or low < 0 else high * 10 + low


def _minutes(text: str | None) -> int | None:
    """ "1小时" → 60, "半小时" → 30, "一个半小时" → 90, "30分钟" → 30; None if not whole minutes."""
    if not text:
        return None
    match = _DURATION_RE.fullmatch(text)
    if match is None:
        return None
    n, half, unit = match["n"], match["half"], match["unit"]
    if n is None:
        count = Decimal("0.5") if half else Decimal(1)
    elif n[0].isdigit():
        count = Decimal(n)
    else:
        whole = _chinese_number(n)
        if whole is None:
            return None
        count = Decimal(whole)
    if half and n is not None:
        count += Decimal("0.5")
    per = {"天": 1440, "日": 1440, "小时": 60, "钟头": 60, "h": 60}.get(unit, 1)
    minutes = count * per
    if minutes <= 0 or minutes != minutes.to_integral_value() or minutes > 366 * 1440:
        return None
    return int(minutes)


# --- clauses ------------------------------------------------------------------------------


@dataclass
class _Part:
    """What one clause of the text says."""

    low: int | None = None
    high: int | None = None
    unit: str | None = None
    first_minutes: int | None = None  # 首小时10元: the first amount covers this long
    step: tuple[int, int, int | None, str | None] | None = None  # fen, minutes, after, unit
    after: int | None = None  # a lone 超1小时 clause
    severe: bool = False
    compensation: bool = False
    dismissal: bool = False
    kpi: bool = False
    no_fine: bool = False

    @property
    def has_amount(self) -> bool:
        return self.low is not None


def _amount_part(clause: str) -> _Part | None:
    match = _AMOUNT_RE.fullmatch(clause)
    if match is None:
        return None
    low, high = _fen(match["low"]), _fen(match["high"]) if match["high"] else None
    if low is None or (match["high"] and high is None):
        return None
    if high is not None:
        if high < low:
            return None
        if high == low:
            high = None
    units = {u for u in (match["pre_unit"], match["unit"]) if u}
    if len(units) > 1:
        return None
    first_text = match["first"] or match["within"]
    first = _minutes(first_text)
    if first_text and first is None:
        return None
    return _Part(
        low=low,
        high=high,
        unit=units.pop() if units else None,
        first_minutes=first,
        severe=bool(match["severe"]),
    )


def _escalation_part(clause: str) -> _Part | None:
    match = _ESCALATION_RE.fullmatch(clause)
    if match is None:
        return None
    amount, minutes = _fen(match["amount"]), _minutes(match["step"])
    after = _minutes(match["after"])
    if amount is None or minutes is None or (match["after"] and after is None):
        return None
    return _Part(step=(amount, minutes, after, match["unit"]))


def _word_part(clause: str) -> _Part | None:
    """A clause without figures: compensation, dismissal, KPI, "no fine", a severity marker."""
    if any(c.isdigit() for c in clause):
        return None
    if _NO_FINE.search(clause):
        return _Part(no_fine=True, kpi=bool(_KPI.search(clause)))
    if _NEGATION.search(clause):
        return None  # "不辞退", "无需赔偿": not worth guessing
    part = _Part(
        severe=bool(_SEVERE_RE.search(clause)),
        compensation=bool(_COMPENSATION.search(clause)),
        dismissal=bool(_DISMISSAL.search(clause)),
        kpi=bool(_KPI.search(clause)),
    )
    if part.compensation or part.dismissal or part.kpi:
        return part
    if _SEVERE_RE.fullmatch(clause):
        return part  # "严重者" alone: what follows is the severe case
    return None


def _after_part(clause: str) -> _Part | None:
    match = _AFTER_RE.fullmatch(clause)
    if match is None:
        return None
    after = _minutes(match["after"])
    return None if after is None else _Part(after=after)


def _classify(clause: str) -> _Part | None:
    for reader in (_amount_part, _escalation_part, _after_part, _word_part):
        part = reader(clause)
        if part is not None:
            return part
    return None


def _parts(clause: str) -> list[_Part] | None:
    """The clause as one part, or as two when it is two clauses written without a separator
    ("10元每半小时加10元", "500元辞退"); None if neither works."""
    part = _classify(clause)
    if part is not None:
        return [part]
    if len(clause) > 60:
        return None  # real clauses are short; keeps garbage input cheap
    for cut in range(1, len(clause)):
        if clause[cut - 1] in "0123456789." and clause[cut] in "0123456789.":
            continue
        head, tail = _classify(clause[:cut]), _classify(clause[cut:])
        if head is not None and tail is not None:
            return [head, tail]
    return None


# --- assembling ---------------------------------------------------------------------------


def parse_fine(text: str) -> Fine:
    """Parse a fine as written; unknown shapes come back as kind TEXT (flagged).

    Raises ValueError only when the text is empty or whitespace.
    """
    original = text.strip()
    if not original:
        raise ValueError(tr("The fine is empty."))
    flagged = Fine(FineKind.TEXT, original)
    parts: list[_Part] = []
    for clause in _SEPARATORS.split(normalise(original)):
        if not clause:
            continue
        found = _parts(clause)
        if found is None:
            return flagged
        parts.extend(found)
    fine = _assemble(original, parts)
    return flagged if fine is None else fine


def _assemble(text: str, parts: list[_Part]) -> Fine | None:
    normal: list[_Part] = []
    severe: list[_Part] = []
    steps: list[tuple[int, int, int | None, str | None]] = []
    after_marker: int | None = None
    in_severe = False
    for part in parts:
        # A severity marker holds for the rest of the text: severe cases are written last.
        in_severe = in_severe or part.severe
        if part.step is not None:
            if in_severe:
                return None
            steps.append(part.step)
        elif part.after is not None:
            after_marker = part.after
        else:
            (severe if in_severe else normal).append(part)
    normal_amounts = [p for p in normal if p.has_amount]
    severe_amounts = [p for p in severe if p.has_amount]
    no_fine = any(p.no_fine for p in parts)
    if len(normal_amounts) > 1 or len(severe_amounts) > 1 or len(steps) > 1:
        return None
    if no_fine and (normal_amounts or severe_amounts or steps):
        return None  # "不罚款" next to an amount contradicts itself
    base = normal_amounts[0] if normal_amounts else None
    severe_fen = None
    if severe_amounts:
        if severe_amounts[0].high is not None or severe_amounts[0].first_minutes is not None:
            return None
        severe_fen = severe_amounts[0].low
    compensation = any(p.compensation for p in parts)
    normal_dismissal = any(p.dismissal for p in normal)
    dismissal = normal_dismissal or any(p.dismissal for p in severe)
    low = base.low if base is not None else None
    high = base.high if base is not None else None
    unit = base.unit if base is not None else None

    if steps:
        step_fen, step_minutes, after, step_unit = steps[0]
        if base is None or base.high is not None:
            return None
        if step_unit and base.unit and step_unit != base.unit:
            return None
        return Fine(
            FineKind.ESCALATING,
            text,
            amount_fen=low,
            unit=unit or step_unit,
            step_fen=step_fen,
            step_minutes=step_minutes,
            after_minutes=after or base.first_minutes or after_marker,
            compensation=compensation,
            dismissal=dismissal,
            severe_fen=severe_fen,
        )
    if after_marker is not None or (base is not None and base.first_minutes is not None):
        return None  # "超1小时" or "首小时10元" without the step that should follow
    if normal_dismissal:
        kind = FineKind.DISMISSAL
    elif compensation:
        kind = FineKind.COMPENSATION
    elif base is not None:
        kind = FineKind.FIXED if base.high is None else FineKind.RANGE
    elif dismissal:
        kind = FineKind.DISMISSAL  # only a severe case is written: "严重者500元并辞退"
    elif any(p.kpi for p in parts) and severe_fen is None:
        kind = FineKind.KPI
    else:
        return None
    return Fine(
        kind,
        text,
        amount_fen=low,
        max_fen=high,
        unit=unit,
        compensation=compensation,
        dismissal=dismissal,
        severe_fen=severe_fen,
    )


# --- answers ------------------------------------------------------------------------------

_TIME_AFTER = re.compile(r"个?半?(?:小时|钟头|分钟|分|min|h|天|日|周|月|年)")
_NUMBER_RE = re.compile(_NUMBER)
_GIVEN_UNIT = re.compile(rf"(?:元/?|/|每)({_UNIT})")


def _money_in(norm: str) -> tuple[int, ...]:
    """Money amounts in a loosely written answer: numbers that are not durations."""
    found = []
    for match in _NUMBER_RE.finditer(norm):
        if _TIME_AFTER.match(norm, match.end()):
            continue
        fen = _fen(match.group())
        if fen is None:
            return ()
        found.append(fen)
    return tuple(found)


def _loose(text: str) -> str:
    """For comparing free text: normalised, without punctuation differences."""
    return re.sub(r"[,;。.、:!?()\"'“”‘’]", "", normalise(text))


def _compensation_forms(norm: str) -> tuple[bool, ...]:
    return tuple(bool(form.search(norm)) for form in _COMPENSATION_FORMS)


def same_fine(expected: str, given: str) -> bool:
    """Whether a trainee's typed `given` states the fine `expected` (as written in the handbook).

    The unit may be left out but not be wrong; every amount must be there (both ends of a range,
    the first amount and the step of an escalating fine, the severe-case amount); compensation
    (赔…) and dismissal (辞退) must be named exactly when the fine has them, and compensation as
    the same thing (freight 补运费, price difference 补差价 or the loss 赔偿). A KPI fine takes any
    answer naming 考核 or KPI; a fine kept as text takes the same text, punctuation aside.
    """
    if not given.strip():
        return False
    want = parse_fine(expected)
    norm = normalise(given)
    if want.kind is FineKind.KPI:
        return bool(re.search(r"考核|kpi", norm))
    if want.kind is FineKind.TEXT:
        return _loose(given) == _loose(expected)
    got = parse_fine(given)
    if got.kind is FineKind.TEXT:
        # Free wording is fine for the composite shapes; a plain amount must read as one.
        if want.kind in (FineKind.FIXED, FineKind.RANGE):
            return False
    elif got.kind is not want.kind:
        return False
    money = _money_in(norm) if got.kind is FineKind.TEXT else got.money()
    if money != want.money():
        return False
    units = set(_GIVEN_UNIT.findall(norm))
    if want.unit and units - {want.unit}:
        return False
    if bool(_COMPENSATION.search(norm)) != want.compensation:
        return False
    if _compensation_forms(norm) != _compensation_forms(normalise(expected)):
        return False  # 补运费 (freight made up) is not 全额赔偿 (the loss paid in full)
    if bool(_DISMISSAL.search(norm)) != want.dismissal:
        return False
    if got.kind is FineKind.ESCALATING:
        if got.step_minutes != want.step_minutes:
            return False
        if got.after_minutes is not None and got.after_minutes != want.after_minutes:
            return False
    return True
