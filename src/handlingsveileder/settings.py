"""The one reader of a build's settings: mkdocs.yml, the HV_MODEL variable and CLI options.

Order of precedence for the model: the command line's `--model`, then `HV_MODEL`, then
`extra.handlingsveileder.model` in mkdocs.yml. The data file: `--data`, then
`extra.handlingsveileder.data`, then `data/models.yaml`; a relative path is relative to
the folder of mkdocs.yml.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from .branding import HEX, Brand, brand_warnings
from .link_safety import url_field_problem as link_problem

SETTINGS_KEY = "handlingsveileder"
"""`extra.handlingsveileder` in mkdocs.yml: `data` (the YAML file) and `model` (its id)."""
ENV_MODEL = "HV_MODEL"
ENV_DIAGRAMS = "HV_DIAGRAMS"
"""Overrides `extra.handlingsveileder.diagrams` (`svg` or `client`), e.g. for a comparison."""
DEFAULT_DATA = Path("data/models.yaml")
DEFAULT_CONFIG = Path("mkdocs.yml")


DIAGRAM_MODES = ("svg", "client")
EMAIL = re.compile(r"^[^@\s/:<>\"']+@[^@\s/:<>\"']+\.[a-zA-Z]{2,}$")


class SettingsError(Exception):
    """A setting that cannot be used; the message is for the editor."""


@dataclass(frozen=True)
class Accessibility:
    """The kommune's accessibility statement (tilgjengelighetserklæring), linked from every
    page's footer: `extra.handlingsveileder.accessibility` in mkdocs.yml."""

    statement: str
    """Its address: the statement published on uustatus.no, or the kommune's own page."""
    feedback: str | None = None
    """Where readers report barriers: an e-mail address or a web address."""

    @property
    def feedback_href(self) -> str | None:
        if self.feedback is None:
            return None
        return f"mailto:{self.feedback}" if EMAIL.match(self.feedback) else self.feedback


ACCESSIBILITY_MISSING = (
    f"extra.{SETTINGS_KEY}.accessibility mangler i mkdocs.yml: et offentlig nettsted skal "
    "lenke til sin tilgjengelighetserklæring fra hver side. Sett `statement` til adressen på "
    "uustatus.no (eller kommunens egen side) og `feedback` til e-postadressen for tilbakemeldinger"
)


@dataclass(frozen=True)
class Settings:
    config_dir: Path
    """The folder of mkdocs.yml (absolute)."""
    data: Path
    """The model file (absolute)."""
    model_id: str | None
    """The model to build, if one is chosen."""
    model_origin: str = ""
    """Where the model was chosen, for messages: '--model', 'HV_MODEL' or 'mkdocs.yml:52'."""
    data_shown: str = ""
    """The model file as the editor named it (`--data` as typed, or mkdocs.yml's `data`)."""
    docs_dir: Path | None = None
    """The folder of the kommune's own files (mkdocs.yml's `docs_dir`), when known."""
    diagrams: str = "svg"
    """`svg`: flowcharts drawn at build time and sent as SVG; `client`: drawn in the
    reader's browser by the vendored Mermaid (also the fallback for `svg`)."""
    national_numbers: bool = True
    """A model whose source gives no emergency numbers shows the national ones (112, 113,
    116 111), marked as added by the publishing tool; `false` turns that off."""
    accessibility: Accessibility | None = None
    """The accessibility statement every page links to; None: the build warns."""
    brand: Brand | None = None
    """The kommune's colours (hex), in place of Material's named palette colours."""
    guides: tuple[str, ...] = ()
    """Several guides published as one site (`models`): each in its own folder, with a
    page to choose between them. Empty when --model or HV_MODEL chooses one."""

    def chosen_model(self) -> str:
        if not self.model_id and self.guides:
            return self.guides[0]
        if not self.model_id:
            raise SettingsError(
                f"ingen modell valgt: sett extra.{SETTINGS_KEY}.model i mkdocs.yml eller "
                f"{ENV_MODEL}"
            )
        return self.model_id


def resolve(
    extra: Mapping[str, Any] | None,
    config_dir: Path,
    env: Mapping[str, str],
    *,
    model: str | None = None,
    data: Path | None = None,
) -> Settings:
    """Settings from mkdocs.yml's `extra`, the environment and the command line's options."""
    section = (extra or {}).get(SETTINGS_KEY) or {}
    if not isinstance(section, Mapping):
        raise SettingsError(f"extra.{SETTINGS_KEY} i mkdocs.yml må være en oppslagstabell")
    config_dir = config_dir.resolve()
    written = str(data) if data else str(section.get("data", DEFAULT_DATA))
    data_path = data.resolve() if data else config_dir / written
    chosen: object
    if model:
        chosen, origin = model, f"--model {model}"
    elif env.get(ENV_MODEL):
        chosen, origin = env[ENV_MODEL], f"{ENV_MODEL}={env[ENV_MODEL]}"
    else:
        chosen = section.get("model")
        origin = f"extra.{SETTINGS_KEY}.model i mkdocs.yml"
    if env.get(ENV_DIAGRAMS):
        diagrams, where = env[ENV_DIAGRAMS], ENV_DIAGRAMS
    else:
        diagrams = str(section.get("diagrams", "svg"))
        where = f"extra.{SETTINGS_KEY}.diagrams i mkdocs.yml"
    if diagrams not in DIAGRAM_MODES:
        raise SettingsError(
            f"{where}: ukjent verdi '{diagrams}' (bruk {' eller '.join(DIAGRAM_MODES)})"
        )
    national = section.get("national_numbers", True)
    if not isinstance(national, bool):
        raise SettingsError(
            f"extra.{SETTINGS_KEY}.national_numbers i mkdocs.yml må være true eller false, "
            f"ikke '{national}'"
        )
    return Settings(
        config_dir,
        data_path,
        str(chosen) if chosen else None,
        origin,
        written,
        diagrams=diagrams,
        national_numbers=national,
        accessibility=read_accessibility(section.get("accessibility")),
        brand=read_brand(section.get("brand")),
        # A model chosen by --model or HV_MODEL is built alone, whatever `models` lists.
        guides=() if model or env.get(ENV_MODEL) else read_guides(section.get("models")),
    )


def read_guides(value: object) -> tuple[str, ...]:
    """`extra.handlingsveileder.models`: the ids of the guides one site publishes."""
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise SettingsError(
            f"extra.{SETTINGS_KEY}.models i mkdocs.yml må være en liste med modell-id-er, "
            "f.eks. [skole, barnehage]"
        )
    return tuple(value)


def read_brand(section: object) -> Brand | None:
    """`extra.handlingsveileder.brand`: `primary` (required) and `accent`, as #rrggbb."""
    where = f"extra.{SETTINGS_KEY}.brand"
    if section is None:
        return None
    if not isinstance(section, Mapping):
        raise SettingsError(f"{where} i mkdocs.yml må være en oppslagstabell med `primary`")
    unknown = sorted(str(key) for key in section if key not in ("primary", "accent"))
    if unknown:
        raise SettingsError(
            f"{where}.{unknown[0]} i mkdocs.yml: ukjent nøkkel (bruk primary og accent)"
        )
    colours: dict[str, str | None] = {}
    for key in ("primary", "accent"):
        value = section.get(key)
        if value is None and key == "accent":
            colours[key] = None
            continue
        if not isinstance(value, str) or not HEX.match(value.strip()):
            raise SettingsError(
                f"{where}.{key} i mkdocs.yml: '{value}' er ingen farge; skriv den som #rrggbb "
                'i anførselstegn, f.eks. "#005aa0"'
            )
        colours[key] = value.strip().lower()
    return Brand(str(colours["primary"]), colours["accent"])


def site_warnings(settings: Settings) -> list[str]:
    """What mkdocs.yml lacks or gets wrong without stopping the build."""
    found = [] if settings.accessibility else [ACCESSIBILITY_MISSING]
    return found + brand_warnings(settings.brand)


def read_accessibility(section: object) -> Accessibility | None:
    """`extra.handlingsveileder.accessibility`: `statement` (required) and `feedback`."""
    where = f"extra.{SETTINGS_KEY}.accessibility"
    if section is None:
        return None
    if not isinstance(section, Mapping):
        raise SettingsError(
            f"{where} i mkdocs.yml må være en oppslagstabell med `statement` og `feedback`"
        )
    unknown = sorted(str(key) for key in section if key not in ("statement", "feedback"))
    if unknown:
        raise SettingsError(
            f"{where}.{unknown[0]} i mkdocs.yml: ukjent nøkkel (bruk statement og feedback)"
        )
    statement = section.get("statement")
    if not isinstance(statement, str) or not statement.strip():
        raise SettingsError(
            f"{where}.statement i mkdocs.yml mangler: sett adressen til "
            "tilgjengelighetserklæringen (på uustatus.no, eller kommunens egen side)"
        )
    statement = statement.strip()
    if not statement.startswith(("https://", "http://")) or link_problem(statement):
        problem = link_problem(statement) or f"'{statement}' er ingen nettadresse (https://…)"
        raise SettingsError(f"{where}.statement i mkdocs.yml: {problem}")
    feedback = section.get("feedback")
    if feedback is not None:
        if not isinstance(feedback, str) or not feedback.strip():
            raise SettingsError(f"{where}.feedback i mkdocs.yml må være en e-postadresse")
        feedback = feedback.strip()
        if not EMAIL.match(feedback) and (
            not feedback.startswith(("https://", "http://")) or link_problem(feedback)
        ):
            raise SettingsError(
                f"{where}.feedback i mkdocs.yml: '{feedback}' er verken en e-postadresse "
                "eller en nettadresse (https://…)"
            )
    return Accessibility(statement, feedback)


def from_config_file(
    config_file: Path, *, model: str | None = None, data: Path | None = None
) -> Settings:
    """Settings for the command line: mkdocs.yml read without MkDocs, then HV_MODEL."""
    settings = resolve(
        read_extra(config_file), config_file.parent, os.environ, model=model, data=data
    )
    docs = read_config(config_file).get("docs_dir", "docs")
    return replace(settings, docs_dir=settings.config_dir / str(docs))


def read_extra(config_file: Path) -> Mapping[str, Any]:
    """The `extra` section of mkdocs.yml."""
    extra = read_config(config_file).get("extra")
    return extra if isinstance(extra, Mapping) else {}


def read_config(config_file: Path) -> Mapping[str, Any]:
    """mkdocs.yml as data (its `!!python/…` tags are read as nothing), without MkDocs."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    try:
        with config_file.open(encoding="utf-8") as handle:
            config = yaml.load(handle, Loader=Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SettingsError(f"{config_file}: kan ikke lese konfigurasjonsfilen ({error})") from None
    return config if isinstance(config, dict) else {}
