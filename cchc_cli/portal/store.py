"""Where captures go, and writing them whole or not at all, never over an earlier one.

A data folder (``--into``; by default ``$XDG_DATA_HOME/cchc``, else
``~/.local/share/cchc``) holds the national tables cchc reads with ``--data``
and, under ``captures/service-index-766/``, each fetched answer as the portal
sent it (``2026-ytd_captured-20261010T034019Z.json``) beside its metadata
(``….meta.json``: address, request, status, content type, time, SHA-256).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from cchc_cli.portal import INDEX_ID

CAPTURES = "captures"
META_SUFFIX = ".meta.json"
META_FORMAT = "cchc-portal-capture/1"


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/cchc`` when that is an absolute path, else ``~/.local/share/cchc``."""
    base = Path(os.environ.get("XDG_DATA_HOME", ""))
    if not base.is_absolute():
        base = Path.home() / ".local" / "share"
    return base / "cchc"


def stamp(moment: dt.datetime) -> str:
    """``20261010T034019Z``: a time as file names carry it (UTC)."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def iso(moment: dt.datetime) -> str:
    """``2026-10-10T03:40:19Z``."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def meta_path(capture: Path) -> Path:
    """The metadata file beside ``capture`` (``X.json`` → ``X.meta.json``)."""
    return capture.with_name(capture.name.removesuffix(".json") + META_SUFFIX)


def read_meta(capture: Path) -> dict[str, Any] | None:
    """The metadata beside ``capture``, if there is a readable one."""
    path = meta_path(capture)
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("format") == META_FORMAT else None


def save_capture(folder: Path, period_key: str, body: bytes, meta: dict[str, Any],
                 received: dt.datetime) -> Path:
    """Write the answer's bytes and its metadata under ``folder``; return the answer's path.

    Both files appear whole or not at all, under a name no earlier capture has
    (a second capture in the same second gets ``-2``). Raises ``OSError``.
    """
    target = folder / CAPTURES / INDEX_ID
    target.mkdir(parents=True, exist_ok=True)
    base = f"{period_key}_captured-{stamp(received)}"
    for attempt in range(1, 100):
        name = base if attempt == 1 else f"{base}-{attempt}"
        capture = target / f"{name}.json"
        meta_text = json.dumps({**meta, "file": capture.name}, ensure_ascii=False, indent=2)
        if not meta_path(capture).exists() and _place_new(capture, body):
            try:
                if _place_new(meta_path(capture), (meta_text + "\n").encode("utf-8")):
                    return capture
            except OSError:
                capture.unlink()
                raise
            capture.unlink()
    raise OSError(f"too many captures named {base} in {target}")


def _place_new(path: Path, data: bytes) -> bool:
    """Write ``data`` to a new file ``path`` atomically; False if ``path`` exists."""
    import tempfile

    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(_new_file_mode())
        try:
            os.link(temporary, path)  # fails if path exists, even if made meanwhile
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links
            if path.exists():
                return False
            temporary.replace(path)
        return True
    finally:
        if temporary.exists():
            temporary.unlink()


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
