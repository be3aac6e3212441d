"""One BranchDesk per data dir: a second start brings the first forward and exits."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from branchdesk import logs
from branchdesk.single_instance import SingleInstance, instance_key
from branchdesk.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def instances(qtbot: QtBot) -> Iterator[list[SingleInstance]]:
    """Instances made by a test, closed after it (a left-over lock would outlive the test)."""
    made: list[SingleInstance] = []
    yield made
    for instance in made:
        instance.close()


def _instance(made: list[SingleInstance], data_dir: Path) -> SingleInstance:
    instance = SingleInstance.for_data_dir(data_dir)
    made.append(instance)
    return instance


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def test_each_data_dir_has_its_own_key(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert instance_key(a) == instance_key(a / ".." / "a")
    assert instance_key(a) != instance_key(b)
    assert instance_key(a).startswith("branchdesk-")


def test_a_second_start_asks_the_first_to_come_forward(
    qtbot: QtBot, data_dir: Path, instances: list[SingleInstance]
) -> None:
    primary = _instance(instances, data_dir)
    assert primary.try_primary() and primary.is_primary
    second = _instance(instances, data_dir)
    with qtbot.waitSignal(primary.raise_requested, timeout=5000):
        assert not second.try_primary()
    assert not second.is_primary
    # Another data dir is another branch: its own instance.
    other = _instance(instances, data_dir.parent / "other-branch")
    assert other.try_primary()
    # Once the first has gone, the next start is the first again.
    primary.close()
    third = _instance(instances, data_dir)
    assert third.try_primary()


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_request_brings_the_window_forward(
    qtbot: QtBot, window: MainWindow, data_dir: Path, instances: list[SingleInstance]
) -> None:
    primary = _instance(instances, data_dir)
    assert primary.try_primary()
    primary.raise_requested.connect(window.bring_forward)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert not _instance(instances, data_dir).try_primary()
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isVisible())


def test_a_second_process_exits_at_once_and_the_first_comes_forward(
    qtbot: QtBot, data_dir: Path, instances: list[SingleInstance]
) -> None:
    primary = _instance(instances, data_dir)
    assert primary.try_primary()
    with qtbot.waitSignal(primary.raise_requested, timeout=30000):
        second = subprocess.Popen(
            [sys.executable, "-m", "branchdesk", "--data-dir", str(data_dir)],
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    _out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err.decode(errors="replace")
    log = (data_dir / "logs" / "branchdesk.log").read_text(encoding="utf-8")
    assert "starting" in log and "asked it to come forward" in log
    assert not (data_dir / "branchdesk.sqlite3").exists()  # it never opened the database
    logs.stop_logging()


def test_a_crashed_first_start_does_not_block_the_next(
    qtbot: QtBot, data_dir: Path, instances: list[SingleInstance]
) -> None:
    # A process that becomes the primary and dies without cleaning up (a crash, a kill).
    crash = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from branchdesk.single_instance import SingleInstance
        app = QCoreApplication([])
        instance = SingleInstance.for_data_dir(Path({str(data_dir)!r}))
        assert instance.try_primary()
        os._exit(3)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", crash], cwd=ROOT, env=_env(), capture_output=True, timeout=60
    )
    assert result.returncode == 3, result.stderr.decode(errors="replace")
    key = instance_key(data_dir)
    assert (Path(QDir.tempPath()) / f"{key}.lock").exists()  # left behind
    if sys.platform != "win32":
        assert (Path(QDir.tempPath()) / key).exists()  # so is the socket file
    primary = _instance(instances, data_dir)
    assert primary.try_primary()
    with qtbot.waitSignal(primary.raise_requested, timeout=5000):
        assert not _instance(instances, data_dir).try_primary()


def _pack(tmp_path: Path, title: str) -> Path:
    """A guide pack as another branch exports it (made in a database of its own)."""
    from branchdesk.db.engine import open_database
    from branchdesk.guides import packs, service
    from branchdesk.guides.service import StepData

    other = open_database(tmp_path / "other.sqlite3")
    with other.session() as session:
        gid = service.create_guide(session, title, "操作", who="别的网点")
        data = service.get_guide(session, gid)
        data.steps = [StepData("扫描入库")]
        service.save_guide(session, gid, data, who="别的网点")
        pack = tmp_path / "收到的 指南包" / f"{title}.zip"
        pack.parent.mkdir()
        packs.export_pack(session, gid, pack)
    other.dispose()
    return pack


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_pack_opened_while_branchdesk_runs_is_imported_by_the_running_window(
    qtbot: QtBot,
    window: MainWindow,
    data_dir: Path,
    instances: list[SingleInstance],
    tmp_path: Path,
) -> None:
    """Explorer starts `BranchDesk --open PACK` a second time: the first one imports it."""
    from branchdesk.ui.shell.main_window import GUIDES

    pack = _pack(tmp_path, "夜间揽收")
    primary = _instance(instances, data_dir)
    assert primary.try_primary()
    primary.raise_requested.connect(window.bring_forward)  # as run_gui connects them
    primary.open_requested.connect(lambda path: window.open_guide_pack(Path(path)))
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    with qtbot.waitSignal(primary.open_requested, timeout=5000) as asked:
        assert not _instance(instances, data_dir).try_primary(pack)
    assert asked.args == [str(pack.resolve())]
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isVisible())
    assert window.nav.currentRow() == GUIDES
    assert window.built(GUIDES) is not None
    chosen = window.guides_page.selected()
    assert chosen is not None and chosen.title.startswith("夜间揽收")


def test_a_pack_handed_over_before_the_data_is_open_waits_for_it(
    qtbot: QtBot, db: object, tmp_path: Path
) -> None:
    from branchdesk.db.engine import Database
    from branchdesk.ui.shell.main_window import GUIDES

    assert isinstance(db, Database)
    pack = _pack(tmp_path, "月结客户对账")
    window = MainWindow()  # still opening the branch's data
    qtbot.addWidget(window)
    window.open_guide_pack(pack)
    assert window.db is None
    window.attach(db)
    qtbot.waitUntil(lambda: window.built(GUIDES) is not None, timeout=10000)
    assert window.nav.currentRow() == GUIDES
    chosen = window.guides_page.selected()
    assert chosen is not None and chosen.title.startswith("月结客户对账")


def test_a_file_name_with_any_character_reaches_the_first_start_whole(
    qtbot: QtBot, data_dir: Path, instances: list[SingleInstance], tmp_path: Path
) -> None:
    primary = _instance(instances, data_dir)
    assert primary.try_primary()
    odd = tmp_path / " 指南 包\n第二行 .zip "  # spaces at both ends and a newline (Linux allows)
    with qtbot.waitSignal(primary.open_requested, timeout=5000) as asked:
        assert not _instance(instances, data_dir).try_primary(odd)
    assert asked.args == [str(odd.resolve())]


def test_a_start_while_the_first_is_still_painting_gets_through(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, instances: list[SingleInstance]
) -> None:
    """The first start holds the lock from its beginning but listens only once its window
    has painted (QtNetwork loads then): a pack opened in that moment still arrives."""
    import time

    primary = _instance(instances, data_dir)
    assert primary.try_primary(listen=False) and primary.is_primary
    pack = tmp_path / "揽收 #1.zip"
    pack.write_bytes(b"PK")
    second = subprocess.Popen(
        [sys.executable, "-m", "branchdesk", "--data-dir", str(data_dir), "--open", str(pack)],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)  # the second start is trying to connect, the first not listening yet
    assert second.poll() is None
    with qtbot.waitSignal(primary.open_requested, timeout=30000) as opened:
        primary.listen()
    assert opened.args == [str(pack.resolve())]
    _out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err.decode(errors="replace")
    logs.stop_logging()
