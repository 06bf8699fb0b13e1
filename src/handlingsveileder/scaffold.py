"""`handlingsveileder ny`: a kommune's own project folder, from a base or an existing model.

The folder holds everything a kommune needs to edit, check, build and publish its guide:
`mkdocs.yml`, the hook file, `data/models.yaml` (with the JSON Schema beside it), `docs/`
for its own files, a README in Norwegian, and the publishing jobs for GitHub Pages and
GitLab Pages. The text files come from `scaffold_templates/` in the package, filled with
`@@name@@` placeholders (GitHub's workflow uses `${{ … }}`, so neither `$` nor braces).

Two kinds of start (`source`):

- a base shipped with the package (`bases/`): the new model is an overlay that `extends`
  it, with a commented hint for every value the base marks as the kommune's own
  (`localise`: the key path, what to write, and the base's current value);
- a model in an existing models file: its YAML text is copied verbatim (comments too) under
  the new id, so the new folder builds at once.

Nothing is half-written: the files go to a temporary folder beside the target, which is
renamed into place at the end, and every refusal happens before anything is written.
"""

from __future__ import annotations

import json
import os
import shutil
import string
import tempfile
import textwrap
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from .errors import ModelError, closest
from .inherit import at_path, localise_entries, shipped_bases, text_of
from .json_schema import schema_json
from .kinds import id_problem
from .load import compose_file, compose_text
from .search_terms import glossary_path
from .settings import DEFAULT_DATA
from .site_defaults import HOOK_FILE, HOOK_PATH

TOOL_SOURCE = "handlingsveileder"
"""What `pip install` installs the tool from, written to the project's `requirements.txt`
(the README and both publishing jobs install from that file). A requirement line: the
package's name on a package index, or `handlingsveileder @ git+https://…` once the tool's
repository has its public address."""

SCHEMA_LINE = "# yaml-language-server: $schema=handlingsveileder.schema.json"
"""The models file's first line: editors with Red Hat's YAML extension read the schema
beside it (`data/handlingsveileder.schema.json`)."""
SCHEMA_FILE = "data/handlingsveileder.schema.json"
MODELS_FILE = "data/models.yaml"
TEMPLATES = "scaffold_templates"
"""The folder of the project's text files in the package (not `scaffold/`: a folder named
like this module would be one `__init__.py` away from hiding it)."""
MAX_HINT_LINES = 15
"""A base's value longer than this is cut in the commented hint (the base has the rest)."""


class ScaffoldError(Exception):
    """The project cannot be made; str() is the Norwegian message for the editor."""


PLACEHOLDER = r"""
@@(?:
  (?P<escaped>@@) |
  (?P<named>[a-z_]+)@@ |
  (?P<braced>(?!)) |
  (?P<invalid>)
)
"""
"""`@@name@@` (string.Template's pattern, read with re.VERBOSE); nothing is braced."""


class ProjectTemplate(string.Template):
    """`@@name@@` placeholders; `@@@@` is a literal `@@`."""

    delimiter = "@@"
    pattern = PLACEHOLDER  # type: ignore[assignment]  # string.Template compiles the text


@dataclass(frozen=True)
class Start:
    """What the new model is made from: its text in `data/models.yaml`, and what the
    README and mkdocs.yml say about it."""

    models_text: str
    title: str
    language: str
    origin: str
    """The README's paragraph about where the guide comes from."""
    inheritance: str
    """The README's section about a base (`extends`), or about the copy."""
    glossary: Path | None = None
    """The search words beside the source's models file, copied along."""


def bases() -> dict[str, Path]:
    """The bases shipped with the package, by model id (each file's top-level keys)."""
    return shipped_bases()


def scaffold(target: Path, new_id: str, source: str, data: Path | None = None) -> list[Path]:
    """Write a kommune's project for the model `new_id` into `target`, started from the
    shipped base or the model in `data` (default `data/models.yaml`) named `source`; return
    the files written. A shipped base wins over a model of the same id in `data`.

    Raises ScaffoldError when `target` exists and is not an empty folder, when `new_id` is
    no valid id, or when `source` is found neither among the bases nor in `data`.
    """
    problem = id_problem(new_id)
    if problem:
        raise ScaffoldError(f"Kan ikke lage veilederen: {problem}.")
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "mappen finnes og er ikke tom" if target.is_dir() else "det finnes en fil der"
        raise ScaffoldError(
            f"Kan ikke lage {target}: {what}. Velg en ny mappe, eller flytt den som er der."
        )
    start = start_from(new_id, source, data)
    files = project_files(new_id, start)
    return write_atomically(target, files, start.glossary)


def start_from(new_id: str, source: str, data: Path | None) -> Start:
    """The new model's start: the shipped base `source`, else the model `source` in `data`."""
    shipped = bases()
    if source in shipped:
        return from_base(new_id, source, shipped[source])
    models_file = data or DEFAULT_DATA
    root = read_models(models_file) if models_file.is_file() else None
    known = {str(key.value): value for key, value in root.value} if root else {}
    if source in known:
        assert root is not None
        return from_model(new_id, source, root, models_file)
    listed = [f"grunnmodellene: {', '.join(sorted(shipped)) or 'ingen'}"]
    if root is not None:
        listed.append(f"modellene i {models_file}: {', '.join(known) or 'ingen'}")
    elif data is not None:
        listed.append(f"{models_file} finnes ikke")
    hint = closest(source, [*shipped, *known])
    suggestion = f" Mente du '{hint}'?" if hint else ""
    raise ScaffoldError(f"Fant ikke '{source}' å starte fra ({'; '.join(listed)}).{suggestion}")


def read_models(path: Path) -> yaml.MappingNode:
    """The node tree of a models file, whose top level must be a mapping."""
    try:
        root = compose_file(path, str(path))
    except ModelError as error:
        raise ScaffoldError(f"Kan ikke lese {path}:\n{error.report()}") from None
    if not isinstance(root, yaml.MappingNode):
        raise ScaffoldError(f"{path}: filen skal ha én modell per id på øverste nivå")
    return root


# --- a copy of a model in a models file --------------------------------------------


def from_model(new_id: str, source: str, root: yaml.MappingNode, models_file: Path) -> Start:
    """The model `source` of `models_file`, copied as written under `new_id`; a base in the
    same file that it `extends` is copied along (under its own id)."""
    # The file as compose_file read it (its marks count lines without the byte-order mark).
    lines = models_file.read_text(encoding="utf-8").removeprefix("\ufeff").splitlines()
    models = {str(key.value): (key, value) for key, value in root.value}
    chain = [source]
    while True:
        value = models[chain[-1]][1]
        extends = text_of(value, "extends")
        if extends is not None and "#" in extends:
            raise ScaffoldError(
                f"'{chain[-1]}' bygger på '{extends}' i en annen fil, som den nye mappen ikke "
                "har: start fra en modell som ikke gjør det, eller fra grunnmodellen selv"
            )
        if extends is None or extends not in models or extends in chain:
            break  # no base, a shipped base, or one the build will report
        chain.append(extends)
    if new_id in chain[1:]:
        raise ScaffoldError(
            f"'{source}' bygger på '{new_id}', som kopieres med: velg en annen id enn '{new_id}'"
        )
    parts: list[str] = []
    for model_id in chain:
        key, _value = models[model_id]
        span = model_lines(lines, root, key)
        if model_id == source:
            first = key.start_mark.line - span[0]
            line = span[1][first]
            start, end = key.start_mark.column, key.end_mark.column
            span[1][first] = line[:start] + yaml_key(new_id) + line[end:]
        parts.append("\n".join(span[1]))
    header = [
        SCHEMA_LINE,
        f"# Handlingsveilederen '{new_id}', kopiert fra '{source}' i {models_file}.",
        "# Feltene forklares av `handlingsveileder schema`; kontroller filen med",
        "# `handlingsveileder check`.",
    ]
    models_text = "\n".join(header) + "\n\n" + "\n\n".join(parts) + "\n"
    check_parses(models_text, new_id)
    model = models[source][1]
    title = text_of(model, "title") or new_id
    kommune = text_of(model, "kommune")
    origin = (
        f"Veilederen startet som en kopi av `{source}` fra `{models_file}`"
        + (f" ({kommune})" if kommune else "")
        + ". Endre den til den passer kommunen: teksten, rollene, kontaktene og verktøyene."
    )
    if len(chain) > 1:
        origin += f" Den bygger på `{chain[1]}` (`extends`), som er kopiert med i samme fil."
    glossary = glossary_path(models_file)
    extends = text_of(model, "extends")
    return Start(
        models_text,
        f"{title} – {kommune}" if kommune else title,
        text_of(model, "language") or "nb",
        origin,
        base_section(new_id, extends) if extends else COPY_SECTION,
        glossary if glossary.is_file() else None,
    )


COPY_SECTION = """\
Vil du heller at veilederen bygger på en av grunnmodellene som følger med
publiseringsverktøyet, og bare skrive det kommunen gjør annerledes, se `extends` i
`handlingsveileder schema`."""


def model_lines(lines: list[str], root: yaml.MappingNode, key: yaml.Node) -> tuple[int, list[str]]:
    """The lines of one top-level model: from its key's line (with the comment lines right
    above it) to the line before the next top-level key, without the blank lines and
    unindented comments at the end (those belong to the next model). The first line's
    index, and the lines."""
    keys = [k.start_mark.line for k, _ in root.value]
    first = key.start_mark.line
    later = [line for line in keys if line > first]
    end = min(later) if later else len(lines)
    while first > 0 and lines[first - 1].startswith("#"):
        first -= 1
    if first > 0 and lines[first - 1].strip():
        first = key.start_mark.line  # a comment glued to what is above is not this model's
    while end > key.start_mark.line + 1 and (
        not lines[end - 1].strip() or lines[end - 1].startswith("#")
    ):
        end -= 1
    return first, lines[first:end]


def check_parses(text: str, new_id: str) -> None:
    """The new models file must read as a mapping that has the new model."""
    try:
        root = compose_text(text, MODELS_FILE)
    except ModelError as error:
        raise ScaffoldError(
            f"Kopien av modellen kan ikke leses for seg selv (bruker den et YAML-anker fra "
            f"en annen modell?):\n{error.report()}"
        ) from None
    if not isinstance(root, yaml.MappingNode) or new_id not in {
        str(key.value) for key, _ in root.value
    }:
        raise ScaffoldError(f"Kopien av modellen har ikke id-en '{new_id}' øverst")


# --- an overlay on a shipped base --------------------------------------------------


def from_base(new_id: str, base_id: str, path: Path) -> Start:
    """A model that `extends` the base, with a commented hint per value to fill in."""
    root = read_models(path)
    base = next(value for key, value in root.value if key.value == base_id)
    entries = [(path, said) for path, said, _mark in localise_entries(base)]
    lines = [
        SCHEMA_LINE,
        f"# Handlingsveilederen '{new_id}'. Den bygger på grunnmodellen '{base_id}', som følger",
        "# med publiseringsverktøyet: alt grunnmodellen har, gjelder til du skriver noe annet her.",
        "# En nøkkel du skriver, erstatter grunnmodellens verdi; nivåer og steg flettes etter",
        "# `id`, roller og verktøy etter nøkkel, og `remove: [id, …]` tar bort det kommunen ikke",
        "# har. Feltene forklares av `handlingsveileder schema`.",
        "#",
    ]
    if entries:
        lines += [
            f"# Grunnmodellen ber kommunen skrive {len(entries)} ting selv. De står under, hver",
            "# med det grunnmodellen har nå: ta bort # foran linjene med nøklene, og skriv",
            "# kommunens egne verdier. Deler to av dem en nøkkel (f.eks. `levels`), skrives",
            "# nøkkelen bare én gang. `handlingsveileder check` viser det som mangler, med fil og",
            "# linje, og bygget stopper til alt er skrevet.",
        ]
    else:
        lines.append("# Skriv det kommunen gjør annerledes under `extends`.")
    lines += ["", f"{yaml_key(new_id)}:", f"  extends: {yaml_scalar(base_id)}"]
    for key_path, explanation in entries:
        lines += localise_hint(base, key_path, explanation)
    title = text_of(base, "title") or base_id
    origin = (
        f"Veilederen bygger på grunnmodellen `{base_id}` («{title}»), som følger med "
        "publiseringsverktøyet. I `data/models.yaml` står bare det kommunen skriver selv; "
        "resten kommer fra grunnmodellen, og en ny versjon av verktøyet kan gi den nye "
        "verdier."
    )
    return Start(
        "\n".join(lines) + "\n",
        title,
        text_of(base, "language") or "nb",
        origin,
        base_section(new_id, base_id),
    )


def base_section(new_id: str, base_id: str) -> str:
    """The README's section on filling in what a base leaves to the kommune."""
    return BASE_SECTION.replace("@@id@@", new_id).replace("@@base@@", base_id)


BASE_SECTION = """\
## Fylle ut det kommunen må skrive selv

Grunnmodellen `@@base@@` merker det hver kommune må skrive selv (under `localise` i
grunnmodellen), f.eks. kontaktene og telefonnumrene. I `data/models.yaml` står hvert av dem
som en kommentar med stien, hva som skal stå der og grunnmodellens verdi. Ta bort `#` foran
linjene og skriv kommunens egne verdier.

`.venv/bin/handlingsveileder check` lister det som mangler, med fil og linje, og bygget
stopper til alt er skrevet. Med `mkdocs serve` bygges nettstedet likevel, og det som mangler,
vises øverst på sidene.

`.venv/bin/handlingsveileder diff @@id@@` viser hva veilederen endrer i grunnmodellen. Med
`--godta` husker verktøyet grunnmodellens verdier bak endringene, så `diff` senere viser det
når en ny versjon av grunnmodellen endrer noe av det kommunen har skrevet over."""


def localise_hint(base: yaml.Node, key_path: str, explanation: str) -> list[str]:
    """Comment lines, indented as the model's keys: the path and what to write, then how it
    is written in YAML with the base's current value (items of id lists as `- id: …`)."""
    said = f"{key_path}: {' '.join(explanation.split())}".rstrip(": ")
    wrapped = textwrap.wrap(said, 88, break_long_words=False, break_on_hyphens=False)
    lines = ["  #", *(f"  # {line}" for line in wrapped)]
    parts = key_path.split(".")
    node: yaml.Node | None = base
    indent = "  #   "
    for part in parts[:-1]:
        in_list = isinstance(node, yaml.SequenceNode)
        lines.append(
            f"{indent}- id: {yaml_scalar(part)}" if in_list else f"{indent}{yaml_key(part)}:"
        )
        indent += "  "
        node = at_path(node, part) if node is not None else None
    value = at_path(base, key_path)
    if isinstance(node, yaml.SequenceNode):  # the path names an item of an id list
        lines.append(f"{indent}- id: {yaml_scalar(parts[-1])}")
        if isinstance(value, yaml.MappingNode):
            rest = [(k, v) for k, v in value.value if k.value != "id"]
            item = yaml.MappingNode(value.tag, rest, value.start_mark, value.end_mark)
            lines += shown_lines(block_text(item), indent + "  ")
        return lines
    leaf = yaml_key(parts[-1])
    if value is None:
        lines.append(f"{indent}{leaf}:   # grunnmodellen har ingen verdi her")
    elif isinstance(value, yaml.ScalarNode) and value.style not in ("|", ">"):
        lines.append(f"{indent}{leaf}: {yaml_scalar(str(value.value))}")
    else:
        text = block_text(value)
        if isinstance(value, yaml.ScalarNode):  # a block scalar: `|` on the key's line
            style, _, text = text.partition("\n")  # the serializer indents the text itself
            lines += [f"{indent}{leaf}: {style}", *shown_lines(text, indent)]
        else:
            lines += [f"{indent}{leaf}:", *shown_lines(text, indent + "  ")]
    return lines


def block_text(node: yaml.Node) -> str:
    """A node as YAML text, as the base writes it (scalar styles and quotes kept)."""
    return (
        yaml.serialize(node, allow_unicode=True, width=88).removesuffix("\n").removesuffix("\n...")
    )


def shown_lines(text: str, indent: str) -> list[str]:
    """`text` as comment lines at `indent`, cut after MAX_HINT_LINES lines."""
    body = text.splitlines()
    lines = [f"{indent}{line}".rstrip() for line in body[:MAX_HINT_LINES]]
    if len(body) > MAX_HINT_LINES:
        lines.append(f"{indent}# … ({len(body) - MAX_HINT_LINES} linjer til i grunnmodellen)")
    return lines


# --- YAML text from values ---------------------------------------------------------


def yaml_scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as the same text: plain when it does,
    double-quoted (JSON's escapes, which YAML shares) otherwise."""
    plain = (
        text
        and text == text.strip()
        and "\n" not in text
        and not text.startswith(("'", '"', "#", "&", "*", "!", "|", ">", "%", "@", "`"))
        and ": " not in text
        and " #" not in text
    )
    if plain:
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def yaml_key(text: str) -> str:
    """`text` as a mapping key (plain for ids, quoted when YAML would read it otherwise)."""
    return yaml_scalar(text)


# --- the files -----------------------------------------------------------------------


def project_files(new_id: str, start: Start) -> dict[str, str]:
    """Every text file of the project, by its path in the folder."""

    values = {
        "id": new_id,
        "title": start.title,
        "model_comment": " ".join(start.title.split()),  # one comment line
        "site_name": yaml_scalar(" ".join(start.title.split()) or new_id),
        "language": yaml_scalar(start.language),
        "model": yaml_scalar(new_id),
        "hook_path": HOOK_PATH,
        "origin": textwrap.fill(start.origin, 92, break_long_words=False, break_on_hyphens=False),
        "inheritance": start.inheritance,
        "tool_source": TOOL_SOURCE,
    }
    templated = {
        "mkdocs.yml": "mkdocs.yml",
        "README.md": "README.md",
        "requirements.txt": "requirements.txt",
        ".gitignore": "gitignore",
        ".github/workflows/pages.yml": "github-pages.yml",
        ".gitlab-ci.yml": "gitlab-ci.yml",
    }
    files = {path: fill(template, values) for path, template in templated.items()}
    files[HOOK_PATH] = HOOK_FILE
    files[MODELS_FILE] = start.models_text
    files[SCHEMA_FILE] = schema_json()
    files["docs/maler/.gitkeep"] = ""  # MkDocs skips dotfiles; git keeps the folder
    return files


def fill(template: str, values: dict[str, str]) -> str:
    """A template file of the package with its `@@name@@` placeholders filled in."""
    text = resources.files("handlingsveileder").joinpath(TEMPLATES, template)
    return ProjectTemplate(text.read_text(encoding="utf-8")).substitute(values)


def write_atomically(target: Path, files: dict[str, str], glossary: Path | None) -> list[Path]:
    """Write `files` into a temporary folder beside `target`, then rename it to `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.lages-", dir=target.parent))
    try:
        os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp's folder is the owner's only
        written: list[Path] = []
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            written.append(target / name)
        if glossary is not None:
            shutil.copyfile(glossary, staging / "data" / glossary.name)
            written.append(target / "data" / glossary.name)
        if target.is_dir():
            target.rmdir()  # empty, as checked; a folder that filled up since is refused here
        staging.rename(target)
    except OSError as error:
        raise ScaffoldError(f"Kunne ikke skrive {target}: {error.strerror or error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sorted(written)


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
