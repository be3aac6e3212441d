"""Customer data as printouts and exports show it: phones masked by default (138****1234)."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\d")


def mask_phone(phone: str | None) -> str:
    """138****1234 for a mobile; a landline keeps its area code and last 4 digits.

    Anything with fewer than 7 digits is masked except its last 2, so no printout ever shows
    a whole number by accident.
    """
    if not phone:
        return ""
    digits = "".join(_DIGITS.findall(phone))
    if len(digits) == 13 and digits.startswith("861"):
        digits = digits[2:]  # +86 138…
    if len(digits) == 11 and digits.startswith("1"):
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) >= 7:
        return f"{digits[:-8] if len(digits) > 8 else digits[:3]}****{digits[-4:]}"
    if len(digits) > 2:
        return "*" * (len(digits) - 2) + digits[-2:]
    return "*" * len(digits)


def mask_name(name: str | None) -> str:
    """张** / 欧阳** : the surname stays so a courier knows whom to ask for."""
    if not name:
        return ""
    name = name.strip()
    if len(name) <= 1:
        return name
    surname = name[:2] if len(name) >= 4 else name[:1]
    return surname + "*" * (len(name) - len(surname))
