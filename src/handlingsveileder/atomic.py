"""Replace an output folder all at once, so a failed or killed build never leaves half a site.

Every step runs while holding an flock on `.NAME.lås` beside the target folder `NAME`:

1. Heal an interrupted run: if `.NAME.gammel` exists, it is put back as `NAME` when `NAME`
   is missing, else deleted. Every `.NAME.bygges-*` folder is a leftover (its builder no
   longer holds the lock) and is deleted.
2. Build into a fresh `.NAME.bygges-*` folder beside `NAME` (same filesystem).
3. Set modes explicitly: folders 0755, files 0644, so a web server account can read them.
4. Swap. On Linux, renameat2(RENAME_EXCHANGE) swaps the two folders in one atomic step, so
   `NAME` exists at every instant, even under SIGKILL; the old site, now under the staging
   name, is then deleted. Where the filesystem cannot exchange, `NAME` is renamed to
   `.NAME.gammel` and the staging folder to `NAME`; a kill between the two renames is
   healed by step 1. `NAME` stays a real folder, not a symlink, so copying or uploading it
   publishes the real files, also on hosts that dislike symlinks.

Failures raise `OutputError`, whose str() is a Norwegian message; `NAME` is then unchanged.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100


class OutputError(Exception):
    """The output folder could not be written; str() is the Norwegian message to show."""


def write_file(target: Path, text: str) -> None:
    """Write `text` to `target` whole or not at all: into a temporary file beside it, then
    renamed over it (a killed run leaves the old file, or none, never half of one)."""
    target = Path(target).resolve()
    with _guard(target):
        if target.is_dir():
            raise OutputError(f"Kan ikke skrive til {target}: det er en mappe, ikke en fil.")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            partial.write_text(text, encoding="utf-8")
            partial.chmod(0o644)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)


@contextmanager
def replace_dir(target: Path, *, wait: float = 120.0) -> Iterator[Path]:
    """Yield an empty staging folder beside `target`; on success it becomes `target`.

    Waits up to `wait` seconds for another build of the same target to finish. On any
    error the staging folder is removed and `target` is left exactly as it was.
    """
    target = Path(target).resolve()
    with _guard(target):
        existing = next(path for path in (target, *target.parents) if path.exists())
        if not existing.is_dir():
            raise OutputError(
                f"Kan ikke skrive til {target}: {existing} er en fil, ikke en mappe. "
                "Flytt eller slett fila, eller velg en annen mappe."
            )
        target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target, wait):
        with _guard(target):
            _recover(target)
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.bygges-", dir=target.parent))
        try:
            try:
                yield staging
            except OSError as error:
                if error.errno in (errno.ENOSPC, errno.EDQUOT):  # else about inputs, not output
                    raise OutputError(_explain(error, target)) from error
                raise
            with _guard(target):
                _normalise_modes(staging)
                _swap(staging, target)
        finally:
            _remove(staging, ignore_errors=True)


@contextmanager
def _locked(target: Path, wait: float) -> Iterator[None]:
    """Hold an exclusive flock on `.NAME.lås`; the file is deleted again on release."""
    lock = target.with_name(f".{target.name}.lås")
    deadline = time.monotonic() + wait
    with _guard(target):
        while True:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                with suppress(FileNotFoundError):  # deleted by the builder before us? Reopen.
                    if os.path.samestat(os.fstat(fd), os.stat(lock)):
                        break
            except BlockingIOError:
                time.sleep(0.1)
            os.close(fd)
            if time.monotonic() > deadline:
                raise OutputError(
                    f"Et annet bygg skriver allerede til {target}, og det er ikke ferdig etter "
                    f"{wait:g} sekunder. Vent til det er ferdig, og prøv igjen."
                )
    try:
        yield
    finally:
        with suppress(OSError):
            os.unlink(lock)  # while still locked, so no one can be waiting on a stale file
        os.close(fd)


def _recover(target: Path) -> None:
    old = target.with_name(f".{target.name}.gammel")
    if os.path.lexists(old) and os.path.lexists(target):
        _remove(old)
    elif os.path.lexists(old):
        old.rename(target)
    prefix = f".{target.name}.bygges-"
    for leftover in target.parent.iterdir():
        if leftover.name.startswith(prefix):
            _remove(leftover)


def _normalise_modes(root: Path) -> None:
    """Folders 0755 and files 0644, whatever the umask; symlinks are left alone."""
    os.chmod(root, 0o755)
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISDIR(mode):
                os.chmod(path, 0o755)
            elif stat.S_ISREG(mode):
                os.chmod(path, 0o644)


def _swap(staging: Path, target: Path) -> None:
    """Put `staging` in place of `target`; afterwards `staging` holds the old site (if any)."""
    if not os.path.lexists(target):
        staging.rename(target)
    elif not _exchange(staging, target):
        old = target.with_name(f".{target.name}.gammel")
        target.rename(old)
        try:
            staging.rename(target)
        except OSError:
            old.rename(target)
            raise
        _remove(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux renameat2; False where that is not supported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _remove(path: Path, *, ignore_errors: bool = False) -> None:
    """Delete a file or folder tree, also one whose folders were made read-only."""
    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
            return
        with suppress(OSError):
            _normalise_modes(path)  # top-down, so read-only folders become deletable
        shutil.rmtree(path)
    except OSError as error:
        if not ignore_errors:  # rmtree names only the entry, so name the whole folder
            raise OSError(error.errno, error.strerror, str(path)) from error


@contextmanager
def _guard(target: Path) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise OutputError(_explain(error, target)) from error


REASONS = {
    errno.EACCES: "mangler skrivetilgang til {where}. Gi brukeren som bygger, skrivetilgang "
    "til {target.parent} og alt i {target}",
    errno.EROFS: "{where} ligger på et skrivebeskyttet filsystem. Velg en annen mappe",
    errno.ENOSPC: "disken er full. Frigjør plass på disken der {target.parent} ligger",
    errno.EBUSY: "{where} er i bruk, kanskje som monteringspunkt. Bygg til en vanlig mappe, "
    "og kopier den dit etterpå",
    errno.ENOTDIR: "{where}, eller en mappe over den, er en fil og ikke en mappe. Flytt eller "
    "slett fila, eller velg en annen mappe",
    errno.ENOENT: "{where} finnes ikke og kan ikke lages der. Velg en annen mappe",
}
REASONS.update({errno.EPERM: REASONS[errno.EACCES], errno.EDQUOT: REASONS[errno.ENOSPC]})


def _explain(error: OSError, target: Path) -> str:
    where = os.fsdecode(error.filename) if error.filename is not None else str(target)
    code = error.errno or 0
    unknown = f"uventet feil ({errno.errorcode.get(code, code)}) ved {{where}}. Sjekk mappen"
    reason = REASONS.get(code, unknown).format(where=where, target=target)
    return f"Kan ikke skrive til {target}: {reason}. Det som lå i {target}, er ikke endret."
