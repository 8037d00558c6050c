"""Tests for bot/text/segment.py: paragraphs and sentences of news text."""

from __future__ import annotations

import time

import pytest

from bot.text.segment import sentences_of, split_paragraphs, split_sentences


class TestSplitParagraphs:
    def test_blank_lines_and_single_newlines_both_separate(self) -> None:
        text = "First para.\n\nSecond para.\nThird para.\r\n\r\n\r\nFourth para."
        assert split_paragraphs(text) == [
            "First para.", "Second para.", "Third para.", "Fourth para."
        ]

    def test_whitespace_is_stripped_and_collapsed(self) -> None:
        text = "  The  treaty\u00a0runs \t 20 years.  \n\n   \n"
        assert split_paragraphs(text) == ["The treaty runs 20 years."]

    def test_invisible_characters_are_removed(self) -> None:
        assert split_paragraphs("Pezes\u00adhkian\u200b met Putin.") == ["Pezeshkian met Putin."]

    def test_hard_wrapped_line_is_joined_to_its_sentence(self) -> None:
        text = "Putin said the agreement would\nlast for twenty years.\nIran agreed."
        assert split_paragraphs(text) == [
            "Putin said the agreement would last for twenty years.", "Iran agreed."
        ]

    def test_line_ending_a_sentence_is_not_joined(self) -> None:
        assert split_paragraphs("It was signed.\nlater the Duma voted.") == [
            "It was signed.", "later the Duma voted."
        ]

    def test_word_hyphenated_across_lines_keeps_its_hyphen(self) -> None:
        assert split_paragraphs("a long-\nterm pact") == ["a long-term pact"]

    def test_cross_head_before_capitalised_text_stays_separate(self) -> None:
        assert split_paragraphs("No Mutual Defense Clause\nNevertheless, it does not.") == [
            "No Mutual Defense Clause", "Nevertheless, it does not."
        ]

    def test_empty_text(self) -> None:
        assert split_paragraphs("") == []
        assert split_paragraphs(" \n\n \t\n") == []


class TestAbbreviations:
    @pytest.mark.parametrize(
        "sentence",
        [
            "Dmitri S. Peskov said the timing was not intended to divert attention from "
            "Mr. Trump’s inauguration on Monday.",
            "Mrs. Smith met Dr. Jones in the U.S. on Monday.",
            "The U.S. and the U.K. objected.",
            "It was signed on Jan. 17 and ratified on Feb. 3 by the Duma.",
            "The Duma may vote in Sept. 2025 on the text.",
            "He lives on St. Petersburg Ave. in Moscow.",
            "Gen. Mohammad Bagheri and Lt. Gen. Ivanov spoke.",
            "Article No. 12 covers defence.",
            "He met Mr. Putin at 5 p.m. on Friday.",
            "The treaty (signed Jan. 17) runs 20 years.",
        ],
    )
    def test_abbreviation_does_not_end_the_sentence(self, sentence: str) -> None:
        assert split_sentences(f"{sentence} Iran agreed.") == [sentence, "Iran agreed."]

    def test_sentences_still_split_after_a_normal_word(self) -> None:
        assert split_sentences("Iran signed. Russia signed. Both cheered!") == [
            "Iran signed.", "Russia signed.", "Both cheered!"
        ]


class TestQuotations:
    def test_quoted_remark_spanning_sentences_stays_whole(self) -> None:
        paragraph = "He said: “The pact is historic. It will last. We are proud.” Then he left."
        assert split_sentences(paragraph) == [
            "He said: “The pact is historic. It will last. We are proud.”",
            "Then he left.",
        ]

    def test_straight_quotes_spanning_sentences_stay_whole(self) -> None:
        paragraph = '"The pact is historic. It will last," he said. Then he left.'
        assert split_sentences(paragraph) == [
            '"The pact is historic. It will last," he said.',
            "Then he left.",
        ]

    def test_closing_quote_stays_with_its_sentence(self) -> None:
        paragraph = "Putin called it “a real breakthrough.” Pezeshkian agreed."
        assert split_sentences(paragraph) == [
            "Putin called it “a real breakthrough.”",
            "Pezeshkian agreed.",
        ]

    def test_separate_quotations_stay_separate(self) -> None:
        paragraph = "“We are ready,” he said. “It is done.”"
        assert split_sentences(paragraph) == ["“We are ready,” he said.", "“It is done.”"]

    def test_apostrophes_and_single_quotes_do_not_merge_sentences(self) -> None:
        paragraph = "It marks the ‘beginning of a new era. Putin’s aides agreed. Iran did too."
        assert split_sentences(paragraph) == [
            "It marks the ‘beginning of a new era.",
            "Putin’s aides agreed.",
            "Iran did too.",
        ]

    def test_unclosed_quote_does_not_swallow_a_long_paragraph(self) -> None:
        paragraph = "“" + " ".join(f"Sentence number {i} of a long quote." for i in range(60))
        sentences = split_sentences(paragraph)
        assert len(sentences) > 1
        assert all(len(sentence) <= 600 for sentence in sentences)


class TestDashes:
    def test_em_and_en_dashes_do_not_split_or_lose_spacing(self) -> None:
        paragraph = (
            "Russia—and Iran—agreed. The deal – signed Friday – runs 20 years. "
            "Russia–Iran ties grew."
        )
        assert split_sentences(paragraph) == [
            "Russia—and Iran—agreed.",
            "The deal – signed Friday – runs 20 years.",
            "Russia–Iran ties grew.",
        ]

    def test_contractions_keep_their_wording(self) -> None:
        assert split_sentences("Iran doesn't want a bloc. It won't join.") == [
            "Iran doesn't want a bloc.", "It won't join."
        ]


class TestLists:
    def test_marked_lines_become_items_without_markers(self) -> None:
        paragraph = (
            "The treaty covers:\n- energy and trade\n• joint drills\n* naval visits\n"
            "1. Security services.\n2) Transport."
        )
        assert split_sentences(paragraph) == [
            "The treaty covers:",
            "energy and trade",
            "joint drills",
            "naval visits",
            "Security services.",
            "Transport.",
        ]

    def test_inline_bullets_separate_items(self) -> None:
        assert split_sentences("Areas: energy • defence • trade") == [
            "Areas: energy", "defence", "trade"
        ]

    def test_single_line_list_item_loses_its_marker(self) -> None:
        assert split_sentences("- Iran will not aid an aggressor.") == [
            "Iran will not aid an aggressor."
        ]

    def test_year_at_line_start_is_not_a_list_number(self) -> None:
        assert split_sentences("2025. The year of the treaty.") != ["The year of the treaty."]

    def test_line_breaks_without_markers_are_spaces(self) -> None:
        assert split_sentences("The treaty runs\n20 years.") == ["The treaty runs 20 years."]


class TestSentencesOf:
    def test_concatenates_in_order_and_drops_empty(self) -> None:
        assert sentences_of(["A is one. B is two.", "", "   ", "C is three."]) == [
            "A is one.", "B is two.", "C is three."
        ]

    def test_empty_and_blank_paragraphs(self) -> None:
        assert split_sentences("") == []
        assert split_sentences("  \n ") == []


def test_handles_100_kb_without_pathological_slowness() -> None:
    # Real speed figures belong in benchmarks; this only catches quadratic blow-ups.
    paragraph = (
        "Mr. Putin and Dr. Pezeshkian signed the 47-article treaty on Jan. 17 in Moscow. "
        "“It will last 20 years. It is historic,” said Lt. Gen. Ivanov of the U.S. desk. "
        "Iran—and Russia—agreed. "
    )
    repeats = 100_000 // len(paragraph) + 1
    one_paragraph = paragraph * repeats
    many_paragraphs = "\n\n".join([paragraph] * repeats)
    assert len(one_paragraph) >= 100_000

    started = time.perf_counter()
    whole = split_sentences(one_paragraph)
    split = sentences_of(split_paragraphs(many_paragraphs))
    elapsed = time.perf_counter() - started

    assert elapsed < 5.0
    assert len(split) == len(whole) == 3 * repeats


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "What does the pact say about arms? Nothing at all. Trade comes first.",
            ["What does the pact say about arms? Nothing at all.", "Trade comes first."],
        ),
        # a quoted question is the speaker's, and a long one a sentence of its own
        (
            "“Who needs an alliance?” the minister asked. Trade comes first.",
            ["“Who needs an alliance?” the minister asked.", "Trade comes first."],
        ),
        (
            "Why would two sanctioned economies with so little to trade bind themselves together "
            "for two decades? Analysts offer several answers.",
            [
                "Why would two sanctioned economies with so little to trade bind themselves "
                "together for two decades?",
                "Analysts offer several answers.",
            ],
        ),
    ],
)
def test_a_short_question_stays_with_its_answer(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected
