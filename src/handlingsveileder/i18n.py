"""The site's own words, in bokmål and nynorsk."""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("nb", "nn")
"""The language forms a model can be written in; each has a full set of labels below."""

LABELS: Final[dict[str, dict[str, str]]] = {
    "nb": {
        "front": "Forside",
        "draft": "Utkast",
        "roles": "Roller",
        "role_steps": "Ansvarlig for",
        "role_words": "Det veilederen sier om rollen",
        "role_no_steps": "Veilederen gjør ikke denne rollen ansvarlig for noe steg.",
        "question": "Veivalg",
        "inferred": "Redaksjonens tolkning",
        "inferred_short": "redaksjonens tolkning",
        "inferred_intro": (
            "Kilden sier ikke dette direkte. Stiplede piler i flytskjemaet er redaksjonens "
            "tolkning:"
        ),
        "goals": "Mål",
        "target_group": "Målgruppe",
        "principles": "Prinsipper",
        "emergency": "Akutt",
        "warnings": "Husk",
        "overview": "Oversikt over nivåene",
        "deadline": "Frist",
        "responsible": "Ansvarlig",
        "documentation": "Dokumenter",
        "tools": "Verktøy",
        "resources": "Anbefalte nettressurser",
        "legal": "Lovgrunnlag",
        "questions": "Spørsmål",
        "outcomes": "Mulige utfall",
        "next": "Videre",
        "go_to": "Gå til",
        "end": "Slutt",
        "end_inline": "slutt",
        "may_end": "Her slutter veilederens trinn.",
        "comes_from": "Hit fra",
        "exit_report": "Meld til barneverntjenesten",
        "exit_coordinator": "Videre under IP/koordinator",
        "exit_lower-level": "Videre på lavere nivå",
        "exit_handover": "Overføres til en annen tjeneste",
        "exit_continue": "Samarbeidet fortsetter",
        "open_end": "Kilden sier ikke hva som skjer videre",
        "start": "Start",
        "flowchart": "Flytskjema",
        "text_version": "Tekstversjon av flytskjemaet",
        "flow_title": "Flytskjema for {name}",
        "overview_title": "Oversikt over alle nivåer og steg",
        "whole_title": "Hele veilederen",
        "whole_nav": "Hele veilederen (utskrift)",
        "whole_intro": (
            "Hele veilederen på én side, til utskrift: forsiden, hvert nivå med flytskjema og "
            "steg, rollene og verktøyene med malene som tomme skjemaer."
        ),
        "whole_link": "Hele veilederen på én side (til utskrift)",
        "pdf_link": "Last ned som PDF",
        "contents": "Innhold",
        "made_with": "Laget med handlingsveileder {version}.",
        "source_dated": "Kilden er datert {date}.",
        "printed": "Skrevet ut",
        "page_of": "side {page} av {pages}",
        "overview_reduced_title": "Oversikten er forenklet",
        "overview_reduced_levels": (
            "Veilederen har for mange steg til at alle får plass i ett flytskjema. "
            "Oversikten viser derfor ett felt per nivå; hvert nivås side viser stegene."
        ),
        "overview_reduced_none": (
            "Veilederen er for stor til å vises som ett flytskjema. Se nivåene i listen over "
            "og tekstversjonen under."
        ),
        "leads_to": "fører til",
        "starts_with": "Starter med",
        "starts_together": "Disse starter samtidig",
        "note": "Merknad fra redaktøren",
        "tool_index": "Verktøy",
        "tool_intro": "Verktøyene som stegene i veilederen bruker.",
        "used_in": "Brukes i",
        "not_used": "Ingen steg bruker dette verktøyet.",
        "tool_link": "Åpne kommunens mal",
        "tool_site_link": "Gå til verktøyet",
        "also_called": "Kalles også",
        "system": "Verktøyet finnes i fagsystemet {system}.",
        "template_heading": "Mal fra publiseringsverktøyet",
        "template_version": "Versjon",
        "template_kind": "Slag",
        "not_stored": (
            "Det du skriver her, lagres ikke og sendes ingen steder. "
            "Skriv ut eller lagre som PDF før du lukker siden."
        ),
        "print": "Skriv ut / lagre som PDF",
        "template_links": "Nyttige lenker",
        "template_sources": "Kilder malen bygger på",
        "yes": "Ja",
        "no": "Nei",
        "row": "rad",
        "signature_help": "Skriv under på papiret etter utskrift.",
        "kind_form": "skjema",
        "kind_checklist": "sjekkliste",
        "kind_conversation_guide": "samtaleguide",
        "kind_meeting_minutes": "møtemal",
        "kind_information": "informasjon",
        "kind_file": "kommunens fil",
        "kind_link": "lenke",
        "kind_system": "fagsystem",
        "formats": "Formater",
        "source": "Kilde",
    },
    "nn": {
        "front": "Framside",
        "draft": "Utkast",
        "roles": "Roller",
        "role_steps": "Ansvarleg for",
        "role_words": "Det rettleiaren seier om rolla",
        "role_no_steps": "Rettleiaren gjer ikkje denne rolla ansvarleg for noko steg.",
        "question": "Vegval",
        "inferred": "Redaksjonen si tolking",
        "inferred_short": "redaksjonen si tolking",
        "inferred_intro": (
            "Kjelda seier ikkje dette direkte. Stipla piler i flytskjemaet er redaksjonen si "
            "tolking:"
        ),
        "goals": "Mål",
        "target_group": "Målgruppe",
        "principles": "Prinsipp",
        "emergency": "Akutt",
        "warnings": "Hugs",
        "overview": "Oversikt over nivåa",
        "deadline": "Frist",
        "responsible": "Ansvarleg",
        "documentation": "Dokumenter",
        "tools": "Verktøy",
        "resources": "Tilrådde nettressursar",
        "legal": "Lovgrunnlag",
        "questions": "Spørsmål",
        "outcomes": "Moglege utfall",
        "next": "Vidare",
        "go_to": "Gå til",
        "end": "Slutt",
        "end_inline": "slutt",
        "may_end": "Her sluttar trinna i rettleiaren.",
        "comes_from": "Hit frå",
        "exit_report": "Meld til barnevernstenesta",
        "exit_coordinator": "Vidare under IP/koordinator",
        "exit_lower-level": "Vidare på lågare nivå",
        "exit_handover": "Vert overført til ei anna teneste",
        "exit_continue": "Samarbeidet held fram",
        "open_end": "Kjelda seier ikkje kva som skjer vidare",
        "start": "Start",
        "flowchart": "Flytskjema",
        "text_version": "Tekstversjon av flytskjemaet",
        "flow_title": "Flytskjema for {name}",
        "overview_title": "Oversikt over alle nivå og steg",
        "whole_title": "Heile rettleiaren",
        "whole_nav": "Heile rettleiaren (utskrift)",
        "whole_intro": (
            "Heile rettleiaren på éi side, til utskrift: framsida, kvart nivå med flytskjema og "
            "steg, rollene og verktøya med malane som tomme skjema."
        ),
        "whole_link": "Heile rettleiaren på éi side (til utskrift)",
        "pdf_link": "Last ned som PDF",
        "contents": "Innhald",
        "made_with": "Laga med handlingsveileder {version}.",
        "source_dated": "Kjelda er datert {date}.",
        "printed": "Skrive ut",
        "page_of": "side {page} av {pages}",
        "overview_reduced_title": "Oversikta er forenkla",
        "overview_reduced_levels": (
            "Rettleiaren har for mange steg til at alle får plass i eitt flytskjema. "
            "Oversikta viser difor eitt felt per nivå; sida til kvart nivå viser stega."
        ),
        "overview_reduced_none": (
            "Rettleiaren er for stor til å visast som eitt flytskjema. Sjå nivåa i lista over "
            "og tekstversjonen under."
        ),
        "leads_to": "fører til",
        "starts_with": "Byrjar med",
        "starts_together": "Desse byrjar samstundes",
        "note": "Merknad frå redaktøren",
        "tool_index": "Verktøy",
        "tool_intro": "Verktøya som stega i rettleiaren brukar.",
        "used_in": "Vert brukt i",
        "not_used": "Ingen steg brukar dette verktøyet.",
        "tool_link": "Opne malen til kommunen",
        "tool_site_link": "Gå til verktøyet",
        "also_called": "Vert òg kalla",
        "system": "Verktøyet finst i fagsystemet {system}.",
        "template_heading": "Mal frå publiseringsverktøyet",
        "template_version": "Versjon",
        "template_kind": "Slag",
        "not_stored": (
            "Det du skriv her, vert ikkje lagra og vert ikkje sendt nokon stad. "
            "Skriv ut eller lagre som PDF før du lukkar sida."
        ),
        "print": "Skriv ut / lagre som PDF",
        "template_links": "Nyttige lenkjer",
        "template_sources": "Kjelder malen byggjer på",
        "yes": "Ja",
        "no": "Nei",
        "row": "rad",
        "signature_help": "Skriv under på papiret etter utskrift.",
        "kind_form": "skjema",
        "kind_checklist": "sjekkliste",
        "kind_conversation_guide": "samtalerettleiar",
        "kind_meeting_minutes": "møtemal",
        "kind_information": "informasjon",
        "kind_file": "fila til kommunen",
        "kind_link": "lenkje",
        "kind_system": "fagsystem",
        "formats": "Format",
        "source": "Kjelde",
    },
}


def labels(language: str) -> dict[str, str]:
    """The site's words in `language` (a validated model's language is always known)."""
    return LABELS[language]
