"""Reply scripts: fill the placeholders with what is known, flag banned phrases.

A fact that is unknown stays visible as a blank to fill (【业务员】), never an error, so the
agent sees at once what to look up before sending the reply.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from branchdesk.i18n import wide

# The placeholders a script may use, and what each stands for (shown in the script editor).
PLACEHOLDERS = {
    "运单号": "waybill number",
    "业务员": "courier's name",
    "业务员电话": "courier's phone",
    "预计到达": "expected delivery / arrival",
    "客户称呼": "how to address the customer (e.g. 张先生/女士)",
    "网点": "branch name",
    "驿站": "pickup station",
    "收件地址": "delivery address",
    "工单号": "ticket number",
    "处理时限": "deadline",
}

_PLACEHOLDER = re.compile(r"\{([^{}\s]{1,12})\}")
# A placeholder with the spaces written around it ("预计 {预计到达} 送达"): a space reads well
# beside a waybill number, not between Chinese characters (预计 1 天内 送达).
_SPACED = re.compile(r"(?P<before> ?)\{(?P<name>[^{}\s]{1,12})\}(?P<after> ?)")


@dataclass(frozen=True)
class FilledScript:
    text: str
    missing: tuple[str, ...]  # placeholders left as blanks to fill, in order of appearance
    unknown: tuple[str, ...]  # {names} that are not placeholders at all (typos in the script)


def blank(name: str) -> str:
    return f"【{name}】"


def normalise_braces(body: str) -> str:
    """｛运单号｝ typed with a Chinese input method counts as {运单号}."""
    return body.replace("｛", "{").replace("｝", "}")


def fill_script(body: str, facts: Mapping[str, str | None]) -> FilledScript:
    body = normalise_braces(body)
    missing: list[str] = []
    unknown: list[str] = []

    def value_of(name: str) -> str:
        value = facts.get(name)
        if value:
            return str(value)
        if name not in PLACEHOLDERS and name not in facts:
            if name not in unknown:
                unknown.append(name)
        elif name not in missing:
            missing.append(name)
        return blank(name)

    def replace(match: re.Match[str]) -> str:
        value = value_of(match.group("name"))
        start, end = match.span()
        before = match.group("before")
        after = match.group("after")
        if before and start > 0 and wide(body[start - 1]) and wide(value[:1]):
            before = ""
        if after and end < len(body) and wide(body[end]) and wide(value[-1:]):
            after = ""
        return before + value + after

    return FilledScript(_SPACED.sub(replace, body), tuple(missing), tuple(unknown))


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def find_banned(text: str, phrases: Iterable[str]) -> list[str]:
    """The banned phrases `text` contains (ignoring spaces, width and case), in list order."""
    return banned_matcher(phrases)(text)


def banned_matcher(phrases: Iterable[str]) -> Callable[[str], list[str]]:
    """`find_banned` with the phrases folded once, for checking many texts."""
    folded = [(p, _fold(p)) for p in phrases if p.strip()]

    def find(text: str) -> list[str]:
        if not text:
            return []
        haystack = _fold(text)
        return [p for p, needle in folded if needle in haystack]

    return find


def customer_address(name: str | None) -> str | None:
    """张三 → 张先生/女士: a polite form when the gender is unknown."""
    if not name or not name.strip():
        return None
    name = name.strip()
    if name.endswith(("先生", "女士", "小姐")):
        return name
    return f"{name[0]}先生/女士" if len(name) <= 3 else f"{name}先生/女士"
