"""The ``cleaner`` command: clean pages, folders, globs, WARC files, URLs and stdin.

    cleaner page.html                      # one page -> stdout
    cleaner site/ crawl.warc.gz -o out/    # many pages -> out/, mirroring sub-folders
    cleaner 'dumps/**/*.txt' --jsonl -o corpus.jsonl
    cleaner --list-rules | cleaner --rule MED01

See docs/cli.md. The pieces: cli_inputs (what to clean), cli_work (cleaning, the pool),
cli_output (where results go). Exit status: 0 all cleaned, 1 some failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import inspect
import logging
import os
import re
import signal
import sys
import typing
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from types import FrameType
from typing import Any, Final

from . import __version__, registry
from .api import Cleaner
from .cli_inputs import Plan, is_url, iter_items, single_page
from .cli_output import FolderSink, JsonlFileSink, Reporter, Sink, explain, use_color
from .cli_work import EXTENSIONS, LOG_FORMAT, Format, Outcome, Runner, Settings
from .config import Config
from .document import Kind
from .errors import ConfigError
from .rules import BUILTIN_RULES

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
SIZE_RE: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
SIZE_UNITS: Final = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9, "ki": 2**10, "mi": 2**20, "gi": 2**30}

DESCRIPTION = """\
Strip boilerplate from web pages and keep the main text.

An INPUT is a file, a folder (walked recursively for .html/.htm/.xhtml/.shtml/.txt/.text
files, also .gz, and WARC files), a glob ('site/**/*.html', quoted), - for standard input,
or an http(s) URL. .gz files are read transparently; a .warc/.warc.gz file gives one page
per HTML response record."""

EPILOG = """\
examples:
  cleaner page.html                         clean one page to standard output
  cleaner site/ -o clean/ --format markdown one .md per page, sub-folders mirrored
  cleaner crawl.warc.gz --jsonl -o out.jsonl  one JSON record per HTML response
  curl -s URL | cleaner - --explain         what was removed, and by which rule
  cleaner --list-rules                      the rules; --rule CODE for one in full

exit status: 0 every input was cleaned, 1 some failed (the rest were written),
2 usage error, 130 interrupted."""


class UsageError(Exception):
    """A bad command line: exit status 2."""


class Interrupted(KeyboardInterrupt):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_intermixed_args(argv)
    except SystemExit as exit_:  # --help, --version, or argparse's own usage error
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if args.list_rules or args.rule:
        return show_rules(args.rule)
    try:
        job = Job.from_args(args)
    except (UsageError, ConfigError) as err:
        parser.print_usage(sys.stderr)
        sys.stderr.write(f"cleaner: error: {err}\n")
        return EXIT_USAGE
    return job.run()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner",
        usage="cleaner [options] INPUT...\n       cleaner --list-rules | --rule CODE",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="file, folder, glob, - or URL")

    out = parser.add_argument_group("output")
    out.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="DIR",
        help="write one file per page under DIR (with --jsonl: the JSON-lines file); default: stdout",
    )
    out.add_argument(
        "-f", "--format", choices=("text", "markdown", "json"), help="output format (default: text)"
    )
    out.add_argument("--jsonl", action="store_true", help="one JSON record per page, in one stream")
    out.add_argument("--explain", action="store_true", help="list what was removed, by which rule and why")
    out.add_argument("--resume", action="store_true", help="skip pages whose output exists and is newer")
    out.add_argument(
        "--errors", type=Path, metavar="FILE", help="also append failures to FILE (path TAB reason)"
    )

    run = parser.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    run.add_argument(
        "--timeout", type=float, default=20.0, metavar="S", help="URL fetch time limit (default: 20)"
    )

    page = parser.add_argument_group("the page (arguments of Cleaner.run)")
    page.add_argument("--kind", choices=[k.value for k in Kind], default="auto", help="default: auto")
    page.add_argument(
        "--encoding", metavar="ENC", help="encoding hint for inputs with no HTTP charset (files, stdin)"
    )
    page.add_argument("--url", metavar="URL", help="the URL of a single file or stdin input")

    cfg = parser.add_argument_group(
        "rules and configuration",
        "Every field of cleaner.Config, by the same name (max_depth: --max-depth). "
        "Lists are comma-separated or repeated.",
    )
    cfg.add_argument(
        "--config", type=Path, metavar="FILE", help="a Config in TOML; the options below override it"
    )
    add_config_options(cfg)

    info = parser.add_argument_group("information")
    info.add_argument("--list-rules", action="store_true", help="list the rules: code, name, summary")
    info.add_argument("--rule", metavar="CODE", help="print a rule's documentation (code, name or group)")
    info.add_argument("--version", action="version", version=f"cleaner {__version__}")
    return parser


def parse_size(text: str) -> int:
    """``1000``, ``64k``, ``50M``, ``1GiB`` -> bytes."""
    match = SIZE_RE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 5000000, 64k, 50M)")
    unit = (match.group(2) or "").lower().removesuffix("b")
    return int(float(match.group(1)) * SIZE_UNITS[unit])


def parse_seconds(text: str) -> float | None:
    if text.strip().lower() in ("none", "off", "0"):
        return None
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None


def split_list(values: Sequence[str] | None) -> tuple[str, ...] | None:
    """``["a,b", "c"]`` -> ``("a", "b", "c")``; None when the flag was not given."""
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


CONFIG_HELP: Final = {
    "select": "rule codes, names or groups to run",
    "ignore": "rule codes, names or groups to skip",
    "languages": "phrase-list languages, e.g. en,de (default: the page's own)",
    "extract": "main-content extraction on HTML; --no-extract keeps the whole <body>",
    "include_comments": "keep comment sections (auto: on discussion pages only)",
    "include_tables": "keep tables",
    "favor": "extraction trade-off",
    "strict": "a crashing rule fails the page instead of being skipped",
    "max_bytes": "largest page: 5000000, 64k, 50M, 1GiB",
    "max_depth": "deepest HTML nesting",
    "time_budget": "seconds per page, or none",
}
CONFIG_ALIASES: Final = {"languages": ("--lang",)}


def add_config_options(group: argparse._ArgumentGroup) -> None:
    """One option per Config field, typed by its annotation, absent from args unless given."""
    defaults = Config()
    hints = typing.get_type_hints(Config)
    for field in dataclasses.fields(Config):
        name = field.name
        base, optional = _unwrap_optional(hints[name])
        text = CONFIG_HELP.get(name, f"Config.{name}") + _default_text(getattr(defaults, name))
        options: dict[str, Any] = {"dest": name, "default": argparse.SUPPRESS, "help": text}
        if base is bool:
            options.update(action=argparse.BooleanOptionalAction)
        elif isinstance(base, type) and issubclass(base, Enum):
            options.update(choices=[member.value for member in base])
        elif base is int:
            options.update(type=parse_size if name.endswith("bytes") else int, metavar="N")
        elif base is float:
            options.update(type=parse_seconds if optional else float, metavar="S")
        elif typing.get_origin(base) is tuple:
            options.update(action="append", metavar="LIST")
        else:  # a type the command line cannot express: --config FILE only
            continue
        group.add_argument(f"--{name.replace('_', '-')}", *CONFIG_ALIASES.get(name, ()), **options)


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    """``X | None`` -> ``(X, True)``; anything else -> ``(hint, False)``."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if len(args) == 1 and len(typing.get_args(hint)) == 2:
        return args[0], True
    return hint, False


def _default_text(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return {True: " (default: on)", False: " (default: off)", None: " (default: auto)"}[value]
    if isinstance(value, tuple):
        return f" (default: {','.join(value)})" if value else ""
    return f" (default: {getattr(value, 'value', value)})"


def build_config(args: argparse.Namespace) -> Config:
    """The TOML file's Config (or the default), with the options that were given on top."""
    base = Config.from_toml(args.config) if args.config else Config()
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(Config):
        if hasattr(args, field.name):
            value = getattr(args, field.name)
            changes[field.name] = split_list(value) if isinstance(value, list) else value
    try:
        return dataclasses.replace(base, **changes)
    except TypeError as err:
        raise ConfigError(str(err)) from err


def show_rules(selector: str | None) -> int:
    """``--list-rules``: a table; ``--rule X``: the full docstring of each rule X picks."""
    if selector is None:
        width = max(len(r.name) for r in BUILTIN_RULES)
        for rule in BUILTIN_RULES:
            sys.stdout.write(f"{rule.code:<6} {rule.name:<{width}}  {rule.summary()}\n")
        return EXIT_OK
    chosen = [r for r in BUILTIN_RULES if registry.matches(r, selector)]
    if not chosen:
        sys.stderr.write(f"cleaner: error: no rule matches {selector!r}; see cleaner --list-rules\n")
        return EXIT_USAGE
    for i, rule in enumerate(chosen):
        context = ", context rule" if rule.context else ""
        sys.stdout.write(
            ("\n" if i else "") + f"{rule.code}  {rule.name}  (group {rule.group()}{context})\n\n"
        )
        sys.stdout.write(inspect.cleandoc(rule.__doc__ or "") + "\n")
    return EXIT_OK


@dataclasses.dataclass
class Job:
    """A validated command line, ready to run."""

    inputs: tuple[str, ...]
    plan: Plan
    settings: Settings
    jobs: int
    quiet: bool
    output: Path | None
    errors: Path | None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Job:
        inputs = tuple(args.inputs)
        if not inputs:
            raise UsageError("no INPUT given (use - to read standard input)")
        if inputs.count("-") > 1:
            raise UsageError("standard input (-) can be given only once")
        fmt: Format = args.format or "text"
        if args.jsonl:
            if args.format not in (None, "json"):
                raise UsageError("--jsonl writes JSON records; drop --format")
            fmt = "jsonl"
        if args.output is not None:
            if args.jsonl and args.output.is_dir():
                raise UsageError(f"with --jsonl, -o names a file, and {args.output} is a folder")
            if not args.jsonl and args.output.exists() and not args.output.is_dir():
                raise UsageError(f"-o {args.output}: not a folder")
        elif not args.jsonl and not single_page(inputs):
            raise UsageError("several pages need -o DIR (one file each) or --jsonl (one record each)")
        if args.resume and (args.output is None or args.jsonl):
            raise UsageError("--resume needs -o DIR (it skips pages whose output file is up to date)")
        if args.url is not None and (not single_page(inputs) or is_url(inputs[0]) or not is_url(args.url)):
            raise UsageError("--url takes an http(s) URL and goes with a single file or - input")
        if args.encoding is not None:
            try:
                codecs.lookup(args.encoding)
            except LookupError:
                raise UsageError(f"unknown encoding {args.encoding!r}") from None
        if args.timeout <= 0:
            raise UsageError("--timeout must be positive")
        if args.jobs is not None and args.jobs < 0:
            raise UsageError("--jobs must be 0 (all cores) or more")
        config = build_config(args)
        Cleaner(config)  # checks the rule selectors now, not in every worker
        jobs = args.jobs or cpu_count()
        if args.output is None and not args.jsonl:
            jobs = 1  # a single page: no pool to start
        out_dir = args.output if args.output is not None and not args.jsonl else None
        return cls(
            inputs=inputs,
            plan=Plan(EXTENSIONS[fmt], out_dir, args.resume, config.max_bytes, args.url),
            settings=Settings(config, fmt, Kind(args.kind), args.encoding, args.timeout, args.explain),
            jobs=jobs,
            quiet=args.quiet,
            output=args.output,
            errors=args.errors,
        )

    def sink(self) -> Sink:
        if self.output is None:
            inline = self.settings.explain and self.settings.format in ("text", "markdown")
            return Sink(explain_inline=inline)
        if self.settings.format == "jsonl":
            return JsonlFileSink(self.output)
        return FolderSink(self.output)

    def run(self) -> int:
        if not logging.getLogger().handlers:
            logging.basicConfig(format=LOG_FORMAT, level=logging.WARNING)
        try:
            reporter = Reporter(quiet=self.quiet, errors_path=self.errors)
            sink = self.sink()
        except OSError as err:
            sys.stderr.write(f"cleaner: error: {err.filename or ''}: {err.strerror or err}\n")
            return EXIT_USAGE
        previous = _on_signal(signal.SIGTERM, _interrupt)
        runner = Runner(self.settings, self.jobs)
        try:
            self._loop(runner, sink, reporter)
            sink.finish()
        except KeyboardInterrupt as err:
            runner.close(kill=True)
            sink.abort()
            reporter.close()
            sys.stderr.write("cleaner: interrupted; the pages written so far are complete\n")
            return 128 + (err.signum if isinstance(err, Interrupted) else signal.SIGINT)
        except BrokenPipeError:  # the reader of stdout went away (e.g. `| head`)
            runner.close(kill=True)
            _silence_stdout()
            return EXIT_FAILED
        finally:
            _on_signal(signal.SIGTERM, previous)
            reporter.close()
        if not self.quiet:
            sys.stderr.write(reporter.summary() + "\n")
        return EXIT_FAILED if reporter.failed else EXIT_OK

    def _loop(self, runner: Runner, sink: Sink, reporter: Reporter) -> None:
        explain_stream = sys.stdout if sink.explain_inline else sys.stderr
        color = use_color(explain_stream)
        for outcome in runner.run(iter_items(self.inputs, self.plan)):
            if outcome.status == "ok":
                listing = (
                    explain(outcome.source, outcome.removals, color=color) if self.settings.explain else ""
                )
                try:
                    sink.write(outcome, listing if sink.explain_inline else "")
                except BrokenPipeError:
                    raise
                except OSError as err:
                    target = self.output / outcome.out if self.output and outcome.out else "output"
                    reason = f"cannot write {target}: {err.strerror or err}"
                    outcome = Outcome(outcome.source, "failed", error=reason)
                if listing and not sink.explain_inline and outcome.status == "ok":
                    reporter.message(listing)
            if outcome.status == "failed":
                reporter.fail(outcome.source, outcome.error)
            reporter.count(outcome)


def cpu_count() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def _on_signal(signum: int, handler: Any) -> Any:
    try:
        return signal.signal(signum, handler)
    except (ValueError, OSError):  # not the main thread: leave signals alone
        return handler


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
