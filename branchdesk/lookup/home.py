"""The branch's own city and district: the region of an address that names none.

A branch setting (`branch_region`, kept in the database and changed as an owner action);
lookups read it on every query, so the parsed region is kept until the setting changes.
"""

from __future__ import annotations

import threading

from branchdesk.lookup.regions import Region, recognise
from branchdesk.settings import branch_value

_lock = threading.Lock()
_cached: tuple[str, Region | None] | None = None


def parse_branch_region(text: str) -> Region | None:
    """The region written in the setting (浙江省宁波市海曙区, 宁波海曙, 海曙区 …), or None."""
    region = recognise(text or "")
    if region.province is None and region.district is None:
        return None
    return Region(region.province, region.city, region.district, "")


def unread_part(text: str) -> str:
    """What of a branch region as typed was not read as a place: "浦东新区" in 北京市浦东新区
    (浦东 is not a district of 北京), "宁波市海曙区" in 广东省宁波市海曙区. Empty when every word
    was read. Lookups use what was read; the setting is refused while anything is left."""
    # Punctuation typed after the district (宁波市海曙区。) is no place left unread.
    return recognise(text or "").rest.strip(" 。，,.、;；")


def branch_region() -> Region | None:
    """The branch's city and district, or None when the owner has not set them."""
    global _cached
    text = str(branch_value("branch_region") or "")
    with _lock:
        if _cached is not None and _cached[0] == text:
            return _cached[1]
    region = parse_branch_region(text)
    with _lock:
        _cached = (text, region)
    return region


__all__ = ["branch_region", "parse_branch_region", "unread_part"]
