"""The `handlingsveileder` command: check, build, export."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import ModelError
from .validate import load_models

DEFAULT_DATA = Path("data/models.yaml")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="handlingsveileder",
        description="Lag nettsted for en handlingsveileder fra data/models.yaml.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    check = commands.add_parser("check", help="kontroller modellfilen og vis alle feil")
    check.add_argument("file", nargs="?", type=Path, default=DEFAULT_DATA, metavar="FIL")

    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return run_check(args.file)
    except ModelError as error:
        print(error.report(), file=sys.stderr)
        return 1
    return 2


def run_check(path: Path) -> int:
    models = load_models(path, display_name=str(path))
    steps = sum(len(model.all_steps()) for model in models.values())
    print(f"{path}: {len(models)} modeller, {steps} steg, ingen feil ({', '.join(models)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
