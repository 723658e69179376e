"""Write a file atomically, and never over an existing one without ``force``."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from cchc_cli.errors import OutputError

if TYPE_CHECKING:
    from pathlib import Path


def write_text(text: str, output: str | None, force: bool) -> None:
    """``text`` on stdout, or in the file ``output`` (said on stderr)."""
    import sys
    from pathlib import Path

    if output is None:
        sys.stdout.write(text)
        return
    write_file(Path(output), text, force)
    print(f"cchc: wrote {output}", file=sys.stderr)


def write_file(path: Path, text: str | bytes, force: bool) -> None:
    """Write ``text`` (or bytes) to ``path`` atomically; refuse to replace a file unless
    ``force``."""
    import tempfile
    from pathlib import Path

    if path.is_dir():
        raise OutputError(f"'{path}' is a folder; give a file name")
    if path.exists() and not force:
        raise OutputError(f"'{path}' exists; use --force to overwrite it")
    temporary: Path | None = None
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.",
                                         delete=False) as handle:
            temporary = Path(handle.name)
            handle.write(data)
        temporary.chmod(_mode_for(path))
        _place(temporary, path, force)
    except OSError as error:
        if temporary is not None and temporary.exists():  # e.g. the disk filled up
            temporary.unlink()
        raise OutputError(f"cannot write '{path}': {error.strerror or error}") from None


def _mode_for(path: Path) -> int:
    """The mode a new file gets from the umask (a temporary file is private, 0600),
    or the mode of the file it replaces."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _place(temporary: Path, path: Path, force: bool) -> None:
    """Move the finished file into place; without ``force``, never over an existing file."""
    try:
        if force:
            temporary.replace(path)
            return
        try:
            os.link(temporary, path)  # fails if path exists, even if created meanwhile
        except FileExistsError:
            raise OutputError(f"'{path}' exists; use --force to overwrite it") from None
        except OSError:  # a file system without hard links
            if path.exists():
                raise OutputError(f"'{path}' exists; use --force to overwrite it") from None
            temporary.replace(path)
            return
    finally:
        if temporary.exists():
            temporary.unlink()
