"""YAML text to plain Python values that remember the line of every key and list item.

LibYAML's C parser composes the node tree, each node with its start mark, in milliseconds
(ruamel.yaml's round-trip loader, in pure Python, took most of a second for 2000 sources);
the values are then built here in one walk, typed as the YAML 1.2 core schema says:

- plain `true`/`false` (3 spellings each) are bools, `null`/`~`/empty is None, `12`, `0o17`,
  `0x1F` are ints (`010` is ten), `1e3`, `.5`, `.inf` are floats; everything else is text,
  `yes`/`no`/`on`/`off` and dates included, so a wrong value is a problem on its own line;
- quoted and block scalars, and `!!str`, are text; other tags are refused;
- a key written twice is an error; `<<:` merges mappings; an &anchor may be defined again.
"""

from __future__ import annotations

import math
import re
from typing import Any, cast

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner, ScannerError

_PLAIN = "plain scalar"  # untagged plain scalars, typed by _plain(); no tag has a space
_STR = BaseResolver.DEFAULT_SCALAR_TAG
_SEQ = BaseResolver.DEFAULT_SEQUENCE_TAG
_MAP = BaseResolver.DEFAULT_MAPPING_TAG

_WORDS: dict[str, Any] = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("", "~", "null", "Null", "NULL"), None),
    **{
        sign + "." + inf: float(sign + "inf")
        for sign in ("", "+", "-")
        for inf in ("inf", "Inf", "INF")
    },
    # One nan object, so that two .nan keys are one key written twice, as they always were.
    **dict.fromkeys((".nan", ".NaN", ".NAN"), math.nan),
}
# YAML 1.2's number patterns, as watchlists were always read ("_" allowed, 010 is decimal).
_FLOAT = re.compile(
    r"[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
    r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
)
_INT = re.compile(r"(?!_)[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9_]+)")  # not _1
_BASES = {"0b": 2, "0o": 8, "0x": 16}
_NUMBER_START = frozenset("-+.0123456789")
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


class LineMap(dict[Any, Any]):
    """A YAML mapping: a dict that knows the 1-based line of each key written in it."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int | None:
        """The key's line; None for a key merged in by `<<:` (the mapping's line stands in)."""
        return self.lines.get(key)


class LineList(list[Any]):
    """A YAML sequence: a list that knows the 1-based line of each item."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []

    def line_of(self, index: int) -> int | None:
        return self.lines[index] if 0 <= index < len(self.lines) else None


class YamlProblems(Exception):
    """The text is not YAML we can read: (line, message) pairs, each message one line."""

    def __init__(self, problems: list[tuple[int, str]]):
        super().__init__("\n".join(f"{line}: {message}" for line, message in problems))
        self.problems = problems


def parse(text: str) -> Any:
    """The one document in `text` as LineMap, LineList, str, int, float, bool or None."""
    text = text.lstrip("\ufeff")
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as err:
        raise YamlProblems([_syntax_problem(err)]) from None
    except ReaderError as err:
        raise YamlProblems([_reader_problem(err, text)]) from None
    except RecursionError:
        raise YamlProblems([(1, _TOO_DEEP)]) from None
    except yaml.YAMLError as err:  # pragma: no cover - every error PyYAML raises has a mark
        raise YamlProblems([(1, f"YAML syntax error: {err} (check the file is YAML)")]) from None
    if node is None:
        return None
    builder = _Builder()
    try:
        value = builder.value(node)
    except RecursionError:
        raise YamlProblems([(1, _TOO_DEEP)]) from None
    if builder.problems:
        raise YamlProblems(list(dict.fromkeys(builder.problems)))
    return value


_TOO_DEEP = "YAML syntax error: lists and mappings nest too deep (check the brackets)"
_KEEP_ONE = "(keep only one of them)"


# --- composing: text to nodes ---------------------------------------------------------------


class _Resolver(BaseResolver):
    """Leaves plain scalars to _plain(): other nodes get the default tag of their kind."""

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


class _PyComposer(Reader, Scanner, Parser, Composer, _Resolver):
    """PyYAML's pure-Python composer: without LibYAML, and for the wording of errors."""

    def __init__(self, text: str):
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Resolver.__init__(self)

    def scan_anchor(self, TokenClass: Any) -> Any:  # PyYAML's signature
        """An &anchor or *alias, named as YAML 1.2 allows.

        PyYAML (and LibYAML) take letters, digits, - and _ only; YAML 1.2 takes any printable
        character but spaces and ,[]{}, so `&bj/gov` stays legal and the error for an
        unquoted `*/5 * * * *` is the one users know.
        """
        start_mark = self.get_mark()
        name = "alias" if self.peek() == "*" else "anchor"
        self.forward()
        length = 0
        while _anchor_char(self.peek(length)):
            length += 1
        after = self.peek(length)
        if not length or after not in "\0 \t\r\n\x85\u2028\u2029?:,[]{}%@`":
            raise ScannerError(
                f"while scanning an {name}",
                start_mark,
                f"expected alphabetic or numeric character, but found {after!r}",
                self.get_mark(),
            )
        value = self.prefix(length)
        self.forward(length)
        return TokenClass(value, start_mark, self.get_mark())

    def scan_to_next_token(self) -> None:
        """Skip spaces, comments and line breaks to the next token, as PyYAML does.

        But between the tokens of a [list] or {mapping} a tab counts as a space, as YAML 1.2
        has it; in block context a tab stays an error.
        """
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        while True:
            while self.peek() == " " or (self.flow_level and self.peek() == "\t"):
                self.forward()
            if self.peek() == "#":
                while self.peek() not in "\0\r\n\x85\u2028\u2029":
                    self.forward()
            if not self.scan_line_break():  # type: ignore[no-untyped-call]
                return
            if not self.flow_level:
                self.allow_simple_key = True

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            if event.anchor not in self.anchors:
                # Most often an unquoted `*/5 * * * *`: the error on its next `*` says more,
                # and it is the one watchlists always gave (docs/watchlist.md shows it).
                self.peek_token()  # type: ignore[no-untyped-call]
        elif event.anchor is not None:
            # YAML lets an &anchor be defined again (later aliases mean the new one); PyYAML
            # refuses that unless the old one is forgotten first.
            self.anchors.pop(event.anchor, None)
        return super().compose_node(parent, index)


_CComposer: Any = None  # LibYAML's composer with our resolver, where PyYAML was built with it
if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _LibYamlComposer(CParser, _Resolver):
        def __init__(self, text: str):
            CParser.__init__(self, text)
            _Resolver.__init__(self)

    _CComposer = _LibYamlComposer


def _compose(text: str) -> Node | None:
    """The document's nodes: LibYAML's when it reads the text, else PyYAML's own.

    On any failure the text is composed again in Python: its error messages are the ones
    users know (the words the watchlist always used), and it accepts a redefined &anchor, which
    LibYAML's composer refuses. A text with a tab goes to Python at once: LibYAML takes tabs
    in places where PyYAML refuses them ("indent with spaces, not tabs").
    Only a broken or unusual file pays for the slower pass (about 10 times slower).
    """
    if _CComposer is not None and "\t" not in text:
        try:
            node: Node | None = _CComposer(text).get_single_node()
            return node
        except (yaml.YAMLError, UnicodeEncodeError):  # a lone surrogate cannot be UTF-8
            pass
    return _PyComposer(text).get_single_node()


def _syntax_problem(err: yaml.MarkedYAMLError) -> tuple[int, str]:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark is not None else 1
    problem = err.problem or err.context or "this is not valid YAML"
    if "'\\t'" in problem:
        hint = "indent with spaces, not tabs"
    elif "alias" in f"{problem} {err.context}":
        hint = 'quote values that start with * or &, like "*/5 * * * *"'
    else:
        hint = "check the indentation, quotes and brackets on this line and the one before"
    return line, f"YAML syntax error: {problem} ({hint})"


def _reader_problem(err: ReaderError, text: str) -> tuple[int, str]:
    """A character YAML does not allow (a control character, a lone surrogate), on its line."""
    position = err.position if isinstance(err.position, int) else 0
    line = len(_BREAK.findall(text, 0, position)) + 1
    code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or " ")
    return line, (
        f"YAML syntax error: unacceptable character #x{code:04x}: {err.reason}"
        " (remove it: a watchlist is plain text)"
    )


# --- building: nodes to values --------------------------------------------------------------


class _Builder:
    """Builds values from nodes, filing every problem found; an alias gives the same value."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self.built: dict[int, Any] = {}  # id(node) → value, for lists and mappings
        self.open: set[int] = set()  # lists and mappings being built: an alias to one loops

    def add(self, node: Node, message: str) -> None:
        self.problems.append((node.start_mark.line + 1, message))

    def value(self, node: Node) -> Any:
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if id(node) in self.built:
            return self.built[id(node)]
        if id(node) in self.open:
            self.add(node, "YAML alias loop: this list or mapping holds an alias to itself")
            return None
        if node.tag != (_SEQ if isinstance(node, SequenceNode) else _MAP):
            self.refuse_tag(node)
        self.open.add(id(node))
        if isinstance(node, SequenceNode):
            made: LineList | LineMap = self.sequence(node)
        else:
            made = self.mapping(cast(MappingNode, node))
        self.open.discard(id(node))
        self.built[id(node)] = made
        return made

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag == _PLAIN:
            return node.value if node.style else _plain(node.value)  # `! "12"` is text
        if node.tag != _STR:
            self.refuse_tag(node)
        return node.value

    def refuse_tag(self, node: Node) -> None:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.add(
            node,
            f"YAML tag {tag} is not used in a watchlist: remove it (a value's type comes"
            ' from how it is written: 12, true, or "text" in quotes)',
        )

    def sequence(self, node: SequenceNode) -> LineList:
        items = LineList()
        for child in node.value:
            items.append(self.value(child))
            items.lines.append(child.start_mark.line + 1)
        return items

    def mapping(self, node: MappingNode) -> LineMap:
        result = LineMap()
        merge: Node | None = None
        for key_node, value_node in node.value:
            if key_node.tag == _PLAIN and not key_node.style and key_node.value == "<<":
                if merge is None:
                    merge = value_node
                else:
                    self.add(
                        key_node, f'YAML syntax error: found duplicate merge key "<<" {_KEEP_ONE}'
                    )
                continue
            key, value = self.value(key_node), self.value(value_node)
            if isinstance(key, LineMap | LineList):
                kind = "a list" if isinstance(key, list) else "a mapping"
                self.add(key_node, f"a key must be a word like id or url, not {kind}")
            elif key in result:
                self.add(
                    key_node,
                    f'YAML syntax error: found duplicate key "{key}" with value "{value}"'
                    f' (original value: "{result[key]}") {_KEEP_ONE}',
                )
            else:
                result[key] = value
                result.lines[key] = key_node.start_mark.line + 1
        for source in self.merge_sources(merge) if merge is not None else []:
            for key, value in source.items():  # the mapping's own keys win, then earlier merges
                result.setdefault(key, value)
        return result

    def merge_sources(self, node: Node) -> list[LineMap]:
        """The mappings `<<:` names: one mapping, or a list of them (earlier ones win)."""
        one = not isinstance(node, SequenceNode)
        sources: list[LineMap] = []
        for child in [node] if one else node.value:
            if isinstance(child, MappingNode):
                source = self.value(child)
                if isinstance(source, LineMap):
                    sources.append(source)
                continue
            wanted = "a mapping or list of mappings" if one else "a mapping"
            found = "a list" if isinstance(child, SequenceNode) else "scalar"
            self.add(
                child,
                f"YAML syntax error: expected {wanted} for merging, but found {found}"
                " (after <<: write an alias like *defaults, or a list of them)",
            )
        return sources


def _anchor_char(ch: str) -> bool:
    """What YAML 1.2 allows in an anchor's name: printable, not a space, not one of ,[]{}."""
    if ch in ",[]{}":
        return False
    return (
        "\x21" <= ch <= "\x7e"
        or "\xa0" <= ch <= "\ud7ff"
        or ("\ue000" <= ch <= "\ufffd" and ch != "\ufeff")
        or "\U00010000" <= ch <= "\U0010ffff"
    )


def _plain(text: str) -> Any:
    """A plain scalar typed as YAML 1.2's core schema says."""
    if text in _WORDS:
        return _WORDS[text]
    if text[:1] not in _NUMBER_START:  # most values: ids, urls, words
        return text
    if _FLOAT.fullmatch(text):
        try:
            return float(text.replace("_", ""))
        except ValueError:  # "._": nothing but the point
            return text
    if _INT.fullmatch(text):
        digits = text.replace("_", "")
        sign = -1 if digits.startswith("-") else 1
        digits = digits.lstrip("+-")
        base = _BASES.get(digits[:2], 10)
        try:
            return sign * int(digits[2:] if base != 10 else digits, base)
        except ValueError:  # "-_", "0x_": no digit at all
            return text
    return text
