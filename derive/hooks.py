"""Conveniences of the core types that live in higher layers, registered by the package face (``import derive``).

``Derivation.verify()`` and a derivation's Jupyter displays need the verifier
and the renderers, which are built on the core types.  The core does not
import them (data flows one way); instead :mod:`derive` fills these slots
when it is imported, and the core calls through them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: ``verify(derivation) -> Report``: set by :mod:`derive`, calls :func:`derive.verify.verify_derivation`.
verify: Callable[[Any], Any] | None = None
#: ``markdown(derivation) -> str``: the derivation as Markdown without front matter (Jupyter).
markdown: Callable[[Any], str] | None = None
#: ``latex(derivation) -> str``: every chain as one aligned display (Jupyter).
latex: Callable[[Any], str] | None = None
#: ``report(report) -> str``: a verification report as a Markdown table (Jupyter).
report: Callable[[Any], str] | None = None


def call(slot: Callable[[Any], Any] | None, name: str, value: Any) -> Any:
    if slot is None:
        from derive.errors import DeriveError

        raise DeriveError(f"derive.hooks.{name} is not set: import derive first")
    return slot(value)
