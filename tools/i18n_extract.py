"""Collect BranchDesk's translatable English strings and keep zh_CN.ts in step with the code.

    python tools/i18n_extract.py            # list sources missing from zh_CN.ts (exit 1 if any)
    python tools/i18n_extract.py --update   # add them as unfinished, mark dropped ones vanished

The extractor reads `branchdesk/**/*.py` with `ast` (nothing is imported) and takes:

* the first argument of `tr(...)` and `self.tr(...)` / `anything.tr(...)`;
* the second argument of `translate(ctx, "...")` / `QCoreApplication.translate(...)`
  (and of `QT_TRANSLATE_NOOP`), the first of `QT_TR_NOOP`;
* the title of `Column("...", ...)`, the label of `Field(key, "...", ...)`, and any
  `label="..."` keyword (e.g. `ImportKind(label=...)`);
* the values of label tables (`KIND_TITLES`, `LANGUAGES`, `PLACEHOLDERS`, any `*_TITLES`
  / `*_LABELS`) anywhere in the package, which the code passes through `tr`/`self.tr`.

Adjacent literals ("a" "b") arrive joined from `ast`; `"a" + "b"` is joined here and both
branches of `"a" if x else "b"` are taken. Non-literal arguments (`tr(kind.label)`) are
skipped: the literal they carry is collected where it is written.

`branchdesk.i18n` looks translations up by source text only, so the .ts holds one message
per distinct source; contexts are kept as found, new sources go to the "BranchDesk" context.
Existing translations are never changed.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "branchdesk"
TS_FILE = ROOT / "resources" / "translations" / "zh_CN.ts"
DEFAULT_CONTEXT = "BranchDesk"

# Module-level tables of English labels that the UI passes through self.tr().
LABEL_TABLES = {"KIND_TITLES", "LANGUAGES", "RULE_KINDS", "PLACEHOLDERS"}
LABEL_TABLE_SUFFIXES = ("_TITLES", "_LABELS")

# call name -> index of the positional argument that carries the source text
POSITIONAL = {
    "tr": 0,
    "_tr": 0,
    "translate": 1,
    "QT_TR_NOOP": 0,
    "QT_TRANSLATE_NOOP": 1,
    "Column": 0,
    "Field": 1,
}
# call name -> keyword that may carry the source text instead
KEYWORD = {"Column": "title", "Field": "label"}


# --- extraction -------------------------------------------------------------------------


def literals(node: ast.AST | None) -> list[str]:
    """The string values `node` can take if it is built only from literals, else []."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = literals(node.left), literals(node.right)
        return [a + b for a in left for b in right]
    if isinstance(node, ast.IfExp):
        return literals(node.body) + literals(node.orelse)
    return []


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _from_call(call: ast.Call, own: set[str]) -> Iterator[ast.AST]:
    name = _call_name(call)
    if name in KEYWORD and not (isinstance(call.func, ast.Name) and name in own):
        name = None  # sqlalchemy's Column, dataclasses' field…: not ours
    if name in POSITIONAL:
        index = POSITIONAL[name]
        # "text".translate(table) has one argument: str.translate, not Qt's.
        if index < len(call.args):
            yield call.args[index]
        elif name in KEYWORD:
            for kw in call.keywords:
                if kw.arg == KEYWORD[name]:
                    yield kw.value
    # ImportKind(label=...) and other records; not tr("...", label=x), a format field.
    if name and name[0].isupper() and KEYWORD.get(name) != "label":
        for kw in call.keywords:
            if kw.arg == "label":
                yield kw.value


def _is_label_table(target: ast.expr) -> bool:
    return isinstance(target, ast.Name) and (
        target.id in LABEL_TABLES or target.id.endswith(LABEL_TABLE_SUFFIXES)
    )


def _from_table(value: ast.AST) -> Iterator[ast.AST]:
    """Dict values; for a sequence of (code, label) pairs the labels; else the items."""
    if isinstance(value, ast.Dict):
        yield from value.values
    elif isinstance(value, ast.Tuple | ast.List):
        for item in value.elts:
            if isinstance(item, ast.Tuple | ast.List) and len(item.elts) >= 2:
                yield item.elts[1]
            else:
                yield item


def _own_names(tree: ast.AST) -> set[str]:
    """Names bound by `from branchdesk… import X` or a class defined in the module."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (
            node.level or (node.module or "").split(".")[0] == "branchdesk"
        ):
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.ClassDef):
            names.add(node.name)
    return names


def _nodes(tree: ast.AST, in_ui: bool) -> Iterator[ast.AST]:
    own = _own_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield from _from_call(node, own)
        elif in_ui and isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_is_label_table(t) for t in targets):
                yield from _from_table(node.value)


def extract_file(path: Path, root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """(source, "file:line") for every translatable literal in one Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    relative = path.relative_to(root).as_posix()
    for node in _nodes(tree, True):
        for text in literals(node):
            if text.strip():
                yield text, f"{relative}:{getattr(node, 'lineno', 0)}"


def python_files(package: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def extract(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Every translatable source string -> the places it is used, in file order."""
    found: dict[str, list[str]] = {}
    for path in python_files(package):
        hits = sorted(extract_file(path, package.parent), key=lambda h: _line(h[1]))
        for text, where in hits:
            found.setdefault(text, []).append(where)
    return found


def _line(where: str) -> int:
    return int(where.rsplit(":", 1)[1])


# --- the .ts file -----------------------------------------------------------------------


@dataclass
class Message:
    source: str
    translation: str = ""
    kind: str | None = None  # None (finished), "unfinished", "vanished" or "obsolete"
    comment: str | None = None


@dataclass
class Catalog:
    language: str = "zh_CN"
    contexts: dict[str, list[Message]] = field(default_factory=dict)

    def messages(self) -> Iterator[Message]:
        for messages in self.contexts.values():
            yield from messages

    def sources(self) -> dict[str, Message]:
        return {m.source: m for m in self.messages()}

    def translations(self) -> dict[str, str]:
        """source -> translation, as branchdesk.i18n sees them (finished or unfinished)."""
        return {
            m.source: m.translation
            for m in self.messages()
            if m.translation and m.kind not in ("vanished", "obsolete")
        }


def read_ts(path: Path = TS_FILE) -> Catalog:
    if not path.exists():
        return Catalog()
    root = ET.parse(path).getroot()
    catalog = Catalog(language=root.get("language", "zh_CN"))
    for context in root.iter("context"):
        name = context.findtext("name") or DEFAULT_CONTEXT
        messages = catalog.contexts.setdefault(name, [])
        for message in context.iter("message"):
            source = message.findtext("source")
            if source is None:
                continue
            translation = message.find("translation")
            messages.append(
                Message(
                    source=source,
                    translation=(translation.text or "") if translation is not None else "",
                    kind=translation.get("type") if translation is not None else "unfinished",
                    comment=message.findtext("comment"),
                )
            )
    return catalog


def _text(value: str) -> str:
    return escape(value)  # &, < and >; quotes need no escaping in element text


def render_ts(catalog: Catalog) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language={quoteattr(catalog.language)}>',
    ]
    for name, messages in catalog.contexts.items():
        if not messages:
            continue
        lines += ["<context>", f"    <name>{_text(name)}</name>"]
        for m in messages:
            lines.append("    <message>")
            lines.append(f"        <source>{_text(m.source)}</source>")
            if m.comment:
                lines.append(f"        <comment>{_text(m.comment)}</comment>")
            kind = f' type="{m.kind}"' if m.kind else ""
            if m.translation:
                lines.append(f"        <translation{kind}>{_text(m.translation)}</translation>")
            else:
                lines.append(f"        <translation{kind}></translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def write_ts(catalog: Catalog, path: Path = TS_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_ts(catalog), encoding="utf-8", newline="\n")
    # What branchdesk.i18n reads at start: the translations alone, as JSON (parsing the .ts
    # took 17 ms before the window's first paint; this takes 1 ms).
    path.with_suffix(".json").write_text(
        json.dumps(catalog.translations(), ensure_ascii=False, indent=0, sort_keys=True) + "\n",
        encoding="utf-8",
        newline="\n",
    )


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    vanished: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)


def update(catalog: Catalog, sources: Iterable[str]) -> Changes:
    """Bring `catalog` in line with `sources`, keeping every existing translation."""
    wanted = list(dict.fromkeys(sources))
    wanted_set = set(wanted)
    changes = Changes()
    seen: set[str] = set()
    for context in catalog.contexts.values():
        kept: list[Message] = []
        for m in context:
            if m.source in seen:  # lookup ignores contexts: one message per source
                continue
            seen.add(m.source)
            kept.append(m)
            if m.source in wanted_set and m.kind in ("vanished", "obsolete"):
                m.kind = None if m.translation else "unfinished"
                changes.revived.append(m.source)
            elif m.source not in wanted_set and m.kind not in ("vanished", "obsolete"):
                m.kind = "vanished"
                changes.vanished.append(m.source)
        context[:] = kept
    new = [s for s in wanted if s not in seen]
    if new:
        target = catalog.contexts.setdefault(DEFAULT_CONTEXT, [])
        target.extend(Message(source=s, kind="unfinished") for s in new)
        changes.added = new
    return changes


def missing(found: dict[str, list[str]], catalog: Catalog) -> dict[str, list[str]]:
    """Extracted sources that have no usable translation yet."""
    have = catalog.translations()
    return {s: where for s, where in found.items() if not have.get(s)}


# --- command line -----------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write new/vanished to the .ts")
    parser.add_argument("--ts", type=Path, default=TS_FILE, help="the .ts file (zh_CN.ts)")
    parser.add_argument("--list", action="store_true", help="print every extracted source")
    args = parser.parse_args(argv)

    found = extract()
    catalog = read_ts(args.ts)
    if args.list:
        for source, where in found.items():
            print(f"{source!r}\t{', '.join(where)}")
    if args.update:
        changes = update(catalog, found)
        write_ts(catalog, args.ts)
        print(
            f"{args.ts.relative_to(ROOT) if args.ts.is_relative_to(ROOT) else args.ts}: "
            f"{len(changes.added)} added, {len(changes.vanished)} vanished, "
            f"{len(changes.revived)} back in use"
        )
    gaps = missing(found, catalog)
    print(f"{len(found)} sources, {len(gaps)} without a translation")
    for source, where in gaps.items():
        print(f"  {source!r}  ({', '.join(where[:3])}{' …' if len(where) > 3 else ''})")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
