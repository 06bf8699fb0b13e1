"""The YAML layer: every bad file is one ModelError, in Norwegian, at the line and column
an editor can go to; never a traceback, and a good file still composes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from _pytest.mark import ParameterSet
from conftest import DATA, ROOT

from handlingsveileder import load
from handlingsveileder.errors import ModelError, Problem
from handlingsveileder.load import MAX_BYTES, MAX_DEPTH, compose_file, compose_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
YAML_FIXTURES = FIXTURES / "yaml"
GOOD = (FIXTURES / "good" / "minimal.yaml").read_text(encoding="utf-8")

ENGLISH = re.compile(
    r"^(while|found|expected|mapping|could|did|but|sequence|block|unacceptable|special|"
    r"the|a|an|in|unknown|invalid|error)\b|not allowed|cannot|but found|but got|scanning",
    re.IGNORECASE,
)


def bad(case_id: str, text: str, line: int, col: int, word: str) -> ParameterSet:
    """`text` gives exactly one problem, at line:col, whose message contains `word`."""
    return pytest.param(text, line, col, word, id=case_id)


def staircase(levels: int) -> str:
    """`levels` block mappings, each one space further in."""
    return "".join(" " * i + "a:\n" for i in range(levels)) + " " * levels + "x\n"


def billion_laughs() -> str:
    text = "a: &a [" + ", ".join(['"lol"'] * 9) + "]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        text += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
    return text


def lines(count: int) -> str:
    return "".join(f"  nøkkel{i}: verdi {i}\n" for i in range(count))


CASES = [
    # -- limits ---------------------------------------------------------------------------
    bad("flow-nesting-10000", "[" * 10_000 + "]" * 10_000, 1, 51, "nestet for dypt"),
    bad("flow-mapping-nesting-10000", "{a: " * 10_000 + "x" + "}" * 10_000, 1, 201, "nivåer"),
    bad("block-nesting-2000", staircase(2000), 51, 51, "nestet for dypt"),
    bad("block-list-nesting-2000", "- " * 2000 + "x\n", 1, 101, "nestet for dypt"),
    bad(
        "lists-under-keys-nesting",
        "a:\n" + "".join("  " * i + "- b:\n" for i in range(1, 99)),
        26,
        53,
        "nestet for dypt",
    ),
    bad("alias-bomb", billion_laughs(), 5, 8, "alias"),
    bad("alias-loop", "a: &a [x, *a]\n", 1, 11, "sitt eget anker &a"),
    bad("too-big", "a: " + "x" * MAX_BYTES + "\n", 1, 1, "for stor"),
    # -- characters -----------------------------------------------------------------------
    bad("nul-line-7", "demo:\n" + lines(5) + "  title: De\x00mo\n", 7, 12, "U+0000 (NUL)"),
    bad("escape-char", "demo:\n  title: \x1b[1mDemo\n", 2, 10, "U+001B (ESC)"),
    bad("delete-char", "demo:\n  title: Demo\x7f\n", 2, 14, "U+007F (DEL)"),
    bad("vertical-tab", "demo:\n  title: Linje\x0bto\n", 2, 15, "U+000B (VT)"),
    bad("form-feed", "demo:\n  title: Demo\n\x0c\n", 3, 1, "U+000C (FF)"),
    bad("next-line-c1", "demo:\n  title: Demo\x85mer\n", 2, 14, "U+0085"),
    bad("line-separator", "demo:\n  title: Demo\u2028mer\n", 2, 14, "linjeskift"),
    bad("noncharacter", "demo:\n  title: Demo\uffff\n", 2, 14, "U+FFFF"),
    bad("lone-surrogate", "demo:\n  title: Demo\ud800\n", 2, 14, "U+D800"),
    bad("control-after-crlf", "a: b\r\nc: d\r\ne: \x01\r\n", 3, 4, "U+0001 (SOH)"),
    # -- quotes and brackets that never close ---------------------------------------------
    bad(
        "unclosed-quote-to-end",
        'demo:\n  language: nb\n  title: "Demo\n' + lines(47),
        3,
        10,
        "lukkes aldri",
    ),
    bad(
        "unclosed-quote-to-next-quote",
        'demo:\n  language: nb\n  title: "Demo\n' + lines(20) + '  name: "Nivå 1"\n' + lines(26),
        3,
        10,
        "fram til linje 24",
    ),
    bad("unclosed-apostrophe-to-end", "demo:\n  title: 'Demo\n" + lines(10), 2, 10, "apostrof"),
    bad(
        "unclosed-quote-in-list",
        'demo:\n  tools: ["a, b]\n' + lines(5) + '  x: ["c"]\n',
        2,
        11,
        "anførselstegn",
    ),
    bad("unclosed-quote-before-separator", 'demo:\n  title: "Demo\n---\n', 2, 10, "lukkes aldri"),
    bad("unclosed-bracket", "demo:\n  tools: [a, b\n" + lines(20), 2, 10, "hakeparentes ["),
    bad("unclosed-brace", "demo:\n  emergency: {text: Ring\n" + lines(20), 2, 14, "krøllparentes"),
    bad("unclosed-bracket-at-end", "demo:\n  tools: [\n", 2, 10, "lukkes aldri"),
    bad("unclosed-inner-bracket", "a: [x, [y, z\n", 1, 8, "hakeparentes ["),
    bad("missing-comma-in-braces", "demo:\n  e: {a: b c: d}\n", 2, 13, "komma"),
    bad("empty-entry-in-brackets", "demo:\n  tools: [a, , b]\n", 2, 14, "kommaet"),
    bad("extra-closing-bracket", "demo:\n  x: 1\n  y: [a]]\n", 3, 9, "«]»"),
    # -- indentation and structure --------------------------------------------------------
    bad("tab-indentation", "demo:\n\ttitle: Demo\n", 2, 1, "tabulator"),
    bad("tab-after-colon", "demo:\n  title:\tDemo\n", 2, 9, "mellomrom"),
    bad("extra-indentation", "demo:\n  title: Demo\n    language: nb\n", 3, 5, "mer innrykk"),
    bad("less-indentation", "demo:\n  title: Demo\n language: nb\n", 3, 2, "innrykk"),
    bad("list-indentation", "demo:\n  - a\n - b\n", 3, 2, "feil innrykk"),
    bad(
        "second-document",
        "demo:\n  title: Demo\n---\nannen:\n  title: B\n",
        3,
        1,
        "ett YAML-dokument",
    ),
    bad("content-after-document-end", "demo: x\n...\nannen: y\n", 3, 1, "«...»"),
    bad("colon-in-value", "demo:\n  name: Nivå 1: Undring\n", 2, 15, "anførselstegn"),
    bad("missing-colon", "demo:\n  title Demo\n  language: nb\n", 2, 3, "mangler kolon"),
    bad("key-without-colon-at-end", "demo:\n  title: Demo\n  language\n", 3, 3, "mangler kolon"),
    bad("list-among-keys", "demo:\n  title: Demo\n  - a\n", 3, 3, "listepunkt"),
    bad("key-among-list-items", "demo:\n  - a\n  b: c\n", 3, 3, "nytt listepunkt"),
    bad("list-after-colon", "demo:\n  title: - a\n", 2, 10, "listepunkt"),
    bad("text-after-closing-quote", 'demo:\n  title: "Demo" og mer\n', 2, 17, "avsluttende"),
    # -- aliases, anchors, tags -----------------------------------------------------------
    bad("undefined-alias", "demo:\n  title: *demo\n", 2, 10, "aliaset *demo"),
    bad("markdown-emphasis", "demo:\n  title: *ikke* viktig\n", 2, 10, "Markdown"),
    bad("anchor-start", "demo:\n  title: & co\n", 2, 10, "YAML-anker"),
    bad("duplicate-anchor", "a: &x 1\nb: &x 2\n", 2, 4, "linje 1"),
    bad("local-tag", "demo:\n  title: !Viktig melding\n", 2, 10, "merkelapp (!Viktig)"),
    bad("python-tag", "a: !!python/object:os.system x\n", 1, 4, "merkelapp"),
    # -- escapes and special first characters ---------------------------------------------
    bad("windows-path-escape", 'demo:\n  path: "C:\\Users\\demo"\n', 2, 12, "«\\U»"),
    bad("unknown-escape", 'demo:\n  title: "a\\qb"\n', 2, 12, "«\\q»"),
    bad("short-hex-escape", 'demo:\n  t: "\\x4"\n', 2, 7, "escape-sekvens"),
    bad("at-sign-start", "demo:\n  title: @kommune\n", 2, 10, "«@»"),
    bad("backtick-start", "demo:\n  title: `kode`\n", 2, 10, "«`»"),
    bad("percent-start", "demo:\n  title: %50\n", 2, 10, "«%»"),
    bad("question-mark-start", "demo:\n  title: ? hva\n", 2, 10, "«? »"),
    bad("bracket-start", "demo:\n  title: ] slutt\n", 2, 10, "«]»"),
    bad("block-scalar-header", "demo:\n  text: |x\n    hei\n", 2, 10, "«|»"),
    bad("yaml-directive", "%YAML 2.0\n---\na: b\n", 1, 1, "direktiv"),
    # -- empty files, line endings, BOM ---------------------------------------------------
    bad("empty", "", 1, 1, "tom"),
    bad("only-whitespace", "\n  \n", 1, 1, "tom"),
    bad("only-comment", "# bare en kommentar\n", 1, 1, "kommentarer"),
    bad("crlf-line-endings", "demo:\r\n  title: Demo\r\n  name: Nivå 1: x\r\n", 3, 15, "kolon"),
    bad("cr-line-endings", "demo:\r  title: Demo\r  name: Nivå 1: x\r", 3, 15, "kolon"),
    bad("bom-keeps-columns", "\ufeffdemo: a: b\n", 1, 8, "kolon"),
]


@pytest.mark.parametrize(("text", "line", "col", "word"), CASES)
def test_bad_yaml_is_one_norwegian_problem(text: str, line: int, col: int, word: str) -> None:
    with pytest.raises(ModelError) as caught:
        compose_text(text, "models.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.col) == (line, col), str(problem)
    assert_norwegian(problem, word)
    assert isinstance(compose_text(GOOD, "good.yaml"), yaml.MappingNode)


def assert_norwegian(problem: Problem, word: str) -> None:
    message = problem.message.removeprefix("YAML-syntaksfeil: ")
    assert word in message, str(problem)
    assert not ENGLISH.search(message), str(problem)


FILE_CASES = [
    pytest.param(YAML_FIXTURES / "unclosed-quote-line3.yaml", 3, 10, "anførselstegn", id="quote"),
    pytest.param(YAML_FIXTURES / "unclosed-apostrophe-line3.yaml", 3, 10, "'", id="apostrophe"),
    pytest.param(YAML_FIXTURES / "unclosed-bracket-line7.yaml", 7, 15, "[", id="bracket"),
]


@pytest.mark.parametrize(("path", "line", "col", "word"), FILE_CASES)
def test_an_unclosed_quote_or_bracket_in_a_50_line_file_is_reported_where_it_opens(
    path: Path, line: int, col: int, word: str
) -> None:
    assert path.read_text(encoding="utf-8").count("\n") == 50
    with pytest.raises(ModelError) as caught:
        compose_file(path, path.name)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{path.name}:{line}:{col}: YAML-syntaksfeil: "), str(problem)
    assert_norwegian(problem, "lukkes aldri")
    assert word in problem.message


BYTES_CASES = [
    pytest.param(
        "demo:\n  title: Demo\n  language: nb\n  name: Nivå\n".encode("latin-1"),
        4,
        12,
        "UTF-8",
        id="latin1-line-4",
    ),
    pytest.param(b"\xef\xbb\xbfdemo: \xe5\n", 1, 7, "UTF-8", id="bom-then-latin1"),
    pytest.param("demo: x\n".encode("utf-16"), 1, 1, "UTF-16", id="utf16"),
    pytest.param(b"demo:\n" + b"  k: v\n" * 5 + b"  t: a\x00b\n", 7, 7, "NUL", id="nul-line-7"),
    pytest.param(b"a: " + b"x" * MAX_BYTES, 1, 1, "for stor", id="big-file"),
    pytest.param(b"demo:\r\n  title: Demo\r\n\tlanguage: nb\r\n", 3, 1, "tabulator", id="crlf"),
    pytest.param(b"\xef\xbb\xbf", 1, 1, "tom", id="only-bom"),
]


@pytest.mark.parametrize(("data", "line", "col", "word"), BYTES_CASES)
def test_bad_bytes_in_a_file(tmp_path: Path, data: bytes, line: int, col: int, word: str) -> None:
    path = tmp_path / "models.yaml"
    path.write_bytes(data)
    with pytest.raises(ModelError) as caught:
        compose_file(path, "models.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.col) == (line, col), str(problem)
    assert_norwegian(problem, word)


def test_every_control_character_is_reported_at_its_own_place() -> None:
    text = "demo:\n  title: \x00a\n  name: b\x07\n\x1b: c\n"
    with pytest.raises(ModelError) as caught:
        compose_text(text, "m.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "m.yaml:2:10: usynlig styretegn U+0000 (NUL) er ikke tillatt i filen: slett det",
        "m.yaml:3:10: usynlig styretegn U+0007 (BEL) er ikke tillatt i filen: slett det",
        "m.yaml:4:1: usynlig styretegn U+001B (ESC) er ikke tillatt i filen: slett det",
    ]


def test_a_file_full_of_control_characters_lists_twenty_and_counts_the_rest() -> None:
    with pytest.raises(ModelError) as caught:
        compose_text("a\x00" * 1000, "m.yaml")
    problems = caught.value.problems
    assert len(problems) == 21
    assert problems[-1].message == "og 980 styretegn til etter dette: slett alle"
    assert (problems[-1].line, problems[-1].col) == (1, 42)


def test_nesting_up_to_the_limit_composes() -> None:
    assert compose_text(staircase(MAX_DEPTH), "m.yaml")
    assert compose_text("[" * MAX_DEPTH + "]" * MAX_DEPTH, "m.yaml")
    with pytest.raises(ModelError):
        compose_text(staircase(MAX_DEPTH + 1), "m.yaml")
    with pytest.raises(ModelError):
        compose_text("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "m.yaml")


def test_a_few_aliases_compose_to_the_same_node() -> None:
    text = "a:\n  contacts: &kontakter\n    - name: Politiet\nb:\n  contacts: *kontakter\n"
    root = compose_text(text, "m.yaml")
    assert isinstance(root, yaml.MappingNode)
    (_, first), (_, second) = root.value
    assert first.value[0][1] is second.value[0][1]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(GOOD, id="minimal"),
        pytest.param("\ufeff" + GOOD, id="bom"),
        pytest.param(GOOD.replace("\n", "\r\n"), id="crlf"),
        pytest.param("demo:\n  title:\n", id="key-without-value"),
        pytest.param('demo:\n  title: "Demo\n    over to linjer"\n', id="multiline-quote"),
        pytest.param("demo:\n  tools: [a,\n    b]\n", id="multiline-brackets"),
        pytest.param("demo:\n  title: !!str 02800\n", id="standard-tag"),
    ],
)
def test_good_yaml_composes(text: str) -> None:
    root = compose_text(text, "m.yaml")
    assert isinstance(root, yaml.MappingNode)
    assert [key.value for key, _ in root.value] == ["demo"]


def test_bom_and_crlf_keep_every_line_and_column() -> None:
    plain = compose_text(GOOD, "m.yaml")
    for variant in ("\ufeff" + GOOD, GOOD.replace("\n", "\r\n")):
        assert marks(compose_text(variant, "m.yaml")) == marks(plain)


def marks(node: yaml.Node) -> list[tuple[int, int, str]]:
    out = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            out.append((current.start_mark.line, current.start_mark.column, current.value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(part for pair in current.value for part in pair)
    return out


def tree(node: yaml.Node) -> object:
    """A node tree as plain data with every position and style (plain: None or '')."""
    where = (node.start_mark.line, node.start_mark.column, node.start_mark.index)
    end = (node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.style or None, where, end)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [tree(item) for item in node.value], where)
    return (node.tag, [(tree(k), tree(v)) for k, v in node.value], where)


@pytest.mark.parametrize(
    "path",
    [DATA, *sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_fast_reader_gives_the_same_tree_as_the_python_reader(path: Path) -> None:
    """libyaml reads the files that parse; its tree, positions and styles are PyYAML's."""
    text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    fast = load.compose_fast(text, "<unicode string>")
    loader = load.LimitedLoader(text)
    try:
        slow = loader.get_single_node()
    except Exception:
        assert fast is None, "a file PyYAML refuses is never read by libyaml alone"
        return
    finally:
        loader.dispose()
    if "\t" in text or slow is None:
        assert fast is None
        return
    assert fast is not None
    assert tree(fast) == tree(slow)
    assert fast.start_mark.buffer == text, "marks carry the text, to find a word in a value"
