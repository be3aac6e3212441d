"""Translations: English source strings, Simplified Chinese from resources/translations/zh_CN.ts.

The .ts file (Qt Linguist format) is where translations are kept and edited; start-up reads
zh_CN.json beside it, which tools/i18n_extract.py --update writes from it (a test keeps them
equal), so a fresh checkout needs no lrelease step and the window no XML parse.
Widgets call self.tr(); the UI installs `CatalogTranslator` so those calls land here too.
Lower layers (services, importers, the CLI) call `tr()` from this module.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

SUPPORTED = ("zh_CN", "en")
_language = "en"


@cache
def _catalog(language: str) -> dict[str, str]:
    if language == "en":
        return {}
    folder = resources.files("branchdesk.resources").joinpath("translations")
    # The translations as tools/i18n_extract.py writes them beside the .ts (a test keeps the
    # two equal): read in 1 ms, where parsing the .ts takes 17 ms before the first paint.
    try:
        found = json.loads(folder.joinpath(f"{language}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        found = None
    if isinstance(found, dict):
        return found
    return _ts_catalog(folder.joinpath(f"{language}.ts"))


def _ts_catalog(ts: Traversable) -> dict[str, str]:
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(ts.read_text(encoding="utf-8"))
    except (OSError, ET.ParseError):
        return {}
    catalog: dict[str, str] = {}
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or translation is None or not translation.text:
            continue
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        catalog[source] = translation.text
    return catalog


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def set_language(language: str) -> str:
    """Switch to `language` ("auto", "zh_CN" or "en"); returns the language now in force."""
    global _language
    if language not in SUPPORTED:
        language = system_language()
    _language = language
    return _language


def current_language() -> str:
    return _language


def tr(source: str, **fields: object) -> str:
    """The translation of `source` in the current language, then `str.format(**fields)`."""
    text = _catalog(_language).get(source, source)
    return text.format(**fields) if fields else text


def translate(source: str, language: str | None = None) -> str | None:
    """The translation of `source` in the current language (or `language`), or None when the
    catalog has none (for QTranslator, and tests that every text has its translation)."""
    return _catalog(language or _language).get(source)


def joined(parts: Iterable[str]) -> str:
    """Items of one line, as the language writes a list of clauses: "；" in Chinese (an ASCII
    "; " between Chinese words reads as a typing mistake), "; " in English."""
    return ("；" if _language == "zh_CN" else "; ").join(parts)


def commas(parts: Iterable[str]) -> str:
    """Parts of one phrase (a file, its sheet, a row, a column): "，" in Chinese, ", " in
    English."""
    return ("，" if _language == "zh_CN" else ", ").join(parts)


def labelled(label: str, text: object) -> str:
    """ "label: text" with the language's colon (全角 "：" in Chinese)."""
    return f"{label}{'：' if _language == 'zh_CN' else ': '}{text}"


def wide(char: str) -> bool:
    """A Chinese character or full-width sign: two columns of a console, and no space wanted
    beside another one."""
    return bool(char) and unicodedata.east_asian_width(char[0]) in "WF"


def columns(text: str) -> int:
    """The columns `text` takes in a console (a Chinese character two)."""
    return sum(2 if wide(ch) else 1 for ch in text)
