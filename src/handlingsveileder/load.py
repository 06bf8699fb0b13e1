"""Read YAML into a node tree that remembers where every value stands.

The file is editor input, so reading it has limits, each reported in Norwegian at a
line and column an editor can go to:

- at most MAX_BYTES (5 MB; the real file is about 50 kB);
- no control characters other than tab, LF and CR: each is reported at its own place
  before parsing, so PyYAML never sees one. A BOM at the start is dropped;
- at most MAX_DEPTH levels of nesting (a model needs about ten). PyYAML's composer
  recurses once per level, and its scanner slows down quadratically inside a deep
  `[[[…`, so the limit is checked in the scanner (each new indent or bracket) as well as
  in the composer (which also sees lists that are not indented under their key);
- anchors and aliases are allowed, since reusing e.g. a list of contacts in a second
  model is a fair use of YAML, but an alias counts as every node it stands for, and a
  file whose aliases stand for more than MAX_ALIAS_NODES nodes is refused at the alias
  that crosses the line. The validator and the site walk the expanded tree, so a
  "billion laughs" file of a few kB would otherwise become millions of nodes. An alias
  inside its own anchor would make a loop, and is refused too;
- only YAML's standard tags: `title: !Viktig` would otherwise lose its "!" silently.

What PyYAML reports as a syntax error is translated, and moved to the opening quote or
bracket where that is the real mistake, by yaml_messages.syntax_problem.

A file is first read with libyaml's C parser (many times faster) under the same limits;
only when that fails is it read again with PyYAML's pure-Python parser, whose tokens give
the Norwegian hints, so every message is the same whichever parser met the problem first.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import CollectionNode
from yaml.resolver import Resolver
from yaml.tokens import Token

from . import yaml_messages as msg
from .errors import ModelError, Problem
from .yaml_positions import position, syntax_problem

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 50
MAX_ALIAS_NODES = 10_000
MAX_REPORTED = 20
"""At most this many control characters are listed one by one."""
STANDARD_TAGS = frozenset(
    [
        "!",
        *(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")),
    ]
)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
"""Everything PyYAML's reader refuses, and NEL, LS and PS, which it reads as line breaks."""


class Refused(Exception):
    """Input over a limit, at a 0-based line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


class Limits(Composer):
    """PyYAML's composer with limits on nesting, on aliases and on tags (for either parser)."""

    def __init__(self) -> None:
        Composer.__init__(self)  # not super(): the parser after it in the MRO wants a stream
        self.depth = 0
        self.nodes = 0  # nodes composed so far; an alias counts as the nodes it stands for
        self.alias_nodes = 0
        self.sizes: dict[str, int] = {}  # anchor → node count, once its node is complete

    def too_deep(self, line: int, column: int) -> Refused:
        return Refused(line, column, msg.TOO_DEEP.format(limit=MAX_DEPTH))

    if TYPE_CHECKING:  # given by the parser it is combined with

        def peek_event(self) -> Any: ...
        def get_event(self) -> Any: ...

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # PyYAML's own compose_node plus the limits. SafeLoader has no path resolvers,
        # so descend_resolver/ascend_resolver would do nothing and are not called.
        event: Any = self.peek_event()
        mark: yaml.Mark = event.start_mark
        if isinstance(event, AliasEvent):
            self.get_event()
            return self.alias(str(event.anchor), mark)
        if event.tag is not None and event.tag not in STANDARD_TAGS:
            raise Refused(mark.line, mark.column, msg.TAG.format(tag=event.tag))
        anchor, start = event.anchor, self.nodes
        self.nodes += 1
        if anchor is not None and anchor in self.anchors:
            first = self.anchors[anchor].start_mark
            text = f"found duplicate anchor {anchor!r}; first occurrence"
            raise ComposerError(text, first, "second occurrence", mark)
        node: yaml.Node
        if isinstance(event, ScalarEvent):
            node = self.compose_scalar_node(anchor)
        else:
            if self.depth >= MAX_DEPTH:
                raise self.too_deep(mark.line, mark.column)
            self.depth += 1
            if isinstance(event, SequenceStartEvent):
                node = self.compose_sequence_node(anchor)
            else:
                node = self.compose_mapping_node(anchor)
            self.depth -= 1
        if anchor is not None:
            self.sizes[anchor] = self.nodes - start
        return node

    def alias(self, anchor: str, mark: yaml.Mark) -> yaml.Node:
        if anchor not in self.anchors:
            raise ComposerError(None, None, f"found undefined alias {anchor!r}", mark)
        size = self.sizes.get(anchor)
        if size is None:  # the anchor's node is still open: the alias stands inside it
            raise Refused(mark.line, mark.column, msg.ALIAS_LOOP.format(name=anchor))
        self.nodes += size
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise Refused(mark.line, mark.column, msg.ALIAS_BOMB.format(limit=MAX_ALIAS_NODES))
        return self.anchors[anchor]


class LimitedLoader(Limits, yaml.SafeLoader):
    """yaml.SafeLoader (pure Python) under the limits; it also stops a deep `[[[…` in the
    scanner, where PyYAML would slow down quadratically."""

    def __init__(self, text: str) -> None:
        yaml.SafeLoader.__init__(self, text)
        Limits.__init__(self)

    def add_indent(self, column: int) -> bool:  # a block mapping or list begins
        if self.indent < column and len(self.indents) >= MAX_DEPTH:
            raise self.too_deep(self.line, column)
        return super().add_indent(column)

    def fetch_flow_collection_start(self, TokenClass: type[Token]) -> None:
        if len(self.indents) + self.flow_level >= MAX_DEPTH:
            raise self.too_deep(self.line, self.column)
        super().fetch_flow_collection_start(TokenClass)


try:
    from yaml._yaml import CParser
except ImportError:  # a PyYAML built without libyaml reads every file in pure Python
    CParser = None  # type: ignore[assignment,misc]


class FastLoader(Limits, CParser, SafeConstructor, Resolver):
    """libyaml's parser under the same limits (the composing stays in Python, where the
    limits are; libyaml has no quadratic slowdown on deep nesting)."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        Limits.__init__(self)


def compose_file(path: Path, display_name: str | None = None) -> yaml.Node:
    """Parse `path` into PyYAML's node tree (values keep their line and column).

    The node tree, not Python objects, is what the validator reads: scalars keep the
    text as written, so `no`, `yes`, `on` and `off` never turn into booleans by accident,
    and `02800` keeps its leading zero.
    """
    name = display_name or str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # no more, whatever the path is
    except FileNotFoundError:
        raise ModelError([Problem(name, 1, 1, (), "filen finnes ikke")]) from None
    except IsADirectoryError:
        raise ModelError([Problem(name, 1, 1, (), "dette er en mappe, ikke en fil")]) from None
    except OSError as exc:
        raise ModelError(
            [Problem(name, 1, 1, (), f"kan ikke lese filen ({exc.strerror})")]
        ) from None
    if len(data) > MAX_BYTES:
        raise ModelError([too_big(name)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = msg.UTF16 if data[:2] in (b"\xff\xfe", b"\xfe\xff") else msg.NOT_UTF8
        before = data[: exc.start].decode("utf-8").removeprefix("\ufeff")
        line, col = position(before, len(before))
        raise ModelError([Problem(name, line, col, (), message)]) from None
    return compose_text(text, name)


def compose_text(text: str, name: str) -> yaml.Node:
    """Like compose_file, for text already read (the size limit counts characters)."""
    if len(text) > MAX_BYTES:
        raise ModelError([too_big(name)])
    text = text.removeprefix("\ufeff")
    control_problems(text, name)
    fast = compose_fast(text, name)
    if fast is not None:
        return fast
    loader = LimitedLoader(text)
    loader.name = name  # every mark names its file (a model may extend one in another file)
    try:
        node = loader.get_single_node()
    except Refused as exc:
        raise ModelError([Problem(name, exc.line + 1, exc.column + 1, (), exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        try:
            problem = syntax_problem(exc, text, name)
        except Exception:  # a bug in finding the place must not hide the message
            problem = Problem(name, 1, 1, (), msg.translate(exc.context, exc.problem))
        raise ModelError([problem]) from None
    except Exception as exc:  # never a traceback, whatever PyYAML raises
        message = msg.UNEXPECTED.format(error=f"{type(exc).__name__}: {exc}")
        raise ModelError([Problem(name, 1, 1, (), msg.SYNTAX + message)]) from None
    finally:
        loader.dispose()
    if node is None:
        message = msg.EMPTY if text.isspace() or not text else msg.ONLY_COMMENTS
        raise ModelError([Problem(name, 1, 1, (), message)])
    return node


def compose_fast(text: str, name: str) -> yaml.Node | None:
    """The node tree read by libyaml, with marks that point into `text` like PyYAML's;
    None when libyaml is missing or the file has a problem (PyYAML then finds it)."""
    if CParser is None or "\t" in text:  # libyaml accepts tabs that PyYAML refuses
        return None
    loader = FastLoader(text)
    try:
        node = loader.get_single_node()
    except Exception:  # the pure-Python reading reports it, with its hints
        return None
    finally:
        loader.dispose()
    if node is not None:
        with_text_marks(node, text, name)
    return node


def with_text_marks(root: yaml.Node, text: str, name: str) -> None:
    """Give every node marks that carry the text and the file's name, as PyYAML's do
    (libyaml's marks have line, column and character index, but no text to look a word up
    in)."""
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:  # an alias is the same node object again
            continue
        seen.add(id(node))
        for which in ("start_mark", "end_mark"):
            mark = getattr(node, which)
            index = mark.index
            setattr(node, which, yaml.Mark(name, index, mark.line, mark.column, text, index))
        if isinstance(node, CollectionNode):
            value: Any = node.value
            for item in value:
                pending.extend(item if isinstance(item, tuple) else (item,))


def too_big(name: str) -> Problem:
    return Problem(name, 1, 1, (), msg.TOO_BIG.format(limit=MAX_BYTES // 2**20))


def control_problems(text: str, name: str) -> None:
    """Raise one problem per control character (tab, LF and CR are allowed)."""
    found = list(CONTROL.finditer(text))
    if not found:
        return
    problems = [
        Problem(name, *position(text, m.start()), (), msg.control_character(m.group()))
        for m in found[:MAX_REPORTED]
    ]
    if len(found) > MAX_REPORTED:
        more = msg.CONTROL_MORE.format(count=len(found) - MAX_REPORTED)
        problems.append(Problem(name, *position(text, found[MAX_REPORTED].start()), (), more))
    raise ModelError(problems)
