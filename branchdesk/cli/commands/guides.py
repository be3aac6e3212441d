"""Operation guide commands: list, export and import packs, print a guide."""

from __future__ import annotations

import argparse
import sys

from branchdesk import i18n
from branchdesk.cli.common import EXIT_OK, EXIT_USAGE, open_db, to_json, wrote_pages


def print_guide(args: argparse.Namespace) -> int:
    from datetime import date

    from branchdesk.guides.documents.guide import render_guide
    from branchdesk.guides.service import find_guide, guide_doc
    from branchdesk.settings import SettingsStore

    if args.file is None:
        print(i18n.tr("Say which guide: print guide ID_OR_TITLE -o OUT.pdf"), file=sys.stderr)
        return EXIT_USAGE
    db = open_db()
    with db.session() as session:
        doc = guide_doc(session, find_guide(session, str(args.file)))
    pages = render_guide(
        doc,
        args.output,
        branch=str(SettingsStore().get("branch_name") or ""),
        printed=date.today(),
        progress=None,
    )
    print(wrote_pages(pages, args.output))
    return EXIT_OK


def _cmd_guides(args: argparse.Namespace) -> int:
    from branchdesk.guides import packs
    from branchdesk.guides.service import find_guide, get_guide, search_guides

    db = open_db()
    if args.guides_command == "list":
        with db.session() as session:  # the first listing writes the default categories
            rows = search_guides(session)
        if args.json:
            items = [
                {
                    "id": g.id,
                    "title": g.title,
                    "category": g.category,
                    "owner": g.owner,
                    "steps": g.steps,
                    "version": g.version,
                    "updated": g.updated.isoformat(),
                    "review_by": g.review_by.isoformat() if g.review_by else None,
                    "open_flags": g.open_flags,
                    "is_sample": g.is_sample,
                }
                for g in rows
            ]
            print(to_json(items, indent=2))
            return EXIT_OK
        if not rows:
            print(i18n.tr("No guides yet."))
        for g in rows:
            sample = i18n.tr("(sample)") if g.is_sample else ""
            print(
                f"{g.id:>4}  {g.category}  {g.title}  "
                + i18n.tr("{steps} step(s), version {version}", steps=g.steps, version=g.version)
                + (f"  {sample}" if sample else "")
            )
        return EXIT_OK
    if args.guides_command == "export":
        with db.session() as session:
            guide_id = find_guide(session, args.guide)
            images = packs.export_pack(session, guide_id, args.output)
        print(
            i18n.tr(
                "Wrote the guide pack {path} ({images} image(s)).", path=args.output, images=images
            )
        )
        return EXIT_OK
    from branchdesk.settings import SettingsStore, who_is_working

    who = who_is_working(SettingsStore())
    with db.session() as session:
        guide_id = packs.import_pack(session, args.pack, who=who)
        title = get_guide(session, guide_id).title
    print(i18n.tr("Imported the guide “{title}” (id {id}).", title=title, id=guide_id))
    return EXIT_OK


COMMANDS = {
    "guides": _cmd_guides,
}
