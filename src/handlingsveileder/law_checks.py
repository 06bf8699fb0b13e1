"""Checks of a model's legal references against the registry of laws (`laws.py`).

An unknown `law` is reported by `checks.check_choices` (the field is a `OneOf` of the
registry's ids); here: a malformed `section`, a `section` without its `law`, a reference
that names nothing, and (as a warning) a law that is no longer in force.
"""

from __future__ import annotations

from .laws import LAWS, repealed_message, section_problem
from .model import Model
from .reporter import Reporter


def check_legal(model: Model, reporter: Reporter) -> None:
    for legal_id, ref in model.legal.items():
        if ref.name is None and ref.law is None:
            reporter.report(
                ref,
                None,
                f"lovhenvisningen '{legal_id}' har verken name eller law: skriv `name` slik "
                "kilden skriver henvisningen, eller `law` og `section` (f.eks. law: bvl, "
                'section: "13-2")',
            )
        if ref.section is not None:
            if ref.law is None:
                reporter.report(
                    ref,
                    "section",
                    "section brukes bare sammen med law: skriv hvilken lov paragrafen står i, "
                    "f.eks. law: fvl",
                )
            elif problem := section_problem(ref.section):
                reporter.report(ref, "section", problem)
        law = LAWS.get(ref.law) if ref.law is not None else None
        if law is not None and (message := repealed_message(law, model.language)):
            reporter.report(ref, "law", message, warning=True)
