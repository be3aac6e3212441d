"""Guide packs: one guide as a .zip (guide.json plus its images) to share with another branch.

A pack holds `guide.json` and `images/<sha256>.png|jpg`, each image once. Import reads and
checks the whole pack first — zip, JSON, format version, every image against its hash and
its decoder, every annotation — and writes only when all of it is sound, so a bad pack
imports nothing, not half a guide.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk import __version__
from branchdesk.db import live
from branchdesk.errors import BranchDeskError, json_reason, os_reason
from branchdesk.guides import service
from branchdesk.guides.entries import Annotation
from branchdesk.guides.models import Guide
from branchdesk.i18n import tr

FORMAT_NAME = "branchdesk-guide-pack"
FORMAT_VERSION = 1
GUIDE_JSON = "guide.json"
IMAGE_DIR = "images"
MB = 1024 * 1024
MAX_IMAGE_BYTES = 50 * MB
MAX_TOTAL_BYTES = 500 * MB
MAX_JSON_BYTES = 10 * MB
MAX_ENTRIES = 10_000
IMPORTED_MARK = "导入"  # appended to the title of an imported guide whose title is taken

_SHA = re.compile(r"[0-9a-f]{64}")
_IMAGE_NAME = re.compile(r"images/([0-9a-f]{64})\.(png|jpg|jpeg)")


class PackError(BranchDeskError):
    """A guide pack cannot be written or read; the message names the pack and the problem."""


@dataclass(frozen=True)
class PackStep:
    instruction: str
    tip: str = ""
    tip_kind: str = "tip"
    image: str | None = None  # sha256 of an image in the pack
    annotations: tuple[Annotation, ...] = ()


@dataclass(frozen=True)
class Pack:
    """A pack read and checked in full: nothing in it is left to fail while importing."""

    title: str
    category: str
    owner: str
    summary: str
    version: int
    steps: tuple[PackStep, ...]
    images: dict[str, bytes] = field(default_factory=dict)  # sha256 → bytes
    app_version: str = ""
    exported_at: str = ""


# --- export -----------------------------------------------------------------------------


def _image_suffix(data: bytes) -> str:
    return "jpg" if data[:3] == b"\xff\xd8\xff" else "png"


def _blurred_png(data: bytes, blurs: tuple[Any, ...]) -> bytes:
    from branchdesk.guides.annotations import burn_in

    out = io.BytesIO()
    burn_in(data, blurs).save(out, "PNG", optimize=True)
    return out.getvalue()


def pack_document(session: Session, guide_id: int) -> tuple[dict[str, Any], dict[str, bytes]]:
    """guide.json's content and the images (by sha256) of one guide."""
    from branchdesk.guides.annotations import to_json

    data = service.get_guide(session, guide_id)
    guide = session.get(Guide, guide_id)
    assert guide is not None  # get_guide raised otherwise
    images: dict[str, bytes] = {}
    steps = []
    for step in data.steps:
        image = step.image
        if image:
            original = service.image_bytes(session, image)
            blurs = tuple(a for a in step.annotations if a.kind == "blur")
            if blurs:
                # A pack leaves the branch: customer data under a blur box must not travel
                # readable. The packed copy has the blur burned in; the box stays as data,
                # so it can still be moved (blurring twice does no harm).
                original = _blurred_png(original, blurs)
                image = hashlib.sha256(original).hexdigest()
            images.setdefault(image, original)
        steps.append((step, image))
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "guide": {
            "title": data.title,
            "category": data.category,
            "owner": data.owner,
            "summary": data.summary,
            "version": guide.version,
            "steps": [
                {
                    "instruction": s.instruction,
                    "tip": s.tip,
                    "tip_kind": s.tip_kind,
                    "image": image,
                    "annotations": json.loads(to_json(s.annotations)),
                }
                for s, image in steps
            ],
        },
    }
    return document, images


def export_pack(session: Session, guide_id: int, path: Path | str) -> int:
    """Write the guide as a pack at `path` (replaced whole, never half-written).

    Returns the number of images in the pack.
    """
    path = Path(path)
    live.refuse(path)  # never replace the open database (or its WAL) with a pack
    document, images = pack_document(session, guide_id)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as zf:
            text = json.dumps(document, ensure_ascii=False, indent=2)
            zf.writestr(GUIDE_JSON, text.encode("utf-8"), zipfile.ZIP_DEFLATED)
            for sha, data in images.items():
                # PNG and JPEG are compressed already: stored as they are.
                name = f"{IMAGE_DIR}/{sha}.{_image_suffix(data)}"
                zf.writestr(name, data, zipfile.ZIP_STORED)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return len(images)


def suggested_file_name(title: str) -> str:
    """A file name for a guide's pack: its title without characters Windows refuses."""
    name = " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]', " ", title).split()).strip(" .")
    name = name or "guide"
    return f"{name[:80].strip()}.zip"


# --- reading and checking ----------------------------------------------------------------


def _fail(path: Path, problem: str) -> PackError:
    return PackError(
        tr(
            "Cannot import the guide pack {file}: {problem} Nothing was imported.",
            file=path.name,
            problem=problem,
        )
    )


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}"


def _safe_name(name: str) -> bool:
    """A member name that stays inside the pack when unpacked anywhere."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or ":" in name:
        return False
    return ".." not in PurePosixPath(name).parts


_READ_CHUNK = 1024 * 1024


def _read_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # Read in chunks, counting the bytes really inflated: read() in one call inflated a
    # member that claims 4.6 KB to its real 1 GB before the CRC check refused it. zipfile
    # stops a chunked read at the declared size (checked against the limits already); a
    # member that inflates to more then fails its CRC check.
    limit = MAX_JSON_BYTES if info.filename == GUIDE_JSON else MAX_IMAGE_BYTES
    try:
        with zf.open(info) as member:
            out = bytearray()
            while chunk := member.read(_READ_CHUNK):
                out += chunk
                if len(out) > min(info.file_size, limit):
                    raise _fail(
                        path,
                        tr(
                            "{name} unpacks to more than its stated size ({size} MB).",
                            name=info.filename,
                            size=_megabytes(info.file_size),
                        ),
                    )
            return bytes(out)
    except OSError as exc:  # the disk or the network share, not the pack
        raise _fail(
            path,
            tr("{name} cannot be read from it: {error}.", name=info.filename, error=os_reason(exc)),
        ) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        # zipfile's own words ("Bad CRC-32 for file …") are English: said in the user's.
        raise _fail(
            path,
            tr(
                "it is damaged: {name} in it does not unpack to what was packed (the file was "
                "changed or cut short on the way). Copy the pack again, or export it again.",
                name=info.filename,
            ),
        ) from exc
    except RuntimeError as exc:  # an encrypted member
        raise _fail(path, tr("it is encrypted; export it again without a password.")) from exc


def _text(raw: dict[str, Any], key: str, path: Path, *, required: bool = False) -> str:
    value = raw.get(key, "")
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(path, tr("“{field}” in guide.json is missing or not text.", field=key))
    return value


# Characters that are no text: C0 controls but tab, line feed and carriage return; DEL; C1;
# and the bidirectional overrides and isolates, which make a title read otherwise than it is
# (as the spreadsheet imports refuse a cell holding them).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _code(char: str) -> str:
    """\\x1b, \\u202e: a character that is no text as the user can look it up."""
    n = ord(char)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def _shown(text: str, width: int = 40) -> str:
    """A piece of pack text fit for a message: characters that are no text shown as codes."""
    short = text[:width] + ("…" if len(text) > width else "")
    return _NOT_TEXT.sub(lambda m: _code(m.group()), short)


def _where(guide: str, n: int | None) -> str:
    if n is None:
        return tr("guide.json, guide “{guide}”", guide=_shown(guide))
    return tr("guide.json, guide “{guide}”, step {n}", guide=_shown(guide), n=n)


def _check_text(path: Path, value: str, limit: int, field: str, guide: str, n: int | None) -> str:
    """`value` when it is text of at most `limit` characters, else the pack is refused with
    where (member, guide, step) and what is allowed."""
    if len(value) > limit:
        raise _fail(
            path,
            tr(
                "{where}: the {field} has {length} characters; at most {limit} are allowed.",
                where=_where(guide, n),
                field=field,
                length=f"{len(value):,}",
                limit=f"{limit:,}",
            ),
        )
    found = _NOT_TEXT.search(value)
    if found is not None:
        raise _fail(
            path,
            tr(
                "{where}: the {field} contains a control character ({char}) that is not text. "
                "Remove it in the guide and export the pack again.",
                where=_where(guide, n),
                field=field,
                char=_code(found.group()),
            ),
        )
    return value


def _steps(raw: Any, path: Path, guide: str) -> tuple[PackStep, ...]:
    from branchdesk.guides.annotations import from_json

    if not isinstance(raw, list):
        raise _fail(path, tr("“{field}” in guide.json is missing or not a list.", field="steps"))
    steps = []
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise _fail(path, tr("step {n} in guide.json is not valid.", n=n))
        instruction = item.get("instruction")
        if not isinstance(instruction, str) or not instruction.strip():
            raise _fail(path, tr("step {n} has no instruction.", n=n))
        tip = item.get("tip") or ""
        tip_kind = item.get("tip_kind") or "tip"
        if not isinstance(tip, str) or tip_kind not in ("tip", "warning"):
            raise _fail(path, tr("the tip of step {n} is not valid.", n=n))
        instruction = _check_text(
            path, instruction.strip(), service.MAX_STEP_TEXT, tr("instruction"), guide, n
        )
        tip = _check_text(path, tip.strip(), service.MAX_TIP, tr("tip"), guide, n)
        image = item.get("image")
        if image is not None and not (isinstance(image, str) and _SHA.fullmatch(image)):
            raise _fail(path, tr("step {n} names its image wrongly ({name}).", n=n, name=image))
        annotations = item.get("annotations") or []
        try:
            if not isinstance(annotations, list):
                raise ValueError(tr("a list is expected"))
            marks = from_json(json.dumps(annotations))
        except ValueError as exc:
            raise _fail(
                path, tr("the annotations of step {n} are not valid: {error}", n=n, error=exc)
            ) from exc
        steps.append(PackStep(instruction, tip, tip_kind, image, tuple(marks)))
    return tuple(steps)


def read_pack(path: Path | str) -> Pack:
    """Read and check a pack completely; raises PackError naming the pack and the problem."""
    from branchdesk.guides.annotations import check_image

    path = Path(path)
    live.refuse(path)
    try:
        zf = zipfile.ZipFile(path)
    # NotImplementedError: an entry claims a zip version newer than zipfile's (6.3).
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        raise PackError(
            tr(
                "{file} is not a BranchDesk guide pack: it is not a .zip file, or it is "
                "damaged. Nothing was imported.",
                file=path.name,
            )
        ) from exc
    except OSError as exc:
        raise PackError(
            tr("Cannot read the guide pack {path}: {error}", path=path, error=os_reason(exc))
        ) from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _fail(path, tr("it holds too many files ({count}).", count=len(infos)))
        members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            if not _safe_name(info.filename):
                raise _fail(
                    path, tr("it holds a file with an unsafe name ({name}).", name=info.filename)
                )
            if info.filename in members:
                raise _fail(path, tr("it holds {name} twice.", name=info.filename))
            members[info.filename] = info
            limit = MAX_JSON_BYTES if info.filename == GUIDE_JSON else MAX_IMAGE_BYTES
            if info.file_size > limit:
                raise _fail(
                    path,
                    tr(
                        "{name} is too large ({size} MB; at most {limit} MB).",
                        name=info.filename,
                        size=_megabytes(info.file_size),
                        limit=limit // MB,
                    ),
                )
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _fail(
                path,
                tr(
                    "its contents are too large ({size} MB in all; at most {limit} MB).",
                    size=_megabytes(total),
                    limit=MAX_TOTAL_BYTES // MB,
                ),
            )
        if GUIDE_JSON not in members:
            raise _fail(
                path, tr("it holds no guide.json, so it is not a guide pack made by BranchDesk.")
            )
        try:
            # utf-8-sig: Notepad saves UTF-8 with a byte order mark in front.
            raw_json = _read_member(path, zf, members[GUIDE_JSON]).decode("utf-8-sig")
            document = json.loads(raw_json)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise _fail(
                path, tr("guide.json is not valid JSON ({error}).", error=json_reason(exc))
            ) from exc
        if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
            name = document.get("format") if isinstance(document, dict) else None
            raise _fail(
                path,
                tr("it is not a BranchDesk guide pack (format “{name}”).", name=name or "?"),
            )
        version = document.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _fail(path, tr("its format version ({version}) is not valid.", version=version))
        if version > FORMAT_VERSION:
            raise _fail(
                path,
                tr(
                    "it was made by a newer BranchDesk (pack format {version}; this one reads "
                    "up to {supported}). Update this BranchDesk, then import the pack again.",
                    version=version,
                    supported=FORMAT_VERSION,
                ),
            )
        guide = document.get("guide")
        if not isinstance(guide, dict):
            raise _fail(path, tr("“{field}” in guide.json is missing or not valid.", field="guide"))
        title = " ".join(_text(guide, "title", path, required=True).split())
        title = _check_text(path, title, service.MAX_TITLE, tr("title"), title, None)
        category = " ".join(_text(guide, "category", path).split())
        category = _check_text(path, category, service.MAX_CATEGORY, tr("category"), title, None)
        owner = " ".join(_text(guide, "owner", path).split())
        owner = _check_text(path, owner, service.MAX_OWNER, tr("owner"), title, None)
        summary = _text(guide, "summary", path).strip()
        summary = _check_text(path, summary, service.MAX_SUMMARY, tr("summary"), title, None)
        guide_version = guide.get("version", 1)
        if not isinstance(guide_version, int) or isinstance(guide_version, bool):
            guide_version = 1
        steps = _steps(guide.get("steps"), path, title)

        images: dict[str, bytes] = {}
        by_sha = {}
        for name in members:
            m = _IMAGE_NAME.fullmatch(name)
            if m:
                by_sha[m[1]] = name
        for n, step in enumerate(steps, start=1):
            if step.image is None or step.image in images:
                continue
            name = by_sha.get(step.image)
            if name is None:
                raise _fail(
                    path,
                    tr(
                        "the image of step {n} ({name}) is missing from the pack.",
                        n=n,
                        name=f"{IMAGE_DIR}/{step.image}.png",
                    ),
                )
            data = _read_member(path, zf, members[name])
            if hashlib.sha256(data).hexdigest() != step.image:
                raise _fail(
                    path,
                    tr(
                        "the image {name} is damaged: its content does not match its name.",
                        name=name,
                    ),
                )
            try:
                check_image(data, decode=True)
            except ValueError as exc:
                raise _fail(
                    path,
                    tr("the image of step {n} cannot be used: {error}", n=n, error=exc),
                ) from exc
            images[step.image] = data
    return Pack(
        title=title,
        category=category,
        owner=owner,
        summary=summary,
        version=guide_version,
        steps=steps,
        images=images,
        app_version=str(document.get("app_version") or ""),
        exported_at=str(document.get("exported_at") or ""),
    )


# --- import -----------------------------------------------------------------------------


def _free_title(session: Session, title: str) -> str:
    taken = set(session.scalars(select(Guide.title)))
    if title not in taken:
        return title
    n = 1
    while True:
        mark = f" ({IMPORTED_MARK})" if n == 1 else f" ({IMPORTED_MARK} {n})"
        candidate = title[: service.MAX_TITLE - len(mark)].rstrip() + mark
        if candidate not in taken:
            return candidate
        n += 1


def import_pack(session: Session, path: Path | str, who: str = "") -> int:
    """Add the pack's guide to the library; returns the new guide's id.

    The pack is checked completely before anything is written. A guide with the same title
    is kept: the imported one gets " (导入)" after its title. A category the library lacks
    is created.
    """
    path = Path(path)
    pack = read_pack(path)
    category = pack.category or service.DEFAULT_CATEGORIES[-1]
    known = {c.name for c in service.list_categories(session)}
    if category not in known:
        try:
            category = service.add_category(session, category).name
        except service.GuideError as exc:
            raise _fail(path, str(exc)) from exc
    stored = {sha: service.store_image(session, raw).sha256 for sha, raw in pack.images.items()}
    guide_id = service.create_guide(
        session, _free_title(session, pack.title), category, owner=pack.owner, who=who
    )
    data = service.get_guide(session, guide_id)
    data.summary = pack.summary
    data.steps = [
        service.StepData(
            instruction=s.instruction,
            tip=s.tip,
            tip_kind=s.tip_kind,
            image=stored[s.image] if s.image else None,
            annotations=s.annotations,
        )
        for s in pack.steps
    ]
    service.save_guide(
        session, guide_id, data, who=who, summary=tr("imported from {file}", file=path.name)
    )
    return guide_id
