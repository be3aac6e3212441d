"""The guide editor's undo history: each change to the guide is a command on one stack.

The commands change the editor only through the methods of `StepEditor`, so they can be read
(and tested) apart from the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from branchdesk.guides.entries import Annotation
from branchdesk.guides.service import StepData


@dataclass
class EditStep:
    uid: int  # stays with the step when it moves, so undo finds it
    data: StepData


class StepEditor(Protocol):
    """What the commands need of the editor."""

    steps: list[EditStep]
    typing_run: int

    def tr(self, text: str) -> str: ...
    def insert_step(self, row: int, step: EditStep) -> None: ...
    def remove_step(self, row: int) -> None: ...
    def move_data(self, src: int, dst: int) -> None: ...
    def move_step(self, src: int, dst: int) -> None: ...
    def set_field(self, uid: int | None, field: str, value: Any, *, show: bool) -> None: ...
    def set_image(self, uid: int, sha: str | None) -> None: ...
    def set_annotations(
        self, uid: int, annotations: tuple[Annotation, ...], *, show: bool
    ) -> None: ...


class AddStep(QUndoCommand):
    def __init__(self, editor: StepEditor, row: int, step: EditStep, text: str) -> None:
        super().__init__(text)
        self.editor, self.row, self.step = editor, row, step

    def redo(self) -> None:
        self.editor.insert_step(self.row, self.step)

    def undo(self) -> None:
        self.editor.remove_step(self.row)


class RemoveStep(QUndoCommand):
    def __init__(self, editor: StepEditor, row: int) -> None:
        super().__init__(editor.tr("Delete step {n}").format(n=row + 1))
        self.editor, self.row = editor, row
        self.step = editor.steps[row]

    def redo(self) -> None:
        self.editor.remove_step(self.row)

    def undo(self) -> None:
        self.editor.insert_step(self.row, self.step)


class MoveStep(QUndoCommand):
    """Step `src` to position `dst`; `done` when the list already shows it (drag and drop)."""

    def __init__(self, editor: StepEditor, src: int, dst: int, *, done: bool = False) -> None:
        super().__init__(editor.tr("Move step {a} to {b}").format(a=src + 1, b=dst + 1))
        self.editor, self.src, self.dst, self.done = editor, src, dst, done

    def redo(self) -> None:
        if self.done:
            self.done = False
            self.editor.move_data(self.src, self.dst)
        else:
            self.editor.move_step(self.src, self.dst)

    def undo(self) -> None:
        self.editor.move_step(self.dst, self.src)


class SetField(QUndoCommand):
    """A text or choice of the guide (uid None) or of a step; one typing run merges."""

    MERGE = 1

    def __init__(
        self, editor: StepEditor, uid: int | None, field: str, old: Any, new: Any, text: str
    ) -> None:
        super().__init__(text)
        self.editor, self.uid, self.field, self.old, self.new = editor, uid, field, old, new
        self.run = editor.typing_run
        self.shown = True  # the widget already shows `new`

    def id(self) -> int:
        return self.MERGE

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetField) or (other.uid, other.field, other.run) != (
            self.uid,
            self.field,
            self.run,
        ):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.editor.set_field(self.uid, self.field, self.new, show=not self.shown)
        self.shown = False

    def undo(self) -> None:
        self.editor.set_field(self.uid, self.field, self.old, show=True)


class SetImage(QUndoCommand):
    def __init__(self, editor: StepEditor, uid: int, old: str | None, new: str | None) -> None:
        super().__init__(editor.tr("Set the picture") if new else editor.tr("Remove the picture"))
        self.editor, self.uid, self.old, self.new = editor, uid, old, new

    def redo(self) -> None:
        self.editor.set_image(self.uid, self.new)

    def undo(self) -> None:
        self.editor.set_image(self.uid, self.old)


class SetAnnotations(QUndoCommand):
    """A finished gesture on the canvas; the canvas already shows `after` when pushed."""

    def __init__(
        self,
        editor: StepEditor,
        uid: int,
        before: tuple[Annotation, ...],
        after: tuple[Annotation, ...],
        text: str,
    ) -> None:
        super().__init__(text)
        self.editor, self.uid, self.before, self.after = editor, uid, before, after
        self.shown = True

    def redo(self) -> None:
        self.editor.set_annotations(self.uid, self.after, show=not self.shown)
        self.shown = False

    def undo(self) -> None:
        self.editor.set_annotations(self.uid, self.before, show=True)
