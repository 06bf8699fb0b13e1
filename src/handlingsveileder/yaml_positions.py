"""Where a YAML syntax error is reported: the place an editor can fix.

`syntax_problem` turns a PyYAML error into a Problem. PyYAML's marks are kept, except
where the mistake stands earlier than the place PyYAML notices it:

- an unclosed quote: the quoted text runs on to the next quote in the file, and the
  error comes on that line (or at the end of the file); it is reported where it opens;
- an unclosed `[` or `{`: reported where it opens, if no bracket in the rest of the text
  closes it (else it is a missing comma, reported where PyYAML says);
- a line with extra indentation, or a key without colon, makes a plain text run on into
  the next line, where PyYAML finds the `: `; reported at the start of the line with the
  extra indentation, or at the key without colon;
- a bad escape (a backslash in double quotes, as in a Windows path): at the backslash.

To tell these apart the text is scanned again up to the error (only when there is one).
"""

from __future__ import annotations

import re
from typing import TypeGuard

import yaml
from yaml.tokens import (
    FlowMappingEndToken,
    FlowMappingStartToken,
    FlowSequenceEndToken,
    FlowSequenceStartToken,
    ScalarToken,
    Token,
    ValueToken,
)

from .errors import Problem
from .yaml_messages import (
    AFTER_QUOTE,
    EXTRA_INDENT,
    MISSING_COLON,
    SYNTAX,
    translate,
    unclosed_bracket,
    unclosed_quote,
)

BREAK = re.compile(r"\r\n?|\n")
BRACKETS = re.compile(  # a comment, a quoted text, or a bracket
    r"""(?<!\S)#[^\r\n]*|(?<![^\s\[{,:])("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')|[\[\]{}]"""
)


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """A YAML syntax error in Norwegian, at the place an editor can fix."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return Problem(name, 1, 1, (), translate(exc.context, exc.problem))
    context, problem, at = exc.context or "", exc.problem or "", exc.context_mark or mark
    tokens = tokens_before(text, mark.index)
    last = tokens[-1] if tokens else None
    # A quoted text over several lines that ends on the line of the error: its closing
    # quote is really the opening quote of a later text.
    runaway = next((t for t in reversed(tokens) if quoted(t)), None)
    if runaway and runaway.start_mark.line < runaway.end_mark.line:
        start, end = runaway.start_mark, runaway.end_mark.line
        if end in (mark.line, at.line):
            return problem_at(name, start, unclosed_quote(text[start.index], end))
    if "quoted scalar" in context and "found unexpected" in problem:
        return problem_at(name, at, unclosed_quote(text[at.index : at.index + 1]))
    bracket = innermost_bracket(tokens)
    if bracket and "flow" in context and not closed(text, bracket.index):
        return problem_at(name, bracket, unclosed_bracket(text[bracket.index]))
    if "mapping values are not" in problem and isinstance(last, ScalarToken):
        start = last.start_mark
        if start.line < mark.line and follows_colon(tokens, start):
            before = text[mark.index - mark.column : mark.index]
            column = len(before) - len(before.lstrip(" "))
            message = SYNTAX + EXTRA_INDENT.format(line=start.line + 1)
            return Problem(name, mark.line + 1, column + 1, (), message)
        if start.line < mark.line:
            return problem_at(name, start, SYNTAX + MISSING_COLON)
    if "found '<scalar>'" in problem and quoted(last) and last.end_mark.line == mark.line:
        return problem_at(name, mark, SYNTAX + AFTER_QUOTE)
    char = text[mark.index : mark.index + 1]
    if "escape" in problem:
        backslash = max(text.rfind("\\", 0, mark.index), 0)
        end = mark.index + 1 if "unknown" in problem else backslash + 2
        return Problem(
            name, *position(text, backslash), (), translate(context, problem, text[backslash:end])
        )
    if context.startswith(("while scanning a simple key", "while scanning an a")):  # alias, anchor
        mark, char = at, text[at.index : at.index + 1]  # where the key, alias or anchor begins
    first = at.line + 1 if "duplicate" in context else 0
    return problem_at(name, mark, translate(exc.context, exc.problem, char, first))


def problem_at(name: str, mark: yaml.Mark, message: str) -> Problem:
    return Problem(name, mark.line + 1, mark.column + 1, (), message)


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `index`, counting CRLF, CR and LF as PyYAML does."""
    line = 1 + len(BREAK.findall(text, 0, index))
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return line, index - start + 1


def quoted(token: Token | None) -> TypeGuard[ScalarToken]:
    return isinstance(token, ScalarToken) and token.style in ("'", '"')


def follows_colon(tokens: list[Token], start: yaml.Mark) -> bool:
    """Whether the text at `start` is the value after `key:` on the same line."""
    before = [t for t in tokens if t.start_mark.index < start.index]
    return (
        bool(before)
        and isinstance(before[-1], ValueToken)
        and (before[-1].start_mark.line == start.line)
    )


def innermost_bracket(tokens: list[Token]) -> yaml.Mark | None:
    """Where the innermost `[` or `{` still open after `tokens` stands."""
    stack = []
    for token in tokens:
        if isinstance(token, FlowSequenceStartToken | FlowMappingStartToken):
            stack.append(token.start_mark)
        elif isinstance(token, FlowSequenceEndToken | FlowMappingEndToken) and stack:
            stack.pop()
    return stack[-1] if stack else None


def closed(text: str, index: int) -> bool:
    """Whether the bracket at `index` is closed, skipping quoted texts and comments."""
    depth = 0
    for match in BRACKETS.finditer(text, index):
        if match.group() in ("[", "{"):
            depth += 1
        elif match.group() in ("]", "}"):
            depth -= 1
            if depth == 0:
                return True
    return False


def tokens_before(text: str, index: int) -> list[Token]:
    """The tokens PyYAML's scanner finds before `index`, however the scan ends."""
    loader, tokens = yaml.SafeLoader(text), []
    try:
        while loader.check_token():
            token: Token = loader.get_token()  # type: ignore[no-untyped-call]
            if token.start_mark.index >= index:
                break
            tokens.append(token)
    except yaml.YAMLError:
        tokens += [t for t in loader.tokens if t.start_mark.index < index]
    finally:
        loader.dispose()
    return tokens
