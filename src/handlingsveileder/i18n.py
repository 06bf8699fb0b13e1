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
        "veiviser_title": "Veiviser",
        "veiviser_intro": (
            "Veiviseren tar deg gjennom veilederen ett steg om gangen: hva du gjør, fristen, hvem "
            "som har ansvaret og hvilke verktøy du bruker. Ved et veivalg velger du det som "
            "passer. Valgene dine står bare i sidens adresse (etter #): du kan dele lenken eller "
            "laste siden på nytt, og ingenting blir lagret."
        ),
        "vv_back": "Tilbake",
        "vv_back_to": "Tilbake til {step}",
        "vv_restart": "Start på nytt",
        "vv_choices": "Dine valg",
        "vv_no_choices": "Du har ikke valgt noe ennå.",
        "vv_change": "Endre",
        "vv_change_in": "Endre svaret i {step}",
        "vv_step": "Steg {number}",
        "vv_step_titled": "Steget «{title}»",
        "vv_answer": "{step}, svar:",
        "vv_onward": "{step}, videre til:",
        "vv_choose": "Hva passer best?",
        "vv_together": (
            "Disse stegene gjelder samtidig. Velg hvilket du vil se først; med «Tilbake» kan du "
            "se det andre etterpå."
        ),
        "vv_start_title": "Her starter veilederen",
        "vv_fork_title": "Videre til flere steg",
        "vv_you_chose": "Du valgte",
        "vv_end_title": "Saken avsluttes",
        "vv_end_case": "Avslutt saken",
        "vv_what_now": "Hva nå?",
        "vv_advice": "Publiseringsverktøyets råd, ikke kommunens tekst",
        "vv_advice_end": (
            "Avslutt oppfølgingen slik rutinene i tjenesten din krever, og dokumenter hva som er "
            "gjort. Oppstår det en ny bekymring, starter du på nytt."
        ),
        "vv_advice_report": (
            "Send meldingen slik kommunen har bestemt, og dokumenter at den er sendt. Fortsett å "
            "følge opp barnet i tjenesten din. Er barnet i akutt fare, ring politiet på 112."
        ),
        "vv_advice_coordinator": (
            "Arbeidet går videre med en koordinator eller en individuell plan. Avklar hvem som "
            "er koordinator, og hva tjenesten din skal bidra med."
        ),
        "vv_advice_lower-level": (
            "Arbeidet går videre på et lavere nivå. Avtal hvem som følger opp barnet, og når "
            "dere ser på saken igjen."
        ),
        "vv_advice_handover": (
            "En annen tjeneste tar over. Avklar hva som skal overføres, og at de foresatte vet "
            "hvem som har ansvaret nå."
        ),
        "vv_advice_continue": (
            "Samarbeidet fortsetter uten flere trinn i veilederen. Avtal når dere vurderer "
            "saken på nytt."
        ),
        "vv_advice_open": (
            "Veilederen sier ikke hva som skjer her. Drøft med lederen din hva som er neste steg."
        ),
        "vv_where": "Her er du i flytskjemaet",
        "vv_read_level": "Les hele nivået",
        "sit_acute": "Akutt: mistanke om vold eller overgrep",
        "sit_start": "Jeg er bekymret – start her",
        "sit_start_text": "Veilederen starter med",
        "sit_start_wizard": "Gå gjennom stegene med veiviseren",
        "sit_levels": "Nivåene",
        "sit_decision": "Jeg står ved en beslutning",
        "sit_decision_text": "Steg der du velger hvordan saken går videre:",
        "nat_police": "Politiet",
        "nat_medical": "Medisinsk nødhjelp",
        "nat_alarm": "Alarmtelefonen for barn og unge",
        "nat_all_day": "hele døgnet",
        "nat_child_welfare": "Barnevernvakten",
        "nat_via_police": "via politiet",
        "em_compact": "Akutt – vold eller overgrep?",
        "em_call": "Ring",
        "national_title": "Nasjonale nødnumre",
        "national_text": (
            "Er et barn i akutt fare, eller mistenker du vold eller overgrep, ring straks:"
        ),
        "national_note": (
            "Lagt til av publiseringsverktøyet, fordi kilden ikke oppgir numre. Kommunen kan slå "
            "listen av."
        ),
        "diagram_scroll_hint": (
            "Flytskjemaet er bredere enn skjermen: skyv sidelengs for å se resten, eller les "
            "tekstversjonen under."
        ),
        "a11y_statement": "Tilgjengelighetserklæring",
        "a11y_feedback": "Meld fra om feil og mangler i tilgjengeligheten",
        "reviewed": "Sist revidert",
        "all_guides": "Alle kommunens veiledere",
        "localise_title": "Må fylles ut lokalt",
        "localise_text": "grunnmodellen ber kommunen skrive dette selv. Nettstedet vises bare "
        "i forhåndsvisningen til det er gjort; `handlingsveileder check` viser hvor.",
        "not_given": "ikke oppgitt",
        "version": "Versjon {version}",
        "approved_by": "Godkjent av {name}",
        "approved": "Godkjent",
        "contact_guide": "Kontakt om veilederen",
        "not_found_title": "Fant ikke siden",
        "not_found_text": (
            "Siden finnes ikke her, eller den er flyttet. Gå til forsiden, eller bruk søket "
            "øverst på siden."
        ),
        "permalink": "Lenke til denne delen",
        "search_dialog": "Søk i veilederen",
        "desc_front": (
            "Hva du gjør når du er bekymret for et barn: nivå for nivå, med frister, ansvar og "
            "verktøy, og når du skal kontakte barnevernet eller politiet."
        ),
        "desc_veiviser": (
            "Svar på noen spørsmål og se hva du skal gjøre nå, hvem som har ansvaret og hvilke "
            "verktøy du bruker."
        ),
        "desc_level": "{name}: stegene, fristene, hvem som har ansvaret og verktøyene.",
        "desc_role": "Stegene {name} har ansvaret for.",
        "desc_tool": "{name}: et verktøy i veilederen.",
        "desc_tool_index": "Verktøyene i veilederen: skjemaer, maler og veiledninger.",
        "desc_whole": "Hele veilederen på én side, til utskrift.",
        "deck_title": "Presentasjon",
        "deck_link": "Presenter veilederen",
        "deck_link_text": (
            "Lysbilder til opplæring av kolleger: ett nivå og ett steg om gangen, med "
            "flytskjemaet og notater til den som presenterer."
        ),
        "deck_nav": "Presentasjonen",
        "deck_slide": "Lysbilde",
        "deck_of": "av",
        "deck_step_of": "Steg {number} av {count}",
        "deck_prev": "Forrige",
        "deck_next": "Neste",
        "deck_overview": "Oversikt",
        "deck_notes": "Notater",
        "deck_fullscreen": "Fullskjerm",
        "deck_keys": "Taster",
        "deck_close": "Lukk",
        "deck_leave": "Avslutt",
        "deck_goto": "Gå til lysbilde",
        "deck_blank": "Skjermen er svart. Trykk B for å vise lysbildet igjen.",
        "deck_no_notes": "Ingen notater til dette lysbildet.",
        "deck_last": "Dette er siste lysbilde.",
        "deck_trainer_notes": "Notater til den som presenterer",
        "deck_from_guide": "Fra veilederen",
        "deck_more": "Mer i veilederen og i notatene (S).",
        "deck_more_items": "… og {count} til (se notatene)",
        "deck_steps": "Stegene",
        "deck_agenda": "Innhold",
        "deck_find": "Finn veilederen",
        "deck_find_text": "Alt fra presentasjonen, med verktøyene, står i veilederen:",
        "deck_scan": "Skann koden med mobilen for å åpne veilederen.",
        "deck_leads_here": "Hit fra",
        "deck_key_next": "Neste lysbilde",
        "deck_key_prev": "Forrige lysbilde",
        "deck_key_ends": "Første og siste lysbilde",
        "deck_key_number": "Gå til lysbilde nummer (skriv tallet, så Enter)",
        "deck_key_blank": "Svart skjerm av og på",
        "deck_key_full": "Fullskjerm av og på",
        "deck_key_overview": "Oversikt over alle lysbildene",
        "deck_key_notes": "Notater til den som presenterer",
        "deck_key_help": "Denne listen",
        "deck_key_esc": "Lukk det som er åpent, eller avslutt presentasjonen",
        "deck_space": "Mellomrom",
        "deck_number": "tall",
        "deck_offline": (
            "Presentasjonen er én fil: den virker uten nett, og ingenting hentes fra andre steder."
        ),
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
        "veiviser_title": "Vegvisar",
        "veiviser_intro": (
            "Vegvisaren tek deg gjennom rettleiaren eitt steg om gongen: kva du gjer, fristen, "
            "kven som har ansvaret og kva verktøy du brukar. Ved eit vegval vel du det som "
            "passar. Vala dine står berre i adressa til sida (etter #): du kan dele lenkja eller "
            "laste sida på nytt, og ingenting vert lagra."
        ),
        "vv_back": "Tilbake",
        "vv_back_to": "Tilbake til {step}",
        "vv_restart": "Start på nytt",
        "vv_choices": "Vala dine",
        "vv_no_choices": "Du har ikkje valt noko enno.",
        "vv_change": "Endre",
        "vv_change_in": "Endre svaret i {step}",
        "vv_step": "Steg {number}",
        "vv_step_titled": "Steget «{title}»",
        "vv_answer": "{step}, svar:",
        "vv_onward": "{step}, vidare til:",
        "vv_choose": "Kva passar best?",
        "vv_together": (
            "Desse stega gjeld samstundes. Vel kva du vil sjå fyrst; med «Tilbake» kan du sjå "
            "det andre etterpå."
        ),
        "vv_start_title": "Her startar rettleiaren",
        "vv_fork_title": "Vidare til fleire steg",
        "vv_you_chose": "Du valde",
        "vv_end_title": "Saka vert avslutta",
        "vv_end_case": "Avslutt saka",
        "vv_what_now": "Kva no?",
        "vv_advice": "Råd frå publiseringsverktøyet, ikkje teksten til kommunen",
        "vv_advice_end": (
            "Avslutt oppfølginga slik rutinane i tenesta di krev, og dokumenter kva som er gjort. "
            "Oppstår det ei ny bekymring, startar du på nytt."
        ),
        "vv_advice_report": (
            "Send meldinga slik kommunen har bestemt, og dokumenter at ho er send. Hald fram med "
            "å følgje opp barnet i tenesta di. Er barnet i akutt fare, ring politiet på 112."
        ),
        "vv_advice_coordinator": (
            "Arbeidet går vidare med ein koordinator eller ein individuell plan. Avklar kven som "
            "er koordinator, og kva tenesta di skal bidra med."
        ),
        "vv_advice_lower-level": (
            "Arbeidet går vidare på eit lågare nivå. Avtal kven som følgjer opp barnet, og når "
            "de ser på saka igjen."
        ),
        "vv_advice_handover": (
            "Ei anna teneste tek over. Avklar kva som skal overførast, og at dei føresette veit "
            "kven som har ansvaret no."
        ),
        "vv_advice_continue": (
            "Samarbeidet held fram utan fleire trinn i rettleiaren. Avtal når de vurderer saka "
            "på nytt."
        ),
        "vv_advice_open": (
            "Rettleiaren seier ikkje kva som skjer her. Drøft med leiaren din kva som er neste "
            "steg."
        ),
        "vv_where": "Her er du i flytskjemaet",
        "vv_read_level": "Les heile nivået",
        "sit_acute": "Akutt: mistanke om vald eller overgrep",
        "sit_start": "Eg er bekymra – start her",
        "sit_start_text": "Rettleiaren startar med",
        "sit_start_wizard": "Gå gjennom stega med vegvisaren",
        "sit_levels": "Nivåa",
        "sit_decision": "Eg står ved ei avgjerd",
        "sit_decision_text": "Steg der du vel korleis saka går vidare:",
        "nat_police": "Politiet",
        "nat_medical": "Medisinsk naudhjelp",
        "nat_alarm": "Alarmtelefonen for barn og unge",
        "nat_all_day": "heile døgeret",
        "nat_child_welfare": "Barnevernsvakta",
        "nat_via_police": "via politiet",
        "em_compact": "Akutt – vald eller overgrep?",
        "em_call": "Ring",
        "national_title": "Nasjonale naudnummer",
        "national_text": (
            "Er eit barn i akutt fare, eller mistenkjer du vald eller overgrep, ring straks:"
        ),
        "national_note": (
            "Lagt til av publiseringsverktøyet, fordi kjelda ikkje oppgjev nummer. Kommunen kan "
            "slå lista av."
        ),
        "diagram_scroll_hint": (
            "Flytskjemaet er breiare enn skjermen: skyv sidelengs for å sjå resten, eller les "
            "tekstversjonen under."
        ),
        "a11y_statement": "Tilgjengelegheitserklæring",
        "a11y_feedback": "Meld frå om feil og manglar i tilgjengelegheita",
        "reviewed": "Sist revidert",
        "all_guides": "Alle rettleiarane til kommunen",
        "localise_title": "Må fyllast ut lokalt",
        "localise_text": "grunnmodellen ber kommunen skrive dette sjølv. Nettstaden blir berre "
        "vist i førehandsvisinga til det er gjort; `handlingsveileder check` viser kvar.",
        "not_given": "ikkje oppgitt",
        "version": "Versjon {version}",
        "approved_by": "Godkjend av {name}",
        "approved": "Godkjend",
        "contact_guide": "Kontakt om rettleiaren",
        "not_found_title": "Fann ikkje sida",
        "not_found_text": (
            "Sida finst ikkje her, eller ho er flytta. Gå til framsida, eller bruk søket "
            "øvst på sida."
        ),
        "permalink": "Lenkje til denne delen",
        "search_dialog": "Søk i rettleiaren",
        "desc_front": (
            "Kva du gjer når du er uroa for eit barn: nivå for nivå, med fristar, ansvar og "
            "verktøy, og når du skal kontakte barnevernet eller politiet."
        ),
        "desc_veiviser": (
            "Svar på nokre spørsmål og sjå kva du skal gjere no, kven som har ansvaret og kva "
            "verktøy du brukar."
        ),
        "desc_level": "{name}: stega, fristane, kven som har ansvaret og verktøya.",
        "desc_role": "Stega {name} har ansvaret for.",
        "desc_tool": "{name}: eit verktøy i rettleiaren.",
        "desc_tool_index": "Verktøya i rettleiaren: skjema, malar og rettleiingar.",
        "desc_whole": "Heile rettleiaren på éi side, til utskrift.",
        "deck_title": "Presentasjon",
        "deck_link": "Presenter rettleiaren",
        "deck_link_text": (
            "Lysbilete til opplæring av kollegaer: eitt nivå og eitt steg om gongen, med "
            "flytskjemaet og notat til den som presenterer."
        ),
        "deck_nav": "Presentasjonen",
        "deck_slide": "Lysbilete",
        "deck_of": "av",
        "deck_step_of": "Steg {number} av {count}",
        "deck_prev": "Førre",
        "deck_next": "Neste",
        "deck_overview": "Oversikt",
        "deck_notes": "Notat",
        "deck_fullscreen": "Fullskjerm",
        "deck_keys": "Tastar",
        "deck_close": "Lukk",
        "deck_leave": "Avslutt",
        "deck_goto": "Gå til lysbilete",
        "deck_blank": "Skjermen er svart. Trykk B for å vise lysbiletet igjen.",
        "deck_no_notes": "Ingen notat til dette lysbiletet.",
        "deck_last": "Dette er siste lysbilete.",
        "deck_trainer_notes": "Notat til den som presenterer",
        "deck_from_guide": "Frå rettleiaren",
        "deck_more": "Meir i rettleiaren og i notata (S).",
        "deck_more_items": "… og {count} til (sjå notata)",
        "deck_steps": "Stega",
        "deck_agenda": "Innhald",
        "deck_find": "Finn rettleiaren",
        "deck_find_text": "Alt frå presentasjonen, med verktøya, står i rettleiaren:",
        "deck_scan": "Skann koden med mobilen for å opne rettleiaren.",
        "deck_leads_here": "Hit frå",
        "deck_key_next": "Neste lysbilete",
        "deck_key_prev": "Førre lysbilete",
        "deck_key_ends": "Første og siste lysbilete",
        "deck_key_number": "Gå til lysbilete nummer (skriv talet, så Enter)",
        "deck_key_blank": "Svart skjerm av og på",
        "deck_key_full": "Fullskjerm av og på",
        "deck_key_overview": "Oversikt over alle lysbileta",
        "deck_key_notes": "Notat til den som presenterer",
        "deck_key_help": "Denne lista",
        "deck_key_esc": "Lukk det som er ope, eller avslutt presentasjonen",
        "deck_space": "Mellomrom",
        "deck_number": "tal",
        "deck_offline": (
            "Presentasjonen er éi fil: ho verkar utan nett, og ingenting blir henta frå andre "
            "stader."
        ),
    },
}


def labels(language: str) -> dict[str, str]:
    """The site's words in `language` (a validated model's language is always known)."""
    return LABELS[language]
