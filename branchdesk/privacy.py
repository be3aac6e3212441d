"""Customer data as printouts and exports show it: phones masked by default (138****1234).

`mask_phone` masks a phone field; `mask_phones_in` finds the phone numbers inside any text
(an address with the customer's mobile typed in, a note, a complaint's description) and
masks each of them, so nothing printed or exported carries a full number unless the owner
asked for it.
"""

from __future__ import annotations

import re

# A phone as typed: digits with optional +, spaces or hyphens inside; several numbers in one
# field are separated by anything else (/ , ; 、).
_NUMBER = re.compile(r"\+?\d[\d\s-]*\d|\d")


def _mask_digits(digits: str) -> str:
    if len(digits) == 13 and digits.startswith("861"):
        digits = digits[2:]  # +86 138…
    if len(digits) >= 7:
        # Never more than the first 3 and the last 4 digits, whatever the length (a landline
        # with an extension, two numbers run together).
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) > 2:
        return "*" * (len(digits) - 2) + digits[-2:]
    return "*" * len(digits)


def mask_phone(phone: str | None) -> str:
    """138****1234; each number of a field holding several is masked on its own."""
    if not phone:
        return ""
    masked = [_mask_digits(re.sub(r"\D", "", m.group(0))) for m in _NUMBER.finditer(phone)]
    return " / ".join(masked)


def mask_name(name: str | None) -> str:
    """张** / 欧阳** : the surname stays so a courier knows whom to ask for."""
    if not name:
        return ""
    name = name.strip()
    if len(name) <= 1:
        return name
    surname = name[:2] if len(name) >= 4 else name[:1]
    return surname + "*" * (len(name) - len(surname))


# Phones inside free text, matched on a copy with full-width digits made ASCII (one
# character for one, so the positions stay those of the original). Never part of a longer
# run of digits or letters: a 15-digit waybill number or YT… is not a phone.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９＋－（）\u3000", "0123456789+-() ")
_SEP = r"[ \-]?"
_IN_TEXT = re.compile(
    r"(?<![0-9A-Za-z])(?:"
    # a mobile: 1[3-9]x xxxx xxxx, with +86/86 and spaces or hyphens anywhere between digits
    rf"(?:\+?86{_SEP})?1{_SEP}[3-9](?:{_SEP}\d){{9}}"
    # a landline with its area code: 0574-87654321, (0574)87654321, 021 6123 4567
    rf"|\(?0\d{{2,3}}\)?{_SEP}\d{{3,4}}{_SEP}\d{{4}}"
    r")(?![0-9A-Za-z])"
)


def require_full_phones(session: object, what: str) -> None:
    """Full phone numbers are an owner action, written to the audit log with `what`."""
    from sqlalchemy.orm import Session

    from branchdesk.permissions import Action, require_owner

    assert isinstance(session, Session)
    require_owner(Action.SHOW_PHONES, session, what)


def mask_phones_in(text: str | None) -> str:
    """`text` with every mobile or landline number in it masked (138****5678)."""
    if not text:
        return ""
    plain = text.translate(_HALF_WIDTH)
    if not any(ch.isdigit() for ch in plain):
        return text
    out: list[str] = []
    last = 0
    for m in _IN_TEXT.finditer(plain):
        out.append(text[last : m.start()])
        out.append(_mask_digits(re.sub(r"\D", "", m.group(0))))
        last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
