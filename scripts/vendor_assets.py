#!/usr/bin/env python3
"""Fetch the pinned Mermaid and axe-core from the npm registry and vendor them.

Run it only to update a pinned version: the vendored files are committed, so neither a
build nor the tests need the network. Each tarball is checked against its pinned
integrity hash before anything is unpacked.

    python3 scripts/vendor_assets.py
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PACKAGES = {
    "mermaid": {
        "version": "12.3.0",
        "integrity": "sha512-4113TdXeLAsMruJ79OpFL5O8+LTFXhQqZ260rF3tgUmiNAtRm4Uume04I+65PRN6yZ69J4f8rVYWW8zRk65UYw==",  # noqa: E501
        "target": ROOT / "src/handlingsveileder/theme/assets/vendor/mermaid",
        # The ESM build and its lazily imported chunks; no source maps.
        "keep": lambda name: (
            name in ("package/LICENSE", "package/dist/mermaid.esm.min.mjs")
            or (name.startswith("package/dist/chunks/mermaid.esm.min/") and name.endswith(".mjs"))
        ),
    },
    "axe-core": {
        "version": "4.14.1",
        "integrity": "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",  # noqa: E501
        "target": ROOT / "tests/vendor/axe-core",
        "keep": lambda name: (
            name in ("package/LICENSE", "package/LICENSE-3RD-PARTY.txt", "package/axe.min.js")
        ),
    },
}


def integrity(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def vendor(name: str, spec: dict) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", f"{name}@{spec['version']}", "--silent"],
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        tarball = next(Path(tmp).glob("*.tgz"))
        found = integrity(tarball)
        if found != spec["integrity"]:
            sys.exit(f"{name}: integrity mismatch: {found}")
        target: Path = spec["target"]
        if target.exists():
            shutil.rmtree(target)
        with tarfile.open(tarball) as archive:
            for member in archive.getmembers():
                if not member.isfile() or not spec["keep"](member.name):
                    continue
                relative = member.name.removeprefix("package/").removeprefix("dist/")
                destination = target / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                source = archive.extractfile(member)
                assert source is not None
                destination.write_bytes(source.read())
        (target / "VERSION").write_text(f"{name}@{spec['version']} {spec['integrity']}\n")
        print(f"{name}@{spec['version']} → {target.relative_to(ROOT)}")


if __name__ == "__main__":
    for package, spec in PACKAGES.items():
        vendor(package, spec)
