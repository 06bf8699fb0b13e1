"""The editor's reference of every YAML key, read from the model's field docstrings."""

from __future__ import annotations

import ast
import inspect
import typing

from . import model

TYPE_WORDS = {
    "str": "tekst",
    "Markdown": "tekst (Markdown)",
    "Id": "id",
    "bool": "true/false",
}


def describe_type(hint: object) -> str:
    origin = typing.get_origin(hint)
    args = [a for a in typing.get_args(hint) if a is not type(None) and a is not Ellipsis]
    if origin is tuple:
        return f"liste av {describe_type(args[0])}"
    if origin is dict:
        return f"oppslagstabell id → {describe_type(args[1])}"
    if origin is not None and args:
        return describe_type(args[0])
    name = getattr(hint, "__name__", str(hint))
    return TYPE_WORDS.get(name, f"[{name}](#{name.lower()})")


def field_docs(cls: type) -> list[tuple[str, str]]:
    """(field name, docstring) pairs in declaration order."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs = []
    for node, following in zip(body, [*body[1:], None], strict=True):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            doc = ""
            if (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                doc = " ".join(following.value.value.split())
            docs.append((node.target.id, doc))
    return docs


def schema_markdown() -> str:
    classes = [
        model.Model,
        model.Source,
        model.Emergency,
        model.Contact,
        model.Warning,
        model.Principle,
        model.Section,
        model.Role,
        model.Tool,
        model.Resource,
        model.LegalRef,
        model.Level,
        model.Step,
        model.Outcome,
    ]
    out = [
        "# Feltene i data/models.yaml",
        "",
        "Lages av `handlingsveileder schema` fra modellens kode. Felt merket **påkrevd** må",
        "være med; de andre kan utelates.",
        "",
        "## Slik henger stegene sammen",
        "",
        "- Et steg uten `next`, `outcomes` eller `end` fører til neste steg i samme nivå.",
        "- `next: [a, b]` fører til flere steg samtidig; `outcomes` er en beslutning der hvert",
        "  utfall har sin `goto`.",
        "- `next` og `goto` kan peke på et steg, et nivå (nivåets første steg, eller `start`)",
        "  eller `end` (saken avsluttes).",
        "- Det siste steget i et nivå må ha `next`, `outcomes` eller `end: true`.",
        "- Alle steg må kunne nås fra starten; `handlingsveileder check` sier fra ellers.",
        "",
        "```yaml",
        "modum:",
        "  title: Bedre Tverrfaglig Innsats (BTI-modellen)",
        "  language: nb",
        "  roles:",
        "    stafettholder: {name: Stafettholder}",
        "  tools:",
        "    referatmal: {name: Referatmal}",
        "  levels:",
        "    - id: niva-1",
        '      name: "Nivå 1: Fra undring til tiltak"',
        "      steps:",
        "        - id: n1-felles-forstaelse",
        '          number: "1"',
        "          title: Skap felles forståelse",
        '          deadline: "senest innen 4 uker"',
        "          tools: [referatmal]",
        "        - id: n1-oppfolging",
        '          number: "2"',
        "          title: Oppfølgingssamtale",
        "          outcomes:",
        "            - label: Tiltakene har hatt ønsket effekt.",
        "              goto: end",
        "            - label: Tiltakene har ikke gitt ønsket effekt.",
        "              goto: niva-2",
        "```",
        "",
    ]
    for cls in classes:
        hints = typing.get_type_hints(cls)
        required = {
            f.name
            for f in cls.__dataclass_fields__.values()  # type: ignore[attr-defined]
            if f.default is f.default_factory  # both MISSING
        }
        out += [f"## {cls.__name__}", "", " ".join((cls.__doc__ or "").split()), ""]
        out += ["| nøkkel | type | beskrivelse |", "| --- | --- | --- |"]
        for name, doc in field_docs(cls):
            if cls is model.Model and name == "id":
                continue
            flag = " **påkrevd**" if name in required else ""
            out.append(f"| `{name}`{flag} | {describe_type(hints[name])} | {doc} |")
        out.append("")
    return "\n".join(out)
