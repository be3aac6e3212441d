"""zh_CN.ts translates every string the code marks for translation, placeholders intact.

When a test here fails after a code change, run `python tools/i18n_extract.py --update`,
translate the new `type="unfinished"` messages in resources/translations/zh_CN.ts, and
remove the `type` attribute.
"""

from __future__ import annotations

import importlib.util
import re
import string
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from branchdesk import i18n

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _load_extractor() -> ModuleType:
    name = "i18n_extract"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "i18n_extract.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


extractor = _load_extractor()


@pytest.fixture(scope="module")
def sources() -> dict[str, list[str]]:
    return extractor.extract()


@pytest.fixture(scope="module")
def messages() -> list[tuple[str, str, str | None]]:
    """(source, translation text, translation type) for every message in the .ts."""
    root = ET.parse(TS_FILE).getroot()
    found = []
    for message in root.iter("message"):
        translation = message.find("translation")
        found.append(
            (
                message.findtext("source") or "",
                (translation.text or "") if translation is not None else "",
                translation.get("type") if translation is not None else None,
            )
        )
    return found


@pytest.fixture(scope="module")
def catalog(messages: list[tuple[str, str, str | None]]) -> dict[str, str]:
    """What branchdesk.i18n will serve: translations not marked vanished or obsolete."""
    return {s: t for s, t, kind in messages if t and kind not in ("vanished", "obsolete")}


def placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_extractor_finds_the_known_kinds_of_strings(sources: dict[str, list[str]]) -> None:
    assert "Import a table" in sources  # self.tr(...)
    assert "{file}: no valid rows to import." in sources  # tr(...)
    assert "Segment code" in sources  # Column("...") and Field(key, "...")
    assert "Delivery areas" in sources  # ImportKind(label=...) and KIND_TITLES
    assert "Follow the system" in sources  # LANGUAGES
    assert not any(s in sources for s in ("id", "batch_id")), "sqlalchemy Column names leaked"


def test_every_source_has_a_chinese_translation(
    sources: dict[str, list[str]], catalog: dict[str, str]
) -> None:
    missing = {s: where for s, where in sources.items() if not catalog.get(s, "").strip()}
    listing = "\n".join(f"  {s!r}  ({', '.join(where[:2])})" for s, where in missing.items())
    assert not missing, (
        f"{len(missing)} source(s) have no zh_CN translation; run "
        f"`python tools/i18n_extract.py --update` and translate them:\n{listing}"
    )


def test_placeholders_match(messages: list[tuple[str, str, str | None]]) -> None:
    wrong = []
    for source, translation, _kind in messages:
        if not translation:
            continue
        try:
            ok = placeholders(translation) == placeholders(source)
        except ValueError as exc:  # an unmatched { or } in the translation
            ok, translation = False, f"{translation}  [{exc}]"
        if not ok:
            wrong.append(f"  {source!r} -> {translation!r}")
    assert not wrong, "placeholders differ from the source:\n" + "\n".join(wrong)


def test_accelerators_are_kept(messages: list[tuple[str, str, str | None]]) -> None:
    def has_accelerator(text: str) -> bool:
        return re.search(r"&[^&\s]", text.replace("&&", "")) is not None

    lost = [
        f"  {s!r} -> {t!r}"
        for s, t, _kind in messages
        if t and has_accelerator(s) and not has_accelerator(t)
    ]
    assert not lost, "menu accelerators (&X) lost in translation:\n" + "\n".join(lost)


def test_translations_are_chinese(catalog: dict[str, str]) -> None:
    # A source with English words (beyond its placeholders) gets a translation with Chinese;
    # the one exception is the language name "English", shown in its own language.
    def has_words(source: str) -> bool:
        return re.search(r"[A-Za-z]", re.sub(r"\{\w*\}", "", source)) is not None

    latin_only = [
        s for s, t in catalog.items() if s != "English" and has_words(s) and not CJK.search(t)
    ]
    assert not latin_only, f"translations without Chinese: {latin_only}"


def test_tr_follows_the_language() -> None:
    try:
        assert i18n.set_language("zh_CN") == "zh_CN"
        assert i18n.tr("Import a table") == "导入表格"
        assert i18n.tr("row {row}", row=7) == "第 7 行"
        assert i18n.translate("&File") == "文件(&F)"
        assert i18n.tr("not a translated string {x}", x=1) == "not a translated string 1"
        assert i18n.set_language("en") == "en"
        assert i18n.tr("Import a table") == "Import a table"
        assert i18n.tr("row {row}", row=7) == "row 7"
        assert i18n.translate("&File") is None
    finally:
        i18n.set_language("en")


def test_ts_parses_with_one_message_per_source(
    messages: list[tuple[str, str, str | None]],
) -> None:
    root = ET.parse(TS_FILE).getroot()
    assert root.tag == "TS"
    assert root.get("language") == "zh_CN"
    assert TS_FILE.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="utf-8"?>')
    duplicates = [s for s, n in Counter(s for s, _t, _k in messages).items() if n > 1]
    assert not duplicates, f"sources listed more than once: {duplicates}"
    assert all(s for s, _t, _k in messages), "a <message> without a <source>"


def test_extractor_update_keeps_translations_and_marks_vanished() -> None:
    catalog = extractor.Catalog(
        contexts={
            "BranchDesk": [
                extractor.Message("Kept", "保留"),
                extractor.Message("Gone", "删除"),
                extractor.Message("Kept", "重复"),
            ]
        }
    )
    changes = extractor.update(catalog, ["Kept", "New"])
    by_source = {m.source: m for m in catalog.messages()}
    assert changes.added == ["New"] and changes.vanished == ["Gone"]
    assert (by_source["Kept"].translation, by_source["Kept"].kind) == ("保留", None)
    assert by_source["Gone"].kind == "vanished"
    assert by_source["New"].kind == "unfinished"
    assert len(list(catalog.messages())) == 3
    rendered = extractor.render_ts(catalog)
    root = ET.fromstring(rendered)
    assert [m.findtext("source") for m in root.iter("message")] == ["Kept", "Gone", "New"]


def test_the_catalog_read_at_start_is_the_ts_files() -> None:
    """zh_CN.json (read at start, 1 ms) holds exactly the .ts file's translations (parsed in
    17 ms): after editing the .ts, run `python tools/i18n_extract.py --update`."""
    from importlib import resources

    i18n._catalog.cache_clear()
    read_at_start = i18n._catalog("zh_CN")
    parsed = i18n._ts_catalog(
        resources.files("branchdesk.resources").joinpath("translations", "zh_CN.ts")
    )
    assert read_at_start == parsed == extractor.read_ts(TS_FILE).translations()
    assert len(read_at_start) > 2000


def test_no_context_of_ours_looks_like_qts_own() -> None:
    """Our translator leaves contexts of Qt's classes (Q and a capital: QFileDialog…) to Qt's
    translations: a class or a translate() context of ours named so would lose its Chinese."""
    import ast

    qt_like = re.compile(r"Q[A-Z]")
    found = []
    for path in (ROOT / "branchdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and qt_like.match(node.name):
                found.append(f"{path.name}: class {node.name}")
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", None) == "translate"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and qt_like.match(node.args[0].value)
            ):
                found.append(f"{path.name}: translate({node.args[0].value!r})")
    assert found == []
