"""Tests for bot/text/slots.py: the details of a sentence that another sentence can contradict.

Sentences are news-like, many taken from the seeds. Dates are resolved against an article
published on Monday 20 January 2025 (the signing was on Friday 17 January) unless a test says.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.model import DateRef, Slots
from bot.text.slots import (
    BACKGROUND_EVENT,
    denies_the_date,
    extract_slots,
    names_the_signing,
    own_treaty_part,
)

MONDAY = date(2025, 1, 20)
SIGNING_DAY = date(2025, 1, 17)


def quantities(sentence: str) -> set[tuple[float, str]]:
    return {(q.value, q.unit) for q in extract_slots(sentence, MONDAY).quantities}


def only_date(sentence: str, published: date | datetime | None = MONDAY) -> DateRef:
    dates = extract_slots(sentence, published).dates
    assert len(dates) == 1, dates
    return dates[0]


def ymd(ref: DateRef) -> tuple[int | None, int | None, int | None]:
    return ref.year, ref.month, ref.day


# -- quantities -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The agreement contains 47 articles.", (47, "article")),
        ("The Kremlin released the document, which has forty-seven articles.", (47, "article")),
        ("According to Jalali, the agreement will remain effective for 20 years.", (20, "year")),
        ("The accord would stay in force for two decades.", (20, "year")),
        ("The agreement will remain valid for twenty years.", (20, "year")),
        ("Gazprom will deliver up to 55 billion cubic metres of gas a year.", (55e9, "m3")),
        ("Gazprom will deliver up to 55 bcm of gas a year.", (55e9, "m3")),
        ("The Majlis approved the treaty with 192 votes in favour.", (192, "vote")),
    ],
)
def test_numbers_with_what_they_count(sentence: str, expected: tuple[float, str]) -> None:
    assert expected in quantities(sentence)


def test_55_bcm_and_55_billion_cubic_metres_are_the_same_quantity() -> None:
    assert quantities("Russia will supply 55 bcm of gas a year.") == quantities(
        "Russia will supply 55 billion cubic metres of gas a year."
    )


def test_different_terms_are_different_quantities() -> None:
    assert quantities("The treaty is valid for 20 years.") != quantities(
        "The treaty is valid for 25 years."
    )


def test_vote_score_gives_votes_for_and_against() -> None:
    found = quantities("The State Duma ratified the treaty by 412 votes to 0.")
    assert (412, "vote") in found
    assert (0, "vote_against") in found


def test_vote_score_after_the_verb() -> None:
    found = quantities("The Duma voted 412-0 to ratify the treaty.")
    assert (412, "vote") in found
    assert (0, "vote_against") in found


def test_years_ago_is_not_a_quantity_of_the_claim() -> None:
    slots = extract_slots("Moscow invaded Ukraine almost three years ago.", MONDAY)
    assert slots.quantities == ()


def test_article_number_is_a_reference_not_a_count() -> None:
    found = extract_slots("Article 12 of the treaty covers energy.", MONDAY).quantities
    assert [q.unit for q in found] == ["article_ref"]


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty was signed on 17 January 2025.",
        "The treaty was signed on 17 January.",
        "The treaty was signed on Jan. 17.",
        "The treaty was signed on January 17.",
        "The treaty was signed on 2025-01-17.",
        "The treaty was signed on the 17th of January.",
        "The treaty was signed on Friday.",
    ],
)
def test_every_way_of_writing_the_signing_date_gives_17_january_2025(sentence: str) -> None:
    ref = only_date(sentence)
    assert ymd(ref) == (2025, 1, 17)
    assert ref.event == "signing"


@pytest.mark.parametrize(
    "sentence",
    [
        "It was on 17 January that the presidents put their names to the treaty.",
        "Putin put his signature to the pact on 17 January.",
    ],
)
def test_putting_a_name_to_a_text_dates_its_signing(sentence: str) -> None:
    ref = only_date(sentence)
    assert ymd(ref) == (2025, 1, 17)
    assert ref.event == "signing"


def test_the_ceremony_is_the_signing_but_an_inauguration_ceremony_is_not() -> None:
    assert only_date("The ceremony at the Kremlin was held on 17 January.").event == "signing"
    assert only_date("Trump's inauguration ceremony was held on 20 January.").event != "signing"


def test_a_name_put_to_no_text_is_no_signing() -> None:
    # "put their names forward" is not putting them to a text
    ref = only_date("On 17 January the parties put their names forward as mediators.")
    assert ref.event != "signing"


def test_iso_date_needs_no_published_date() -> None:
    assert ymd(only_date("The treaty was signed on 2025-01-17.", None)) == (2025, 1, 17)


def test_explicit_year_wins_over_the_published_date() -> None:
    ref = only_date("The treaty was signed on 17 January 2025.", date(2026, 3, 1))
    assert ymd(ref) == (2025, 1, 17)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two years ago today, the envoys initialled the accord in Baku.", (2023, 1, 20)),
        ("It was one year ago today that the ministers met in Ankara.", (2024, 1, 20)),
        ("The ministers meet in Ankara today.", (2025, 1, 20)),
    ],
)
def test_years_ago_today_names_the_same_day_years_before_publication(
    sentence: str, expected: tuple[int, int, int]
) -> None:
    assert ymd(only_date(sentence, MONDAY)) == expected


def test_years_ago_today_from_a_leap_day_falls_on_the_last_day_of_february() -> None:
    ref = only_date("A year ago today the deal was struck.", date(2024, 2, 29))
    assert ymd(ref) == (2023, 2, 28)


@pytest.mark.parametrize(
    "sentence",
    [
        "The fifteen-year pact has twelve years left before it lapses.",
        "With 3 years remaining, the 10-year accord is up for review.",
        "The 25-year deal still has 7 years to run.",
    ],
)
def test_time_left_on_a_term_is_not_a_duration(sentence: str) -> None:
    values = {value for value, unit in quantities(sentence) if unit == "year"}
    assert len(values) == 1


def test_yesterday_is_resolved_against_the_published_date() -> None:
    assert ymd(only_date("The treaty was signed yesterday.", date(2025, 1, 18))) == (2025, 1, 17)


def test_weekday_in_past_tense_is_the_latest_such_day_before_publication() -> None:
    ref = only_date("Putin and Pezeshkian signed the pact in Moscow on Friday.", MONDAY)
    assert ymd(ref) == (2025, 1, 17)
    assert ref.weekday == 4


def test_weekday_in_future_tense_looks_ahead() -> None:
    ref = only_date("The State Duma will vote on the treaty on Tuesday.", SIGNING_DAY)
    assert ymd(ref) == (2025, 1, 21)
    assert ref.event == "ratification"


def test_weekday_without_published_date_keeps_the_weekday_only() -> None:
    ref = only_date("The committee voted on Tuesday.", None)
    assert (ref.year, ref.month, ref.day, ref.weekday) == (None, None, None, 1)


def test_published_datetime_is_accepted() -> None:
    published = datetime(2025, 1, 17, 19, 13, tzinfo=UTC)
    assert ymd(only_date("The pact was signed on Friday in the Kremlin.", published)) == (
        2025,
        1,
        17,
    )


def test_month_only_date() -> None:
    ref = only_date("Putin and Pezeshkian signed the pact in Moscow in January.", date(2025, 4, 10))
    assert ymd(ref) == (2025, 1, None)
    assert ref.event == "signing"


def test_month_with_year() -> None:
    ref = only_date("Moscow launched its invasion in February 2022.", MONDAY)
    assert ymd(ref) == (2022, 2, None)


def test_month_in_the_past_tense_from_an_earlier_month_is_last_year() -> None:
    ref = only_date("In June, Russia signed a partnership agreement with North Korea.", MONDAY)
    assert ymd(ref) == (2024, 6, None)


def test_a_bare_year() -> None:
    ref = only_date("Trump ordered the killing of Qasem Soleimani in 2020.", MONDAY)
    assert ymd(ref) == (2020, None, None)


def test_a_number_of_years_is_not_a_year() -> None:
    assert extract_slots("The pipeline will run for 2040 km to the Gulf.", MONDAY).dates == ()


def test_may_as_modal_is_not_a_month() -> None:
    assert extract_slots("The treaty may be ratified soon.", MONDAY).dates == ()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The treaty was signed on 17 January and ratified by the Duma on 8 April.", None),
        ("The Duma ratified the treaty on 8 April, months after it was signed.", "ratification"),
        ("The Federation Council approved the treaty on 2 October.", "ratification"),
        ("The treaty took effect on 2 October.", "in_force"),
    ],
)
def test_a_date_belongs_to_the_nearest_event(sentence: str, expected: str | None) -> None:
    events = [d.event for d in extract_slots(sentence, MONDAY).dates]
    if expected is None:
        assert events == ["signing", "ratification"]
    else:
        assert events == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty entered into force on 2 October.",
        "The treaty came into force on 2 October.",
    ],
)
def test_entry_into_force_date_has_the_in_force_event(sentence: str) -> None:
    assert only_date(sentence).event == "in_force"


def test_future_tense_date_is_not_put_in_the_past() -> None:
    ref = only_date("The treaty will enter into force on 2 October.", MONDAY)
    assert ymd(ref) == (2025, 10, 2)


def test_past_weekday_in_a_mixed_tense_sentence() -> None:
    dates = extract_slots(
        "The treaty was signed on Friday and the Duma will debate it on Tuesday.", MONDAY
    ).dates
    assert ymd(dates[0]) == (2025, 1, 17)


# -- negation -------------------------------------------------------------------------------


def test_negation_is_detected() -> None:
    slots = extract_slots("The agreement does not include a mutual defence clause.", MONDAY)
    assert slots.negated
    assert slots.negation_cues == ("not",)


def test_affirmative_sentence_is_not_negated() -> None:
    slots = extract_slots("The agreement includes a mutual defence clause.", MONDAY)
    assert not slots.negated
    assert slots.negation_cues == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "“This treaty is not only a key turning point that strengthens our bilateral ties,” "
        "Araghchi wrote.",
        "He added, “This is not just a political agreement, it is the road map for the future.”",
        "The treaty has no fewer than 47 articles.",
        # a negation inside a condition is hypothetical
        "The pact lapses in 2045 if neither government moves to renew it.",
        "Unless the Majlis does not ratify it, the treaty takes effect in spring.",
        # pushing back against a power resists it
        "The accord binds two capitals keen to push back against American pressure.",
    ],
)
def test_look_alike_negations_do_not_count(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert not slots.negated
    assert slots.negation_cues == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow and Pyongyang have neither confirmed nor denied.",
        "The Kremlin has not confirmed or denied receiving Iranian missiles.",
    ],
)
def test_neither_confirmed_nor_denied_is_a_hedge_not_a_negation(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert not slots.negated
    assert slots.hedged
    assert "noncommittal" in slots.hedge_cues


def test_pushing_back_on_a_claim_denies_it() -> None:
    slots = extract_slots("Tehran pushed back against the characterisation of a bloc.", MONDAY)
    assert slots.negated and slots.reported_denial


def test_did_not_deny_is_a_double_negation() -> None:
    slots = extract_slots("Peskov did not deny that the treaty covers military cooperation.")
    assert not slots.negated
    assert set(slots.negation_cues) == {"not", "deny"}


def test_reported_denial_is_marked() -> None:
    slots = extract_slots("Iran has denied supplying weapons to Moscow.", MONDAY)
    assert slots.negated
    assert slots.reported_denial


def test_negated_terms_stop_at_the_clause_end() -> None:
    slots = extract_slots(
        "The treaty does not create a military alliance, but it covers security cooperation.",
        MONDAY,
    )
    assert "allianc" in slots.negated_terms
    assert "creat" in slots.negated_terms
    assert "cover" not in slots.negated_terms
    assert "secur" not in slots.negated_terms


def test_negated_terms_of_a_mutual_defence_denial() -> None:
    slots = extract_slots("The agreement does not include a mutual defence clause.", MONDAY)
    # "include" and "clause" frame what is denied; the denied content is the defence pact.
    assert slots.negated_terms == ("mutualdefens",)


def test_framing_words_leave_the_negated_scope_when_content_remains() -> None:
    slots = extract_slots("The pact contains no provision on naval visits.", MONDAY)
    assert slots.negated_terms == ("naval", "visit")
    # Nothing but framing words: they stay, so the negation still has a scope.
    alone = extract_slots("The text includes no such clause.", MONDAY)
    assert "claus" in alone.negated_terms


@pytest.mark.parametrize(
    "text",
    [
        "The accord leaves out energy cooperation.",
        "The document says nothing about weapons.",
        "The treaty is silent on nuclear matters.",
    ],
)
def test_implicit_negations_negate(text: str) -> None:
    slots = extract_slots(text, MONDAY)
    assert slots.negated, slots
    assert slots.negated_terms, slots


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # what lies outside a text's scope is its subject, as in a passive denial
        ("Military matters fall outside the scope of the deal, an aide said.", ("militari",)),
        ("Officials said energy questions remain well beyond the remit of the pact.", ("energi",)),
        ("Nuclear issues are not within the scope of the agreement.", ("nuclear",)),
        # "leaves X aside" leaves X out
        ("The agreement leaves the question of arms sales aside for now.", ("weapon", "sale")),
        # so does "leaves X out", with or without "altogether"
        ("The draft leaves the question of arms sales out entirely.", ("weapon", "sale")),
        ("The pact, an aide said, left energy questions out.", ("energi",)),
        # "leaves X outside its scope" leaves X out; "its scope" is the text's scope
        ("The pact leaves military questions entirely beyond its remit.", ("militari",)),
        ("Defence cooperation lies outside its scope, the envoy said.", ("defens", "cooper")),
        # what is nowhere in a text, or off the table, is not in it
        ("Arms sales are nowhere to be found in the accord.", ("weapon", "sale")),
        ("Energy questions were firmly off the table, the aide said.", ("energi",)),
    ],
)
def test_what_is_out_of_scope_or_left_aside_is_denied(text: str, denied: tuple[str]) -> None:
    slots = extract_slots(text, MONDAY)
    assert slots.negated, slots
    assert slots.negation_scopes == (denied,), slots


def test_a_ban_on_doing_denies_the_deed_not_who_is_banned() -> None:
    slots = extract_slots("Either party is prohibited from assisting an aggressor.", MONDAY)
    [scope] = slots.negation_scopes
    assert "aggress" in scope and "parti" not in scope
    # a banned thing is still the subject of its ban
    assert extract_slots("Joint drills are banned under the pact.", MONDAY).negation_scopes == (
        ("joint", "drill"),
    )


@pytest.mark.parametrize(
    "text",
    [
        # a reader's aside, not what the text leaves out
        "Leaving trade aside, the pact covers nuclear energy.",
        "The pact, aside from trade, covers nuclear energy.",
        "The negotiators left their differences aside from the start and signed.",
        # left out of something else, or out in the cold, is no omission from the text
        "The accord left Western investors out in the cold.",
        "Leaving the details out, the minister praised the pact.",
    ],
)
def test_asides_that_leave_nothing_out_do_not_negate(text: str) -> None:
    slots = extract_slots(text, MONDAY)
    assert not slots.negation_cues, slots


def test_negated_terms_are_at_most_four_per_cue() -> None:
    slots = extract_slots(
        "The pact does not mention weapons transfers, joint drills, naval visits or bases.",
        MONDAY,
    )
    assert 0 < len(slots.negated_terms) <= 4


def test_each_negation_cue_has_a_scope_of_its_own() -> None:
    slots = extract_slots(
        "Neither side will allow its territory to be used against the other, nor will they "
        "assist an aggressor.",
        MONDAY,
    )
    first, second = slots.negation_scopes
    assert {"allow", "territori"} <= set(first)
    assert "aggress" in second and "territori" not in second
    # The flat list is every scope's words, once each.
    assert slots.negated_terms == tuple(dict.fromkeys(first + second))


@pytest.mark.parametrize(
    "text",
    [
        "Both sides refrain from helping an aggressor.",
        "The accord bars either party from joining a hostile bloc.",
    ],
)
def test_undertakings_not_to_act_negate(text: str) -> None:
    slots = extract_slots(text, MONDAY)
    assert slots.negated, slots
    assert slots.negation_scopes, slots


def test_a_denied_omission_denies_nothing() -> None:
    slots = extract_slots("Officials rejected claims that energy was left out of the text.", MONDAY)
    assert not slots.negated
    assert slots.negation_scopes == ()


def test_what_is_absent_from_a_text_is_denied() -> None:
    slots = extract_slots("Any clause on arms transfers is absent from the treaty.", MONDAY)
    assert slots.negated
    assert "weapon" in slots.negated_terms and "treati" not in slots.negated_terms


@pytest.mark.parametrize(
    "text",
    [
        "Naval port calls were not part of the accord, a diplomat said.",
        "Naval port calls weren't a part of the accord.",
    ],
)
def test_what_is_not_part_of_a_text_is_denied(text: str) -> None:
    """"X is not part of the text": X is denied, not the text or "part"."""
    slots = extract_slots(text, MONDAY)
    assert "naval" in slots.negated_terms
    assert not {"part", "treati"} & set(slots.negated_terms)


def test_what_is_part_of_a_text_is_not_denied() -> None:
    slots = extract_slots("Naval port calls are part of the accord.", MONDAY)
    assert not slots.negated


@pytest.mark.parametrize(
    "text",
    [
        "Missing from the final document is any reference to joint naval patrols.",
        "Conspicuously absent from the published treaty are joint naval patrols.",
    ],
)
def test_what_an_inverted_sentence_says_is_absent_is_denied(text: str) -> None:
    """"Absent from the text is X": X is denied, not the text the cue names."""
    terms = extract_slots(text, MONDAY).negated_terms
    assert "naval" in terms and "patrol" in terms
    assert not {"document", "treati", "final", "publish"} & set(terms)


def test_a_pronoun_one_is_not_what_a_negation_denies() -> None:
    """"says nothing about the security one": security is denied, "one" only stands for it."""
    slots = extract_slots("The pact spells out economic ties but says nothing about the security "
                          "ones.", MONDAY)
    assert slots.negated_terms == ("secur",)


def test_no_negation_no_negated_terms() -> None:
    assert extract_slots("The treaty covers energy and transport.").negated_terms == ()


# -- hedging --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The treaty may be ratified in the spring.", "may"),
        (
            "A strategic partnership agreement inked on Jan. 17 might lead to increased "
            "military collaboration.",
            "might",
        ),
        ("The treaty reportedly contains 47 articles.", "reportedly"),
        ("The treaty, expected to enter into force soon, has 47 articles.", "expected to"),
    ],
)
def test_hedges(sentence: str, cue: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert slots.hedged
    assert cue in slots.hedge_cues


def test_plain_statement_is_not_hedged() -> None:
    slots = extract_slots("The treaty contains 47 articles.", MONDAY)
    assert not slots.hedged
    assert slots.hedge_cues == ()


@pytest.mark.parametrize("sentence", ["The treaty was signed on May 5.", "It was signed on 5 May."])
def test_may_as_a_date_is_not_a_hedge(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert not slots.hedged
    assert [(d.month, d.day) for d in slots.dates] == [(5, 5)]


def test_modal_may_and_date_may_in_one_sentence() -> None:
    slots = extract_slots("The pact may be ratified on May 5.", MONDAY)
    assert slots.hedge_cues == ("may",)
    assert [(d.month, d.day) for d in slots.dates] == [(5, 5)]


# -- actors and roles -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Masoud Pezeshkian signed the treaty.", "pezeshkian"),
        ("Massoud Pezeshkian signed the treaty.", "pezeshkian"),
        ("Masud Pezeshkian signed the treaty.", "pezeshkian"),
        ("Massoud was satisfied with the agreement.", "pezeshkian"),
        ("Pezeshkian hailed the signing.", "pezeshkian"),
        ("Vladimir V. Putin signed the treaty.", "putin"),
        ("Abbas Araqchi said the pact is no alliance.", "araghchi"),
        ("Kazem Jalali told IRNA the deal runs for 20 years.", "jalali"),
        ("Sergei Lavrov described it as constructive.", "lavrov"),
        ("Dmitri S. Peskov, the Kremlin spokesman, said so.", "peskov"),
        ("The State Duma ratified the treaty.", "state_duma"),
        ("The Federation Council approved the treaty.", "federation_council"),
        ("The Majlis ratified the treaty.", "majlis"),
        ("Iran's parliament ratified the treaty.", "majlis"),
        ("The Guardian Council approved the law.", "guardian_council"),
    ],
)
def test_actors_and_their_spellings(sentence: str, actor: str) -> None:
    assert actor in extract_slots(sentence, MONDAY).actors


def test_lower_house_is_the_state_duma() -> None:
    slots = extract_slots("The lower house approved the ratification bill by 412 votes.", MONDAY)
    assert "state_duma" in slots.actors


def test_actors_in_order_of_appearance_without_duplicates() -> None:
    slots = extract_slots(
        "Vladimir Putin and Iranian President Masoud Pezeshkian signed a broad cooperation pact; "
        "Putin and Pezeshkian then met the State Duma speaker.",
        MONDAY,
    )
    assert slots.actors == ("putin", "pezeshkian", "state_duma")


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        (
            "Iranian President Masoud Pezeshkian signed the treaty.",
            ("iran_president", "pezeshkian"),
        ),
        (
            "Iranian President Massoud Pezeshkian signed the treaty.",
            ("iran_president", "pezeshkian"),
        ),
        ("Russian President Vladimir Putin received him.", ("russia_president", "putin")),
        (
            "Russian Foreign Minister Sergei Lavrov described it as constructive.",
            ("russia_foreign_minister", "lavrov"),
        ),
        (
            "Iranian Foreign Minister Abbas Araghchi wrote on Telegram.",
            ("iran_foreign_minister", "araghchi"),
        ),
        (
            "Kremlin spokesman Dmitry Peskov said the treaty is aimed at no one.",
            ("kremlin_spokesperson", "peskov"),
        ),
    ],
)
def test_role_binding(sentence: str, role: tuple[str, str]) -> None:
    assert role in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    "sentence",
    [
        "Former Iranian President Ebrahim Raisi began the talks.",
        "The former Iranian President Hassan Rouhani criticised the treaty.",
    ],
)
def test_former_office_holder_is_not_bound_to_the_role(sentence: str) -> None:
    assert extract_slots(sentence, MONDAY).roles == ()


# -- stances --------------------------------------------------------------------------------


def test_alliance_affirmed() -> None:
    slots = extract_slots(
        "President Masoud Pezeshkian of Iran and his Russian counterpart, Vladimir V. Putin, "
        "signed a major cooperation treaty on Friday in the Kremlin, solidifying an alliance "
        "between two countries driven by a mutual desire to challenge the West.",
        MONDAY,
    )
    assert ("alliance", 1) in slots.stances


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("The treaty is not an alliance.", ("alliance", -1)),
        (
            "Araghchi affirmed that the treaty with Tehran was not aimed at “creating a military "
            "alliance”.",
            ("military_alliance", -1),
        ),
        (
            "The commentary argued that the accord creates a military alliance.",
            ("military_alliance", 1),
        ),
        ("“We are not interested in joining any bloc.”", ("military_alliance", -1)),
        ("The two states now stand in a defense alliance.", ("military_alliance", 1)),
        ("The accord is no defence alliance, the minister said.", ("military_alliance", -1)),
    ],
)
def test_alliance_stances(sentence: str, stance: tuple[str, int]) -> None:
    assert stance in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The agreement includes a mutual defence clause.", 1),
        ("The parties will come to each other's aid if attacked.", 1),
        ("Nevertheless, the agreement does not include a mutual defense clause.", -1),
        ("Unlike the North Korea pact, the agreement has no mutual defence clause.", -1),
        # troops sent when the other is attacked
        ("Under the pact each country must deploy its forces when the other is attacked.", 1),
        ("The treaty does not oblige Iran to send troops if Russia is attacked.", -1),
        # one party bound to defend the other
        ("Under the deal Tehran is obliged to defend Russia if it is attacked.", 1),
        ("The Kremlin has not committed to the defence of Iran.", -1),
    ],
)
def test_mutual_defence_clause_stance(sentence: str, sign: int) -> None:
    assert ("mutual_defense", sign) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        (
            "The agreement provides to support each other, according to the content of the "
            "agreement in 47 articles published by the Kremlin after the signing.",
            1,
        ),
        (
            "The Kremlin indicated the treaty would enhance relations, though specific details "
            "remain private.",
            -1,
        ),
        # withholding the particulars keeps them private
        ("Peskov declined to go into the specifics of the pact.", -1),
        ("The ministry refused to reveal any details of the agreement.", -1),
        ("Officials would not disclose further particulars of the accord.", -1),
        # withholding the text itself
        ("Tehran declined to make public the wording of the pact.", -1),
        ("The ministry refused to release the full text.", -1),
    ],
)
def test_text_published_stance(sentence: str, sign: int) -> None:
    assert ("text_published", sign) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    ("sentence", "publisher"),
    [
        ("Tehran's foreign ministry posted the pact's full text on its website.",
         "tehran's foreign ministry"),
        ("After the signing, the Kremlin unveiled the treaty's 47 articles.", "kremlin"),
        ("The Kremlin has just released the text of the agreement.", "kremlin"),
        # a country or its capital stands for its government
        ("Moscow published the full text of the treaty on Saturday.", "kremlin"),
        ("The text was published by Moscow.", "kremlin"),
        # a passive names its publisher only with "by"
        ("The entire text was posted online by Tehran.", "iran_government"),
        # a cleft's focus is the subject
        ("In the end it was the Kremlin that put out the text, published in full.", "kremlin"),
    ],
)
def test_the_subject_of_a_verb_of_publishing_the_text_is_its_publisher(
    sentence: str, publisher: str
) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert ("publisher", publisher) in slots.roles
    assert ("text_published", 1) in slots.stances


@pytest.mark.parametrize(
    "sentence",
    [
        # not published, no one named, or not the text that was released
        "Russia and Iran have not released the text of the treaty.",
        "It released the treaty's full text on Saturday.",
        "Iran released two prisoners after the treaty was signed.",
        "The Kremlin released a statement praising the agreement.",
        "Iran released a two-page statement welcoming the treaty.",
        "Moscow released a long-delayed grain shipment after the pact was signed.",
        # a participle describing the text names no publisher
        "Under the published text, both sides will fight drug trafficking.",
        "In its released articles, the treaty lists energy and transport.",
        # a passive verb's subject is what was published, and "in ..." is no object
        "The whole document was released in forty-seven articles on Saturday.",
        "Its complete text has been posted in two languages.",
    ],
)
def test_no_publisher_without_a_subject_publishing_the_text(sentence: str) -> None:
    assert not any(role == "publisher" for role, _ in extract_slots(sentence, MONDAY).roles)


def test_published_the_full_text_is_a_text_published_stance() -> None:
    slots = extract_slots("The Kremlin published the full text of the treaty.", MONDAY)
    assert ("text_published", 1) in slots.stances


@pytest.mark.parametrize(
    "sentence",
    [
        "Nevertheless, fears of a burgeoning military alliance between Tehran and Moscow have "
        "risen in recent days.",
        "Western officials have expressed concern about this alliance, viewing both countries as "
        "destabilizing global influences.",
        "Concern at prospect of military alliance grows as Russia and Iran sign cooperation deal",
        "The treaty may create a military alliance.",
    ],
)
def test_fears_concerns_and_hedges_take_no_stance(sentence: str) -> None:
    assert extract_slots(sentence, MONDAY).stances == ()


@pytest.mark.parametrize(
    "sentence",
    [
        # a yardstick the text is measured against
        "By the standards of a military alliance, the accord is modest.",
        "The pledges look meagre by any measure of a military bloc.",
        # a label used as the writer's foil
        "For a deal so widely billed as a military alliance, it says little about arms.",
    ],
)
def test_a_yardstick_or_a_label_takes_no_stance(sentence: str) -> None:
    assert extract_slots(sentence, MONDAY).stances == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov described the accord as a military alliance.",
        "The accord is a military alliance by any standard.",
    ],
)
def test_a_label_a_speaker_gives_or_a_plain_yardstick_still_takes_a_stance(
    sentence: str,
) -> None:
    assert extract_slots(sentence, MONDAY).stances != ()


# -- other subjects -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "subjects"),
    [
        ("Moscow concluded a text of the same name with North Korea last year.", {"north_korea"}),
        (
            "In June, Russia signed a partnership agreement with North Korea, and in December, a "
            "security treaty with Belarus formalized the deployment of Russian tactical nuclear "
            "weapons in that country.",
            {"north_korea", "belarus"},
        ),
        (
            "The treaty, which replaces a periodically renewed 2001 agreement, resulted from "
            "years of negotiations.",
            {"old_treaty"},
        ),
        ("Trump withdrew from a multinational nuclear agreement with Iran.", {"nuclear_deal"}),
        ("Washington quit the international nuclear accord with Tehran.", {"nuclear_deal"}),
        ("The 2015 nuclear pact with Iran collapsed under Trump.", {"nuclear_deal"}),
        # nuclear energy under our treaty is not the nuclear accord
        ("The pact envisages cooperation on nuclear energy.", set()),
        ("The treaty was signed on 17 January in the Kremlin.", set()),
        # a name joined to a party's by a hyphen or a dash is named, either way round
        ("The Minsk-Moscow security pact took effect in March.", {"belarus"}),
        ("Analysts compared it with the Moscow–Pyongyang accord.", {"north_korea"}),
        # a suffix is not another name
        ("Critics feared a Belarus-style deployment in Iran.", set()),
    ],
)
def test_other_subjects(sentence: str, subjects: set[str]) -> None:
    assert set(extract_slots(sentence, MONDAY).other_subjects) == subjects


def test_slots_of_a_plain_sentence_are_empty() -> None:
    assert extract_slots("The leaders talked at length in a friendly atmosphere.") == Slots()


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("The treaty prohibits joint military drills.", {"joint", "militari", "drill"}),
        ("The accord forbids arms transfers between the parties.", {"weapon", "transfer"}),
        ("The pact bans the stationing of troops.", {"station", "troop"}),
    ],
)
def test_a_ban_denies_what_it_bans(sentence: str, denied: set[str]) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert slots.negated
    assert denied <= set(slots.negated_terms)


def test_no_longer_denies_the_verb_not_longer_and_dates_stay_out_of_the_scope() -> None:
    slots = extract_slots("The old agreement no longer reflected today's world.", MONDAY)
    assert slots.negated
    assert "longer" not in slots.negated_terms
    assert "today" not in slots.negated_terms
    assert {"reflect", "world"} <= set(slots.negated_terms)


def test_a_sentence_adverb_between_commas_keeps_the_negation_in_its_clause() -> None:
    sentence = (
        "This point does not, however, provide that the signatory countries would provide "
        "each other with military assistance."
    )
    slots = extract_slots(sentence, MONDAY)
    assert ("mutual_defense", -1) in slots.stances
    assert "mutualdefens" in slots.negated_terms


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The pact obliges each side to defend the other if it is attacked.", 1),
        ("The treaty does not oblige either side to come to the other's defence.", -1),
        ("The two states pledge to defend one another.", 1),
        # military help owed "to the other" under attack
        (
            "Each signatory must give military support to the other party when it faces "
            "an armed attack.",
            1,
        ),
    ],
)
def test_mutual_defence_in_plain_words_is_the_stance(sentence: str, sign: int) -> None:
    assert ("mutual_defense", sign) in extract_slots(sentence, MONDAY).stances


def test_a_hyphen_joining_two_capitals_does_not_hide_the_other_treaty() -> None:
    slots = extract_slots("The Moscow–Pyongyang pact obliges each side to help.", MONDAY)
    assert slots.other_subjects == ("north_korea",)


@pytest.mark.parametrize(
    "sentence",
    ["The treaty has no expiry date.", "The partnership is open-ended, with no time limit."],
)
def test_a_term_without_an_end_is_an_indefinite_duration_not_a_denial(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert not slots.negated
    assert {q.text for q in slots.quantities} == {"indefinite"}


def test_a_bare_year_of_what_the_treaty_replaced_is_dated_to_that_event() -> None:
    dates = extract_slots("The treaty replaces an agreement dating from 1995.", MONDAY).dates
    assert [(d.year, d.event) for d in dates] == [(1995, "predecessor")]


@pytest.mark.parametrize(
    ("sentence", "publisher"),
    [
        ("The text, in 47 articles, was published by the Kremlin after the signing.", "kremlin"),
        ("The text was released by Iran's foreign ministry on Monday.", "iran's foreign ministry"),
        # the object's modifiers may be hyphenated
        ("Tehran put out the full 25-page document on Sunday.", "iran_government"),
        ("The Kremlin released its long-awaited text after the ceremony.", "kremlin"),
        # an adverb of time ends the publisher's name
        ("The treaty was posted by the Russian presidency soon afterwards.", "russian presidency"),
        ("The document was published by Tehran within the hour.", "iran_government"),
        # the Kremlin is Russia's presidential administration
        ("Russia's presidential administration posted the full text on Saturday.", "kremlin"),
    ],
)
def test_who_made_the_text_public_is_a_role(sentence: str, publisher: str) -> None:
    assert ("publisher", publisher) in extract_slots(sentence, MONDAY).roles


def test_a_signing_in_a_relative_clause_is_not_the_subjects() -> None:
    sentence = (
        "Abbas Araghchi affirmed that the treaty was not aimed at creating an alliance "
        "similar to that sealed between Moscow and Pyongyang."
    )
    assert not [r for r in extract_slots(sentence, MONDAY).roles if r[0] == "signatory"]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The committee on Tuesday recommended that deputies ratify the treaty.", "recommendation"),
        ("The cabinet approved the bill and forwarded it to the Majlis on Monday.", "submission"),
    ],
)
def test_a_date_belongs_to_the_act_done_on_it(sentence: str, event: str) -> None:
    assert [d.event for d in extract_slots(sentence, MONDAY).dates] == [event]


def test_none_against_is_a_vote_count_not_a_denial() -> None:
    slots = extract_slots("The bill passed with 412 votes in favour and none against.", MONDAY)
    assert not slots.negated


@pytest.mark.parametrize(
    "sentence",
    [
        "Senators backed the bill by 150 votes to none.",
        "The upper chamber cleared the law without a single dissenting vote.",
        "Lawmakers approved it with 300 in favour and nobody voting against.",
        "Not a single vote against was cast when the assembly passed the text.",
        "The chamber passed it with 298 deputies in favour and none against.",
        "In the final reading not a single lawmaker voted against the pact.",
        "No deputy opposed the bill when it came to the floor.",
    ],
)
def test_a_vote_with_nobody_against_counts_zero_against_and_is_no_denial(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert (0, "vote_against") in [(q.value, q.unit) for q in slots.quantities]
    assert not slots.negated


@pytest.mark.parametrize(
    "sentence",
    [
        "The chamber passed it by 300 votes to 7.",
        "Not a single senator has read the text.",
        "None of the deputies spoke against the bill.",
    ],
)
def test_votes_against_or_other_nones_are_not_zero_against(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert (0, "vote_against") not in [(q.value, q.unit) for q in slots.quantities]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("Arms transfers are not mentioned in the pact.", {"weapon", "transfer"}),
        ("Nuclear energy cooperation was left out of the final text.", {"nuclear", "energi"}),
    ],
)
def test_a_passive_denial_denies_its_subject(sentence: str, denied: set[str]) -> None:
    terms = set(extract_slots(sentence, MONDAY).negated_terms)
    assert denied <= terms
    assert "treati" not in terms and "text" not in terms


def test_a_date_in_a_clause_about_another_treaty_is_that_treatys() -> None:
    sentence = "It has the same name as the treaty Moscow signed with Pyongyang last year."
    assert [d.event for d in extract_slots(sentence, MONDAY).dates] == ["other_treaty"]


def test_a_year_naming_an_agreement_on_another_subject_dates_that_agreement() -> None:
    sentence = "Deputies also amended the 2009 fisheries accord with Norway."
    assert [d.event for d in extract_slots(sentence, MONDAY).dates] == ["other_treaty"]
    treaty = "The partnership treaty was signed in 2025."
    assert [d.event for d in extract_slots(treaty, MONDAY).dates] != ["other_treaty"]


def test_a_weekday_right_after_a_past_verb_is_past_in_a_clause_about_the_future() -> None:
    sunday = date(2025, 1, 19)
    past = "Tehran will send lawmakers the accord it inked in Moscow on Friday, officials say."
    assert [(d.day, d.event) for d in extract_slots(past, sunday).dates] == [(17, "signing")]
    coming = "The accord will be inked in Moscow on Friday."
    assert [d.day for d in extract_slots(coming, sunday).dates] == [24]


def test_idioms_are_read_plainly_by_the_slots() -> None:
    signing = extract_slots("The presidents put pen to paper on 15 January.", MONDAY)
    assert [d.event for d in signing.dates] == ["signing"]
    assert not extract_slots("The timing had nothing to do with the vote.", MONDAY).negated


def test_a_place_of_signing_is_not_another_treatys_subject() -> None:
    slots = extract_slots("The accord was signed in Minsk.", MONDAY)
    assert slots.other_subjects == ()
    assert ("signing_place", "minsk") in slots.roles


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # a possessor before the place, and Russia's venues outside the Kremlin
        ("The pact was signed at the president's Sochi residence.", "sochi"),
        ("They signed it at Putin's Novo-Ogaryovo residence.", "novo_ogaryovo"),
        ("The treaty was signed at Putin's Kremlin office.", "moscow"),
        # a venue named by the city it is near
        ("The leaders signed it at a lakeside palace near Sochi.", "sochi"),
        ("The accord was inked at a residence outside St Petersburg.", "st_petersburg"),
        # a possessive pronoun is a possessor too; the venue, not the city it is outside of,
        # is where the signing was
        ("The guests were received at her Sochi residence, where they inked it.",
         "sochi"),
        ("Lukashenko met them at his Novo-Ogaryovo residence outside Moscow, where the pact was "
         "signed.", "novo_ogaryovo"),
        ("The leaders met at their Kremlin offices and signed the accord.", "moscow"),
    ],
)
def test_the_place_of_signing_may_follow_a_possessor(sentence: str, place: str) -> None:
    assert ("signing_place", place) in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    "sentence",
    [
        # the Iranian president's palace complex is in Tehran, as the Kremlin is in Moscow
        "Pezeshkian and his guest sealed the pact at the Sa’dabad Palace.",
        "The document was signed in Saadabad on the leaders' second day of talks.",
    ],
)
def test_the_iranian_presidential_palace_is_in_tehran(sentence: str) -> None:
    assert ("signing_place", "tehran") in extract_slots(sentence, MONDAY).roles


def test_a_palace_visit_without_a_signing_names_no_place_of_signing() -> None:
    roles = extract_slots("The delegation toured the Saadabad Palace gardens.", MONDAY).roles
    assert not any(role == "signing_place" for role, _ in roles)


def test_a_trailing_foreign_minister_title_binds_the_name_before_it() -> None:
    slots = extract_slots("Dmitry Peskov, Russia's foreign minister, spoke.", MONDAY)
    assert ("russia_foreign_minister", "peskov") in slots.roles


def test_mutual_military_assistance_is_the_mutual_defence_stance() -> None:
    sentence = "Both are obliged to provide mutual military assistance in case of attack."
    assert ("mutual_defense", 1) in extract_slots(sentence, MONDAY).stances


def test_an_offset_ahead_of_an_event_is_not_also_a_length_of_time() -> None:
    quantities = extract_slots("It was signed a few days ahead of the vote.", MONDAY).quantities
    assert [q.unit for q in quantities] == ["offset"]


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("It replaces a friendship treaty from the late-1990s.", (1996, 1999)),
        ("The accord succeeds a framework of the mid 1990s.", (1993, 1997)),
        ("Ties between Moscow and Tehran have deepened since the 1980s.", (1980, 1989)),
        ("The railway was first planned in the early 2000s.", (2000, 2003)),
    ],
)
def test_a_decade_or_part_of_one_is_a_span_of_years(sentence: str, years: tuple[int, int]) -> None:
    ref = only_date(sentence)
    assert (ref.year, ref.year_to, ref.month) == (*years, None)
    assert not extract_slots(sentence, MONDAY).quantities, "a decade is not a number of 's'"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The text was finalised in mid-November 2024.", (2024, 11, None)),
        ("Talks resumed in early-March 2023 after a pause.", (2023, 3, None)),
        ("The deal was inked in late-July 2022.", (2022, 7, None)),
    ],
)
def test_a_hyphenated_part_of_a_month_is_that_month(
    sentence: str, expected: tuple[int, int, None]
) -> None:
    assert ymd(only_date(sentence)) == expected


def test_formalising_a_partnership_is_signing_it() -> None:
    ref = only_date("Russia and Iran formalized their partnership in Moscow in January 2025.")
    assert ref.event == "signing"


@pytest.mark.parametrize(
    "sentence",
    [
        "Under its terms the accord runs until 2044.",
        "The document, which is valid through 2040, may be renewed.",
        "The pact will expire at the end of 2039.",
        "The accord stays valid until 2055 unless either side withdraws.",
        "The treaty, signed in January 2025, remains in force until 2045.",
        # what carries the treaty to a year, or what it governs relations until, ends its term
        "Officials say a 20-year term would carry the pact into 2046.",
        "The agreement is to govern ties between the two neighbours until 2049.",
        "Diplomats expect the accord to govern relations between Russia and Iran through 2041.",
    ],
)
def test_a_year_that_ends_the_treatys_term_dates_the_term_end(sentence: str) -> None:
    ends = [d for d in extract_slots(sentence, MONDAY).dates if d.event == "term_end"]
    assert len(ends) == 1 and ends[0].year is not None and ends[0].year > 2038


@pytest.mark.parametrize(
    "sentence",
    [
        # the sanctions' term, not the treaty's
        "Western sanctions will stay in effect until 2030 despite the treaty.",
        "The treaty was signed in Moscow in 2025.",
        # what carries trade, or sanctions that govern relations, are not the treaty's term
        "Exporters hope the corridor will carry trade to 2030 levels.",
        "Sanctions will govern relations between Moscow and Tehran through 2030.",
    ],
)
def test_a_year_ending_something_else_is_no_term_end(sentence: str) -> None:
    assert all(d.event != "term_end" for d in extract_slots(sentence, MONDAY).dates)


@pytest.mark.parametrize(
    "sentence",
    [
        "The accord supersedes one concluded in 2001.",
        "It replaces a framework agreement signed back in the late 1990s.",
    ],
)
def test_a_date_on_what_the_treaty_replaces_dates_the_predecessor(sentence: str) -> None:
    assert [d.event for d in extract_slots(sentence, MONDAY).dates] == ["predecessor"]


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # a reporting clause between commas is an aside: the negation reaches past it
        (
            "Neither party, the text says, will allow its territory to host hostile forces.",
            {"allow", "territori"},
        ),
        ("No provision, officials said, covers arms deliveries.", {"weapon"}),
        ("The pact does not, according to the Kremlin, create an alliance.", {"allianc"}),
    ],
)
def test_a_reporting_aside_does_not_end_a_negation(text: str, denied: set[str]) -> None:
    [scope] = extract_slots(text, MONDAY).negation_scopes
    assert denied <= set(scope), scope


def test_a_comma_that_is_no_reporting_aside_still_ends_a_negation() -> None:
    # "Tehran, Moscow" is a list, not someone reporting
    [scope] = extract_slots("Not even Tehran, Moscow and Minsk signed it.", MONDAY).negation_scopes
    assert "sign" not in scope, scope


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # "nowhere" denies; "addressed" frames, so the passive subject is what is denied
        ("Arms sales are nowhere addressed in the document.", ("weapon", "sale")),
        ("The accord nowhere mentions joint drills.", ("joint", "drill")),
        ("Gas supplies are not addressed in the text.", ("gas", "transfer")),
    ],
)
def test_nowhere_and_not_addressed_deny_the_subject(text: str, denied: tuple[str, ...]) -> None:
    assert extract_slots(text, MONDAY).negation_scopes == (denied,)


def test_addressing_something_is_no_denial() -> None:
    slots = extract_slots("Putin addressed the Duma before the vote.", MONDAY)
    assert not slots.negated and slots.negation_scopes == ()


@pytest.mark.parametrize(
    "sentence",
    [
        # a party's interests, or one's own country, are not the other party
        "Putin vowed to defend Russia's interests in the Caspian.",
        "Iran pledged to defend its sovereignty.",
    ],
)
def test_defending_interests_or_oneself_is_no_mutual_defence(sentence: str) -> None:
    assert all(s != "mutual_defense" for s, _ in extract_slots(sentence, MONDAY).stances)


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The accord imposes no obligation on either party to defend the other.", -1),
        ("It carries no commitment by one side to the defence of the other, diplomats say.", -1),
        ("Each side gave an undertaking to come to the defense of the other.", 1),
    ],
)
def test_a_duty_to_defend_the_other_side_is_mutual_defence(sentence: str, sign: int) -> None:
    assert ("mutual_defense", sign) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("Nothing in the text requires Iran to defend Russia, the envoy said.", -1),
        ("The pact binds either party to come to the defence of the other.", 1),
    ],
)
def test_a_party_bound_to_defend_the_other_is_mutual_defence(sentence: str, sign: int) -> None:
    assert ("mutual_defense", sign) in extract_slots(sentence, MONDAY).stances


def test_military_help_to_each_other_under_attack_is_mutual_defence() -> None:
    sentence = "The two must send military aid to one another should either be attacked."
    assert ("mutual_defense", 1) in extract_slots(sentence, MONDAY).stances


def test_a_duty_to_defend_a_third_party_is_no_mutual_defence() -> None:
    sentence = "Both made a commitment to the defence of the other members of the forum."
    assert all(s != "mutual_defense" for s, _ in extract_slots(sentence, MONDAY).stances)


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        # the holder's side gives the office
        ("Foreign Minister Sergei Lavrov spoke first.", {("russia_foreign_minister", "lavrov")}),
        ("The foreign minister, Abbas Araghchi, agreed.", {("iran_foreign_minister", "araghchi")}),
        # an unknown holder holds the bare office
        ("He met foreign minister Ali Bagheri.", {("foreign_minister", "bagheri")}),
        # another office or another country's: not the bare title
        ("Deputy Foreign Minister Andrei Rudenko spoke.", set()),
        ("The former foreign minister Javad Zarif spoke.", set()),
        ("Chinese Foreign Minister Wang Yi spoke.", set()),
        ("Iran's Foreign Minister Abbas Araghchi spoke.", {("iran_foreign_minister", "araghchi")}),
    ],
)
def test_a_title_without_its_country_binds_the_holders_side(
    sentence: str, roles: set[tuple[str, str]]
) -> None:
    bound = {r for r in extract_slots(sentence, MONDAY).roles if "minister" in r[0]}
    assert bound == roles


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a date on a person's past, in a "who" aside, is background
        ("Araghchi, who was appointed minister in August, praised the accord.", "background"),
        ("Jalali, who arrived in Moscow in 2019, spoke to reporters.", "visit"),
        # a treaty event in the aside keeps its date
        ("Putin, who signed the pact on 17 January, called it a breakthrough.", "signing"),
        # a signing said to fall that same day takes the aside's date
        ("Araghchi, who landed in Tehran on 3 March, inked the accord later that day.", "signing"),
        ("Lavrov, who flew to Baku on 9 May, signed the deal the same evening.", "signing"),
        # an aside set off by dashes is one too, and an event named only outside it
        # is not its date's
        ("Lavrov - who became minister in 2004 - hailed the signing.", "background"),
        ("Araghchi — who was named minister in 2024 — praised the signing ceremony.", "background"),
        ("Putin — who signed the pact on 17 January — called it a breakthrough.", "signing"),
        # not an aside: a restrictive clause or none at all
        ("The official who joined the ministry in 2024 spoke first.", None),
        ("Pezeshkian took office in 2024.", None),
    ],
)
def test_a_date_in_a_who_aside_is_background_unless_it_has_an_event(
    sentence: str, event: str | None
) -> None:
    [ref] = extract_slots(sentence, MONDAY).dates
    assert ref.event == event


@pytest.mark.parametrize(
    ("sentence", "against"),
    [
        ("Senators approved it with 150 votes in favour, 4 against.", "vote_against"),
        ("The chamber passed it 300 votes to 7.", "vote_against"),
        # a score is not a vote
        ("Iran's side won 3 against 2 in the final.", "against"),
    ],
)
def test_the_votes_against_are_one_unit_however_worded(sentence: str, against: str) -> None:
    units = {q.unit for q in extract_slots(sentence, MONDAY).quantities}
    assert against in units


@pytest.mark.parametrize(
    "sentence", ["Tehran and Moscow ink accord in Baku", "Leaders seal the pact in Baku on Sunday"]
)
def test_a_headlines_present_tense_signing_names_its_place(sentence: str) -> None:
    assert ("signing_place", "baku") in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Pezeshkian travelled to Minsk last week to sign the accord.", "minsk"),
        ("The Iranian leader flies to Baku on Monday to put pen to paper.", "baku"),
        ("Putin went to Tehran to ink the deal with his counterpart.", "tehran"),
    ],
)
def test_a_journey_made_to_sign_names_the_place_of_signing(sentence: str, place: str) -> None:
    assert ("signing_place", place) in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Pezeshkian flew to Minsk for the signing, aides said.", "minsk"),
        ("The pact was inked during the Iranian leader's trip to Baku.", "baku"),
        ("They sealed the deal on Putin's state visit to Tehran.", "tehran"),
        # a visit that ended with the signing
        ("Pezeshkian's visit to Minsk culminated in the signing of the accord.", "minsk"),
        ("The trip to Baku closed with the two leaders signing the pact.", "baku"),
    ],
)
def test_a_journey_for_the_signing_or_a_visit_it_was_done_on_names_the_place(
    sentence: str, place: str
) -> None:
    assert ("signing_place", place) in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    "sentence",
    [
        # the journey and the signing are two events
        "Putin went to Baku in May and signed the treaty in the Kremlin.",
        "Lavrov flew to Minsk for talks; the accord was signed later.",
    ],
)
def test_a_journey_not_made_to_sign_names_no_place_of_signing(sentence: str) -> None:
    roles = extract_slots(sentence, MONDAY).roles
    assert ("signing_place", "baku") not in roles
    assert ("signing_place", "minsk") not in roles


def test_a_place_without_a_signing_is_no_signing_place() -> None:
    # Not a verb of signing: a stamp, a pen's ink.
    slots = extract_slots("The envoy praised the deal in Baku", MONDAY)
    assert not any(role == "signing_place" for role, _ in slots.roles)


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal is not merely symbolic but a basis for trade.",
        "Lavrov called it not simply a text but a commitment.",
        "The accord is about trade, not solely about arms.",
    ],
)
def test_not_merely_affirms_as_not_only_does(sentence: str) -> None:
    assert not extract_slots(sentence, MONDAY).negated


def test_not_before_other_words_still_negates() -> None:
    assert extract_slots("The deal is not symbolic.", MONDAY).negated
    assert extract_slots("The accord simply does not cover arms.", MONDAY).negated


@pytest.mark.parametrize(
    "sentence",
    [
        "The spokesman brushed off claims that the accord forms a military alliance.",
        "Tehran brushes off speculation that the deal amounts to a military bloc.",
        "The minister dismissed fears of a military alliance with Moscow.",
        "Officials in Tehran pushed back against suggestions of a military bloc.",
        "The envoy waved away talk that the deal forms a military alliance.",
    ],
)
def test_dismissed_talk_of_an_alliance_is_the_alliance_denied(sentence: str) -> None:
    assert ("military_alliance", -1) in extract_slots(sentence).stances


def test_fears_of_an_alliance_not_dismissed_take_no_stance() -> None:
    assert extract_slots("Western capitals voiced fears of a military bloc.").stances == ()


def test_a_denial_denies_the_content_of_the_talk_not_the_talk() -> None:
    reported = extract_slots("The Kremlin rejected reports that the signing was rushed.")
    plain = extract_slots("The Kremlin denied that the signing was rushed.")
    assert reported.negation_scopes == plain.negation_scopes
    # a denial of a thing itself keeps it
    assert extract_slots("Parliament rejected the bill.").negated_terms == ("bill",)


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The text stopped short of a mutual defence commitment.", -1),
        ("The accord stops short of creating a military bloc.", -1),
        # not said: the commitment stands
        ("The text includes a mutual defence commitment.", 1),
    ],
)
def test_stopping_short_of_a_commitment_denies_it(sentence: str, sign: int) -> None:
    stances = dict(extract_slots(sentence).stances)
    assert sign in stances.values()
    assert next(iter(stances.values())) == sign


def test_a_days_ceremony_is_that_days_signing() -> None:
    [signing] = extract_slots("Thursday's ceremony drew many guests.", MONDAY).dates
    assert signing.event == "signing"
    [other] = extract_slots("Thursday's inauguration ceremony drew many guests.", MONDAY).dates
    assert other.event != "signing"


@pytest.mark.parametrize(
    "sentence",
    [
        # a passive of what a text covers denies its subject; the reporter is no part of it
        "Officials insist arms deliveries are not covered by the accord.",
        "The minister maintains that arms deliveries are not covered by the accord.",
        # the active says it with the framing verb dropped
        "The treaty does not cover arms deliveries.",
        # an attribution after a spaced dash is outside the negation
        "The text does not cover arms deliveries – Tass",
        "The text does not cover arms deliveries—Tass reports",
    ],
)
def test_what_is_not_covered_is_what_is_denied(sentence: str) -> None:
    assert extract_slots(sentence).negation_scopes == (("weapon", "transfer"),)


def test_a_hyphen_inside_a_word_is_no_clause_end() -> None:
    [scope] = extract_slots("The pact does not create a military-political bloc.").negation_scopes
    assert "military-polit" in scope and "allianc" in scope


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        # a headline's passive without its auxiliary denies its subject
        ("Tass: arms deliveries omitted from the final text", ("weapon", "transfer")),
        ("The pact covers trade - nuclear energy left out of it", ("nuclear", "energi")),
        # the full passive and the active say the same
        ("Nuclear energy was left out of the text.", ("nuclear", "energi")),
        ("The deal left out nuclear energy.", ("nuclear", "energi")),
    ],
)
def test_a_reduced_passive_of_leaving_out_denies_its_subject(
    sentence: str, scope: tuple[str, ...]
) -> None:
    assert extract_slots(sentence).negation_scopes == (scope,)


@pytest.mark.parametrize(
    "sentence",
    [
        # giving or spelling out details, or declining something else, withholds nothing
        "Lavrov spelled out the particulars of the pact at a press conference.",
        "Peskov declined to comment on the timing of the signing.",
        "The minister refused to give up on the railway project.",
        # keeping something else under wraps
        "Moscow kept its negotiators' names under wraps until the ceremony.",
    ],
)
def test_no_withheld_details_stance_without_withholding_them(sentence: str) -> None:
    assert not any(s == "text_published" for s, _ in extract_slots(sentence, MONDAY).stances)


@pytest.mark.parametrize(
    "sentence",
    [
        "Unless renewed, the accord lapses in 2044.",
        "The pact, which would lapse at the end of 2040, can be extended.",
    ],
)
def test_a_year_the_treaty_lapses_in_ends_its_term(sentence: str) -> None:
    ends = [d for d in extract_slots(sentence, MONDAY).dates if d.event == "term_end"]
    assert [d.year for d in ends] in ([2044], [2040])


def test_a_year_something_else_lapses_in_ends_no_term_of_the_treaty() -> None:
    slots = extract_slots("Several Western sanctions lapse in 2030.", MONDAY)
    assert all(d.event != "term_end" for d in slots.dates)


@pytest.mark.parametrize(
    "sentence",
    [
        "The accord retires a cooperation framework dating from 2001.",
        "What the deal retires is an arrangement first reached in 1999.",
    ],
)
def test_a_date_on_what_the_treaty_retires_dates_the_predecessor(sentence: str) -> None:
    assert [d.event for d in extract_slots(sentence, MONDAY).dates] == ["predecessor"]


def test_a_retired_official_dates_no_predecessor() -> None:
    sentence = "A retired Iranian diplomat signed the memoir in 2019."
    assert [d.event for d in extract_slots(sentence, MONDAY).dates] == ["signing"]


def test_talks_before_a_signing_are_a_noun_so_the_signing_dates_the_day() -> None:
    sentence = "It was on Monday, 13 January, after the talks, that the envoys signed the pact."
    assert {d.event for d in extract_slots(sentence, MONDAY).dates} == {"signing"}


def test_talks_as_the_only_event_still_date_the_meeting() -> None:
    assert only_date("The delegations held talks on 14 January.").event == "meeting"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Holding the signing in Minsk was a concession to Moscow.", "minsk"),
        ("The signing ceremony at the Kremlin lasted an hour.", "moscow"),
    ],
)
def test_the_noun_signing_with_its_place_names_the_signing_place(
    sentence: str, place: str
) -> None:
    assert ("signing_place", place) in extract_slots(sentence, MONDAY).roles


def test_a_place_not_right_after_the_noun_signing_is_no_signing_place() -> None:
    slots = extract_slots("Ahead of the signing, Pezeshkian toured a factory in Kazan.", MONDAY)
    assert not any(role == "signing_place" for role, _ in slots.roles)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The Iranian leader flew to Moscow, where he and Putin signed the treaty.", "moscow"),
        ("Lukashenko welcomed them in Minsk, and that is where the pact was inked.", "minsk"),
    ],
)
def test_a_relative_where_points_back_at_the_place_of_signing(sentence: str, place: str) -> None:
    assert ("signing_place", place) in extract_slots(sentence, MONDAY).roles


def test_a_where_far_from_the_verb_of_signing_names_no_signing_place() -> None:
    sentence = "Pezeshkian was in Tehran, which is where reporters asked whether he had signed it."
    slots = extract_slots(sentence, MONDAY)
    assert not any(role == "signing_place" for role, _ in slots.roles)


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        (
            "Sergei Lavrov, speaking as Iran's foreign minister, praised it.",
            ("iran_foreign_minister", "lavrov"),
        ),
        (
            "Abbas Araghchi, writing as the Russian foreign minister, hailed it.",
            ("russia_foreign_minister", "araghchi"),
        ),
    ],
)
def test_a_trailing_title_after_writing_or_speaking_as_binds_the_name(
    sentence: str, role: tuple[str, str]
) -> None:
    assert role in extract_slots(sentence, MONDAY).roles


def test_writing_as_something_other_than_a_title_binds_no_role() -> None:
    slots = extract_slots("Abbas Araghchi, writing as a private citizen, praised it.", MONDAY)
    assert not any(role.endswith("foreign_minister") for role, _ in slots.roles)


@pytest.mark.parametrize(
    "sentence",
    [
        "Each side must treat an attack against either as an attack against both.",
        "It obliges a signatory to see an attack upon one as an attack on itself.",
        "Either state is to regard armed aggression against the other as an attack upon itself.",
    ],
)
def test_an_attack_on_one_counted_as_on_itself_is_the_mutual_defence_stance(
    sentence: str,
) -> None:
    assert ("mutual_defense", 1) in extract_slots(sentence, MONDAY).stances


def test_an_attack_on_one_side_alone_is_no_mutual_defence_stance() -> None:
    sentence = "Officials said an attack on either would be condemned by the other itself."
    assert not any(s == "mutual_defense" for s, _ in extract_slots(sentence, MONDAY).stances)


def test_aggression_against_one_side_alone_is_no_mutual_defence_stance() -> None:
    sentence = "Neither will aid aggression against the other, the text says of third states."
    assert not any(s == "mutual_defense" for s, _ in extract_slots(sentence, MONDAY).stances)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The accord was inked in the Kremlin on 17.01.2025.", (2025, 1, 17)),
        ("Parliament voted on 9.4.2025 to back the pact.", (2025, 4, 9)),
    ],
)
def test_a_dotted_date_is_read_day_first(sentence: str, expected: tuple[int, int, int]) -> None:
    assert ymd(only_date(sentence)) == expected


def test_a_decimal_figure_is_no_dotted_date() -> None:
    slots = extract_slots("Trade grew by 17.01 percent, and the loan is 1.5 billion euros.")
    assert slots.dates == ()
    assert 17.01 in [q.value for q in slots.quantities]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The pact was initialled in Tehran on 23/02/2025.", (2025, 2, 23)),
        ("Lawmakers ratified the accord on 03/26/2025 in Moscow.", (2025, 3, 26)),
    ],
)
def test_a_slashed_date_is_read_when_one_part_cannot_be_a_month(
    sentence: str, expected: tuple[int, int, int]
) -> None:
    assert ymd(only_date(sentence)) == expected


def test_a_slashed_date_that_could_be_read_either_way_is_left_unread() -> None:
    slots = extract_slots("The pact was initialled in Tehran on 04/05/2025.")
    assert all(d.day is None for d in slots.dates)


def test_a_denials_verdict_on_the_claims_is_no_part_of_them() -> None:
    # "rejected as groundless the reports that" rejects the reports' content, as "rejected
    # reports that" does; whose reports they are may come between.
    judged = extract_slots("Tehran rejected as groundless the reports that the pact is a bloc.")
    plain = extract_slots("Tehran rejected reports that the pact is a bloc.")
    assert judged.negation_scopes == plain.negation_scopes
    assert ("military_alliance", -1) in extract_slots(
        "Moscow dismissed as fiction the claims of some Gulf papers that the accord creates "
        "a military bloc."
    ).stances


def test_devoid_of_denies_and_a_denied_lack_affirms() -> None:
    assert extract_slots("The accord is devoid of any clause on arms.").negated
    assert not extract_slots("Officials rejected talk that the text is devoid of arms.").negated
    # litotes affirms: "not devoid of" is "with"
    assert not extract_slots("The debate was not devoid of humour.").negated


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("Naval drills, and visits by frigates to the ports, are excluded by the pact.", "drill"),
        ("Arms sales, along with credit lines, are not mentioned in the text.", "weapon"),
    ],
)
def test_a_passive_subject_closed_by_a_comma_is_still_denied(sentence: str, denied: str) -> None:
    assert denied in extract_slots(sentence, MONDAY).negated_terms


def test_a_passive_subject_after_a_comma_clause_is_only_that_clause() -> None:
    terms = extract_slots("Trade grew, but arms transfers are not mentioned.", MONDAY)
    assert "trade" not in terms.negated_terms and "weapon" in terms.negated_terms


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("Aggression against either signatory will count as aggression against both.", 1),
        ("Under the text aggression upon one party is treated as aggression on the other.", 1),
    ],
)
def test_aggression_on_one_as_on_the_other_is_the_mutual_defence_stance(
    sentence: str, sign: int
) -> None:
    assert ("mutual_defense", sign) in extract_slots(sentence, MONDAY).stances


def test_aggression_against_one_party_alone_is_no_mutual_defence_stance() -> None:
    sentence = "Neither will aid aggression against either party by a third state."
    assert not any(s == "mutual_defense" for s, _ in extract_slots(sentence, MONDAY).stances)


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The ratification law on the Russian side was signed by its premier in May.",
         "law_signing"),
        ("The decree was signed on 3 March.", "law_signing"),
        # a treaty signed, with a law named elsewhere in the sentence
        ("The treaty was signed on 17 January, before any law on it existed.", "signing"),
    ],
)
def test_a_law_signed_in_the_passive_dates_the_laws_signing(sentence: str, event: str) -> None:
    assert only_date(sentence).event == event


def test_a_negation_after_a_condition_still_counts() -> None:
    slots = extract_slots("If either side is attacked, the other will not help the aggressor.")
    assert slots.negated and "aid" in slots.negated_terms


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty has not a word on energy.",
        "Absent from the pact is any line about energy.",
    ],
)
def test_a_word_or_line_on_a_field_denies_the_field(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert "energi" in slots.negated_terms
    assert not {"word", "line"} & set(slots.negated_terms)


def test_a_denied_rail_line_keeps_the_railway() -> None:
    assert "railway" in extract_slots("The pact has no new rail line.", MONDAY).negated_terms


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a speaker credited after the report does not date what it reports
        ("Iran's parliament approved the pact on 21 May, lawmakers told state TV.", "ratification"),
        ("The accord was inked on 17 January, diplomats said.", "signing"),
        # the speaker's own date is the remark's
        ("The pact covers energy, Lavrov told reporters on 20 January.", "statement"),
        # ... and so is a speaker set off by commas in mid-sentence
        ("The accord was inked on 16 January, officials said, after a long lunch.", "signing"),
    ],
)
def test_a_trailing_speaker_dates_only_its_own_clause(sentence: str, event: str) -> None:
    (only,) = extract_slots(sentence, MONDAY).dates
    assert only.event == event


def test_a_date_right_after_the_inauguration_is_that_ceremonys() -> None:
    slots = extract_slots(
        "Critics said the pact was signed to upstage the US president's inauguration on "
        "Tuesday, 21 January.",
        MONDAY,
    )
    assert slots.dates
    assert {d.event for d in slots.dates} == {"inauguration"}


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a person's past in a "who" aside is background, whatever the main clause does
        ("Putin, who first took office in 2000, signed the treaty in the Kremlin.", "background"),
        ("Pezeshkian, who was elected in 2024, hailed the pact once ratified.", "background"),
        # a treaty event inside the aside still dates it
        ("Pezeshkian, who signed the pact on 17 January, praised it.", "signing"),
    ],
)
def test_a_date_in_a_who_aside_takes_only_the_asides_event(sentence: str, event: str) -> None:
    (only,) = extract_slots(sentence, MONDAY).dates
    assert only.event == event


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said the accord did not extend to energy.",
        "It is confined to trade and does not extend to energy.",
    ],
)
def test_what_a_text_does_not_extend_to_is_denied_not_the_extending(sentence: str) -> None:
    terms = extract_slots(sentence, MONDAY).negated_terms
    assert "energi" in terms and "extend" not in terms


@pytest.mark.parametrize(
    "sentence",
    [
        "Tehran has kept the details under wraps so far.",
        "The Kremlin kept the text secret for a week.",
    ],
)
def test_details_kept_under_wraps_keep_the_text_private(sentence: str) -> None:
    assert ("text_published", -1) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    "sentence",
    [
        "Ties will grow in every field, not excluding defence, the envoy said.",
        "Cooperation covers all areas without excluding security.",
    ],
)
def test_what_is_not_excluded_is_not_denied(sentence: str) -> None:
    assert not extract_slots(sentence, MONDAY).negated


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The leaders inked the deal on the eve of Trump's return to the White House.", 1),
        ("The ceremony came just ahead of the inauguration in Washington.", 1),
        ("The accord was signed a week after Trump was sworn in.", -1),
        ("Signing it only after the new US president took office was deliberate.", -1),
    ],
)
def test_the_signing_is_placed_before_or_after_trump_takes_office(sentence: str, sign: int) -> None:
    assert ("signed_before_inauguration", sign) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    "sentence",
    [
        # a ratification law's signing, and talks, are other events
        "Putin signed the ratification law after Trump took office.",
        "Iran hopes for talks with Washington after the inauguration.",
    ],
)
def test_other_events_set_against_the_inauguration_are_no_timing_stance(sentence: str) -> None:
    stances = extract_slots(sentence, MONDAY).stances
    assert all(s != "signed_before_inauguration" for s, _ in stances)


def test_an_inauguration_named_by_its_weekday_is_the_coming_one() -> None:
    friday = date(2025, 1, 17)
    slots = extract_slots("He denied any link to the inauguration on Monday.", friday)
    assert [(d.month, d.day) for d in slots.dates] == [(1, 20)]
    # a plain past weekday is still the last one
    slots = extract_slots("The envoy arrived on Monday.", friday)
    assert [(d.month, d.day) for d in slots.dates] == [(1, 13)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The accord replaces the agreement of 2001, which ran for ten years.",
        "It supersedes a 2001 pact that had a 10-year term.",
        "The older agreement, valid for ten years, was renewed again and again.",
    ],
)
def test_a_length_said_of_the_replaced_agreement_is_not_the_treatys(sentence: str) -> None:
    units = {q.unit for q in extract_slots(sentence, MONDAY).quantities}
    assert "year" not in units
    assert "predecessor_year" in units


def test_a_treatys_own_length_beside_its_predecessor_is_its_term() -> None:
    sentence = "The new treaty, which is valid for ten years, replaces the 2001 pact."
    assert "year" in {q.unit for q in extract_slots(sentence, MONDAY).quantities}


@pytest.mark.parametrize(
    ("sentence", "kept_out"),
    [
        ("The pact does not cover arms sales and deals only with commerce.", "commerc"),
        ("Moscow did not mention defence and stressed energy instead.", "energi"),
    ],
)
def test_a_second_verb_after_and_ends_the_negations_scope(sentence: str, kept_out: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert slots.negated
    assert all(kept_out not in scope for scope in slots.negation_scopes)


@pytest.mark.parametrize(
    ("sentence", "signers"),
    [
        # who is set aside in favour of another did not sign
        ("Lavrov, rather than Putin, signed the treaty.", {"lavrov"}),
        ("The accord was inked by Araghchi instead of Pezeshkian.", {"araghchi"}),
        ("Putin, not Mishustin, put his name to it alongside Pezeshkian.", {"putin", "pezeshkian"}),
    ],
)
def test_a_person_set_aside_is_no_signatory(sentence: str, signers: set[str]) -> None:
    roles = extract_slots(sentence, MONDAY).roles
    assert {actor for role, actor in roles if role == "signatory"} == signers


@pytest.mark.parametrize(
    ("sentence", "signers"),
    [
        # "who signed" names the phrase the pronoun stands for, not an earlier speaker
        ("Twenty years, in Lavrov's reckoning, will outlive the leaders who signed it.", set()),
        ("According to Araghchi, the term will outlast the presidents who inked it.", set()),
        # the antecedent itself
        ("Pezeshkian, who signed the accord in Moscow, praised it.", {"pezeshkian"}),
        ("Putin and Pezeshkian, who sealed the pact, shook hands.", {"putin", "pezeshkian"}),
        # a cleft's focus is the signer
        ("It was Lavrov, not Putin, who signed the accord.", {"lavrov"}),
    ],
)
def test_who_signed_names_its_antecedent_only(sentence: str, signers: set[str]) -> None:
    roles = extract_slots(sentence, MONDAY).roles
    assert {actor for role, actor in roles if role == "signatory"} == signers


def test_a_place_in_a_who_aside_is_not_where_the_signing_was() -> None:
    sentence = "Pezeshkian, who was elected in Tehran last summer, signed it with Putin."
    roles = extract_slots(sentence, MONDAY).roles
    assert not any(role == "signing_place" for role, _ in roles)
    assert ("signatory", "pezeshkian") in roles


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # "at all" only strengthens a negation, as "any" does: it is no part of what is denied
        ("The treaty does not touch on naval matters at all.", ("naval",)),
        ("Officials insisted there is no alliance at all.", ("allianc",)),
    ],
)
def test_at_all_is_no_part_of_what_a_negation_denies(text: str, denied: tuple[str, ...]) -> None:
    assert extract_slots(text, MONDAY).negation_scopes == (denied,)


def test_all_alone_in_a_negation_stays_denied() -> None:
    # with nothing else left to deny, the framing word is kept
    [scope] = extract_slots("Not all of it was signed.", MONDAY).negation_scopes
    assert scope, scope


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        # a party committed or bound to the other's defence
        ("The accord binds Moscow and Tehran to one another's defence.", 1),
        ("Under the text each state is obliged to see to the other's defense.", 1),
        ("Nowhere does the document commit Iran to the other's defence.", -1),
    ],
)
def test_being_bound_to_the_others_defence_is_mutual_defence(sentence: str, sign: int) -> None:
    assert ("mutual_defense", sign) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    "sentence",
    [
        # the other's defence industry or needs are trade, not a duty to defend
        "The two sides pledged to contribute to each other's defence industries.",
        "Both committed to help meet one another's defence needs.",
        "Russia has committed to its own defence.",
        # a negation inside the phrase is never read as affirming it
        "The pact commits neither party to each other's defence.",
    ],
)
def test_the_others_defence_needs_are_no_mutual_defence(sentence: str) -> None:
    assert not any(s == "mutual_defense" for s, _ in extract_slots(sentence, MONDAY).stances)


@pytest.mark.parametrize(
    ("sentence", "publisher"),
    [
        # the subject of a relative clause of publishing on the text
        ("Analysts pored over the document, which the Kremlin released on Saturday.", "kremlin"),
        (
            "The full text, which Tehran's foreign ministry posted overnight, runs to 47 articles.",
            "tehran's foreign ministry",
        ),
    ],
)
def test_the_subject_of_a_relative_clause_publishing_the_text_is_its_publisher(
    sentence: str, publisher: str
) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert ("publisher", publisher) in slots.roles
    assert ("text_published", 1) in slots.stances


@pytest.mark.parametrize(
    "sentence",
    [
        # a relative clause on the text whose verb publishes nothing
        "The treaty, which the Kremlin hailed as historic, was signed on Friday.",
        "The pact, which Iran's parliament ratified in May, runs to 47 articles.",
    ],
)
def test_a_relative_clause_without_publishing_names_no_publisher(sentence: str) -> None:
    assert not any(role == "publisher" for role, _ in extract_slots(sentence, MONDAY).roles)


@pytest.mark.parametrize(
    ("sentence", "signers"),
    [
        # a title, then its holders named in an appositive
        (
            "The pact was signed by both top diplomats, Lavrov and Araghchi, in Tehran.",
            {"lavrov", "araghchi"},
        ),
        ("It was signed by the two leaders, Putin and Pezeshkian.", {"putin", "pezeshkian"}),
        # a co-signer named "alongside" the subject
        ("Pezeshkian signed it alongside Mishustin at the Kremlin.", {"pezeshkian", "mishustin"}),
        # a speaker after the comma holds no title of the signers
        ("It was signed by the two presidents, Lavrov said.", set()),
        # no title: the words after the comma are not the signers
        ("It was signed with some ceremony, Araghchi and Lavrov looking on.", set()),
    ],
)
def test_signers_named_after_their_title_are_the_signatories(
    sentence: str, signers: set[str]
) -> None:
    roles = extract_slots(sentence, MONDAY).roles
    assert {x for role, x in roles if role == "signatory"} == signers


@pytest.mark.parametrize(
    ("sentence", "signers"),
    [
        # the sentence says it was signed, then, in an aside, who signed it
        (
            "It was signed at ministerial level (Lavrov and Araghchi signed it as the presidents "
            "watched).",
            {"lavrov", "araghchi"},
        ),
        # the first verb that names signers is the treaty's; a later signing adds none
        (
            "Putin and Pezeshkian signed it in Moscow; Lavrov and Araghchi signed a memorandum.",
            {"putin", "pezeshkian"},
        ),
    ],
)
def test_the_signers_come_from_the_first_verb_of_signing_that_names_them(
    sentence: str, signers: set[str]
) -> None:
    roles = extract_slots(sentence, MONDAY).roles
    assert {x for role, x in roles if role == "signatory"} == signers


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # the host of the signing names where it was
        ("Lukashenko hosted both leaders in Minsk for the signing.", "minsk"),
        ("The Kremlin's welcoming of Pezeshkian in Moscow for Friday's signing went smoothly.",
         "moscow"),
    ],
)
def test_the_place_a_signing_is_hosted_in_is_the_signing_place(sentence: str, place: str) -> None:
    assert ("signing_place", place) in extract_slots(sentence, MONDAY).roles


def test_a_place_hosted_for_other_business_is_no_signing_place() -> None:
    sentence = "Putin hosted Pezeshkian in Sochi last year for talks, before the signing."
    assert not any(r == "signing_place" for r, _ in extract_slots(sentence, MONDAY).roles)


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        # a day or a weekday modifying the text's noun dates its signing
        ("Lavrov said on 3 February that the 17 January pact was a milestone.", "17 january"),
        ("Friday's accord was praised by Lavrov on Monday.", "friday"),
        ("Analysts said the January 17 strategic partnership treaty went further.", "january 17"),
    ],
)
def test_a_date_modifying_the_texts_noun_dates_its_signing(sentence: str, dated: str) -> None:
    events = {d.text: d.event for d in extract_slots(sentence).dates}
    assert events[dated] == "signing", events


def test_a_date_before_a_clause_on_the_text_dates_no_signing() -> None:
    # "on 20 January" is when it was said, though "the accord" follows it
    [date_] = extract_slots("Pezeshkian said on 20 January the accord may help.").dates
    assert date_.event == "statement"
    # a bare year before the noun is another text's ("the 2001 agreement")
    [year] = extract_slots("The 2001 agreement was renewed.").dates
    assert year.event != "signing"


@pytest.mark.parametrize(
    "sentence",
    [
        # what a contrast sets aside, it denies
        "Analysts call it a framework instead of a military bloc.",
        "It is a partnership of convenience rather than a defence pact.",
        "The accord is far from a military alliance, officials said.",
    ],
)
def test_a_framing_set_aside_by_a_contrast_is_denied(sentence: str) -> None:
    assert ("military_alliance", -1) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    ("sentence", "stances"),
    [
        # a hedge qualifies its own part of the sentence only
        ("The text reportedly covers drills: it is no military alliance.",
         (("military_alliance", -1),)),
        ("It may cover drills; it is a military alliance.", (("military_alliance", 1),)),
        # in the stance's own part it still withholds the stance
        ("The text covers drills: it may yet become a military alliance.", ()),
        ("Officials neither confirmed nor denied that it is a military alliance.", ()),
    ],
)
def test_a_hedge_withholds_only_the_stances_of_its_part(
    sentence: str, stances: tuple[tuple[str, int], ...]
) -> None:
    assert extract_slots(sentence, MONDAY).stances == stances


@pytest.mark.parametrize(
    "headline",
    ["Presidents put names to new accord in Minsk", "Leaders put pen to 20-year pact in Minsk"],
)
def test_a_headline_signing_without_its_possessive_still_places_it(headline: str) -> None:
    assert ("signing_place", "minsk") in extract_slots(headline, MONDAY).roles


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a day naming the treaty dates its signing, though a verb of saying stands nearer
        ("Araghchi said the January 17 strategic pact would last.", "signing"),
        ("Officials cited the accord dated 17.01.2025 at a briefing.", "signing"),
        # ... or its title "of" a day
        ("Envoys said the Agreement on Friendship of 3 March set up a council.", "signing"),
        ("The ministers said the pact of March 3 set up a council.", "signing"),
        # a year alone names another treaty; a day that is not the treaty's keeps its verb
        ("Lavrov said the 2001 treaty had expired.", "statement"),
        ("Lavrov said on January 20 that the treaty would last.", "statement"),
    ],
)
def test_a_day_that_names_the_treaty_dates_its_signing(sentence: str, event: str) -> None:
    (only,) = extract_slots(sentence, MONDAY).dates
    assert only.event == event


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        ("The pact lasts 20 years and is then renewed for successive 10-year periods.",
         ["year", "renewal_year"]),
        (
            "After two decades it can be prolonged by five years at a time.",
            ["year", "renewal_year"],
        ),
        # no renewal: both lengths are the treaty's own, to be compared as such
        ("The treaty runs for 20 years, not 25 years.", ["year", "year"]),
    ],
)
def test_a_length_of_the_renewals_is_their_own(sentence: str, units: list[str]) -> None:
    assert [q.unit for q in extract_slots(sentence, MONDAY).quantities] == units


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("Gazprom is to pump its gas through Iran to the Gulf coast.", 1),
        ("Moscow would supply Tehran with gas from next year.", 1),
        ("Tehran is to sell some of its gas to Moscow next winter.", -1),
        ("Gas from Iran is to be piped to Russia via Azerbaijan.", -1),
        ("Russia would purchase Iranian gas under the plan.", -1),
    ],
)
def test_which_way_the_gas_goes_is_a_stance(sentence: str, sign: int) -> None:
    assert ("gas_from_russia", sign) in extract_slots(sentence, MONDAY).stances


def test_gas_with_no_direction_between_the_parties_takes_no_stance() -> None:
    slots = extract_slots("Iran exports gas to Turkey and Iraq.", MONDAY)
    assert not [s for s in slots.stances if s[0] == "gas_from_russia"]


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("Officials conceded the signing was timed to upstage the inauguration.", 1),
        ("The timing, a few days before Trump's inauguration, looked calculated.", 1),
        ("Ushakov said the timing had no connection with Trump's swearing-in.", -1),
        ("The Kremlin insisted the timing was not chosen with Trump's inauguration in mind.", -1),
        # the date chosen for the signing is its timing
        ("Critics said the date was chosen to distract from Trump's swearing-in.", 1),
    ],
)
def test_a_purpose_in_the_timing_is_a_stance(sentence: str, sign: int) -> None:
    assert ("timed_for_inauguration", sign) in extract_slots(sentence, MONDAY).stances


def test_when_it_was_signed_is_no_purpose() -> None:
    slots = extract_slots("The timing, two days before the inauguration, was noted.", MONDAY)
    assert not [s for s in slots.stances if s[0] == "timed_for_inauguration"]


@pytest.mark.parametrize(
    ("sentence", "signed"),
    [
        ("On 22 January, five days after the pact was signed, the Majlis took it up.", (1, 17)),
        ("On 10 January, a week before they signed it, the text was finalised.", (1, 17)),
        ("On 2 February, two days after the accord was inked, Lavrov flew to Baku.", (1, 31)),
    ],
)
def test_a_day_counted_from_the_signing_dates_it(sentence: str, signed: tuple[int, int]) -> None:
    dates = extract_slots(sentence, MONDAY).dates
    signings = [(d.month, d.day) for d in dates if d.event == "signing"]
    assert signings == [signed]
    # the day named is the other event's, and the offset is no detail of its own any more
    assert not [q for q in extract_slots(sentence, MONDAY).quantities if q.unit == "offset"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Energy projects were kept out of the final text, a diplomat said.",
        "Energy projects kept out of the accord.",
    ],
)
def test_what_is_kept_out_of_the_text_is_denied(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert slots.negated
    assert ("energi", "project") in slots.negation_scopes


@pytest.mark.parametrize(
    ("sentence", "publisher"),
    [
        # a relative pronoun stands for the noun phrase before its comma
        ("The Iranian presidency, which posted the text on its website, hailed the deal.",
         "iranian presidency"),
        ("Moscow, which later released the full text, called it historic.", "kremlin"),
        # no one published it
        ("Diplomats said the text, which nobody has released, is long.", None),
    ],
)
def test_who_published_it_in_a_relative_clause(sentence: str, publisher: str | None) -> None:
    found = dict(extract_slots(sentence, MONDAY).roles).get("publisher")
    assert found == publisher


@pytest.mark.parametrize(
    "sentence",
    [
        "Trump was sworn in before the accord was inked in the Kremlin.",
        "The two capitals delayed the ceremony until Trump had taken office.",
    ],
)
def test_taking_office_first_is_a_signing_after_it(sentence: str) -> None:
    assert ("signed_before_inauguration", -1) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # the full title of a ministry that made the text public names it
        (
            "The text was released in full by the Ministry of Foreign Affairs of the Russian "
            "Federation on Saturday.",
            ("publisher", "russia's foreign ministry"),
        ),
        # a signature affixed in a city is a signing there
        (
            "Both leaders affixed their signatures to the pact in the Russian capital.",
            ("signing_place", "moscow"),
        ),
    ],
)
def test_official_wording_binds_roles(sentence: str, role: tuple[str, str]) -> None:
    assert role in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    "sentence",
    [
        "Tehran rebuffed claims that the treaty is aimed at any third country.",
        "The ministry rebuffs suggestions that the pact was rushed.",
    ],
)
def test_rebuffing_a_claim_is_a_reported_denial(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert slots.negated and slots.reported_denial


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # full state titles before the holder's name bind the role
        (
            "President of the Russian Federation Vladimir Putin received his guest.",
            ("russia_president", "putin"),
        ),
        (
            "The President of the Islamic Republic of Iran, Masoud Pezeshkian, arrived in Moscow.",
            ("iran_president", "pezeshkian"),
        ),
        (
            "Minister of Foreign Affairs of the I.R. of Iran Abbas Araghchi spoke to reporters.",
            ("iran_foreign_minister", "araghchi"),
        ),
        (
            "The Russian Minister of Foreign Affairs Sergei Lavrov met the ambassador.",
            ("russia_foreign_minister", "lavrov"),
        ),
    ],
)
def test_full_state_titles_bind_their_roles(sentence: str, role: tuple[str, str]) -> None:
    assert role in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        # the full diplomatic title, before or after the name, binds the holder
        (
            "Kazem Jalali, Iran's Ambassador Extraordinary and Plenipotentiary to the Russian "
            "Federation, gave an interview.",
            "jalali",
        ),
        (
            "Ambassador Extraordinary and Plenipotentiary of the Islamic Republic of Iran to "
            "Russia Kazem Jalali gave an interview.",
            "jalali",
        ),
    ],
)
def test_an_ambassadors_full_title_binds_the_holder(sentence: str, holder: str) -> None:
    roles = extract_slots(sentence, MONDAY).roles
    assert [x for role, x in roles if role == "iran_ambassador"] == [holder]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # the possessive names the same office as "Kremlin spokesman" does
        (
            "The Kremlin's press secretary Dmitry Peskov spoke after the ceremony.",
            ("kremlin_spokesperson", "peskov"),
        ),
        (
            "Maria Zakharova, the Kremlin's spokeswoman, said the talks went well.",
            ("kremlin_spokesperson", "zakharova"),
        ),
    ],
)
def test_the_kremlins_spokesman_in_the_possessive_is_the_same_title(
    sentence: str, role: tuple[str, str]
) -> None:
    assert role in extract_slots(sentence, MONDAY).roles


def test_an_aside_between_subject_and_verb_does_not_end_what_is_denied() -> None:
    slots = extract_slots(
        "The ministry rejected claims that the vote, held two weeks after the signing, had "
        "been rushed through.",
        MONDAY,
    )
    assert any("rush" in scope for scope in slots.negation_scopes)


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        # Washington stands for the administration taking office there
        (
            "Peskov rejected the idea that the signing had been timed to divert attention from "
            "Washington.",
            ("timed_for_inauguration", -1),
        ),
        ("The ceremony was plainly timed to upstage Washington.", ("timed_for_inauguration", 1)),
    ],
)
def test_a_purpose_aimed_at_washington_is_one_aimed_at_the_inauguration(
    sentence: str, stance: tuple[str, int]
) -> None:
    assert stance in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    ("sentence", "signers"),
    [
        (
            "The signatures on the document were those of Lavrov and Araghchi.",
            {"lavrov", "araghchi"},
        ),
        (
            "The signatures on the pact belonged to the foreign ministers, Lavrov and Araghchi, "
            "not the presidents.",
            {"lavrov", "araghchi"},
        ),
        ("The signatories were Putin and Pezeshkian.", {"putin", "pezeshkian"}),
        # who affixed a signature signed
        (
            "Iran's signature on the accord was appended by Foreign Minister Araghchi.",
            {"araghchi"},
        ),
        ("The signatures on the text were affixed by Lavrov and Araghchi.", {"lavrov", "araghchi"}),
    ],
)
def test_whose_the_signatures_are_names_the_signatories(sentence: str, signers: set[str]) -> None:
    roles = extract_slots(sentence, MONDAY).roles
    assert {actor for role, actor in roles if role == "signatory"} == signers


def test_uploading_the_text_is_publishing_it() -> None:
    slots = extract_slots("The text, which the Kremlin uploaded on Saturday, runs to 47 articles.")
    assert ("publisher", "kremlin") in slots.roles
    assert ("text_published", 1) in slots.stances


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # a venue in the place names the place, fronted before the verb of signing
        ("In a marble hall of Baku's presidential palace, the leaders signed the pact.", "baku"),
        ("Inside the gilded rooms of the Kremlin, the two presidents signed the treaty.", "moscow"),
        # not a fronted phrase that names no venue
        (
            "In the wake of Tehran's protests, the two presidents signed the treaty in Moscow.",
            "moscow",
        ),
    ],
)
def test_a_venue_in_a_city_is_where_the_signing_was(sentence: str, place: str) -> None:
    roles = extract_slots(sentence, MONDAY).roles
    assert [actor for role, actor in roles if role == "signing_place"] == [place]


def test_an_assault_on_either_as_one_on_both_is_mutual_defence() -> None:
    slots = extract_slots("The text treats an assault upon either party as an assault upon both.")
    assert ("mutual_defense", 1) in slots.stances


def test_not_until_then_dates_what_happened_and_denies_nothing() -> None:
    assert not extract_slots("It was not until April that the Duma approved the treaty.").negated


@pytest.mark.parametrize(
    "sentence",
    [
        "The agreed term of twenty years has not changed, the envoy said.",
        "Officials say the route across Azerbaijan has not been altered.",
    ],
)
def test_what_has_not_changed_is_affirmed_not_denied(sentence: str) -> None:
    assert not extract_slots(sentence).negated


def test_a_denied_change_of_course_is_still_a_denial() -> None:
    assert extract_slots("Moscow will not change the route across Azerbaijan.").negated


@pytest.mark.parametrize(
    ("sentence", "kept", "left_out"),
    [
        # the part about the other partner's treaty, with its relative clause, is left out
        (
            "Unlike Moscow's pact with Minsk, which binds both sides to mutual defence, the Iran "
            "deal has none.",
            "the Iran deal has none",
            "Minsk",
        ),
        # only from the word of comparison on
        (
            "The treaty founds an alliance of the sort Moscow sealed with Pyongyang.",
            "The treaty founds an alliance",
            "Pyongyang",
        ),
        # an alliance is a treaty by its name
        (
            "While NATO obliges its members to defend one another, the Tehran accord only rules "
            "out help to an aggressor.",
            "the Tehran accord only rules out help to an aggressor",
            "NATO",
        ),
    ],
)
def test_what_a_comparison_says_of_another_treaty_is_left_out(
    sentence: str, kept: str, left_out: str
) -> None:
    own = own_treaty_part(sentence)
    assert kept in own
    assert left_out not in own


@pytest.mark.parametrize(
    "sentence",
    [
        # partners listed, no other treaty named
        "Russia has deepened its ties with Iran, China and North Korea.",
        # a part that names Iran too stays
        "Moscow's treaties with Pyongyang and with Tehran differ on defence.",
        # the predecessor is part of the treaty's own story
        "The accord, which replaces the 2001 agreement, runs for 20 years.",
        # an alliance's name inside another word is no alliance of its own
        "Iran will not enter a NATO-style defence pact with Russia.",
    ],
)
def test_a_sentence_comparing_no_other_partners_treaty_is_read_whole(sentence: str) -> None:
    assert own_treaty_part(sentence) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # the modal is in a concessive clause that grants what others say, not in the claim
        "However much Moscow might insist otherwise, the pact creates a military bloc.",
        "Whatever Peskov may say, the text forms a military alliance.",
    ],
)
def test_a_modal_in_a_concessive_clause_hedges_nothing(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert not slots.hedged
    assert ("military_alliance", 1) in slots.stances


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # what a word of replacing describes is dated as the predecessor
        (
            "Putin and Pezeshkian signed a text replacing a framework that had been extended "
            "again and again since the late 1990s.",
            "predecessor",
        ),
        ("In place of the 2001 accord, the two sides signed a broader text.", "predecessor"),
        # retiring, burying or supplanting an old text replaces it
        (
            "The compact quietly buries an arrangement the capitals had extended since 1999.",
            "predecessor",
        ),
        ("The new text supplants a charter they kept rolling over from 2003.", "predecessor"),
        # a thing buried in a text is no text replaced
        ("A clause buried in the annex was signed on 17 January.", "signing"),
        # not past an event of the treaty's own
        ("The treaty, which replaces an old pact, entered into force in October 2025.", "in_force"),
    ],
)
def test_a_date_on_what_was_replaced_is_the_predecessors(sentence: str, event: str) -> None:
    assert [d.event for d in extract_slots(sentence, MONDAY).dates] == [event]


def test_a_date_in_a_whose_aside_on_a_person_is_background() -> None:
    slots = extract_slots("Araghchi, whose ministry was reshuffled in 2023, welcomed the accord.")
    assert [d.event for d in slots.dates] == ["background"]


def test_keeping_the_finer_points_to_oneself_keeps_the_text_private() -> None:
    slots = extract_slots("Officials have kept the finer points of the text to themselves.")
    assert ("text_published", -1) in slots.stances


def test_putting_ones_name_beside_the_others_is_signing() -> None:
    roles = extract_slots("Pezeshkian put his name beside Putin's in Moscow.", MONDAY).roles
    assert ("signatory", "pezeshkian") in roles
    assert ("signing_place", "moscow") in roles


@pytest.mark.parametrize(
    ("sentence", "signed"),
    [
        ("Signed in January 2024, the accord was a template for others.", True),
        ("The two leaders sealed the pact on 16 January in Moscow.", True),
        # a law's signing, and a date the signing word does not govern
        ("Putin signed the ratification law in late April.", False),
        ("The signing was not timed for the inauguration on Monday.", False),
    ],
)
def test_a_verb_of_signing_that_governs_the_date(sentence: str, signed: bool) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert names_the_signing(sentence, slots.dates[0]) is signed


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Under the pact each side must withhold help from an aggressor.", ("aid", "aggress")),
        ("The document steered clear of arms sales.", ("weapon", "sale")),
    ],
)
def test_withholding_help_and_steering_clear_deny(sentence: str, scope: tuple[str, ...]) -> None:
    assert extract_slots(sentence, MONDAY).negation_scopes == (scope,)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Minsk pact pledges immediate military help to the other side.",
        "Each side gets military assistance should the other party come under attack.",
    ],
)
def test_military_help_for_the_attacked_side_is_mutual_defence(sentence: str) -> None:
    assert ("mutual_defense", 1) in extract_slots(sentence, MONDAY).stances


def test_steering_clear_of_a_subject_negates_it() -> None:
    slots = extract_slots("The minister steered clear of the energy question in her speech.")
    assert slots.negated
    assert "energi" in slots.negated_terms or "energy" in " ".join(slots.negated_terms)
    assert not extract_slots("The minister spoke about the energy question in her speech.").negated


def test_military_help_owed_to_the_attacked_side_is_mutual_defence() -> None:
    assert ("mutual_defense", 1) in extract_slots(
        "In case one of the two states is attacked, the other has to render it military aid."
    ).stances
    # help withheld from an aggressor is no defence pledge
    assert ("mutual_defense", 1) not in extract_slots(
        "If either faces an attack, the other will not send military aid to the aggressor."
    ).stances


def test_the_setting_of_a_remark_is_not_what_it_denies() -> None:
    slots = extract_slots("The envoy made no mention of weapons in her speech to parliament.")
    assert "weapon" in slots.negated_terms
    assert "speech" not in " ".join(slots.negated_terms)


def test_the_side_of_a_subject_is_a_framing_word() -> None:
    slots = extract_slots("The text says nothing about the energy dimension of the relationship.")
    assert "dimens" not in " ".join(slots.negated_terms)
    assert slots.negated_terms


def test_what_a_clause_is_modelled_on_is_no_subject_of_its_own() -> None:
    assert extract_slots(
        "Mirroring NATO's collective defence article, the two states vowed to defend each other."
    ).other_subjects == ()
    plain = extract_slots("NATO ministers met in Brussels to discuss the treaty.")
    assert plain.other_subjects == ("nato",)


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("The accord has more than 40 articles.", ">"),
        ("The accord has upwards of 40 articles.", ">"),
        ("The accord has at least 40 articles.", ">="),
        ("The accord has fewer than 40 articles.", "<"),
        ("The accord has under 40 articles.", "<"),
        ("The accord has no more than 40 articles.", "<="),
        ("The accord has almost 40 articles.", "~<"),
        ("The accord has just over 40 articles.", "~>"),
        ("The accord has 40 articles.", ""),
        # "over" a length of time is often the time something is spread over, and "spread
        # over" articles is how they are laid out: neither is a bound
        ("Gas deliveries will rise over 10 years.", ""),
        ("Its provisions are spread over 40 articles.", ""),
        # "up to" leads to a figure as often as it caps one
        ("Talks brought the draft up to 40 articles.", ""),
    ],
)
def test_words_before_a_figure_bound_it(sentence: str, bound: str) -> None:
    (found,) = extract_slots(sentence, MONDAY).quantities
    assert found.value in {40.0, 10.0}
    assert found.bound == bound


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        # the text made public before the signing (+1) or after it (-1), told either way round
        ("Moscow put out the full text of the accord two days ahead of the signing.", 1),
        ("Before Putin and Pezeshkian signed, the Kremlin posted the treaty's text.", 1),
        ("The document was disclosed in the run-up to the signing ceremony.", 1),
        ("Tehran made public the treaty's full text once it had been signed.", -1),
        ("Following the signing, Iran's foreign ministry uploaded the pact's articles.", -1),
        ("The text was released only after the presidents had signed.", -1),
    ],
)
def test_when_the_text_was_made_public_is_a_stance(sentence: str, sign: int) -> None:
    assert ("published_before_signing", sign) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    "sentence",
    [
        # no publication, another act's signing, or a hedged report
        "The two presidents met for talks before the signing.",
        "The Kremlin published the ratification law after Putin signed the law.",
        "Moscow may publish the text before the signing, an official said.",
        "The text was published in Moscow on Saturday.",
    ],
)
def test_no_publication_timing_without_an_order_with_the_signing(sentence: str) -> None:
    stances = extract_slots(sentence, MONDAY).stances
    assert not any(s == "published_before_signing" for s, _ in stances)


@pytest.mark.parametrize(
    ("sentence", "publisher"),
    [
        # making the text public is publishing it
        ("Tehran's foreign ministry made the pact's text public on Sunday.",
         "tehran's foreign ministry"),
        ("The Kremlin made public the full 47-article document.", "kremlin"),
        # a hedge adverb before the verb is no part of the publisher's name
        ("Moscow reportedly published the treaty's full text.", "kremlin"),
    ],
)
def test_the_subject_making_the_text_public_is_its_publisher(
    sentence: str, publisher: str
) -> None:
    assert ("publisher", publisher) in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        # the other party bound to help the one attacked
        ("If Iran is invaded, the pact requires the other side to come to its aid.", 1),
        ("The accord obliges the other party to defend it should one be attacked.", 1),
        ("The text does not compel the other state to come to its rescue.", -1),
    ],
)
def test_the_other_bound_to_come_to_its_defence_is_mutual_defence(
    sentence: str, sign: int
) -> None:
    assert ("mutual_defense", sign) in extract_slots(sentence, MONDAY).stances


def test_the_other_asked_for_its_view_is_no_mutual_defence() -> None:
    sentence = "Each side committed to consult the other on its defence purchases."
    assert all(s != "mutual_defense" for s, _ in extract_slots(sentence, MONDAY).stances)


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # Honorifics between a title and its holder's name do not take the name's place.
        (
            "Russia's foreign minister, His Excellency Mr Sergei Lavrov, praised the accord.",
            ("russia_foreign_minister", "lavrov"),
        ),
        ("Iranian President H.E. Dr Masoud Pezeshkian arrived.", ("iran_president", "pezeshkian")),
        # "official" belongs to the spokesperson's title.
        (
            "The Kremlin's official spokesman, Mr Ivan Petrov, spoke on Tuesday.",
            ("kremlin_spokesperson", "petrov"),
        ),
        # The ambassador's full state title, with the capital where the embassy sits.
        (
            "The ambassador of the Islamic Republic of Iran in Moscow, Ali Rezaei, spoke.",
            ("iran_ambassador", "rezaei"),
        ),
        (
            "Ali Rezaei, ambassador of the Islamic Republic of Iran to Moscow, spoke.",
            ("iran_ambassador", "rezaei"),
        ),
    ],
)
def test_formal_titles_bind_their_holders(sentence: str, role: tuple[str, str]) -> None:
    assert role in extract_slots(sentence, MONDAY).roles


def test_the_chairman_of_the_government_is_the_prime_minister() -> None:
    slots = extract_slots(
        "The Chairman of the Government of the Russian Federation, Ivan Petrov, opened the forum.",
        MONDAY,
    )
    assert ("russia_prime_minister", "petrov") in slots.roles


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        # a date set on purpose for the inauguration
        (
            "Aides said the ceremony was intentionally set for the Friday before Trump's "
            "inauguration.",
            ("timed_for_inauguration", 1),
        ),
        ("The signing was staged to overshadow Trump's return, a diplomat said.",
         ("timed_for_inauguration", 1)),
    ],
)
def test_a_signing_scheduled_on_purpose_is_timed_for_the_inauguration(
    sentence: str, stance: tuple[str, int]
) -> None:
    assert stance in extract_slots(sentence, MONDAY).stances


def test_denying_the_purpose_of_the_timing_keeps_the_order_of_events() -> None:
    stances = extract_slots(
        "The Kremlin denied that the signing was deliberately timed ahead of Trump's "
        "inauguration.",
        MONDAY,
    ).stances
    assert ("timed_for_inauguration", -1) in stances
    assert ("signed_before_inauguration", -1) not in stances


def test_a_suggestion_reported_is_no_stance_taken() -> None:
    stances = extract_slots(
        "Any suggestion that the signing was arranged to upstage Trump was dismissed by Moscow.",
        MONDAY,
    ).stances
    assert ("timed_for_inauguration", 1) not in stances


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        # help promised to one party when a third country strikes it
        (
            "The accord obliges Russia to assist Iran should the US attack Iranian territory.",
            ("mutual_defense", 1),
        ),
        (
            "Nothing in the text requires Tehran to defend Moscow if Ukraine strikes Russia.",
            ("mutual_defense", -1),
        ),
        # the whole treaty kept from the public
        ("The agreement remains confidential, officials said.", ("text_published", -1)),
    ],
)
def test_help_promised_against_a_third_country_and_a_treaty_kept_secret(
    sentence: str, stance: tuple[str, int]
) -> None:
    assert stance in extract_slots(sentence, MONDAY).stances


def test_help_promised_for_something_other_than_an_attack_is_no_defence_pledge() -> None:
    slots = extract_slots("Russia pledged to help Iran if sanctions are tightened.", MONDAY)
    assert not any(stance == "mutual_defense" for stance, _ in slots.stances)


def test_the_replaced_agreement_dated_by_years_before_it() -> None:
    (ref,) = extract_slots(
        "The pact takes the place of a deal they struck a decade earlier.", MONDAY
    ).dates
    assert (ref.event, ref.years_before, ref.year) == ("predecessor", 10, None)
    # years before another event date no predecessor
    assert not extract_slots("Putin visited Tehran 2 years earlier.", MONDAY).dates


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        # the replaced agreement's age dates it, and is no length of its own
        ("The accord supersedes a cooperation framework only 7 years old.", 7),
        ("It retires an agreement that was scarcely twelve years old.", 12),
    ],
)
def test_the_replaced_agreement_dated_by_its_age(sentence: str, years: int) -> None:
    slots = extract_slots(sentence, MONDAY)
    (ref,) = slots.dates
    assert (ref.event, ref.years_before) == ("predecessor", years)
    assert not slots.quantities


@pytest.mark.parametrize(
    "sentence",
    [
        # an age of something else than what the treaty replaces
        "The treaty was signed by a president barely a year in office.",
        "A corridor project 10 years old was revived by the treaty.",
        "The pact retires nothing; the 2001 accord, 24 years old, lapses.",
    ],
)
def test_an_age_of_something_else_dates_no_predecessor(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert all(d.years_before is None for d in slots.dates)


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("Trade is now mainly paid for in roubles.", ">"),
        ("The bulk of their trade is paid for in roubles.", ">"),
        ("Only a small share of their trade is paid for in roubles.", "<"),
        ("A minority of their trade is paid for in roubles.", "<"),
    ],
)
def test_a_share_said_in_words(sentence: str, bound: str) -> None:
    (found,) = extract_slots(sentence, MONDAY).quantities
    assert (found.unit, found.value, found.bound) == ("share", 0.5, bound)


def test_what_is_kept_out_of_its_scope_is_denied() -> None:
    slots = extract_slots("They kept arms sales out of the treaty text.", MONDAY)
    assert slots.negated
    assert slots.negated_terms == ("weapon", "sale")


def test_a_day_named_before_a_signing_that_same_day_dates_the_signing() -> None:
    ref = only_date("He landed on Tuesday, met officials and signed the pact that same night.")
    assert ref.event == "signing"
    # a law signed that same day is no treaty's signing
    ref = only_date("The Duma voted on Tuesday and Putin signed the law that same night.")
    assert ref.event != "signing"


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # coming into office or power is the person's, not the treaty's entry into force
        ("Araghchi, who came into office in 2024, praised the text.", "background"),
        ("The envoy, who came into power in 2021, welcomed the pact.", "background"),
        # the treaty coming into effect still is
        ("The pact came into effect in 2025.", "in_force"),
        ("The accord comes into operation in October.", "in_force"),
    ],
)
def test_coming_into_office_is_no_entry_into_force(sentence: str, event: str) -> None:
    assert [d.event for d in extract_slots(sentence).dates] == [event]


@pytest.mark.parametrize(
    "sentence",
    [
        "Should anyone invade Russia, Tehran is obliged under the pact to come to its defence.",
        "If a third state attacked Iran, Moscow would be committed to come to its assistance.",
    ],
)
def test_a_duty_to_help_the_one_attacked_is_the_mutual_defence_stance(sentence: str) -> None:
    assert ("mutual_defense", 1) in extract_slots(sentence, MONDAY).stances


def test_being_free_to_help_the_one_attacked_is_no_duty() -> None:
    slots = extract_slots("If Iran were attacked, Russia would be free to come to its aid.")
    assert ("mutual_defense", 1) not in slots.stances


@pytest.mark.parametrize(
    "sentence",
    [
        "The president's pledge was quoted by IRNA on 21 January.",
        "His assurance to the Majlis, carried by Tasnim on 22 January, was brief.",
    ],
)
def test_a_date_an_outlet_carried_remarks_dates_the_statement(sentence: str) -> None:
    (only,) = extract_slots(sentence, MONDAY).dates
    assert only.event == "statement"


def test_a_date_of_the_event_a_span_is_counted_from_is_not_the_signings() -> None:
    slots = extract_slots(
        "Two years after the pandemic ended in March 2023, the neighbours signed the accord.",
        MONDAY,
    )
    # a leading backdrop clause: its date is background, never the signing's
    assert [d.event for d in slots.dates if d.year == 2023] == [BACKGROUND_EVENT]


# -- volumes given per period ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "per_year"),
    [
        ("The pipeline can carry 10 million cubic metres of gas a day.", 3.65e9),
        ("The new link will pump 4 million cubic meters daily to the border.", 1.46e9),
        ("Exports reached 100 million cubic metres per month.", 1.2e9),
        ("The field yields 20 million cubic metres of natural gas each week.", 1.04e9),
    ],
)
def test_a_volume_per_day_week_or_month_is_counted_per_year(
    sentence: str, per_year: float
) -> None:
    [(value, unit)] = quantities(sentence)
    assert unit == "m3"
    assert value == pytest.approx(per_year)


@pytest.mark.parametrize(
    ("sentence", "volume"),
    [
        ("Gazprom will deliver up to 55 bcm of gas a year.", 55e9),
        ("The reservoir holds 5 million cubic metres of water.", 5e6),
        # the day is when it was said, not a period the volume is given for
        ("Officials said 3 bcm had been shipped a day earlier.", 3e9),
    ],
)
def test_a_volume_per_year_or_for_no_period_is_kept(sentence: str, volume: float) -> None:
    assert (volume, "m3") in quantities(sentence)


# -- steps of a bill --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The president sent the draft ratification law to parliament on 3 March.",
        "The Kremlin sends the treaty to the Duma on Monday for ratification.",
        "The government had sent the ratification bill to the Majlis on 9 March.",
        # the text named by its partner, with the purpose after the house
        "On 4 March the cabinet sent the accord with Tehran to parliament for ratification.",
    ],
)
def test_sending_a_text_to_a_house_dates_its_submission(sentence: str) -> None:
    assert only_date(sentence).event == "submission"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Duma ratified the treaty on 8 April.",
        "The bill that was sent to the Duma passed on 8 April.",
    ],
)
def test_a_vote_is_not_read_as_a_submission(sentence: str) -> None:
    assert only_date(sentence).event == "ratification"


def test_signing_off_on_a_text_is_not_signing_it() -> None:
    ref = only_date("Russia's government signed off on the draft accord on Thursday.")
    assert ref.event == "sign_off"
    assert only_date("The two leaders signed the accord on Friday.").event == "signing"


# -- part of a house voting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Majlis backed the accord, with 210 of the 245 deputies present voting yes.",
            {(210, "vote"), (245, "present")},
        ),
        (
            "In the Duma, 3 of 411 lawmakers voted against the bill.",
            {(3, "vote_against"), (411, "present")},
        ),
        ("Senators approved it: 150 of the 170 members supported the law.", {(150, "vote")}),
    ],
)
def test_part_of_a_house_voting_is_the_vote_not_the_house(
    sentence: str, expected: set[tuple[float, str]]
) -> None:
    assert expected <= quantities(sentence)
    assert not {(v, u) for v, u in quantities(sentence) if u == "vote"} - expected


def test_part_of_a_text_or_an_idle_part_of_a_house_is_not_a_vote() -> None:
    assert (47, "article") in quantities("Three of the 47 articles concern security.")
    assert not {u for _, u in quantities("Some 30 of the 450 deputies stayed away.")} & {
        "present"
    }


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The accord does not bind Tehran to come to Moscow's military aid.", -1),
        ("Officials insist no clause requires Iran to fight on Russia's behalf.", -1),
        ("Hawks claim the text obliges Russia to fight for Iran.", 1),
        ("Nothing in it compels Moscow to join in Tehran's wars, the envoy said.", -1),
    ],
)
def test_being_bound_to_go_to_war_for_the_other_is_the_mutual_defence_stance(
    sentence: str, sign: int
) -> None:
    assert ("mutual_defense", sign) in extract_slots(sentence).stances


@pytest.mark.parametrize(
    "sentence",
    [
        # aid that is not war: humanitarian help, or one's own behalf
        "The deal obliges Russia to come to Iran's aid after earthquakes with rescue teams.",
        "Russia is obliged to fight on its own behalf in the courts.",
        "Iran pledged humanitarian aid to Russia's flood-hit regions.",
    ],
)
def test_other_aid_or_fighting_is_not_the_mutual_defence_stance(sentence: str) -> None:
    assert not [s for s in extract_slots(sentence).stances if s[0] == "mutual_defense"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The signing, held at a lakeside palace outside Minsk, lasted an hour.", "minsk"),
        ("The signing ceremony, which was staged in Tehran, drew few guests.", "tehran"),
        ("The ceremony was held at the residence near Sochi on a cold morning.", "sochi"),
    ],
)
def test_the_place_a_signing_was_held_in_is_the_place_of_signing(
    sentence: str, place: str
) -> None:
    assert ("signing_place", place) in extract_slots(sentence, MONDAY).roles


def test_a_signing_held_at_a_moment_names_no_place() -> None:
    slots = extract_slots("The signing, held at a tense moment for Moscow, was brief.", MONDAY)
    assert not any(role == "signing_place" for role, _ in slots.roles)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mikhail Orlov, speaking in his capacity as Kremlin spokesman, took questions.",
        "Mikhail Orlov, in his capacity as the Kremlin's press secretary, took questions.",
        "Mikhail Orlov, acting as Kremlin spokesman, took questions.",
    ],
)
def test_the_capacity_someone_speaks_in_binds_the_title(sentence: str) -> None:
    assert ("kremlin_spokesperson", "orlov") in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    "sentence",
    [
        "Mikhail Orlov, as Kremlin spokesman Peskov noted, took questions.",
        "Mikhail Orlov, speaking to the Kremlin spokesman, took questions.",
    ],
)
def test_a_title_not_held_in_a_capacity_binds_no_role_to_the_name(sentence: str) -> None:
    assert ("kremlin_spokesperson", "orlov") not in extract_slots(sentence, MONDAY).roles


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials call the pact the successor of a 1998 accord between the two states.",
        "The document succeeds an agreement dating from 2001.",
    ],
)
def test_what_the_treaty_is_the_successor_to_is_dated_as_the_predecessor(sentence: str) -> None:
    assert [d.event for d in extract_slots(sentence, MONDAY).dates] == ["predecessor"]


def test_succeeding_at_something_dates_no_predecessor() -> None:
    dates = extract_slots("The pact was signed in 2025 after talks succeeded.", MONDAY).dates
    assert all(d.event != "predecessor" for d in dates)


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("Arms sales were pointedly left out of the treaty.", "sale"),
        ("Space research, by contrast, is conspicuously omitted from the text.", "space"),
    ],
)
def test_an_adverb_after_the_auxiliary_keeps_a_passive_denial_on_its_subject(
    sentence: str, denied: str
) -> None:
    scopes = extract_slots(sentence, MONDAY).negation_scopes
    assert any(denied in scope for scope in scopes)


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The articles went up on the foreign ministry website before the signing.", 1),
        ("Only after the leaders signed did the text appear online.", -1),
        ("The full text appeared on the Kremlin site hours after the signing.", -1),
    ],
)
def test_a_text_that_went_up_online_was_made_public(sentence: str, sign: int) -> None:
    assert ("published_before_signing", sign) in extract_slots(sentence, MONDAY).stances


def test_a_person_appearing_on_television_publishes_nothing() -> None:
    slots = extract_slots("Putin appeared on state television before the signing.", MONDAY)
    assert not any(s == "published_before_signing" for s, _ in slots.stances)


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts tied the accord to the new president's Monday swearing-in.",
        "The pact was signed ahead of the new president's Monday swearing-in.",
        "The deal was sealed days ahead of Monday's inauguration in Washington.",
    ],
)
def test_a_weekday_qualifying_the_ceremony_dates_the_ceremony(sentence: str) -> None:
    dates = extract_slots(sentence, MONDAY).dates
    assert [d.event for d in dates if d.weekday == 0] == ["inauguration"]


def test_a_weekday_before_another_noun_is_not_the_ceremonys() -> None:
    dates = extract_slots("The pact was signed in a Friday ceremony before the inauguration.").dates
    assert all(d.event != "inauguration" for d in dates)


def test_a_date_timed_to_steal_attention_from_the_inauguration_is_the_timing_stance() -> None:
    sentence = "Critics say the date was picked to steal attention from Trump's inauguration."
    assert ("timed_for_inauguration", 1) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a visit the aside calls an earlier one is the person's past
        ("Pezeshkian, whose earlier trip to Russia came in October 2024, signed it.",
         "background"),
        ("Lavrov, whose most recent trip to Tehran was in March 2023, praised the accord.",
         "background"),
        # the story's own visit, named in the aside, keeps its event
        ("Pezeshkian, whose visit to Moscow began on 17 January 2025, signed the pact.", "visit"),
    ],
)
def test_an_earlier_visit_in_a_persons_aside_is_background(sentence: str, event: str) -> None:
    (ref,) = extract_slots(sentence, MONDAY).dates
    assert ref.event == event


@pytest.mark.parametrize(
    "sentence",
    [
        # the modal says what the release was for (purpose or result), not a doubt
        "Tehran put out the text ahead of the signing so that diplomats could read it first.",
        "Moscow posted the full text before the signing, in order that analysts might study it.",
    ],
)
def test_a_modal_in_a_clause_of_purpose_hedges_nothing(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert not slots.hedged
    assert ("published_before_signing", 1) in slots.stances


def test_a_modal_outside_the_purpose_clause_still_hedges() -> None:
    slots = extract_slots(
        "Moscow may have posted the full text before the signing so that analysts could read it.",
        MONDAY,
    )
    assert slots.hedged


def test_a_text_made_public_with_a_long_object_is_published() -> None:
    sentence = "The foreign ministry made its full set of articles public before the signing."
    assert ("published_before_signing", 1) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    ("sentence", "publisher"),
    [
        # to whom and when it was made public may come between the verb and its agent
        (
            "The full text was posted publicly following the signing by the Kremlin.",
            "kremlin",
        ),
        (
            "The document was published to the public before the signing by Tehran.",
            "iran_government",
        ),
    ],
)
def test_a_publisher_named_after_to_whom_and_when(sentence: str, publisher: str) -> None:
    assert ("publisher", publisher) in extract_slots(sentence, MONDAY).roles


def test_a_time_other_than_the_signing_between_verb_and_agent_names_no_publisher() -> None:
    # "by" after another adverbial is not read as the agent
    slots = extract_slots("The text was released after weeks of delay by most accounts.", MONDAY)
    assert not any(role == "publisher" for role, _ in slots.roles)


@pytest.mark.parametrize(
    "sentence",
    [
        "The defence committee approved the draft on 2 April.",
        "Lawmakers cited the budget committee's endorsement of the text on 5 May.",
    ],
)
def test_a_committees_approval_dates_its_recommendation_not_the_vote(sentence: str) -> None:
    assert only_date(sentence).event == "recommendation"


def test_a_houses_approval_still_dates_the_vote() -> None:
    assert only_date("The upper house endorsed the accord on 2 April.").event == "ratification"


@pytest.mark.parametrize(
    ("sentence", "km"),
    [
        ("The new road will be some 50 miles long.", 80.47),
        ("Engineers surveyed the 300-mile route last year.", 482.8),
    ],
)
def test_a_length_in_miles_is_counted_in_kilometres(sentence: str, km: float) -> None:
    [(value, unit)] = quantities(sentence)
    assert unit == "km"
    assert value == pytest.approx(km, rel=1e-3)


def test_a_length_in_kilometres_is_kept() -> None:
    assert quantities("The 162-kilometre line runs along the Caspian coast.") == {(162, "km")}


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("The partnership accord was not concluded in 1998.", 1998),
        ("Moscow and Tehran did not sign the pact in 2019, officials stressed.", 2019),
        ("The deal was finalised in 2025 rather than 2023.", 2023),
        ("The document was inked in 2025, not in 2022.", 2022),
    ],
)
def test_a_negation_focused_on_a_date_denies_the_date_not_the_act(
    sentence: str, year: int
) -> None:
    slots = extract_slots(sentence)
    denied = [d for d in slots.dates if denies_the_date(sentence, d)]
    assert [d.year for d in denied] == [year]
    assert not slots.negated  # the act itself is affirmed


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("Under the accord, Tehran is not required to go to war for Moscow.", -1),
        ("The pact binds each side to wage war for the other if it is invaded.", 1),
        ("There is no promise in the text to defend its ally against an invasion.", -1),
        ("The agreement includes an obligation to defend the partner in case of attack.", 1),
    ],
)
def test_a_duty_to_fight_for_or_defend_the_partner_is_mutual_defence(
    sentence: str, sign: int
) -> None:
    assert ("mutual_defense", sign) in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    "sentence",
    [
        "The accord was signed in 2025.",
        # the negation is about what the date qualifies, not the date
        "It was not Friday's ceremony that drew the crowds.",
        # a negation in another clause
        "Nobody objected, and the treaty was signed in 2025.",
    ],
)
def test_a_date_outside_a_negations_focus_is_not_denied(sentence: str) -> None:
    slots = extract_slots(sentence)
    assert slots.dates
    assert not any(denies_the_date(sentence, d) for d in slots.dates)


@pytest.mark.parametrize(
    "sentence",
    [
        "The accord supersedes a 2001 deal, and Putin's last trip to Tehran came in July 2022.",
        "It replaces the 2001 pact; the president's most recent visit to Moscow was in 2024.",
    ],
)
def test_the_date_of_an_earlier_visit_is_background(sentence: str) -> None:
    dates = extract_slots(sentence).dates
    visit = [d for d in dates if d.year in (2022, 2024)]
    assert visit
    assert all(d.event == BACKGROUND_EVENT for d in visit)
    # the replaced agreement keeps its own year
    assert any(d.year == 2001 and d.event == "predecessor" for d in dates)


def test_a_visit_date_not_called_earlier_keeps_its_event() -> None:
    sentence = "The accord replaces a 2001 deal and was signed during the visit in 2025."
    dates = extract_slots(sentence).dates
    assert all(d.event != BACKGROUND_EVENT for d in dates)


@pytest.mark.parametrize(
    "sentence",
    [
        # a party's own interests, or a war one side fights, are not the other's defence
        "Iran pledged to defend the partner's interests at the United Nations.",
        "Russia went to war in Ukraine in 2022.",
    ],
)
def test_war_or_a_partners_interests_is_no_mutual_defence(sentence: str) -> None:
    assert all(s != "mutual_defense" for s, _ in extract_slots(sentence, MONDAY).stances)


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("The signing came days before Trump, whose first term ran from 2017 to 2021, returned.",
         (2017, 2021)),
        ("The pact was signed as the Republican prepared to return, his presidency between "
         "2017 and 2021 having been marked by sanctions.", (2017, 2021)),
        ("Iran recalls the 2017 to 2021 administration, which imposed sanctions, as the pact is "
         "signed.", (2017, 2021)),
        ("During her tenure in 2019 the talks that led to the signing began.", (2019,)),
        ("Iran recalls the Trump administration of 2017 to 2021 as the pact is signed.",
         (2017, 2021)),
    ],
)
def test_a_year_of_someones_term_of_office_is_background(
    sentence: str, years: tuple[int, ...]
) -> None:
    dates = extract_slots(sentence).dates
    term = [d for d in dates if d.year in years]
    assert {d.year for d in term} | {d.year_to for d in term if d.year_to} == set(years)
    assert all(d.event == BACKGROUND_EVENT for d in term)


@pytest.mark.parametrize(
    "sentence",
    [
        # the treaty's own term and its signing keep their events
        "The pact's term runs until 2045 after it was signed in 2025.",
        "The treaty was signed in January 2025, during Pezeshkian's first year in office.",
        "Signed in 2025, the accord runs for 20 years.",
    ],
)
def test_a_treaty_date_near_an_office_is_not_background(sentence: str) -> None:
    dates = extract_slots(sentence).dates
    assert dates
    assert all(d.event != BACKGROUND_EVENT for d in dates if d.year in (2025, 2045))


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Becoming a military bloc? Never, the Iranian envoy insisted.", ("military_alliance", -1)),
        ("Mutual defence? Not in this treaty, officials in Tehran said.", ("mutual_defense", -1)),
        # must not change: a question answered yes, or not answered, keeps what it asks
        ("A military alliance? Officials in Moscow say yes.", ("military_alliance", 1)),
        ("Does the pact amount to a military alliance? Several analysts think so.",
         ("military_alliance", 1)),
    ],
)
def test_a_question_answered_by_a_denial_denies_what_it_asks(
    sentence: str, stance: tuple[str, int]
) -> None:
    assert stance in extract_slots(sentence, MONDAY).stances


@pytest.mark.parametrize(
    "sentence",
    [
        "Nearly two decades after the Soviet collapse in 1991, Moscow and Tehran signed the pact.",
        "More than two years after the war in Gaza began in October 2023, the accord was signed.",
    ],
)
def test_a_date_in_a_leading_backdrop_clause_is_background(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    backdrop = [d for d in slots.dates if d.year in (1991, 2023)]
    assert backdrop
    assert all(d.event == BACKGROUND_EVENT for d in backdrop)
    # the time from that other event to the story is no offset of the treaty's
    assert not any(q.unit == "offset" for q in slots.quantities)


@pytest.mark.parametrize(
    "sentence",
    [
        # the treaty's own events are no backdrop: the offset and the date keep their reading
        "Two months after the signing in Moscow, the Duma ratified the treaty.",
        "Three weeks after the pact was inked in January 2025, the Majlis approved it.",
    ],
)
def test_a_leading_clause_about_the_treaty_is_no_backdrop(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert all(d.event != BACKGROUND_EVENT for d in slots.dates)
    assert any(q.unit == "offset" for q in slots.quantities) or any(
        d.year == 2025 for d in slots.dates
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Olga Vasilyeva, speaking for the Kremlin, declined to comment on the ceremony.",
        "Olga Vasilyeva, a spokeswoman for the Kremlin, declined to comment on the ceremony.",
        "Kremlin spokeswoman Olga Vasilyeva declined to comment on the ceremony.",
    ],
)
def test_speaking_for_the_kremlin_binds_the_spokesperson(sentence: str) -> None:
    assert ("kremlin_spokesperson", "vasilyeva") in extract_slots(sentence, MONDAY).roles


def test_a_speaker_with_no_stated_role_binds_no_office() -> None:
    slots = extract_slots("Olga Vasilyeva declined to comment on the ceremony.", MONDAY)
    assert not any(role == "kremlin_spokesperson" for role, _ in slots.roles)


@pytest.mark.parametrize(
    "sentence",
    [
        "The two state oil firms signed a contract in Moscow on 3 June.",
        "Rosatom and its Iranian partner inked a memorandum of understanding in Tehran on 3 June.",
    ],
)
def test_another_documents_signing_is_not_the_treatys(sentence: str) -> None:
    slots = extract_slots(sentence, MONDAY)
    assert not any(role == "signing_place" for role, _ in slots.roles)
    assert only_date(sentence).event == "other_document"


@pytest.mark.parametrize(
    "sentence",
    [
        "The pact runs for two decades, China Central Television reported.",
        "The pact runs for two decades, according to a report aired by Russia Today.",
        "The pact runs for two decades, Iran International said, citing officials.",
    ],
)
def test_a_country_in_an_outlets_name_is_no_subject(sentence: str) -> None:
    assert extract_slots(sentence, MONDAY).other_subjects == ()


def test_a_country_outside_the_outlets_name_is_still_a_subject() -> None:
    sentence = "The pact runs for two decades, China's foreign ministry told state media."
    assert "china" in extract_slots(sentence, MONDAY).other_subjects


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow delivered its instrument of ratification to Tehran on 3 June.",
        "The envoy handed over the instruments of ratification on 3 June.",
    ],
)
def test_handing_over_an_instrument_is_the_exchange_not_the_vote(sentence: str) -> None:
    assert only_date(sentence).event == "exchange"


def test_a_houses_consent_dates_its_approval() -> None:
    assert only_date("The senate gave its consent to the accord on 4 March.").event == (
        "ratification"
    )


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The accord stopped far short of a pledge to defend each other.", -1),
        ("Its clauses stop well short of creating a military bloc.", -1),
        # not said: the bloc stands
        ("Its clauses go well beyond creating a military bloc.", 1),
    ],
)
def test_stopping_well_short_of_a_commitment_denies_it(sentence: str, sign: int) -> None:
    assert dict(extract_slots(sentence).stances).popitem()[1] == sign


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("A mutual defense clause is absent from the final text.", -1),
        ("Mutual defence was missing from the deal, diplomats noted.", -1),
        # not said: present, not absent
        ("A mutual defense clause is present in the final text.", 1),
    ],
)
def test_a_framing_said_to_be_absent_is_denied(sentence: str, sign: int) -> None:
    assert dict(extract_slots(sentence).stances)["mutual_defense"] == sign


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("Any invasion of Russia would oblige Tehran to come to its aid, the analyst wrote.", 1),
    ],
)
def test_an_attack_binding_the_other_to_its_defence_is_mutual_defence(
    sentence: str, sign: int
) -> None:
    assert dict(extract_slots(sentence).stances)["mutual_defense"] == sign


@pytest.mark.parametrize(
    "sentence",
    [
        "An attack on Iran would force Moscow to rethink its arms sales.",
        # the duty denied is not read as affirmed
        "An attack on Iran would not oblige Russia to come to its defense.",
    ],
)
def test_an_attack_without_a_duty_to_defend_affirms_no_mutual_defence(sentence: str) -> None:
    assert dict(extract_slots(sentence).stances).get("mutual_defense", -1) == -1


def test_a_month_to_finish_before_is_a_deadline_naming_its_last_month() -> None:
    # "before June" and "by the end of May" set one deadline: the last month is May, ahead of
    # a report from March whatever tense the verb near it takes.
    spring = date(2025, 3, 3)
    before = extract_slots("The ministry hoped the law would pass before June.", spring).dates
    end_of = extract_slots("The ministry wanted the law passed by the end of May.", spring).dates
    assert [(d.year, d.month, d.event) for d in before] == [(2025, 5, "deadline")]
    assert [(d.year, d.month, d.event) for d in end_of] == [(2025, 5, "deadline")]
    assert not extract_slots("Officials met before May.", spring).hedged


def test_a_month_after_the_end_of_something_else_is_no_deadline() -> None:
    dates = extract_slots("Talks resumed at the end of May.", date(2025, 7, 1)).dates
    assert [d.event for d in dates] != ["deadline"]


def test_a_daily_volume_said_in_words_is_the_yearly_volume_it_comes_to() -> None:
    found = extract_slots("Flows reach four and a half million cubic metres per day.", MONDAY)
    volumes = [q.value for q in found.quantities if q.unit == "m3"]
    assert volumes == [pytest.approx(4.5e6 * 365)]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The admiral said the joint drill had been held near Aktau on 3 May.", "exercise"),
        ("A minister told reporters the pact was ratified on 9 March.", "ratification"),
        ("The speaker said he hoped ratification would be done by 9 March.", "statement"),
        ("The minister said on 9 March that the pact was ratified.", "statement"),
    ],
)
def test_a_date_in_a_reported_clause_dates_the_event_reported(sentence: str, event: str) -> None:
    assert only_date(sentence).event == event
