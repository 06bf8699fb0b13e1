"""Who to call in an emergency: the model's own contacts, or the national numbers.

A guide whose source gives no numbers shows the national ones from this project's list,
marked on the site as added by the publishing tool (the setting `national_numbers: false`
turns that off).
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import labels
from .model import Contact, Model


@dataclass(frozen=True)
class EmergencyView:
    text: str
    """When to call (Markdown): the model's words, or the tool's when the numbers are added."""
    contacts: tuple[Contact, ...]
    added_by_tool: bool
    """The contacts are the national numbers, not the source's."""


def national_contacts(language: str) -> tuple[Contact, ...]:
    """The national numbers, in the site's language form."""
    words = labels(language)
    return (
        Contact(words["nat_police"], "112"),
        Contact(words["nat_medical"], "113"),
        Contact(words["nat_alarm"], "116 111", words["nat_all_day"]),
        Contact(words["nat_child_welfare"], "112", words["nat_via_police"]),
    )


def emergency_view(model: Model, national_numbers: bool) -> EmergencyView | None:
    """What the emergency box and bar show, or None when there is nothing to show."""
    own = model.emergency
    if own and own.contacts:
        return EmergencyView(own.text, own.contacts, False)
    if national_numbers:
        text = own.text if own else labels(model.language)["national_text"]
        return EmergencyView(text, national_contacts(model.language), True)
    return EmergencyView(own.text, (), False) if own else None


def has_acute_section(model: Model, national_numbers: bool) -> bool:
    """The front page has its «Akutt» section (`#akutt`): numbers to call or standing rules."""
    return emergency_view(model, national_numbers) is not None or bool(model.warnings)
