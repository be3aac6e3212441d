"""BranchDesk's own user guides (使用指南): how to use BranchDesk itself, shipped read-only.

They live in resources/help/user_guides.json (written by tools/make_user_guides.py) in the
guide packs' step format; their pictures are the sample guides' screenshots, named by file.
They are never stored in the branch's database: 帮助 › 使用指南 shows them apart from the
branch's own 操作指南.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from branchdesk.errors import BranchDeskError
from branchdesk.guides.annotations import from_json
from branchdesk.guides.sample import IMAGE_FOLDER
from branchdesk.guides.service import GuideData, StepData
from branchdesk.i18n import tr

FORMAT_NAME = "branchdesk-user-guides"
FORMAT_VERSION = 1
HELP_FILE = ("help", "user_guides.json")
OWNER = "网点服务台"


def _broken(problem: str) -> BranchDeskError:
    return BranchDeskError(
        tr(
            "BranchDesk's user guides cannot be read ({problem}). Install BranchDesk again.",
            problem=problem,
        )
    )


@cache
def user_guides() -> tuple[GuideData, ...]:
    """The user guides, in the order shown; a step's `image` is a screenshot's file name."""
    try:
        raw = json.loads(
            resources.files("branchdesk.resources").joinpath(*HELP_FILE).read_text("utf-8")
        )
    except (OSError, ValueError) as exc:
        raise _broken(str(exc)) from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        raise _broken(tr("not a user guides file"))
    guides = []
    try:
        for item in raw["guides"]:
            steps = [
                StepData(
                    str(s["instruction"]),
                    str(s.get("tip") or ""),
                    "warning" if s.get("tip_kind") == "warning" else "tip",
                    s.get("image") or None,
                    from_json(json.dumps(s.get("annotations") or [])),
                )
                for s in item["steps"]
            ]
            guides.append(
                GuideData(
                    str(item["title"]),
                    tr("User guides"),
                    owner=OWNER,
                    summary=str(item.get("summary") or ""),
                    steps=steps,
                )
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise _broken(str(exc)) from exc
    return tuple(guides)


def user_guide_image(name: str) -> bytes:
    """A user guide's picture (one of the sample guides' screenshots)."""
    return resources.files("branchdesk.resources").joinpath(*IMAGE_FOLDER, name).read_bytes()
