"""Walking the raw folder: its PDF files, and every entry skipped with the reason why.

Every ``*.pdf`` (any case) below the folder, hidden files and folders left out.
Nothing is skipped silently: a symbolic link that loops or points nowhere, an
entry that is not a regular file, a linked folder (links to folders are not
followed: the same files would be found twice, or forever) and a folder that
cannot be listed are reported, the last also as unreadable, so that the
documents published from it are kept rather than withdrawn.

Names are text. A name whose bytes are not UTF-8 is written with each
undecodable byte as ``\\xNN`` (and a backslash in such a name as ``\\x5c``, so
the escaped name tells every byte back).
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class RawFiles:
    files: list[Path] = field(default_factory=list)  # sorted by their relative name
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, why)
    unreadable_folders: list[tuple[str, str]] = field(default_factory=list)  # (name, why)


def find_pdf_files(raw_dir: Path) -> RawFiles:
    """Every PDF below ``raw_dir``, and what was skipped."""
    found = RawFiles()

    def folder_error(error: OSError) -> None:
        name = relative_name(Path(error.filename), raw_dir)
        reason = f"{name}/ cannot be read: {error.strerror or error}"
        found.skipped.append((name, reason))
        found.unreadable_folders.append((name, reason))

    for root, dirs, files in os.walk(raw_dir, followlinks=False, onerror=folder_error):
        here = Path(root)
        for name in dirs:
            if not name.startswith(".") and (here / name).is_symlink():
                found.skipped.append(_linked_folder(here / name, raw_dir))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (here / d).is_symlink())
        for name in files:
            if name.startswith(".") or not name.lower().endswith(".pdf"):
                continue
            path = here / name
            why = _not_a_file(path)
            if why is None:
                found.files.append(path)
            else:
                relative = relative_name(path, raw_dir)
                found.skipped.append((relative, f"{relative}: {why}"))
    found.files.sort(key=lambda path: relative_name(path, raw_dir))
    found.skipped.sort()
    return found


def relative_name(path: Path, raw_dir: Path) -> str:
    """The name stored for ``path``: relative to the raw folder, '/'-separated, text."""
    relative = path.relative_to(raw_dir).as_posix()
    return escaped_name(relative) or relative


def escaped_name(name: str) -> str | None:
    """None for a name fit to print; else the name with its unfit parts as ``\\xNN``.

    ``name`` is what the OS gave (undecodable bytes as surrogate escapes). Control
    characters (a newline, a tab, an escape sequence) are escaped too: printed raw they
    would forge lines in the run summary and the check report. A backslash is escaped
    in an escaped name only, so the escaped form cannot be mistaken for a plain one.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = os.fsencode(name).replace(b"\\", b"\\x5c").decode("utf-8", "backslashreplace")
        return _control_escaped(name)
    if any(_is_control(character) for character in name):
        return _control_escaped(name.replace("\\", "\\x5c"))
    return None


def is_undecodable(name: str) -> bool:
    """Whether a name the OS gave holds bytes that are not UTF-8."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _is_control(character: str) -> bool:
    return unicodedata.category(character) == "Cc" or character in "\u2028\u2029"


def _control_escaped(name: str) -> str:
    return "".join(
        (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}") if _is_control(c) else c
        for c in name
    )


def _not_a_file(path: Path) -> str | None:
    """Why an entry named like a PDF is not a file to read; None if it is one."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop; nothing to read"
        if error.errno == errno.ENOENT and path.is_symlink():
            return f"a broken symbolic link (its target {os.readlink(path)} does not exist)"
        return f"cannot be examined: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a pipe, socket or device)"
    return f"{kind}; nothing to read"


def _linked_folder(path: Path, raw_dir: Path) -> tuple[str, str]:
    name = relative_name(path, raw_dir)
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return name, f"{name}: a symbolic link to a folder that cannot be reached; not followed"
    loop = target == raw_dir or raw_dir.is_relative_to(target) or path.parent.is_relative_to(target)
    what = "a loop back into the raw folder" if loop else f"to {target}"
    return name, f"{name}: a symbolic link to a folder ({what}); links are not followed"
