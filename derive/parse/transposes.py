r"""Transposes refused, and ``^T`` read as a power where the text uses ``T`` as a number (a count of tails).

derive reads numbers: matrix algebra read as numbers proves false things (``X^T Y = Y^T X``), so
``w^T x``, ``X^\top`` are errors, while ``p^H (1-p)^T`` beside ``N - T`` is a power and ``e^T``,
``2^{T}`` (a number is never transposed) are powers too.
"""

from __future__ import annotations

import re

from derive.parse.adapter import ParseError


#: A transpose: ``^T``, ``^{T}``, ``^\top``, ``^{\intercal}``, ``^\mathsf{T}``, ``^{\mathrm{T}}``.
TRANSPOSE = re.compile(r"\^\s*(?:\{\s*(?:T|\\top|\\intercal|\\math(?:sf|rm)\s*\{\s*T\s*\}|\\math(?:sf|rm)\s*T)\s*\}"
                       r"|T|\\top|\\intercal|\\math(?:sf|rm)\s*\{\s*T\s*\})")
#: The letter ``T`` as a symbol of its own (``N - T``, ``P(T)``).
_LETTER_T = re.compile(r"(?<![\\A-Za-z])T(?![A-Za-z])")
_PLAIN_T = re.compile(r"\^\s*(?:T|\{\s*T\s*\})")
_NUMBER_BASE = re.compile(r"(?:(?<![\\A-Za-z])e|\d|\\pi)\s*$")


def uses_t(tex: str) -> bool:
    """``tex`` writes the letter ``T`` other than as a superscript ``^T`` (a count of tails, a horizon)."""
    return bool(_LETTER_T.search(TRANSPOSE.sub(" ", tex)))


def t_as_power(tex: str) -> str:
    """``tex`` with each ``^T`` / ``^{T}`` a power ``T`` (the text uses ``T`` as a number)."""
    return _PLAIN_T.sub("^{(T)}", tex)


def transposes(tex: str) -> str:
    r"""``p^H (1-p)^T`` beside ``N - T``: a power, ``T`` a number the formula uses; any other transpose (``w^T x``,
    ``X^\top``) is refused: derive reads numbers, and matrix algebra read as numbers proves false things
    (``X^T Y = Y^T X``)."""
    found = next((m for m in TRANSPOSE.finditer(tex) if not _NUMBER_BASE.search(tex, 0, m.start())), None)
    if found is None:  # e^T, 2^{T}: a number is never transposed
        return t_as_power(tex)
    if uses_t(tex) and all(_PLAIN_T.fullmatch(m.group(0)) for m in TRANSPOSE.finditer(tex)):
        return t_as_power(tex)
    raise ParseError(f"a transpose at offset {found.start()}: derive reads numbers, not vectors or matrices "
                     "(if T is a number, write ^{(T)})")
