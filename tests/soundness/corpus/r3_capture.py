"""Third batch: names captured.  A family's member taken at an index its definition binds (``y_i = \\sum_j j i``,
then ``y_j``): the member's index must not be captured by the sum's own.  Subscripts holding what derive reads
itself (a decimal, a decorated letter): two different ones must never become one name."""

from .r2_documents import manual

DEFINITION = "Let $y_i = \\sum_{j=1}^{3} j i$.\n\n"

CASES = [
    manual("cap3-member-at-the-bound-index", "false", DEFINITION + "$$y_j = 14$$\n", "y_j = 14",
           why="y_j is the sum over m of m j = 6 j; reading the sum's own j as the member's gives 14"),
    manual("cap3-member-at-the-bound-index-sum-of-squares", "false", DEFINITION + "$$y_j = \\sum_{j=1}^{3} j^2$$\n",
           "y_j = \\sum_{j=1}^{3} j^2", why="the same capture written as a sum: 14 against 6 j"),
    manual("cap3-member-at-a-number", "true", DEFINITION + "$$y_2 = 12$$\n", "y_2 = 12", why="y_2 = 2 (1 + 2 + 3)"),
    manual("cap3-decimal-subscripts-differ", "false", "$$x_{0.5} - x_{0.7} = 0$$\n", "x_{0.5} - x_{0.7} = 0",
           why="two different quantiles; reading each decimal as the same placeholder made them one symbol"),
    manual("cap3-decorated-subscripts-differ", "false", "$$x_{\\hat i} - x_{\\bar j} = 0$$\n",
           "x_{\\hat i} - x_{\\bar j} = 0", why="two different entries"),
    manual("cap3-decimal-subscripts-same", "true", "$$x_{0.5} - x_{.50} = 0$$\n", "x_{0.5} - x_{.50} = 0",
           why="the same subscript written two ways"),
    manual("cap3-member-at-another-index", "true", DEFINITION + "$$y_k = 6 k$$\n", "y_k = 6 k",
           why="y_k = k (1 + 2 + 3)"),
]
