"""Among equally similar candidates, the one sharing more kinds of detail ranks first."""

from __future__ import annotations

from bot.judge import _slot_affinity
from bot.model import Claim, DateRef, KnownClaim, Quantity, Slots


def _claim(slots: Slots) -> Claim:
    return Claim("t", "t", "t", slots, "d", 0)


def _known(slots: Slots) -> KnownClaim:
    return KnownClaim(id=1, claim=_claim(slots), baseline=False)


def test_counts_each_shared_kind_of_detail_once() -> None:
    mine = Slots(
        quantities=(Quantity(20, "year", "20 years"), Quantity(25, "year", "25 years")),
        dates=(DateRef("17 January", month=1, day=17, event="signing"),),
        stances=(("military_alliance", 1),),
        roles=(("iran_president", "pezeshkian"),),
    )
    theirs = Slots(
        quantities=(Quantity(47, "article", "47 articles"), Quantity(5, "year", "5 years")),
        dates=(DateRef("in June", month=6, event="signing"),),
        stances=(("alliance", -1),),  # the same family as military_alliance
        roles=(("iran_president", "raisi"), ("signing_place", "moscow")),
    )
    # year, signing, alliance, iran_president
    assert _slot_affinity(_claim(mine), _known(theirs)) == 4
    assert _slot_affinity(_claim(theirs), _known(mine)) == 4


def test_units_without_a_name_and_dates_without_an_event_are_not_kinds() -> None:
    loose = Slots(
        quantities=(Quantity(2, "", "two"),),
        dates=(DateRef("on Tuesday", weekday=1),),
    )
    assert _slot_affinity(_claim(loose), _known(loose)) == 0
    assert _slot_affinity(_claim(Slots()), _known(loose)) == 0


def test_kinds_of_different_sorts_do_not_match_each_other() -> None:
    unit_named_signing = Slots(quantities=(Quantity(1, "signing", "1 signing"),))
    event_signing = Slots(dates=(DateRef("in June", month=6, event="signing"),))
    assert _slot_affinity(_claim(unit_named_signing), _known(event_signing)) == 0
