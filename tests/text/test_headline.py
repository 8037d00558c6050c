"""Headline chrome, outlet credits and wire abbreviations around a claim."""

from __future__ import annotations

import pytest

from bot.extract import ClaimExtractor
from bot.text.headline import plain_lead


@pytest.mark.parametrize(
    ("headline", "claim"),
    [
        ("Breaking: Tehran and Moscow ink a 20-year pact", "Tehran and Moscow ink a 20-year pact"),
        ("UPDATE – The Duma ratifies the accord", "The Duma ratifies the accord"),
        ("09:15 GMT - Lavrov praises the deal", "Lavrov praises the deal"),
        ("[17:02] Majlis votes on the treaty", "Majlis votes on the treaty"),
        (
            "Analysis: why the accord stops short of an alliance",
            "why the accord stops short of an alliance",
        ),
        ("Breaking – 08:30 – The text is published", "The text is published"),
    ],
)
def test_flash_labels_and_clock_times_are_not_the_claim(headline: str, claim: str) -> None:
    assert plain_lead(headline) == claim


@pytest.mark.parametrize(
    ("headline", "claim"),
    [
        ("TASS: the treaty enters into force in March", "the treaty enters into force in March"),
        ("IRNA: Majlis approves the pact", "Majlis approves the pact"),
        (
            "Interfax report, unnamed diplomat: the two sides agreed on gas prices",
            "the two sides agreed on gas prices",
        ),
    ],
)
def test_an_outlets_credit_before_a_colon_is_not_the_claim(headline: str, claim: str) -> None:
    assert plain_lead(headline) == claim


def test_a_speaker_before_a_colon_stays_part_of_the_claim() -> None:
    # Named after the outlet's credit, the speaker is kept too.
    assert plain_lead("TASS, Lavrov: the pact targets no one") == (
        "TASS, Lavrov: the pact targets no one"
    )
    # "Lavrov: ..." is "Lavrov said ...": who speaks is part of what is claimed.
    assert plain_lead("Lavrov: no military alliance is planned") == (
        "Lavrov: no military alliance is planned"
    )


def test_a_caption_after_a_picture_label_is_a_claim_but_a_credit_is_not() -> None:
    assert plain_lead("Archive photo: the two presidents shake hands at the Kremlin") == (
        "the two presidents shake hands at the Kremlin"
    )
    credit = "Photo: Maxim Shemetov / Reuters"
    assert plain_lead(credit) == credit
    assert plain_lead("Image: Sputnik via AP") == "Image: Sputnik via AP"


def test_a_hyphenated_word_is_no_label() -> None:
    for sentence in ("Live-fire drills are not in the text", "Update-free systems", "12.50 - 3"):
        assert plain_lead(sentence) == sentence


def test_chrome_alone_is_left_for_the_boilerplate_rules() -> None:
    assert plain_lead("Breaking News") == "Breaking News"
    assert plain_lead("Updated:") == "Updated:"


@pytest.mark.parametrize(
    ("headline", "claim"),
    [
        ("FM Lavrov hails the pact", "Foreign Minister Lavrov hails the pact"),
        ("Pres. Putin signs the ratification law", "President Putin signs the ratification law"),
        ("Iran's MFA welcomes the vote", "Iran's Foreign Ministry welcomes the vote"),
        # Not a title: a radio band, a time of day.
        ("broadcast on 101.5 fm tonight", "broadcast on 101.5 fm tonight"),
        ("the talks resumed at 3 PM", "the talks resumed at 3 PM"),
        ("the talks resumed at 3 PM Moscow time", "the talks resumed at 3 PM Moscow time"),
        ("aired on 101.5 FM Radio Tehran", "aired on 101.5 FM Radio Tehran"),
    ],
)
def test_wire_abbreviations_of_titles_are_spelled_out(headline: str, claim: str) -> None:
    assert plain_lead(headline) == claim


def test_ellipses_that_cut_a_quote_are_no_words() -> None:
    assert plain_lead("An envoy: '...the deal, in short, ... is about trade...'") == (
        "An envoy: 'the deal, in short, is about trade'"
    )


def test_a_claim_is_read_without_its_chrome() -> None:
    extractor = ClaimExtractor()
    claim = extractor.claim_from_sentence(
        "Archive photo: Putin and Pezeshkian sign the treaty at the Kremlin in 2025",
        doc_id="x",
        index=0,
    )
    # The caption is judged; its text is kept as written.
    assert claim.relevant
    assert claim.text.startswith("Archive photo:")
    assert "photo" not in claim.masked
    timed = extractor.claim_from_sentence(
        "14:20 – FM Araghchi: treaty has 47 articles", doc_id="x", index=0
    )
    assert [q.value for q in timed.slots.quantities] == [47.0]
    assert ("iran_foreign_minister", "araghchi") in timed.slots.roles


@pytest.mark.parametrize(
    ("headline", "claim"),
    [
        ("Tehran releases the full text of the pact", "Tehran published the full text of the pact"),
        ("Moscow posts all 47 articles online", "Moscow published all 47 articles online"),
        # Not a text: prisoners, a statement on a channel.
        ("Tehran releases two prisoners", "Tehran releases two prisoners"),
        ("Peskov posts on Telegram about the deal", "Peskov posts on Telegram about the deal"),
    ],
)
def test_a_headlines_present_tense_publication_is_a_publication(headline: str, claim: str) -> None:
    assert plain_lead(headline) == claim


def test_a_publishing_headline_names_its_publisher() -> None:
    claim = ClaimExtractor().claim_from_sentence(
        "Kremlin.ru releases the text of the Iran treaty", doc_id="x", index=0
    )
    assert ("publisher", "kremlin") in claim.slots.roles
    assert ("text_published", 1) in claim.slots.stances


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "TEHRAN, 20.01.2025 (IRNA) – The Majlis will debate the pact.",
            "The Majlis will debate the pact.",
        ),
        ("MOSCOW, January 18th (TASS) - Lavrov praised the accord.", "Lavrov praised the accord."),
        ("ST. PETERSBURG (Interfax) – The Duma met.", "The Duma met."),
        ("TASS – Peskov spoke of the deal.", "Peskov spoke of the deal."),
    ],
)
def test_a_dateline_and_a_dashed_agency_credit_are_not_the_claim(sentence: str, claim: str) -> None:
    assert plain_lead(sentence) == claim


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # a yes-no question answered "no" is denied
        (
            "Will the pact oblige Iran to send troops? No, and it sets up no joint command.",
            "Will not the pact oblige Iran to send troops, and it sets up no joint command.",
        ),
        (
            "So does the accord create a bloc? The short answer is no.",
            "So does not the accord create a bloc.",
        ),
        # someone's no denies it too, and stays theirs
        (
            "Does the deal commit Moscow to defend Iran? Lavrov answered firmly no.",
            "Does not the deal commit Moscow to defend Iran, Lavrov answered firmly.",
        ),
        # a whole clause with a subject of its own answers a wh-question: it is the claim
        (
            "What changes for trade? The two central banks will settle payments in rubles and "
            "rials.",
            "The two central banks will settle payments in rubles and rials.",
        ),
        # an explainer's labels are no words of the question or the answer
        (
            "Q: Will Moscow have to send troops? A: No; it only withholds help from an aggressor.",
            "Will not Moscow have to send troops, and it only withholds help from an aggressor.",
        ),
        (
            "Question. Who ratified it first? Answer: Russia's parliament did.",
            "Russia's parliament did.",
        ),
        # a fragment answer keeps its question, without the labels
        (
            "Q: How long does it run? A: Two decades, officials say.",
            "How long does it run? Two decades, officials say.",
        ),
    ],
)
def test_a_question_answered_in_the_same_sentence_is_read_as_a_statement(
    sentence: str, statement: str
) -> None:
    assert plain_lead(sentence) == statement


@pytest.mark.parametrize(
    "sentence",
    [
        # No date and no agency: a capitalised subject, not a dateline.
        "NATO – the bloc Iran will not join – was not mentioned.",
        "Putin, 17 January – a day to remember.",
    ],
)
def test_a_capitalised_opening_without_date_or_agency_stays(sentence: str) -> None:
    assert plain_lead(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("As IRNA reports, the Majlis backed the pact.", "the Majlis backed the pact."),
        ("The vote, Interfax reported, was close.", "The vote was close."),
        ("The Duma voted on Tuesday, TASS writes.", "The Duma voted on Tuesday."),
    ],
)
def test_an_agency_named_as_carrier_is_not_the_claim(sentence: str, claim: str) -> None:
    assert plain_lead(sentence) == claim


@pytest.mark.parametrize(
    "sentence",
    [
        # What the agency reported is the claim; a report as a noun is content.
        "Reuters reported that the Duma voted.",
        "The TASS report on the vote was brief.",
    ],
)
def test_an_agency_reporting_a_clause_stays(sentence: str) -> None:
    assert plain_lead(sentence) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # an answer that is a noun phrase or a pronoun clause needs its question
        "How many articles does it have? Forty-seven, the Kremlin says.",
        "Who signed it? They both did, in Moscow.",
        "Who drafts the rules? A joint commission, which has to meet once a year.",
        "What did it replace? A 2001 deal that was renewed every five years.",
        # a "yes" affirms what was asked; a negative question answered "no" is unclear
        "Does it cover energy? Yes, and nuclear power too.",
        "Isn't it an alliance? No, says the ambassador.",
        # a question with no answer after it
        "A year on, what has the treaty delivered?",
    ],
)
def test_a_question_the_answer_does_not_complete_is_left_as_it_is(sentence: str) -> None:
    assert plain_lead(sentence) == sentence


@pytest.mark.parametrize(
    ("turn", "claim"),
    [
        ("PRESENTER: The accord runs for two decades.", "The accord runs for two decades."),
        ("Q: Was the text made public?", "Was the text made public?"),
        ("Interviewer: It was signed in the Kremlin.", "It was signed in the Kremlin."),
    ],
)
def test_a_transcript_turn_label_is_not_the_claim(turn: str, claim: str) -> None:
    assert plain_lead(turn) == claim


def test_a_speaker_named_before_a_colon_is_no_turn_label() -> None:
    assert plain_lead("Host country Iran: the pact is signed.").startswith("Host country")


def test_a_topic_asked_about_and_answered_absent_is_absent_from_the_text() -> None:
    assert plain_lead("Gas price formulas? Not in the document, officials say.") == (
        "Gas price formulas are absent from the document, officials say."
    )


def test_an_answer_of_absence_from_something_else_is_left_as_it_is() -> None:
    sentence = "A warmer mood here? Not in my view."
    assert plain_lead(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Correction: a previous version misstated the date; the pact was signed on Friday.",
            "the pact was signed on Friday.",
        ),
        (
            "This story has been corrected: Lavrov did not attend the signing.",
            "Lavrov did not attend the signing.",
        ),
    ],
)
def test_a_corrections_preamble_is_not_the_claim(sentence: str, claim: str) -> None:
    assert plain_lead(sentence) == claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # a statement rated true is asserted, with its explanation
        (
            "Claim: Lavrov attended the ceremony. Verdict: True - he stood beside Putin.",
            "Lavrov attended the ceremony; he stood beside Putin.",
        ),
        (
            "Claim: The accord runs for twenty years. Verdict: Correct.",
            "The accord runs for twenty years.",
        ),
        # one rated false or misleading is only reported: the explanation is what is asserted
        (
            "Claim: Gas is absent from the deal. Verdict: Misleading \u2014 a whole article "
            "covers gas supplies.",
            "A whole article covers gas supplies.",
        ),
        (
            "claim: the pact was signed in Tehran. verdict: wrong - it was signed in Moscow.",
            "It was signed in Moscow.",
        ),
    ],
)
def test_a_fact_check_is_read_as_what_its_verdict_asserts(sentence: str, claim: str) -> None:
    assert plain_lead(sentence) == claim


def test_a_false_verdict_with_no_explanation_is_left_as_it_is() -> None:
    sentence = "Claim: The pact is an alliance. Verdict: False."
    assert plain_lead(sentence) == sentence
