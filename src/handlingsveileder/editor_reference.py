"""The editor's reference of every YAML key, read from the model's field docstrings."""

from __future__ import annotations

import ast
import inspect
from importlib import resources

from . import model
from .fields import FieldSpec, fields_of
from .template_library import load_template, template_ids

EXAMPLE = "eksempel.yaml"
"""The example model shown in the reference; a test checks that it passes `check`."""


def describe_type(spec: FieldSpec) -> str:
    if spec.shape == "list":
        return f"liste av {describe_base(spec)}"
    if spec.shape == "map":
        key = "id" if spec.base == "object" else "nøkkel"  # `localise`: key paths
        return f"oppslagstabell {key} → {describe_base(spec)}"
    return describe_base(spec)


def describe_base(spec: FieldSpec) -> str:
    if spec.cls is not None:
        name = spec.cls.__name__
        return f"[{name}](#{name.lower()})"
    if spec.base == "bool":
        return "true/false"
    if spec.markdown:
        return "tekst (Markdown)"
    if spec.is_id:
        return "id"
    return "tekst"


def example_yaml() -> str:
    return resources.files(__package__).joinpath(EXAMPLE).read_text(encoding="utf-8")


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


def reference_markdown() -> str:
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
        model.Exit,
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
        "- `next` og `goto` kan peke på et steg, et nivå (nivåets første steg, eller `start`),",
        "  en utgang fra `exits` (melding til barneverntjenesten, videre under IP/koordinator,",
        "  på lavere nivå, til en annen tjeneste, eller samarbeidet fortsetter) eller `end`",
        "  (saken avsluttes).",
        "- Det siste steget i et nivå må ha `next`, `outcomes` eller `end: true`. Sier kilden",
        "  ikke hva som skjer videre, skriv `open:` med en kort begrunnelse.",
        "- Alle steg må kunne nås fra starten; `handlingsveileder check` sier fra ellers.",
        "",
        "```yaml",
        *example_yaml().rstrip("\n").splitlines(),
        "```",
        "",
        "## Presentasjonen",
        "",
        "Nettstedet har en presentasjon av veilederen til opplæring (`presentasjon/`, lenket",
        "fra forsiden): ett lysbilde per nivå og per steg, med steget markert i nivåets",
        "flytskjema. Den lages av de samme dataene; det eneste feltet som bare gjelder den, er",
        "`trainer_notes` (på veilederen, et nivå eller et steg): notater til den som",
        "presenterer, vist bare i notatvisningen (tasten S). Lysbildet viser steget kort; hele",
        "teksten står i notatvisningen. `handlingsveileder presentasjon --model <id> --out",
        "fil.html` skriver presentasjonen som én fil som virker uten nett.",
        "",
    ]
    for cls in classes:
        specs = {spec.name: spec for spec in fields_of(cls)}
        out += [f"## {cls.__name__}", "", " ".join((cls.__doc__ or "").split()), ""]
        out += ["| nøkkel | type | beskrivelse |", "| --- | --- | --- |"]
        for name, doc in field_docs(cls):
            if cls is model.Model and name == "id":
                continue
            flag = " **påkrevd**" if specs[name].required else ""
            out.append(f"| `{name}`{flag} | {describe_type(specs[name])} | {doc} |")
        out.append("")
    out += template_reference()
    return "\n".join(out)


def template_reference() -> list[str]:
    """The templates a tool may name in `template`, with their parts (for `omit`)."""
    out = [
        "## Malene",
        "",
        "Publiseringsverktøyets egne maler, skrevet av prosjektet på bokmål og nynorsk. En",
        "nynorsk modell får nynorsk mal. Verktøyets side viser malen som et skjema som kan fylles",
        "ut og skrives ut; ingenting lagres eller sendes. Malen er merket som et forslag som",
        "kommunen bør gå gjennom. Vil kommunen bruke sin egen fil, lenker `url` til den.",
        "",
        "```yaml",
        "tools:",
        "  samtykkeskjema:",
        "    name: Felles samtykkeskjema",
        "    template: samtykkeskjema",
        "    omit: [barnets-mening]   # deler eller felt kommunen ikke vil ha med",
        "```",
        "",
        "| mal | slag | tittel (bokmål / nynorsk) | deler og felt (id-er til `omit`) |",
        "| --- | --- | --- | --- |",
    ]
    for template_id in template_ids():
        nb, nn = load_template(template_id, "nb"), load_template(template_id, "nn")
        parts = ", ".join(
            f"`{section.id}` ({', '.join(f'`{f.id}`' for f in section.fields)})"
            if section.fields
            else f"`{section.id}`"
            for section in nb.sections
        )
        out.append(f"| `{template_id}` | {nb.kind} | {nb.title} / {nn.title} | {parts} |")
    return [*out, ""]
