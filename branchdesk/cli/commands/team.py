"""Team commands: the team list, signing in and out, the day's contacts.

`team` dispatches through SUBCOMMANDS, so another part of the team (the monthly statement)
adds its subcommand with one entry here and one parser line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from branchdesk import i18n
from branchdesk.cli.commands import pay
from branchdesk.cli.common import EXIT_OK, open_db, to_json
from branchdesk.errors import BranchDeskError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _agent_id(session: Session, name: str) -> int:
    from branchdesk.team.agents import agent_by_name

    agent = agent_by_name(session, name)
    if agent is None:
        raise BranchDeskError(
            i18n.tr(
                "There is no agent named “{name}”: see “branchdesk team list” for the names.",
                name=name,
            )
        )
    return agent.id


def _list(args: argparse.Namespace) -> int:
    from branchdesk.team.agents import list_agents, role_label, signed_in_on

    db = open_db()
    with db.read_session() as session:
        agents = list_agents(session, active_only=not args.all)
        present = signed_in_on(session, date.today())
    if args.json:
        print(
            to_json(
                [
                    {
                        "id": a.id,
                        "name": a.name,
                        "employee_no": a.employee_no or None,
                        "role": a.role,
                        "started_on": a.started_on.isoformat(),
                        "active": a.active,
                        "new_hire": a.is_new_hire(date.today()),
                        "signed_in_today": a.id in present,
                    }
                    for a in agents
                ],
                indent=2,
            )
        )
        return EXIT_OK
    if not agents:
        print(i18n.tr("No agents yet: the owner adds them in the team dialog (团队)."))
        return EXIT_OK
    for a in agents:
        marks = []
        if a.id in present:
            marks.append(i18n.tr("signed in"))
        if not a.active:
            marks.append(i18n.tr("inactive"))
        print(
            f"{a.name}  {a.employee_no or '—'}  {role_label(a.role)}  "
            f"{a.started_on.isoformat()}  {' '.join(marks)}".rstrip()
        )
    return EXIT_OK


def _sign_in(args: argparse.Namespace) -> int:
    from branchdesk.team.agents import sign_in

    db = open_db()
    with db.session() as session:
        sign_in(session, _agent_id(session, args.name))
    print(i18n.tr("{name} signed in.", name=args.name))
    return EXIT_OK


def _sign_out(args: argparse.Namespace) -> int:
    from branchdesk.team.agents import sign_out

    db = open_db()
    with db.session() as session:
        closed = sign_out(session, _agent_id(session, args.name))
    if closed:
        print(i18n.tr("{name} signed out.", name=args.name))
    else:
        print(i18n.tr("{name} was not signed in: nothing to sign out.", name=args.name))
    return EXIT_OK


def _contacts(args: argparse.Namespace) -> int:
    from branchdesk.team.agents import list_agents
    from branchdesk.team.contacts import channel_label, contacts_between, outcome_label

    day = args.date or date.today()
    start = datetime.combine(day, time())
    db = open_db()
    with db.read_session() as session:
        rows = contacts_between(session, start, start + timedelta(days=1))
        names = {a.id: a.name for a in list_agents(session, active_only=False)}
    if args.json:
        print(
            to_json(
                [
                    {
                        "id": r.id,
                        "at": r.at.isoformat(),
                        "agent": names.get(r.agent_id) if r.agent_id else None,
                        "channel": r.channel,
                        "waybill_no": r.waybill_no or None,
                        "customer": r.customer_name or None,
                        "question": r.question,
                        "reply": r.reply,
                        "script": r.script_title or None,
                        "outcome": r.outcome,
                    }
                    for r in rows
                ],
                indent=2,
            )
        )
        return EXIT_OK
    if not rows:
        print(i18n.tr("No contacts logged on {day}.", day=day.isoformat()))
        return EXIT_OK
    for r in rows:
        who = names.get(r.agent_id, "—") if r.agent_id else "—"
        print(
            f"{r.at:%H:%M}  {who}  {channel_label(r.channel)}  {r.waybill_no or '—'}  "
            f"{r.question}  → {outcome_label(r.outcome)}"
        )
    print(i18n.tr("{count} contact(s).", count=len(rows)))
    return EXIT_OK


SUBCOMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": _list,
    "sign-in": _sign_in,
    "sign-out": _sign_out,
    "contacts": _contacts,
    **pay.TEAM_SUBCOMMANDS,  # statement
}


def _cmd_team(args: argparse.Namespace) -> int:
    return SUBCOMMANDS[args.team_command](args)


COMMANDS = {
    "team": _cmd_team,
}
