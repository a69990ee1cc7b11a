"""The LaTeX the reader hands to latex2sympy2-extended, with each output column mapped to its source."""

from __future__ import annotations

import bisect

from derive.parse.tokens import is_variable


class Out:
    """LaTeX being written for the parser, remembering where in the source each piece came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.size = 0

    def add(self, text: str, origin: int) -> None:
        if text.lstrip().startswith("(") and self._before_call():
            self._append(r" \cdot ", origin)  # a letter before "(" would be a call: a (x)^{2} is a*x^2, not (a*x)^2
        self._append(text, origin)

    def _append(self, text: str, origin: int) -> None:
        self.parts.append(text)
        self.starts.append(self.size)
        self.origins.append(origin)
        self.size += len(text)

    def _before_call(self) -> bool:
        """The last piece written is a letter (``a``, ``\\alpha``) or a digit that is not the base of a
        logarithm (``\\log_b``, ``\\log_2``): the grammar would read ``a(x)`` as a call, ``2(3)`` as 2 3 (5)."""
        written: list[str] = []
        for part in reversed(self.parts):
            if part.strip():
                written.append(part.strip())
                if len(written) == 3:
                    break
        if not written or not (is_variable(written[0]) or written[0] == "d" or written[0][-1:].isdigit()):
            return False
        if written[1:] == ["^", r"\log"] or written[1:] == ["^", r"\ln"]:
            return False  # \log^3(x): the power of the logarithm, its argument in brackets
        return len(written) < 2 or written[1] != "_"

    def text(self) -> str:
        return "".join(self.parts)

    def origin(self, column: int) -> int | None:
        """The source offset of the piece holding ``column``; ``None`` past the end."""
        if not 0 <= column < self.size:
            return None
        return self.origins[bisect.bisect_right(self.starts, column) - 1]
