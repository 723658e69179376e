"""A cache of loaded files that can never run code or serve old numbers.

Loading a report or a national table means parsing and checking it; the
result depends only on the file's bytes and on cchc's own code. This cache
keeps that result between runs as JSON, next to what it was made from:

- **Data only.** An entry is JSON read with ``json.loads``. Values are
  rebuilt from a fixed list of cchc's own value classes (``Record`` tuples,
  given by the caller), with ``tuple.__new__``: nothing is imported, looked
  up or called by a name found in the entry. A damaged entry is a miss,
  never an error: its hash no longer holds. One made by hand, hash and all,
  in the user's own folder can hold what no table has (other numbers, a row
  of the wrong length) and fail later; only the user can write there, and
  they could as well edit the data. What no entry can do is run code.
- **Never stale.** An entry names every file it was made from with its
  identity (device, inode, size, modification and change times, in
  nanoseconds) and a BLAKE2 hash of its bytes, and the current files must
  match all of it, bytes included: a file saved within the same clock tick,
  at the same size, still misses. The value is stored with its own hash, so
  a damaged entry misses too. An entry is stored only if every file is
  still what was read once parsing is over. The code that loads is part of
  the key too (``stamp``): editing or upgrading cchc misses every entry.
- **Yours alone.** The folder is ``CCHC_CACHE_DIR``, else
  ``$XDG_CACHE_HOME/cchc``, else ``~/.cache/cchc``; with no absolute home,
  nothing is cached. It is used only if it is a real folder (not a symlink)
  owned by the user and closed to everyone else (0700), and it is made only
  inside a folder the user owns (``sudo`` with another's home makes nothing
  there); entries are created
  0600, written to a temporary name and renamed, and opened relative to the
  checked folder without following symlinks; an entry owned by anyone else
  or open to others is ignored.
- **Files are checked first.** The caller reads each file (refusing a
  device, a FIFO or a file over the size cap) before the cache is asked.

``CCHC_NO_CACHE=1`` turns the cache off. Nothing here prints: a cache that
cannot be used is simply not used.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from cchc_cli.national import Values
from cchc_cli.record import Record

try:  # the BLAKE2 of hashlib, without the 7 ms of importing OpenSSL's bindings
    from _blake2 import blake2b
except ImportError:  # pragma: no cover (an interpreter without the module)
    from hashlib import blake2b

FORMAT = 3
"""The entry layout; part of every key."""

MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""The largest entry read (a national table is about 60 KiB as JSON)."""

_CODE_FOLDERS = ("", "load", "calc", "reference")
"""Folders of the package whose files decide what loading makes (``load`` uses
``calc.precision``; the registry is in ``reference``)."""


class Input(Record):
    """A file an entry is made from, as the caller read it."""

    path: str
    data: bytes
    info: os.stat_result


def _identity(info: os.stat_result) -> list[int]:
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _digest(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()


@functools.lru_cache(maxsize=16)
def _content(data: bytes) -> str:
    """``_digest(data)``, once per file read: an index is part of every table's key."""
    return _digest(data)


def stamp() -> str:
    """What identifies the code that loads: Python's version, and the names, sizes, times
    and inodes of cchc's loading modules and of PyYAML's files (``OSError`` if one of
    them cannot be read)."""
    package = os.path.dirname(os.path.abspath(__file__))
    folders = [os.path.join(package, folder) for folder in _CODE_FOLDERS]
    yaml_folder = _yaml_folder()
    if yaml_folder is not None:
        folders.append(yaml_folder)
    parts: list[str] = [str(FORMAT), sys.version]
    for folder in folders:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name.endswith((".py", ".csv", ".so", ".pyd")) and entry.is_file():
                    info = entry.stat()
                    parts.append(f"{folder}/{entry.name}:{info.st_size}:{info.st_mtime_ns}:"
                                 f"{info.st_ino}")
    return _digest("\n".join(parts).encode("utf-8", "surrogateescape"))


def _yaml_folder() -> str | None:
    """Where PyYAML is installed, found without importing it."""
    for folder in sys.path:
        candidate = os.path.join(folder or ".", "yaml")
        if os.path.isfile(os.path.join(candidate, "__init__.py")):
            return candidate
    return None


def location(environ: dict[str, str] | None = None) -> str | None:
    """The cache folder to use, or None (``CCHC_NO_CACHE``, or no absolute home)."""
    env = os.environ if environ is None else environ
    if env.get("CCHC_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = env.get("CCHC_CACHE_DIR", "")
    if chosen:
        return chosen if os.path.isabs(chosen) else None
    xdg = env.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return os.path.join(xdg, "cchc")
    home = env.get("HOME", "")
    if not os.path.isabs(home) or home == os.sep or not os.path.isdir(home):
        return None
    return os.path.join(home, ".cache", "cchc")


def _private(info: os.stat_result) -> bool:
    """Owned by this user and closed to group and others."""
    return info.st_uid == os.geteuid() and not info.st_mode & 0o077


def _ours_to_make(path: str) -> bool:
    """Whether the nearest existing folder above ``path`` is this user's: ``sudo cchc``
    with someone else's ``HOME`` must not leave a folder there they cannot remove."""
    parent = os.path.dirname(path)
    while parent and not os.path.isdir(parent):
        parent = os.path.dirname(parent)
    try:
        return os.stat(parent or os.sep).st_uid == os.geteuid()
    except OSError:
        return False


def _open_folder(path: str) -> int | None:
    """A descriptor of the cache folder, made if missing, or None if it is not safe."""
    if not os.path.lexists(path):
        if not _ours_to_make(path):
            return None
        try:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    info = os.fstat(handle)
    if not stat.S_ISDIR(info.st_mode) or not _private(info):
        os.close(handle)
        return None
    return handle


class Cache:
    """The entries of one cache folder, opened once per run."""

    def __init__(self, folder: int) -> None:
        self.folder = folder
        self._stamp: str | None = None

    @property
    def code(self) -> str | None:
        """``stamp()``, worked out once; None when the code cannot be identified (a file
        removed while cchc is upgraded), and then nothing is read or stored."""
        if self._stamp is None:
            try:
                self._stamp = stamp()
            except OSError:
                self._stamp = ""
        return self._stamp or None

    def _name(self, kind: str, inputs: Sequence[Input]) -> str:
        where = [kind, *(f"{i.path}\0{os.path.abspath(i.path)}" for i in inputs)]
        return _digest("\n".join(where).encode("utf-8", "surrogateescape")) + ".json"

    def _inputs(self, inputs: Sequence[Input]) -> list[Any]:
        return [[i.path, _identity(i.info), _content(i.data)] for i in inputs]

    def get(self, kind: str, inputs: Sequence[Input], classes: Iterable[type[Record]]) -> Any:
        """The value stored for ``inputs``, or ``MISS``.

        An entry is a line of JSON with its key and the hash of the rest, then the
        value as JSON: a damaged value misses before it is parsed.
        """
        if self.code is None:
            return MISS
        raw = self._read(self._name(kind, inputs))
        if raw is None:
            return MISS
        head, _, body = raw.partition(b"\n")
        try:
            if json.loads(head) != {"key": [FORMAT, self.code, kind, self._inputs(inputs)],
                                    "value": _digest(body)}:
                return MISS
            return decode(json.loads(body), {c.__name__: c for c in classes})
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, ArithmeticError,
                RecursionError):
            return MISS

    def put(self, kind: str, inputs: Sequence[Input], value: Any,
            classes: Iterable[type[Record]]) -> None:
        """Store ``value`` for ``inputs``, unless a file changed since it was read or the
        value holds a record not of ``classes`` (it could not be rebuilt as it was)."""
        if self.code is None:
            return
        for given in inputs:
            try:
                now = os.stat(given.path)
            except OSError:
                return
            if _identity(now) != _identity(given.info):
                return
        try:
            body = json.dumps(encode(value, {c.__name__: c for c in classes}),
                              ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError, RecursionError):
            return
        head = json.dumps({"key": [FORMAT, self.code, kind, self._inputs(inputs)],
                           "value": _digest(body)}, separators=(",", ":"))
        self._write(self._name(kind, inputs), head.encode("utf-8") + b"\n" + body)

    def _read(self, name: str) -> bytes | None:
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        try:
            handle = os.open(name, flags, dir_fd=self.folder)
        except OSError:
            return None
        try:
            info = os.fstat(handle)
            if (not stat.S_ISREG(info.st_mode) or not _private(info)
                    or info.st_size > MAX_ENTRY_BYTES):
                return None
            chunks = []
            while chunk := os.read(handle, 1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        except OSError:
            return None
        finally:
            os.close(handle)

    def _write(self, name: str, data: bytes) -> None:
        temporary = f".{name}.{os.getpid()}.{os.urandom(4).hex()}"
        flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                 | getattr(os, "O_CLOEXEC", 0))
        try:
            handle = os.open(temporary, flags, 0o600, dir_fd=self.folder)
        except OSError:
            return
        try:
            try:
                os.fchmod(handle, 0o600)
                view = memoryview(data)
                while view:
                    view = view[os.write(handle, view):]
            finally:
                os.close(handle)
            os.replace(temporary, name, src_dir_fd=self.folder, dst_dir_fd=self.folder)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=self.folder)


class _Miss:
    def __repr__(self) -> str:
        return "MISS"


MISS: Any = _Miss()
"""What ``Cache.get`` returns when there is no usable entry."""

_opened: dict[str, Cache | None] = {}


def open_cache() -> Cache | None:
    """The cache of this run (each folder opened once), or None when there is none."""
    path = location()
    if path is None:
        return None
    if path not in _opened:
        folder = _open_folder(path)
        _opened[path] = Cache(folder) if folder is not None else None
    return _opened[path]


def cached(kind: str, inputs: Sequence[Input], classes: Iterable[type[Record]],
           build: Callable[[], Any], keep: Callable[[Any], bool] = lambda value: True) -> Any:
    """``build()``, or what it returned before for these very ``inputs``.

    A value is stored only when ``keep(value)`` (a report with problems is not).
    """
    cache = open_cache()
    if cache is not None:
        value = cache.get(kind, inputs, classes)
        if value is not MISS:
            return value
    value = build()
    if cache is not None and keep(value):
        cache.put(kind, inputs, value, classes)
    return value


# The encoding. JSON arrays are tuples; everything else is an object with one
# tag: {"r": [class, field...]} a Record, {"R": [class, column...]} a tuple of
# records of one class, {"d": "1.50"} a Decimal, {"n": "1.5,,2"} a tuple of
# Decimals and Nones, {"v": "1.5,,2"} a table row's ``Values`` (null when empty),
# {"l": [...]} a list, {"m": [[key, value]...]} a dict, {"D": "2024-01-01"} a
# date, {"T": ...} a datetime, {"b": "hex"} bytes.

_NUMBER = r"-?[0-9]++(?:\.[0-9]++)?+(?:E[-+][0-9]{1,3}+)?+"
_VALUES = rf"(?:{_NUMBER})?+(?:,(?:{_NUMBER})?+)*+"
"""The text of a ``Values``: numbers as ``str(Decimal)`` writes them, empty for None,
joined by commas. No NaN, no Infinity and no exponent past three digits, so every value
parses when it is read, long after the entry was checked (a table with a value such as
``1E-1201`` is simply never served from the cache). Possessive, so a row is one pass."""


@functools.cache
def _values_pattern() -> re.Pattern[str]:
    """``_VALUES`` compiled, once per run and only by a run that reads a table (compiling
    takes about 0.3 ms)."""
    return re.compile(_VALUES)


def encode(value: Any, classes: dict[str, type[Record]]) -> Any:
    """``value`` as JSON data; ``TypeError`` for anything the encoding has no tag for,
    including a record whose class is not the one ``classes`` has under its name."""
    kind = type(value)
    if value is None or kind in (str, int, bool, float):
        return value
    if isinstance(value, Record):
        if classes.get(kind.__name__) is not kind:
            raise TypeError(f"{kind.__module__}.{kind.__name__} is not a class to cache")
        return {"r": [kind.__name__, *(encode(v, classes) for v in value)]}
    if kind is tuple:
        return _tuple(value, classes)
    if kind is Decimal:
        return {"d": str(value)}
    if kind is Values:
        return {"v": _values_text(value)}
    if kind is list:
        return {"l": [encode(v, classes) for v in value]}
    if kind is dict:
        return {"m": [[encode(k, classes), encode(v, classes)] for k, v in value.items()]}
    if kind is date:
        return {"D": value.isoformat()}
    if kind is datetime:
        return {"T": value.isoformat()}
    if kind is bytes:
        return {"b": value.hex()}
    raise TypeError(f"no cache encoding for {kind.__name__}")


_PLAIN = frozenset({str, int, bool, float, type(None)})
"""JSON values that stand for themselves (decoded without a call)."""


def _values_text(values: Values) -> str | None:
    """A row's values as the text ``_values`` reads back (None for no values)."""
    return ",".join(values.texts()) if values else None


def _tuple(value: tuple[Any, ...], classes: dict[str, type[Record]]) -> Any:
    if value and all(type(v) is Decimal or v is None for v in value):
        return {"n": ",".join("" if v is None else str(v) for v in value)}
    if len(value) > 1 and isinstance(value[0], Record) and all(
            type(v) is type(value[0]) for v in value):
        return _records(value, classes)
    return [encode(v, classes) for v in value]


def _records(rows: tuple[Record, ...], classes: dict[str, type[Record]]) -> Any:
    """Records of one class, field by field: ``{"R": [class, column...]}``. A column is a
    list of plain values, ``{"V": [text...]}`` of ``Values`` or ``{"c": [...]}`` of anything
    else, so a table's sixty rows decode without a call per row and per field."""
    kind = type(rows[0])
    if classes.get(kind.__name__) is not kind:
        raise TypeError(f"{kind.__module__}.{kind.__name__} is not a class to cache")
    columns: list[Any] = []
    for items in zip(*rows, strict=True):
        if all(type(item) in _PLAIN for item in items):
            columns.append(list(items))
        elif all(type(item) is Values for item in items):
            columns.append({"V": [_values_text(item) for item in items]})
        else:
            columns.append({"c": [encode(item, classes) for item in items]})
    return {"R": [kind.__name__, *columns]}


def _decode_records(body: list[Any], classes: dict[str, type[Record]]) -> tuple[Record, ...]:
    """What ``_records`` made ``body`` from."""
    cls = classes[body[0]]
    if len(body) - 1 != len(cls._fields):
        raise ValueError("records with the wrong number of fields")
    columns = [_decode_column(column, classes) for column in body[1:]]
    new = tuple.__new__
    return tuple([new(cls, row) for row in zip(*columns, strict=True)])  # type: ignore[type-var]


def _decode_column(column: Any, classes: dict[str, type[Record]]) -> list[Any]:
    if type(column) is list:
        if not all(type(item) in _PLAIN for item in column):
            raise ValueError("a column of plain values that holds something else")
        return column
    ((tag, items),) = column.items()
    if type(items) is not list:
        raise ValueError("a column that is not a list")
    if tag == "V":
        return [_values(item) for item in items]
    if tag == "c":
        return [decode(item, classes) for item in items]
    raise ValueError(f"unknown column tag {tag!r}")


def _values(text: str | None) -> Values:
    """The ``Values`` written as ``text`` (None: no values), left as text until read;
    ``ValueError`` for text that is not numbers."""
    if text is None:
        return Values()
    if _values_pattern().fullmatch(text) is None:
        raise ValueError("values that are not numbers")
    return Values.from_text(text)


_FROM_TEXT: dict[str, Callable[[Any], Any]] = {
    "d": Decimal, "v": _values, "D": date.fromisoformat, "T": datetime.fromisoformat,
    "b": bytes.fromhex}
"""The tags whose body is one text, and what rebuilds the value from it."""


def decode(data: Any, classes: dict[str, type[Record]]) -> Any:
    """What ``encode`` made ``data`` from, built only from ``classes`` and plain values."""
    kind = type(data)
    if kind is list:
        return tuple([x if type(x) in _PLAIN else decode(x, classes) for x in data])
    if kind is not dict:
        return data
    ((tag, body),) = data.items()
    if tag == "r":
        cls = classes[body[0]]
        if len(body) - 1 != len(cls._fields):
            raise ValueError("a record with the wrong number of fields")
        values = [x if type(x) in _PLAIN else decode(x, classes) for x in body[1:]]
        return tuple.__new__(cls, values)  # type: ignore[type-var]
    if tag == "R":
        return _decode_records(body, classes)
    if tag == "n":
        parts = body.split(",")
        if "" in parts:
            return tuple([Decimal(x) if x else None for x in parts])
        return tuple(map(Decimal, parts))
    rebuild = _FROM_TEXT.get(tag)
    if rebuild is not None:
        return rebuild(body)
    if tag == "l":
        return [decode(item, classes) for item in body]
    if tag == "m":
        return {decode(k, classes): decode(v, classes) for k, v in body}
    raise ValueError(f"unknown tag {tag!r}")

