"""The ``derive`` command.

``derive article`` replays the founding article's derivation for two coins,
verifies every step, and writes Markdown and LaTeX into ``outputs/``.
Errors print one line to standard error and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from derive.errors import DeriveError

FORMATS = ("md", "tex")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 2, with no usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="derive", description="Step-by-step derivations with every step proved.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    article = commands.add_parser("article", help="replay the article: cross-entropy = KL divergence + entropy")
    article.add_argument("--format", default="all", choices=FORMATS + ("all",),
                         help="which documents to write (default: all)")
    article.add_argument("--out", default="outputs", help="output folder, or - for standard output (default: outputs)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return _article(args)
    except _UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except DeriveError as exc:
        print(f"derive: error: {exc}", file=sys.stderr)
        return 2


def _article(args: argparse.Namespace) -> int:
    from derive.api import article_documents
    from derive.outputs import write_all

    formats = FORMATS if args.format == "all" else (args.format,)
    documents, report = article_documents(formats)
    if args.out == "-":
        sys.stdout.write("\n".join(documents.values()))
    else:
        for path in write_all(Path(args.out), documents):
            print(f"wrote {path}")
    print(f"verification: {report.summary()}", file=sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
