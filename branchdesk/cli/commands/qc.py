"""Quality-control commands: the day's sample and the month's report."""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from branchdesk import i18n
from branchdesk.cli.common import EXIT_OK, open_db, to_json


def _sample(args: argparse.Namespace) -> int:
    from branchdesk.qc import service
    from branchdesk.qc.sampling import reason_label

    day = args.date or date.today() - timedelta(days=1)
    db = open_db()
    with db.session() as session:
        sample = service.draw_sample(session, day)
    if args.json:
        print(
            to_json(
                {
                    "date": day.isoformat(),
                    "seed": sample.seed,
                    "stored": sample.stored,
                    "rule": {
                        "base": sample.rule.base,
                        "new_hire": sample.rule.new_hire,
                        "unstable": sample.rule.unstable,
                        "pass_mark": sample.rule.pass_mark,
                        "banned_phrases": list(sample.rule.phrases),
                    },
                    "agents": [
                        {
                            "id": a.agent_id,
                            "name": a.name,
                            "reason": a.reason,
                            "quota": a.quota,
                            "handled": a.handled,
                            "banned": a.banned,
                            "drawn": a.drawn,
                            "items": [
                                {
                                    "id": i.id,
                                    "kind": i.kind,
                                    "item_id": i.item_id,
                                    "reason": i.reason,
                                    "banned_phrases": list(i.phrases),
                                    "handled_at": i.handled_at.isoformat(),
                                    "title": i.title,
                                    "text": i.text,
                                }
                                for i in sample.items_of(a.agent_id)
                            ],
                        }
                        for a in sample.agents
                    ],
                    "unmatched_names": sample.unmatched,
                },
                indent=2,
            )
        )
        return EXIT_OK
    if not sample.agents:
        print(i18n.tr("Nobody worked on {day}: there is nothing to check.", day=day.isoformat()))
        return EXIT_OK
    print(i18n.tr("Sample of {day} (seed {seed})", day=day.isoformat(), seed=sample.seed))
    print("  " + sample.rule.describe())
    for a in sample.agents:
        print(
            i18n.tr(
                "{name}: {drawn} of {handled} item(s) (quota {quota}, {reason}; "
                "{banned} with a banned phrase)",
                name=a.name,
                drawn=a.drawn,
                handled=a.handled,
                quota=a.quota,
                reason=reason_label(a.reason),
                banned=a.banned,
            )
        )
        for item in sample.items_of(a.agent_id):
            mark = "！" if item.phrases else " "
            phrases = "、".join(item.phrases)
            print(
                f"  {mark} {item.handled_at:%H:%M}  {item.title}"
                + (f"  [{phrases}]" if phrases else "")
            )
    if sample.unmatched:
        print(
            i18n.tr(
                "Names in the complaint history that no agent of the team has: {names}. Add "
                "them to the team (or correct the name) to check their work.",
                names="、".join(sample.unmatched),
            )
        )
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from branchdesk.qc import service

    year, number = args.month
    month = f"{year:04d}-{number:02d}"
    db = open_db()
    with db.read_session() as session:
        summary = service.monthly_quality(session, month)
    rows = sorted(summary.values(), key=lambda q: (q.agent_name, q.agent_id))
    if args.json:
        print(
            to_json(
                [
                    {
                        "agent_id": q.agent_id,
                        "name": q.agent_name,
                        "average": q.average,
                        "scored": q.scored,
                        "bad_days": q.bad_days,
                        "daily": [{"date": d.isoformat(), "average": v} for d, v in q.daily],
                        "coaching_open": q.coaching_open,
                        "coaching_closed": q.coaching_closed,
                    }
                    for q in rows
                ],
                indent=2,
            )
        )
        return EXIT_OK
    if not rows:
        print(i18n.tr("No item was scored in {month}.", month=month))
        return EXIT_OK
    print(i18n.tr("Quality in {month}", month=month))
    for q in rows:
        average = "—" if q.average is None else f"{q.average:.1f}"
        trend = " ".join(f"{v:.0f}" for _, v in q.daily)
        print(
            i18n.tr(
                "{name}: average {average} over {scored} item(s), {bad} day(s) under the pass "
                "mark; coaching {open} open, {closed} closed",
                name=q.agent_name,
                average=average,
                scored=q.scored,
                bad=q.bad_days,
                open=q.coaching_open,
                closed=q.coaching_closed,
            )
        )
        if trend:
            print(f"    {trend}")
    return EXIT_OK


def _cmd_qc(args: argparse.Namespace) -> int:
    if args.qc_command == "sample":
        return _sample(args)
    return _report(args)


COMMANDS = {"qc": _cmd_qc}
