"""Spelling slips between two sets of tokens, found in one rapidfuzz call.

The judge forgives a slip ("pezeshkian" / "pezeshkain") when a token has a counterpart with
``fuzz.ratio`` at or above a cutoff. Asking ``process.extractOne`` once per token and
candidate costs about 300 calls a claim; ``NearTokens`` answers the same questions from one
``process.cdist`` of the claim's tokens against its candidates'. ``fuzz.ratio`` is symmetric,
so a candidate's token is looked up against the claim's too. Questions about other tokens get
``None``: the caller asks rapidfuzz as before.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process


class NearTokens:
    """Which ``rows`` tokens are within ``cutoff`` (``fuzz.ratio``) of which ``columns``."""

    __slots__ = ("columns", "near", "quiet", "quiet_both", "rev", "rows")

    def __init__(self, cutoff: float, rows: frozenset[str], columns: frozenset[str]) -> None:
        across, down = list(rows), list(columns)
        self.rows, self.columns = rows, columns
        self.near: dict[str, set[str]] = {token: set() for token in across}
        self.rev: dict[str, set[str]] = {token: set() for token in down}
        self.quiet: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        self.quiet_both: frozenset[str] = frozenset()
        if not across or not down:
            return
        # Scores below the cutoff are 0, as extractOne's are None.
        scores = process.cdist(across, down, scorer=fuzz.ratio, score_cutoff=cutoff)
        for i, j in zip(*scores.nonzero(), strict=True):
            self.near[across[i]].add(down[j])
            self.rev[down[j]].add(across[i])
        # Tokens near nothing but themselves, as rows and as columns (most tokens).
        self.quiet = (
            frozenset(t for t, found in self.near.items() if found <= {t}),
            frozenset(t for t, found in self.rev.items() if found <= {t}),
        )
        # Asked for every target that is a subset of both (the claim's own tokens): made once.
        self.quiet_both = self.quiet[0] | self.quiet[1]

    def quiet_for(self, target: frozenset[str]) -> frozenset[str]:
        """Tokens that ``match`` answers False for with this target, unless they are in it:
        one check per target instead of one per token."""
        # As in match: row tokens are answered against columns, column tokens against rows.
        for_rows, for_columns = target <= self.columns, target <= self.rows
        if for_rows and for_columns:
            return self.quiet_both
        return self.quiet[0] if for_rows else self.quiet[1] if for_columns else frozenset()

    def match(self, token: str, target: frozenset[str]) -> bool | None:
        """Does ``target`` hold a token within the cutoff of ``token``? None when not known."""
        near = self.near.get(token)
        if near is not None and target <= self.columns:
            return not near.isdisjoint(target)
        rev = self.rev.get(token)
        if rev is not None and target <= self.rows:
            return not rev.isdisjoint(target)
        return None
