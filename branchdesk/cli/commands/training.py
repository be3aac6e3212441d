"""Training commands: where each employee stands (drill mastery per table, plan progress,
readiness for each job), and the copy-out sheet (`print drill-sheet`)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from branchdesk import i18n
from branchdesk.cli.common import EXIT_OK, open_db, to_json, wrote_pages


def _status(args: argparse.Namespace) -> int:
    from branchdesk.errors import BranchDeskError
    from branchdesk.team.agents import agent_by_name, list_agents
    from branchdesk.training import drills, plan

    db = open_db()
    with db.session() as session:
        drills.sync_cards(session)
        plan.reopen_changed(session)
        team = list_agents(session)
        if args.agent:
            agent = agent_by_name(session, args.agent)
            if agent is None:
                raise BranchDeskError(
                    i18n.tr(
                        "No agent named {name} in the team. The team: {names}.",
                        name=args.agent,
                        names="、".join(a.name for a in team) or "—",
                    )
                )
            team = [agent]
        board = {r.agent_id: r for r in plan.readiness(session)}
        on_plan = {t.agent_id for t in plan.trainees(session)}
        people: list[dict[str, Any]] = []
        for agent in team:
            decks = drills.mastery(session, agent.id)
            due = drills.due_counts(session, agent.id)
            record = plan.record(session, agent.id) if agent.id in on_plan else None
            mentees = plan.mentor_record(session, agent.id)
            row = board.get(agent.id)
            people.append(
                {
                    "name": agent.name,
                    "employee_no": agent.employee_no,
                    "drill": {
                        "due": due.due,
                        "new": due.new,
                        "tables": [
                            {
                                "table": d.deck,
                                "label": d.label,
                                "cards": d.cards,
                                "seen": d.seen,
                                "mastered": d.mastered,
                                "percent": d.percent,
                            }
                            for d in decks
                        ],
                    },
                    "plan": _plan_json(record),
                    "ready": dict(row.ready) if row else {},
                    "trainees": [
                        {"name": r.trainee.name, "passed": r.passed, "steps": len(r.steps)}
                        for r in mentees
                    ],
                }
            )
    if args.json:
        print(to_json({"agents": people}, indent=2))
        return EXIT_OK
    if not people:
        print(i18n.tr("No agents yet: add the team first (团队 › 团队与考勤)."))
        return EXIT_OK
    for person in people:
        print(person["name"])
        tables = person["drill"]["tables"]
        if tables:
            print(
                "  "
                + "；".join(
                    i18n.tr("{table} mastered {percent}%", table=t["label"], percent=t["percent"])
                    for t in tables
                )
            )
        print(
            "  "
            + i18n.tr(
                "Drill: {due} card(s) due, {new} not learned yet.",
                due=person["drill"]["due"],
                new=person["drill"]["new"],
            )
        )
        if person["plan"] is not None:
            p = person["plan"]
            print(
                "  "
                + i18n.tr(
                    "Plan: mentor {mentor}, {passed} of {steps} step(s) passed, {overdue} overdue.",
                    mentor=p["mentor"] or "—",
                    passed=p["passed"],
                    steps=len(p["steps"]),
                    overdue=p["overdue"],
                )
            )
            for step in p["steps"]:
                print(f"    {step['due']}  {step['title']}  {step['progress']}  {step['label']}")
        ready = [plan.job_label(j) for j, ok in person["ready"].items() if ok]
        print("  " + i18n.tr("Ready for: {jobs}", jobs="、".join(ready) or "—"))
        for trainee in person["trainees"]:
            print(
                "  "
                + i18n.tr(
                    "Mentor of {name}: {passed} of {steps} step(s) passed.",
                    name=trainee["name"],
                    passed=trainee["passed"],
                    steps=trainee["steps"],
                )
            )
    return EXIT_OK


def _plan_json(record: Any) -> dict[str, Any] | None:
    from branchdesk.training import plan

    if record is None:
        return None
    today = date.today()
    return {
        "mentor": record.trainee.mentor,
        "started_on": record.trainee.started_on.isoformat(),
        "passed": record.passed,
        "overdue": record.overdue(today),
        "steps": [
            {
                "stage": s.stage,
                "title": s.title,
                "rule": s.rule,
                "jobs": list(s.jobs),
                "due": s.due.isoformat(),
                "status": s.status,
                "label": plan.status_label(s.status),
                "progress": s.progress,
                "signed_by": s.signed_by,
            }
            for s in record.steps
        ],
    }


def print_drill_sheet(args: argparse.Namespace) -> int:
    """`print drill-sheet [--table areas] [--employee NAME] -o FILE.pdf`: the copy-out sheet
    with its answer key on a page of its own."""
    from branchdesk.errors import BranchDeskError
    from branchdesk.io.documents import document_kinds
    from branchdesk.settings import SettingsStore
    from branchdesk.team.agents import agent_by_name
    from branchdesk.training import drills

    db = open_db()
    with db.session() as session:
        drills.sync_cards(session)
        agent = agent_by_name(session, args.employee) if args.employee else None
        if args.employee and agent is None:
            raise BranchDeskError(i18n.tr("No agent named {name} in the team.", name=args.employee))
        sheet = drills.copy_sheet(
            session,
            args.table,
            employee=agent.name if agent else "",
            agent_id=agent.id if agent else None,
        )
    pages = document_kinds()["drill-sheet"].render(
        sheet,
        args.output,
        branch=str(SettingsStore().get("branch_name") or ""),
        printed=date.today(),
    )
    print(wrote_pages(pages, args.output))
    return EXIT_OK


def _training(args: argparse.Namespace) -> int:
    return {"status": _status}[args.training_command](args)


COMMANDS = {"training": _training}
