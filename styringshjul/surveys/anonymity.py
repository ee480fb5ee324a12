"""Which survey results to hide so that no group smaller than the threshold can be seen —
neither directly nor by subtraction. Plain Python, no Django: the rules are easier to
prove (and to test with random trees) on their own.

Input: the cells of ONE dimension of one round, forming a tree (municipality → service
areas → units). Each cell covers a group of people; a parent's group contains its
children's groups plus an unseen *residual* (respondents who named no unit, or units
without a result). Both the number of respondents and the sum of scores
(respondents × mean) add up along the tree, so an attacker who sees some cells can
subtract.

Guarantees of `cells_to_hide` (for trees whose parents have at least the respondents of
their children; other data only makes the subtraction wrong, never right):

1. every cell with fewer respondents than the threshold is hidden (primary suppression);
2. no hidden cell's respondents or sum of scores can be derived from the visible cells
   by any linear combination of the tree equations (parent = Σ children + residual);
3. every group of people whose total can be derived — for a visible cell, its residual
   and everything below it down to the next visible cells — is either empty or has at
   least `threshold` respondents, so neither a residual nor a pair of small hidden
   cells can be worked out as a group.

Guarantee 2 and 3 rest on one fact: for a tree (a laminar family of groups) the totals an
attacker can derive are exactly the sums of *blocks* — for each visible cell, the people
under it that no visible cell below it covers. `_find_violation` reasons with blocks;
`_determined_unknowns` double-checks 2 by exact Gaussian elimination over fractions.

Assumed known to the attacker (the cautious choice): a residual of zero, and the counts of
cells the source published without respondents (`respondents=None`). Such a cell is never
hidden for being small and lends no respondents to hide others; a residual next to it has
an unknown size and is counted as empty. Complementary cells are chosen as the visible
cell with the fewest respondents (ties by key) that protects; the same counts in every
dimension therefore give the same choice in every dimension. Not covered: inferences
from the scale's ends (a group whose mean is the top score) and from bounds on counts (a
cell hidden for being small has 1 to threshold − 1 respondents) — they narrow counts, and
no sum of scores of a hidden cell or small group follows from them.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from fractions import Fraction

Key = Hashable
Atom = tuple[str, Key]  # ("leaf", key) or ("residual", key): disjoint groups of people


@dataclass(frozen=True)
class Cell:
    """One result's place in the tree. Keys must be comparable: ties go by key."""

    key: Key
    parent_key: Key | None
    respondents: int | None


def cells_to_hide(cells: Iterable[Cell], threshold: int) -> frozenset[Key]:
    """The keys to hide: the small groups, and enough others to protect them."""
    tree = _Tree(cells)
    hidden = {c.key for c in tree.cells.values()
              if c.respondents is not None and c.respondents < threshold}
    while True:
        extra = _find_violation(tree, hidden, threshold)
        if extra is None:
            extra = _cover_determined(tree, hidden, threshold)
        if extra is None:
            return frozenset(hidden)
        hidden.add(extra)


class _Tree:
    """The cells by key with their children (sorted by key) and the atoms they contain."""

    def __init__(self, cells: Iterable[Cell]) -> None:
        self.cells = {c.key: c for c in cells}
        self.children: dict[Key, list[Key]] = defaultdict(list)
        for cell in self.cells.values():
            if cell.parent_key in self.cells and cell.parent_key != cell.key:
                self.children[cell.parent_key].append(cell.key)
        for kids in self.children.values():
            kids.sort()
        self.children = dict(self.children)
        self.roots = sorted(k for k, c in self.cells.items()
                            if c.parent_key not in self.cells or c.parent_key == k)

    def n(self, key: Key) -> int | None:
        return self.cells[key].respondents

    def own_atom(self, key: Key) -> tuple[Atom, int] | None:
        """A leaf's own people (size 0 when uncounted: some people, how many unknown), or
        a parent's residual (None when empty or of unknown size: perhaps empty)."""
        kids = self.children.get(key)
        if not kids:
            size = self.n(key)
            return None if size == 0 else (("leaf", key), size or 0)
        counts = [self.n(k) for k in (key, *kids)]
        if any(c is None for c in counts):
            return None
        size = counts[0] - sum(counts[1:])
        return (("residual", key), size) if size > 0 else None

    def depth(self, key: Key) -> int:
        return len(self.ancestors(key))

    def ancestors(self, key: Key) -> list[Key]:
        found = []
        while (parent := self.cells[key].parent_key) in self.cells and parent != key:
            found.append(parent)
            key = parent
        return found


class _Blocks:
    """For the current hidden set: each hidden cell's uncovered part, each visible cell's
    block and frontier (the nearest visible cells below it)."""

    def __init__(self, tree: _Tree, hidden: set[Key]) -> None:
        self.tree, self.hidden = tree, hidden
        self.sizes: dict[Atom, int] = {}
        self.part: dict[Key, frozenset[Atom]] = {}
        self.frontier: dict[Key, list[Key]] = {}
        for root in tree.roots:
            self._walk(root)

    def _walk(self, key: Key) -> None:
        atoms, frontier = set(), []
        if (own := self.tree.own_atom(key)) is not None:
            self.sizes[own[0]] = own[1]
            atoms.add(own[0])
        for child in self.tree.children.get(key, []):
            self._walk(child)
            if child in self.hidden:
                atoms |= self.part[child]
                frontier += self.frontier[child]
            else:
                frontier.append(child)
        if key not in self.hidden and not self.tree.children.get(key):
            atoms = set()  # a visible leaf's own people are not hidden
        self.part[key] = frozenset(atoms)  # for a visible cell: its block
        self.frontier[key] = frontier

    def size(self, atoms: frozenset[Atom]) -> int:
        return sum(self.sizes[a] for a in atoms)

    def nearest_visible_ancestor(self, key: Key) -> Key | None:
        return next((a for a in self.tree.ancestors(key) if a not in self.hidden), None)

    def cheapest(self, candidates: Iterable[Key], *, counted_only: bool = False) -> Key | None:
        """The candidate with the fewest respondents (ties by key); uncounted cells last,
        and never when only respondents help."""
        usable = [k for k in candidates if self.tree.n(k) != 0
                  and not (counted_only and self.tree.n(k) is None)]
        return min(usable, default=None,
                   key=lambda k: (self.tree.n(k) is None, self.tree.n(k) or 0, k))


def _find_violation(tree: _Tree, hidden: set[Key], threshold: int) -> Key | None:
    """A visible cell to hide next, or None when the blocks show no disclosure."""
    blocks = _Blocks(tree, hidden)
    for key in sorted(tree.cells, key=lambda k: (-tree.depth(k), k)):
        if key in hidden:
            fix = _protect_hidden(blocks, key)
        else:
            fix = _protect_block(blocks, key, threshold)
        if fix is not None:
            return fix
    return None


def _protect_hidden(blocks: _Blocks, key: Key) -> Key | None:
    """A hidden cell is derivable when nothing uncovered is left inside it (its visible
    parts add up to it), or when it is alone in the block of its visible ancestor."""
    if blocks.tree.n(key) == 0:
        return None
    part = blocks.part[key]
    if not part:
        return blocks.cheapest(blocks.frontier[key])
    ancestor = blocks.nearest_visible_ancestor(key)
    if ancestor is None or blocks.part[ancestor] != part:
        return None
    inside = _descendants(blocks.tree, key)
    outside = [k for k in blocks.frontier[ancestor] if k not in inside]
    cover = blocks.cheapest(outside)
    return ancestor if cover is None else cover


def _protect_block(blocks: _Blocks, key: Key, threshold: int) -> Key | None:
    """The people in a visible cell's block can be totalled: they must be ≥ threshold."""
    size = blocks.size(blocks.part[key])
    if size == 0 or size >= threshold:
        return None
    cover = blocks.cheapest(blocks.frontier[key], counted_only=True)
    return key if cover is None else cover


def _descendants(tree: _Tree, key: Key) -> set[Key]:
    found, todo = set(), list(tree.children.get(key, []))
    while todo:
        k = todo.pop()
        found.add(k)
        todo += tree.children.get(k, [])
    return found


def _cover_determined(tree: _Tree, hidden: set[Key], threshold: int) -> Key | None:
    """The exact check: when elimination still finds a protected unknown determined, hide
    the smallest visible cell sharing an equation with it (None: nothing determined)."""
    determined = _determined_unknowns(tree, hidden, threshold)
    if not determined:
        return None
    blocks = _Blocks(tree, hidden)
    kind, key = determined[0]
    related = [key, *tree.children.get(key, [])]
    if kind == "cell" and (parent := tree.cells[key].parent_key) in tree.cells:
        related += [parent, *tree.children[parent]]
    return blocks.cheapest(k for k in related if k not in hidden)


def _determined_unknowns(tree: _Tree, hidden: set[Key], threshold: int) -> list[Atom]:
    """Unknowns — hidden cells and non-empty residuals — that the tree equations fix.

    One equation per parent: parent − Σ children − residual = 0; visible cells, zero
    residuals and residuals of unknown size are known. An unknown is determined exactly
    when some row of the reduced row echelon form has it as its only non-zero entry."""
    unknowns: list[Atom] = [("cell", k) for k in sorted(hidden) if tree.n(k) != 0]
    residual_sizes = {}
    for parent in sorted(tree.children):
        if (own := tree.own_atom(parent)) is not None:
            residual_sizes[("residual", parent)] = own[1]
    unknowns += list(residual_sizes)
    column = {u: i for i, u in enumerate(unknowns)}
    rows = []
    for parent, kids in tree.children.items():
        terms = [(("cell", parent), 1)] + [(("cell", k), -1) for k in kids]
        terms.append((("residual", parent), -1))
        row = [Fraction(0)] * len(unknowns)
        for unknown, coefficient in terms:
            if unknown in column:
                row[column[unknown]] += coefficient
        if any(row):
            rows.append(row)
    found = []
    for row in _reduced_row_echelon(rows):
        nonzero = [i for i, value in enumerate(row) if value]
        if len(nonzero) == 1:
            unknown = unknowns[nonzero[0]]
            if unknown[0] == "cell" or residual_sizes[unknown] < threshold:
                found.append(unknown)
    return found


def _reduced_row_echelon(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    rows = [row[:] for row in rows]
    width = len(rows[0]) if rows else 0
    pivot_row = 0
    for col in range(width):
        pivot = next((r for r in range(pivot_row, len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rows[pivot_row], rows[pivot] = rows[pivot], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [value / lead for value in rows[pivot_row]]
        for r, row in enumerate(rows):
            if r != pivot_row and row[col]:
                factor = row[col]
                rows[r] = [a - factor * b for a, b in zip(row, rows[pivot_row], strict=True)]
        pivot_row += 1
    return rows[:pivot_row]
