"""Customer data as printouts and exports show it: phones masked by default (138****1234)."""

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
