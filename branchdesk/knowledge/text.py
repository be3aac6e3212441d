"""Pure text helpers of the knowledge base: rich text to words, queries to their grouping key."""

from __future__ import annotations

import re
import unicodedata

_TAG = re.compile(r"<[^>]+>")
_ENTITIES = {"&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'"}
_NOT_WORD = re.compile(r"[\W_]+")
# Words that change nothing in what is asked: 怎么办 / 吗 / 如何 …
_FILLERS = ("怎么办", "怎么处理", "怎么", "如何", "什么", "为什么", "请问", "吗", "呢", "啊", "了")


def fold(text: str) -> str:
    """NFKC, case-folded, without white space: the form every comparison uses."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


# Rich text is Qt's HTML document or text with a tag Qt's editor writes or a user types
# (<b>, <p>, <br> …); "重量<1kg按首重，>1kg按续重" is plain text with two comparisons.
_RICH = re.compile(
    r"(?i)<!doctype\s+html|<(/?)(html|head|body|style|meta|qt|p|br|div|span|b|i|u|s|strong|em"
    r"|font|a|ul|ol|li|h[1-6]|table|tr|td|th|pre|code|tt|sub|sup|img|hr|blockquote)"
    r"(\s[^<>]*)?/?>"
)


def is_rich_text(text: str) -> bool:
    """Whether `text` is rich text (HTML) rather than plain text that may hold < and >."""
    return "<" in text and _RICH.search(text) is not None


def plain_text(text: str) -> str:
    """The words of rich text (Qt's HTML or plain text), for search and snippets."""
    if not is_rich_text(text):
        return text
    text = re.sub(r"(?is)<(style|head)[^>]*>.*?</\1>", " ", text)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</li>|</div>", "\n", text)
    text = _TAG.sub("", text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", text)).strip()


def normalise_query(query: str) -> str:
    """The key that groups the same question asked in different ways.

    "快件破损怎么办？", "快件 破损" and "快件破损吗" group together: folded, punctuation and
    spaces removed, filler words dropped. A query of fillers only keeps its folded text.
    """
    folded = _NOT_WORD.sub("", fold(query))
    key = folded
    for filler in _FILLERS:
        key = key.replace(filler, "")
    return (key or folded)[:100]
