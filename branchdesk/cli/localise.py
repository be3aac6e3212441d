"""The command line in the user's language: argparse's own texts (usage, errors, the help's
headings) go through BranchDesk's catalog, so `--help` and a usage error read in Chinese
under a Chinese locale or with the language set to 中文."""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import NoReturn

from branchdesk import i18n, paths


def _tr(text: str) -> str:
    """Marks argparse's own texts for tools/i18n_extract.py; argparse translates them."""
    return text


# argparse's texts as Python 3.11–3.13 write them (their %-placeholders are argparse's).
ARGPARSE_TEXTS = (
    _tr("usage: "),
    _tr("positional arguments"),
    _tr("options"),
    _tr("show this help message and exit"),
    _tr("show program's version number and exit"),
    _tr("%(prog)s: error: %(message)s\n"),
    _tr("argument %(argument_name)s: %(message)s"),
    _tr("the following arguments are required: %s"),
    _tr("unrecognized arguments: %s"),
    _tr("invalid choice: %(value)r (choose from %(choices)s)"),
    _tr("invalid %(type)s value: %(value)r"),
    _tr("expected one argument"),
    _tr("expected at least one argument"),
    _tr("expected at most one argument"),
    _tr("expected %s argument"),
    _tr("expected %s arguments"),
    _tr("ambiguous option: %(option)s could match %(matches)s"),
    _tr("not allowed with argument %s"),
    _tr("one of the arguments %s is required"),
    _tr("ignored explicit argument %r"),
    _tr("can't open '%(filename)s': %(error)s"),
)


def _gettext(text: str) -> str:
    return i18n.translate(text) or text


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install(argv: Sequence[str]) -> str:
    """Set the language from the settings of the data dir that `argv` names (before the parser
    is built: its help texts are translated as they are written) and route argparse's own
    texts through the catalog. Returns the language in force."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--data-dir")
    try:
        known, _rest = early.parse_known_args(list(argv))
    except (argparse.ArgumentError, SystemExit):
        known = argparse.Namespace(data_dir=None)  # the real parser reports the mistake
    if known.data_dir:
        paths.set_data_dir(known.data_dir)
    from branchdesk.settings import SettingsStore

    # The PC's language until the settings are read: a data folder that cannot be used (so
    # no settings) is said in it.
    i18n.set_language("auto")
    language = i18n.set_language(SettingsStore().get("language"))
    # argparse looks these names up in its module at the moment it formats a text.
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
    return language


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser whose error is wrapped to the console's width (its subcommands'
    parsers are of the same class)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = _gettext("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message}
        # What to do next: 缺少必需的参数：{due} alone does not say how the command goes.
        text += i18n.tr("Run “{prog} --help” to see how it is used.", prog=self.prog) + "\n"
        self.exit(2, wrap_message(text, max(40, shutil.get_terminal_size().columns - 2)))


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help with the language's colon after a section's heading (位置参数：), and
    each argument's help lined up where its name is in Chinese (argparse counts characters;
    a Chinese one takes two columns of the console)."""

    def add_argument(self, action: argparse.Action) -> None:
        # The help column is placed after the widest name: widest as the console shows it.
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            shown = self._format_action_invocation(action)
            self._action_max_length = max(
                self._action_max_length, i18n.columns(shown) + self._current_indent
            )

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        wide = i18n.columns(invocation) - len(invocation)  # the extra column of each wide one
        head = " " * self._current_indent + invocation
        first, newline, rest = text.partition("\n")
        tail = first[len(head) :]
        if not wide or not first.startswith(head) or not tail.strip():
            return text
        gap = len(tail) - len(tail.lstrip(" "))
        column = min(self._action_max_length + 2, self._max_help_position)
        if len(head) + wide + 2 > column:  # too wide for the column: the help on the next line
            return head + "\n" + " " * column + tail.lstrip(" ") + newline + rest
        return head + " " * max(2, gap - wide) + tail.lstrip(" ") + newline + rest

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        # argparse wraps the usage by characters and indents its later lines by the
        # characters of "用法：" and the program's name: with Chinese in them, lines ran past
        # the console and the later ones started left of the first's options. Laid out
        # again by display width.
        text = super()._format_usage(usage, actions, groups, prefix)
        width = self._width - self._current_indent
        if not any(i18n.wide(ch) for ch in text) and all(
            i18n.columns(line) <= width for line in text.splitlines()
        ):
            return text
        return _usage_lines(text, self._prog, width)

    def _split_lines(self, text: str, width: int) -> list[str]:
        # argparse wraps by characters: a line of Chinese ran to twice the console's width
        # (a Windows console then wraps it again at column 0). Wrapped by display width.
        if not any(i18n.wide(ch) for ch in text):
            return super()._split_lines(text, width)
        return _wrap(" ".join(text.split()), width)

    def format_help(self) -> str:
        text = super().format_help()
        if i18n.current_language() != "zh_CN":
            return text
        return _HEADING.sub(r"\1：", text)


# A usage's parts as argparse splits them: a bracketed option with its value stays whole.
_USAGE_PART = re.compile(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+")


def _usage_lines(text: str, prog: str, width: int) -> str:
    """argparse's usage `text` laid out again in lines of at most `width` columns, later lines
    under the first part after the program's name, as argparse does by characters. A part too
    wide for that starts further left (under the program's name, or at the margin)."""
    first = text.split("\n", 1)[0]
    at = first.find(prog)
    if at < 0:
        return text
    prefix = first[:at]
    parts: list[str] = []
    for part in _USAGE_PART.findall(text[len(prefix) + len(prog) :]):
        if parts and _bare_option(parts[-1]) and part[0] not in "-[({":
            parts[-1] += " " + part  # a required option and its value (-o 输出文件) stay together
        else:
            parts.append(part)
    head = prefix + prog
    hang = i18n.columns(head) + 1
    lines: list[str] = []
    line, used = head, i18n.columns(head)
    if hang > 0.75 * width:  # a long name: the parts on the lines below it
        lines.append(line)
        hang = i18n.columns(prefix)
        line, used = "", 0
    for part in parts:
        size = i18n.columns(part)
        if line and used + 1 + size <= width:
            line, used = line + " " + part, used + 1 + size
            continue
        if line:
            lines.append(line)
        indent = next((i for i in (hang, i18n.columns(prefix)) if i + size <= width), 0)
        line, used = " " * indent + part, indent + size
    lines.append(line)
    return "\n".join(lines) + "\n\n"


def wrap_lines(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` console columns (a Chinese character takes two)."""
    return _wrap(" ".join(text.split()), width) or [""]


def _bare_option(part: str) -> bool:
    return part.startswith("-") and " " not in part


def wrap_message(text: str, width: int) -> str:
    """A message (an error) in lines of at most `width` columns: a choice of 18 commands made
    one line of 235 columns, which a Windows console wraps again at column 0."""
    return "".join(
        "\n".join(_wrap(line, width) if i18n.columns(line) > width else [line]) + end
        for line, end in re.findall(r"([^\n]*)(\n?)", text)
        if line or end
    )


# Wide characters one by one, other words whole, the spaces between them.
_TOKENS = re.compile(r"\s+|[^\s]", re.UNICODE)
# Punctuation a line does not start with (it stays at the end of the line before).
_CLOSING = set("，。；：、）」』》！？,.;:)")
_OPENING = set("（「『《(")


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` console columns (a Chinese character takes two),
    broken between Chinese characters or at spaces."""
    words: list[str] = []
    for token in _TOKENS.findall(text):
        if (
            token.isspace()
            or i18n.wide(token)
            or not words
            or words[-1].isspace()
            or i18n.wide(words[-1][-1])
        ):
            words.append(token)
        else:
            words[-1] += token  # an ASCII word stays whole
    lines: list[str] = []
    line, used = "", 0
    for word in words:
        if word.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        size = sum(2 if i18n.wide(ch) else 1 for ch in word)
        if line and used + size > width and word not in _CLOSING:
            carried = line[-1] if line[-1] in _OPENING else ""  # （ goes with what it opens
            lines.append(line[: len(line) - len(carried)].rstrip())
            line, used = carried, 2 if carried and i18n.wide(carried) else len(carried)
        line, used = line + word, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


# A section heading: a line of its own, not indented, ending in argparse's ASCII colon.
_HEADING = re.compile(r"^(\S[^\n]*?):$", re.MULTILINE)
