"""What a model that `extends` a base changes, and which of its changes went stale.

`handlingsveileder diff <id>` lists every value the kommune's model writes over the base
(changed, added, removed, or written the same as the base), each at its line. When the
base changes later (a new version of the tool's base, or the kommune's own shared base),
a change made against the old value may need a second look: `diff --godta` records the
base's value behind each change in a file beside the models file
(`<models>.grunnlag.json`), and `diff` marks a change as stale when the base's value is no
longer the one recorded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .inherit import EXTENDS, ID, LOCALISE, REMOVE, Origin, ids_of, item_id, merge, value_of

CHANGED, ADDED, REMOVED, SAME = "endret", "ny", "fjernet", "lik grunnmodellen"


@dataclass(frozen=True)
class Override:
    """One value the model writes over its base."""

    key_path: str
    change: str
    """CHANGED, ADDED, REMOVED or SAME."""
    mark: yaml.Mark
    base_value: str | None
    """A fingerprint of the base's value here (None where the base has none)."""


def record_path(models_file: Path) -> Path:
    """The file that keeps the base's values behind the accepted changes."""
    return models_file.with_name(models_file.stem + ".grunnlag.json")


def overrides(chain: list[Origin]) -> list[Override]:
    """The changes the chain's first model makes to its base (the rest of the chain)."""
    base = chain[-1].node
    for origin in reversed(chain[1:-1]):
        base = merge(base, origin.node, [])  # type: ignore[assignment]
    found: list[Override] = []
    walk(base, chain[0].node, (), found)
    return found


def walk(base: yaml.Node, over: yaml.Node, path: tuple[str, ...], found: list[Override]) -> None:
    if isinstance(base, yaml.MappingNode) and isinstance(over, yaml.MappingNode):
        for key, value in over.value:
            word = str(key.value)
            if word in (EXTENDS, LOCALISE) or (word == ID and path):
                continue
            if word == REMOVE:
                entries = value.value if isinstance(value, yaml.SequenceNode) else [value]
                for entry in entries:
                    found.append(
                        Override(dotted(path, str(entry.value)), REMOVED, entry.start_mark, None)
                    )
                continue
            inner = value_of(base, word)
            if inner is None:
                found.append(Override(dotted(path, word), ADDED, key.start_mark, None))
            else:
                walk(inner, value, (*path, word), found)
        return
    if (
        isinstance(base, yaml.SequenceNode)
        and isinstance(over, yaml.SequenceNode)
        and ids_of(base) is not None
        and ids_of(over) is not None
    ):
        for item in over.value:
            ident = str(item_id(item))
            inner = next((b for b in base.value if item_id(b) == ident), None)
            if inner is None:
                found.append(Override(dotted(path, ident), ADDED, item.start_mark, None))
            else:
                walk(inner, item, (*path, ident), found)
        return
    same = plain(base) == plain(over)
    change = SAME if same else CHANGED
    found.append(Override(".".join(path), change, over.start_mark, fingerprint(base)))


def dotted(path: tuple[str, ...], last: str) -> str:
    return ".".join((*path, last))


def plain(node: yaml.Node) -> Any:
    """A node as plain data (texts as written), to compare and to fingerprint."""
    if isinstance(node, yaml.MappingNode):
        return [[plain(k), plain(v)] for k, v in node.value]
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    return str(node.value)


def fingerprint(node: yaml.Node) -> str:
    text = json.dumps(plain(node), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_record(models_file: Path) -> dict[str, dict[str, str]]:
    path = record_path(models_file)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_record(models_file: Path, model_id: str, found: list[Override]) -> Path:
    """Record the base's values behind the model's changes as accepted."""
    record = read_record(models_file)
    record[model_id] = {o.key_path: o.base_value for o in found if o.base_value is not None}
    path = record_path(models_file)
    text = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return path


def report(
    model_id: str, chain: list[Origin], found: list[Override], record: dict[str, str] | None
) -> list[str]:
    """The lines `diff` prints."""
    base = chain[1].model_id if len(chain) > 1 else "?"
    if not found:
        return [f"{model_id} bygger på {base} og endrer ingenting."]
    lines = [f"{model_id} bygger på {base} og endrer {len(found)} verdier:"]
    stale = 0
    for item in found:
        where = f"{item.mark.name}:{item.mark.line + 1}"
        line = f"  {item.change:<17} {item.key_path}  ({where})"
        accepted = (record or {}).get(item.key_path)
        if record is not None and item.base_value is not None:
            if accepted is None:
                line += "  [ikke godtatt ennå]"
            elif accepted != item.base_value:
                line += "  [FORELDET: grunnmodellen har endret verdien siden endringen ble godtatt]"
                stale += 1
        lines.append(line)
    if record is None:
        lines.append(
            "Ingen endringer er godtatt ennå: `handlingsveileder diff "
            f"{model_id} --godta` husker grunnmodellens verdier, så senere endringer i den vises."
        )
    elif stale:
        lines.append(
            f"{stale} endringer er foreldet: se over hva grunnmodellen nå sier, og kjør "
            f"`handlingsveileder diff {model_id} --godta` når de er gått gjennom."
        )
    return lines
