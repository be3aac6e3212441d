"""The print dialog's choices kept from one opening to the next (settings.json's
print_choices): per document, the ticked categories, the courier, and an exam's questions,
part and paper no.; the page's category wins over them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QSpinBox

from branchdesk.settings import SettingsStore


class PrintDialog(Protocol):
    """What of the print dialog its choices are read from and put back into."""

    settings: SettingsStore
    category_list: QListWidget
    courier: QComboBox
    questions: QSpinBox
    part: QComboBox
    seed: QSpinBox
    key_printed: bool

    def kind(self) -> str: ...

    def tick(self, keep: Callable[[str], bool]) -> None: ...


def remembered(settings: SettingsStore) -> dict[str, dict[str, Any]]:
    """The choices kept per document (and the last document, under "")."""
    stored = settings.get("print_choices")
    return {k: v for k, v in stored.items() if isinstance(v, dict)}


def restore(dialog: PrintDialog, choices: dict[str, Any], category: str | None) -> None:
    """The choices last used for this document; the page's category wins over them."""
    names = {
        dialog.category_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(dialog.category_list.count())
    }
    ticked = choices.get("categories")
    if category in names:
        dialog.tick(lambda name: name == category)
        row = next(
            i
            for i in range(dialog.category_list.count())
            if dialog.category_list.item(i).data(Qt.ItemDataRole.UserRole) == category
        )
        dialog.category_list.setCurrentRow(row)
    elif not choices.get("all", True) and isinstance(ticked, list) and names.intersection(ticked):
        dialog.tick(lambda name: name in ticked)
    courier = choices.get("courier")
    if isinstance(courier, str):
        dialog.courier.setCurrentText(courier)
    questions = choices.get("questions")
    if isinstance(questions, int) and not isinstance(questions, bool):
        dialog.questions.setValue(questions)
    part = dialog.part.findData(choices.get("part"))
    seed = choices.get("seed")
    if category in names and choices.get("part") == "key":
        part = dialog.part.findData("paper")  # a category chosen: a new paper on it
    if part >= 0:
        dialog.part.setCurrentIndex(part)
        # 只印试卷 goes with its paper: the key printed next is that paper's, never a key
        # for a new paper nobody printed. Both together, or a category chosen on the
        # page: a new paper. (After its key was printed, part is 只印试卷 and no seed.)
        if choices.get("part") != "both" and isinstance(seed, int) and category not in names:
            dialog.seed.setValue(seed)


def remember(dialog: PrintDialog) -> None:
    """Keep this document's choices for the next time the dialog opens."""
    kind = dialog.kind()
    checked = [
        dialog.category_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(dialog.category_list.count())
        if dialog.category_list.item(i).checkState() == Qt.CheckState.Checked
    ]
    choices: dict[str, Any] = dict(dialog.settings.get("print_choices"))
    mine: dict[str, Any] = {
        "categories": checked,
        "all": len(checked) == dialog.category_list.count(),
    }
    if kind == "sheet":
        mine["courier"] = dialog.courier.currentText().strip()
    if kind == "exam":
        mine["questions"] = dialog.questions.value()
        mine["part"] = str(dialog.part.currentData())
        mine["seed"] = dialog.seed.value()
        if dialog.key_printed and mine["part"] == "key":
            # Its key printed, a paper is done with: the next one opens on a new paper,
            # not on the answers to hand out again.
            mine["part"] = "paper"
            del mine["seed"]
    if kind != "results":  # the practice page opens results by itself
        choices[kind] = mine
        choices[""] = {"document": kind}
    # A convenience only: if settings.json cannot be written, the defaults next time.
    with contextlib.suppress(OSError):
        dialog.settings.set("print_choices", choices)
