"""Tests for bot/text/relevance.py: is an article about the treaty, is a sentence a claim?"""

from __future__ import annotations

import pytest

from bot.config import RelevanceConfig
from bot.text.normalize import normalize_and_mask
from bot.text.relevance import RelevanceFilter
from bot.text.slots import extract_slots


@pytest.fixture
def relevance() -> RelevanceFilter:
    return RelevanceFilter(RelevanceConfig())


def candidate(relevance: RelevanceFilter, sentence: str) -> bool:
    return relevance.sentence_is_candidate(sentence, extract_slots(sentence))


# -- articles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Russia and Iran sign a cooperation treaty in the Kremlin", ""),
        ("Iran's deal with Russia", "Details were not given."),
        ("Russian and Iranian leaders meet", "They signed a partnership agreement."),
        ("Moscow-Tehran partnership", "The text covers energy."),
        ("Kremlin welcomes accord", "Tehran's parliament approved it."),
        ("Putin and Pezeshkian sign pacts", ""),
    ],
)
def test_article_naming_every_group_is_relevant(
    relevance: RelevanceFilter, title: str, text: str
) -> None:
    assert relevance.article_is_relevant(title, text)


def test_treaties_is_an_inflection_of_treaty(relevance: RelevanceFilter) -> None:
    assert relevance.article_is_relevant(
        "Russian and Iranian leaders meet", "The treaties were discussed at length."
    )


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Russia and China sign a pact", "Beijing and Moscow deepen ties."),
        ("Putin meets Pezeshkian", "They talked about the weather."),
        ("Iran and Iraq sign a water agreement", "The deal covers the Tigris."),
        ("Caspian sturgeon numbers edge up", "Biologists counted more young fish."),
    ],
)
def test_article_missing_a_group_is_not_relevant(
    relevance: RelevanceFilter, title: str, text: str
) -> None:
    assert not relevance.article_is_relevant(title, text)


def test_term_groups_come_from_the_config() -> None:
    config = RelevanceConfig(
        russia_terms=("rossiya",), iran_terms=("iran",), treaty_terms=("dogovor",)
    )
    custom = RelevanceFilter(config)
    assert custom.article_is_relevant("Rossiya i Iran podpisali dogovor", "")
    assert not custom.article_is_relevant("Russia and Iran sign a treaty", "")


def test_article_terms_are_case_insensitive(relevance: RelevanceFilter) -> None:
    assert relevance.article_is_relevant("RUSSIA AND IRAN SIGN TREATY", "")


# -- sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Vladimir Putin and Iranian President Masoud Pezeshkian signed a broad cooperation pact "
        "in Moscow on Friday.",
        "According to Iranian Ambassador Kazem Jalali, the agreement will remain effective for "
        "20 years.",
        "Nevertheless, the agreement does not include a mutual defense clause.",
        "The State Duma ratified the treaty on Tuesday.",
        "Russia's State Duma ratified the comprehensive strategic partnership treaty with Iran on "
        "8 April.",
        "Pezeshkian highlighted this as a new chapter in bilateral relations, particularly "
        "regarding trade.",
        "Mr Araghchi said the deal signed on Friday would allow Iran to serve as a gateway for "
        "Russian gas exports through its pipeline network.",
        # the ceremony in an article on the treaty is its signing
        "The Moscow ceremony came barely a week ahead of Trump's return to the White House.",
        "Pezeshkian flew home straight after the ceremony at the Kremlin.",
        # a provision is a clause of the text
        "Another provision binds both sides to fight money laundering together.",
        "Its provisions on cyber security drew little attention at first.",
    ],
)
def test_treaty_sentences_are_candidates(relevance: RelevanceFilter, sentence: str) -> None:
    assert candidate(relevance, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran has supplied Russia with self-detonating “Shahed” drones, which Ukrainian and "
        "Western officials report Moscow has deployed in nighttime attacks on Ukraine.",
        "Tehran, for its part, is accused by the West of supplying explosive drones and "
        "short-range missiles to Russia, thus helping the Russian army in Ukraine.",
        "The American president-elect also promised to quickly end the conflict in Ukraine, "
        "without specifying how.",
        "Mr. Trump’s return as US president is likely to bring more pressure and efforts from "
        "Washington to isolate Iran.",
        "Moscow and Tehran recently faced a major clash in the region with the fall of Bashar "
        "al-Assad’s regime in Syria.",
        # another ceremony, named as such
        "Putin did not attend Trump's inauguration ceremony in Washington.",
        # providing is no provision
        "Iran has been providing Russia with drones for its war in Ukraine.",
        # anchor words inside other words: designed, impact, Vladimir, treatment
        "Moscow fields Iranian-designed attack drones over Kharkiv every night.",
        "Sanctions have had a heavy impact on Iran's currency and on Russian banks.",
        "Vladimir Putin spoke by phone with Iran's leader about the war in Syria.",
        "Iran says the treatment of its diplomats in Europe has worsened; Russia agrees.",
        # both parties, but no undertaking given together
        "Russia and Iran have both been hit hard by Western sanctions for years.",
    ],
)
def test_background_sentences_are_not_candidates(relevance: RelevanceFilter, sentence: str) -> None:
    assert not candidate(relevance, sentence)


@pytest.mark.parametrize(
    ("sentence", "may_echo"),
    [
        ("Both countries promise not to let their territory be used against the other.", True),
        ("Energy and technology are also covered, the agency said.", True),
        ("Either side may help a country that attacks the other.", True),
        # background, not worded as an undertaking
        ("During his first term, Trump pursued maximum pressure on Iran.", False),
        # said by one of the parties
        ("The Kremlin's spokesman dismissed suggestions about the timing.", True),
        # another partner's undertaking
        ("North Korea has promised to send troops to help Russia.", False),
        ("It will.", False),
    ],
)
def test_sentences_worded_as_a_provision_may_echo_the_treaty(
    relevance: RelevanceFilter, sentence: str, may_echo: bool
) -> None:
    slots = extract_slots(sentence)
    assert relevance.may_echo_the_treaty(sentence, slots) is may_echo


def test_gaza_background_is_not_a_candidate(relevance: RelevanceFilter) -> None:
    assert not candidate(
        relevance,
        "“We hope that a permanent ceasefire will be established in Gaza and that the "
        "aggressions on this land will stop,” Massoud Pezeshkian said.",
    )


def test_according_to_does_not_make_drones_background_a_candidate(
    relevance: RelevanceFilter,
) -> None:
    assert not candidate(
        relevance,
        "Iran sent ballistic missiles and short-range drones to Russia, according to to American "
        "and European officials, to help the Kremlin’s war effort.",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow concluded a text of the same name with North Korea last year.",
        "In June, Russia signed a partnership agreement with North Korea.",
        "This treaty came into effect last month after a protocol was signed between the deputy "
        "defense ministers of Russia and North Korea.",
    ],
)
def test_sentence_only_about_the_north_korea_pact_is_not_a_candidate(
    relevance: RelevanceFilter, sentence: str
) -> None:
    slots = extract_slots(sentence)
    assert relevance.about_other_subject(sentence, slots)
    assert not relevance.sentence_is_candidate(sentence, slots)


@pytest.mark.parametrize(
    "sentence",
    [
        "Unlike the North Korea pact, the agreement has no mutual defence clause.",
        "Nevertheless, the agreement does not include a mutual defense clause akin to the one "
        "contained in a similar pact signed last summer between Russia and North Korea.",
        # what ours lacks, found in another pact
        "The accord lacks the mutual-defence clause found in Moscow's pact with Pyongyang.",
        "The Iran deal has no clause like that enshrined in the Pyongyang treaty.",
        # ours supersedes the old one
        "The new treaty supersedes the 2001 accord between Moscow and Tehran.",
        # the sentence opens on "it", or points at "this one": ours, set beside the other
        "It supersedes the previous agreement, concluded in the early 2000s.",
        "In contrast to the Belarus arrangement, this one sets up no joint command.",
        # ours takes over from the old one: it replaces it
        "The pact takes over from the 2001 agreement between the two states.",
        # "the instrument" in treaty prose is the treaty itself
        "Analysts note that the new instrument supersedes the 2001 treaty with Moscow.",
        # ours put level with another, and "the text" unnamed is ours
        "Lawyers reading the text say its security chapter is on a par with the Minsk accords.",
        "Officials insist the document stands on an equal footing with Belarus's union treaty.",
        # a month without a year names this story's treaty
        "The 2001 agreement was replaced by the late-January pact between the two states.",
    ],
)
def test_comparison_with_another_pact_is_still_about_ours(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert not relevance.about_other_subject(sentence, extract_slots(sentence))


def test_sentence_naming_iran_and_an_old_nuclear_deal_is_about_the_other_deal(
    relevance: RelevanceFilter,
) -> None:
    sentence = "During his previous term, Trump withdrew from a multinational nuclear agreement "
    sentence += "with Iran."
    assert relevance.about_other_subject(sentence, extract_slots(sentence))


@pytest.mark.parametrize("sentence", ["The treaty was ratified.", "Ratified.", "Signed in Moscow."])
def test_short_fragments_are_not_candidates(relevance: RelevanceFilter, sentence: str) -> None:
    assert not candidate(relevance, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Both treaties include a mutual defense clause.", True),
        ("This agreement was signed in June.", True),
        ("It includes a mutual defence clause.", True),
        ("The Iranian treaty includes no such clause.", False),
        ("Russia signed the treaty.", False),
    ],
)
def test_refers_back(sentence: str, expected: bool) -> None:
    assert RelevanceFilter.refers_back(sentence) is expected


def test_mentions_iran_counts_its_officials(relevance: RelevanceFilter) -> None:
    assert relevance.mentions_iran("Araghchi said so.")
    assert relevance.mentions_iran("Tehran said so.")
    assert not relevance.mentions_iran("Lavrov said so.")


def test_a_stance_on_the_treaty_text_makes_a_sentence_a_claim(
    relevance: RelevanceFilter,
) -> None:
    # No treaty word, but "the full text was published" is the treaty's text made public.
    assert candidate(relevance, "The full text was published by the foreign ministry.")
    assert not candidate(relevance, "The full menu was printed by the hotel kitchen.")


def test_lending_for_the_railway_is_a_claim(relevance: RelevanceFilter) -> None:
    assert candidate(relevance, "Moscow is lending 1.5 billion euros for the railway line.")


@pytest.mark.parametrize(
    "sentence",
    [
        "In short, it is a defence pact, just as with Minsk.",
        "Frankly this is an alliance, the same as with North Korea.",
    ],
)
def test_ours_compared_with_another_partners_case_is_about_ours(
    relevance: RelevanceFilter, sentence: str
) -> None:
    slots = extract_slots(sentence)
    assert slots.other_subjects
    assert not relevance.about_other_subject(sentence, slots)


@pytest.mark.parametrize(
    "sentence",
    [
        # The other partner is the subject, or nothing points at ours.
        "As with Belarus, Moscow signed a defence pact with North Korea.",
        "It is a military alliance with North Korea.",
        # "it" without a comparison, or "this one" in no comparison, stays the other's
        "It was ratified by Minsk last year, Belarus says.",
        "This one was signed by Kim Jong Un in Pyongyang.",
        # the text of another pact, compared, is still that pact's
        "The text of the Pyongyang treaty is on a par with NATO's Article 5.",
    ],
)
def test_another_partners_case_without_a_comparison_to_ours_stays_theirs(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert relevance.about_other_subject(sentence, extract_slots(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Both countries have also agreed to work together on tourism and student exchanges.",
        "Moscow and Tehran vowed to expand cooperation in medicine and pharmaceuticals.",
        "The two sides committed to joint research in agriculture and water management.",
    ],
)
def test_an_undertaking_by_both_parties_is_a_claim(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert candidate(relevance, sentence)


def test_a_compact_is_an_agreement(relevance: RelevanceFilter) -> None:
    assert candidate(relevance, "Trade sits at the heart of the compact between the two states.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Moscow hopes to lay a railroad across Iran down to the Gulf ports.", True),
        ("Russia wants a rail link through Iran to the Indian Ocean.", True),
        # "rail" inside another word is no railway
        ("Travellers from Russia to Iran face a long trail of visa paperwork.", False),
    ],
)
def test_a_railway_in_any_wording_is_a_transport_claim(
    relevance: RelevanceFilter, sentence: str, expected: bool
) -> None:
    assert candidate(relevance, sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an explainer's question on "it", answered: "it" is the story's subject
        ("When does it expire? In 2045, if nobody renews it.", True),
        ("And what does it mean for Iran's oil exports? Very little, analysts say.", True),
        # unanswered, on another subject, or a question on something else
        ("When does it expire?", False),
        ("What does it add to Moscow's pact with Pyongyang? A defence clause, experts say.", False),
        ("How long did the drone strikes last? Three hours, residents said.", False),
    ],
)
def test_an_answered_question_on_it_asks_about_the_story(
    relevance: RelevanceFilter, sentence: str, expected: bool
) -> None:
    assert candidate(relevance, sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the timing set against the inauguration is the signing's
        ("Officials insisted the timing was unrelated to the US inauguration next week.", True),
        ("Critics said it was timed to upstage the inauguration in Washington.", True),
        # the timing of the inauguration itself is not
        ("The timing of the inauguration was fixed by the US constitution long ago.", False),
    ],
)
def test_timing_against_the_inauguration_is_the_signings(
    relevance: RelevanceFilter, sentence: str, expected: bool
) -> None:
    assert candidate(relevance, sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # how the term goes on is the treaty's, though no treaty word is said
        ("The 20-year term rolls over unless one party gives notice.", True),
        ("An automatic renewal clause lets the parties carry on past 2045.", True),
        # "renewed" of something else names nothing of the treaty
        ("Fighting renewed near the front line on Sunday morning.", False),
    ],
)
def test_how_the_term_goes_on_is_about_the_treaty(
    relevance: RelevanceFilter, sentence: str, expected: bool
) -> None:
    assert candidate(relevance, sentence) is expected


def test_instruments_of_ratification_are_not_our_treaty(relevance: RelevanceFilter) -> None:
    sentence = "The instrument of ratification replaced the 2001 treaty with Moscow, in effect."
    assert relevance.about_other_subject(sentence, extract_slots(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # a clause, and what either party may do, are the treaty's wording
        "A little-noticed clause lets the two sides renegotiate terms after a decade.",
        "Either party may pull out on a year's written notice, diplomats explain.",
    ],
)
def test_a_clause_or_what_either_party_may_do_is_a_candidate(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert candidate(relevance, sentence)


def test_a_political_party_is_no_party_to_the_text(relevance: RelevanceFilter) -> None:
    assert not candidate(relevance, "The ruling party in Washington changed its mind last year.")


@pytest.mark.parametrize(
    ("sentence", "candidate"),
    [
        # an article that binds or bars is one of the treaty's provisions
        ("Another article bars both governments from hosting hostile forces.", True),
        ("A separate article obliges the parties to exchange customs data.", True),
        # a newspaper's article reports; it binds no one
        ("An article in a Moscow weekly praised the summit's catering.", False),
    ],
)
def test_an_article_that_binds_is_a_provision(
    relevance: RelevanceFilter, sentence: str, candidate: bool
) -> None:
    assert relevance.sentence_is_candidate(sentence, extract_slots(sentence)) is candidate


@pytest.mark.parametrize(
    "sentence",
    [
        "The Majlis also approved a law on Tuesday raising fuel subsidies for farmers.",
        "Deputies then passed another bill banning the sale of vapes to minors.",
        "The Federation Council adopted a new law on migrant registration the same week.",
    ],
)
def test_a_houses_other_bill_is_not_a_candidate(relevance: RelevanceFilter, sentence: str) -> None:
    assert not candidate(relevance, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Senators also backed amendments to the 2009 fisheries accord with Norway.",
        "The same session approved an extradition treaty with Paraguay.",
        "Deputies then approved a 2018 double-taxation convention with Chile.",
    ],
)
def test_an_agreement_on_another_subject_is_not_a_candidate(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert not candidate(relevance, sentence)


def test_the_treaty_naming_an_agreement_on_another_subject_stays_a_candidate(
    relevance: RelevanceFilter,
) -> None:
    assert candidate(relevance, "The treaty also calls for a free-trade agreement in future.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Duma passed a bill ratifying the partnership treaty with Iran on Tuesday.",
        "The Majlis approved a law on the agreement with Russia by 196 votes.",
        "Deputies passed the bill on Tuesday with 402 votes in favour.",
    ],
)
def test_a_bill_on_the_treaty_or_the_bill_stays_a_candidate(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert candidate(relevance, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials say its implementation should be complete within two years.",
        "Diplomats expect its execution to take several years.",
        "A joint commission chaired by two deputy prime ministers is to meet each year.",
        "An intergovernmental commission will review progress every six months.",
    ],
)
def test_putting_the_treaty_into_practice_is_a_candidate(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert candidate(relevance, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Brussels pressed ahead with the implementation of new sanctions on Tuesday.",
        "The European Commission declined to comment on the figures.",
    ],
)
def test_others_implementation_or_a_commission_is_not_a_candidate(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert not candidate(relevance, sentence)


def test_the_commission_goes_on_with_the_sentence_before(relevance: RelevanceFilter) -> None:
    sentence = "The commission is due to convene for the first time next spring."
    assert relevance.sentence_is_candidate(
        sentence, extract_slots(sentence), follows_candidate=True
    )
    assert not candidate(relevance, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Henry Hub gas futures rose 4% on Thursday as a cold snap lifted heating demand.",
        "European gas prices slipped again as a warm spell cut demand for heating.",
    ],
)
def test_a_market_report_naming_no_party_is_not_a_candidate(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert not candidate(relevance, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Gas prices in Iran fell after the first Russian deliveries arrived.",
        "The pipeline from Russia will carry gas to Iran through Azerbaijan.",
    ],
)
def test_gas_news_naming_a_party_stays_a_candidate(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert candidate(relevance, sentence)


def test_the_replaced_treatys_own_month_and_year_name_no_treaty_of_ours(
    relevance: RelevanceFilter,
) -> None:
    sentence = "The March 2001 treaty replaced an older text between the two states."
    assert relevance.about_other_subject(sentence, extract_slots(sentence))


# -- a topic learnt from earlier reports ------------------------------------------------------


def goes_on(relevance: RelevanceFilter, sentence: str, topic: set[str]) -> bool:
    tokens = frozenset(normalize_and_mask(sentence)[1].split())
    learnt = frozenset(normalize_and_mask(" ".join(topic))[1].split())
    return relevance.goes_on_with_topic(sentence, extract_slots(sentence), tokens, learnt)


def test_sentence_sharing_a_learnt_subject_word_goes_on_with_the_topic(
    relevance: RelevanceFilter,
) -> None:
    sentence = "Barely a third of the tunnels on the mountain section have been dug."
    assert not candidate(relevance, sentence)
    assert goes_on(relevance, sentence, {"tunnels", "section"})
    assert not goes_on(relevance, sentence, set())


@pytest.mark.parametrize(
    "sentence",
    [
        # only generic words shared
        "Earlier this month the figure was revised by the ministry in a short report.",
        # a name shared, no subject matter
        "Later, Ankara announced a new exchange rate for its own currency holders.",
        # a bare question asserts nothing
        "Have the tunnels on the mountain section been dug yet?",
        # the same sitting's other business
        "At the same sitting the deputies also approved tunnels for a metro line in Kazan.",
        # another party's own affairs
        "Georgia's own tunnels were finished by a Chinese contractor years ago.",
        # a market report
        "Brent crude prices fell as tunnels traders booked profits on Friday.",
        # a career line, a third country's own deal
        "The envoy ran a think tank on tunnels before his posting to the Caspian.",
        "Pakistan, which struck its own tunnels deal with Iran, said nothing more.",
    ],
)
def test_aside_does_not_go_on_with_the_topic(relevance: RelevanceFilter, sentence: str) -> None:
    assert not goes_on(relevance, sentence, {"tunnels", "Ankara", "earlier", "figure", "ministry"})


def test_that_is_continues_the_sentence_before(relevance: RelevanceFilter) -> None:
    assert relevance.continues("That is a fifth below what the plan had promised.")
    assert not relevance.continues("That evening the delegations dined in the old city.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Has the Duma ratified the pact with Tehran already?",
        "Does the treaty oblige Moscow to sell Iran fighter jets?",
        # a career line
        "Before her appointment to Tehran she chaired the Duma's foreign affairs committee, "
        "sources said.",
        "The envoy previously served on the Majlis budget committee for a decade.",
        # a third country's own agreement
        "India, which sealed its own port deal with Iran years ago, has kept quiet on the pact.",
    ],
)
def test_bare_questions_career_lines_and_third_country_deals_are_not_candidates(
    relevance: RelevanceFilter, sentence: str
) -> None:
    assert not candidate(relevance, sentence)


def test_a_question_answered_in_the_same_sentence_is_still_read(
    relevance: RelevanceFilter,
) -> None:
    assert candidate(relevance, "Is the pact a military alliance? No, its text rules that out.")
