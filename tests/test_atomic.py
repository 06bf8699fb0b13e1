"""`atomic.replace_dir`: swaps, crash recovery, real SIGKILLs, locking, modes and errors.

Everything runs against the real filesystem. The only stand-in is `renames` mode, where
`atomic._exchange` reports "not supported" to exercise the two-rename path that filesystems
without renameat2(RENAME_EXCHANGE) get.
"""

from __future__ import annotations

import errno
import hashlib
import inspect
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from handlingsveileder import atomic
from handlingsveileder.atomic import OutputError, replace_dir

UNCHANGED = "er ikke endret"


def write_site(folder: Path, label: str, count: int = 12, pause: float = 0.0005) -> None:
    """A small site: pages, then manifest.json, then the FERDIG marker last of all."""
    manifest = {}
    for i in range(count):
        page = folder / f"del{i % 3}" / f"side{i}.html"
        page.parent.mkdir(exist_ok=True)
        text = f"{label} side {i}\n" * 40
        page.write_text(text, encoding="utf-8")
        manifest[page.relative_to(folder).as_posix()] = hashlib.sha256(text.encode()).hexdigest()
        time.sleep(pause)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "FERDIG").write_text(label, encoding="utf-8")


def read_site(folder: Path) -> str:
    """The label of a complete site; fails if anything is missing, extra or half-written."""
    label = (folder / "FERDIG").read_text(encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert files == set(manifest) | {"manifest.json", "FERDIG"}
    for name, digest in manifest.items():
        content = (folder / name).read_bytes()
        assert hashlib.sha256(content).hexdigest() == digest
        assert content.startswith(label.encode())
    return label


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every path under `folder` with its mode and content, for byte-for-byte comparison."""
    found = {".": (os.lstat(folder).st_mode, b"")}
    for path in sorted(folder.rglob("*")):
        content = path.read_bytes() if path.is_file() else b""
        found[path.relative_to(folder).as_posix()] = (os.lstat(path).st_mode, content)
    return found


def leftovers(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


def build(target: Path, label: str, **options: float) -> None:
    with replace_dir(target, **options) as staging:
        write_site(staging, label)


@pytest.fixture(params=["exchange", "renames"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "renames":
        monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    return str(request.param)


def test_exchange_is_supported_here(tmp_path: Path) -> None:
    """Without renameat2 the `exchange` runs below would silently test the fallback."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "fra-a").touch()
    if not atomic._exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("filsystemet kan ikke bytte mapper atomisk (renameat2)")
    assert (tmp_path / "b" / "fra-a").exists()
    assert not (tmp_path / "a" / "fra-a").exists()


def test_success_swaps_and_leaves_no_leftovers(tmp_path: Path, mode: str) -> None:
    target = tmp_path / "site"
    build(target, "første")
    build(target, "andre")
    assert read_site(target) == "andre"
    assert sorted(os.listdir(tmp_path)) == ["site"]


def test_modes_are_0755_and_0644_whatever_the_umask(tmp_path: Path) -> None:
    outside = tmp_path / "hemmelig.txt"
    outside.write_text("x")
    outside.chmod(0o600)
    previous = os.umask(0o077)
    try:
        with replace_dir(tmp_path / "site") as staging:
            write_site(staging, "modus")
            (staging / "skript.sh").write_text("#!/bin/sh\n")
            (staging / "skript.sh").chmod(0o700)
            (staging / "lenke").symlink_to(outside)
    finally:
        os.umask(previous)
    target = tmp_path / "site"
    for path in [target, *target.rglob("*")]:
        if not path.is_symlink():
            assert stat.S_IMODE(path.lstat().st_mode) == (0o755 if path.is_dir() else 0o644)
    assert stat.S_IMODE(outside.stat().st_mode) == 0o600  # a symlink is not followed


def test_symlinked_target_stays_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "www").mkdir()
    (tmp_path / "site").symlink_to(tmp_path / "www")
    build(tmp_path / "site", "via lenke")
    assert (tmp_path / "site").is_symlink()
    assert read_site(tmp_path / "www") == "via lenke"


def test_failure_inside_block_leaves_old_site_byte_for_byte(tmp_path: Path, mode: str) -> None:
    target = tmp_path / "site"
    build(target, "gammel")
    (target / "del0" / "side0.html").chmod(0o600)
    before = snapshot(target)
    with pytest.raises(RuntimeError, match="midt i bygget"), replace_dir(target) as staging:
        write_site(staging, "ny", count=4)
        raise RuntimeError("midt i bygget")
    assert snapshot(target) == before
    assert leftovers(target) == []


def test_oserror_about_inputs_passes_through_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "site"
    build(target, "gammel")
    with pytest.raises(FileNotFoundError), replace_dir(target):
        (tmp_path / "finnes-ikke.yaml").read_text()
    assert read_site(target) == "gammel"
    assert leftovers(target) == []


# Crash states: what a SIGKILL at each step leaves behind, built by hand.


def make_readonly(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        path.chmod(0o555 if path.is_dir() else 0o444)
    folder.chmod(0o555)


def test_recovery_removes_staging_left_by_a_killed_build(tmp_path: Path, mode: str) -> None:
    target = tmp_path / "site"
    build(target, "gammel")
    for half in (tmp_path / ".site.bygges-abc123", tmp_path / ".site.bygges-xyz"):
        half.mkdir()
        write_site(half, "halvt", count=5)
        (half / "FERDIG").unlink()
    make_readonly(tmp_path / ".site.bygges-xyz")
    (tmp_path / ".site.lås").touch()  # a dead builder's lock file holds no lock
    before = snapshot(target)
    with replace_dir(target, wait=1) as staging:
        assert set(leftovers(target)) == {".site.lås", staging.name}
        assert snapshot(target) == before
        write_site(staging, "ny")
    assert read_site(target) == "ny"
    assert leftovers(target) == []


def test_recovery_puts_old_site_back_when_target_is_missing(tmp_path: Path, mode: str) -> None:
    """A kill between the two renames: the old site is out, the new one not yet in."""
    target = tmp_path / "site"
    build(target, "gammel")
    target.rename(tmp_path / ".site.gammel")
    (tmp_path / ".site.bygges-ny").mkdir()
    write_site(tmp_path / ".site.bygges-ny", "ny")
    with pytest.raises(RuntimeError), replace_dir(target):
        assert read_site(target) == "gammel"  # healed before the build starts
        raise RuntimeError("bygget feiler")
    assert read_site(target) == "gammel"
    assert leftovers(target) == []
    build(target, "nyere")
    assert read_site(target) == "nyere"


def test_recovery_drops_old_site_when_both_exist(tmp_path: Path, mode: str) -> None:
    """A kill after the swap, while the old site was being deleted (even a read-only one)."""
    target = tmp_path / "site"
    build(target, "ny")
    (tmp_path / ".site.gammel").mkdir()
    write_site(tmp_path / ".site.gammel", "gammel", count=5)
    (tmp_path / ".site.gammel" / "FERDIG").unlink()
    make_readonly(tmp_path / ".site.gammel")
    with pytest.raises(RuntimeError), replace_dir(target):
        assert ".site.gammel" not in leftovers(target)
        assert read_site(target) == "ny"
        raise RuntimeError("bygget feiler")
    assert read_site(target) == "ny"
    assert leftovers(target) == []


def test_read_only_site_does_not_break_later_builds(tmp_path: Path, mode: str) -> None:
    """The audit's case: after a read-only site/, every later build crashed."""
    target = tmp_path / "site"
    build(target, "gammel")
    make_readonly(target)
    build(target, "ny")
    make_readonly(target)
    build(target, "nyere")
    assert read_site(target) == "nyere"
    assert leftovers(target) == []


# Real kills.

# Child processes load atomic.py by its path: quick to start, and independent of the rest
# of the package. argv[1] is that path, argv[2] the target, argv[3] the mode or wait.
HEADER = """
import hashlib, importlib.util, json, sys, time
from pathlib import Path
spec = importlib.util.spec_from_file_location("atomic", sys.argv[1])
atomic = importlib.util.module_from_spec(spec)
spec.loader.exec_module(atomic)
target = Path(sys.argv[2])
"""

CHILD = """
if sys.argv[3] == "renames":
    atomic._exchange = lambda a, b: False
print("klar", flush=True)
for n in range(1, 10**9):
    with atomic.replace_dir(target) as staging:
        write_site(staging, f"bygg-{n}")
"""


def python(script: str, *args: str) -> list[str]:
    """A command running HEADER, `write_site` and `script` in a fresh Python."""
    source = HEADER + inspect.getsource(write_site) + script
    return [sys.executable, "-c", source, str(atomic.__file__), *args]


def spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        python(script, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_at_random_moments_never_loses_the_site(tmp_path: Path, mode: str) -> None:
    target = tmp_path / "site"
    build(target, "start")
    chance = random.Random(20240611)
    states = {"halve bygg igjen": 0, "site mangler, .site.gammel finnes": 0}
    for kill in range(30 if mode == "exchange" else 20):
        child = spawn(CHILD, str(target), mode)
        assert child.stdout is not None and child.stdout.readline() == "klar\n"
        time.sleep(chance.uniform(0.0, 0.45))
        child.send_signal(signal.SIGKILL)
        _, stderr = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL, stderr
        if any(".bygges-" in name for name in leftovers(target)):
            states["halve bygg igjen"] += 1
        if not target.exists():
            # Only the two-rename fallback has this window; the next start heals it.
            assert mode == "renames"
            states["site mangler, .site.gammel finnes"] += 1
            assert read_site(tmp_path / ".site.gammel").startswith(("bygg-", "start"))
        else:
            assert read_site(target).startswith(("bygg-", "start"))
        if kill % 5 == 4:  # now and then the test builds; otherwise the next child heals
            build(target, f"kontroll-{kill}")
            assert read_site(target) == f"kontroll-{kill}"
            assert leftovers(target) == []
    print(mode, states)
    assert states["halve bygg igjen"] > 0  # the kills really did land mid-build


# Overlapping builds in two processes.

HOLDER = """
with atomic.replace_dir(target) as staging:
    print("inne", flush=True)
    time.sleep(1.5)
    write_site(staging, "A")
"""

SECOND = """
try:
    with atomic.replace_dir(target, wait=float(sys.argv[3])) as staging:
        write_site(staging, "B")
except atomic.OutputError as error:
    print(error, file=sys.stderr)
    sys.exit(1)
"""


@pytest.mark.parametrize("wait", [10.0, 0.3])
def test_overlapping_builds_wait_or_refuse_clearly(tmp_path: Path, wait: float) -> None:
    target = tmp_path / "site"
    build(target, "gammel")
    first = spawn(HOLDER, str(target))
    assert first.stdout is not None and first.stdout.readline() == "inne\n"
    started = time.monotonic()
    second = subprocess.run(
        python(SECOND, str(target), str(wait)),
        capture_output=True,
        text=True,
        timeout=30,
    )
    waited = time.monotonic() - started
    assert first.wait(timeout=30) == 0
    assert "Traceback" not in second.stderr
    if wait > 5:
        assert second.returncode == 0, second.stderr
        assert waited > 0.8  # it had to wait for the first build
        assert read_site(target) == "B"
    else:
        assert second.returncode == 1
        assert f"Et annet bygg skriver allerede til {target}" in second.stderr
        assert "Vent til det er ferdig, og prøv igjen." in second.stderr
        assert read_site(target) == "A"
    assert leftovers(target) == []


def test_nested_build_of_same_target_times_out(tmp_path: Path) -> None:
    target = tmp_path / "site"
    build(target, "gammel")
    with replace_dir(target):
        with pytest.raises(OutputError, match="Et annet bygg skriver allerede"):
            build(target, "inni", wait=0.2)
        assert read_site(target) == "gammel"


# Failures become OutputError with a Norwegian message, and the old site stays.


def test_target_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("ikke en mappe")
    with pytest.raises(OutputError) as caught:
        build(tmp_path / "site", "ny")
    assert f"{tmp_path / 'site'} er en fil, ikke en mappe" in str(caught.value)
    assert "Flytt eller slett fila" in str(caught.value)
    assert (tmp_path / "site").read_text() == "ikke en mappe"


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("x")
    with pytest.raises(OutputError, match="fil er en fil, ikke en mappe"):
        build(tmp_path / "fil" / "site", "ny")


def test_unwritable_place_even_for_root() -> None:
    with pytest.raises(OutputError, match="finnes ikke og kan ikke lages der"):
        build(Path("/proc/self/site"), "ny")


def chmod_is_enforced(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.mkdir()
    probe.chmod(0o555)
    try:
        (probe / "x").touch()
    except PermissionError:
        return True
    finally:
        probe.chmod(0o755)
    return False


def test_read_only_parent_by_permissions(tmp_path: Path) -> None:
    if not chmod_is_enforced(tmp_path):
        pytest.skip("kjører som root: chmod stopper ikke skriving (se testene med ro-montering)")
    target = tmp_path / "ut" / "site"
    target.parent.mkdir()
    build(target, "gammel")
    target.parent.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="mangler skrivetilgang til") as caught:
            build(target, "ny")
        assert UNCHANGED in str(caught.value)
        assert read_site(target) == "gammel"
    finally:
        target.parent.chmod(0o755)


@contextmanager
def mounted(where: Path, *commands: list[str]) -> Iterator[None]:
    """Run mount commands on `where`; skip the test if mounting is not permitted."""
    done = 0
    try:
        for command in commands:
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:
                pytest.skip(f"kan ikke montere her: {result.stderr.strip()}")
            done += 1
        yield
    finally:
        if done:
            subprocess.run(["umount", str(where)], check=True)


def test_read_only_filesystem(tmp_path: Path, mode: str) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    target = parent / "site"
    build(target, "gammel")
    before = snapshot(target)
    with mounted(
        parent,
        ["mount", "--bind", str(parent), str(parent)],
        ["mount", "-o", "remount,bind,ro", str(parent), str(parent)],
    ):
        with pytest.raises(OutputError, match="ligger på et skrivebeskyttet filsystem") as caught:
            build(target, "ny")
        assert UNCHANGED in str(caught.value)
        assert snapshot(target) == before


def test_target_is_a_mount_point(tmp_path: Path, mode: str) -> None:
    target = tmp_path / "site"
    build(target, "gammel")
    before = snapshot(target)
    with mounted(target, ["mount", "--bind", str(target), str(target)]):
        with pytest.raises(OutputError, match="i bruk, kanskje som monteringspunkt"):
            build(target, "ny")
        assert snapshot(target) == before
        assert leftovers(target) == []


def test_disk_full(tmp_path: Path, mode: str) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    target = disk / "site"
    with mounted(disk, ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)]):
        build(target, "gammel")
        before = snapshot(target)
        with pytest.raises(OutputError) as caught, replace_dir(target) as staging:
            (staging / "stor.bin").write_bytes(b"x" * 1024 * 1024)
        assert "disken er full" in str(caught.value)
        assert UNCHANGED in str(caught.value)
        assert isinstance(caught.value.__cause__, OSError)
        assert caught.value.__cause__.errno == errno.ENOSPC
        assert snapshot(target) == before
        assert leftovers(target) == []
        build(target, "ny")  # with room again, building works
        assert read_site(target) == "ny"


def test_a_single_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    from handlingsveileder.atomic import write_file

    target = tmp_path / "ut" / "presentasjon.html"
    write_file(target, "første")
    write_file(target, "andre")
    assert target.read_text(encoding="utf-8") == "andre"
    assert sorted(p.name for p in target.parent.iterdir()) == ["presentasjon.html"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    with pytest.raises(OutputError, match="er en mappe"):
        write_file(tmp_path / "ut", "x")
