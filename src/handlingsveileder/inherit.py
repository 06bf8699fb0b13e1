"""A model that `extends` a base: the base's node tree with the model's own values on top.

Merging happens on YAML nodes, before anything is built, so every value keeps the mark of
the file and line that wrote it: a problem in a value the base wrote points into the base,
one the kommune wrote points into its own file.

- A key the model writes replaces the base's value; a mapping under it (e.g. `emergency`,
  `roles`, one role) is merged key by key.
- A list whose items all have an `id` (levels, steps) is merged by id: an item with a
  base's id is merged into it, a new id is added at the end.
- Any other list (contacts, checklist …) is replaced as a whole.
- `remove: [id, …]` drops items of the base's id lists and keys of its id mappings.
- A base lists in `localise` (key path → explanation) what each kommune must write
  itself; a model that extends it and leaves one out is an error (`open_values`).

The base is found by `extends: <id>` in the same file, else among the bases shipped with
the package (`bases/`), or by `extends: file.yaml#<id>` (the path relative to the file).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ModelError, Problem, closest
from .load import compose_file

BASES_DIR = Path(__file__).parent / "bases"
EXTENDS, REMOVE, LOCALISE, ID = "extends", "remove", "localise", "id"
MAX_CHAIN = 10
"""A base may extend a base, at most this deep (also stops loops)."""
LOCALISE_KIND = "localise"
"""`Problem.kind` of a value a base marks as the kommune's to write."""


@dataclass(frozen=True)
class Origin:
    """Where one model of a chain stands: its own node, the file it was read from."""

    model_id: str
    node: yaml.MappingNode
    file: Path | None
    name: str
    root: yaml.MappingNode
    """The whole file the model stands in (its `extends: <id>` is looked up there first)."""


@dataclass(frozen=True)
class OpenValue:
    """A value the base marks as local that no model above it has written."""

    model_id: str
    key_path: str
    explanation: str
    base_id: str
    declared: yaml.Mark
    """Where the base's `localise` names it."""
    at: yaml.Mark
    """Where the model says which base it extends (or the model itself, for a base)."""


@dataclass
class Resolved:
    """The file's models with every `extends` resolved."""

    root: yaml.MappingNode
    chains: dict[str, list[Origin]] = field(default_factory=dict)
    """Each model's own node first, then its base, its base's base …"""
    open_values: list[OpenValue] = field(default_factory=list)


def shipped_bases() -> dict[str, Path]:
    """The bases that ship with the package, by model id: each file is named after the one
    model it holds (`bases/<id>.yaml`, a test holds them to it), so finding one reads
    only that file."""
    return {path.stem: path for path in sorted(BASES_DIR.glob("*.yaml"))}


def resolve(root: yaml.Node, name: str, file: Path | None) -> Resolved:
    """Every model of `root` merged with the bases it extends (raises ModelError)."""
    if not isinstance(root, yaml.MappingNode):
        return Resolved(root)  # type: ignore[arg-type]  # the constructor reports the shape
    problems: list[Problem] = []
    resolved = Resolved(root)
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    for key, value in root.value:
        model_id = str(key.value)
        if not isinstance(value, yaml.MappingNode) or value_of(value, EXTENDS) is None:
            pairs.append((key, value))
            removal = value_of(value, REMOVE) if isinstance(value, yaml.MappingNode) else None
            if removal is not None:
                message = "`remove` fjerner noe fra grunnmodellen, og virker bare med `extends`"
                own = Origin(model_id, value, file, name, root)
                problems.append(problem_at(own, removal, message))
            if isinstance(value, yaml.MappingNode) and value_of(value, LOCALISE) is not None:
                own = Origin(model_id, value, file, name, root)
                resolved.chains[model_id] = [own]
                resolved.open_values += open_values(model_id, [own], value.start_mark, problems)
            continue
        try:
            chain = base_chain(Origin(model_id, value, file, name, root))
        except ModelError as error:
            problems += error.problems
            pairs.append((key, value))
            continue
        merged: yaml.Node = chain[-1].node
        for overlay in reversed(chain[:-1]):
            merged = merge(merged, overlay.node, problems)
        pairs.append((key, merged))
        resolved.chains[model_id] = chain
        at = key_of(value, EXTENDS).start_mark
        resolved.open_values += open_values(model_id, chain, at, problems)
    if problems:
        raise ModelError(problems)
    resolved.root = yaml.MappingNode(root.tag, pairs, root.start_mark, root.end_mark)
    return resolved


def base_chain(own: Origin) -> list[Origin]:
    """The model, its base, the base's base …"""
    chain = [own]
    while True:
        current = chain[-1]
        extends = value_of(current.node, EXTENDS)
        if extends is None:
            return chain
        if len(chain) > MAX_CHAIN or not isinstance(extends, yaml.ScalarNode):
            raise ModelError([problem_at(current, extends, "`extends` skal være én modell-id")])
        base = find_base(str(extends.value), current)
        if any(origin.model_id == base.model_id and origin.file == base.file for origin in chain):
            message = f"modellene bygger på hverandre i ring ({extends.value})"
            raise ModelError([problem_at(current, extends, message)])
        chain.append(base)


def find_base(target: str, origin: Origin) -> Origin:
    """The model `target` names: `id` (the same file, then the shipped bases) or
    `file.yaml#id` (relative to the file that names it)."""
    extends = value_of(origin.node, EXTENDS)
    assert extends is not None
    if "#" in target:
        file_text, _, model_id = target.partition("#")
        folder = origin.file.parent if origin.file else Path.cwd()
        path = folder / file_text
        if not path.is_file():
            message = f"finner ikke filen '{file_text}' (sett fra {folder})"
            raise ModelError([problem_at(origin, extends, message)])
        return model_in(path, str(path), model_id, origin, extends)
    same_file = {str(k.value): v for k, v in origin.root.value}
    node = same_file.get(target)
    if target != origin.model_id and isinstance(node, yaml.MappingNode):
        return Origin(target, node, origin.file, origin.name, origin.root)
    bases = shipped_bases()
    if target in bases:
        return model_in(bases[target], str(bases[target]), target, origin, extends)
    known = sorted({*(k for k in same_file if k != origin.model_id), *bases})
    message = f"finner ikke modellen '{target}' å bygge på (kjente: {', '.join(known)})"
    raise ModelError([problem_at(origin, extends, message, closest(target, known))])


def model_in(path: Path, name: str, model_id: str, origin: Origin, at: yaml.Node) -> Origin:
    root = compose_file(path, name)
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == model_id and isinstance(value, yaml.MappingNode):
                return Origin(model_id, value, path, name, root)
    ids = [str(k.value) for k, _ in root.value] if isinstance(root, yaml.MappingNode) else []
    message = f"{name} har ingen modell '{model_id}' (modeller: {', '.join(ids) or 'ingen'})"
    raise ModelError([problem_at(origin, at, message, closest(model_id, ids))])


def problem_at(origin: Origin, node: yaml.Node, message: str, hint: str | None = None) -> Problem:
    mark = node.start_mark
    return Problem(origin.name, mark.line + 1, mark.column + 1, (origin.model_id,), message, hint)


# --- merging -------------------------------------------------------------------------


def merge(base: yaml.Node, over: yaml.Node, problems: list[Problem]) -> yaml.Node:
    """`over` on top of `base` (neither is changed)."""
    if isinstance(base, yaml.MappingNode) and isinstance(over, yaml.MappingNode):
        return merge_mappings(base, over, problems)
    if (
        isinstance(base, yaml.SequenceNode)
        and isinstance(over, yaml.SequenceNode)
        and ids_of(base) is not None
        and ids_of(over) is not None
    ):
        return merge_by_id(base, over, problems)
    return over


def merge_mappings(
    base: yaml.MappingNode, over: yaml.MappingNode, problems: list[Problem]
) -> yaml.MappingNode:
    own = {str(k.value): (k, v) for k, v in over.value if isinstance(k, yaml.ScalarNode)}
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    for key, value in base.value:
        word = str(key.value)
        if word in (REMOVE, EXTENDS):
            continue
        if word in own:
            over_key, over_value = own.pop(word)
            pairs.append((over_key, merge(value, over_value, problems)))
        else:
            pairs.append((key, value))
    removal = own.pop(REMOVE, None)
    own.pop(EXTENDS, None)
    pairs += own.values()
    if removal is not None:
        pairs = removed(pairs, removal[1], problems)
    return yaml.MappingNode(over.tag, pairs, over.start_mark, over.end_mark)


def merge_by_id(
    base: yaml.SequenceNode, over: yaml.SequenceNode, problems: list[Problem]
) -> yaml.SequenceNode:
    items: list[yaml.Node] = list(base.value)
    index = {item_id(item): i for i, item in enumerate(items)}
    for item in over.value:
        found = index.get(item_id(item))
        if found is None:
            index[item_id(item)] = len(items)
            items.append(item)
        else:
            items[found] = merge(items[found], item, problems)
    return yaml.SequenceNode(over.tag, items, over.start_mark, over.end_mark)


def removed(
    pairs: list[tuple[yaml.Node, yaml.Node]], removal: yaml.Node, problems: list[Problem]
) -> list[tuple[yaml.Node, yaml.Node]]:
    """`pairs` without the ids `removal` lists (items of id lists, keys of id mappings)."""
    wanted = removal.value if isinstance(removal, yaml.SequenceNode) else [removal]
    kept = list(pairs)
    for entry in wanted:
        target = str(entry.value) if isinstance(entry, yaml.ScalarNode) else ""
        hit = False
        for i, (key, value) in enumerate(kept):
            if isinstance(value, yaml.MappingNode) and any(
                k.value == target for k, _ in value.value
            ):
                if ids_of_mapping(value):
                    rest = [(k, v) for k, v in value.value if k.value != target]
                    kept[i] = (
                        key,
                        yaml.MappingNode(value.tag, rest, value.start_mark, value.end_mark),
                    )
                    hit = True
            elif isinstance(value, yaml.SequenceNode) and target in (ids_of(value) or ()):
                rest_items = [item for item in value.value if item_id(item) != target]
                kept[i] = (
                    key,
                    yaml.SequenceNode(value.tag, rest_items, value.start_mark, value.end_mark),
                )
                hit = True
        if not hit:
            mark = entry.start_mark
            problems.append(
                Problem(
                    str(mark.name),
                    mark.line + 1,
                    mark.column + 1,
                    (REMOVE,),
                    f"'{target}' finnes ikke i grunnmodellen, og kan ikke fjernes",
                )
            )
    return kept


def ids_of(node: yaml.SequenceNode) -> list[str] | None:
    """The ids of a list whose items are all mappings with an `id`, else None."""
    ids = [item_id(item) for item in node.value]
    return None if not ids or any(i is None for i in ids) else [str(i) for i in ids]


def ids_of_mapping(node: yaml.MappingNode) -> bool:
    """Whether a mapping is keyed by id (its values are mappings: roles, tools …)."""
    return bool(node.value) and all(isinstance(v, yaml.MappingNode) for _, v in node.value)


def item_id(item: yaml.Node) -> str | None:
    return text_of(item, ID)


def text_of(node: yaml.Node, word: str) -> str | None:
    """The text of `word` in a mapping node, when it is a single value."""
    found = value_of(node, word) if isinstance(node, yaml.MappingNode) else None
    return str(found.value) if isinstance(found, yaml.ScalarNode) else None


def key_of(node: yaml.MappingNode, word: str) -> yaml.Node:
    return next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == word)


def value_of(node: yaml.MappingNode, word: str) -> yaml.Node | None:
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == word:
            found: yaml.Node = value
            return found
    return None


# --- what the kommune must write itself --------------------------------------------


def at_path(node: yaml.Node, key_path: str) -> yaml.Node | None:
    """The node at a dotted key path (through mapping keys, and list items by id)."""
    for part in key_path.split("."):
        if isinstance(node, yaml.MappingNode):
            found = value_of(node, part)
        elif isinstance(node, yaml.SequenceNode):
            found = next((item for item in node.value if item_id(item) == part), None)
        else:
            found = None
        if found is None:
            return None
        node = found
    return node


def localise_entries(model: yaml.Node) -> list[tuple[str, str, yaml.Mark]]:
    """A model's own `localise` entries: key path, explanation and place."""
    entries = value_of(model, LOCALISE) if isinstance(model, yaml.MappingNode) else None
    if not isinstance(entries, yaml.MappingNode):
        return []
    return [
        (
            str(key.value),
            str(value.value) if isinstance(value, yaml.ScalarNode) else "",
            key.start_mark,
        )
        for key, value in entries.value
    ]


def localised(chain: list[Origin]) -> Iterator[tuple[int, str, str, yaml.Mark]]:
    """Each `localise` entry of the chain: the index of the base that declares it, its key
    path, explanation and place."""
    for index, origin in enumerate(chain):
        for key_path, explanation, mark in localise_entries(origin.node):
            yield index, key_path, explanation, mark


def open_values(
    model_id: str, chain: list[Origin], at: yaml.Mark, problems: list[Problem] | None = None
) -> list[OpenValue]:
    """The values the chain's bases mark as local that no model above them writes."""
    found: list[OpenValue] = []
    for index, key_path, explanation, mark in localised(chain):
        base = chain[index]
        # The base may leave the value itself out (a URL has no placeholder), not the
        # mapping or list item it belongs to: that is a mistyped path.
        parent = key_path.rpartition(".")[0]
        if parent and at_path(base.node, parent) is None and problems is not None:
            problems.append(
                Problem(
                    str(mark.name),
                    mark.line + 1,
                    mark.column + 1,
                    (base.model_id, LOCALISE, key_path),
                    f"'{key_path}' finnes ikke i grunnmodellen '{base.model_id}'",
                )
            )
            continue
        if not any(at_path(over.node, key_path) is not None for over in chain[:index]):
            found.append(OpenValue(model_id, key_path, explanation, base.model_id, mark, at))
    return found


def open_message(value: OpenValue) -> str:
    where = f"{value.declared.name}:{value.declared.line + 1}"
    explained = f" ({value.explanation})" if value.explanation else ""
    return (
        f"'{value.key_path}' må fylles ut lokalt{explained}: grunnmodellen "
        f"'{value.base_id}' merker verdien som kommunens egen ({where})"
    )
