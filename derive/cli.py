"""The ``derive`` command.

``derive article`` replays the founding article's derivation for two coins,
verifies every step, and writes Markdown, LaTeX and a JSON proof into
``outputs/``.  ``derive verify FILE.json`` re-checks a proof file on its own.
Errors print one line to standard error and exit with status 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from derive.errors import DeriveError

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*\Z")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 2, with no usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


class _Choices:
    """Choices computed when first asked for (parsing ``article``'s options, or help), so the other commands
    never import what only ``article`` needs."""

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load
        self._values: tuple[str, ...] | None = None

    def _get(self) -> tuple[str, ...]:
        if self._values is None:
            self._values = tuple(self._load())
        return self._values

    def __contains__(self, item: object) -> bool:
        return item in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())


def _formats() -> tuple[str, ...]:
    """The renderers' table (``derive/render/formats.py``), then ``all``."""
    from derive.render.formats import RENDERERS

    return (*RENDERERS, "all")


def _pairs() -> tuple[str, ...]:
    """The shipped pairs, then every family of the registry (``derive.api.pairs``), then ``all``."""
    from derive.api import pairs

    return (*pairs(), "all")


def build_parser() -> argparse.ArgumentParser:
    """The command line; ``article``'s formats come from the renderers' table, its pairs from the family registry."""
    from derive import __version__

    parser = _Parser(prog="derive", description="Step-by-step derivations with every step proved.")
    parser.add_argument("--version", action="version", version=f"derive {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")
    article = commands.add_parser("article", help="replay the article: cross-entropy = KL divergence + entropy")
    article.add_argument("--format", default="all", choices=_Choices(_formats), metavar="FORMAT",
                         help="which documents to write: %(choices)s (default: all = md, tex, json; "
                              "html is a self-contained page of about 650 KB, written only when asked for)")
    article.add_argument("--out", default="outputs", help="output folder, or - for standard output (default: outputs)")
    article.add_argument("--units", default="nats", choices=("nats", "bits", "any"),
                         help="natural logarithms (nats, default), base-2 logarithms (bits), or an arbitrary "
                              "base b > 1 (any; the relation topic only)")
    article.add_argument("--log", default="log", choices=("log", "ln"), help=r"write the natural log as \log or \ln")
    article.add_argument("--kl", default="KL", choices=("KL", "D"),
                         help=r"write the KL divergence as \mathrm{KL}(P \Vert Q) (KL, default) or "
                              r"D_{\mathrm{KL}}(P \Vert Q) (D)")
    article.add_argument("--style", default="article", choices=("article", "compact"),
                         help="sections and prose (article) or one aligned chain (compact)")
    article.add_argument("--names", default="P,Q", type=_pair, help="names of the true and model distributions")
    article.add_argument("--params", default="p,q", type=_pair, help="names of their parameters")
    article.add_argument("--outcomes", default="H,T", type=_labels,
                         help="labels of the coin's two outcomes, letters or digits (H,T; 1,0)")
    article.add_argument("--dist", default="coin", choices=_Choices(_pairs), metavar="NAME",
                         help="the pair of distributions: %(choices)s (a family's two members with symbolic "
                              "parameters; all: the pairs whose documents derive ships) (default: coin)")
    article.add_argument("--topic", default="relation", choices=("relation", "minimization", "all"),
                         help="the relation H(P, Q) = KL + H(P) (default), the minimization argument (same "
                              "gradient, minimum at Q = P, Gibbs' inequality, the logistic loss), or all")
    article.add_argument("-q", "--quiet", action="store_true",
                         help="no progress lines and no list of written files (errors and failures still print)")
    verify = commands.add_parser("verify", help="re-check a proof file written by --format json: every step, "
                                 "and that the steps prove its statement")
    verify.add_argument("file", help="a JSON proof file")
    verify.add_argument("-v", "--verbose", action="store_true", help="a line for every step, proved ones too")
    verify.add_argument("--timeout", default=30.0, type=_seconds, metavar="SECONDS", help="time per step (default: 30)")
    check = commands.add_parser("check", help="check every chain of equalities in a Markdown or LaTeX document")
    check.add_argument("files", nargs="+", metavar="file",
                       help="a Markdown (.md) or LaTeX (.tex) document, or a folder of them (checked in one process)")
    check.add_argument("--assume", action="append", default=[], metavar="RELATION",
                       help='a bound such as "0 < p < 1" (repeatable)')
    check.add_argument("--define", action="append", default=[], metavar="EQUATION",
                       help='a definition such as "P(H) = p" (repeatable)')
    check.add_argument("--format", default="text", choices=("text", "json"), help="the report's form (default: text)")
    check.add_argument("--strict", action="store_true", help="unknown and unparsed links fail too (exit 1)")
    check.add_argument("--allow-empty", action="store_true",
                       help="a document with nothing to check (no math, no relation, no link that could be checked) "
                            "passes instead of exiting 2, as a pre-commit hook wants for ordinary Markdown")
    check.add_argument("--units", default=None, choices=("nats", "bits"),
                       help="the base of H and KL (default: the front matter's, else nats)")
    check.add_argument("--timeout", default=30.0, type=_seconds, metavar="SECONDS", help="time per link (default: 30)")
    return parser


def _pair(text: str) -> tuple[str, str]:
    parts = tuple(part.strip() for part in text.split(","))
    if len(parts) != 2 or not all(_IDENTIFIER.match(part) for part in parts) or parts[0] == parts[1]:
        raise argparse.ArgumentTypeError(f"expected two different names like A,B, got {text!r}")
    return parts  # type: ignore[return-value]


def _labels(text: str) -> tuple[str, str]:
    """Two different outcome labels of letters or digits: ``H,T``, ``1,0``, ``win,lose``."""
    parts = tuple(part.strip() for part in text.split(","))
    if len(parts) != 2 or not all(part.isascii() and part.isalnum() for part in parts) or parts[0] == parts[1]:
        raise argparse.ArgumentTypeError(f"expected two different labels of letters or digits like H,T or 1,0, "
                                         f"got {text!r}")
    return parts  # type: ignore[return-value]


def _seconds(text: str) -> float:
    """A positive, finite number of seconds (a negative or zero time limit cannot be set)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` (the process's arguments by default); the exit status: 0 proved or written, 1 not
    proved, 2 unusable input.  With no command, the usage and the commands."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        build_parser().print_help(sys.stderr)
        return 2
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        return {"article": _article, "verify": _verify, "check": _check}[args.command](args)
    except DeriveError as exc:
        error(args.command, str(exc))
        return 2


def error(command: str, message: str) -> None:
    """One line on standard error, in argparse's style: ``derive check: error: MESSAGE``."""
    print(f"derive {command}: error: {message}", file=sys.stderr)


def _article(args: argparse.Namespace) -> int:
    from derive.api import Options, article_documents
    from derive.outputs import check_folder, write_all

    options = Options(units=args.units, log=args.log, style=args.style, names=args.names, params=args.params,
                      outcomes=args.outcomes, kl=args.kl)
    from derive.api import DISTS, MINIMIZATION_DISTS, pairs
    from derive.core import Report
    from derive.render.formats import in_all

    formats = in_all() if args.format == "all" else (args.format,)
    topics = ("relation", "minimization") if args.topic == "all" else (args.topic,)
    known = {"relation": tuple(pairs()), "minimization": MINIMIZATION_DISTS}
    shipped = {"relation": tuple(DISTS), "minimization": MINIMIZATION_DISTS}
    if args.dist != "all" and not any(args.dist in known[t] for t in topics):
        choices = ", ".join(dict.fromkeys(d for t in topics for d in known[t]))
        raise DeriveError(f"unknown distribution {args.dist!r} for --dist; choose from all, {choices}")
    documents: dict[str, str] = {}
    results: list = []
    if args.out != "-":
        check_folder(Path(args.out))
    progress = None if args.quiet else _progress_line
    for topic in topics:
        for dist in (shipped[topic] if args.dist == "all" else (args.dist,)):
            if dist not in known[topic]:
                continue
            more, part = article_documents(formats, options, dist, topic, progress)
            documents.update(more)
            results.extend(part.results)
    report = Report(tuple(results))
    if args.out == "-":
        sys.stdout.write(_on_one_stream(documents))
    else:
        for path in write_all(Path(args.out), documents):
            if not args.quiet:
                print(f"wrote {path}")
    if not (args.quiet and report.ok):
        print(f"verification: {report.summary()}", file=sys.stderr)
    return 0 if report.ok else 1


def _progress_line(derivation, report) -> None:
    """``verified kl-cross-entropy-normal: 36 proved, 0 refuted, 0 unknown`` on standard error, as it happens."""
    print(f"verified {derivation.slug}: {report.summary()}", file=sys.stderr, flush=True)


def _on_one_stream(documents: dict[str, str]) -> str:
    """The documents one after another; several are each headed by a line naming the file they would be."""
    if len(documents) == 1:
        return next(iter(documents.values()))
    return "".join(f"==> {name} <==\n{text}{'' if text.endswith(chr(10)) else chr(10)}\n"
                   for name, text in documents.items())


def _verify(args: argparse.Namespace) -> int:
    from derive.check.proof_file import check_proof_text

    path = Path(args.file)
    text = _read_proof(path)
    try:
        report = check_proof_text(text, str(path), args.timeout)
    except DeriveError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise DeriveError(f"{path}: too large or too deeply nested to check ({type(exc).__name__})") from None
    except Exception as exc:  # never a traceback: an internal failure is one line, and nothing is proved
        raise DeriveError(f"{path}: internal error while checking: {type(exc).__name__}: "
                          f"{' '.join(str(exc).split())[:200]}") from None
    for c in report.steps:
        if args.verbose or not c.verdict.proved:
            reason = f": {c.verdict.reason}" if not c.verdict.proved and c.verdict.reason else ""
            print(f"{path}: step {c.index} ({c.rule}): {c.verdict.status.value}{reason}")
    print(f"{path}: {_verdict_line(report)}")
    return 0 if report.ok else 1


def _read_proof(path: Path) -> str:
    """The file's text: a regular file of at most MAX_BYTES bytes of UTF-8."""
    from derive.render.proof_schema import MAX_BYTES

    try:
        if path.is_file() and path.stat().st_size > MAX_BYTES:
            raise DeriveError(f"{path}: file is larger than {MAX_BYTES} bytes")
        if path.exists() and not path.is_file() and not path.is_dir():
            raise DeriveError(f"cannot read {path}: not a regular file")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DeriveError(f"cannot read {path}: not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise DeriveError(f"cannot read {path}: {exc.strerror or exc}") from None


def _verdict_line(report) -> str:
    """``proved: STATEMENT (by steps 14-20); 20 steps: 20 proved, 0 refuted, 0 unknown``, or why not."""
    from derive.core import Status

    counts = ", ".join(f"{sum(c.verdict.status is s for c in report.steps)} {s.value}" for s in Status)
    tally = f"{len(report.steps)} steps: {counts}"
    if report.statement is None:
        return f"{report.conclusion.reason}; {tally}"
    statement = " ".join(report.statement.split())
    statement = statement if len(statement) <= 100 else statement[:97] + "..."
    if report.ok:
        return f"proved: {statement} (by {report.conclusion.steps}); {tally}"
    if not report.conclusion.proved:
        return f"not proved: {report.conclusion.reason}; {tally}"
    failed = [c.index for c in report.steps if not c.verdict.proved]
    which = f"step {failed[0]}" if len(failed) == 1 else f"steps {', '.join(map(str, failed[:10]))}"
    return f"not proved: {which} of the proof {'is' if len(failed) == 1 else 'are'} not proved; {tally}"


def _check(args: argparse.Namespace) -> int:
    """Each document in turn, in one process; a folder's ``.md`` and ``.tex`` files in name order.  The exit
    status is the worst: 2 if a document is unusable, else 1 if a link is refuted (or, strict, not proved);
    ``--allow-empty`` lets a document with nothing to check pass."""
    from derive.check import CheckError, Options, check_file
    from derive.check.errors import NothingToCheck

    options = Options(tuple(args.assume), tuple(args.define), args.units, args.strict, args.timeout)
    paths = [p for name in args.files for p in _documents(Path(name))]
    if not paths:
        raise DeriveError(f"no .md or .tex document in {', '.join(args.files)}")
    codes, reports = [], []
    for path in paths:
        try:
            result = check_file(path, options)
        except CheckError as exc:
            if args.allow_empty and isinstance(exc, NothingToCheck):
                sys.stdout.write(f"{exc}: nothing to check\n" if args.format == "text" else "")
                codes.append(0)
                continue
            if len(paths) == 1:
                raise
            error("check", str(exc))
            codes.append(2)
            continue
        if args.format == "json" and len(paths) > 1:
            reports.append(result.as_dict())
        else:
            sys.stdout.write(result.json() if args.format == "json" else result.text())
        if result.exit_code == 2 and not args.allow_empty:
            error("check", f"{path}: no link could be checked")
        codes.append(0 if result.exit_code == 2 and args.allow_empty else result.exit_code)
    if reports:  # several documents: one JSON list of their reports
        sys.stdout.write(json.dumps(reports, indent=2, ensure_ascii=False) + "\n")
    return 2 if 2 in codes else max(codes)


def _documents(path: Path) -> list[Path]:
    """``path`` itself, or the ``.md`` and ``.tex`` documents under the folder ``path``, in name order."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix in (".md", ".tex") and p.is_file())


if __name__ == "__main__":
    raise SystemExit(main())
