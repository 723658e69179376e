"""A cache of loaded reports, so a dataset is parsed and checked once, not at every run.

A report that loaded without a problem is stored, pickled, under the user's
cache folder (``$CCHC_CACHE_DIR``, else ``$XDG_CACHE_HOME/cchc``, else
``~/.cache/cchc``). An entry is used only while everything it depends on is
unchanged: the file's path, size, times (including the change time, which no
program can set back), inode and content checksum, and the files of cchc's
loader and data model. ``CCHC_NO_CACHE=1`` turns the cache off;
``cchc validate`` never uses it.

The cache is an optimisation only: any failure to read or write it is
ignored and the file is parsed as usual. Entries are read only from a folder
that belongs to the user and that nobody else may write to, since unpickling
runs code.
"""

from __future__ import annotations

import os
import pickle
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass

SCHEMA = 1
"""Bumped when the shape of cached entries changes."""

_CODE = ("model.py", "record.py", "load/schema.py", "load/fields.py", "load/scalars.py",
         "load/yamltree.py", "load/files.py", "load/cache.py", "national.py", "periods.py",
         "load/national.py", "load/table_rows.py", "load/blocks.py", "provinces.py",
         "reference/provinces.csv")


def cache_dir() -> str | None:
    """The cache folder, or None when the cache is turned off."""
    if os.environ.get("CCHC_NO_CACHE"):
        return None
    chosen = os.environ.get("CCHC_CACHE_DIR")
    if chosen:
        return chosen
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cchc")


_stamp: tuple[tuple[int, int], ...] | None = None


def _code_stamp() -> tuple[tuple[int, int], ...]:
    """Sizes and times of the code that turns a file into a report (read once a run)."""
    global _stamp  # noqa: PLW0603 (the code does not change during a run)
    if _stamp is None:
        _stamp = _read_code_stamp()
    return _stamp


def _read_code_stamp() -> tuple[tuple[int, int], ...]:
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    stamps = []
    for name in _CODE:
        info = os.stat(os.path.join(package, name))
        stamps.append((info.st_size, info.st_mtime_ns))
    return tuple(stamps)


def _key(path: str) -> tuple[Any, ...]:
    import zlib

    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        content = handle.read()
    return (SCHEMA, sys.version_info[:2], _code_stamp(), path, os.path.abspath(path),
            info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev,
            zlib.crc32(content), zlib.adler32(content))


def _entry(folder: str, path: str) -> str:
    import zlib

    name = f"{path}\0{os.path.abspath(path)}".encode("utf-8", "surrogateescape")
    return os.path.join(folder, f"report-{zlib.crc32(name):08x}.pickle")


def _trusted(folder: str) -> bool:
    """The folder is the user's own and nobody else may write to it."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    owner = getattr(os, "getuid", lambda: info.st_uid)()
    return info.st_uid == owner and not info.st_mode & 0o022


def load(path: str) -> Any:
    """The cached entry for ``path`` (a report, a table), if there is a current one."""
    folder = cache_dir()
    if folder is None or not _trusted(folder):
        return None
    try:
        with open(_entry(folder, path), "rb") as handle:
            key, report = pickle.load(handle)
        return report if key == _key(path) else None
    except Exception:  # a missing, stale or unreadable entry is simply a miss
        return None


def store(path: str, report: object) -> None:
    """Remember ``report`` (or a table) as loaded from ``path``; failures are ignored."""
    folder = cache_dir()
    if folder is None:
        return
    temporary = None
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not _trusted(folder):
            return
        entry = _entry(folder, path)
        temporary = f"{entry}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            pickle.dump((_key(path), report), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
        temporary = None
    except Exception:  # a read-only or full disk must not stop the command
        return
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.remove(temporary)
