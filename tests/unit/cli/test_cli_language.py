"""The command line speaks the user's language: help, usage and errors in Chinese when the
language is 中文 (or the system's is), and every help text has its Chinese translation."""

from __future__ import annotations

import argparse
import errno
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from branchdesk import i18n, paths
from branchdesk.cli import main
from branchdesk.cli.localise import ARGPARSE_TEXTS
from branchdesk.cli.parser import build_parser
from branchdesk.db.engine import Database


@pytest.fixture
def chinese(data_dir: Path) -> Iterator[Path]:
    paths.settings_path().write_text(json.dumps({"language": "zh_CN"}), encoding="utf-8")
    yield data_dir
    i18n.set_language("en")


def test_help_is_chinese(chinese: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：branchdesk")
    assert "显示此帮助并退出" in out and "查询业务员、路由和运单" in out
    assert "显示版本号并退出" in out
    assert (
        "show this help" not in out and "find couriers" not in out and "version number" not in out
    )


def test_a_command_s_help_is_chinese(chinese: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "--help"]) == 0
    out = capsys.readouterr().out
    assert "考卷：题目数量" in out and "要写入的 PDF 文件" in out
    assert "店主 PIN" in out  # the --pin taken after the command, too


def test_usage_errors_are_chinese(chinese: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "中山西路", "--bogus"]) == 2
    assert "无法识别的参数：--bogus" in capsys.readouterr().err
    assert main(["import", "nonsense", "x.xlsx"]) == 2
    err = "".join(capsys.readouterr().err.split())  # wrapped to the console
    assert "：无效的选择：'nonsense'（可选：'areas'," in err
    assert main(["print", "exam", "--questions", "0", "-o", "x.pdf"]) == 2
    assert "0 不在 1 到 200 之间" in capsys.readouterr().err
    assert main(["import"]) == 2
    assert "缺少必需的参数：{areas,routes," in "".join(capsys.readouterr().err.split())
    assert main(["complaints"]) == 2  # what to do next, not only what is missing
    last = capsys.readouterr().err.splitlines()[-1]
    assert last == "运行“branchdesk complaints --help”查看用法。"


def test_errors_name_arguments_in_the_users_words_not_the_codes(
    chinese: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse names an argument by its attribute otherwise: "缺少必需的参数：
    complaints_command", "参数 batch_id：无效的 int 值"."""
    assert main(["complaints"]) == 2
    err = capsys.readouterr().err
    assert "缺少必需的参数：{due}" in err and "complaints_command" not in err
    assert main(["undo", "abc"]) == 2
    err = capsys.readouterr().err
    assert "参数 批次号：无效的值：'abc'" in err and "batch_id" not in err
    assert main(["lookup", "--help"]) == 0
    assert "[查询内容]" in capsys.readouterr().out
    for parser in _parsers(build_parser()):  # no attribute name left anywhere
        for action in parser._actions:
            if not action.option_strings and action.dest != "help":
                assert action.metavar is not None, f"{parser.prog}: {action.dest}"


def test_history_speaks_chinese_and_says_when_there_is_none(
    chinese: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history"]) == 0
    assert "还没有导入过表格" in capsys.readouterr().out
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "派件区域" in out and "使用中" in out
    assert "areas" not in out and "active" not in out


def test_english_stays_english(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths.settings_path().write_text(json.dumps({"language": "en"}), encoding="utf-8")
    assert main(["--help"]) == 0
    assert "show this help message and exit" in capsys.readouterr().out


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _parsers(sub)
    return found


def test_every_help_text_of_every_command_has_a_chinese_translation() -> None:
    """A command or option added with an untranslated help text fails here."""
    missing = []
    for parser in _parsers(build_parser()):
        texts = [parser.description] + [a.help for a in parser._actions]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                texts += [c.help for c in action._choices_actions]
        for text in texts:
            if text and text != argparse.SUPPRESS and not i18n.translate(text, "zh_CN"):
                missing.append(f"{parser.prog}: {text}")
    assert missing == []
    assert [t for t in ARGPARSE_TEXTS if not i18n.translate(t, "zh_CN")] == []


def test_a_data_dir_without_a_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir"]) == 2
    assert "--data-dir" in capsys.readouterr().err


def test_a_data_folder_that_is_a_file_is_one_plain_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was a Python traceback (FileExistsError) before any command ran."""
    table = tmp_path / "片区表.xlsx"
    table.write_bytes(b"PK\x03\x04")
    assert main(["--data-dir", str(table), "check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "FileExistsError" not in err
    assert str(table) in err and "--data-dir" in err


def test_without_console_streams_the_command_line_still_runs(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Windows bundle started from a shortcut has no stdout/stderr at all (None)."""
    import sys
    import warnings

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    seen: list[object] = []

    def command(_args: object) -> int:
        seen.append(sys.stdout)
        print("nowhere to go")  # print() to a None stream is silently dropped
        warnings.warn("a library's warning", stacklevel=1)
        return 0

    monkeypatch.setitem(
        __import__("branchdesk.cli.commands").cli.commands.COMMANDS, "demo", command
    )
    with pytest.warns(UserWarning, match="a library's warning"):
        assert main(["demo"]) == 0
    assert seen == [None]


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], {"data_dir": None, "open": None, "tray": False}),
        (["--data-dir", "网点 数据"], {"data_dir": "网点 数据", "open": None}),
        (["--tray", "--data-dir", "d"], {"data_dir": "d", "tray": True}),  # started with Windows
        (["--data-dir=d", "--open", "包.zip"], {"data_dir": "d", "open": Path("包.zip")}),
        (["--pin", "1234", "--data-dir", "d"], {"data_dir": "d", "open": None}),
        (["--help"], None),
        (["--version"], None),
        (["--data-dir"], None),  # a mistake: the full parser tells it
        (["--data", "d"], None),  # abbreviated: the full parser reads it
        (["lookup", "中山路"], None),
        (["--data-dir", "d", "lookup"], None),
        (["--bogus"], None),
    ],
)
def test_a_gui_start_is_told_from_a_command_without_the_full_parser(
    argv: list[str], gui: dict[str, object] | None, capsys: pytest.CaptureFixture[str]
) -> None:
    from branchdesk.cli.main import gui_start

    found = gui_start(argv)
    if gui is None:
        assert found is None
    else:
        assert found is not None and {k: getattr(found, k) for k in gui} == gui
    assert capsys.readouterr() == ("", "")  # the quick parser never prints


def test_the_full_parser_still_tells_a_mistaken_gui_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from branchdesk.cli.main import main

    assert main(["--data-dir"]) == 2
    err = capsys.readouterr().err
    # The full parser's usage and its one error line (the quick one prints nothing).
    assert err.count("branchdesk: ") == 1 and "--data-dir" in err.splitlines()[-2]
    assert err.splitlines()[-1] == "Run “branchdesk --help” to see how it is used."


def test_a_file_error_gives_its_reason_in_chinese(
    chinese: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The C library words errno in English ("Permission denied" inside a Chinese sentence,
    on Linux and for open() on Windows): the reason is said in Chinese."""
    assert main(["lookup", "--batch", str(tmp_path / "没有这个文件.txt")]) == 1
    err = capsys.readouterr().err
    assert "文件或文件夹不存在" in err and "No such file" not in err
    folder = tmp_path / "只是文件夹"
    folder.mkdir()
    assert main(["lookup", "--batch", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "这是文件夹，不是文件" in err and "directory" not in err


def test_a_reason_worded_by_windows_is_kept() -> None:
    from branchdesk.errors import os_reason

    exc = OSError(13, "另一个程序正在使用此文件，进程无法访问。")
    exc.winerror = 32  # type: ignore[attr-defined]
    assert os_reason(exc) == "另一个程序正在使用此文件，进程无法访问。"
    assert os_reason(OSError(errno.EACCES, "Permission denied")) != "Permission denied"


def test_the_faq_import_names_its_columns_as_a_faq_does(
    chinese: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It asked for a column 题号 (the exam key's question number) where a FAQ has 问题."""
    bad = tmp_path / "faq.csv"
    bad.write_text("标题,内容\r\n到付拒付,先电联\r\n", encoding="utf-8")
    assert main(["faq", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "问题" in err and "题号" not in err


def test_chinese_output_uses_chinese_punctuation(
    sample_db: Database, chinese: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The lookup said "精确匹配: …" and the reasons were joined by an ASCII "; "."""
    assert main(["lookup", "宁波市海曙区中山西路37号"]) == 0
    out = capsys.readouterr().out
    assert "  精确匹配\n" in out and ":" not in out  # the reason on the line below it
    assert "没有更具体的规则；" in out and "; " not in out
    # Where a bad cell is: file，sheet，row，column (the ASCII ", " between them read oddly).
    bad = tmp_path / "片区.csv"
    bad.write_text("区县,负责片区,业务员\r\n海曙区,中山\x07路,李四\r\n", encoding="utf-8")
    assert main(["import", "areas", str(bad), "--dry-run"]) == 1
    said = capsys.readouterr()
    assert "片区.csv，工作表“片区”，第 2 行，" in said.out + said.err


def test_a_windowed_start_with_an_unusable_data_folder_says_so_in_a_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The windowed bundle has no console: the message went to no stream and BranchDesk
    simply did not start."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(sys, "stderr", None)
    table = tmp_path / "片区表.xlsx"
    table.write_bytes(b"PK\x03\x04")
    assert main(["--data-dir", str(table)]) == 1
    assert len(shown) == 1 and str(table) in shown[0]


def test_a_start_of_the_window_from_a_shortcut_with_an_unusable_data_folder_shows_a_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Started from a desktop shortcut (a console exists but nobody reads it), the message
    went to stderr only and nothing appeared (hostile tester); a command keeps to stderr."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    table = tmp_path / "片区表.xlsx"
    table.write_bytes(b"PK\x03\x04")
    assert main(["--data-dir", str(table)]) == 1
    assert len(shown) == 1 and str(table) in shown[0]
    assert str(table) in capsys.readouterr().err
    assert main(["--data-dir", str(table), "lookup", "中山西路"]) == 1
    assert len(shown) == 1  # the command line's mistake is not put in a window


def test_every_argument_is_explained_with_chinese_headings(
    chinese: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """import's table and file, export's -o, undo's number… had no help at all, and the
    headings ended in an ASCII colon (位置参数:)."""
    assert main(["undo", "--help"]) == 0
    out = capsys.readouterr().out
    assert "位置参数：" in out and "选项：" in out and "位置参数:" not in out
    assert "导入记录的批次号" in out
    assert main(["import", "--help"]) == 0
    out = capsys.readouterr().out
    assert "faq" not in out.split("位置参数：")[0]  # the usage line
    assert "customers 寄件客户" in out and "表格文件" in out
    for parser in _parsers(build_parser()):
        for action in parser._actions:
            if action.help is None and not isinstance(action, argparse._SubParsersAction):
                raise AssertionError(f"{parser.prog}: {action.dest} has no help")


def test_help_lines_up_where_an_argument_is_named_in_chinese(
    chinese: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse counts characters: the help of 批次号 started three columns right of the
    others' in a console, where a Chinese character takes two."""
    import unicodedata

    def column(line: str, text: str) -> int:
        before = line[: line.index(text)]
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in before)

    assert main(["undo", "--help"]) == 0
    lines = capsys.readouterr().out.splitlines()
    number = next(line for line in lines if line.strip().startswith("批次号"))
    yes = next(line for line in lines if line.strip().startswith("--yes"))
    assert column(number, "导入记录") == column(yes, "不再询问")


def test_option_values_are_named_in_chinese_and_their_help_lines_up(chinese: Path) -> None:
    """--category 分类, not --category NAME, in every command and subcommand (formats such as
    YYYY-MM and N stay); and the help column stays one column where a value is Chinese
    (complaints due's --within 小时数 pushed its help three columns right)."""
    import re
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    i18n.set_language("zh_CN")
    english: set[str] = set()
    for parser in _parsers(build_parser()):
        shown = parser.format_help()
        english |= set(re.findall(r"(--[a-z-]+ [A-Z][A-Z_]+)\b", shown))
        columns = {
            width(found.group(1)) for found in re.finditer(r"^(  -\S.*?  +)\S", shown, re.MULTILINE)
        }
        assert len(columns) <= 1, (parser.prog, shown)
    assert english <= {"--pin PIN", "--month YYYY", "--date YYYY"}  # YYYY-MM(-DD)
    assert "--category 分类" in next(
        p.format_help() for p in _parsers(build_parser()) if p.prog.endswith(" print")
    )


def test_chinese_help_wraps_within_the_console(
    chinese: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse wraps by characters: a line of Chinese help ran to 110 columns of an 80-column
    console, which wraps it again at column 0."""
    import unicodedata

    monkeypatch.setenv("COLUMNS", "80")
    i18n.set_language("zh_CN")
    too_wide = []
    for parser in _parsers(build_parser()):
        for line in parser.format_help().splitlines():
            shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
            if shown > 80:
                too_wide.append(line)
    assert too_wide == []


def _columns(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_a_usage_in_chinese_fits_the_console_and_its_lines_start_under_the_first_option(
    chinese: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse laid out 用法： by characters: print's usage ran to 92 columns of an 80-column
    console, and its later lines started three columns left of the options of the first
    (用法： is three characters, six columns). A required option keeps its value (-o 输出文件)."""
    import argparse

    from branchdesk.cli import localise

    monkeypatch.setenv("COLUMNS", "80")
    # As `main` does: argparse's own 用法： through the catalog (the test passed only after
    # another test in the same process had run `main`).
    monkeypatch.setattr(argparse, "_", argparse._)  # type: ignore[attr-defined]
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    assert localise.install(["--data-dir", str(chinese)]) == "zh_CN"
    for parser in _parsers(build_parser()):
        usage = parser.format_usage().rstrip("\n").splitlines()
        assert max(_columns(line) for line in usage) <= 78, usage
        first = usage[0]
        start = _columns(first[: first.index(" [")]) + 1  # where the first option starts
        for line in usage[1:]:
            indent = len(line) - len(line.lstrip(" "))
            # Under the first option; a part too wide for that starts under the name.
            assert indent == start or (
                indent == _columns("用法：") and _columns(line) + start - indent > 78
            ), usage
        assert not any(line.rstrip().endswith(" -o") for line in usage), usage
    printing = next(p for p in _parsers(build_parser()) if p.prog.endswith(" print"))
    assert "-o 输出文件" in printing.format_usage()


def test_a_long_usage_error_is_wrapped_to_the_console(
    chinese: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mistyped command listed the 18 commands on one line of 235 columns."""
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["pay"]) == 2
    err = capsys.readouterr().err
    assert "无效的选择：'pay'" in err and "'purge-waybills'）" in err
    assert max(_columns(line) for line in err.splitlines()) <= 78
    # The message itself is unchanged but for the line breaks.
    message = "".join(err[err.index("branchdesk：错误：") :].split())
    assert message.startswith("branchdesk：错误：参数命令：无效的选择：'pay'（可选：'import',")
    assert message.endswith("'undo','purge-waybills'）运行“branchdesk--help”查看用法。")
