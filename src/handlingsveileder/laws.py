"""The laws these guides cite: short id → name, Lovdata id and when the law was in force.

A legal reference in a model is written `{law: bvl, section: "13-2"}`; the site shows the
citation and a link to the section on Lovdata, made from one pattern (`lovdata_url`).
`check` rejects an unknown law or a malformed section, and warns on a law no longer in
force (a guide that still cites the barnevernloven of 1992 has gone stale).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from .dates import format_date

LOVDATA = "https://lovdata.no/lov/{lovdata_id}"
"""Lovdata's short address of a law; a section is `…/§13-2`."""
LOVDATA_NAME = "Lovdata"
"""The link text for a law on Lovdata (the same in bokmål and nynorsk)."""

SECTION = re.compile(r"^[1-9][0-9]*(?: ?[a-zA-Z])?(?:-[1-9][0-9]*(?: ?[a-z])?)?$")
"""A section as the laws number them: «13», «13 b», «13b», «13-2», «6-4 a», «9 A-4»."""


@dataclass(frozen=True)
class Law:
    """One law of the registry."""

    id: str
    """The short id written in the model, e.g. `bvl`."""
    lovdata_id: str
    """Lovdata's id: the date it was passed and its number, e.g. `2021-06-18-97`."""
    names: dict[str, str]
    """Its short title per language form (`nb`, `nn`)."""
    in_force: str
    """The date it came into force (ISO)."""
    repealed: str | None = None
    """The date it was repealed (ISO), if it was."""
    replaced_by: str | None = None
    """The id of the law that replaced it."""

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["nb"]


LAWS: dict[str, Law] = {
    law.id: law
    for law in (
        Law(
            "bvl",
            "2021-06-18-97",
            {"nb": "barnevernsloven", "nn": "barnevernslova"},
            in_force="2023-01-01",
        ),
        Law(
            "bvl-1992",
            "1992-07-17-100",
            {"nb": "barnevernloven (1992)", "nn": "barnevernlova (1992)"},
            in_force="1993-01-01",
            repealed="2023-01-01",
            replaced_by="bvl",
        ),
        Law(
            "fvl",
            "1967-02-10",
            {"nb": "forvaltningsloven", "nn": "forvaltningslova"},
            in_force="1970-01-01",
        ),
        Law(
            "hpl",
            "1999-07-02-64",
            {"nb": "helsepersonelloven", "nn": "helsepersonellova"},
            in_force="2001-01-01",
        ),
        Law(
            "bhl",
            "2005-06-17-64",
            {"nb": "barnehageloven", "nn": "barnehagelova"},
            in_force="2006-01-01",
        ),
        Law(
            "oppl",
            "2023-06-09-30",
            {"nb": "opplæringsloven", "nn": "opplæringslova"},
            in_force="2024-08-01",
        ),
        Law(
            "oppl-1998",
            "1998-07-17-61",
            {"nb": "opplæringsloven (1998)", "nn": "opplæringslova (1998)"},
            in_force="1999-08-01",
            repealed="2024-08-01",
            replaced_by="oppl",
        ),
        Law(
            "hol",
            "2011-06-24-30",
            {"nb": "helse- og omsorgstjenesteloven", "nn": "helse- og omsorgstenestelova"},
            in_force="2012-01-01",
        ),
        Law(
            "pbrl",
            "1999-07-02-63",
            {"nb": "pasient- og brukerrettighetsloven", "nn": "pasient- og brukarrettslova"},
            in_force="2001-01-01",
        ),
    )
}


def law_ids() -> tuple[str, ...]:
    return tuple(LAWS)


def section_problem(section: str) -> str | None:
    """Why `section` is not a section number, or None."""
    if SECTION.match(section.strip()):
        return None
    return f"ugyldig paragraf '{section}': skriv nummeret uten §, f.eks. «13-2», «13 b» eller «33»"


def lovdata_url(law: Law, section: str | None = None) -> str:
    """The law (or its section) on Lovdata, e.g. https://lovdata.no/lov/2021-06-18-97/§13-2."""
    url = LOVDATA.format(lovdata_id=law.lovdata_id)
    if section:
        url += "/" + quote("§" + "".join(section.split()).lower())
    return url


def citation(law: Law, section: str | None, language: str) -> str:
    """The reference as a reader sees it, e.g. «barnevernsloven § 13-2»."""
    name = law.name(language)
    return f"{name} § {section}" if section else name


REPEALED_WORDS = {
    "nb": {
        "repealed": "{law} ble opphevet {date}",
        "replaced": " og erstattet av {law}: bruk law: {id} og finn den tilsvarende paragrafen der",
        "advice": ": sjekk at henvisningen fortsatt gjelder",
    },
    "nn": {
        "repealed": "{law} vart oppheva {date}",
        "replaced": " og erstatta av {law}: bruk law: {id} og finn den tilsvarande paragrafen der",
        "advice": ": sjekk at tilvisinga framleis gjeld",
    },
}
"""The words of the warning for a repealed law, per language form."""


def repealed_message(law: Law, language: str = "nb") -> str | None:
    """The warning for a law no longer in force, in the model's language form, or None."""
    if law.repealed is None:
        return None
    words = REPEALED_WORDS.get(language, REPEALED_WORDS["nb"])
    message = words["repealed"].format(law=law.name(language), date=format_date(law.repealed))
    if law.replaced_by:
        newer = LAWS[law.replaced_by]
        return message + words["replaced"].format(law=newer.name(language), id=newer.id)
    return message + words["advice"]
