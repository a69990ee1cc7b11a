r"""Whether a document is about random variables no one declares, and which of them it says are independent.

A text that writes ``H(X)``, ``I(X; Y)``, ``p(y \mid x)``, ``\mathbb{P}[X = a]``, a model's ``p_\theta(x)``
or ``\sum_{x \in \mathcal{X}}`` speaks of random variables: its ``p(x)`` is their
pmf and its ``\sum_x`` runs over the values of ``X`` (:mod:`derive.parse.randomvars`).
A sentence that says ``$X$`` takes its values in ``$A$`` makes ``\sum_{a \in A}``
a sum over all of them (:func:`value_sets`).  A sentence that declares ``$X$`` and ``$Y$`` independent ("two independent
random variables $X$ and $Y$", "$X$ and $Y$ are independent") makes them so for
the whole document; one that only mentions independence under a condition
("if", "when", "equality holds") or conditional independence does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sympy as sp

from derive.check.definitions import DISTRIBUTION_NAME, family_of
from derive.check.reading import unbold
from derive.parse.lexicon import GREEK
from derive.parse.tokens import split_top

#: A value written as a lower-case Greek letter, ``p(\theta \mid D)`` (never ``\pi``, a number).
_GREEK = r"\\(?:" + "|".join(sorted(g[1:] for g in GREEK if g[1].islower() and g != r"\pi")) + r")(?![A-Za-z])"
_SIGNALS = re.compile(
    r"(?<![A-Za-z\\])(?:H|I|\\mathrm\{H\}|\\operatorname\{H\})\s*\(\s*[A-Z](?:_\{?\w\}?)?\s*(?:[,;|)]|\\mid)"
    r"|\\sum(?:\\limits)?_\{\s*[a-z]\s*\\in\s*(?:[A-Z]|\\mathcal|D\s*\()"
    rf"|(?<![A-Za-z\\])[pP]\s*\(\s*(?:[a-z]|{_GREEK})\s*(?:\||\\mid|\\vert)"
    r"|(?<![A-Za-z\\])[pP]\s*\(\s*[A-Z]\s*="
    r"|(?<![A-Za-z\\])[pq]_\{?\\(?:theta|phi|psi|varphi)\}?\s*\("
    r"|(?<![A-Za-z\\])[a-ce-z](?:_\{?\\?[A-Za-z]+\}?)?\s*\(\s*[a-z]\s*(?:\||\\mid|\\vert)\s*[a-z]\s*\)"  # g(x|z)
    r"|(?<![A-Za-z\\])[pP]_\{?\s*[A-Z](?:\s*(?:,|\||\\mid)?\s*[A-Z])*\s*\}?\s*\("  # p_X(x), P_{Y|X}(y|x)
    r"|\\mathbb\{P\}|\\Pr(?![A-Za-z])")
_DENSITY_LOG = re.compile(rf"(?<![A-Za-z\\])[pq]\s*\(\s*(?:[a-z]|{_GREEK})\s*\)\s*(?:\\cdot\s*)?\\(?:log|ln)(?![A-Za-z])")
#: ``\sum_x``, ``\sum_{x}``: a sum over the values of a variable, without limits.
_BARE_SUM = re.compile(r"\\sum(?:\\limits)?\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])(?!\s*[=^])")
_MATHS = r"\$[^$]+\$(?:\s*(?:,|and|,\s*and)\s*\$[^$]+\$)*"
#: "$X$ and $Y$ are independent", "independent random variables $X$ and $Y$": the variables named there only.
_DECLARED = re.compile(rf"(?P<before>{_MATHS})\s+are\s+(?:mutually\s+|statistically\s+)?independent\b"
                       rf"|\bindependent\s+(?:discrete\s+|continuous\s+)?(?:random\s+)?variables\s+(?P<after>{_MATHS})",
                       re.I)
#: "$X$ and $Y$ with values in the sets $A$ and $B$", "$X$ takes values in $\mathcal{S}$".
_VALUES_IN = re.compile(rf"(?P<variables>{_MATHS})"
                        r"(?:\s+(?:be|is|are)\s+(?:an?\s+)?(?:discrete\s+)?random\s+variables?)?"
                        rf"\s+(?:with|taking|takes?|that\s+takes?)\s+(?:its\s+|their\s+)?"
                        rf"values\s+in\s+(?:the\s+|an?\s+)?(?:(?:finite|discrete|countable|some)\s+)?"
                        rf"(?:(?:sets?|alphabets?)\s+)?(?P<sets>{_MATHS})", re.I)
_SET_NAME = re.compile(r"\s*(?:\\mathcal\{([A-Z])\}|([A-Z]))\s*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z$])|\n\s*\n")
_HEDGED = re.compile(r"\b(?:if|iff|when|whenever|unless|equality|not|conditionally|suppose we)\b", re.I)
_INLINE = re.compile(r"\$([^$]+)\$")
_VARIABLE = re.compile(r"(?<![A-Za-z\\_^])([A-Z])(?:_\{?([A-Za-z0-9])\}?)?(?![A-Za-z(])")


def speaks_of_variables(texts: Iterable[str], sums: bool = True) -> bool:
    r"""Whether the math ``texts`` use the notation of random variables no one declares: one of the signals, or an
    integral of a density, or a sum of a pmf, times a logarithm (``\int p(x) \log \frac{p(x)}{q(x)} dx``,
    ``\sum_x p(x) \log q(x)``: an entropy or a divergence of densities no one names; without ``sums``, only
    the integral)."""
    plain = [unbold(text) for text in texts]  # p(\mathbf{z} | \mathbf{x}) as p(z | x)
    return any(_SIGNALS.search(text) or (r"\int" in text or sums and _BARE_SUM.search(text))
               and _DENSITY_LOG.search(text) for text in plain)


def conditioned(letter: str, texts: Iterable[str]) -> bool:
    r"""Whether the math ``texts`` write a density conditional on the value ``letter`` or of it given another
    (``q(z \mid x)``, ``p(x \mid z)``): a latent variable of a model, which a ``z \sim \mathcal{N}(0, 1)``
    in its text draws one value of, never a law for the whole text."""
    name = rf"(?:\\(?:mathbf|boldsymbol|bm)\s*\{{\s*{letter}\s*\}}|(?<![A-Za-z\\]){letter}(?![A-Za-z]))"
    given = rf"(?:\||\\mid(?![A-Za-z])|\\vert(?![A-Za-z]))"
    pattern = re.compile(rf"\([^()]*{name}[^()]*{given}|{given}[^()]*{name}[^()]*\)")
    return any(pattern.search(text) for text in texts)


#: Independence spoken of without naming what is independent ("the information of independent events adds up").
_INDEPENDENCE_WORD = re.compile(r"\bindependen(?:t|ce|tly)\b(?!\s+(?:of|from)\b)", re.I)


def speaks_of_independence(text: str) -> bool:
    """Whether the prose of ``text`` speaks of independence at all (not of being "independent of" something)."""
    return _INDEPENDENCE_WORD.search(_PROSE_MATH.sub(" ", text)) is not None


def value_sets(text: str) -> dict[str, str]:
    """The sets the prose of ``text`` says its variables take their values in: ``{"A": "X", "B": "Y"}``."""
    out: dict[str, str] = {}
    for match in _VALUES_IN.finditer(text):
        names = [_VARIABLE.findall(m) for m in _INLINE.findall(match.group("variables"))]
        sets = [_SET_NAME.fullmatch(m) for m in _INLINE.findall(match.group("sets"))]
        if len(names) == len(sets) and all(len(n) == 1 for n in names) and all(sets):
            for (letter, sub), found in zip((n[0] for n in names), sets):
                out[found.group(1) or found.group(2)] = letter + (f"_{sub}" if sub else "")
    return out


def independent_blocks(text: str) -> tuple[frozenset[str], ...]:
    """The variables the prose of ``text`` declares mutually independent, each its own block (or none)."""
    found: list[str] = []
    for sentence in _SENTENCE.split(text):
        if _HEDGED.search(sentence):
            continue
        for match in _DECLARED.finditer(sentence):
            for math in _INLINE.findall(match.group("before") or match.group("after")):
                for letter, sub in _VARIABLE.findall(math):
                    name = letter + (f"_{sub}" if sub else "")
                    if name not in found:
                        found.append(name)
    return tuple(frozenset({n}) for n in found) if len(found) > 1 else ()


#: Families named in prose and the bounds their parameters have, in the order the prose lists them (the last
#: entry repeats for further parameters): "Poisson with parameters $\lambda_p, \lambda_q$" makes both positive.
FAMILY_BOUNDS: dict[str, tuple[str, ...]] = {
    "poisson": ("0 < {}",), "exponential": ("0 < {}",), "laplace": ("", "0 < {}"),
    "bernoulli": ("0 < {} < 1",), "geometric": ("0 < {} < 1",), "gamma": ("0 < {}",), "beta": ("0 < {}",),
}
_FAMILY = re.compile(r"\b(" + "|".join(FAMILY_BOUNDS) + r")(?:\s*\(?\s*(?=\$)|\s+distributions?\s+(?=\$)|\s+(?:distributions?\s+|"
                     r"distributed\s+|random\s+variables?\s+)?with\s+(?:the\s+)?(?:parameters?|rates?|means?)\s+(?=\$))",
                     re.I)
#: ``P(\theta)`` after "the Poisson distribution": the parameters are its arguments, never its name.
_NAMED_FAMILY = re.compile(r"\s*\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*(?:\\left)?\((?P<args>[^()]*)(?:\\right)?\)\s*")
_PARAMETER = re.compile(r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?")


def family_bounds(text: str) -> list[str]:
    r"""Bounds the prose of ``text`` gives parameters by naming their family: "$p, q$ are Poisson with
    parameters $\lambda_p, \lambda_q$" gives ``0 < \lambda_p`` and ``0 < \lambda_q``; "Bernoulli($\theta$)"
    gives ``0 < \theta < 1``.  Only math right after the family's name (``Poisson($\lambda$)``, ``Poisson
    $(\lambda)$``) or after "with parameter(s)" is read: "the exponential of $x$" gives nothing."""
    out: list[str] = []
    for sentence in _SENTENCE.split(text):
        for match in _FAMILY.finditer(sentence):
            rest = sentence[match.start(1) + len(match.group(1)):]
            maths = _INLINE.findall(rest[:rest.find("$", rest.find("$") + 1) + 1] if "$" in rest else "")
            if not maths:
                continue
            family = match.group(1).lower()
            if match.group(0).rstrip().endswith(("distribution", "distributions")):  # the Poisson distribution $P(\theta)$
                if (named := _NAMED_FAMILY.fullmatch(maths[0])) is None:
                    continue  # a formula, not the family applied to its parameters
                maths[0] = named.group("args")
            names = [n for n in _PARAMETER.findall(maths[0].replace(r"\left", "").replace(r"\right", ""))
                     if n not in (r"\mathrm", r"\operatorname", r"\text", r"\sim") and n.lower() != family]
            roles = FAMILY_BOUNDS[family]
            for k, name in enumerate(names):
                if role := roles[min(k, len(roles) - 1)]:
                    out.append(role.format(name))
    return out + [bound for bound in conventional_bounds(text) if bound not in out]


#: The letter each family's parameter is written with, and its bound: a text that names the family ("counts
#: from a Poisson distribution") and writes that letter (``\lambda``, ``\lambda_2``) means that parameter.
CONVENTIONAL: dict[str, tuple[str, str]] = {
    "poisson": (r"\lambda", "0 < {}"), "exponential": (r"\lambda", "0 < {}"), "bernoulli": ("p", "0 < {} < 1"),
    "binomial": ("p", "0 < {} < 1"), "geometric": ("p", "0 < {} < 1"),
}
#: Families whose names are also everyday words ("the exponential of"): named only before a noun.
_ALSO_WORDS = frozenset({"exponential"})
_PROSE_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|\\\[.*?\\\]|\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.S)


def conventional_bounds(text: str) -> list[str]:
    r"""Bounds on the letter a family's parameter is written with, where the prose names the family once and only
    that family among them: "$N$ counts from a Poisson distribution" and ``\lambda`` (``\lambda_1``) in the
    formulas give ``0 < \lambda``; "the exponential of $x$" is no family (an exponential is also a function, so
    only "exponential distribution" counts)."""
    prose = _PROSE_MATH.sub(" ", text)
    named = {f for f in CONVENTIONAL if re.search(rf"\b{f}\b" + (r"\s+(?:distribution|random|law|density)"
                                                                if f in _ALSO_WORDS else ""), prose, re.I)}
    letters = {CONVENTIONAL[f] for f in named}
    if len({letter for letter, _ in letters}) != len(letters):  # one letter, two bounds (binomial p, Poisson p?)
        return []
    out: list[str] = []
    maths = " ".join(m.group() for m in _PROSE_MATH.finditer(text))
    for letter, bound in sorted(letters):
        pattern = re.escape(letter) + r"(?:_\{?[A-Za-z0-9]+\}?)?" + (r"(?![A-Za-z])" if letter.startswith("\\") else "")
        for name in dict.fromkeys(re.findall(rf"(?<![A-Za-z\\]){pattern}(?![A-Za-z({{])", maths)):
            out.append(bound.format(name))
    return out


#: Words that may join a distribution's name to its family in prose: "$P$ is a $\mathcal{N}(0, 1)$",
#: "with $P$ a $\text{Laplace}(\mu, b_1)$", "$Q$ is Poisson($\lambda_2$)", "$X$ follows $\mathrm{Exp}(\lambda)$".
_JOINING = r"(?:is|be|being|a|an|as|the|denotes?|denoted|follows?|distributed|has|have|law|by|given)"
_JOIN = re.compile(rf"\s*(?:,\s*)?(?:{_JOINING}\s+){{0,4}}(?:{_JOINING})?\s*", re.I)
_WORD_FAMILY = re.compile(rf"\s*(?:,\s*)?(?:{_JOINING}\s+){{0,4}}([A-Za-z]+)\s*\(\s*\Z", re.I)


#: A distribution's name in prose: one capital, or the lower-case p, q, r of densities ("$p, q$ are Poisson").
_PROSE_NAME = rf"(?:{DISTRIBUTION_NAME}|[pqr])"
#: "$p, q$ are Poisson with parameters $\lambda_p, \lambda_q$ respectively", "$P$ and $Q$ are
#: $\mathcal{N}(0, 1)$ and $\mathcal{N}(1, 4)$": names, then one family word with a list of parameters or a
#: list of families, as many as the names.
_LISTED = re.compile(
    rf"(?P<names>{_MATHS})\s+(?:are|be|follow)\s+(?:(?:both|two|the|respective|distributed|as|by|random|variables|"
    rf"distributions?)\s+)*(?:(?P<word>[A-Za-z]+?)(?:s|ian|ians)?\s+(?:(?:distributions?|distributed|random|"
    rf"variables?|laws?)\s+)*with\s+(?:the\s+)?(?:respective\s+)?(?:parameters?|rates?|means?)\s+)?"
    rf"(?P<values>{_MATHS})", re.I)


def _listed(maths: str) -> list[str]:
    """The items of "$a, b$", "$a$ and $b$", "$a$, $b$" (commas outside brackets)."""
    return [item.strip() for math in _INLINE.findall(maths) for item in split_top(math)]


def listed_declarations(sentence: str) -> list[tuple[str, str]]:
    r"""``(name, family)`` for names listed with their families in one sentence ("$p, q$ are Poisson with
    parameters $\lambda_p, \lambda_q$ respectively"); nothing unless every name is a distribution's and the
    lists have one length."""
    out: list[tuple[str, str]] = []
    for match in _LISTED.finditer(sentence):
        names, values = _listed(match.group("names")), _listed(match.group("values"))
        if len(names) < 2 or len(names) != len(values) or not all(re.fullmatch(_PROSE_NAME, n) for n in names):
            continue
        word = match.group("word")
        families = [f"{word}({v})" if word else v for v in values]
        if all(family_of(f) is not None for f in families):
            out += list(zip(names, families))
    return out


_OPEN, _CLOSE = r"(?:\$|\\\()\s*", r"\s*(?:\$|\\\))"
#: "a discrete distribution $P$ on $N$ elements": P = (p_1, ..., p_N) where the text writes p_n.
_ON_ELEMENTS = re.compile(rf"(?:distribution\s+{_OPEN}(?P<name>{DISTRIBUTION_NAME}){_CLOSE}|"
                          rf"{_OPEN}(?P<first>{DISTRIBUTION_NAME}){_CLOSE}\s+(?:be|is)\s+an?\s+(?:discrete\s+|"
                          rf"categorical\s+|probability\s+)?distribution)\s+(?:on|over)\s+"
                          rf"{_OPEN}(?P<size>[A-Za-z]){_CLOSE}\s+(?:elements|outcomes|values|points|symbols|states|"
                          rf"categories|letters|classes)\b", re.I)
#: "any other discrete distribution $Q$": on the same elements.
_OTHER = re.compile(rf"\b(?:other|another|second)\s+(?:discrete\s+|categorical\s+|probability\s+)?distribution\s+"
                    rf"{_OPEN}(?P<name>{DISTRIBUTION_NAME}){_CLOSE}", re.I)


#: "$X$ is a Poisson random variable with parameter $\lambda$", "$X$ has an exponential distribution with rate
#: $\lambda$", "$X$ is Bernoulli with parameter $p$": a family word, then its parameters in one math.
_WITH_PARAMETERS = re.compile(rf"{_OPEN}(?P<name>[A-Z]){_CLOSE}\s+(?:is|be|follows|has)\s+(?:an?\s+)?"
                              r"(?P<word>[A-Za-z]+)(?:\s+(?:random\s+variable|variable|distribution|law|r\.v\.))?"
                              r"\s*,?\s+with\s+(?:the\s+)?(?:parameters?|rate|mean|intensity|probability)\s+"
                              rf"{_OPEN}(?P<args>[^$]+?){_CLOSE}", re.I)


def parameter_declarations(sentence: str) -> list[tuple[str, str]]:
    """``(X, Poisson(\\lambda))`` for a variable the sentence gives a family by its word and its parameters."""
    found = [(m.group("name"), f"{m.group('word')}({m.group('args').strip()})")
             for m in _WITH_PARAMETERS.finditer(sentence)]
    return [(name, family) for name, family in found if family_of(family) is not None]


_MATH_OPEN, _MATH_CLOSE = r"(?:\$\$?|\\\()\s*", r"\s*(?:\$\$?|\\\))"
_NAMES = rf"{_MATH_OPEN}[A-Za-z](?:\s*\(\s*[a-z]\s*\))?(?:\s*,\s*[A-Za-z](?:\s*\(\s*[a-z]\s*\))?)*{_MATH_CLOSE}"
_NAME_LIST = rf"({_NAMES}(?:\s*(?:,|and|,\s*and)\s*{_NAMES})*)"
_GENERIC = (r"(?:(?:discrete|categorical|probability|arbitrary|two|three|any|some|other|given|the)\s+)*"
            r"(?:distributions?|probability\s+mass\s+functions?|pmfs?)")
#: "two distributions $p$ and $q$", "$P$ and $Q$ are probability distributions", "a distribution $p(x)$".
_GENERIC_NAMED = re.compile(rf"\b{_GENERIC}\s+{_NAME_LIST}|{_NAME_LIST}\s+(?:are|be|is|denotes?)\s+"
                            rf"(?:an?\s+|two\s+|both\s+)?{_GENERIC}", re.I)


def generic_declarations(sentence: str, text: str) -> list[tuple[str, str]]:
    r"""``(name, vector)`` for distributions the prose names with no family ("take two distributions $p$ and $q$"):
    categorical on a number of outcomes nothing else names (``N``), shared by them all, so that ``\sum_x p(x)
    \log q(x)`` sums over their outcomes.  Only names the math applies to an outcome (``p(x)``) and never uses
    as a number (``1 - p``), and not where the math speaks of random variables (their pmfs are read so)."""
    names = [n for m in _GENERIC_NAMED.finditer(sentence)
             for n in re.findall(r"(?<![A-Za-z\\])([A-Za-z])(?![A-Za-z])",
                                 re.sub(r"\(\s*[a-z]\s*\)", "", m.group(1) or m.group(2)))]
    displays = r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)|\\begin\{(?:equation|align|eqnarray)\*?\}(.+?)\\end"
    found = [next(g for g in m.groups() if g is not None) for m in re.finditer(displays, text, re.S)]
    spans = found + _INLINE.findall(re.sub(displays, " ", text, flags=re.S))
    maths = " ; ".join(m for m in spans if not re.fullmatch(r"\s*[A-Za-z]\s*", m))  # $p$ alone names it
    if speaks_of_variables(spans, sums=False) or any(r"\int" in m for m in spans):  # random variables; densities
        return []
    every = " ; ".join(spans)
    size = next((n for n in ("N", "K", "M") if not re.search(rf"(?<![A-Za-z\\]){n}(?![A-Za-z])", every)), None)
    if size is None:
        return []
    return [(name, rf"({name.lower()}_1, \ldots, {name.lower()}_{size})") for name in dict.fromkeys(names)
            if _applied_only(name, maths)]


def _applied_only(name: str, maths: str) -> bool:
    """``name`` is applied to an outcome (``p(x)``) somewhere, and elsewhere only the argument of a measure
    (``H(p)``, ``D(p || q)``), never a number (``1 - p``, ``p^2``, ``p_1``)."""
    uses = list(re.finditer(rf"(?<![A-Za-z\\]){name}(?![A-Za-z])", maths))
    applied = [u for u in uses if re.match(r"\s*\(\s*[a-z]", maths[u.end():])]
    argument = [u for u in uses if re.search(r"[(,|;]\s*\Z", maths[:u.start()]) and
                re.match(r"\s*(?:[),|;]|\\\|)", maths[u.end():])]
    return bool(applied) and len(applied) + len(argument) == len(uses)


def sized_declarations(text: str) -> list[tuple[str, str]]:
    r"""``(name, vector)`` for distributions the prose puts on a number of elements: "a discrete distribution
    $P$ on $N$ elements" gives ``("P", r"(p_1, \ldots, p_N)")`` where the text writes ``p_n`` (its entries), and
    "any other distribution $Q$" after it gives ``Q`` the same elements when the text writes ``q_n``."""
    out: list[tuple[str, str]] = []
    size = None
    for match in sorted([*_ON_ELEMENTS.finditer(text), *_OTHER.finditer(text)], key=lambda m: m.start()):
        name = match.group("name") or match.groupdict().get("first")
        size = match.groupdict().get("size") or size
        letter = name.lower()
        if size is None or name in (n for n, _ in out) or size == letter or \
                not re.search(rf"(?<![A-Za-z\\]){letter}_", text):
            continue
        out.append((name, rf"({letter}_1, \ldots, {letter}_{size})"))
    return out


#: "$X$ is 1 with probability $p$ (and 0 otherwise)": a Bernoulli variable, in words.
_INDICATOR = re.compile(r"\$\s*([A-Z])\s*\$\s+(?:is|be|equals?|takes?\s+(?:the\s+)?value)\s+\$?\s*1\s*\$?\s+with\s+"
                        r"probability\s+\$([^$]+)\$", re.I)


def indicator_declarations(text: str) -> list[tuple[str, str]]:
    r"""``(X, \mathrm{Bernoulli}(p))`` for "Let $X$ be 1 with probability $p$ and 0 with probability $1 - p$" (math
    in ``\( \)`` too): a variable that is 1 with probability ``p``, else 0."""
    plain = re.sub(r"\\\((.+?)\\\)", r"$\1$", text)
    return [(m.group(1), rf"\mathrm{{Bernoulli}}({m.group(2).strip()})") for m in _INDICATOR.finditer(plain)
            if not _denies(m.group(0))]


def _denies(sentence: str) -> bool:
    """A negation or a question, which declares nothing."""
    return bool(re.search(r"\b(?:not|never|no|isn't|aren't)\b", sentence, re.I)) or sentence.rstrip().endswith("?")


def prose_declarations(text: str) -> list[tuple[str, str]]:
    r"""``(name, family)`` for each distribution the prose of ``text`` gives a family: "with $P$ a
    $\text{Laplace}(\mu, b_1)$" gives ``("P", r"\text{Laplace}(\mu, b_1)")``, "$Q$ is Poisson($\lambda_2$)"
    gives ``("Q", r"Poisson(\lambda_2)")``.  The name is one capital letter in its own math; the family
    follows within four joining words (is, a, be, follows, ...), as math or as a word whose arguments are
    the next math.  A sentence that negates (not, never, no) or asks declares nothing."""
    sentences = _SENTENCE.split(text)  # a question asks, declares nothing; "never larger" still speaks of Q
    out: list[tuple[str, str]] = sized_declarations(" ".join(s for s in sentences if not s.rstrip().endswith("?")))
    out += [found for found in indicator_declarations(text) if found[0] not in (n for n, _ in out)]
    for sentence in (s for s in sentences if not _denies(s)):
        out += [found for found in listed_declarations(sentence) if found[0] not in (n for n, _ in out)]
        out += [found for found in parameter_declarations(sentence) if found[0] not in (n for n, _ in out)]
        out += [found for found in generic_declarations(sentence, text) if found[0] not in (n for n, _ in out)]
        maths = list(_INLINE.finditer(sentence))
        for first, second in zip(maths, maths[1:]):
            name, gap = first.group(1).strip(), sentence[first.end():second.start()]
            if not re.fullmatch(_PROSE_NAME, name):
                continue
            family = None
            if _JOIN.fullmatch(gap):
                family = second.group(1).strip()
            elif (word := _WORD_FAMILY.fullmatch(gap)) and sentence[second.end():].lstrip().startswith(")"):
                family = f"{word.group(1)}({second.group(1).strip()})"
            if family is not None and family_of(family) is not None and name not in (n for n, _ in out):
                out.append((name, family))
    return out


_DATUM = re.compile(r"(?<![A-Za-z\\])([a-z])_\{?(\d+)\}?\s*=\s*(-?\d+(?:\.\d+)?)(?![\d.])")
_COUNT_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve").split()
_SAMPLE_NOUNS = r"(?:observations?|observed|values?|data|points?|draws?|samples?|measurements?|outcomes?|trials?)"


#: "from a distribution with mean $\mu$ and variance $\sigma^2$": the moments of the variables of the sentence.
_STATED_MOMENTS = re.compile(r"\bwith\s+(?:a\s+|the\s+)?(?:mean|expectation|expected\s+value)\s+\$([^$]+)\$"
                             r"(?:\s*(?:,|and|,\s*and)\s*(?:a\s+|the\s+)?variance\s+\$([^$]+)\$)?", re.I)
_NAMED = re.compile(r"\\(?:mathcal|mathbb|mathrm|mathbf|text|operatorname)\s*\{[^{}]*\}")  # \mathcal{N}: no variable
_RANDOM_LETTER = re.compile(r"(?<![A-Za-z\\])([A-Z])(?:_\{?[A-Za-z0-9]+\}?)?(?![A-Za-z(])")


def stated_moments(text: str) -> dict[str, tuple[sp.Expr, sp.Expr | None]]:
    r"""The mean and variance a sentence states for the random variables it names in its math ("a sample $X_1$,
    ..., $X_n$ from a distribution with mean $\mu$ and variance $\sigma^2$"), by letter (``X``)."""
    from derive.parse import ParseError, parse_latex

    out: dict[str, tuple[sp.Expr, sp.Expr | None]] = {}
    for sentence in _SENTENCE.split(_PROSE_MATH.sub(lambda m: m.group() if m.group().startswith("$") and
                                                    not m.group().startswith("$$") else " ", text)):
        found = _STATED_MOMENTS.search(sentence)
        if found is None:
            continue
        letters = {m.group(1) for math in _INLINE.findall(sentence[:found.start()])
                   for m in _RANDOM_LETTER.finditer(_NAMED.sub(" ", math))}
        try:
            mean = parse_latex(found.group(1))
            variance = parse_latex(found.group(2)) if found.group(2) else None
        except ParseError:
            continue
        out.update({letter: (mean, variance) for letter in letters if letter not in ("E", "P")})
    return out


def given_data(text: str) -> dict[str, dict[int, str]]:
    """The data values the math of ``text`` gives, by label and index: ``x_1 = 1.1`` gives ``{"x": {1: "1.1"}}``."""
    found: dict[str, dict[int, str]] = {}
    for math in _INLINE.findall(text) + re.findall(r"\$\$(.+?)\$\$", text, re.S):
        for label, index, value in _DATUM.findall(math):
            found.setdefault(label, {}).setdefault(int(index), value)
    return found


def given_sample(text: str) -> tuple[str, tuple[str, ...]] | None:
    r"""``(label, values)`` when the text gives a whole sample: ``x_1 = 1.1, x_2 = 2.2, x_3 = 3.3`` in its math,
    every index from 1 on, and prose that says how many ("three observed values", "a sample of size 3"); or a list
    of numbers the prose calls the data ("the observations 3 7 5 3 2") with one label its sums run over
    (:func:`_listed_sample`).  The values are as written (decimals exact later); ``None`` when no sample is given
    whole."""
    prose = _INLINE.sub(" ", text)
    for label, values in given_data(text).items():
        k = len(values)
        if sorted(values) != list(range(1, k + 1)) or k < 2:
            continue
        count = rf"(?:{k}|{_COUNT_WORDS[k]})" if k < len(_COUNT_WORDS) else str(k)
        said = re.search(rf"\b{count}\s+(?:\w+\s+){{0,2}}{_SAMPLE_NOUNS}|\bsample\s+of\s+size\s+\$?{k}\b", prose, re.I)
        if said is not None:
            return label, tuple(values[i] for i in range(1, k + 1))
    return _listed_sample(text, prose)


#: "the observations 3 7 5 3 2", "data: 1.2, 0.7, 3.1": a noun of data, then two or more numbers in prose.
_DATA_LIST = re.compile(rf"\b{_SAMPLE_NOUNS}\b(?:\s+(?:are|were|is|of|given\s+by))?\s*:?\s*"
                     r"((?:-?\d+(?:\.\d+)?(?:\s*[,;]\s*|\s+)(?:and\s+)?)+-?\d+(?:\.\d+)?)(?!\d|\.\d)", re.I)


def _listed_sample(text: str, prose: str) -> tuple[str, tuple[str, ...]] | None:
    """A list of numbers the prose calls the data, as the sample of the one label the text's sums over ``i = 1``
    run on (``x`` of ``\\sum_{i=1}^{5} \\ln P(x_i)``): only when that label is the one subscripted by the index,
    and every sum with a number of terms written counts as many as the list has."""
    from derive.parse.aggregates import from_one

    found = _DATA_LIST.search(prose)
    if found is None:
        return None
    values = tuple(re.findall(r"-?\d+(?:\.\d+)?", found.group(1)))
    sums = from_one(text)
    if not sums or any(top.isdigit() and int(top) != len(values) for _, top in sums):
        return None
    labels = {m.group(1) for index in {i for i, _ in sums}
              for m in re.finditer(rf"(?<![A-Za-z\\])([a-z])_\{{?{index}\}}?(?![A-Za-z0-9])", text)}
    return (labels.pop(), values) if len(labels) == 1 else None


#: The prose saying its logarithms are binary: "the logarithms are base 2", "log base 2", "binary logarithms".
_BASE_TWO = re.compile(r"\blog(?:arithm)?s?\b[^.$]{0,30}?\b(?:base|to\s+the\s+base)[- ]?(?:2|two)\b|"
                       r"\bbase[- ](?:2|two)\s+log(?:arithm)?s?\b|\bbinary\s+log(?:arithm)?s?\b", re.I)


def logarithms_in_base_two(text: str) -> bool:
    """The prose of ``text`` says its logarithms are to base 2 (in a sentence that does not negate it), or it
    gives its results in bits (``= 11/8 \\text{bits}``, "$H(X) = 2$ bits") and writes no natural logarithm: a
    plain ``\\log`` is ``\\log_2`` there, and its measures are in bits."""
    prose = re.sub(r"\$\$.+?\$\$|\$[^$]*\$", " ", text, flags=re.S)
    if any(_BASE_TWO.search(s) and not _denies(s) for s in _SENTENCE.split(prose)):
        return True
    return bool(_IN_BITS.search(text)) and not _NATURAL.search(text)


#: A value given in bits: ``2 \text{ bits}``, ``11/8 \mathrm{bits}``, ``$H(X) = 2$ bits``.
_IN_BITS = re.compile(r"(?:\d|\$)\s*(?:\\[,;! ]\s*)*(?:\\(?:text|mathrm|textrm|mbox|rm)\s*\{\s*bits?\s*\}|bits?\b)")
#: A natural logarithm or a unit of it: the text's plain \log may then be natural.
_NATURAL = re.compile(r"\\ln(?![A-Za-z])|\bnats?\b|\\log_\{?e\b")
