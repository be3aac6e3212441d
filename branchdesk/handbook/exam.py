"""Exam papers and practice drawn from the penalty handbook: questions, answer checks, copy-out.

`make_exam` draws a reproducible paper from the handbook (the same items, seed and count give
the same paper, so a printed paper and its key can be made again later); `check_answer` marks
one answer; `compare_copy` scores a standard typed from memory (默写) and shows what differs.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from branchdesk.handbook.entries import Entry, Exam, Question, QuestionKind
from branchdesk.handbook.fines import FineKind, parse_fine, same_fine
from branchdesk.i18n import tr

KIND_ORDER: tuple[QuestionKind, ...] = ("fine", "choice", "judge")  # their order in a paper
LETTERS = "ABCD"


def _key(text: str) -> str:
    """Texts that differ only in width, whitespace or case count as the same text."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _fine_is_askable(entry: Entry) -> bool:
    """A fill-in needs a fine with a known shape that a trainee can state (not KPI-only)."""
    if entry.fine_flagged or not entry.fine.strip():
        return False
    return parse_fine(entry.fine).kind not in (FineKind.KPI, FineKind.TEXT)


def _others(entry: Entry, everything: Sequence[Entry], field: str) -> list[list[Entry]]:
    """Other items whose `field` text differs from this one's, one per distinct text, as
    [same category, other categories] (both in id order)."""
    own = _key(getattr(entry, field))
    seen = {own}
    same: list[Entry] = []
    other: list[Entry] = []
    for candidate in everything:
        text = getattr(candidate, field)
        key = _key(text)
        if candidate.id == entry.id or not key or key in seen:
            continue
        if field == "fine" and same_fine(entry.fine, text):
            continue  # "10元每票" against "10元/票" would make a false statement true
        seen.add(key)
        (same if candidate.category == entry.category else other).append(candidate)
    return [same, other]


def _can_ask(kind: QuestionKind, entry: Entry, everything: Sequence[Entry]) -> bool:
    if kind == "fine":
        return _fine_is_askable(entry)
    if kind == "choice":
        if not entry.standard.strip():
            return False
        # Two distractors at least, or guessing is too easy; normally there are three.
        return sum(map(len, _others(entry, everything, "standard"))) >= 2
    return bool(entry.fine.strip())


def _pick(rng: random.Random, groups: list[list[Entry]], n: int) -> list[Entry]:
    """`n` entries, from the first group first, in a seeded random order within each group."""
    picked: list[Entry] = []
    for group in groups:
        shuffled = list(group)
        rng.shuffle(shuffled)
        picked.extend(shuffled[: n - len(picked)])
    return picked


def _question(
    number: int,
    kind: QuestionKind,
    entry: Entry,
    everything: Sequence[Entry],
    rng: random.Random,
) -> Question:
    fine, standard = entry.fine.strip(), entry.standard.strip()
    if kind == "fine":
        return Question(
            number=number,
            kind=kind,
            prompt=tr("What is the fine for “{cause}”?", cause=entry.cause),
            options=(),
            answer=fine,
            entry_id=entry.id,
            category=entry.category,
            explanation=fine,
        )
    if kind == "choice":
        distractors = [
            e.standard.strip() for e in _pick(rng, _others(entry, everything, "standard"), 3)
        ]
        distractors.insert(rng.randrange(len(distractors) + 1), standard)
        return Question(
            number=number,
            kind=kind,
            prompt=tr("Which is the correct operating standard for “{cause}”?", cause=entry.cause),
            options=tuple(distractors),
            answer=LETTERS[distractors.index(standard)],
            entry_id=entry.id,
            category=entry.category,
            explanation=standard,
        )
    wrong = _pick(rng, _others(entry, everything, "fine"), 1)
    truth = not wrong or rng.random() < 0.5
    stated = fine if truth else wrong[0].fine.strip()
    return Question(
        number=number,
        kind=kind,
        prompt=tr("The fine for “{cause}” is {fine}.", cause=entry.cause, fine=stated),
        options=(),
        answer="T" if truth else "F",
        entry_id=entry.id,
        category=entry.category,
        explanation=fine,
    )


def make_exam(
    entries: Sequence[Entry],
    count: int,
    seed: int,
    *,
    categories: Sequence[str] = (),
    kinds: Sequence[QuestionKind] = KIND_ORDER,
    title: str | None = None,
    points: int | None = None,
) -> Exam:
    """Draw a paper of up to `count` questions from the items in `categories` (empty: all).

    The paper depends only on the items (by id, whatever order they come in), `count`, `seed`,
    `categories` and `kinds`. Kinds are mixed evenly and printed grouped: fill-in, choice,
    judge. Each item is used once before any is used again with another kind; an (item, kind)
    pair never repeats, so a small handbook gives a shorter paper rather than an error.
    Distractors come from all of `entries`, the item's own category first.

    `points` defaults to 100 // the number of questions drawn (at least 1), so a shortened
    paper still totals about 100.
    """
    if count < 1:
        raise ValueError(f"count must be at least 1, not {count}")
    wanted = [kind for kind in KIND_ORDER if kind in kinds]
    if not wanted:
        raise ValueError("no question kinds chosen")
    everything = sorted({e.id: e for e in entries}.values(), key=lambda e: e.id)
    chosen = set(categories)
    pool = [e for e in everything if not chosen or e.category in chosen]
    if not pool:
        raise ValueError(tr("There are no handbook items in the chosen categories."))

    rng = random.Random(seed)
    queues: dict[QuestionKind, list[Entry]] = {}
    for kind in wanted:
        queues[kind] = [e for e in pool if _can_ask(kind, e, everything)]
        rng.shuffle(queues[kind])
    start = rng.randrange(len(wanted))
    rotation = wanted[start:] + wanted[:start]  # which kind gets the odd question out

    picks: dict[QuestionKind, list[Entry]] = {kind: [] for kind in wanted}
    used: set[int] = set()
    asked: set[tuple[int, QuestionKind]] = set()
    drawn = 0
    for reuse in (False, True):
        progress = True
        while drawn < count and progress:
            progress = False
            for kind in rotation:
                if drawn >= count:
                    break
                entry = next(
                    (
                        e
                        for e in queues[kind]
                        if (e.id, kind) not in asked and (reuse or e.id not in used)
                    ),
                    None,
                )
                if entry is None:
                    continue
                picks[kind].append(entry)
                used.add(entry.id)
                asked.add((entry.id, kind))
                drawn += 1
                progress = True

    ordered = [(kind, entry) for kind in KIND_ORDER for entry in picks.get(kind, [])]
    questions = tuple(
        _question(number, kind, entry, everything, rng)
        for number, (kind, entry) in enumerate(ordered, start=1)
    )
    return Exam(
        title=title or tr("Penalty handbook exam"),
        seed=seed,
        categories=tuple(categories),
        questions=questions,
        points=points if points is not None else max(1, 100 // max(1, len(questions))),
    )


# --- marking ------------------------------------------------------------------------------

_TRUE = {"t", "true", "对", "正确", "√", "✓", "✔", "是", "y", "yes"}
_FALSE = {"f", "false", "错", "错误", "×", "✗", "✘", "x", "否", "n", "no", "不对"}
_LETTER = re.compile(r"[(\[]?([a-z])[)\].,、:]?")


def check_answer(question: Question, given: str) -> bool:
    """Whether `given` answers `question`.

    fine: the same fine (`fines.same_fine`); choice: the letter in either case, or the option's
    text; judge: T/F, 对/错, √/×, ✓/✗, true/false, 是/否, y/n.
    """
    text = unicodedata.normalize("NFKC", given).strip().casefold()
    if not text:
        return False
    if question.kind == "fine":
        return same_fine(question.answer, given)
    if question.kind == "choice":
        letter = _LETTER.fullmatch(text)
        if letter is not None:
            return letter[1].upper() == question.answer.upper()
        index = LETTERS.find(question.answer.upper())
        return 0 <= index < len(question.options) and _key(given) == _key(question.options[index])
    if text in _TRUE:
        return question.answer.upper() == "T"
    if text in _FALSE:
        return question.answer.upper() == "F"
    return False


# --- copy-out (默写) ----------------------------------------------------------------------

# Width is folded by NFKC; these pairs are not, or fold to different marks.
_PUNCTUATION = str.maketrans({"。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True)
class Segment:
    """A run of text: "same" and "missing" hold the expected text, "extra" the typed text."""

    kind: Literal["same", "missing", "extra"]
    text: str


@dataclass(frozen=True)
class CopyResult:
    segments: tuple[Segment, ...]
    score: int  # 0..100 similarity


def _units(text: str) -> tuple[list[str], list[str]]:
    """The characters that count, as comparison keys, and the text each one stands for.

    Whitespace and invisible format characters do not count; they ride along with the
    character before them (or the first one), so the pieces join back to exactly `text`.
    """
    keys: list[str] = []
    pieces: list[str] = []
    lead = ""
    for char in text:
        key = unicodedata.normalize("NFKC", char).translate(_PUNCTUATION).casefold()
        if not key.strip() or unicodedata.category(char) == "Cf":
            if pieces:
                pieces[-1] += char
            else:
                lead += char
            continue
        keys.append(key)
        pieces.append(lead + char)
        lead = ""
    if lead and pieces:
        pieces[0] = lead + pieces[0]
    return keys, pieces


def compare_copy(expected: str, typed: str) -> CopyResult:
    """Compare a standard typed from memory with the handbook's text, character by character.

    Whitespace, full/half width (，/, 。/. ；/; …) and letter case are ignored. Joining the
    "same" and "missing" segments gives `expected` exactly; "same" and "extra" give `typed`
    up to those ignored differences (a "same" run shows the expected text).

    score = round(100 × 2M / (E + T)) with M matched characters, E expected and T typed
    characters that count (difflib's ratio): missing text and extra text both cost, so
    typing the whole handbook, or garbage, does not score well. Two empty texts score 100.
    """
    want_keys, want_pieces = _units(expected)
    got_keys, got_pieces = _units(typed)
    segments: list[Segment] = []

    def add(kind: Literal["same", "missing", "extra"], pieces: list[str]) -> None:
        text = "".join(pieces)
        if not text:
            return
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(kind, segments[-1].text + text)
        else:
            segments.append(Segment(kind, text))

    matcher = SequenceMatcher(None, want_keys, got_keys, autojunk=False)
    matched = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            matched += i2 - i1
            add("same", want_pieces[i1:i2])
        else:
            add("missing", want_pieces[i1:i2])
            add("extra", got_pieces[j1:j2])
    if not want_keys and expected:
        add("same", [expected])  # only whitespace: nothing to miss
    total = len(want_keys) + len(got_keys)
    score = 100 if total == 0 else round(100 * 2 * matched / total)
    return CopyResult(tuple(segments), score)
