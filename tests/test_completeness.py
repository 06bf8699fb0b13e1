"""Every sentence and bullet of each seed guide stands on that model's built site.

Both sides are normalised the same way and only in the ways the seed's form requires:
whitespace is collapsed, list markers (•, ✓, -, «1.») and the seed's markup (HTML tags,
**bold**) are removed, and text is split into sentences (also after a colon, where the
site shows a label and its text apart). Anything deliberately not on the site is listed
below with the reason.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, Served

SEEDS = ROOT.parent / "shared" / "seeds"
SEED_OF = {
    "romskog": "000_a982683712803828.txt",
    "bekymring-nynorsk": "001_6a01ea2d26c6b52a.txt",
    "modum": "002_60b589bc48eb46ce.txt",
    "bti-fem-steg": "003_60977caa3079a3e8.txt",
    "samarbeidsmodellen": "004_6ad56543a821659e.txt",
}

LABEL = "a label the site draws itself (in the UI's own words) above the content it introduces"
LEFT_OUT: dict[str, dict[str, str]] = {
    "romskog": {
        "RØMSKOGMODELLEN": "the title is shown in normal case: «Rømskogmodellen»",
        "Mål:": LABEL,
    },
    "bekymring-nynorsk": {"Mål:": LABEL},
    "modum": {
        "Verktøy:": LABEL,
        "Anbefalte nettressurser:": LABEL,
        "PDF document ODT document": "download buttons of the source page; shown as formats",
        "Politiet:": "shown as the contact «Politiet» with its number",
    },
    "bti-fem-steg": {
        "Verktøy": "an empty label in the source: the tools it stood for are not named",
    },
    "samarbeidsmodellen": {
        "Samarbeidsmodellen:": "the title, shown without the colon",
        "Målgruppe:": LABEL,
        "Målsetting:": LABEL + " («Mål»)",
        "Hvem kan du drøfte med:": "the section heading, shown without the colon",
        "[Link lovtekst](#)": "a dead link in the source (its target is «#»)",
    },
}

MARKERS = re.compile(r"^(?:[•✓\-–]|\d+\.(?=\s)|\d+\s(?=[A-ZÆØÅ]))\s*")
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")


def normalise(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("**", "").replace("*", "")
    return " ".join(text.split())


def seed_pieces(text: str) -> list[str]:
    """The seed's bullets and sentences, without list markers."""
    pieces = []
    for line in text.splitlines():
        for part in re.split(r"[•✓\t]", line):
            part = MARKERS.sub("", normalise(part)).strip()
            if part and not re.fullmatch(r"[-–]+", part):  # a table rule, not text
                pieces.append(part)
    return pieces


class SiteText(HTMLParser):
    """The text a reader sees: article and banner, without diagram source."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.stack: list[tuple[str, bool, bool]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        reading = tag == "article" or "md-banner" in classes
        skipping = "hv-diagram" in classes or tag in ("script", "style")
        if tag in ("br", "img", "hr", "input", "meta", "link"):
            return
        self.stack.append((tag, reading, skipping))
        self.depth += reading
        self.skip += skipping
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, reading, skipping = self.stack.pop()
            self.depth -= reading
            self.skip -= skipping
            if name == tag:
                break
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


WHOLE_GUIDE = "utskrift"
"""The whole-guide page repeats every page, so it is checked on its own."""
REPEATING = (WHOLE_GUIDE, "veiviser")
"""Pages that repeat the level pages' text; a sentence must be found on the others."""


def site_text(root: Path) -> str:
    """The text of every page of a site, except the pages that repeat others (or, given the
    whole-guide page's HTML file as `root`, the text of that page alone)."""
    texts = []
    pages = [root] if root.is_file() else sorted(root.rglob("*.html"))
    for html in pages:
        if root.is_dir() and html.parent.name in REPEATING:
            continue
        parser = SiteText()
        parser.feed(html.read_text(encoding="utf-8"))
        texts.append(normalise("".join(parser.parts)))
    return "\n".join(texts)


def missing_pieces(model: str, root: Path) -> list[str]:
    seed = (SEEDS / SEED_OF[model]).read_text(encoding="utf-8")
    text = site_text(root)
    missing = []
    for piece in seed_pieces(seed):
        for left_out in LEFT_OUT[model]:
            piece = " ".join(piece.replace(left_out, " ").split())
        if not piece or piece in text:
            continue
        sentences = [s.removesuffix(":") for s in SENTENCE_END.split(piece) if s]
        lost = [s for s in sentences if s not in text]
        if lost:
            missing.append(piece)
    return missing


@pytest.mark.parametrize("model", list(SEED_OF))
def test_every_sentence_of_the_seed_is_on_the_site(sites: Served, model: str) -> None:
    assert missing_pieces(model, sites.root / model) == []


@pytest.mark.parametrize("model", list(SEED_OF))
def test_every_sentence_of_the_seed_is_on_the_whole_guide_page(sites: Served, model: str) -> None:
    """The page (and so the PDF) that holds the whole guide drops nothing either."""
    assert missing_pieces(model, sites.root / model / WHOLE_GUIDE / "index.html") == []


@pytest.mark.parametrize("model", list(SEED_OF))
def test_every_left_out_line_is_really_in_the_seed(model: str) -> None:
    """The list of exceptions stays honest: each entry names a line of the seed."""
    pieces = set(seed_pieces((SEEDS / SEED_OF[model]).read_text(encoding="utf-8")))
    for line in LEFT_OUT[model]:
        assert line in pieces or any(line in p for p in pieces), line


def test_the_checker_notices_a_dropped_sentence(sites: Served, tmp_path: Path) -> None:
    """Remove one sentence from a built page: the completeness check must report it."""
    import shutil

    copy = tmp_path / "modum"
    shutil.copytree(sites.root / "modum", copy)
    page = copy / "niva-1" / "index.html"
    sentence = "Avtalte tiltak iverksettes og gjennomføres på aktuelle arenaer."
    html = page.read_text(encoding="utf-8")
    assert sentence in html
    page.write_text(html.replace(sentence, ""), encoding="utf-8")
    assert missing_pieces("modum", copy) == [sentence]
