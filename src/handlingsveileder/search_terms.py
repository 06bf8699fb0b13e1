"""Search that finds what a worried employee types: extra terms for Material's search index.

Material's search plugin writes `search/search_index.json`, and its worker indexes every
field that `config.fields` names, while the results only show `title` and `text`. `enrich`
adds two fields that the reader never sees, `hv_title` beside the title and `hv_text` beside
the text (weighted as `TITLE_BOOST` and `TEXT_BOOST` say), so that a page ranks for the
other form of a word much as it ranks for the word itself. They hold:

- each word as the other written form writes it (bokmål ↔ nynorsk: `FORMS`, and the
  adjective ending -lig/-leg and -kke/-kkje);
- the parts of compound words (`bekymringsmelding` → `bekymring`, `melding`), split into
  words the site itself uses (or `PARTS`), with or without a linking «s»/«e», and a compound
  with its linking «s» added or dropped (`undringsamtale` ↔ `undringssamtale`);
- the words that the kommune's glossary (`data/sokeord.yaml`, see `load_glossary`) says
  mean the same (`BTI` ↔ `bedre tverrfaglig innsats`);
- words the index cannot match as written: Material splits only at spaces and hyphens, so
  `(BTI)` or `barnet/ungdomen` would otherwise never match `bti` or `ungdomen`;
- typing slips of long words in page titles: one letter left out (`bekymringsmeldig`).

Every query term gets a trailing wildcard from Material, so a word typed short
(`samtykke` for `samtykkeskjema`) already matches. Words Material's Norwegian stop word
filter drops (`ikke`, `ikkje`, `noen` …) cannot be found in any form.

Nothing here imports MkDocs; `mkdocs_adapter.feed_search` reads and writes the file.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

import yaml

from . import yaml_messages as msg
from .errors import ModelError, Problem
from .load import compose_file

TITLE_FIELD = "hv_title"
"""The extra field for what a title may be searched as (indexed, never shown)."""
TEXT_FIELD = "hv_text"
"""The extra field for what a text may be searched as (indexed, never shown)."""
TITLE_BOOST = 500.0
"""Half of Material's `title` (1000): a word found in another form of a title ranks like the
title itself, just below a title that has the very word."""
TEXT_BOOST = 1.0
"""Material's `text` (1): another form of a word in a text counts as the word."""
DEMOTED_BOOST = 0.25
"""Document boost for pages that repeat other pages (the whole guide on one page), so the
page an employee is looking for comes first."""
GLOSSARY_FILE = "sokeord.yaml"
"""The glossary's file name, beside the models file."""
MIN_PART = 4
"""The shortest part a compound is split into (`barn`, `vold`, `plan`)."""
MAX_WORD = 40
"""Longer words (links, ids) are not split or varied."""
MIN_SLIP = 10
"""Words of a page's title at least this long also get their typing slips."""
MAX_ENTRY = 80
"""The longest glossary entry, in characters."""
LINKS = ("", "s", "e")
"""What may stand between the parts of a compound (`bekymring-s-melding`, `barn-e-hage`)."""
ENDINGS = ("ane", "ene", "ar", "er", "en", "et", "ne", "a", "e", "n", "r", "s", "t")
"""Endings a word may have beyond a form in `FORMS` or a glossary entry, longest first."""
TAKES_S = ("ing", "het", "heit", "sjon", "dom", "skap", "else", "leik", "tet", "nad")
"""Endings after which a compound usually has a linking «s» (`undringssamtale`)."""
NOT_ADJECTIVES = ("fastleg", "skoleleg", "skuleleg")
"""Words with the noun `lege` in them, not an adjective in -leg/-lig."""
MAX_VARIANTS = 16
"""At most this many other forms of one compound."""

_STOP_TEXT = """
    alle at av bare begge ble blei bli blir blitt både båe da de deg dei deim deira deires
    dem den denne der dere deres det dette di din disse ditt du dykk dykkar då eg ein eit
    eitt eller elles en enn er et ett etter for fordi fra før ha hadde han hans har hennar
    henne hennes her hjå ho hoe honom hoss hossen hun hva hvem hver hvilke hvilken hvis hvor
    hvordan hvorfor i ikke ikkje ingen ingi inkje inn inni ja jeg kan kom korleis korso kun
    kunne kva kvar kvarhelst kven kvi kvifor man mange me med medan meg meget mellom men mi
    min mine mitt mot mykje ned no noe noen noka noko nokon nokor nokre nå når og også om
    opp oss over på samme seg selv si sia sidan siden sin sine sitt sjøl skal skulle slik so
    som somme somt så sånn til um upp ut uten var vart varte ved vere verte vi vil ville
    vore vors vort vår være vært å
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""The Norwegian stop words Material's search drops when it indexes (lunr-languages' `no`
list): adding them is pointless, and they are never compound parts."""

FORMS = """
adressen = adressa
alvorlig = alvorleg
anledning = høve
annet = anna
ansatt = tilsett
ansatte = tilsette
ansvarlig = ansvarleg
arbeidssted = arbeidsstad
atferd = åtferd
barnevernsloven = barnevernslova
barneverntjenesten = barneverntenesta, barnevernstenesta
bedre = betre
begynner = byrjar
begynne = byrje, byrja
bekymret = uroa, bekymra
bekymringer = bekymringar
blåmerker = blåmerke
bor = bur
bruker = brukar
brukere = brukarar
bygger = byggjer
bytte = byte
dokumentere = dokumentera, dokumentere
egen = eigen, eiga
eget = eige
egne = eigne
eksempel = døme, dømes
endringer = endringar
enighet = semje
evaluere = evaluera, evaluere
fagpersoner = fagpersonar
finnes = finst, fins
flere = fleire
forbered = førebu
forberede = førebu
forberedelse = førebuing
foreldrene = foreldra
foresatt = føresett
foresatte = føresette
forsikre = forsikra
forslag = framlegg
fortelle = fortelje
fortsetter = fortset
forvaltningsloven = forvaltningslova
formålet = føremålet
fra = frå
gammelt = gammalt
gi = gje, gi
gir = gjev, gir
gis = gjevast, gis
gjelder = gjeld
gjøre = gjere, gjera
handler = handlar
haster = hastar
hele = heile
helhetlig = heilskapleg
helsepersonelloven = helsepersonellova
helsesykepleier = helsesjukepleiar
helsetjeneste = helseteneste
helt = heilt
hjem = heim
hjemme = heime
hjemmet = heimen
holder = held
husk = hugs
huske = hugse
huskeregel = hugseregel
hvordan = korleis
hvorfor = kvifor
hørt = høyrt
hørte = høyrde
høyt = høgt
innenfor = innafor
inneholder = inneheld
ivaretar = ivaretek
ivaretatt = ivareteke
kilde = kjelde
kilden = kjelda
kilder = kjelder
klarer = klarar
kommer = kjem
kontaktlærer = kontaktlærar
krever = krev
lagre = lagra
leder = leiar
lederen = leiaren
loven = lova
lærer = lærar
lukker = lukkar
melder = meldar
meldingen = meldinga
meldinger = meldingar
mener = meiner
mening = meining
meningen = meininga
mishandlet = mishandla
modenhet = modning
mulig = mogleg
mulige = moglege
muntlig = munnleg
navn = namn
navnet = namnet
nevner = nemner
nivåene = nivåa
nødvendig = naudsynt
nødvendige = naudsynte
nyter = nyt
omfatte = omfatta
opplevelse = oppleving
opplysninger = opplysningar
opplæringsloven = opplæringslova
passer = passar
personer = personar
plikten = plikta
regler = reglar
relasjoner = relasjonar
ressurspersoner = ressurspersonar
samme = same
sammen = saman
samtaler = samtalar
samtalene = samtalane
samtidig = samstundes
samtykke = samtykkje
samtykker = samtykkjer
samtykket = samtykkjet
samtykkeskjema = samtykkjeskjema
saken = saka
se = sjå
selv = sjølv
si = seie
sier = seier
siden = sida
sjekklisten = sjekklista
skaffe = skaffa
skape = skapa
skiller = skil
skole = skule
skolehelsetjeneste = skulehelseteneste
skolen = skulen
skrive = skriva, skrive
slutter = sluttar
spørre = spørje
stafettholder = stafetthaldar
starter = startar
sted = stad
stegene = stega
stiplet = stipla
stopper = stoppar
sykdom = sjukdom
sykepleier = sjukepleiar
søke = søkje, søkja
søsken = sysken
taushetsplikt = teieplikt
taushetsplikten = teieplikta
tegn = teikn
tenker = tenkjer
tidsavgrensninger = tidsavgrensingar
tilbud = tilbod
tillater = tillèt
tjeneste = teneste
tjenesten = tenesta
tjenester = tenester
tjenestene = tenestene
tolkning = tolking
tro = tru
trekke = trekkje
trekkes = trekkjast
trenger = treng
trengs = trengst
trinnene = trinna
trygghet = tryggleik
undersøker = undersøkjer
ungdommen = ungdomen
uke = veke
uker = veker
utarbeide = utarbeida, utarbeide
utsatt = utsett
utviklingen = utviklinga
vanligvis = vanlegvis
vei = veg
veileder = rettleiar
veilederen = rettleiaren
veivalg = vegval
verge = verje
vet = veit
videre = vidare
virksomhet = verksemd
vise = visa, vise
vite = vita, vite
voksen = vaksen
voksne = vaksne
vold = vald
"""
"""Pairs of the same word in bokmål and nynorsk, `bokmål = nynorsk[, nynorsk …]`: the words
of the five guides and the words an employee searching them is likely to type."""

PARTS = """barn foreldre helse logg melding møte plan plikt samtale skjema stafett team
tjeneste teneste vern vold vald"""
"""Compound parts the site's own words may lack (`stafettlogg` → `stafett`, `logg`)."""

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W_]+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_RULES = (  # (bokmål, nynorsk) endings that differ the same way in most words
    (re.compile(r"^(.{3,})lig(e|vis)?$"), r"\1leg\2"),
    (re.compile(r"^(.{3,})leg(e|vis)?$"), r"\1lig\2"),
    (re.compile(r"^(.{2,})kk(e|er|et)$"), r"\1kkj\2"),
    (re.compile(r"^(.{2,}[^\W\d_])kj(e|er|et)$"), r"\1k\2"),
)


# -- the glossary ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Glossary:
    """Sets of words and phrases that mean the same when someone searches (lower case)."""

    sets: tuple[tuple[str, ...], ...] = ()


def glossary_path(models_file: Path) -> Path:
    """Where the glossary of a models file is: beside it."""
    return models_file.parent / GLOSSARY_FILE


def glossary_beside(models_file: Path, shown: str = "") -> Glossary:
    """The glossary beside a models file (`data/sokeord.yaml`), named in messages beside the
    models file as the editor wrote it (`shown`). Raises ModelError."""
    name = glossary_path(Path(shown or models_file.name))
    return load_glossary(glossary_path(models_file), str(name))


def load_glossary(path: Path, shown: str | None = None) -> Glossary:
    """The glossary in `path` (empty when there is no such file), read by the project's own
    YAML reader. Raises ModelError with every problem, in Norwegian, at file:line:col."""
    if not path.exists():
        return Glossary()
    name = shown or str(path)
    try:
        root = compose_file(path, name)
    except ModelError as error:
        if [p.message for p in error.problems] in ([msg.EMPTY], [msg.ONLY_COMMENTS]):
            return Glossary()  # every set taken away (or commented out): no synonyms
        raise
    return read_glossary(root, name)


def read_glossary(root: yaml.Node, name: str) -> Glossary:
    """A glossary from its YAML node tree: a list of sets, each a list of at least two
    words or phrases."""
    if not isinstance(root, yaml.SequenceNode):
        raise ModelError(
            [
                problem(
                    root,
                    name,
                    "søkeordene må være en liste med sett av ord som betyr det samme, "
                    "ett sett per linje, f.eks. «- [BTI, bedre tverrfaglig innsats]»",
                )
            ]
        )
    problems: list[Problem] = []
    sets = tuple(read_set(node, name, problems) for node in root.value)
    if problems:
        raise ModelError(problems)
    return Glossary(sets)


def read_set(node: yaml.Node, name: str, problems: list[Problem]) -> tuple[str, ...]:
    """One set of words; its problems are added to `problems`."""
    if not isinstance(node, yaml.SequenceNode):
        problems.append(
            problem(
                node,
                name,
                "et sett må være en liste med ord i hakeparenteser, "
                "f.eks. «- [BTI, bedre tverrfaglig innsats]»",
            )
        )
        return ()
    words: list[str] = []
    for item in node.value:
        word = read_entry(item, name, problems)
        if word is not None and word in words:
            problems.append(problem(item, name, f"«{word}» står to ganger i samme sett"))
        elif word is not None:
            words.append(word)
    if len(node.value) < 2:
        problems.append(problem(node, name, "et sett trenger minst to ord som betyr det samme"))
    return tuple(words)


def read_entry(node: yaml.Node, name: str, problems: list[Problem]) -> str | None:
    """One word or phrase in lower case, or None (and a problem) when it cannot be used."""
    if not isinstance(node, yaml.ScalarNode):
        problems.append(problem(node, name, "et søkeord må være en tekst: ett ord eller uttrykk"))
        return None
    text = " ".join(str(node.value).split()).lower()
    if not text:
        problems.append(problem(node, name, "søkeordet er tomt"))
    elif len(text) > MAX_ENTRY:
        problems.append(problem(node, name, f"søkeordet er lengre enn {MAX_ENTRY} tegn"))
    elif not _WORD.search(text):
        problems.append(problem(node, name, f"«{text}» har ingen bokstaver eller tall"))
    else:
        return text
    return None


def problem(node: yaml.Node, name: str, message: str) -> Problem:
    mark = node.start_mark
    return Problem(name, mark.line + 1, mark.column + 1, (), message)


# -- words ----------------------------------------------------------------------------------


def plain(markup: str) -> str:
    """Text without its HTML tags, entities decoded, in lower case."""
    return html.unescape(_TAG.sub(" ", markup)).lower()


def words(markup: str) -> list[str]:
    """The words of a title or text: letters and digits, split at everything else."""
    return _WORD.findall(plain(markup))


def tokens(markup: str, separator: re.Pattern[str]) -> set[str]:
    """The terms Material's search indexes for a title or text (split only at `separator`)."""
    return {token for token in separator.split(plain(markup)) if token}


def form_table(text: str = FORMS) -> dict[str, tuple[str, ...]]:
    """Each word in `text` (see FORMS) with its forms in the other written form."""
    table: dict[str, list[str]] = {}
    for line in text.strip().splitlines():
        bokmal, _, nynorsk = line.partition("=")
        left = bokmal.strip()
        for right in (word.strip() for word in nynorsk.split(",")):
            if right != left:
                table.setdefault(left, []).append(right)
                table.setdefault(right, []).append(left)
    return {word: tuple(dict.fromkeys(forms)) for word, forms in table.items()}


def rule_forms(word: str) -> set[str]:
    """Other forms by the endings that differ regularly (tverrfaglig ↔ tverrfagleg)."""
    rules = _RULES[2:] if any(noun in word for noun in NOT_ADJECTIVES) else _RULES
    return {pattern.sub(repl, word) for pattern, repl in rules if pattern.match(word)}


def other_forms(word: str, table: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The word in the other written form: from the table (also with an ending beyond a
    table word: `skulen` → `skole`, `skolen`) and by the regular endings."""
    found = set(table.get(word, ()))
    if not found:
        for ending in ENDINGS:
            stem = word.removesuffix(ending)
            if stem != word and len(stem) >= MIN_PART and stem in table:
                found.update(f for other in table[stem] for f in (other, other + ending))
                break
    found |= rule_forms(word)
    found.discard(word)
    return found


Entry = tuple[int, tuple[str, ...]]
"""A glossary entry: the number of its set, and its words."""


@dataclass(frozen=True)
class Lexicon:
    """What one site's extra terms are made from."""

    forms: Mapping[str, tuple[str, ...]]
    """Word → the same word in the other written form."""
    vocabulary: frozenset[str]
    """Words a compound may be split into."""
    entries: Mapping[str, tuple[Entry, ...]]
    """The glossary's entries by their first word."""
    set_terms: tuple[frozenset[str], ...]
    """The words of each glossary set, in both written forms."""

    @classmethod
    def of(cls, docs: Iterable[Mapping[str, Any]], glossary: Glossary) -> Lexicon:
        forms = form_table()
        known = {w for doc in docs for key in ("title", "text") for w in words(doc.get(key, ""))}
        known.update(PARTS.split(), forms, (w for s in glossary.sets for e in s for w in words(e)))
        vocabulary = frozenset(
            w for w in known if len(w) >= MIN_PART and w not in STOP_WORDS and w.isalpha()
        )
        entries: dict[str, list[Entry]] = {}
        set_terms: list[frozenset[str]] = []
        for number, group in enumerate(glossary.sets):
            entry_words = [words(entry) for entry in group]
            for entry in entry_words:
                if entry:
                    entries.setdefault(entry[0], []).append((number, tuple(entry)))
            found = {word for entry in entry_words for word in entry}
            set_terms.append(frozenset(found | {f for w in found for f in other_forms(w, forms)}))
        return cls(
            forms,
            vocabulary,
            {first: tuple(found) for first, found in entries.items()},
            tuple(set_terms),
        )

    def other_forms(self, word: str) -> set[str]:
        return other_forms(word, self.forms)


# -- compounds ------------------------------------------------------------------------------

Part = tuple[str, str]
"""A part of a compound and the linking letters after it: ("bekymring", "s")."""


def split_compound(word: str, vocabulary: frozenset[str]) -> tuple[Part, ...] | None:
    """`word` as known words joined directly or by a linking «s»/«e», in as few parts as
    possible (then with the fewest linking letters); None when it is not such a compound."""
    best: dict[int, tuple[Part, ...]] = {len(word): ()}
    for start in range(len(word) - MIN_PART, -1, -1):
        candidates = [
            ((word[start:end], link), *best[end + len(link)])
            for end in range(start + MIN_PART, len(word) + 1)
            if word[start:end] in vocabulary and not (start == 0 and end == len(word))
            for link in LINKS
            if word.startswith(link, end)
            and end + len(link) in best
            and not (link and end + len(link) == len(word))
        ]
        if candidates:
            best[start] = min(candidates, key=split_rank)
    return best.get(0)


def split_rank(parts: tuple[Part, ...]) -> tuple[int, int, int]:
    return (len(parts), sum(len(link) for _, link in parts), -len(parts[0][0]))


def all_parts(word: str, vocabulary: frozenset[str], depth: int = 3) -> list[str]:
    """The parts of a compound, and the parts of those parts."""
    split = split_compound(word, vocabulary) if depth else None
    if not split:
        return []
    found: list[str] = []
    for part, _ in split:
        found += [part, *all_parts(part, vocabulary, depth - 1)]
    return found


def joined(parts: Sequence[Part]) -> str:
    return "".join(part + link for part, link in parts)


def compound_forms(split: tuple[Part, ...], lexicon: Lexicon) -> set[str]:
    """The compound with its parts in the other written form, and each with its linking «s»
    added or dropped where the parts meet (`undringsamtale` ↔ `undringssamtale`)."""
    choices = [sorted({part} | lexicon.other_forms(part)) for part, _ in split]
    variants: list[tuple[Part, ...]] = []
    for chosen in product(*choices):
        variants.append(tuple(zip(chosen, (link for _, link in split), strict=True)))
        if len(variants) >= MAX_VARIANTS:
            break
    found = {joined(variant) for variant in variants}
    for variant in variants:
        found.update(joined(relinked) for relinked in linking_s(variant))
    return found


def linking_s(parts: tuple[Part, ...]) -> Iterator[tuple[Part, ...]]:
    """The compound with one linking «s» dropped, or added after a part that usually takes
    one (`undring`, `trygghet`, `situasjon` …)."""
    for i, (part, link) in enumerate(parts[:-1]):
        if link == "s" or (link == "" and takes_s(part)):
            yield (*parts[:i], (part, "s" if link == "" else ""), *parts[i + 1 :])


def takes_s(part: str) -> bool:
    """The part ends like a word that takes a linking «s» (`helse` does not: too short)."""
    return any(part.endswith(end) and len(part) >= len(end) + 3 for end in TAKES_S)


# -- the terms of one document --------------------------------------------------------------


def word_terms(word: str, lexicon: Lexicon) -> set[str]:
    """What `word` may be searched as: itself, its other forms, and its parts."""
    found = {word}
    if len(word) > MAX_WORD or not word.isalpha():
        return found
    found |= lexicon.other_forms(word)
    split = split_compound(word, lexicon.vocabulary)
    if split:
        for part in all_parts(word, lexicon.vocabulary):
            found |= {part} | lexicon.other_forms(part)
        if word not in lexicon.forms:  # the table knows this compound's other form
            found |= compound_forms(split, lexicon)
    return found


def typing_slips(word: str) -> set[str]:
    """A long word with one letter left out (the first three and the last stay: a search
    for the start of a word already finds it)."""
    if len(word) < MIN_SLIP or not word.isalpha():
        return set()
    return {word[:i] + word[i + 1 :] for i in range(3, len(word) - 1)} - {word}


def entry_matches(entry: Sequence[str], forms: Sequence[set[str]], start: int) -> bool:
    """The glossary entry's words stand at `start` in a text whose words are `forms`, each
    as written or with an ending (`bekymringsmeldinga` for `bekymringsmelding`)."""
    if start + len(entry) > len(forms):
        return False
    return all(
        any(same_word(wanted, form) for form in forms[start + i]) for i, wanted in enumerate(entry)
    )


def same_word(wanted: str, form: str) -> bool:
    return form == wanted or wanted in stems(form)


def stems(form: str) -> set[str]:
    """The word without one of the ENDINGS, where what is left is long enough."""
    return {
        form[: -len(ending)]
        for ending in ENDINGS
        if form.endswith(ending) and len(form) - len(ending) >= MIN_PART
    }


def synonyms(text_words: Sequence[str], lexicon: Lexicon, memo: Memo) -> set[str]:
    """The words of every glossary set that has an entry in the text (in either form)."""
    forms = [memo.forms(word, lexicon) for word in text_words]
    hits: set[int] = set()
    for start, here in enumerate(forms):
        for key in {key for form in here for key in (form, *stems(form))}:
            for number, entry in lexicon.entries.get(key, ()):
                if number not in hits and entry_matches(entry, forms, start):
                    hits.add(number)
    return {term for number in hits for term in lexicon.set_terms[number]}


def document_terms(
    doc: Mapping[str, Any], lexicon: Lexicon, separator: re.Pattern[str], memo: Memo
) -> tuple[list[str], list[str]]:
    """The extra terms of one search document's title and of its text, each sorted. The
    typing slips of a page's title go with the text: they find the page, but a word spelt
    right must not rank a page higher because the slips of a longer word start with it."""
    title, text = str(doc.get("title", "")), str(doc.get("text", ""))
    title_words = words(title)
    text_terms = part_terms(words(text), lexicon, memo)
    if "#" not in str(doc.get("location", "")):  # a page's own title: a tool, a role, a level
        text_terms |= title_slips(title_words, lexicon)
    return (
        wanted(part_terms(title_words, lexicon, memo), tokens(title, separator)),
        wanted(text_terms, tokens(text, separator) | tokens(title, separator)),
    )


def part_terms(found_words: list[str], lexicon: Lexicon, memo: Memo) -> set[str]:
    """The extra terms of a title or a text."""
    found: set[str] = set()
    for word in dict.fromkeys(found_words):
        found |= memo.terms(word, lexicon)
    return found | synonyms(found_words, lexicon, memo)


def title_slips(title_words: list[str], lexicon: Lexicon) -> set[str]:
    """The typing slips of a title's long words, as written and in the other written form."""
    return {
        slip
        for word in title_words
        for form in {word} | lexicon.other_forms(word)
        for slip in typing_slips(form)
    }


def wanted(terms: Iterable[str], present: Iterable[str]) -> list[str]:
    """The terms worth adding, sorted: with letters, not a stop word, and not the start of a
    term the field beside it has already (Material searches every word as a prefix, so
    `foresatte` in `foresatte/barn` is found as it is, and adding it would count it twice)."""
    indexed = sorted(present)
    return sorted(
        term
        for term in terms
        if _LETTERS.search(term) and term not in STOP_WORDS and not starts(indexed, term)
    )


def starts(indexed: list[str], prefix: str) -> bool:
    """Some term in the sorted list `indexed` starts with `prefix`."""
    at = bisect_left(indexed, prefix)
    return at < len(indexed) and indexed[at].startswith(prefix)


@dataclass(frozen=True)
class Memo:
    """What is already worked out for a word, within one `enrich` call."""

    known_terms: dict[str, set[str]]
    known_forms: dict[str, set[str]]

    def terms(self, word: str, lexicon: Lexicon) -> set[str]:
        if word not in self.known_terms:
            self.known_terms[word] = word_terms(word, lexicon)
        return self.known_terms[word]

    def forms(self, word: str, lexicon: Lexicon) -> set[str]:
        if word not in self.known_forms:
            self.known_forms[word] = {word} | lexicon.other_forms(word)
        return self.known_forms[word]


# -- the index ------------------------------------------------------------------------------


def enrich(
    index: Mapping[str, Any], glossary: Glossary = Glossary(), demote: Sequence[str] = ()
) -> dict[str, Any]:
    """Material's search index with the fields `hv_title` and `hv_text` added to its config
    and to every document that has extra terms; documents whose location starts with one of
    `demote` rank lower. The input is not changed; an index already fed is returned as is."""
    config = dict(index["config"])
    fields = dict(config.get("fields", {}))
    if TITLE_FIELD in fields:
        return dict(index)
    config["fields"] = {
        **fields,
        TITLE_FIELD: {"boost": TITLE_BOOST},
        TEXT_FIELD: {"boost": TEXT_BOOST},
    }
    separator = re.compile(str(config.get("separator") or r"[\s\-]+"))
    docs: list[Mapping[str, Any]] = list(index["docs"])
    lexicon = Lexicon.of(docs, glossary)
    memo = Memo({}, {})
    return {
        **index,
        "config": config,
        "docs": [fed(doc, lexicon, separator, memo, demote) for doc in docs],
    }


def fed(
    doc: Mapping[str, Any],
    lexicon: Lexicon,
    separator: re.Pattern[str],
    memo: Memo,
    demote: Sequence[str],
) -> dict[str, Any]:
    """One search document with its extra terms (and its boost, if demoted)."""
    new = dict(doc)
    title_terms, text_terms = document_terms(doc, lexicon, separator, memo)
    for field, terms in ((TITLE_FIELD, title_terms), (TEXT_FIELD, text_terms)):
        if terms:
            new[field] = " ".join(terms)
    if any(str(doc.get("location", "")).startswith(prefix) for prefix in demote):
        new["boost"] = float(doc.get("boost", 1.0)) * DEMOTED_BOOST
    return new
