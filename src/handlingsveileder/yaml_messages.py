"""Norwegian messages for the YAML layer.

`translate` turns PyYAML's `context` and `problem` into one sentence in bokmål; the rules
are tried in order, the specific ones first. An English phrase no rule knows is still
shown, but inside a Norwegian sentence. Where each message points is decided in
`yaml_positions.py`.
"""

from __future__ import annotations

import re
import unicodedata

SYNTAX = "YAML-syntaksfeil: "

NAMES = {
    # PyYAML's token ids, as they appear in "expected …, but found '<id>'"
    "<stream end>": "slutten av filen",
    "<stream start>": "starten av filen",
    "<document start>": "«---» (starten på et nytt dokument)",
    "<document end>": "«...» (slutten på dokumentet)",
    "<directive>": "et %-direktiv",
    "<block mapping start>": "en ny blokk med nøkler",
    "<block sequence start>": "en ny liste",
    "<block end>": "slutten på en blokk",
    "<scalar>": "tekst",
    "<alias>": "et alias (*)",
    "<anchor>": "et anker (&)",
    "<tag>": "en merkelapp (!)",
    "?": "en nøkkel",
    ":": "et kolon (:)",
    "-": "et listepunkt (-)",
    ",": "et komma",
}

_QUOTE = 'et anførselstegn som åpnes her, lukkes aldri – sett et " på slutten av teksten'
_APOSTROPHE = (
    "en apostrof (') som åpner en tekst her, lukkes aldri – sett en ' på slutten av teksten, "
    "og skriv '' for en apostrof inne i teksten"
)
MISSING_COLON = (
    "linjen mangler kolon (:) etter nøkkelen, eller har feil innrykk: skriv «nøkkel: verdi»"
)
EXTRA_INDENT = (
    "denne linjen har mer innrykk enn nøkkelen på linje {line}, så den leses som en "
    "fortsettelse av verdien der: fjern det ekstra innrykket (eller sett verdien i "
    "anførselstegn hvis kolonet hører til teksten)"
)
AFTER_QUOTE = (
    "teksten fortsetter etter det avsluttende anførselstegnet: sett hele verdien i "
    "anførselstegn, og bruk ' utenfor hvis teksten selv har \" (eller omvendt)"
)

_RULES = [
    (
        r"found character '\\t' that cannot start any token",
        "tabulator kan ikke brukes til innrykk eller etter kolon: bytt den ut med mellomrom",
    ),
    (
        r"that cannot start any token",
        "tegnet «{char}» kan ikke stå først i en verdi: sett hele verdien i anførselstegn",
    ),
    (
        r"while scanning an alias",
        "en verdi som begynner med «*», leses som et YAML-alias (*navn): sett hele verdien i "
        "anførselstegn (også når den begynner med Markdown-utheving som *ikke*)",
    ),
    (
        r"while scanning an anchor",
        "en verdi som begynner med «&», leses som et YAML-anker (&navn): sett hele verdien i "
        "anførselstegn",
    ),
    (
        r"mapping values are not allowed here|found unexpected ':'",
        "et kolon fulgt av mellomrom midt i en verdi er ikke tillatt: sett hele verdien i "
        "anførselstegn",
    ),
    (
        r"sequence entries are not allowed here",
        "et listepunkt («- ») kan ikke stå her: start listen på en ny linje under nøkkelen, "
        "eller sett verdien i anførselstegn",
    ),
    (
        r"mapping keys are not allowed here",
        "«? » først i en verdi er ikke tillatt: sett hele verdien i anførselstegn",
    ),
    (r"could not find expected ':'", MISSING_COLON),
    (r"did not find expected key", "feil innrykk, eller en liste blandet med nøkler på samme nivå"),
    (
        r"found undefined alias '(?P<name>[^']*)'",
        "aliaset *{name} viser til et anker &{name} som ikke finnes: en verdi som begynner "
        "med *, leses som et YAML-alias – sett verdien i anførselstegn hvis stjernen hører "
        "til teksten (f.eks. Markdown-utheving)",
    ),
    (
        r"found duplicate anchor '(?P<name>[^']*)'",
        "ankeret &{name} er allerede brukt på linje {first}: gi det et annet navn",
    ),
    (
        r"expected a single document in the stream",
        "filen kan bare inneholde ett YAML-dokument, men her begynner et nytt («---»): fjern "
        "linjen, eller slå dokumentene sammen",
    ),
    (
        r"expected '<document start>', but found '(?P<tok>[^']*)'",
        "her står {tok} etter at YAML-dokumentet er slutt: sjekk innrykket og at teksten ikke "
        "fortsetter etter et avsluttende anførselstegn eller en parentes, og fjern en linje "
        "med «...»",
    ),
    (
        r"while scanning a quoted scalar .*found unexpected (end of stream|document separator)",
        _QUOTE,
    ),
    (
        r"found unknown escape character|expected escape sequence of",
        "«{char}» er ikke en gyldig escape-sekvens i tekst med doble anførselstegn: skriv "
        "\\\\ for en omvendt skråstrek (\\), eller bruk enkle anførselstegn",
    ),
    (
        r"while parsing a flow sequence .*but got '(?P<tok>[^']*)'",
        "i en liste i hakeparenteser [ ] mangler det et komma før {tok}, eller en ] på slutten",
    ),
    (
        r"while parsing a flow mapping .*but got '(?P<tok>[^']*)'",
        "i en tabell i krøllparenteser {{ }} mangler det et komma før {tok}, eller en }} på "
        "slutten",
    ),
    (
        r"while parsing a flow node .*but found '(?P<tok>[^']*)'",
        "en verdi mangler foran {tok} i en liste eller tabell i parenteser: fjern det ekstra "
        "kommaet, eller sett teksten i anførselstegn",
    ),
    (
        r"while parsing a block node .*but found '(?P<tok>[^']*)'",
        "en verdi kan ikke begynne med {tok}: sett hele verdien i anførselstegn",
    ),
    (
        r"expected <block end>, but found '-'",
        "et listepunkt (-) står der det skulle vært en nøkkel: rykk listen inn under en "
        "nøkkel som slutter med kolon, eller sjekk innrykket",
    ),
    (
        r"while parsing a block collection .*but found '(?P<tok>[^']*)'",
        "i en liste står {tok} der det skulle vært et nytt listepunkt («- »): sjekk innrykket "
        "– nøkler under et listepunkt skal stå rett under teksten etter «- »",
    ),
    (
        r"expected <block end>, but found '<block (mapping|sequence) start>'",
        "feil innrykk: denne linjen står ikke rett under linjene over som den hører sammen "
        "med – sjekk antall mellomrom foran denne linjen og linjen over",
    ),
    (
        r"expected <block end>, but found '(?P<tok>[^']*)'",
        "her står {tok} der YAML ikke venter det: sjekk innrykket, og at teksten ikke "
        "fortsetter etter et avsluttende anførselstegn eller en parentes",
    ),
    (
        r"while scanning a block scalar",
        "feil etter «|» eller «>»: på samme linje kan bare +, - eller et siffer 1–9 stå – "
        "skriv teksten på linjene under, med innrykk",
    ),
    (
        r"while scanning a directive|YAML directive|YAML document|tag handle",
        "en linje som begynner med %, er et YAML-direktiv, og dette kan ikke leses: fjern "
        "linjen, eller sett teksten i anførselstegn",
    ),
    (
        r"while (scanning|parsing) an? (tag|URI)|expected URI",
        "en verdi som begynner med «!», leses som en YAML-merkelapp, og denne kan ikke "
        "leses: sett hele verdien i anførselstegn",
    ),
]
RULES = [(re.compile(pattern), template) for pattern, template in _RULES]


def translate(context: str | None, problem: str | None, char: str = "", first: int = 0) -> str:
    """One Norwegian sentence for PyYAML's `context` and `problem`.

    `char` is the text at the reported place (a character, or an escape like `\\U`);
    `first` is the line of a first occurrence, for duplicates.
    """
    english = " ".join(part for part in (context, problem) if part)
    for pattern, template in RULES:
        match = pattern.search(english)
        if match:
            found = {key: NAMES.get(val, f"«{val}»") for key, val in match.groupdict().items()}
            if "name" in found:
                found["name"] = match["name"]
            return SYNTAX + template.format(char=char, first=first, **found)
    return SYNTAX + f"filen kan ikke leses som YAML her (YAML-leseren sier: «{english}»)"


def unclosed_quote(quote: str, last_line: int | None = None) -> str:
    """The message for a quote that opens a text and never closes it.

    `last_line` (0-based) is where the text now ends, if it ends at another quote."""
    message = SYNTAX + (_QUOTE if quote == '"' else _APOSTROPHE)
    if last_line is not None:
        message += f"; nå leses alt fram til linje {last_line + 1} som én tekst"
    return message


def unclosed_bracket(bracket: str) -> str:
    if bracket == "[":
        return SYNTAX + "en hakeparentes [ som åpnes her, lukkes aldri – sett ] etter siste element"
    return SYNTAX + "en krøllparentes { som åpnes her, lukkes aldri – sett } etter siste par"


_C0 = (  # the names of U+0000 to U+001F
    "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI "
    "DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US"
)
_OTHER = {
    0x7F: "DEL",
    0x85: "NEL, neste linje",
    0x2028: "linjeskilletegn",
    0x2029: "avsnittsskilletegn",
    0xFFFE: "ikke et tegn",
    0xFFFF: "ikke et tegn",
}


def control_character(char: str) -> str:
    """Why `char` may not stand in the file, naming it as U+0000 (NUL) and the like."""
    code = ord(char)
    name = _C0.split()[code] if code < 0x20 else _OTHER.get(code)
    label = f"U+{code:04X} ({name})" if name else f"U+{code:04X}"
    if code in (0x85, 0x2028, 0x2029):
        return f"tegnet {label} er et uvanlig linjeskift: bruk et vanlig linjeskift"
    if unicodedata.category(char) == "Cc":
        return f"usynlig styretegn {label} er ikke tillatt i filen: slett det"
    return f"tegnet {label} er ikke et gyldig tegn i en tekstfil: slett det"


TOO_BIG = "filen er for stor (over {limit} MB): sjekk at det er riktig fil"
TOO_DEEP = (
    "YAML-strukturen er nestet for dypt (mer enn {limit} nivåer inni hverandre): sjekk om "
    "det mangler en ] eller }}, eller om innrykket øker for mye"
)
ALIAS_BOMB = (
    "YAML-aliasene (*navn) gjentar for mye (over {limit} verdier til sammen): skriv "
    "verdiene ut i stedet for å gjenta dem med alias"
)
ALIAS_LOOP = (
    "aliaset *{name} står inni verdien til sitt eget anker &{name}, og ville gjentatt "
    "seg selv uendelig: fjern aliaset"
)
TAG = (
    "en verdi som begynner med «!», leses som en YAML-merkelapp ({tag}), og «!…» forsvinner "
    "fra teksten: sett hele verdien i anførselstegn"
)
CONTROL_MORE = "og {count} styretegn til etter dette: slett alle"
EMPTY = "filen er tom: den skal inneholde minst én modell"
ONLY_COMMENTS = "filen har bare kommentarer: den skal inneholde minst én modell"
NOT_UTF8 = "filen er ikke lagret som UTF-8: lagre den som UTF-8 i redigeringsprogrammet"
UTF16 = "filen er lagret som UTF-16: lagre den som UTF-8 i redigeringsprogrammet"
UNEXPECTED = "filen kunne ikke leses (uventet feil i YAML-leseren: {error})"
