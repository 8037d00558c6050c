"""Tests for bot/text/boilerplate.py: site chrome removal, on the real seeds and unit cases."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.text.boilerplate import RULES, clean_article, html_to_text, is_page_chrome
from bot.text.segment import sentences_of

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Each seed's headline as its own text gives it; seed 003 has none.
TITLES: dict[str, str | None] = {
    "000": "Concern at prospect of military alliance grows as Russia and Iran sign cooperation "
    "deal",
    "001": "Russia and Iran sign “strategic partnership agreement” to oppose any “diktat” from "
    "the West",
    "002": "Russia and Iran sign a cooperation treaty in the Kremlin",
    "003": None,
    "004": "Tehran suggests that the Russia-Iran partnership deal may result in increased "
    "military collaboration",
}

# Chrome found in the seeds: none of it may survive in any sentence.
SEED_CHROME = (
    "NewsSociety", "DayFR Euro", "Breaking News", "pdfshareprint", "Editor in chief",
    "Kirill Martynov", "Terms of use", "Privacy policy", "Leave a Reply",
    "Your email address will not be published", "Required fields are marked",
    "Related News", "Related Articles", "Back to top", "Be the first to leave a comment",
    "Reuters contributed to this report", "Photo:", "EPA-EFE", "NOVOZHENINA", "https://",
    "static01.nyt.com", "2025-01-17 19:13:00", "Ambitious goals”",
    "The question of Gaza raised", "No Mutual Defense Clause",
    "“The construction of nuclear energy installations” mentioned",
)

# Content sentences that must come through whole, per seed.
SEED_CONTENT: dict[str, tuple[str, ...]] = {
    "000": (
        "Vladimir Putin and Iranian President Masoud Pezeshkian signed a broad cooperation "
        "pact in Moscow on Friday that deepens their ties across multiple spheres, including "
        "defence, the Kremlin has announced.",
        "Putin also made no mention of military cooperation, noting that “trade and economic "
        "cooperation” with Iran would be among the most important aspects of the deal for "
        "Russia.",
    ),
    "001": (
        "Russian President Vladimir Putin received his Iranian counterpart at the Kremlin, "
        "where the two leaders notably announced a strengthening of their “military "
        "cooperation.”",
        "The agreement provides in particular to “develop military cooperation” and to support "
        "each other in the face of “security threats”, according to the content of the "
        "agreement in 47 articles published by the Kremlin after the signing.",
        "This point does not, however, provide that the signatory countries would provide each "
        "other with military assistance in this scenario.",
        "He affirmed that it was a question of replacing “hegemony”, implied by the West – "
        "with “cooperation”.",
        "Vladimir Putin visited Iran in July 2022, while the head of Russian diplomacy Sergei "
        "Lavrov was received in Tehran last October for discussions with the leaders of the "
        "region.",
    ),
    "002": (
        "Dmitri S. Peskov, the Kremlin spokesman, said the timing of the treaty signing was not "
        "intended to divert attention from Mr. Trump’s inauguration on Monday, and Mr. Araghchi "
        "told the state television in Iran that had been planned months ago.",
        "“We are not interested in joining any bloc.”",
        "Both treaties include a mutual defense clause.",
        "Mr. Trump’s return as US president is likely to bring more pressure and efforts from "
        "Washington to isolate Iran.",
        # A quotation spanning two sentences stays in one piece.
        "The new agreement, he said, “takes into consideration every aspect of our bilateral "
        "relations including our political stance. How we see power and how we move forward "
        "together.”",
        # Unpunctuated but long: content, not a cross-head.
        "Mr. Jalali, the ambassador to Russia, told the Iranian media that the leaders of "
        "Russia and Iran realized that an older agreement between the two countries was "
        "outdated and did not reflect the reality of the current world and order regional",
    ),
    "003": (
        "A new cooperation pact has been signed between Iranian President Masoud Pezeshkian "
        "and Russian President Vladimir Putin, strengthening ties between two nations heavily "
        "impacted by international sanctions.",
        "According to Iranian Ambassador Kazem Jalali, the agreement will remain effective for "
        "20 years.",
        "The treaty’s signing precedes Trump’s return to power.",
        "During his previous term, Trump withdrew from a multinational nuclear agreement with "
        "Iran, ordered the killing of Iranian commander Qasem Soleimani in 2020, and recently "
        "threatened severe retaliation over an alleged Iranian assassination plot against him.",
    ),
    "004": (
        "According to Iranian President Masoud Pezeshkian, a strategic partnership agreement "
        "inked on Jan. 17 between Russia and Iran might lead to increased military "
        "collaboration between the two nations.",
        "“We will strive to enhance cooperation in all areas where mutual assistance is "
        "possible, including the military and security domains,” said Pezeshkian in televised "
        "remarks cited by Iran’s Mehr news agency on Jan. 20.",
        "Additionally, Pezeshkian asserted that the United States and its European allies were "
        "trying to portray his country—and Russia—in a negative light.",
        "Nevertheless, the agreement does not include a mutual defense clause akin to the one "
        "contained in a similar pact signed last summer between Russia and North Korea.",
        "Russia and Iran were key supporters of Syrian President Bashar al-Assad, who sought "
        "refuge in Moscow last month following the overthrow of his government by a rebel "
        "offensive backed by Turkey.",
    ),
}

# Sentence counts (with the title given) verified by reading each seed.
SEED_SENTENCE_COUNTS: dict[str, range] = {
    "000": range(6, 8),
    "001": range(31, 36),
    "002": range(29, 34),
    "003": range(17, 20),
    "004": range(24, 27),
}


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def seed_sentences(prefix: str, *, with_title: bool = True) -> list[str]:
    title = TITLES[prefix] if with_title else None
    return sentences_of(clean_article(seed_text(prefix), title))


class TestSeeds:
    @pytest.mark.parametrize("prefix", sorted(TITLES))
    @pytest.mark.parametrize("with_title", [True, False])
    def test_no_chrome_survives(self, prefix: str, with_title: bool) -> None:
        sentences = seed_sentences(prefix, with_title=with_title)
        leftovers = [
            (chrome, sentence)
            for sentence in sentences
            for chrome in SEED_CHROME
            if chrome in sentence
        ]
        assert leftovers == []
        assert all(sentence.strip("-– ") for sentence in sentences)

    @pytest.mark.parametrize("prefix", sorted(TITLES))
    def test_content_sentences_come_through_whole(self, prefix: str) -> None:
        sentences = seed_sentences(prefix)
        for expected in SEED_CONTENT[prefix]:
            assert expected in sentences

    @pytest.mark.parametrize("prefix", sorted(TITLES))
    def test_sentence_count_is_plausible(self, prefix: str) -> None:
        assert len(seed_sentences(prefix)) in SEED_SENTENCE_COUNTS[prefix]

    @pytest.mark.parametrize("prefix", sorted(TITLES))
    def test_no_sentence_is_repeated(self, prefix: str) -> None:
        sentences = seed_sentences(prefix)
        assert len(sentences) == len(set(sentences))

    def test_duplicated_photo_caption_is_gone_entirely(self) -> None:
        # A caption describes the picture, not the story: dropped, both copies.
        assert not [s for s in seed_sentences("000") if "meet in Moscow on Friday" in s]

    @pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
    def test_headline_dropped_when_it_repeats_the_title(self, prefix: str) -> None:
        title = TITLES[prefix]
        assert title is not None
        assert title not in seed_sentences(prefix)
        # Without a title the headline line is the only place the headline is said.
        assert title in seed_sentences(prefix, with_title=False)

    def test_article_starts_with_its_first_content_sentence(self) -> None:
        assert seed_sentences("002")[0].startswith("President Masoud Pezeshkian of Iran")


def clean(*paragraphs: str, title: str | None = None) -> list[str]:
    return clean_article("\n\n".join(paragraphs), title)


CONTENT_A = "Russia and Iran signed the treaty on Friday in Moscow."
CONTENT_B = "The agreement will remain in force for twenty years, officials said."


class TestGenericChrome:
    @pytest.mark.parametrize(
        "chrome",
        [
            "Advertisement",
            "ADVERTISEMENT",
            "Subscribe to our newsletter",
            "Sign up for our daily briefing and get the news first.",
            "Get breaking news alerts: subscribe to our free newsletter today.",
            "Share this article",
            "Click here to read the full text of the treaty.",
            "Read more: Russia and Iran sign cooperation treaty",
            "See also: Iran's parliament ratifies the pact",
            "Follow us on Telegram",
            "All rights reserved.",
            "© 2025 Reuters. All rights reserved.",
            "Copyright 2025 The Moscow Times",
            "We use cookies to improve your experience on our website.",
            "This site uses cookies. By continuing you accept our cookie policy.",
            "Image: Kremlin press service",
            "Photo: Sergei Karpukhin/TASS",
            "Putin greets Pezeshkian at the Kremlin. (Photo by Maxim Shemetov/AFP)",
            "Putin and Pezeshkian at the signing ceremony. Getty Images",
            "https://example.com/news/russia-iran-treaty",
            "www.example.com",
            "2025-01-17T19:13:00Z",
            "Friday, January 17, 2025 7:13 PM",
            "17 January 2025",
            "Updated 2 hours ago",
            "***",
            "--",
            "Tags: Russia, Iran, treaty",
            "3 min read",
            "Reporting by Guy Faulconbridge; Editing by Alex Richardson",
            "AP and AFP contributed reporting.",
            "Reuters contributed.",
            "By Andrew Roth and Pjotr Sauer",
            "Skip to main content",
            "Terms of Service | Privacy Policy | Contact us",
            "Curious about the pact? Leave your thoughts in the comments section.",
            "Send us your questions about the ratification and we will answer them on air.",
            "Transcript compiled by our parliament desk.",
            "Abridged record of the sitting.",
            "Quotes have been translated from Russian.",
            "Remarks edited for length and clarity.",
        ],
    )
    def test_removed_between_content(self, chrome: str) -> None:
        assert clean(CONTENT_A, chrome, CONTENT_B) == [CONTENT_A, CONTENT_B]

    @pytest.mark.parametrize(
        "content",
        [
            "More than 190 deputies voted for the treaty.",
            "By signing the treaty, Russia and Iran deepened their ties.",
            "Russia does not subscribe to the view that the pact is an alliance.",
            "Comments by Lavrov angered officials in Kyiv.",
            "Lavrov declined to share details of the treaty in his comments to reporters.",
            "Russia contributed engineers to the Bushehr nuclear plant.",
            "Related talks on gas prices continue next week.",
            "Terms of the treaty were published by the Kremlin.",
            "The photo released by the Kremlin shows both leaders smiling.",
            "Copyrights and patents are covered by Article 31.",
            "NATO said it was watching the pact closely.",
            "- Joint naval drills",
            "• Reciprocal port visits",
            "The treaty text was translated from Persian.",
            "His remarks were edited out of the broadcast.",
            "The record of the session was published by the Duma.",
            "The summary was prepared by the foreign ministry and sent to parliament.",
        ],
    )
    def test_lookalike_content_is_kept(self, content: str) -> None:
        assert clean(CONTENT_A, content, CONTENT_B) == [CONTENT_A, content, CONTENT_B]


class TestDatelines:
    @pytest.mark.parametrize(
        "dateline",
        [
            "MOSCOW (Reuters) - ",
            "MOSCOW (Reuters) — ",
            "TEHRAN, Jan 17 (AP) — ",
            "DUBAI, Jan. 17, 2025 (AFP) -- ",
            "MOSCOW — ",
            "NEW YORK – ",
        ],
    )
    def test_dateline_prefix_is_stripped_and_sentence_kept(self, dateline: str) -> None:
        assert clean(dateline + CONTENT_A) == [CONTENT_A]

    def test_capitalised_word_without_dash_is_not_a_dateline(self) -> None:
        assert clean("TASS reported that the treaty was signed.") == [
            "TASS reported that the treaty was signed."
        ]


class TestStructuralRules:
    @pytest.mark.parametrize(
        "cross_head",
        ["“Ambitious goals”", "The question of Gaza raised", "No Mutual Defense Clause",
         "What the treaty says"],
    )
    def test_cross_heads_are_dropped(self, cross_head: str) -> None:
        assert clean(CONTENT_A, cross_head, CONTENT_B) == [CONTENT_A, CONTENT_B]

    def test_long_unpunctuated_line_is_kept(self) -> None:
        line = "Putin and Pezeshkian agreed that the old treaty no longer reflected the world"
        assert clean(CONTENT_A, line) == [CONTENT_A, line]

    def test_repeated_paragraph_is_kept_once(self) -> None:
        assert clean(CONTENT_A, CONTENT_B, CONTENT_A) == [CONTENT_A, CONTENT_B]

    def test_title_with_outlet_suffix_still_matches_the_headline(self) -> None:
        headline = "Russia and Iran sign a cooperation treaty in the Kremlin"
        result = clean(headline, CONTENT_A, title=f"{headline} | The New York Times")
        assert result == [CONTENT_A]

    def test_title_with_different_quotes_and_case_matches(self) -> None:
        headline = "Russia and Iran sign “strategic partnership agreement” in Moscow today"
        title = 'RUSSIA AND IRAN SIGN "STRATEGIC PARTNERSHIP AGREEMENT" IN MOSCOW TODAY'
        assert clean(headline, CONTENT_A, title=title) == [CONTENT_A]

    def test_content_unlike_the_title_is_kept(self) -> None:
        title = "Russia and Iran sign a cooperation treaty in the Kremlin"
        assert clean(CONTENT_A, title=title) == [CONTENT_A]

    def test_related_block_ends_the_article(self) -> None:
        result = clean(
            CONTENT_A,
            "Related Articles",
            "Iran's parliament approves the Russia treaty in a 192-vote landslide.",
            CONTENT_B,
        )
        assert result == [CONTENT_A]

    def test_comment_section_ends_the_article(self) -> None:
        result = clean(CONTENT_A, "Leave a Reply", "Great article, totally agree.")
        assert result == [CONTENT_A]

    def test_sentence_that_starts_like_a_related_block_does_not_end_the_article(self) -> None:
        content = "More on the treaty's defence clauses came from the Kremlin on Monday."
        assert clean(CONTENT_A, content, CONTENT_B) == [CONTENT_A, content, CONTENT_B]

    def test_ending_marker_before_any_content_only_drops_itself(self) -> None:
        assert clean("Related News :", CONTENT_A, CONTENT_B) == [CONTENT_A, CONTENT_B]

    def test_single_newlines_separate_paragraphs(self) -> None:
        text = f"No Mutual Defense Clause\n{CONTENT_A}\n{CONTENT_B}\nReuters contributed."
        assert clean_article(text) == [CONTENT_A, CONTENT_B]

    def test_plain_text_entities_are_decoded_but_bare_ampersands_kept(self) -> None:
        text = "Russia &amp; Iran signed the treaty&#8217;s text. R&D &notes stay as written."
        assert clean_article(text) == [
            "Russia & Iran signed the treaty’s text. R&D &notes stay as written."
        ]

    def test_empty_article(self) -> None:
        assert clean_article("") == []
        assert clean_article("pdfshareprint\n\nBack to top button") == []

    def test_rules_have_unique_names(self) -> None:
        names = [rule.name for rule in RULES]
        assert len(names) == len(set(names))


class TestHtml:
    def test_paragraph_boundaries_and_entities(self) -> None:
        markup = (
            "<h2>Russia &amp; Iran sign the comprehensive strategic partnership treaty</h2>"
            "<p>Putin and Pezeshkian signed the treaty&nbsp;on Friday.<br>It has 47 articles."
            "</p><div>The pact runs for <b>20 years</b>, Jalali said.</div>"
        )
        assert clean_article(markup) == [
            "Russia & Iran sign the comprehensive strategic partnership treaty",
            "Putin and Pezeshkian signed the treaty on Friday.",
            "It has 47 articles.",
            "The pact runs for 20 years, Jalali said.",
        ]

    def test_non_content_elements_are_dropped(self) -> None:
        markup = (
            "<nav><a href='/'>Home</a> <a href='/world'>World news and more</a></nav>"
            "<script>var x = '<p>not content</p>';</script><style>p { color: red; }</style>"
            f"<p>{CONTENT_A}</p>"
            "<figure><img src='a.jpg'><figcaption>Putin and Pezeshkian shake hands at the "
            "Kremlin on Friday.</figcaption></figure>"
            "<aside>Iran's parliament voted on the treaty on Tuesday, sources said.</aside>"
            f"<p>{CONTENT_B}</p>"
            "<footer>© 2025 Outlet. Contact the newsroom for corrections please.</footer>"
        )
        assert clean_article(markup) == [CONTENT_A, CONTENT_B]

    def test_list_items_become_separate_paragraphs_even_when_short(self) -> None:
        intro = "The treaty lists these areas of cooperation between the two countries:"
        markup = f"<p>{intro}</p><ul><li>energy</li><li><p>joint drills</p></li></ul>"
        paragraphs = clean_article(markup)
        assert paragraphs == [intro, "• energy", "• joint drills"]
        assert sentences_of(paragraphs) == [intro, "energy", "joint drills"]

    def test_short_list_intro_is_a_cross_head(self) -> None:
        # "The treaty covers:" says nothing on its own; its items carry the content.
        markup = "<p>The treaty covers:</p><ul><li>energy</li></ul>"
        assert clean_article(markup) == ["• energy"]

    def test_newlines_inside_html_text_are_not_paragraph_breaks(self) -> None:
        markup = "<p>Putin and Pezeshkian signed\nthe treaty\n on Friday.</p>"
        assert clean_article(markup) == ["Putin and Pezeshkian signed the treaty on Friday."]

    def test_html_to_text_keeps_blocks_apart(self) -> None:
        assert html_to_text("<p>One.</p><p>Two.</p>").split() == ["One.", "Two."]
        assert "\n" in html_to_text("<p>One.</p><p>Two.</p>").strip()


def test_cleans_100_kb_without_pathological_slowness() -> None:
    # Real speed figures belong in benchmarks; this only catches regex or quadratic blow-ups.
    seeds = "\n\n".join(seed_text(prefix) for prefix in sorted(TITLES))
    article = "\n\n".join([seeds] * (100_000 // len(seeds) + 1))
    one_line = "Putin and Pezeshkian, " * 5_000 + "contributed"
    started = time.perf_counter()
    paragraphs = clean_article(article)
    clean_article(one_line)
    assert time.perf_counter() - started < 5.0
    # Repeated paragraphs are kept once, so the copies add nothing.
    assert paragraphs == clean_article(seeds)


class TestLoneLines:
    """A line judged on its own: furniture by the paragraph rules, never by layout."""

    @pytest.mark.parametrize(
        "chrome", ["Share this article", "Read more: Russia and Iran sign cooperation treaty"]
    )
    def test_furniture_is_chrome_alone_too(self, chrome: str) -> None:
        assert is_page_chrome(chrome)

    @pytest.mark.parametrize(
        "headline",
        ["Duma committee backs Iran treaty bill", "Moscow pact in force from July, envoy says"],
    )
    def test_a_short_headline_alone_is_no_cross_head(self, headline: str) -> None:
        assert not is_page_chrome(headline)
        # between paragraphs the same line is a cross-head, and is dropped
        assert clean(CONTENT_A, headline, CONTENT_B) == [CONTENT_A, CONTENT_B]


@pytest.mark.parametrize(
    "line",
    [
        "Subscribers only: please do not share this newsletter with colleagues.",
        "Passing this email to third parties breaches our subscription terms.",
    ],
)
def test_the_outlets_terms_of_use_are_chrome(line: str) -> None:
    assert is_page_chrome(line)


def test_licence_terms_in_the_news_are_not_chrome() -> None:
    assert not is_page_chrome("Iran changed the licence terms of the offshore gas field in May.")
