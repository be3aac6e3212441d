"""A database on a network drive is refused, with why and what to do (the system's answers
are given by the test: a mount table, a drive type, a file system name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from branchdesk import paths
from branchdesk.cli import main
from branchdesk.db import location
from branchdesk.db.location import NetworkDriveError, linux_fs_type, network_filesystem

MOUNTS = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
40 27 0:50 / /mnt/branch rw,relatime - cifs //nas/branch rw,vers=3.0
41 40 254:1 / /mnt/branch/local rw,relatime - ext4 /dev/vdb rw
42 27 0:51 / /home/shared\\040folder rw - nfs4 server:/export rw
43 27 0:52 / /srv/ssh rw - fuse.sshfs me@host: rw
"""


@pytest.mark.parametrize(
    ("path", "found"),
    [
        ("/mnt/branch/data/branchdesk.sqlite3", "cifs"),
        ("/mnt/branch/local/branchdesk.sqlite3", "ext4"),  # the longest mount point wins
        ("/mnt/branchdesk.sqlite3", "ext4"),  # /mnt/branch is not a prefix of /mnt/branchdesk
        ("/home/shared folder/x.sqlite3", "nfs4"),  # \\040 is a space
        ("/srv/ssh/x.sqlite3", "fuse.sshfs"),
    ],
)
def test_the_longest_mount_point_gives_the_file_system(path: str, found: str) -> None:
    assert linux_fs_type(path, MOUNTS) == found


def test_linux_network_file_systems_are_found() -> None:
    def on(path: str) -> str | None:
        return network_filesystem(path, system="linux", mountinfo=MOUNTS)

    assert on("/mnt/branch/data/branchdesk.sqlite3") == "cifs"
    assert on("/home/shared folder/x") == "nfs4"
    assert on("/srv/ssh/x") == "fuse.sshfs"
    assert on("/mnt/branch/local/x") is None
    assert on("/var/lib/x") is None


def test_windows_remote_drives_and_unc_paths_are_found() -> None:
    types = {"C:\\": 3, "Z:\\": location.DRIVE_REMOTE, "E:\\": 2}

    def on(path: str) -> str | None:
        return network_filesystem(path, system="win32", drive_type=types.__getitem__)

    assert on("Z:\\BranchDesk\\branchdesk.sqlite3") == "network drive"
    assert on("\\\\nas\\branch\\branchdesk.sqlite3") == "UNC path"
    assert on("//nas/branch/branchdesk.sqlite3") == "UNC path"
    assert on("C:\\Users\\me\\AppData\\Local\\BranchDesk\\branchdesk.sqlite3") is None
    assert on("E:\\branchdesk.sqlite3") is None  # a USB stick is a local disk


def test_macos_network_file_systems_are_found() -> None:
    names = {"/Volumes/NAS": "smbfs", "/Users/me": "apfs"}
    for where, expected in (("/Volumes/NAS", "smbfs"), ("/Users/me", None)):
        found = network_filesystem(where, system="darwin", fs_type=names.get)
        assert found == expected


@pytest.fixture
def on_a_share(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data dir as if it were on an SMB share."""
    mounts = (
        "27 1 254:0 / / rw - ext4 /dev/vda rw\n"
        f"40 27 0:50 / {data_dir.resolve()} rw - cifs //nas/b rw\n"
    )
    monkeypatch.setattr(location, "_read_mountinfo", lambda: mounts)
    monkeypatch.setattr(location.sys, "platform", "linux")
    return data_dir


def test_the_command_line_refuses_a_database_on_a_share(
    on_a_share: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", "中山西路"]) == 1
    err = capsys.readouterr().err
    assert "network drive (cifs)" in err and "locking" in err and "branch server" in err
    assert not paths.db_path().exists()  # nothing was created there


def test_the_window_explains_and_closes(qtbot: QtBot, on_a_share: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from branchdesk.ui.shell.main_window import MainWindow

    shown: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "critical", lambda _p, title, text, *a: shown.append(text))
        mp.setattr(QMessageBox, "question", lambda *a: pytest.fail("no restore offer"))
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.open_data() is False
    assert len(shown) == 1 and "network drive (cifs)" in shown[0]
    with pytest.raises(NetworkDriveError):
        location.refuse_network(paths.db_path())
