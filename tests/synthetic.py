"""Generated models of any size, for the scaling tests and `bench/model_scale.py`.

The shape follows the real guides: levels of a few dozen steps, a decision every fifth step
(one way on, one jump to the next level), deadlines, roles, tools with templates, and a
report exit at the top. Nothing here is shown as a kommune's content.
"""

from __future__ import annotations

from typing import Any

TEMPLATES = ("referatmal", "observasjonsskjema", "samtykkeskjema", "bekymringsmelding")


def synthetic_model(steps: int, per_level: int = 25) -> dict[str, Any]:
    """A valid model with `steps` steps in levels of `per_level` (the last may be shorter)."""
    level_count = max(1, -(-steps // per_level))
    levels: list[dict[str, Any]] = []
    made = 0
    for number in range(1, level_count + 1):
        count = min(per_level, steps - made)
        level_steps: list[dict[str, Any]] = []
        for index in range(1, count + 1):
            made += 1
            step: dict[str, Any] = {
                "id": f"l{number}-s{index}",
                "number": str(index),
                "title": f"Steg {index} på nivå {number}: vurder tiltak nummer {made}",
                "text": f"Beskrivelse av steg {made}. Dokumenter det som blir avtalt.",
                "who": "kontaktperson",
                "tools": [TEMPLATES[made % len(TEMPLATES)]],
            }
            if made % 3 == 0:
                step["deadline"] = "innen 2 uker"
            last_of_level = index == count
            if last_of_level and number == level_count:
                step["outcomes"] = [
                    {"label": "Bekymringen består", "goto": "melding"},
                    {"label": "Bekymringen er borte", "goto": "end"},
                ]
            elif last_of_level:
                step["next"] = [f"niva-{number + 1}"]
            elif index % 5 == 0:
                step["question"] = f"Hjelper tiltak {made}?"
                step["outcomes"] = [
                    {"label": "Ja", "goto": f"l{number}-s{index + 1}"},
                    {"label": "Nei", "goto": f"niva-{number + 1}"}
                    if number < level_count
                    else {"label": "Nei", "goto": "melding"},
                ]
            level_steps.append(step)
        levels.append(
            {
                "id": f"niva-{number}",
                "name": f"Nivå {number}",
                "number": str(number),
                "purpose": f"Formålet med nivå {number}.",
                "steps": level_steps,
            }
        )
    return {
        "title": f"Generert veileder med {steps} steg",
        "language": "nb",
        "intro": "En generert modell for målinger av byggetid.",
        "roles": {"kontaktperson": {"name": "Kontaktperson"}},
        "exits": {"melding": {"kind": "report"}},
        "tools": {
            template: {"name": f"Mal: {template}", "template": template} for template in TEMPLATES
        },
        "levels": levels,
    }
