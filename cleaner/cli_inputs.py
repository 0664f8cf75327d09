"""The command's inputs, streamed: arguments -> folders, globs, WARC records, URLs -> tasks.

Nothing here reads a page except standard input and WARC records (their bytes travel with
the task); files and URLs are read by the worker that cleans them. Folders and globs are
walked lazily in sorted order, so the input list is never held and every run sees the pages
in the same order.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any, Final, Literal

PAGE_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt", ".text"})
"""What a folder walk picks up (also with ``.gz``). Named files and glob matches are always taken."""
WARC_SUFFIXES: Final = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
URL_RE: Final = re.compile(r"^https?://", re.IGNORECASE)
MAGIC_RE: Final = re.compile(r"[*?[]")
UNSAFE_RE: Final = re.compile(r"[^\w.-]+")
STDIN: Final = "<stdin>"
NAME_LIMIT: Final = 120
CHUNK: Final = 1 << 16
WARC_SLACK: Final = 4
"""An uncompressed WARC's last record length leaves out its closing CRLF CRLF."""

Origin = Literal["file", "url", "data"]
Status = Literal["ok", "failed", "skipped"]


@dataclass(frozen=True, slots=True)
class Task:
    """One page to clean. ``out`` is the output path relative to ``-o DIR`` (None: stdout)."""

    source: str
    origin: Origin
    out: str | None = None
    path: str | None = None
    data: bytes | None = None
    url: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """What the input stream needs to know about the run."""

    ext: str
    out_dir: Path | None = None
    resume: bool = False
    max_bytes: int = 50_000_000
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    """An input settled without a worker: it failed before cleaning, or --resume skipped it."""

    source: str
    status: Status
    error: str = ""
    out: str | None = None


Item = Task | Resolved


def is_url(arg: str) -> bool:
    return bool(URL_RE.match(arg))


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def is_glob(arg: str) -> bool:
    return bool(MAGIC_RE.search(arg)) and not os.path.lexists(arg)


def single_page(inputs: Sequence[str]) -> bool:
    """Can these inputs only ever give one page (so stdout is a fine destination)?"""
    if len(inputs) != 1:
        return False
    arg = inputs[0]
    return arg == "-" or is_url(arg) or not (os.path.isdir(arg) or is_glob(arg) or is_warc(arg))


def iter_items(inputs: Sequence[str], plan: Plan) -> Iterator[Item]:
    """Every page of every input, in argument order then sorted path order."""
    names = OutputNames(plan, several=len(inputs) > 1)
    skip = _dir_id(plan.out_dir)
    for arg in inputs:
        if arg == "-":
            yield _stdin(names, plan)
        elif is_url(arg):
            yield names.page(Task(arg, "url", url=arg), url_filename(arg))
        elif os.path.isdir(arg):
            yield from _walk_items(Path(arg), arg, [], names, skip, plan)
        elif os.path.lexists(arg):
            yield from _file_items(Path(arg), PurePosixPath(), names, plan)
        elif MAGIC_RE.search(arg):
            yield from _glob_items(arg, names, skip, plan)
        else:
            hint = "; to list the rules, use --list-rules" if arg == "rules" else ""
            yield Resolved(arg, "failed", f"no such file, folder or URL{hint}")


def _stdin(names: OutputNames, plan: Plan) -> Item:
    try:
        data = sys.stdin.buffer.read(plan.max_bytes + 1)
    except OSError as err:
        return Resolved(STDIN, "failed", f"cannot read standard input: {err.strerror or err}")
    task = Task(STDIN, "data", data=data, url=plan.url)
    return names.page(task, PurePosixPath("stdin"), fresh=False)


def _file_items(path: Path, rel_dir: PurePosixPath, names: OutputNames, plan: Plan) -> Iterator[Item]:
    if is_warc(path.name):
        yield from warc_items(path, rel_dir, names, plan)
    else:
        task = Task(str(path), "file", path=str(path), url=plan.url)
        yield names.page(task, rel_dir / page_stem(path.name), alternate=rel_dir / path.name)


def _walk_items(
    root: Path,
    shown: str,
    pattern: Sequence[str],
    names: OutputNames,
    skip: tuple[int, int] | None,
    plan: Plan,
) -> Iterator[Item]:
    """Files under ``root`` (sorted, hidden names and the output folder left out).

    Without ``pattern`` files are picked by their suffix. With one, a file's path relative to
    ``root`` must match the glob components, and a matching folder is walked like a folder input.
    """
    stack: list[tuple[PurePosixPath, Sequence[str]]] = [(PurePosixPath(), pattern)]
    while stack:
        rel, globbing = stack.pop()
        folder = root / rel
        try:
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as err:
            yield Resolved(str(folder) if rel.parts else shown, "failed", err.strerror or str(err))
            continue
        subdirs: list[tuple[PurePosixPath, Sequence[str]]] = []
        for entry in entries:
            parts = (*rel.parts, entry.name)
            if entry.is_dir(follow_symlinks=False):
                if _dir_id(Path(entry.path)) == skip:
                    continue
                if not globbing or (globbing[-1] != "**" and _glob_match(parts, globbing)):
                    subdirs.append((rel / entry.name, ()))
                elif _prefix_ok(parts, globbing):
                    subdirs.append((rel / entry.name, globbing))
            elif (entry.is_file() or entry.is_symlink()) and _wanted(entry.name, parts, globbing):
                yield from _file_items(Path(entry.path), rel, names, plan)
        stack.extend(reversed(subdirs))


def _glob_items(arg: str, names: OutputNames, skip: tuple[int, int] | None, plan: Plan) -> Iterator[Item]:
    parts = Path(arg).parts
    cut = next(i for i, p in enumerate(parts) if MAGIC_RE.search(p))
    base = Path(*parts[:cut]) if cut else Path(".")
    found = False
    for item in _walk_items(base, arg, parts[cut:], names, skip, plan):
        found = True
        yield item
    if not found:
        yield Resolved(arg, "failed", "no file matches this pattern")


def _wanted(name: str, parts: Sequence[str], pattern: Sequence[str]) -> bool:
    if pattern:
        return _glob_match(parts, pattern)
    return is_warc(name) or PurePosixPath(_strip_gz(name)).suffix.lower() in PAGE_SUFFIXES


def _glob_match(parts: Sequence[str], pattern: Sequence[str]) -> bool:
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return _glob_match(parts, pattern[1:]) or (bool(parts) and _glob_match(parts[1:], pattern))
    return bool(parts) and fnmatchcase(parts[0], pattern[0]) and _glob_match(parts[1:], pattern[1:])


def _prefix_ok(parts: Sequence[str], pattern: Sequence[str]) -> bool:
    """Can a file below the folder ``parts`` match ``pattern``?"""
    if not parts:
        return bool(pattern)
    if not pattern:
        return False
    if pattern[0] == "**":
        return _prefix_ok(parts, pattern[1:]) or _prefix_ok(parts[1:], pattern)
    return fnmatchcase(parts[0], pattern[0]) and _prefix_ok(parts[1:], pattern[1:])


def _dir_id(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def warc_items(path: Path, rel_dir: PurePosixPath, names: OutputNames, plan: Plan) -> Iterator[Item]:
    """One task per HTML ``response`` record, streamed; output under ``<rel_dir>/<warc stem>/``.

    A truncated or corrupt WARC gives its complete records, then one failure for the rest.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Resolved(str(path), "failed", "reading WARC files needs warcio: pip install warcio")
        return
    folder = rel_dir / warc_stem(path.name)
    count = end = 0
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                count += 1
                item = _warc_item(record, count, path, folder, names, plan)
                if _truncated(record):
                    uri = record.rec_headers.get_header("WARC-Target-URI") if record.rec_headers else None
                    reason = "truncated WARC: the file ends inside this record"
                    yield Resolved(f"{path}#{uri or count}", "failed", reason)
                    return
                if item is not None:
                    yield item
                end = records.get_record_offset() + records.get_record_length()
            size = os.fstat(fh.fileno()).st_size
    except Exception as err:  # warcio raises many kinds (even AttributeError) on broken files
        where = f"after {count - 1} records" if count > 1 else "at the start"
        yield Resolved(str(path), "failed", f"unreadable WARC {where}: {type(err).__name__}: {err}")
        return
    if size - end > WARC_SLACK:
        yield Resolved(
            str(path), "failed", f"truncated or corrupt WARC: {size - end:,} bytes after record {count}"
        )


def _truncated(record: Any) -> bool:
    """Read to the end of the record: is any of it missing (the file ends inside it)?"""
    while record.raw_stream.read(CHUNK):
        pass
    missing: int = getattr(record.raw_stream, "limit", 0)
    return not record.rec_type or record.length is None or missing > 0


def _warc_item(
    record: Any, where: int, path: Path, folder: PurePosixPath, names: OutputNames, plan: Plan
) -> Item | None:
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    if record.rec_type != "response" or not _is_html(content_type):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    ident = f"{record.rec_headers.get_header('WARC-Record-ID')}@{where}"  # unique within the file
    name = f"{url_filename(uri).name}-{short_hash(ident)}"
    task = Task(f"{path}#{uri}", "data", url=uri or None, encoding=_charset(content_type))
    item = names.page(task, folder / name, origin=path, unique=True)
    if isinstance(item, Task):
        item = replace(item, data=record.content_stream().read(plan.max_bytes + 1))
    return item


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def _charset(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


class OutputNames:
    """Output paths: derived from the input, unique within the run, and the --resume check.

    Two inputs can map to one output (``a.html`` and ``a.htm``, or two folders with the same
    layout): the second keeps its full name, then gets a hash of its source. To tell, the
    run keeps 8-byte fingerprints of the names it gave: those of the current folder only
    when there is one INPUT (a walk yields a folder's files together, and two folders
    cannot collide), or of every page when there are several INPUTs (about 100 bytes a
    page). WARC records need none: their names hash the record id and position.
    """

    def __init__(self, plan: Plan, *, several: bool) -> None:
        self.plan = plan
        self.several = several
        self.claimed: set[bytes] = set()
        self.folder: PurePosixPath | None = None

    def page(
        self,
        task: Task,
        stem: PurePosixPath,
        *,
        alternate: PurePosixPath | None = None,
        origin: Path | None = None,
        fresh: bool = True,
        unique: bool = False,
    ) -> Item:
        """The task with its output path set, or a Resolved one when it is skipped or unsafe.

        ``unique``: the stem cannot collide, no need to check it.
        """
        if self.plan.out_dir is None:
            return task
        out = self._name(stem) if unique else self._claim(stem, alternate, task.source)
        target = self.plan.out_dir / out
        source = origin or (Path(task.path) if task.path else None)
        if fresh and self.plan.resume and _newer(target, source):
            return Resolved(task.source, "skipped", out=out)
        if task.path and _same_file(target, task.path):
            return Resolved(task.source, "failed", f"the output {target} would overwrite the input")
        return replace(task, out=out)

    def _name(self, stem: PurePosixPath) -> str:
        return str(stem.with_name(_fit(stem.name) + self.plan.ext))

    def _claim(self, stem: PurePosixPath, alternate: PurePosixPath | None, source: str) -> str:
        if not self.several and stem.parent != self.folder:
            self.claimed.clear()
            self.folder = stem.parent
        hashed = stem.with_name(f"{stem.name}-{short_hash(source)}")
        for candidate in (stem, alternate, hashed):
            if candidate is None:
                continue
            out = self._name(candidate)
            key = hashlib.blake2b(out.encode("utf-8", "surrogateescape"), digest_size=8).digest()
            if key not in self.claimed:
                self.claimed.add(key)
                return out
        return self._name(hashed.with_name(f"{hashed.name}-{len(self.claimed)}"))


def _newer(target: Path, source: Path | None) -> bool:
    try:
        out_mtime = target.stat().st_mtime_ns
        return source is None or out_mtime > source.stat().st_mtime_ns
    except OSError:
        return False


def _same_file(target: Path, path: str) -> bool:
    try:
        return os.path.samefile(target, path)
    except OSError:
        return False


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") and len(name) > 3 else name


def page_stem(name: str) -> str:
    """``a.html.gz`` -> ``a``; ``notes`` -> ``notes``."""
    name = _strip_gz(name)
    stem = PurePosixPath(name).stem
    return stem or name


def warc_stem(name: str) -> str:
    lower = name.lower()
    for suffix in WARC_SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def url_filename(url: str) -> PurePosixPath:
    """A filesystem-safe name from a URL: ``https://a.org/b/c?d=1`` -> ``a.org_b_c_d_1``."""
    bare = URL_RE.sub("", url).split("#", 1)[0]
    return PurePosixPath(safe_name(bare))


def safe_name(text: str) -> str:
    return _fit(UNSAFE_RE.sub("_", text).strip("._") or "page")


def _fit(name: str) -> str:
    """Keep a file name within file system limits (with room for the extension and temp prefix)."""
    if len(name.encode("utf-8", "surrogateescape")) <= NAME_LIMIT:
        return name
    cut = name.encode("utf-8", "surrogateescape")[: NAME_LIMIT - 9].decode("utf-8", "ignore")
    return f"{cut}-{short_hash(name)}"


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:8]
