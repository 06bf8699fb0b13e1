"""Templates in our own words for tools a guide names; one YAML file each in templates/."""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, fields, is_dataclass
from functools import cache
from importlib.resources import files
from itertools import zip_longest
from typing import Any, get_args, get_origin, get_type_hints

import yaml

from handlingsveileder.errors import closest, format_path
from handlingsveileder.laws import LAWS, repealed_message, section_problem
from handlingsveileder.link_safety import markdown_link_findings

KINDS = ("form", "checklist", "conversation_guide", "meeting_minutes", "information")
FIELD_TYPES = ("text", "long_text", "date", "yes_no", "choice", "signature", "table")
LANGUAGES = ("nb", "nn")
NOTICE = {  # shown with every template
    "nb": "Forslag til mal, ikke kommunens eget skjema. Kommunen bør gå gjennom og erstatte det.",
    "nn": "Framlegg til mal, ikkje skjemaet til kommunen. Kommunen bør gå gjennom og byte det ut.",
}

_FOLDER = files("handlingsveileder") / "templates"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_P = tuple[str, ...]
_ONLY = {"choices": "choice", "multiple": "choice", "columns": "table", "rows": "table"}


@dataclass(frozen=True)
class TemplateField:
    id: str
    label: str
    type: str  # one of FIELD_TYPES
    help: str | None = None
    choices: tuple[str, ...] = ()  # choice: the options in order
    multiple: bool = False  # choice: several may be ticked (checkboxes, not radio buttons)
    columns: tuple[str, ...] = ()  # table: column headings
    rows: int = 0  # table: empty rows to print


@dataclass(frozen=True)
class TemplateSection:
    id: str
    title: str
    help: str | None = None
    text: str | None = None  # guidance (Markdown) shown before the fields; may stand alone
    fields: tuple[TemplateField, ...] = ()


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class LegalReference:
    law: str  # an id of the registry of laws (laws.LAWS) in force, e.g. bvl
    section: str  # e.g. "13 a"


@dataclass(frozen=True)
class Template:
    id: str
    kind: str  # one of KINDS
    version: str
    language: str
    title: str
    intro: str
    sections: tuple[TemplateSection, ...]
    links: tuple[Link, ...] = ()  # resources for the employee, e.g. a national portal
    legal: tuple[LegalReference, ...] = ()
    sources: tuple[Link, ...] = ()  # what the authors read; for editors, never copied text


class _Bad(Exception): ...  # (key path, message) inside one file; _load_all adds the file name


def _keys(data: Any, path: _P, required: set[str], optional: set[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _Bad(path, "forventet en oppslagstabell (nøkkel: verdi)")
    for key in data.keys() - required - optional:
        hint = closest(str(key), required | optional)
        raise _Bad((*path, str(key)), "ukjent felt" + (f" (mente du '{hint}'?)" if hint else ""))
    for key in sorted(required - data.keys()):
        raise _Bad((*path, key), "mangler")
    return data


@cache
def _type_hints(cls: type) -> dict[str, Any]:
    """A dataclass's field types (resolving them is slow, and they never change)."""
    return get_type_hints(cls)


def _value(hint: Any, value: Any, path: _P) -> Any:
    """`value` checked against a dataclass field's type: text, bool, int, tuple or dataclass."""
    if isinstance(hint, type) and is_dataclass(hint):
        spec = fields(hint)
        required = {f.name for f in spec if f.default is MISSING and f.default_factory is MISSING}
        data = _keys(value, path, required, {f.name for f in spec} - required)
        hints = _type_hints(hint)
        return hint(**{k: _value(hints[k], v, (*path, k)) for k, v in data.items()})
    if get_origin(hint) is tuple:
        if not isinstance(value, list):
            raise _Bad(path, "forventet en liste")
        *head, key = path
        item = get_args(hint)[0]
        return tuple(_value(item, v, (*head, f"{key}[{i}]")) for i, v in enumerate(value))
    if hint is bool or hint is int:
        if type(value) is not hint or (hint is int and value < 1):
            raise _Bad(path, "må være true/false" if hint is bool else "må være et tall fra 1")
        return value
    if not isinstance(value, str) or not value.strip():
        raise _Bad(path, "må være en tekst som ikke er tom (bruk anførselstegn)")
    return value.strip()


def _one_of(value: str, options: tuple[str, ...], path: _P) -> None:
    if value not in options:
        raise _Bad(path, f"ukjent verdi '{value}'; tillatt: {', '.join(options)}")


def _unique_id(value: str, path: _P, seen: set[str]) -> None:
    if not _ID.match(value) or value in seen:
        problem = "er brukt før i malen" if value in seen else "bruk bare a–z, 0–9 og bindestrek"
        raise _Bad((*path, "id"), f"'{value}': {problem}")
    seen.add(value)


def _template(data: Any, language: str) -> Template:
    top = _keys(data, (), {"id", "kind", "version", "sources", *LANGUAGES}, {"legal"})
    lang = _keys(data[language], (language,), {"title", "intro", "sections"}, {"links"})
    hints = _type_hints(Template)
    values = {k: _value(hints[k], v, (k,)) for k, v in top.items() if k not in LANGUAGES}
    values |= {k: _value(hints[k], v, (language, k)) for k, v in lang.items()}
    t = Template(language=language, **values)
    _one_of(t.kind, KINDS, ("kind",))
    _unique_id(t.id, (), set())
    for i, ref in enumerate(t.legal):
        _one_of(ref.law, tuple(LAWS), (f"legal[{i}]", "law"))
        if repealed := repealed_message(LAWS[ref.law]):
            raise _Bad((f"legal[{i}]", "law"), repealed)
        if problem := section_problem(ref.section):
            raise _Bad((f"legal[{i}]", "section"), problem)
    if not t.sources or not t.sections:
        raise _Bad(("sources",) if not t.sources else (language, "sections"), "listen er tom")
    for (*head, key), links in ((("sources",), t.sources), ((language, "links"), t.links)):
        for i, link in enumerate(links):
            if not link.url.startswith("https://"):
                raise _Bad((*head, f"{key}[{i}]", "url"), "må begynne med https://")
    texts: list[tuple[_P, str | None]] = [((language, "intro"), t.intro)]
    texts += [((language, f"sections[{i}]", "text"), x.text) for i, x in enumerate(t.sections)]
    for at_text, text in texts:
        for target, problem in markdown_link_findings(text or ""):
            raise _Bad(at_text, f"lenken '{target}': {problem}")
    seen: set[str] = set()
    for i, section in enumerate(t.sections):
        at = (language, f"sections[{i}]")
        _unique_id(section.id, at, seen)
        if not section.fields and section.text is None:
            raise _Bad(at, "seksjonen trenger `text` eller minst ett felt")
        for j, f in enumerate(section.fields):
            fat = (*at, f"fields[{j}]")
            _unique_id(f.id, fat, seen)
            _one_of(f.type, FIELD_TYPES, (*fat, "type"))
            for key, kind in _ONLY.items():  # e.g. choices: needed by and only for `choice`
                have, want = bool(getattr(f, key)), f.type == kind
                if have > want or (have < want and key != "multiple"):
                    problem = "mangler" if want else "brukes ikke"
                    raise _Bad((*fat, key), f"{problem} med type '{f.type}'")
    return t


def _shape(t: Template) -> list[tuple[object, ...]]:
    """What must match across languages: ids, field types and sizes, which sections have text."""
    return [("links", len(t.links), None)] + [
        (s.id, s.text is None, f and (f.id, f.type, f.multiple, f.rows, len(f.choices + f.columns)))
        for s in t.sections
        for f in (None, *s.fields)
    ]


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The package's own files are read by libyaml where PyYAML has it (the same data, faster)."""


@cache
def template_ids() -> tuple[str, ...]:
    """The ids of all templates shipped in the package, sorted."""
    names = (p.name for p in _FOLDER.iterdir())
    return tuple(sorted(name.removesuffix(".yaml") for name in names if name.endswith(".yaml")))


@cache
def _load_all(template_id: str) -> dict[str, Template]:
    name = f"{template_id}.yaml"
    try:
        data = yaml.load((_FOLDER / name).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        by_lang = {lang: _template(data, lang) for lang in LANGUAGES}
        if by_lang["nb"].id != template_id:
            raise _Bad(("id",), f"må være lik filnavnet uten .yaml ('{template_id}')")
        pairs = zip_longest(_shape(by_lang["nb"]), _shape(by_lang["nn"]))
        if diff := next(((a, b) for a, b in pairs if a != b), None):
            raise _Bad(("nn",), "oppbyggingen skiller seg fra nb: {} ≠ {}".format(*diff))
    except yaml.YAMLError as exc:
        raise ValueError(f"{name}: ugyldig YAML: {exc}") from None
    except _Bad as bad:
        raise ValueError(f"{name}: {format_path(bad.args[0]) or '(fil)'}: {bad.args[1]}") from None
    return by_lang


def load_template(template_id: str, language: str) -> Template:
    """One template in `nb` or `nn`. Raises ValueError naming file and field for malformed data."""
    if template_id not in template_ids() or language not in LANGUAGES:
        raise ValueError(f"ukjent mal eller språk: {template_id!r}, {language!r}")
    return _load_all(template_id)[language]


def template_parts(template: Template) -> tuple[str, ...]:
    """The ids of a template's sections and fields (what a tool's `omit` may name)."""
    return tuple(
        ident
        for section in template.sections
        for ident in (section.id, *(f.id for f in section.fields))
    )
