r"""The ``derive:`` block of a Markdown document's front matter, read by a tiny reader (not a YAML library).

::

    ---
    title: anything else is ignored
    derive:
      assume: ["0 < p < 1", "0 < q < 1"]
      define:
        - P(H) = p
        - 'Q(H) = q'
      units: bits
    ---

Keys under ``derive:`` are ``assume``, ``define`` (a list, written inline
``[a, b]`` or one ``- item`` per line, or a single value) and ``units``
(``nats`` or ``bits``).  Quotes (``"..."`` or ``'...'``) are only delimiters:
backslashes are kept as written, so LaTeX needs no escaping; quote an item
that holds a comma inside an inline list.  A line starting with ``#`` is a
comment.  Anything else under ``derive:`` is an error naming its line.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.check.errors import CheckError

KEYS = ("assume", "define", "units")


@dataclass(frozen=True)
class Settings:
    """What the front matter asks for; each item with the line it was written on."""

    assume: tuple[tuple[str, int], ...] = ()
    define: tuple[tuple[str, int], ...] = ()
    units: str | None = None


def read(block: str, first_line: int, file: str) -> Settings:
    """The ``derive:`` settings of front matter ``block``, whose first line is line ``first_line`` of ``file``."""
    lines = block.splitlines()
    start = next((k for k, line in enumerate(lines) if line.rstrip() == "derive:"), None)
    if start is None:
        return Settings()
    values: dict[str, list[tuple[str, int]]] = {}
    key: str | None = None
    for k in range(start + 1, len(lines)):
        raw, number = lines[k], first_line + k
        if raw.strip() == "" or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            break  # the next top-level key: the derive block is over
        text = raw.strip()
        if text.startswith("- "):
            if key is None:
                raise CheckError(f"{file}:{number}: a list item under derive: belongs to no key")
            values[key].append((_scalar(text[2:], file, number), number))
            continue
        name, colon, rest = text.partition(":")
        if not colon or name.strip() not in KEYS:
            raise CheckError(f"{file}:{number}: unknown setting {text[:40]!r} under derive: (known: {', '.join(KEYS)})")
        key = name.strip()
        values[key] = [(item, number) for item in _value(rest.strip(), file, number)]
    units = values.get("units", [])
    if len(units) > 1 or (units and units[0][0] not in ("nats", "bits")):
        raise CheckError(f"{file}:{units[0][1]}: units must be nats or bits")
    return Settings(tuple(values.get("assume", ())), tuple(values.get("define", ())), units[0][0] if units else None)


def _value(text: str, file: str, number: int) -> list[str]:
    """An inline list, one scalar, or nothing (the items follow on their own lines)."""
    if not text:
        return []
    if text.startswith("["):
        if not text.endswith("]"):
            raise CheckError(f"{file}:{number}: an inline list must end with ']' on the same line")
        return [_scalar(item, file, number) for item in _items(text[1:-1], file, number) if item.strip()]
    return [_scalar(text, file, number)]


def _items(text: str, file: str, number: int) -> list[str]:
    """The comma-separated items of an inline list; commas inside quotes stay."""
    items, current, quote = [], [], ""
    for char in text:
        if quote:
            current.append(char)
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
            current.append(char)
        elif char == ",":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    if quote:
        raise CheckError(f"{file}:{number}: a quote is never closed")
    items.append("".join(current))
    return items


def _scalar(text: str, file: str, number: int) -> str:
    """A value without its quotes; backslashes are kept."""
    text = text.strip()
    if text[:1] in "\"'" and len(text) >= 2:
        if text[-1] != text[0]:
            raise CheckError(f"{file}:{number}: a quote is never closed")
        return text[1:-1]
    if not text:
        raise CheckError(f"{file}:{number}: an empty value")
    return text
