"""The new-hire plan: a mentor signs steps off once their rules are met, a step reopens when
its source changes, and the owner's board shows who is ready for which job."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from branchdesk.db.engine import Database
from branchdesk.handbook import service as handbook
from branchdesk.handbook.entries import ResultRow
from branchdesk.training import drills, plan
from tests.unit.training.conftest import add_agents, import_areas

NOW = datetime(2026, 12, 1, 9, 0)


@pytest.fixture
def team(db: Database) -> dict[str, int]:
    ids = add_agents(db, "孙丽", "林子涵")
    with db.session() as s:
        plan.enrol(s, ids["林子涵"], ids["孙丽"], date(2026, 11, 20))
    return ids


def _step(db: Database, agent: int, rule: str) -> plan.StepState:
    with db.session() as s:
        return next(st for st in plan.record(s, agent, NOW).steps if st.rule == rule)


def test_the_exam_step_reopens_after_a_handbook_change(db: Database, team: dict[str, int]) -> None:
    hire = team["林子涵"]
    with db.session() as s:
        handbook.ensure_default_categories(s)
        category = handbook.list_categories(s)[0].name
        handbook.add_item(s, handbook.ItemFields(category, "虚假签收", "50元/票"))
        exam = next(st for st in plan.record(s, hire, NOW).steps if st.rule == "exam")
        with pytest.raises(drills.TrainingError, match="not met"):
            plan.sign_off(s, hire, exam.item_id, "孙丽", NOW)
        handbook.save_result(s, ResultRow("林子涵", NOW - timedelta(days=1), "quiz", 9, 10))
        assert plan.sign_off(s, hire, exam.item_id, "孙丽", NOW).status == plan.PASSED
    with db.session() as s:
        assert plan.reopen_changed(s, NOW) == 0  # nothing changed: still passed
        handbook.add_item(s, handbook.ItemFields(category, "延误派送", "10元/票"))
        assert plan.reopen_changed(s, NOW) == 1
    step = _step(db, hire, "exam")
    assert step.status == plan.REOPENED and step.signed_by == ""
    with db.session() as s:  # the mentor checks again and signs it off on the new handbook
        assert plan.sign_off(s, hire, step.item_id, "孙丽", NOW).status == plan.PASSED
        assert plan.reopen_changed(s, NOW) == 0


def test_the_board_shows_a_hire_ready_once_the_rules_pass(
    db: Database, team: dict[str, int], tmp_path: Path
) -> None:
    hire = team["林子涵"]
    import_areas(db, tmp_path, [("春江花月", "张伟", "13900000001")])
    with db.session() as s:
        for item in plan.ensure_plan(s):  # a short plan: the area table, then the verdict
            plan.remove_item(s, item.id)
        plan.add_item(
            s, plan.ItemSpec("overview", 1, "派件区域表", "drill", "areas", 100, ("lookup",))
        )
        plan.add_item(s, plan.ItemSpec("shadowing", 2, "师傅评定", "signoff", "", 0, ("lookup",)))
        drills.sync_cards(s, now=NOW)
    board = {r.name: r for r in _board(db)}
    assert board["孙丽"].ready["lookup"] and not board["孙丽"].on_plan  # a senior agent
    assert not board["林子涵"].ready["lookup"]
    with db.session() as s:
        items = {i.rule: i.id for i in plan.ensure_plan(s)}
        plan.sign_off(s, hire, items["signoff"], "孙丽", NOW)
        assert not {r.name: r for r in plan.readiness(s, NOW.date())}["林子涵"].ready["lookup"]
        for card in drills.build_session(s, hire, NOW):  # both cards, good day after day
            day = NOW
            for _ in range(4):
                day = drills.grade(s, hire, card.card_id, 3, day)
        plan.sign_off(s, hire, items["drill"], "孙丽", NOW)
    row = {r.name: r for r in _board(db)}["林子涵"]
    assert row.ready["lookup"] and row.passed == row.steps == 2
    assert row.mentor == "孙丽"
    with db.session() as s:
        mentor = plan.mentor_record(s, team["孙丽"])
    assert [r.trainee.name for r in mentor] == ["林子涵"] and mentor[0].passed == 2


def _board(db: Database) -> list[plan.ReadinessRow]:
    with db.session() as s:
        return plan.readiness(s, NOW.date())


def test_a_trainee_cannot_mentor_themselves(db: Database, team: dict[str, int]) -> None:
    with db.session() as s, pytest.raises(drills.TrainingError, match="own mentor"):
        plan.enrol(s, team["林子涵"], team["林子涵"])


def test_a_drill_step_reopens_when_its_table_is_re_imported_changed(
    db: Database, team: dict[str, int], tmp_path: Path
) -> None:
    hire = team["林子涵"]
    import_areas(db, tmp_path, [("春江花月", "张伟", "13900000001")])
    with db.session() as s:
        for item in plan.ensure_plan(s):
            plan.remove_item(s, item.id)
        step = plan.add_item(s, plan.ItemSpec("overview", 1, "派件区域表", "drill", "areas", 50))
        drills.sync_cards(s, now=NOW)
        for card in drills.build_session(s, hire, NOW):
            day = NOW
            for _ in range(4):
                day = drills.grade(s, hire, card.card_id, 3, day)
        plan.sign_off(s, hire, step, "孙丽", NOW)
        drills.sync_cards(s, now=NOW)  # nothing changed: the step stays passed
        assert plan.reopen_changed(s, NOW) == 0
    import_areas(db, tmp_path, [("春江花月", "赵敏", "13900000009")])
    with db.session() as s:
        drills.sync_cards(s, now=NOW)
        assert plan.reopen_changed(s, NOW) == 1
        assert plan.record(s, hire, NOW).steps[0].status == plan.REOPENED


def test_the_default_steps_read_in_the_language_in_use_now(
    db: Database, team: dict[str, int]
) -> None:
    """A plan made while BranchDesk spoke English (the sample loaded from the command line)
    reads in Chinese once the agents work in Chinese, and the other way round."""
    from branchdesk import i18n

    hire = team["林子涵"]
    with db.session() as s:
        english = [step.title for step in plan.record(s, hire, NOW).steps]
    assert "Delivery-area table mastered" in english
    i18n.set_language("zh_CN")
    try:
        with db.session() as s:
            chinese = [step.title for step in plan.record(s, hire, NOW).steps]
    finally:
        i18n.set_language("en")
    assert len(chinese) == len(english)
    assert not any(title in english for title in chinese)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in title) for title in chinese)


def test_the_guide_step_needs_every_guide_read_and_reopens_when_one_changes(
    db: Database, team: dict[str, int]
) -> None:
    from branchdesk.guides import service as guides

    hire = team["林子涵"]
    with db.session() as s:
        ids = []
        for title in ("揽收入库", "问题件登记"):
            gid = guides.create_guide(s, title, "操作", who="店主")
            data = guides.get_guide(s, gid)
            data.steps = [guides.StepData("打开系统"), guides.StepData("扫描")]
            guides.save_guide(s, gid, data, who="店主")
            ids.append(gid)
        step = next(st for st in plan.record(s, hire, NOW).steps if st.rule == "guide")
        assert (step.status, step.progress) == (plan.OPEN, "0 of 2 guide(s) read, checklist done")
        with pytest.raises(drills.TrainingError, match="not met"):
            plan.sign_off(s, hire, step.item_id, "孙丽", NOW)
        guides.record_reading(s, ids[0], "林子涵", NOW)
        guides.record_reading(s, ids[1], "王芳", NOW)  # someone else's reading does not count
        assert _measured(s, hire) == (plan.OPEN, "1 of 2 guide(s) read, checklist done")
        guides.record_reading(s, ids[1], "林子涵", NOW)
        assert _measured(s, hire)[0] == plan.MET
        assert plan.sign_off(s, hire, step.item_id, "孙丽", NOW).status == plan.PASSED
        # The guide changes: the step reopens and the old reading no longer counts.
        data = guides.get_guide(s, ids[1])
        data.steps.append(guides.StepData("打印标签"))
        guides.save_guide(s, ids[1], data, who="店主")
        assert plan.reopen_changed(s, NOW) == 1
        assert _measured(s, hire) == (plan.REOPENED, "1 of 2 guide(s) read, checklist done")


def _measured(s: object, hire: int) -> tuple[str, str]:
    step = next(st for st in plan.record(s, hire, NOW).steps if st.rule == "guide")  # type: ignore[arg-type]
    return step.status, step.progress
