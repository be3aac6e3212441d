"""The layering rules of DESIGN.md, checked on the source, plus ruff and the type checker."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "branchdesk"
# Only the UI package and the QApplication bootstrap may use widgets or dialogs.
WIDGET_MODULES = {
    "PySide6.QtWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtCharts",
    "PySide6.QtPdfWidgets",
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _lower_layer_modules() -> list[Path]:
    return [
        p
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts and p.name != "app.py"
    ]


# The CLI starts the GUI, so it may reach the bootstrap (inside a function, never at import),
# and a windowed start that fails before the window tells it in the bootstrap's message box.
ALLOWED = {
    "branchdesk/cli/main.py": {
        "branchdesk.app",
        "branchdesk.app.run_gui",
        "branchdesk.app.tell_in_a_window",
    }
}


def _forbidden(name: str) -> bool:
    return name.startswith(("branchdesk.ui", "branchdesk.app")) or any(
        name == w or name.startswith(w + ".") for w in WIDGET_MODULES
    )


def test_only_ui_imports_qtwidgets() -> None:
    offenders = {}
    for path in _lower_layer_modules():
        rel = path.relative_to(ROOT).as_posix()
        bad = {n for n in _imports(path) if _forbidden(n)} - ALLOWED.get(rel, set())
        if bad:
            offenders[rel] = sorted(bad)
    assert offenders == {}


def test_no_sql_in_widgets() -> None:
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        names = _imports(path)
        if any(n.startswith("sqlalchemy") for n in names) or "sqlite3" in names:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return found


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [_tool("ruff"), "check", "branchdesk", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.timeout(300)
def test_mypy_is_clean() -> None:
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_are_kept() -> None:
    """DESIGN.md's layering as import-linter contracts (pyproject.toml [tool.importlinter])."""
    result = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


FEATURES = (
    "lookup",
    "handbook",
    "complaints",
    "guides",
    "owner",
    "team",
    "qc",
    "pay",
    "training",
)


def _feature_of(module: str) -> str | None:
    parts = module.split(".")
    return (
        parts[1] if len(parts) > 1 and parts[0] == "branchdesk" and parts[1] in FEATURES else None
    )


# Modules of a feature that are its inside, not its face: its tables, and Lookup's raw index.
INTERNAL = {"models", "search"}


def test_features_meet_only_through_public_faces() -> None:
    """A feature never imports another feature's private names, its tables (models) or raw
    index rows: it asks through public functions returning plain data."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        home = _feature_of(module)
        if home is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [(alias.name, []) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets = [(node.module, [alias.name for alias in node.names])]
            else:
                continue
            for target, names in targets:
                other = _feature_of(target)
                if other is None or other == home:
                    continue
                inside = target.split(".")[2:3] and target.split(".")[2] in INTERNAL
                if inside or any(n.startswith("_") or n in INTERNAL for n in names):
                    offenders.append(f"{module}: {target} {', '.join(names)}".strip())
    assert offenders == []


# A class this long needs a reason, written in its docstring as "Why one class of this size".
LONG_CLASS = 400


def test_long_classes_say_why() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or node.end_lineno is None:
                continue
            size = node.end_lineno - node.lineno + 1
            doc = ast.get_docstring(node) or ""
            if size > LONG_CLASS and "Why one class of this size" not in doc:
                offenders.append(f"{path.relative_to(ROOT)}: {node.name} ({size} lines)")
    assert offenders == []
