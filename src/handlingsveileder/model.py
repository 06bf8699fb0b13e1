"""The data model of a handlingsveileder.

Every class is a frozen dataclass and maps one-to-one to a YAML mapping in
`data/models.yaml`. The string literal under each field is the editor's
documentation of that YAML key (in Norwegian, because editors read it);
`handlingsveileder schema` prints it.

The types carry the rules (read by `fields.py`, never elsewhere):
- `Markdown`: text that is rendered as Markdown (raw HTML is shown as text).
- `Id`: an id declared here; `FlowRef`, `RoleRef` …: a reference to one declared elsewhere.
- `Url`: a link target that must be safe to publish.
- `tuple[X, ...]`: a YAML list (a single value is accepted as a list of one).
- `dict[str, X]`: a YAML mapping keyed by id.
- A field without a default is required.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Annotated

from .i18n import LANGUAGES
from .kinds import FLOW, DateText, IdText, MarkdownText, OneOf, Ref, UrlText
from .laws import law_ids
from .template_library import template_ids

Markdown = Annotated[str, MarkdownText()]
Id = Annotated[str, IdText()]
Url = Annotated[str, UrlText()]
FlowRef = Annotated[str, Ref(FLOW, "steg")]
RoleRef = Annotated[str, Ref("roles", "rolle")]
ToolRef = Annotated[str, Ref("tools", "verktøy")]
ResourceRef = Annotated[str, Ref("resources", "ressurs")]
LegalRefId = Annotated[str, Ref("legal", "lovhenvisning")]
Date = Annotated[str, DateText()]
LawId = Annotated[
    str,
    OneOf(law_ids(), "ukjent lov '{value}': bruk en av " + ", ".join(law_ids())),
]
Language = Annotated[
    str,
    OneOf(LANGUAGES, "ukjent språk '{value}': bruk nb (bokmål) eller nn (nynorsk)"),
]

TemplateId = Annotated[
    str,
    OneOf(template_ids(), "ukjent mal '{value}': bruk en av " + ", ".join(template_ids())),
]

END = "end"
"""The reserved target that ends the process (used in `next` and `goto`)."""

EXIT_KINDS = ("report", "coordinator", "lower-level", "handover", "continue")
"""How work goes on where a guide's own steps stop (see `Exit`)."""
ExitKind = Annotated[
    str,
    OneOf(EXIT_KINDS, "ukjent slag utgang '{value}': bruk " + ", ".join(EXIT_KINDS)),
]


@dataclass(frozen=True)
class Contact:
    """Et nødnummer eller en kontakt i akuttboksen."""

    name: str
    """Hvem som kontaktes, f.eks. «Politiet» eller «Barnevernsvakt»."""
    phone: str | None = None
    """Telefonnummer nøyaktig slik kilden skriver det, f.eks. «409 21 233». Sett i anførselstegn."""
    hours: str | None = None
    """Når nummeret er betjent, f.eks. «hele døgnet»."""


@dataclass(frozen=True)
class Emergency:
    """Akuttboksen som vises øverst på alle sider."""

    text: Markdown
    """Når man skal ta direkte kontakt, f.eks. «Er det grunn til å tro at et barn er utsatt for
    vold eller overgrep ta direkte kontakt med:»."""
    contacts: tuple[Contact, ...] = ()
    """Hvem man kontakter, i den rekkefølgen kilden gir."""


@dataclass(frozen=True)
class Warning:
    """En stående advarsel eller regel som gjelder hele veilederen."""

    text: Markdown
    """Advarselen, f.eks. at man alltid kontakter barneverntjenesten ved mistanke om vold."""
    title: str | None = None
    """Kort overskrift, valgfri."""


@dataclass(frozen=True)
class Principle:
    """Et prinsipp som ligger til grunn for arbeidet."""

    title: str
    """Prinsippets navn, f.eks. «Barnets beste»."""
    text: Markdown
    """Hva prinsippet innebærer."""


@dataclass(frozen=True)
class Role:
    """En rolle som kan ha ansvar for et steg."""

    name: str
    """Rollens navn slik den vises, f.eks. «Stafettholder»."""
    description: Markdown | None = None
    """Hva rollen innebærer."""


@dataclass(frozen=True)
class Tool:
    """Et verktøy (skjema, mal, veileder) som kommunen bruker. Får en egen side under verktoy/."""

    name: str
    """Verktøyets navn slik kilden skriver det, f.eks. «Observasjonsskjema»."""
    description: Markdown | None = None
    """Hva verktøyet er og når det brukes."""
    url: Url | None = None
    """Lenke til kommunens egen mal eller fil (https:, http: eller en sti på nettstedet)."""
    formats: tuple[str, ...] = ()
    """Filformater kilden nevner, f.eks. [PDF, ODT]. Vises bare når `url` peker på filen."""
    aliases: tuple[str, ...] = ()
    """Andre navn kilden bruker på det samme verktøyet, f.eks. «Informasjon om stafettlogg og
    stafettholder». Én side tjener alle navnene."""
    template: TemplateId | None = None
    """En av publiseringsverktøyets maler (se «Malene» nederst), vist som et skjema som kan fylles
    ut og skrives ut. Malen er merket som verktøyets forslag, ikke kommunens tekst."""
    omit: tuple[str, ...] = ()
    """Felt eller deler av malen som ikke skal vises (id-er fra malen)."""
    system: str | None = None
    """Fagsystemet verktøyet finnes i, når kommunen bruker et system, f.eks. «Visma Flyt
    Samspill»."""
    inferred: str | None = None
    """Redaksjonens begrunnelse når kilden ikke nevner verktøyet eller malen, f.eks. «Kilden
    nevner ikke et skjema for meldingen.». Vises på verktøyets side."""


@dataclass(frozen=True)
class Resource:
    """En nettressurs det lenkes til."""

    name: str
    """Ressursens navn slik kilden skriver det."""
    url: Url | None = None
    """Nettadressen, nøyaktig slik kilden gir den. Utelat den hvis kilden ikke oppgir en."""
    description: Markdown | None = None
    """Kort beskrivelse, f.eks. «samtalehjelp til deg som er bekymret for et barn»."""


@dataclass(frozen=True)
class LegalRef:
    """En lovhenvisning. Med `law` og `section` lenker nettstedet til paragrafen på Lovdata."""

    name: str | None = None
    """Henvisningen nøyaktig slik kilden skriver den, f.eks. «Fvl. § 13b». Utelatt: lovens navn
    og paragrafen, f.eks. «forvaltningsloven § 13 b»."""
    law: LawId | None = None
    """Loven, med id fra publiseringsverktøyets lovregister: `bvl` (barnevernsloven), `fvl`
    (forvaltningsloven), `hpl` (helsepersonelloven), `bhl` (barnehageloven), `oppl`
    (opplæringsloven), `hol` (helse- og omsorgstjenesteloven), `pbrl` (pasient- og
    brukerrettighetsloven), og de opphevede `bvl-1992` og `oppl-1998`."""
    section: str | None = None
    """Paragrafen uten §, f.eks. «13-2» eller «13 b». Sett i anførselstegn."""
    url: Url | None = None
    """Lenke til lovteksten, hvis kilden gir en."""
    text: Markdown | None = None
    """Hva bestemmelsen sier, slik kilden gjengir det."""


@dataclass(frozen=True)
class Exit:
    """Der veilederens trinn slutter fordi arbeidet går videre et annet sted. Id-en brukes i
    `next` og `goto` som et steg, og tegnes som en egen form i flytskjemaet, aldri som «Slutt»."""

    kind: ExitKind
    """Hva som skjer: `report` (melding til barneverntjenesten), `coordinator` (videre under
    IP/koordinator), `lower-level` (videre på et lavere nivå), `handover` (overføres til en
    annen tjeneste) eller `continue` (samarbeidet fortsetter uten flere trinn)."""
    label: str | None = None
    """Kildens ord for utgangen, f.eks. «Bekymringsmelding vert sendt til barneverntenesta.».
    Utelatt: slaget med sidens ord, f.eks. «Meld til barneverntjenesten»."""
    text: Markdown | None = None
    """Hva den ansatte gjør, med kildens ord."""
    tools: tuple[ToolRef, ...] = ()
    """Verktøy utgangen trenger, f.eks. et meldingsskjema (id-er fra `tools`)."""
    resources: tuple[ResourceRef, ...] = ()
    """Nettressurser utgangen trenger (id-er fra `resources`)."""
    inferred: str | None = None
    """Redaksjonens begrunnelse når kilden ikke selv sier at arbeidet går videre slik."""


@dataclass(frozen=True)
class Section:
    """En fritt formulert seksjon på forsiden, f.eks. «Hvem kan du drøfte med»."""

    title: str
    """Seksjonens overskrift."""
    text: Markdown
    """Innholdet."""
    legal: tuple[LegalRefId, ...] = ()
    """Lovhenvisninger (id-er fra `legal`)."""


@dataclass(frozen=True)
class Outcome:
    """Et mulig utfall av et beslutningssteg."""

    label: Markdown
    """Utfallet slik kilden formulerer det, f.eks. «Tiltakene har hatt ønsket effekt, det er ikke
    lenger grunn til å bekymre seg.»."""
    goto: tuple[FlowRef, ...]
    """Hvor utfallet fører: id-en til et steg, et nivå eller en utgang (`exits`), eller `end`
    når saken avsluttes. Flere mål kan gis som liste."""
    text: Markdown | None = None
    """Hva man gjør ved dette utfallet, f.eks. «Avslutt oppfølgingen.»."""
    deadline: str | None = None
    """Frist som gjelder dette utfallet, slik kilden skriver den, f.eks. «nytt nettverksmøte om
    innen 4 uker»."""
    short: str | None = None
    """Kort etikett til flytskjemaet når `label` er lang, f.eks. «Ønsket effekt»."""
    inferred: str | None = None
    """Redaksjonens begrunnelse når kilden ikke sier hvor utfallet fører, f.eks. «Kilden sier ikke
    hvilket trinn.». Pilen tegnes stiplet, og begrunnelsen står under «Redaksjonens tolkning»."""


@dataclass(frozen=True)
class Step:
    """Et steg i et nivå: en handling den ansatte gjør."""

    id: Id
    """Stegets id: små bokstaver a–z, tall og bindestrek, unik i modellen. Brukes i lenker (#id)."""
    title: str
    """Stegets overskrift slik kilden skriver den, f.eks. «Undring oppstår»."""
    number: str | None = None
    """Nummeret slik kilden skriver det, f.eks. «1», «1 a)» eller «4B». Sett i anførselstegn."""
    text: Markdown | None = None
    """Stegets tekst (Markdown)."""
    checklist: tuple[Markdown, ...] = ()
    """Punktene i steget, ett per linje i kilden."""
    questions: tuple[Markdown, ...] = ()
    """Spørsmål den ansatte stiller seg eller andre."""
    deadline: str | None = None
    """Frist slik kilden skriver den, f.eks. «senest innen 4 uker»."""
    responsible: tuple[RoleRef, ...] = ()
    """Hvem som har ansvaret (id-er fra `roles`), bare der kilden sier det."""
    who: str | None = None
    """Hvem som gjør steget, med kildens ord, når det ikke er en rolle, f.eks. «kontaktlærer i
    samråd med rektor». Vises sammen med `responsible` under «Ansvarlig»."""
    documentation: tuple[Markdown, ...] = ()
    """Hva som skal dokumenteres, med kildens ord."""
    tools: tuple[ToolRef, ...] = ()
    """Verktøy steget bruker (id-er fra `tools`)."""
    resources: tuple[ResourceRef, ...] = ()
    """Nettressurser steget anbefaler (id-er fra `resources`)."""
    legal: tuple[LegalRefId, ...] = ()
    """Lovhenvisninger (id-er fra `legal`)."""
    after: Markdown | None = None
    """Tekst som står etter punktene og verktøyene i kilden."""
    question: str | None = None
    """Spørsmålet som avgjør hvor man går videre, med kildens ord, f.eks. «Evaluere om
    barnet/ungdommen nyter godt av våre tiltak eller ikke.». Tegnes som en rombe foran
    utfallene."""
    outcomes: tuple[Outcome, ...] = ()
    """Mulige utfall når steget er en beslutning."""
    outcomes_intro: Markdown | None = None
    """Teksten foran utfallene, f.eks. «Det er tre mulige utfall:»."""
    next: tuple[FlowRef, ...] | None = None
    """Hvor man går videre uten en beslutning: id-er til steg, nivåer eller utganger (`exits`),
    eller `end`. Utelatt: neste steg i nivået."""
    end: bool = False
    """`true` når saken kan avsluttes etter dette steget."""
    open: str | None = None
    """Redaksjonens merknad når kilden ikke sier hva som skjer etter steget, f.eks. «Kilden gir
    ikke 3a noe utfall.». Steget vises med «Kilden sier ikke hva som skjer videre» og har da
    verken `next`, `outcomes` eller `end`."""
    note: Markdown | None = None
    """Redaktørens merknad til leseren, vises tydelig merket (f.eks. om en feil i kilden)."""
    inferred: str | None = None
    """Redaksjonens begrunnelse når kilden ikke sier hvor steget fører (`next`, `end` eller
    neste steg), f.eks. «Kilden sier ikke hvilket trinn.». Pilen tegnes stiplet, og
    begrunnelsen står under «Redaksjonens tolkning»."""
    trainer_notes: Markdown | None = None
    """Notater til den som presenterer steget for kolleger (`/presentasjon/`, tasten S), f.eks.
    et spørsmål å stille salen. Vises bare i presentasjonens notatvisning, aldri i veilederen."""

    @property
    def heading(self) -> str:
        """Number and title as the site shows them, e.g. «1 a) Undring oppstår»."""
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass(frozen=True)
class Level:
    """Et nivå i veilederen. Får en egen side med flytskjema."""

    id: Id
    """Nivåets id, f.eks. «niva-0». Blir sidens adresse."""
    name: str
    """Nivåets overskrift slik kilden skriver den, f.eks. «Nivå 0: Undring»."""
    number: str | None = None
    """Nivåets nummer, f.eks. «0». Brukes som kort etikett."""
    subtitle: str | None = None
    """Undertittel slik kilden skriver den."""
    purpose: Markdown | None = None
    """Hva nivået handler om."""
    start: tuple[FlowRef, ...] = ()
    """Stegene som starter nivået, når flere starter samtidig. Utelatt: første steg."""
    steps: tuple[Step, ...] = ()
    """Stegene i rekkefølge."""
    next: tuple[FlowRef, ...] = ()
    """For nivåer uten steg: hvor man går videre (steg- eller nivå-id-er, eller `end`)."""
    reviewed: Date | None = None
    """Når nivået sist ble gått gjennom, når det er senere enn veilederens `reviewed`
    (ÅÅÅÅ-MM-DD). Vises som «Sist revidert» på nivåets side."""
    next_review: Date | None = None
    """Når nivået skal gås gjennom igjen (ÅÅÅÅ-MM-DD). Bygget advarer når datoen er passert."""
    remove: tuple[str, ...] = ()
    """I en veileder som bygger på en annen (`extends`): id-er til steg fra grunnmodellen som
    ikke skal være med."""
    inferred: str | None = None
    """Redaksjonens begrunnelse når kilden ikke sier hvor nivået (`next`) fører, f.eks.
    «Kilden sier ikke hvilket trinn.». Pilen tegnes stiplet, og begrunnelsen står under
    «Redaksjonens tolkning»."""
    trainer_notes: Markdown | None = None
    """Notater til den som presenterer nivået (vises bare i presentasjonens notatvisning)."""

    @cached_property
    def step_after(self) -> Mapping[str, str]:
        """Each step's id → the id of the step written after it (the last has none)."""
        pairs = zip(self.steps, self.steps[1:], strict=False)
        return MappingProxyType({step.id: after.id for step, after in reversed(list(pairs))})


@dataclass(frozen=True)
class Source:
    """Hvor innholdet kommer fra."""

    title: str
    """Kildedokumentets tittel."""
    date: str | None = None
    """Dato eller versjon slik kilden skriver den, f.eks. «August 2015»."""
    url: Url | None = None
    """Lenke til kilden."""


@dataclass(frozen=True)
class Model:
    """Én kommunes handlingsveileder. Nøkkelen i models.yaml er modellens id (f.eks. `modum`)."""

    id: Id
    """Modellens id (nøkkelen i models.yaml)."""
    title: str
    """Veilederens tittel, f.eks. «Handlingsveileder – BTI»."""
    language: Language
    """Språkform: `nb` (bokmål) eller `nn` (nynorsk). Styrer språket i nettstedets menyer."""
    extends: str | None = None
    """Grunnmodellen veilederen bygger på: id-en til en modell i samme fil, en grunnmodell som
    følger med publiseringsverktøyet (f.eks. `bti-grunnmodell`), eller `fil.yaml#id` for en
    modell i en annen fil (stien regnes fra denne filen). Alt grunnmodellen har, gjelder til
    det skrives her: en nøkkel erstatter grunnmodellens verdi, lister med `id` (nivåer, steg)
    flettes etter id, oppslagstabeller (roller, verktøy …) flettes etter nøkkel, og `remove`
    fjerner. `handlingsveileder diff <id>` viser hva veilederen endrer."""
    localise: dict[str, str] = field(default_factory=dict)
    """I en grunnmodell: det hver kommune må fylle ut selv, som nøkkelsti → forklaring, f.eks.
    `emergency.contacts: Kommunens barnevernvakt`. Stien går gjennom nøkler og id-er, f.eks.
    `tools.meldeskjema.url` eller `levels.niva-1.steps.samtale.who`. `check` og bygget feiler
    til en veileder som bygger på grunnmodellen, har skrevet alle."""
    remove: tuple[str, ...] = ()
    """I en veileder som bygger på en annen (`extends`): id-er fra grunnmodellen som ikke skal
    være med (nivåer, roller, verktøy, ressurser, lovhenvisninger, utganger)."""
    draft: Markdown | None = None
    """Kildens egne ord når veilederen ikke er ferdig, f.eks. «DENNE SIDEN ER UNDER ARBEID.».
    Vises som et tydelig merket utkast-banner øverst på alle sider."""
    kommune: str | None = None
    """Kommunens navn. Utelat det hvis kilden ikke navngir kommunen; nettstedet sier da
    «kommunen»."""
    tagline: Markdown | None = None
    """Innledende setning, f.eks. «Det skal være trygt og godt for barn og unge å vokse opp i vår
    kommune.»."""
    intro: Markdown | None = None
    """Innledning på forsiden."""
    target_group: Markdown | None = None
    """Målgruppe."""
    goals: tuple[Markdown, ...] = ()
    """Mål for arbeidet."""
    principles_intro: Markdown | None = None
    """Tekst foran prinsippene."""
    principles: tuple[Principle, ...] = ()
    """Prinsipper som ligger til grunn."""
    principles_outro: Markdown | None = None
    """Tekst etter prinsippene."""
    emergency: Emergency | None = None
    """Akuttboksen: når og hvem man kontakter direkte. Vises på alle sider."""
    warnings: tuple[Warning, ...] = ()
    """Stående advarsler og regler. Vises på alle sider."""
    sections: tuple[Section, ...] = ()
    """Andre seksjoner på forsiden."""
    levels_intro: Markdown | None = None
    """Tekst foran oversikten over nivåene."""
    levels: tuple[Level, ...] = ()
    """Nivåene i rekkefølge."""
    start: tuple[FlowRef, ...] = ()
    """Hvor prosessen starter (steg- eller nivå-id-er). Utelatt: første nivås start."""
    roles: dict[str, Role] = field(default_factory=dict)
    """Roller, med id som nøkkel."""
    tools: dict[str, Tool] = field(default_factory=dict)
    """Verktøy, med id som nøkkel."""
    resources: dict[str, Resource] = field(default_factory=dict)
    """Nettressurser, med id som nøkkel."""
    legal: dict[str, LegalRef] = field(default_factory=dict)
    """Lovhenvisninger, med id som nøkkel."""
    exits: dict[str, Exit] = field(default_factory=dict)
    """Utgangene fra veilederen, etter id (se `Exit`)."""
    source: Source | None = None
    """Kilden innholdet er hentet fra."""
    reviewed: Date | None = None
    """Når veilederen sist ble gått gjennom (ÅÅÅÅ-MM-DD). Vises som «Sist revidert» på alle
    sider."""
    next_review: Date | None = None
    """Når veilederen skal gås gjennom igjen (ÅÅÅÅ-MM-DD). Bygget advarer når datoen er
    passert: en veileder som ikke holdes ved like, blir fort feil."""
    approved_by: str | None = None
    """Hvem som har godkjent veilederen, f.eks. «Kommunedirektøren». Vises nederst på alle
    sider."""
    approved: Date | None = None
    """Når veilederen ble godkjent (ÅÅÅÅ-MM-DD)."""
    version: str | None = None
    """Veilederens versjon slik kommunen nummererer den, f.eks. «2.1». Vises nederst på alle
    sider."""
    contact: Markdown | None = None
    """Hvem leserne kan kontakte om veilederen, f.eks. «Oppvekstkontoret, tlf. 32 00 00 00».
    Vises nederst på alle sider."""
    trainer_notes: Markdown | None = None
    """Notater til den som presenterer veilederen for kolleger, f.eks. hvordan økten legges
    opp. Vises bare i presentasjonens notatvisning (tittellysbildet), aldri i veilederen."""

    @property
    def place(self) -> str:
        """The kommune's name, or the generic word when the source names none."""
        return self.kommune or "kommunen"

    def all_steps(self) -> tuple[tuple[Level, Step], ...]:
        return tuple((level, step) for level in self.levels for step in level.steps)

    @cached_property
    def step_index(self) -> Mapping[str, tuple[Level, Step]]:
        """Each step with its level, by id (made once per model: pages and checks ask often)."""
        return MappingProxyType({step.id: (level, step) for level, step in self.all_steps()})

    @cached_property
    def level_index(self) -> Mapping[str, Level]:
        return MappingProxyType({level.id: level for level in self.levels})
