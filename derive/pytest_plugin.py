"""derive's pytest plugin, registered as the ``pytest11`` entry point ``derive``.

A project that installs derive gets, without importing anything:

* the ``derive_check`` fixture, a :class:`derive.testing.DeriveCheck`::

      def test_kl(derive_check):
          derive_check.identity(r"KL(P \\Vert Q)", r"H(P, Q) - H(P)", define=["P(H) = p", "Q(H) = q"])
          derive_check.document("notes/kl.md")

* assertion rewriting for :mod:`derive.testing`, so its failures show their values.

Disable it with ``-p no:derive``.
"""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("derive.testing")


@pytest.fixture
def derive_check():
    """derive's assertions: ``.identity(lhs, rhs)``, ``.derivation(d)``, ``.document(path)``, ``.given(...)``."""
    from derive.testing import DeriveCheck

    return DeriveCheck()
