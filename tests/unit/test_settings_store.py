"""settings.json shared by several stores: a window's, a dialog's, the command line's."""

from __future__ import annotations

from pathlib import Path

from branchdesk.settings import SettingsStore


def test_a_store_opened_earlier_does_not_undo_what_another_store_saved(data_dir: Path) -> None:
    window = SettingsStore()  # opened at start
    dialog = SettingsStore()  # a dialog's, opened later
    dialog.set("print_choices", {"sheet": {"categories": ["客服"], "all": False}})
    window.set("agent_name", "李娜")  # the window saves something else afterwards
    again = SettingsStore()
    assert again.get("agent_name") == "李娜"
    assert again.get("print_choices") == {"sheet": {"categories": ["客服"], "all": False}}


def test_a_store_still_saves_when_the_file_went_bad(data_dir: Path) -> None:
    store = SettingsStore()
    store.set("agent_name", "李娜")
    Path(store.path).write_text("{not json", encoding="utf-8")
    store.set("lookup_result_limit", 20)
    again = SettingsStore()
    assert (again.get("agent_name"), again.get("lookup_result_limit")) == ("李娜", 20)
