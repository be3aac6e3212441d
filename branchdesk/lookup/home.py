"""The branch's own city and district: the region of an address that names none.

One small function over the `branch_region` setting, so where the setting lives can change
(it moves into the database later) without touching lookup.
"""

from __future__ import annotations

import os
import threading

from branchdesk import paths
from branchdesk.lookup.regions import Region, recognise

_lock = threading.Lock()
_cached: tuple[tuple[object, ...], Region | None] | None = None


def parse_branch_region(text: str) -> Region | None:
    """The region written in the setting (浙江省宁波市海曙区, 宁波海曙, 海曙区 …), or None."""
    region = recognise(text or "")
    if region.province is None and region.district is None:
        return None
    return Region(region.province, region.city, region.district, "")


def branch_region() -> Region | None:
    """The branch's city and district from the settings, or None when not set.

    Read again only when the settings file changes (lookups call this on every query).
    """
    global _cached
    path = paths.settings_path()
    try:
        info = os.stat(path)
        key: tuple[object, ...] = (os.fspath(path), info.st_mtime_ns, info.st_size)
    except OSError:
        key = (os.fspath(path), None, None)
    with _lock:
        if _cached is not None and _cached[0] == key:
            return _cached[1]
    from branchdesk.settings import SettingsStore

    region = parse_branch_region(SettingsStore(path).get("branch_region"))
    with _lock:
        _cached = (key, region)
    return region


__all__ = ["branch_region", "parse_branch_region"]
