"""The judge on the real seed baseline: every verdict type, its evidence, and the traps."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.baseline import build_baseline
from bot.config import Config
from bot.engine import Engine
from bot.judge import date_states, dates_compatible, salient_tokens
from bot.model import DateRef, Document, Judgement, KnownClaim, SourceRef, Verdict


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_baseline(Config(), build_baseline())


def judge(engine: Engine, text: str) -> Judgement:
    claim = engine.extractor.claim_from_sentence(text, doc_id="test", index=0)
    return engine.judge_claim(claim)


def reports_in_order(*reports: tuple[str, str, datetime]) -> list[list[Judgement]]:
    """A fresh engine judges each (title, text, published) report in turn, learning from each
    before the next, and returns every report's judgements."""
    engine = Engine.from_baseline(Config())
    return [
        engine.judge_document(Document(f"r{i}", title, text, published=published))
        for i, (title, text, published) in enumerate(reports)
    ]


def verdict_after(first: tuple[str, str, datetime], later: tuple[str, str, datetime]) -> Verdict:
    """The verdict on the one claim of report ``later``, judged after report ``first``."""
    _, judged = reports_in_order(first, later)
    [judgement] = judged
    return judgement.verdict


@pytest.mark.parametrize(
    "text",
    [
        # paraphrase, synonyms and other spellings
        "Moscow and Tehran inked the comprehensive strategic partnership treaty on Friday.",
        # number words
        "According to ambassador Kazem Jalali, the accord will remain effective for two decades.",
        "The agreement will stay in force for twenty years, Jalali said.",
        # translation variant
        "Putin called the agreement a real breakthrough for Russia, Iran and the region.",
        # a loose duration restating another
        "The treaty came after several years of negotiations.",
        "It took many years of negotiations to produce the treaty.",
        # a quoted denial agrees with the seeds' 'not an alliance'
        "Araghchi denied that the treaty was aimed at creating a military alliance.",
        # idioms said plainly, and a passive denial whose subject is what is denied
        "Peskov said the date of the signing had nothing to do with Trump's inauguration.",
        "Arms transfers are not mentioned in the pact, which highlights military-technical "
        "cooperation.",
        "Under the accord, each country pledges not to help anyone who attacks the other.",
        # hammering a text out is negotiating it
        "Moscow and Tehran hammered out the partnership treaty over several years.",
        # an offset read once ("a few days ahead of" is not also a length of time)
        "The pact was signed a few days ahead of Trump's return to power.",
        # a light verb: "the signing took place" is "signed"
        "The signing took place at the Kremlin on the seventeenth of January.",
        # an offset from the same event that allows the same time ("days" = "a few days")
        "The deal was concluded only days ahead of Donald Trump's return to the White House.",
        # a stance shared in other words, its negation carried by the stance itself
        "The treaty does not oblige either side to come to the other's defence.",
        "The old agreement no longer reflected the realities of today's world, Jalali said.",
        # a defining figure stated again, with nothing the known claim lacks
        "After the ceremony the Kremlin put out the whole text, some forty-seven articles long.",
        # most of a known claim, padded with words of its own
        "Trade and finance sit at the heart of the new compact, struck by two economies "
        "labouring under Western sanctions.",
        # a denial of an omission affirms: nothing is denied
        "Araghchi denied that security cooperation was missing from the agreement.",
        # hyphenated words whose parts the seed says, or that name the parties
        "Closer security-service links, joint drills and naval visits to each other's ports "
        "are in the Russia-Iran pact.",
        # a light verb in the perfect, and an ordinal date
        "The signing had taken place in Moscow on the seventeenth of January.",
        # what the text envisages in civil atomic cooperation is what it provides for
        "The accord envisages the erection of atomic power stations as part of civil atomic "
        "cooperation.",
        # an undertaking not to act, worded as one
        "Each signatory undertakes to refrain from assisting an aggressor against the other.",
        # no mutual defence clause is no military alliance: a denial of a bloc restates it
        "Iran's envoy to Russia dismissed any intention of joining a bloc, citing "
        "self-sufficiency.",
        # a denial of the military alliance, however negated, stays a restatement
        "Officials ruled out that the pact is a military alliance.",
        # a ban on helping an aggressor: lending support is giving aid, and a state that
        # commits aggression is an aggressor
        "Neither signatory may lend assistance to a country that commits aggression against "
        "its partner.",
        "Both parties are prohibited from helping any state that commits aggression against "
        "either of them.",
        # to draw attention away is to divert it; a swearing-in is an inauguration
        "Peskov said the signing date was not picked to draw attention away from Trump's "
        "swearing-in.",
        # atomic power plants are nuclear energy installations
        "The deal envisages construction of atomic power plants in Iran.",
        # a denied pledge to defend the other agrees with the seeds
        "Moscow has not pledged to defend Iran.",
        # the envoy's name spelled the Russian way ("Dzh-") is the envoy
        "Unlike the treaties Moscow signed with its other allies, the deal with Iran includes "
        "no mutual defence clause, Ambassador Dzhalali said.",
        # an affirmed civilian use is the seeds' peaceful use; "addresses" is no denial
        "The treaty also addresses civilian nuclear power.",
        # a reporting aside inside a negation's scope does not end it
        "Neither signatory, the document states, will allow its territory to be used for acts "
        "that threaten the other.",
        # the term said as binding, for the known 20 years
        "The treaty binds the two countries for twenty years.",
        # a title without its country, held by the person the seeds give it to
        "Foreign Minister Sergei Lavrov said the agreement was constructive.",
        "Foreign Minister Abbas Araghchi called the agreement a key turning point.",
        # the publisher said in the active voice, and a capital for its government
        "The Kremlin released the treaty's forty-seven articles after the signing.",
        "Moscow made the treaty public after the signing, publishing its 47 articles.",
        # a date on a speaker's past, in an aside, is no detail of the claim
        "Lavrov, who has run Russian diplomacy since 2004, described the treaty as constructive.",
        # a maritime route is a sea route; Baku stands for Azerbaijan
        "Moscow aims to open a north-south rail and maritime route through Azerbaijan to Iran.",
        # red tape is bureaucracy; concrete steps are concrete actions
        "Putin urged less red tape and more practical steps during the ceremony.",
        # an agreement extended time and again is a periodically renewed one
        "The treaty takes the place of a 2001 accord that was repeatedly extended.",
        # drafting over years is years of negotiations
        "The text of the pact was drafted over many years.",
        # dismissed talk of a bloc, a commitment stopped short of: the stance denied
        "Tehran's top diplomat brushed off speculation that the treaty amounts to a military bloc.",
        "The accord stopped short of any commitment to mutual defence.",
        # stealing the spotlight is diverting attention; a day's ceremony is its signing, and
        # the report of that signing joins the denial without affirming the timing
        "Peskov rejected reports that the signing was planned to steal the spotlight from Trump's"
        " inauguration.",
        "The Kremlin dismissed claims that Friday's ceremony was timed to steal the spotlight from"
        " Trump's inauguration.",
        # who reports a known fact adds nothing to it: a headline's speaker, a trailing source
        "Kremlin aide to Izvestia: the pact carries no mutual defence obligation",
        "The pact carries no mutual defence obligation – Izvestia",
        # mutual defence is help against an attack: the attack is no further detail
        "The accord does not commit either side to defend the other if it is attacked.",
        # the instrument is the treaty; declining to give particulars keeps them private
        "Tehran's envoy said the instrument would stay in force for twenty years.",
        "The Kremlin said the pact would boost military-political ties but refused to reveal "
        "its specifics.",
        "Araghchi wrote that the treaty was more than a political agreement: a road map for "
        "the years ahead.",
        # a fact-check asserts a statement it rates true, and the explanation of one it rates
        # false
        "Claim: The pact carries no mutual defence obligation. Verdict: Correct.",
        "Claim: The pact binds each side to fight for the other. Verdict: Wrong - the accord "
        "does not commit either side to defend the other if it is attacked.",
    ],
)
def test_restatements_are_known(engine: Engine, text: str) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is Verdict.KNOWN, judgement
    assert judgement.match is not None and judgement.match.baseline
    assert judgement.reason is None


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        (
            "According to Jalali, the agreement will remain effective for 25 years.",
            "20 years → 25 years",
        ),
        ("The treaty text has 45 articles.", "47 articles → 45 articles"),
        ("Putin and Pezeshkian signed the treaty on 18 January.", "→ 18 January"),
        ("The treaty includes a mutual defence clause.", "mutual defense: denied → affirmed"),
        ("The treaty creates a military alliance between Russia and Iran.", "alliance"),
        (
            "Araghchi said the agreement does not cover security and defence cooperation.",
            "polarity",
        ),
        ("The treaty was signed in Tehran.", "signing place: moscow → tehran"),
        # the framing ("has no provision for") is not part of what is denied
        ("The pact has no provision for reciprocal naval visits.", "polarity"),
        # a loose duration against another: weeks are not years
        ("The accord was negotiated in a few weeks.", "years → a few weeks"),
        ("According to Jalali, the agreement will remain effective indefinitely.", "→ indefinite"),
        # an omission is a denial
        ("The agreement leaves out security cooperation.", "polarity: affirmed → denied"),
        # another signer: a relative clause's signing ("that sealed between Moscow and
        # Pyongyang") gives Araghchi no signature to back this
        ("Iranian Foreign Minister Abbas Araghchi signed the accord for Iran.", "signed by"),
        ("The accord turns Russia and Iran into formal military allies.", "alliance: denied"),
        # what lies outside the text's scope, or is left aside, is denied
        (
            "Iran's foreign minister said defence issues fall outside the scope of the pact.",
            "polarity: affirmed → denied",
        ),
        ("The accord leaves defence and security questions aside, Araghchi said.", "polarity"),
        ("Energy analysts say the pact leaves peaceful atomic energy out entirely.", "polarity"),
        # a count of the whole text's articles is its length, whatever else is said
        (
            "A close reading of the fifty-article treaty finds no mutual defence commitment.",
            "47 articles → 50 articles",
        ),
        (
            "The accord, which runs to 52 articles, says nothing about mutual defence.",
            "47 articles → 52 articles",
        ),
        # "nowhere" denies; civilian nuclear energy is the peaceful use the seeds provide for
        ("The treaty nowhere mentions civil nuclear energy.", "polarity: affirmed → denied"),
        ("Peaceful nuclear energy is not addressed anywhere in the accord.", "polarity"),
        (
            "Iran's top diplomat said the accord leaves defence and security issues entirely "
            "outside its scope.",
            "polarity: affirmed → denied",
        ),
        # one of two denials that the known claim affirms whole needs little else in common
        (
            "The deal contains no clause on atomic energy, and nuclear plants are left out of it.",
            "polarity: affirmed → denied",
        ),
        ("The pact spells out procedures for supplying arms to one another.", "polarity"),
        # a mutual defence obligation in plain words
        (
            "Under the pact each country must deploy its forces when the other is attacked.",
            "mutual defense: denied → affirmed",
        ),
        # a defence alliance is a military one
        ("Under the treaty Moscow and Tehran form a defensive alliance.", "alliance: denied"),
        ("The pact is valid for a quarter-century.", "20 years → 25 years"),
        # two loose lengths of the same thing: months of negotiations are not years of them
        ("The treaty was agreed after only a few months of negotiations.", "→ a few months"),
        # a short claim naming nothing new is about the same signing, however little else
        # it shares; idioms and other wordings of the term and the predecessor
        ("The two presidents put pen to paper on 15 January in the Kremlin.", "→ 15 January"),
        ("Jalali told reporters the partnership would be binding for thirty years.", "→ 30 years"),
        ("The deal takes the place of a 2005 framework agreement.", "2001 → 2005"),
        # "assist" is "aid": the seeds' "nor will they assist" is denied here too
        ("The treaty allows each side to give aid to a country attacking the other.", "polarity"),
        # a role named after the name
        (
            "Dmitry Peskov, Russia's foreign minister, called the treaty constructive.",
            "russia foreign minister: lavrov → peskov",
        ),
        # a title without its country is either side's office, held by the seeds' ministers
        (
            "Foreign Minister Sergei Ryabkov called the agreement constructive.",
            "russia foreign minister: lavrov → ryabkov",
        ),
        # who made the text public is one act
        (
            "The full text was published by Iran's foreign ministry after the ceremony.",
            "publisher: kremlin → iran's foreign ministry",
        ),
        (
            "After the signing Tehran's foreign ministry posted the pact's 47 articles online.",
            "publisher: kremlin → tehran's foreign ministry",
        ),
        (
            "Tehran's foreign ministry released the 47-clause document once the pact was signed.",
            "publisher: kremlin → tehran's foreign ministry",
        ),
        # a text put together or thrashed out was negotiated: a loose length said with the
        # verb ("negotiated within months") measures what "years of negotiations" does
        (
            "Diplomats in Tehran say the Russian-Iranian accord was thrashed out within a few "
            "months.",
            "years → a few months",
        ),
        # another of Russia's summit venues is another place of signing
        (
            "Putin and Pezeshkian signed the partnership treaty in Sochi on 17 January.",
            "signing place: moscow → sochi",
        ),
        # putting a text online, or on a website, is posting it
        (
            "Tehran's foreign ministry put the treaty's full text online soon after the signing.",
            "publisher: kremlin → tehran's foreign ministry",
        ),
        (
            "After the signing, Iran's foreign ministry put all 47 articles of the pact on its "
            "website.",
            "publisher: kremlin → iran's foreign ministry",
        ),
        # two bare years of one event: what the treaty replaced
        ("The treaty replaces an agreement dating from 1995.", "2001 → 1995"),
        # a term without an end against the 20-year term
        ("The partnership treaty is open-ended and has no expiry date.", "→ indefinite"),
        # the day of the inauguration is not a few days before it
        ("Putin and Pezeshkian sealed the deal on the same day as Trump's swearing-in.",
         "before the return"),
        # a month before the inauguration is not a few days before it
        ("The deal was signed a full month before Trump took office.", "a full month before"),
        # the Kremlin ceremony is the signing; being sworn in is the inauguration
        (
            "The ceremony in the Kremlin was held fully two months before Trump was sworn in.",
            "before trump was sworn in",
        ),
        # a ban denies; plain-words mutual defence is the stance the seeds deny
        ("The treaty prohibits joint military drills.", "polarity: affirmed → denied"),
        ("The pact obliges each side to defend the other.", "mutual defense: denied → affirmed"),
        # one party bound to defend the other is the mutual defence the seeds deny
        ("Russia has promised to defend Iran militarily.", "mutual defense: denied → affirmed"),
        # the seed denies arms transfers but turns ("though") to affirm military-technical
        # cooperation: denying that cooperation conflicts with what follows the turn
        (
            "The pact says nothing about military-technical cooperation, an omission noted by "
            "analysts.",
            "polarity",
        ),
        # a count of the whole text, fronted or approximate, however much else is said
        (
            "Comprising about 52 articles, the signed text covers energy, transport and banking.",
            "47 articles → 52 articles",
        ),
        (
            "The accord, which runs to some 52 articles, was welcomed by lawyers in both capitals.",
            "47 articles → 52 articles",
        ),
        # "neither ... nor ..." denies two things: affirming the first one conflicts, though
        # it shares few words with the second
        (
            "Under the treaty, either side can let its soil be used for hostile acts.",
            "polarity: denied → affirmed",
        ),
        # putting one's name to a text is signing it, in a cleft sentence too
        ("It was on 15 January that Putin and Pezeshkian put their names to the treaty.",
         "→ 15 January"),
        ("The two leaders put their signatures to the accord on 16 January.", "→ 16 January"),
        # "in a matter of months" is in a few months; drafting a treaty is negotiating it
        ("Negotiators drafted the pact in a matter of months.", "years → a few months"),
        # a date whose clause ends at a comma aligns by the words before it, whatever the
        # next clause adds; a month name counts as it stands in the normalised text
        (
            "The partnership accord, inked at the Kremlin in early March 2025, must still be "
            "approved by lawmakers in both countries.",
            "→ March 2025",
        ),
        (
            "The strategic pact between Moscow and Tehran, signed on January 19, will be "
            "debated by the Duma next month.",
            "→ 19 January",
        ),
        # the seeds have it signed days before Trump's return to power
        (
            "The accord was signed a week after Donald Trump took office in Washington.",
            "signed before inauguration: affirmed → denied",
        ),
        # a text that has nothing to do with a field does not cover it
        (
            "Foreign Minister Araghchi insisted the pact has nothing to do with defence or "
            "security.",
            "polarity: affirmed → denied",
        ),
        # a report of what the published text provides for backs no arms it lacks
        (
            "According to the published document, the treaty provides for the supply of "
            "weapons between the two parties, officials said.",
            "polarity: denied → affirmed",
        ),
        # help owed to a party named as the one attacked
        (
            "In short, the accord binds Tehran to give military support if Russia ever comes "
            "under attack.",
            "mutual defense: denied → affirmed",
        ),
        # one party made the guarantor of the other's security is a defence commitment
        (
            "A US senator argued the pact makes Moscow the guarantor of Tehran's security.",
            "mutual defense: denied → affirmed",
        ),
        # the parties' armed forces are their militaries: drills between them are the seeds'
        (
            "A retired general claimed the accord forbids joint drills by the two countries' "
            "armed forces.",
            "polarity: affirmed → denied",
        ),
        # a term said as what the treaty binds its parties for
        (
            "Under the pact Russia and Iran are bound to each other for the next fifteen years.",
            "20 years → 15 years",
        ),
    ],
)
def test_conflicting_details_contradict_with_a_reason(
    engine: Engine, text: str, reason_part: str
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is Verdict.CONTRADICTING, judgement
    assert judgement.reason is not None and reason_part in judgement.reason
    assert judgement.match is not None and judgement.match.sources, "evidence names its source"


@pytest.mark.parametrize(
    "text",
    [
        # the known count of the whole text, with something else said of it
        "The treaty, which contains 47 articles, says nothing about mutual defence.",
        "Analysts who combed through the 47-article text found no mutual defence clause.",
        # some of the articles, not all: "the N articles in the treaty that ..." or "on ..."
        "Lawyers in Dubai have combed through the three articles in the pact that deal with "
        "banking.",
        "Among the 47 articles in the Moscow–Tehran accord, shippers care most about customs.",
    ],
)
def test_the_known_article_count_of_the_whole_text_does_not_contradict(
    engine: Engine, text: str
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is not Verdict.CONTRADICTING, judgement


def test_a_loose_length_of_another_act_does_not_contradict_the_negotiations(
    engine: Engine,
) -> None:
    """Weeks to ratify are not weeks of negotiation: the words before "weeks" name another act."""
    judgement = judge(
        engine,
        "The pact took years to negotiate, and the Duma is expected to ratify it within weeks.",
    )
    assert judgement.verdict is not Verdict.CONTRADICTING, judgement


def test_words_after_a_negation_are_not_read_as_affirmed(engine: Engine) -> None:
    """The negation of the claim reaches past the words kept as its scope: its "military aid
    when attacked" is not affirmed against "no military aid to the aggressor"."""
    judgement = judge(
        engine,
        "The pact does not require either country to send military aid when the other is "
        "attacked.",
    )
    assert judgement.verdict is not Verdict.CONTRADICTING, judgement


@pytest.mark.parametrize(
    "text",
    [
        "The State Duma ratified the partnership treaty with Iran on 8 April by 412 votes to 0.",
        "Gazprom will deliver 55 billion cubic metres of gas a year to Iran under the treaty.",
        "Iran's Guardian Council approved the treaty on 28 May.",
        # generic treaty words shared with unrelated known claims do not make it known
        "The treaty lets either side withdraw after giving six months' notice.",
        "The treaty commits the parties to joint work on water management.",
        # the figure is known; what was done with the text is not
        "The treaty's 47 articles were translated into Persian by Iran's foreign ministry.",
        # one word shared with each of two unrelated claims (gas exports; a corridor through
        # Baku) is no union of them
        "The gas will pass through Azerbaijan.",
    ],
)
def test_details_the_baseline_lacks_are_new(engine: Engine, text: str) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is Verdict.NEW, judgement
    assert judgement.reason is None


@pytest.mark.parametrize(
    "text",
    [
        # another treaty, another date: not a contradiction of 'signed in January'
        "Russia's treaty with North Korea was signed in June.",
        # background the seeds also mention
        "Russia has used Iranian drones in its war against Ukraine.",
        "A permanent ceasefire in Gaza was discussed by the two leaders.",
        # the 2015 nuclear accord by its other names is another treaty
        "During his first presidency Trump abandoned the nuclear agreement with Tehran.",
        "Washington quit the international nuclear accord with Iran in 2018.",
        # page chrome
        "Share this article on social media",
    ],
)
def test_traps_and_background_are_not_contradictions(engine: Engine, text: str) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is Verdict.IRRELEVANT, judgement


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # names nothing of the treaty, but is worded as its provision and says what it says
        ("Both countries pledge never to let their territory be used against the other.", "KNOWN"),
        ("Either country may help a third party that attacks the other.", "CONTRADICTING"),
        # worded as a provision, but nothing known is like it: not news on its own words
        ("Both countries will hold elections before the end of the decade.", "IRRELEVANT"),
        # echoes a known claim's background, not a provision: still background
        ("During his first term, Trump pursued maximum pressure on Iran.", "IRRELEVANT"),
        # a party's official restating what is known of the treaty, in other words
        (
            "Questioned by reporters, Peskov dismissed the idea that the timing was meant to "
            "distract attention from Trump's swearing-in.",
            "KNOWN",
        ),
        # a party's official on something else
        ("Putin's spokesman brushed aside questions about the war in Ukraine.", "IRRELEVANT"),
        ("Peskov said Russia would answer any new sanctions by Washington.", "IRRELEVANT"),
    ],
)
def test_a_sentence_naming_no_treaty_term_is_judged_only_as_an_echo(
    engine: Engine, text: str, verdict: str
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is Verdict[verdict], judgement
    assert judgement.claim.relevant is (verdict != "IRRELEVANT")


def test_a_later_report_restating_a_contradiction_is_known_not_realerted() -> None:
    """Once '25 years' was reported (and alerted), another '25 years' report restates it."""
    first, second = reports_in_order(
        (
            "Term",
            "The Russia–Iran treaty will remain in force for 25 years, officials said.",
            datetime(2025, 2, 1, tzinfo=UTC),
        ),
        (
            "Term again",
            "Officials said the Russia–Iran treaty will remain in force for 25 years.",
            datetime(2025, 2, 2, tzinfo=UTC),
        ),
    )
    [j1] = [j for j in first if j.claim.relevant]
    [j2] = [j for j in second if j.claim.relevant]
    assert j1.verdict is Verdict.CONTRADICTING
    assert j2.verdict is Verdict.KNOWN
    assert j2.match is not None and not j2.match.baseline


def test_a_card_that_cannot_be_used_where_a_report_said_it_worked_contradicts() -> None:
    """'Cannot be used at' a place denies what 'has worked at' it affirmed."""
    verdict = verdict_after(
        (
            "Payments under the treaty",
            "Under the Russia–Iran partnership treaty, Shetab cards from Iran have worked at "
            "Russian payment terminals since March, the central bank said.",
            datetime(2025, 4, 1, tzinfo=UTC),
        ),
        (
            "Payments lag",
            "Under the Russia–Iran partnership treaty, Iran's Shetab cards still cannot be used "
            "at Russian terminals, bankers say.",
            datetime(2025, 5, 2, tzinfo=UTC),
        ),
    )
    assert verdict is Verdict.CONTRADICTING


def test_an_echoed_conflict_is_learned_as_a_relevant_claim() -> None:
    """The echo is judged as relevant, and what the engine learns from it says so."""
    engine = Engine.from_baseline(Config())
    doc = Document(
        "e",
        "Russia and Iran sign treaty",
        "Russia and Iran signed a partnership treaty in Moscow. Foreign policy was discussed "
        "at length by the delegations. "
        "Either country may help a third party that attacks the other, officials said.",
        published=datetime(2025, 2, 1, tzinfo=UTC),
    )
    *_, echo = engine.judge_document(doc)
    assert echo.verdict is Verdict.CONTRADICTING, echo
    learned = engine.knowledge.get(engine.provisional[("e", echo.claim.sentence_index)])
    assert learned is not None and learned.claim.relevant and learned.claim.echo_only


def test_repetition_inside_one_article_is_alerted_once() -> None:
    engine = Engine.from_baseline(Config())
    doc = Document(
        "c",
        "Duma vote",
        "Russia's State Duma ratified the treaty with Iran on 8 April. "
        "Deputies also approved a separate bill on fisheries in the Caspian. "
        "The State Duma ratified the Iran treaty on 8 April, officials confirmed.",
    )
    verdicts = [j.verdict for j in engine.judge_document(doc) if j.claim.relevant]
    assert verdicts.count(Verdict.NEW) == 1 or verdicts[0] is Verdict.NEW
    assert verdicts[-1] is Verdict.KNOWN


def test_every_verdict_carries_its_score_and_best_match(engine: Engine) -> None:
    judgement = judge(engine, "The treaty is valid for 20 years.")
    assert 0 < judgement.score <= 100
    assert judgement.match is not None
    assert "20 years" in judgement.match.text


@pytest.mark.parametrize(
    ("attribution_doc", "index", "verdict"), [("s", 3, Verdict.KNOWN), ("t", 9, Verdict.NEW)]
)
def test_a_quote_and_its_attribution_in_adjacent_sentences_restate_a_condensed_claim(
    attribution_doc: str, index: int, verdict: Verdict
) -> None:
    """The same two known sentences cover the claim together only when one article gave them
    one after the other (a quote, then who said it where)."""
    config = Config()
    extractor = Engine.from_known(config, []).extractor

    def known(claim_id: int, text: str, doc_id: str, sentence: int) -> KnownClaim:
        claim = extractor.claim_from_sentence(text, doc_id=doc_id, index=sentence)
        return KnownClaim(claim_id, claim, True, sources=[SourceRef(doc_id, sentence)])

    engine = Engine.from_known(
        config,
        [
            known(1, "He added: this is not just a political agreement, it is the road map "
                  "for the future.", "s", 4),
            known(2, "Iran's foreign minister Abbas Araghchi wrote on the Telegram network "
                  "that ties had never been closer.", attribution_doc, index),
            known(3, "The treaty will remain in force for 20 years.", "u", 1),
            known(4, "Putin and Pezeshkian signed the treaty in Moscow.", "u", 2),
        ],
    )
    claim = extractor.claim_from_sentence(
        "Writing on Telegram, Araghchi said the treaty amounted to a road map for the future.",
        doc_id="x",
        index=0,
    )
    assert engine.judge_claim(claim).verdict is verdict


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        # a decade, or a part of one, for the predecessor's year (the seeds say 2001)
        ("The new accord takes the place of a friendship treaty from the mid-1990s.", "mid 1990s"),
        ("The pact supersedes an agreement concluded in the late 1980s.", "2001 → late 1980s"),
        ("It replaces a 1990s treaty that Moscow and Tehran renewed regularly.", "2001 → 1990s"),
        # burying an old text replaces it, so the year of what it buries is the predecessor's
        (
            "The compact buries the arrangement the two governments had extended since 1996.",
            "2001 → 1996",
        ),
        # a part of a month is that month, and formalising a partnership is signing it
        ("Putin and Pezeshkian formalized the partnership in early March 2025.", "→ March 2025"),
        ("The accord was inked at the Kremlin in late-November 2024.", "→ November 2024"),
        ("Russia and Iran sealed the treaty in mid-January 2024.", "→ January 2024"),
        # a term given by its end year, counted from the signing year (2025)
        ("Under its terms, the pact runs until 2040.", "20 years → until 2040 (15 years"),
        ("The accord remains in force until 2030, diplomats said.", "→ until 2030 (5 years"),
        ("Jalali said the treaty is valid through 2049.", "→ until 2049 (24 years from 2025)"),
        ("The agreement will expire at the end of 2050.", "→ until 2050 (25 years from 2025)"),
        # a part of a decade ends the term too
        ("The deal is to stay binding until the close of the 2060s.", "→ until 2060"),
        ("The 25-year treaty was signed in Moscow.", "20 years → 25 years"),
        # an article count said as an adjective, the text posted rather than published
        ("Iran's government posted the 49-article accord online.", "47 articles → 49 articles"),
        ("A 45-article text of the treaty appeared on the Kremlin website.", "→ 45 articles"),
    ],
)
def test_decades_parts_of_months_term_ends_and_adjectives_contradict(
    engine: Engine, text: str, reason_part: str
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is Verdict.CONTRADICTING, judgement
    assert judgement.reason is not None and reason_part in judgement.reason, judgement.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the early 2000s include 2001
        ("The pact replaces an agreement signed in the early 2000s.", Verdict.KNOWN),
        ("Relations between Moscow and Tehran have warmed steadily since the 1990s.", None),
        # December 2024 dates another event than the signing
        ("The Kremlin said in mid-December 2024 that Pezeshkian would come to Moscow.", None),
        ("In December 2024 the Kremlin announced a visit by Pezeshkian to sign the treaty.", None),
        ("The treaty was formalised at a Kremlin ceremony in mid-January 2025.", Verdict.KNOWN),
        # 2045 is 20 years from 2025
        ("The partnership treaty will remain in force until 2045.", Verdict.KNOWN),
        # a decade that holds 2045 allows the 20 years
        ("Diplomats say the accord will stay in effect until the 2040s.", None),
        ("The pact is to remain binding until the middle of the 2040s.", None),
        # a known term that ends in the period given says all the period says
        ("Jalali said the accord's 20-year term means it runs into the mid-2040s.", Verdict.KNOWN),
        ("Western sanctions on Iran remain in force until 2030, whatever the treaty says.", None),
        ("The 47-article agreement was posted on the Kremlin's website.", Verdict.KNOWN),
    ],
)
def test_decades_months_and_term_ends_that_agree_do_not_contradict(
    engine: Engine, text: str, verdict: Verdict | None
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is not Verdict.CONTRADICTING, judgement
    assert verdict is None or judgement.verdict is verdict, judgement


def test_a_term_end_is_counted_from_the_signing_year_the_baseline_gives() -> None:
    """Without a known signing date a term's end year says nothing about its length."""
    config = Config()
    extractor = Engine.from_known(config, []).extractor

    def known(claim_id: int, text: str) -> KnownClaim:
        claim = extractor.claim_from_sentence(
            text, doc_id="k", index=claim_id, published=datetime(2030, 3, 4, tzinfo=UTC)
        )
        return KnownClaim(claim_id, claim, True, sources=[SourceRef("k", claim_id)])

    term = known(1, "The treaty will remain in force for 10 years.")
    signing = known(2, "The two presidents signed the treaty on 1 March 2030.")
    claim = extractor.claim_from_sentence("The treaty expires in 2050.", doc_id="x", index=0)
    assert Engine.from_known(config, [term]).judge_claim(claim).verdict is not (
        Verdict.CONTRADICTING
    )
    judgement = Engine.from_known(config, [term, signing]).judge_claim(claim)
    assert judgement.verdict is Verdict.CONTRADICTING
    assert judgement.reason == "10 years → until 2050 (20 years from 2030)"


def test_a_signing_date_learnt_after_judging_begins_is_used() -> None:
    """The judge tallies the baseline's signing as knowledge grows, not once at the start."""
    config = Config()
    extractor = Engine.from_known(config, []).extractor

    def known(claim_id: int, text: str) -> KnownClaim:
        claim = extractor.claim_from_sentence(
            text, doc_id="k", index=claim_id, published=datetime(2030, 3, 4, tzinfo=UTC)
        )
        return KnownClaim(claim_id, claim, True, sources=[SourceRef("k", claim_id)])

    engine = Engine.from_known(config, [known(1, "The treaty will remain in force for 10 years.")])
    claim = extractor.claim_from_sentence("The treaty expires in 2050.", doc_id="x", index=0)
    assert engine.judge_claim(claim).verdict is not Verdict.CONTRADICTING
    engine.knowledge.add(known(2, "The two presidents signed the treaty on 1 March 2030."))
    assert engine.judge_claim(claim).verdict is Verdict.CONTRADICTING


def test_a_span_of_years_agrees_with_the_dates_inside_it() -> None:
    late_1990s = DateRef("late 1990s", 1996, year_to=1999)
    early_2000s = DateRef("early 2000s", 2000, year_to=2003)
    assert dates_compatible(DateRef("december 1999", 1999, 12), late_1990s)
    assert not dates_compatible(DateRef("january 2001", 2001, 1), late_1990s)
    # the known 2001 says all that "the early 2000s" says, not the other way round
    assert date_states(DateRef("2001", 2001), early_2000s)
    assert not date_states(early_2000s, DateRef("2001", 2001))


def test_vote_tallies_of_two_chambers_do_not_contradict() -> None:
    """Each chamber's tally is its own vote: the Majlis's 250 is no correction of the Duma's."""
    _, majlis, again = reports_in_order(
        (
            "Duma ratifies Iran treaty",
            "Lawmakers in the State Duma ratified the partnership treaty with Iran on Tuesday. "
            "In total, 400 lawmakers voted for the bill.",
            datetime(2025, 4, 9, tzinfo=UTC),
        ),
        (
            "Majlis ratifies Russia treaty",
            "The Majlis ratified the partnership treaty with Russia on Sunday. "
            "The bill passed by 250 votes to 9.",
            datetime(2025, 5, 20, tzinfo=UTC),
        ),
        # another count of the Duma's own vote still conflicts with the first
        (
            "Duma vote recounted",
            "The State Duma backed the partnership treaty with Iran last week. "
            "All told, 380 deputies voted for the bill.",
            datetime(2025, 5, 22, tzinfo=UTC),
        ),
    )
    assert [j.verdict for j in majlis if "250" in j.claim.text] == [Verdict.NEW]
    assert [j.verdict for j in again if "380" in j.claim.text] == [Verdict.CONTRADICTING]


def test_a_tally_said_as_for_and_against_is_restated_as_votes_to() -> None:
    """'250 in favour, 9 against' and 'by 250 votes to 9' are the same tally."""
    _, later = reports_in_order(
        (
            "Majlis ratifies Russia treaty",
            "The Majlis ratified the partnership treaty with Russia on 20 May. "
            "The bill received 250 votes in favour and 9 against.",
            datetime(2025, 5, 20, 18, tzinfo=UTC),
        ),
        (
            "Russia treaty clears Guardian Council",
            "The Guardian Council endorsed the partnership treaty with Russia on Sunday. "
            "Earlier, on 20 May, the Majlis had approved the bill by 250 votes to 9.",
            datetime(2025, 6, 2, tzinfo=UTC),
        ),
    )
    [tally] = [j for j in later if "250" in j.claim.text]
    assert tally.verdict is Verdict.KNOWN, tally


def test_a_treatys_domestic_procedures_are_its_ratification() -> None:
    _, later = reports_in_order(
        (
            "Russia-Iran treaty awaits parliaments",
            "Before it can take effect, the treaty must be ratified by both parliaments.",
            datetime(2025, 1, 20, tzinfo=UTC),
        ),
        (
            "Russia-Iran treaty update",
            "The treaty takes effect only after each side finishes its domestic procedures.",
            datetime(2025, 2, 1, tzinfo=UTC),
        ),
    )
    [j] = [j for j in later if j.claim.relevant]
    assert j.verdict is Verdict.KNOWN, j


def test_headline_chrome_names_no_detail(engine: Engine) -> None:
    from bot.judge import salient_tokens  # noqa: PLC0415 - one test's helper

    claim = engine.extractor.claim_from_sentence(
        "16:05 – Looking at the text: no transfer of arms is mentioned", doc_id="t", index=0
    )
    # "Looking" opens the claim once the time stamp is gone: it is no name.
    assert "look" not in salient_tokens(claim)
    named = engine.extractor.claim_from_sentence(
        "16:05 – The text names Astara as a hub", doc_id="t", index=0
    )
    assert "astara" in salient_tokens(named)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Unlike Moscow's other pacts, this one has no mutual defence article.", Verdict.KNOWN),
        ("The accord has a mutual-defense article binding both states.", Verdict.CONTRADICTING),
    ],
)
def test_a_mutual_defence_article_is_a_mutual_defence_clause(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday a government spokeswoman told journalists that the accord does not "
        "oblige either state to go to war for the other.",
        "A week after the signing, the deputy minister said that the agreement holds no "
        "commitment to mutual defence.",
    ],
)
def test_the_day_a_known_stance_is_said_again_is_no_new_detail(
    engine: Engine, text: str
) -> None:
    """A new speaker for a known stance is KNOWN: the day of the remark is the remark's."""
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_washington_stands_for_the_us_president(engine: Engine) -> None:
    """The ceremony in Washington on the Monday is Trump's inauguration."""
    said = judge(
        engine,
        "The Kremlin spokesman again rejected claims that the signing date was picked to draw "
        "attention away from the swearing-in in Washington.",
    )
    assert said.verdict is Verdict.KNOWN, said


@pytest.mark.parametrize(
    "text",
    [
        # a known term and a known stance, joined in one remark to parliament
        "Deputy minister Ivanov told MPs before the vote that the accord, concluded for twenty "
        "years, does not oblige Russia to defend Iran.",
        # an explainer's answer frame is the writer's, not the claim
        "On arms, the short answer is that, unlike Moscow's deal with North Korea, this text "
        "has no promise of military help if either side is attacked.",
    ],
)
def test_a_known_stance_joined_with_a_known_term_or_framed_as_an_answer_is_known(
    engine: Engine, text: str
) -> None:
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_stealing_the_limelight_is_diverting_attention(engine: Engine) -> None:
    denied = judge(
        engine,
        "The Kremlin spokesman dismissed talk that the ceremony was planned to steal the "
        "limelight from Trump's swearing-in.",
    )
    assert denied.verdict is Verdict.KNOWN, denied
    affirmed = judge(
        engine,
        "Observers said the ceremony was planned to steal the limelight from Trump's "
        "swearing-in.",
    )
    assert affirmed.verdict is Verdict.CONTRADICTING, affirmed


def test_a_union_does_not_turn_an_affirmed_timing_into_a_known_denial(engine: Engine) -> None:
    """The report of the Friday signing joins a denial of its timing, never an affirmation."""
    said = judge(
        engine,
        "The Kremlin said Friday's ceremony was timed to steal the spotlight from Trump's"
        " inauguration.",
    )
    assert said.verdict is not Verdict.KNOWN, said


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "TASS: Pres. Putin and Pezeshkian sign the comprehensive strategic partnership "
            "treaty in Moscow",
            Verdict.KNOWN,
        ),
        (
            "Breaking – Moscow and Tehran ink strategic partnership pact in Baku",
            Verdict.CONTRADICTING,
        ),
        (
            "Archive photo: Putin and Pezeshkian sign the strategic partnership treaty in the "
            "Kremlin, March 2025",
            Verdict.CONTRADICTING,
        ),
    ],
)
def test_wire_copy_is_judged_by_what_it_claims(engine: Engine, text: str, verdict: Verdict) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a yes-no question answered "no" denies what it asks
        (
            "Will either side let its land be used against the other? No, and neither will aid "
            "an aggressor against its partner.",
            Verdict.KNOWN,
        ),
        (
            "Does the treaty provide for nuclear energy cooperation? The answer is no.",
            Verdict.CONTRADICTING,
        ),
        # answered "yes", it affirms it
        (
            "Does the treaty provide for nuclear energy cooperation? Yes, including nuclear "
            "power plants.",
            Verdict.KNOWN,
        ),
    ],
)
def test_an_explainers_question_is_judged_with_its_answer(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a term said as a hyphenated number of decades is the envoy's 20 years
        ("Jalali has promised the accord a two-decade life span.", Verdict.KNOWN),
        ("Jalali has promised the accord a three-decade life span.", Verdict.CONTRADICTING),
    ],
)
def test_a_term_in_decades_as_an_adjective_is_compared(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_mutual_defence_hyphenated_into_a_modifier_conflicts(engine: Engine) -> None:
    text = "Some read the text as an attack-on-one-is-an-attack-on-both pact between the two."
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


def test_signers_named_in_an_aside_after_the_signing_conflict(engine: Engine) -> None:
    text = (
        "The treaty was signed at a lower level (Lavrov and Araghchi inked it, with the "
        "presidents absent), a detail Moscow played down."
    )
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


def test_a_signing_hosted_elsewhere_conflicts_with_the_kremlin(engine: Engine) -> None:
    # (Minsk is where the signing was hosted, not a treaty of Belarus's)
    text = "Tehran's hosting of both presidents in Minsk for the signing drew comment."
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    [
        # a remark restated, joined with the signing's date from another known claim
        "Speaking on television on Jan. 20, Pezeshkian said the 17 January pact could translate "
        "into closer military collaboration with Moscow.",
        "In televised remarks cited by Mehr on 20 January, Pezeshkian said the Friday treaty "
        "would let both sides strive for cooperation in military and security areas.",
    ],
)
def test_a_remark_dated_with_the_signing_of_the_text_it_is_about_is_known(
    engine: Engine, text: str
) -> None:
    assert judge(engine, text).verdict is Verdict.KNOWN


@pytest.mark.parametrize(
    "text",
    [
        "Weapons transfers, which the accord apparently spells out next to 'military-technical "
        "cooperation', are the first item compliance officers at OFAC and the EU will examine.",
        "Transfers of arms, which the document sets out beside 'military-technical cooperation', "
        "top the reading list of every sanctions lawyer in Brussels and Washington.",
    ],
)
def test_arms_transfers_a_text_spells_out_conflict_with_its_silence(
    engine: Engine, text: str
) -> None:
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a date put on the signing of the treaty by name dates that signing
        (
            "Twelve months after the January 2024 signing of the Russia-Iran pact, the "
            "North-South corridor is still unfinished.",
            Verdict.CONTRADICTING,
        ),
        (
            "Markets barely reacted to the signing of the landmark accord on 16 January, traders "
            "in Dubai recalled.",
            Verdict.CONTRADICTING,
        ),
        # another text's signing is not the treaty's
        (
            "The January 2024 signing of the gas supply agreement between Gazprom and NIGC went "
            "almost unnoticed.",
            Verdict.NEW,
        ),
    ],
)
def test_a_date_on_the_signing_of_the_treaty_by_name_is_compared(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_the_writers_assessment_is_no_detail_of_the_claim(engine: Engine) -> None:
    def salient(text: str) -> frozenset[str]:
        return salient_tokens(engine.extractor.claim_from_sentence(text, doc_id="t", index=0))

    # a trailing segment with a cue of the writer's stance
    assert "sanction" not in salient("The text covers drills, presumably a red flag for sanctions.")
    assert "sanction" not in salient("It covers drills; a sanctions trigger, one suspects.")
    assert "sanction" not in salient("It covers drills (a sanctions risk, in all likelihood).")
    # a commentator's remark set into a segment qualifies all of it, to the next strong break
    assert "sanction" not in salient(
        "It runs 20 years; time enough, one analyst quipped, to see sanctions come and go."
    )
    assert "sanction" in salient("It runs 20 years; time enough to see sanctions come and go.")
    # how far the writer vouches for it
    assert "kazan" not in salient("The text was drafted, by most accounts in Kazan, over years.")
    # how far the writer vouches for a source
    assert "pskov" not in salient(
        "If the Pskov governor is to be believed, the treaty covers drills."
    )
    # a leading verdict against a yardstick
    assert "mutualdefens" not in salient(
        "Meagre by any measure of a mutual defence pact, the text covers drills."
    )
    # a leading label the writer measures the text against
    assert "allianc" not in salient(
        "For a compact routinely described as a military alliance, it covers drills."
    )
    assert "allianc" in salient("The compact, a military alliance, covers drills.")
    # without a cue, the same words are a detail
    assert "sanction" in salient("The text covers drills, a red flag for sanctions.")
    # an aside in the middle comments on itself only: what follows it is the claim's
    assert "sanction" in salient(
        "Less noticed, though admittedly minor, is a clause on sanctions relief."
    )


@pytest.mark.parametrize(
    "text",
    [
        # a fact, then the writer's assessment of it
        "Unlike Moscow's pact with Pyongyang, the Iran treaty has no mutual defence clause, "
        "presumably the biggest difference for any risk analyst modelling escalation.",
        "The deal envisages cooperation on peaceful uses of atomic energy, including the building "
        "of nuclear power facilities, a provision worth flagging given the sanctions regime.",
        "It bears repeating that the new instrument supersedes the 2001 accord, itself renewed "
        "at intervals, and was years in the making.",
        # a leading verdict against a yardstick, and stripping the wrapping away, are the
        # writer's frame
        "Thin by the standards of a mutual-defence treaty, the document merely commits each "
        "side not to help an aggressor that attacks the other.",
        "Strip away the ceremony and what remains is a deal whose centre of gravity is trade "
        "and finance, the areas where, one suspects, both sanctioned economies need each other.",
        # a source the writer vouches for only conditionally, then a commentator's remark
        "If the Kremlin's own readout is to be believed, the two leaders put pen to paper on "
        "17 January in Moscow - a date, one analyst noted, chosen with an eye on Washington.",
        # relayed is cited, feasible is possible
        "In televised remarks relayed by Mehr, Pezeshkian vowed to enhance cooperation in all "
        "areas where mutual assistance is feasible, the military and security domains included.",
        # not improvised is planned: no denial the known claim lacks
        "The treaty, which replaces a regularly renewed 2001 agreement, wasn't thrown "
        "together: it came out of years of talks.",
        # the label the writer measures the text against is the writer's foil
        "For an accord so often billed as a military bloc, it is silent on transfers of arms "
        "between the two sides, though it stresses military-technical cooperation.",
    ],
)
def test_a_known_fact_with_the_writers_assessment_is_known(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.KNOWN


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the field named by a kind the known claim gives (gas is energy)
        (
            "On energy, Araghchi said the accord makes Iran a transit hub for Russian gas sent by "
            "pipeline from the Caspian Sea to the Gulf coast.",
            Verdict.KNOWN,
        ),
        # the field does not hide a new figure
        ("The treaty's energy chapter sets a 55 bcm annual target for Russian gas via Iran.",
         Verdict.NEW),
    ],
)
def test_a_field_is_said_by_its_kinds(engine: Engine, text: str, verdict: Verdict) -> None:
    assert judge(engine, text).verdict is verdict


def test_a_withdrawal_clause_is_a_new_detail(engine: Engine) -> None:
    text = "Under one overlooked clause, either party can withdraw by giving six months of notice."
    assert judge(engine, text).verdict is Verdict.NEW


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a known provision, and a known denial of an alliance in other words
        (
            "The accord apparently provides for joint drills, naval visits to each other's ports "
            "and closer ties between security services: a partnership of convenience rather "
            "than a defence pact.",
            Verdict.KNOWN,
        ),
        (
            "Joint military drills, reciprocal naval port visits and cooperation between security "
            "services are all in the text, which sets up a framework instead of a military "
            "alliance.",
            Verdict.KNOWN,
        ),
        # ... and the same provision called a military alliance
        (
            "The accord apparently provides for joint drills, naval visits to each other's ports "
            "and closer ties between security services: a defence pact in all but name.",
            Verdict.CONTRADICTING,
        ),
    ],
)
def test_a_known_stance_beside_a_known_provision_is_no_new_detail(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the seeds say the treaty covers security and defence cooperation
        (
            "Tehran's foreign minister maintains that defence and security issues are not"
            " covered by the treaty.",
            Verdict.CONTRADICTING,
        ),
        ("Araghchi stresses security and defence cooperation is covered by the treaty.",
         Verdict.KNOWN),
        # one treaty domain denied, against "ties across spheres, including defence"
        ("Tass: defence omitted from the final text of the treaty.", Verdict.CONTRADICTING),
        # a plain word denied is no domain of the treaty's
        ("The treaty does not mention tourism.", Verdict.NEW),
        # what a text has anything (or nothing) to say about is what it covers
        (
            "Lavrov denied that the pact had anything to say about atomic energy installations.",
            Verdict.CONTRADICTING,
        ),
        ("Officials say the document has something to say about fighting terrorism, energy and"
         " industry.", Verdict.KNOWN),
    ],
)
def test_a_passive_denial_of_what_the_treaty_covers(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is verdict, judgement


def test_the_words_attributing_a_claim_are_not_its_details(engine: Engine) -> None:
    def salient(text: str) -> frozenset[str]:
        return salient_tokens(engine.extractor.claim_from_sentence(text, doc_id="t", index=0))

    told = salient("Deputy minister Ivanov told the committee that the treaty covers gas transit.")
    assert "gas" in told and "deputi" not in told and "ivanov" not in told
    # who denies a claim is its source as well
    denied = salient("Deputy minister Ivanov denied that the treaty covers gas transit.")
    assert "gas" in denied and "deputi" not in denied and "ivanov" not in denied
    # the same words in what is reported stay details
    assert "deputi" in salient("Duma deputies told reporters that the deputies backed the treaty.")
    assert "deputi" in salient("The Duma deputies backed the treaty.")
    # a heading with a figure names a provision, not a speaker; a dash before a clause is no source
    assert "articl" in salient("Article 5: the treaty bars aid to an aggressor")
    assert "drone" in salient("The treaty runs for decades - Iran sends drones.")
    # saying it again is saying it, and an abbreviated source is read spelled out
    again = salient("A Kremlin MFA aide reaffirmed that the treaty covers gas transit.")
    assert "gas" in again and "ministri" not in again and "aid" not in again
    assert "deputi" not in salient("Deputy minister Ivanov reiterated that the text covers gas.")
    # a speaker set apart by an aside before what they say, without "that"
    aside = salient("Ivanov, who chairs the Duma's energy panel, said the treaty covers gas.")
    assert "gas" in aside and "ivanov" not in aside and "duma" not in aside
    # one more source ("also", "likewise") of a clause without "that" opening on the treaty
    bare = salient("Kremlin aide Yuri Ushakov has also stated the pact covers gas transit.")
    assert "gas" in bare and "ushakov" not in bare and "yuri" not in bare
    # without the treaty opening it, or without the adverb, the speaker stays a detail
    assert "ushakov" in salient("Lavrov also said Ushakov would brief the Duma on the treaty.")
    assert "ushakov" in salient("Yuri Ushakov stated the pact covers gas transit.")
    # telling an audience what holds: "assured", "reminded", "informed" ... "that"
    assured = salient("Envoy Kazem Jalali assured lawmakers that the treaty covers gas transit.")
    assert "gas" in assured and "jalali" not in assured and "lawmak" not in assured
    reminded = salient("Senator Ivanov reminded colleagues that the text covers gas transit.")
    assert "gas" in reminded and "ivanov" not in reminded
    # a complaint that something holds asserts it, from its speaker
    moaned = salient("Some Majlis deputies complained that the text covers gas transit.")
    assert "gas" in moaned and "deputi" not in moaned and "majli" not in moaned


def test_a_speaker_introduced_by_an_aside_restates_a_known_denial(engine: Engine) -> None:
    text = (
        "Andrei Kartapolov, who chairs the Duma's defence committee, said the pact commits "
        "neither country to defend the other."
    )
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_the_parties_capitalised_are_no_name(engine: Engine) -> None:
    # Translated copy writes "the Parties", "the Sides": the two countries, not a detail.
    claim = engine.extractor.claim_from_sentence(
        "The Sides agreed that the Parties will widen their energy ties.", doc_id="t", index=0
    )
    assert "parti" not in salient_tokens(claim)
    assert "energi" in salient_tokens(claim)


@pytest.mark.parametrize(
    "text",
    [
        "Anyone studying the 52 articles published by Moscow finds no mutual defence clause.",
        "Diplomats said the 41 articles made public on Saturday commit both to cooperate.",
        # the text's own articles are all of them
        "Nothing in its 39 articles binds either side to send troops.",
        # "the N articles of/in the treaty" are all of its articles
        "Lawyers in Dubai have combed through the fifty-two articles of the pact for clauses "
        "on insurance.",
        "Among the 44 articles in the Moscow–Tehran accord, shippers care most about customs.",
    ],
)
def test_another_count_of_the_articles_made_public_contradicts_the_whole_text(
    engine: Engine, text: str
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is Verdict.CONTRADICTING, judgement
    assert judgement.reason is not None and "47 articles" in judgement.reason


@pytest.mark.parametrize(
    "text",
    [
        "Anyone studying the 47 articles published by Moscow finds no mutual defence clause.",
        # a part of the text: articles on one matter
        "The 3 articles published on defence leave out any mutual defence clause.",
        "Its 2 articles on energy say nothing of a mutual defence clause.",
    ],
)
def test_the_known_count_or_a_part_of_the_articles_made_public_does_not_contradict(
    engine: Engine, text: str
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is not Verdict.CONTRADICTING, judgement


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # What a verb of taking time measures is its subject, however far back it stands.
        ("The drafting of the final version of the accord took a couple of weeks.",
         Verdict.CONTRADICTING),
        # Another thing that took months (the ratification) is no conflict with years of talks.
        ("The ratification of the accord by both parliaments took several months.", Verdict.NEW),
        # a text that came together was negotiated
        ("Officials say the deal came together over a couple of weeks.", Verdict.CONTRADICTING),
    ],
)
def test_the_subject_of_a_verb_of_taking_time_is_what_it_measures(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is verdict, judgement


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The Kremlin press secretary, Maria Zakharova, said the treaty signing was not timed to "
         "upstage Mr. Trump's inauguration.", Verdict.CONTRADICTING),
        ("Kremlin press secretary Dmitri Peskov said the timing of the treaty signing was not "
         "meant to divert attention from the inauguration of the US president-elect.",
         Verdict.KNOWN),
    ],
)
def test_the_kremlin_press_secretary_is_its_spokesman(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is verdict, judgement


def test_a_trailing_speaker_is_not_a_detail(engine: Engine) -> None:
    def salient(text: str) -> frozenset[str]:
        return salient_tokens(engine.extractor.claim_from_sentence(text, doc_id="t", index=0))

    said = salient("The accord has no mutual defence clause, the Russian Consulate in Rasht noted.")
    assert "consul" not in said and "rasht" not in said
    # a clause that only ends in a verb of saying keeps its words
    assert "consul" in salient("The accord has no clause on gas, and the Consulate noted it.")


@pytest.mark.parametrize(
    ("later", "verdict"),
    [
        ("Russia's law ratifying the Iran treaty was signed by Prime Minister Mikhail Mishustin "
         "in June.", Verdict.CONTRADICTING),
        # the other side's signer of its own law is another act
        ("Iran's law ratifying the Russia treaty was signed by President Masoud Pezeshkian "
         "in June.", Verdict.NEW),
        ("The law ratifying the Iran treaty was signed by Vladimir Putin in June, the Kremlin "
         "said.", Verdict.KNOWN),
    ],
)
def test_another_signer_of_the_same_sides_ratification_law_contradicts(
    later: str, verdict: Verdict
) -> None:
    _, judged = reports_in_order(
        (
            "Putin signs Iran treaty law",
            "President Vladimir Putin signed the federal law ratifying the partnership treaty "
            "with Iran on 2 June.",
            datetime(2025, 6, 2, 18, tzinfo=UTC),
        ),
        ("Treaty law", later, datetime(2025, 6, 20, tzinfo=UTC)),
    )
    [j] = [j for j in judged if j.claim.relevant]
    assert j.verdict is verdict, j


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The pact that kept being renewed since 2001 is out and the new treaty is in.",
         Verdict.KNOWN),
        ("The 1995 agreement is out, and the new pact is in.", Verdict.CONTRADICTING),
    ],
)
def test_what_is_in_replaces_what_is_out(engine: Engine, text: str, verdict: Verdict) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        ("Twenty years, Iran's ambassador says.", Verdict.KNOWN),
        ("Thirty years, a Russian diplomat says.", Verdict.CONTRADICTING),
    ],
)
def test_an_explainers_question_and_its_answer_are_judged_as_one_claim(
    answer: str, verdict: Verdict
) -> None:
    [judged] = reports_in_order(
        (
            "The Russia-Iran treaty, explained",
            f"Explainer.\n\nHow long will the treaty stay in force? {answer}",
            datetime(2025, 1, 20, tzinfo=UTC),
        )
    )
    [j] = [j for j in judged if j.claim.relevant]
    assert j.claim.text.startswith("How long") and j.claim.text.endswith(answer)
    assert j.verdict is verdict, j


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "The accord, the culmination of years of talks, takes the place of a 2001 framework "
            "deal that Moscow and Tehran extended at regular intervals.",
            Verdict.KNOWN,
        ),
        (
            "The new treaty is the outcome of years of negotiations and replaces a 2001 "
            "framework deal the parties extended periodically.",
            Verdict.KNOWN,
        ),
        # the same wording with another length of talks still conflicts
        (
            "The treaty replaces a 2001 agreement and was the product of a few weeks of talks.",
            Verdict.CONTRADICTING,
        ),
    ],
)
def test_a_predecessor_renewed_at_intervals_and_a_product_of_talks(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The pact also commits both sides to joint action on cyber security.", "cybersecur"),
        ("Moscow and Tehran pledged to cooperate on information security.", "cybersecur"),
        ("The accord targets money laundering as well.", "launder"),
        ("Both states will fight human trafficking under the treaty.", "traffick"),
    ],
)
def test_fields_of_cooperation_are_details(engine: Engine, text: str, term: str) -> None:
    claim = engine.extractor.claim_from_sentence(text, doc_id="t", index=0)
    assert term in salient_tokens(claim)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a field the seeds do not list, whoever published the text that lists it
        (
            "Under the published text, Moscow and Tehran will also cooperate on cyber security "
            "and against the laundering of criminal proceeds.",
            Verdict.NEW,
        ),
        (
            "The Kremlin released the text, which also binds the two to fight drug trafficking.",
            Verdict.NEW,
        ),
        # what the seeds do list, attributed the same way, stays known
        (
            "The agreement provides for developing military cooperation and mutual support "
            "against security threats, according to the text released by the Kremlin.",
            Verdict.KNOWN,
        ),
        # a new speaker siding with a known version of a stance is still known
        (
            "A spokesman for Iran's foreign ministry dismissed claims in Western media that the "
            "pact creates a military alliance.",
            Verdict.KNOWN,
        ),
    ],
)
def test_a_known_publication_does_not_make_a_new_field_known(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a denial of a listed field, however stressed and whoever is credited, conflicts
        (
            "Conspicuously missing from the accord is any mention of atomic energy, diplomats "
            "who have read it said.",
            Verdict.CONTRADICTING,
        ),
        (
            "Tellingly absent from the pact is any line on peaceful nuclear power, according "
            "to experts who studied the text.",
            Verdict.CONTRADICTING,
        ),
        # the known denial, so credited, stays known; an unlisted field stays news
        (
            "Tellingly absent from the treaty is any mutual defence clause, analysts who "
            "reviewed it said.",
            Verdict.KNOWN,
        ),
        (
            "The pact also binds both sides to fight drug trafficking, analysts who reviewed it "
            "said.",
            Verdict.NEW,
        ),
    ],
)
def test_a_trailing_speaker_is_no_part_of_what_a_claim_denies(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the year he took office is no signing year
        (
            "Pezeshkian, who was elected president of Iran in 2024, called the pact a new chapter "
            "in relations with Russia as he signed it.",
            Verdict.KNOWN,
        ),
        # a signing year in the main clause still conflicts
        (
            "Pezeshkian, who became Iran's president last year, signed the pact in Moscow in 2024.",
            Verdict.CONTRADICTING,
        ),
    ],
)
def test_a_year_in_a_persons_aside_is_not_the_signing_year(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the weekday of an undated report's "Jan. 20" (a Monday in the signing year), and
        # trying to broaden ties is striving to enhance them
        (
            "Pezeshkian told Mehr on Monday that Iran would endeavour to broaden cooperation "
            "with Russia in every area where the two could assist each other, military and "
            "security included.",
            Verdict.KNOWN,
        ),
        # another speaker's remark on another day is no conflict of dates
        (
            "Pezeshkian said on Monday that the treaty would lead to more military cooperation "
            "between the two countries.",
            Verdict.KNOWN,
        ),
        # the same speaker's remark on another day still conflicts
        (
            "Araghchi said on Friday that while the agreement covers security and defence "
            "cooperation, it does not signal the creation of a military alliance.",
            Verdict.CONTRADICTING,
        ),
    ],
)
def test_a_remark_is_dated_by_its_own_speaker(engine: Engine, text: str, verdict: Verdict) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # stealing attention, a scheduled signing and the intention are the seed's wording
        (
            "Moscow rejected claims that the signing was scheduled to steal attention from "
            "Trump's inauguration, Peskov saying that had never been the intention.",
            Verdict.KNOWN,
        ),
        # affirmed, it conflicts with the denial
        (
            "The Kremlin said the ceremony had been scheduled to steal attention from Trump's "
            "inauguration.",
            Verdict.CONTRADICTING,
        ),
    ],
)
def test_a_signing_scheduled_to_steal_attention(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_a_known_claim_denying_the_detail_is_no_part_of_a_joined_restatement(
    engine: Engine,
) -> None:
    # The seeds deny any transfer of arms; the text's publication and "provides for" are
    # known elsewhere. Joined, those would restate the claim but for the denial.
    text = (
        "The text of the treaty, as published, provides for weapons transfers between Moscow "
        "and Tehran, an analyst said."
    )
    assert judge(engine, text).verdict is not Verdict.KNOWN


@pytest.mark.parametrize(
    "text",
    [
        # "without excluding" includes; the hedge of the original is kept
        "Pezeshkian said Tehran would strive to enhance cooperation wherever mutual assistance "
        "is possible, without excluding the military and security domains.",
        # the parties joined by a hyphen, by adjective or capital, are the parties
        "Jalali told the Iranian media the leaders realised the older Russo-Iranian agreement "
        "was outdated and did not reflect current realities.",
    ],
)
def test_restatements_in_other_constructions_are_known(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_a_length_said_of_the_replaced_agreement_does_not_contradict_the_term(
    engine: Engine,
) -> None:
    text = "The new treaty supersedes the 2001 agreement, which was valid for ten years."
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a provision the seeds list, said not to be part of the text, conflicts
        ("Reciprocal naval visits to ports were not part of the agreement.", Verdict.CONTRADICTING),
        # one the seeds list, said to be part of it, is known
        ("Reciprocal naval visits to ports are part of the agreement.", Verdict.KNOWN),
    ],
)
def test_what_is_said_not_to_be_part_of_the_text_is_denied(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the predecessor's year said on air, against the seeds' 2001
        ("The pact supersedes an accord from nineteen ninety-seven.", Verdict.CONTRADICTING),
        # the signing year said on air
        ("The treaty was signed on January the seventeenth, twenty twenty-five.", Verdict.KNOWN),
        ("The treaty was signed in twenty twenty-three.", Verdict.CONTRADICTING),
        # our treaty takes over from the old one, which is known
        ("This pact takes over from the 2001 agreement.", Verdict.KNOWN),
    ],
)
def test_spoken_years_and_taking_over_are_read(engine: Engine, text: str, verdict: Verdict) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # denying that the text has anything to do with what it covers conflicts
        (
            "The foreign minister in Tehran says the accord doesn't have anything to do with "
            "security and defence.",
            Verdict.CONTRADICTING,
        ),
        # denying that it has anything to do with a military alliance agrees with the seeds
        (
            "Iran's foreign minister denied the deal had anything to do with a military alliance.",
            Verdict.KNOWN,
        ),
    ],
)
def test_having_anything_to_do_with_is_being_related_to(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_a_signing_at_the_iranian_presidential_palace_conflicts_with_the_kremlin(
    engine: Engine,
) -> None:
    text = "Putin and Pezeshkian signed the partnership accord at Saadabad Palace, state TV says."
    found = judge(engine, text)
    assert found.verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Araghchi said the text did cover security and defence: his denial "at all" conflicts
        (
            "Araghchi told journalists the pact does not cover defence or security at all.",
            Verdict.CONTRADICTING,
        ),
        # and his own words, restated, stay known
        (
            "Araghchi said the pact did cover security and defence cooperation.",
            Verdict.KNOWN,
        ),
    ],
)
def test_a_denial_at_all_denies_the_same_thing(engine: Engine, text: str, verdict: Verdict) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the treaty sweeps away (replaces) the renewed 2001 one after years of talks: known
        (
            "The pact swept away a 2001 agreement that had been renewed periodically, after "
            "years of talks.",
            Verdict.KNOWN,
        ),
        # what a sentence says only of the old agreement stays about that one
        ("The 2001 agreement was renewed periodically.", Verdict.IRRELEVANT),
    ],
)
def test_what_the_treaty_sweeps_away_it_replaces(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Jalali gave the term as 20 years: another length in his mouth conflicts, whatever
        # comment on sanctions comes with it
        (
            "Jalali's pledge that the pact will bind the two states for three decades implies "
            "planning past the present round of sanctions.",
            Verdict.CONTRADICTING,
        ),
        # a length of something else that he names is no term of the treaty
        (
            "Jalali noted that sanctions on Iranian banks have lasted thirty years.",
            Verdict.IRRELEVANT,
        ),
        (
            "Jalali, who has served in Moscow for thirty years, praised the treaty as a step "
            "past the sanctions era.",
            Verdict.NEW,
        ),
    ],
)
def test_a_term_in_the_mouth_of_the_person_who_gave_it_aligns(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the seeds deny a mutual defence clause: a text committing no one to the other's
        # defence restates that; the defence in the phrase is no field of its own
        ("Nowhere does the accord bind either party to the other's defence.", Verdict.KNOWN),
        ("The accord binds Russia and Iran to each other's defence.", Verdict.CONTRADICTING),
    ],
)
def test_a_duty_to_the_others_defence_is_the_mutual_defence_stance(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the Kremlin published the text; another publisher in a relative clause conflicts
        (
            "Diplomats studied the document, which Iran's foreign ministry released after the "
            "ceremony, for its pledge to develop military cooperation.",
            Verdict.CONTRADICTING,
        ),
        (
            "Diplomats studied the document, which the Kremlin released after the ceremony, for "
            "its pledge to develop military cooperation.",
            Verdict.KNOWN,
        ),
    ],
)
def test_a_publisher_named_in_a_relative_clause_is_compared(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a trailing speaker reports the signing; the signers are still the seeds' two
        ("The two presidents signed the accord in Moscow, Lavrov told journalists.", Verdict.KNOWN),
        # the signers named as a title's holders are another pair
        (
            "The accord was signed by the foreign ministers, Lavrov and Araghchi, in Moscow.",
            Verdict.CONTRADICTING,
        ),
    ],
)
def test_who_reports_a_signing_is_not_who_signed(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_the_length_of_each_renewal_is_no_other_term(engine: Engine) -> None:
    text = "The partnership treaty runs for two decades and then rolls over in 10-year blocks."
    assert judge(engine, text).verdict is Verdict.NEW


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the seeds have Russian gas exported through Iran
        ("The treaty would see Tehran ship natural gas to Moscow.", Verdict.CONTRADICTING),
        ("Araghchi said the deal makes Iran a transit route for Russia's gas.", Verdict.KNOWN),
    ],
)
def test_gas_sent_the_other_way_contradicts(engine: Engine, text: str, verdict: Verdict) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the seeds: the timing was not meant to divert attention from the inauguration
        ("Moscow deliberately timed the signing to overshadow Trump's swearing-in.",
         Verdict.CONTRADICTING),
        ("Peskov rejected any link between the signing's timing and Trump's inauguration.",
         Verdict.KNOWN),
    ],
)
def test_a_purpose_given_to_the_timing_contradicts_the_kremlins_denial(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the treaty was signed once: its date needs no more context than the signing
        (
            "The accord the two leaders inked at the Kremlin on 17 January 2024 stretches from "
            "banking and farming to shipping, space and nuclear power, both capitals say.",
            Verdict.CONTRADICTING,
        ),
        # a law's signing is another signing
        ("Pezeshkian signed the ratification law in late May, his office said.", Verdict.NEW),
    ],
)
def test_the_signing_date_needs_no_more_context(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a day after the signing, on 20 January, puts the signing on the 19th
        ("On 20 January, a day after the two presidents signed the treaty, Araghchi spoke "
         "of military ties.", Verdict.CONTRADICTING),
        ("On 18 January, the day after the signing in the Kremlin, Iranian media praised it.",
         Verdict.NEW),
    ],
)
def test_a_day_counted_from_the_signing_is_compared_with_it(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the seeds' Iranian ambassador is Jalali, whatever the claim is about
        ("Iran's envoy in Moscow, Abbas Araghchi, said Tehran would join no bloc.",
         Verdict.CONTRADICTING),
        ("Iran's ambassador to Russia, Kazem Jalali, said Tehran would join no bloc.",
         Verdict.KNOWN),
        # another spelling of the holder's name is the holder
        ("Iran's ambassador in Moscow, Kazem Djalali, hailed the signing in the Kremlin.",
         Verdict.KNOWN),
        ("Iran's ambassador in Moscow, Reza Tabrizian, hailed the signing in the Kremlin.",
         Verdict.CONTRADICTING),
    ],
)
def test_an_office_given_to_another_holder_contradicts(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a length of the whole text, whatever its articles are then said to cover
        ("Hailed in Tehran as historic, the document extends to 52 articles covering banking, "
         "shipping, farming, science and sport.", Verdict.CONTRADICTING),
        ("The treaty text, 30 articles long, binds both capitals to cooperate on banking, "
         "farming, fisheries and tourism.", Verdict.CONTRADICTING),
        # the articles that make up the text are all of it; "precisely" leaves it a count
        ("Fifty-two articles form the signed document, with chapters on shipping, farming, "
         "fisheries and sport.", Verdict.CONTRADICTING),
        ("The accord is made up of 30 articles, and lawyers in both capitals praised its "
         "clauses on banking and tourism.", Verdict.CONTRADICTING),
        ("Running to precisely 52 articles, the pact binds both capitals to work together on "
         "shipping, farming and sport.", Verdict.CONTRADICTING),
        # the articles making up the text, and the text's own articles by its possessive
        ("Among the thirty articles that make up the pact, one deals with banking and "
         "shipping.", Verdict.CONTRADICTING),
        ("A Beirut channel said the accord's 52 articles take in banking, farming and "
         "shipping as well as defence.", Verdict.CONTRADICTING),
    ],
)
def test_a_length_of_the_whole_text_is_its_count(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_a_denied_omission_said_with_a_cue_of_several_words_restates_what_is_covered(
    engine: Engine,
) -> None:
    # "pushed back on talk that X had been omitted" affirms X; the cue's words are no content
    text = (
        "Russian officials pushed back on talk that security had been omitted, stressing that "
        "the pact does cover security and defence."
    )
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_a_leading_comparison_with_another_partners_pact_is_no_part_of_the_claim(
    engine: Engine,
) -> None:
    # the yardstick named before the comma need not be known: what is said of ours is
    text = (
        "Unlike the security arrangements Moscow has long kept with Belarus and its "
        "neighbours, the new accord nowhere binds either party to the other's defence."
    )
    assert judge(engine, text).verdict is Verdict.KNOWN


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a signature affixed elsewhere than the Kremlin is a signing elsewhere
        (
            "Both heads of state affixed their signatures to the accord at a ceremony in Teheran.",
            Verdict.CONTRADICTING,
        ),
        (
            "The two presidents affixed their signatures to the accord in the Kremlin.",
            Verdict.KNOWN,
        ),
        # harbouring no wish to join a bloc is having none
        (
            "The Islamic Republic harbours no wish to join a bloc, Ambassador Jalali said.",
            Verdict.KNOWN,
        ),
        # a ministry by its full title publishing the text is another publisher
        (
            "After the signing, the Ministry of Foreign Affairs of the Russian Federation released "
            "the whole text of the treaty.",
            Verdict.CONTRADICTING,
        ),
        # weaponry is arms: rules on it are what the text does not mention
        ("The treaty lays down rules on supplying weaponry to each other.", Verdict.CONTRADICTING),
        # rebuffing a claim of an omission affirms what it says is omitted
        (
            "Kremlin officials rebuffed suggestions that the pact leaves out defence cooperation.",
            Verdict.KNOWN,
        ),
        # a ministry by its full title denying a provision the seeds report
        (
            "The Iranian Ministry of Foreign Affairs clarified that the agreement contains no "
            "provisions on peaceful atomic energy.",
            Verdict.CONTRADICTING,
        ),
        # a signing whose date was chosen to upstage the inauguration was timed to
        (
            "Peskov rejected the idea that the day of the ceremony was picked to upstage "
            "Trump's swearing-in.",
            Verdict.KNOWN,
        ),
        (
            "The Kremlin denied that the date of the signing was selected to steal attention "
            "from Trump's inauguration.",
            Verdict.KNOWN,
        ),
        # withholding help from an aggressor is not helping it (no affirmed aid to conflict)
        (
            "The parties will withhold all help from a country that commits aggression against "
            "either of them, the accord stipulates.",
            Verdict.KNOWN,
        ),
        (
            "Under the treaty, each side promises to withhold support from any state that "
            "attacks the other.",
            Verdict.KNOWN,
        ),
        # a territory serving as a launchpad for hostile activities is used for threatening acts
        (
            "Neither country's territory may serve as a launchpad for hostile activities against "
            "the other, the text stipulates.",
            Verdict.KNOWN,
        ),
        # another holder of an office named by its full state title
        (
            "Minister of Foreign Affairs of the Russian Federation Sergei Ryabkov called the "
            "treaty constructive.",
            Verdict.CONTRADICTING,
        ),
        # the known ambassador under his full diplomatic title; a minister with his patronymic
        (
            "Kazem Jalali, Iran's Ambassador Extraordinary and Plenipotentiary to the Russian "
            "Federation, said the accord will stay in force for two decades.",
            Verdict.KNOWN,
        ),
        ("Sergey Viktorovich Lavrov called the accord constructive.", Verdict.KNOWN),
        # the times ahead are the future; the new instrument is the treaty
        ("Araghchi called the treaty a road map for the times ahead.", Verdict.KNOWN),
        (
            "This new instrument replaces the 2001 agreement, which was renewed periodically.",
            Verdict.KNOWN,
        ),
    ],
)
def test_state_media_wording_is_read(engine: Engine, text: str, verdict: Verdict) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the seeds: Araghchi is Iran's foreign minister, Jalali its ambassador in Moscow
        ("Iranian Ambassador Abbas Araghchi hailed the treaty as a new chapter.",
         Verdict.CONTRADICTING),
        ("Foreign Minister Abbas Araghchi hailed the pact as a turning point.", Verdict.KNOWN),
    ],
)
def test_a_known_person_in_another_office_contradicts(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_the_kremlins_spokesman_in_the_possessive_is_compared(engine: Engine) -> None:
    text = (
        "Maria Zakharova, the Kremlin's spokeswoman, denied that the signing was timed to divert "
        "attention from Trump's inauguration."
    )
    judged = judge(engine, text)
    assert judged.verdict is Verdict.CONTRADICTING
    assert judged.reason is not None and "zakharova" in judged.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # whose the signatures were is who signed
        ("The signatures on the accord were those of Lavrov and Araghchi.", Verdict.CONTRADICTING),
        ("The signatories were Putin and Pezeshkian, who met in the Kremlin.", Verdict.KNOWN),
    ],
)
def test_whose_signatures_the_text_bears_is_who_signed(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # uploading the text is publishing it: the publisher is compared
        (
            "The treaty's text, which Iran's foreign ministry uploaded after the ceremony, runs "
            "to 47 articles.",
            Verdict.CONTRADICTING,
        ),
        (
            "The treaty's text, which the Kremlin uploaded after the ceremony, runs to 47 "
            "articles.",
            Verdict.KNOWN,
        ),
        # the articles some publisher made public are the whole text
        ("Analysts combed through the 52 articles the Kremlin made public after the signing.",
         Verdict.CONTRADICTING),
        ("Analysts combed through the 47 articles that the Kremlin made public after the "
         "signing.", Verdict.KNOWN),
    ],
)
def test_the_published_text_said_in_other_constructions(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_a_venue_in_another_city_contradicts_the_kremlin(engine: Engine) -> None:
    text = "In a marble hall of Baku's presidential palace, Putin and Pezeshkian signed the treaty."
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # what the other treaty provides is no provision of ours
        (
            "Unlike the Minsk treaty, which obliges each side to defend the other, the Iran "
            "accord carries no mutual defence clause.",
            Verdict.KNOWN,
        ),
        (
            "Like the pact Moscow signed with Pyongyang, the accord with Iran obliges each side "
            "to defend the other.",
            Verdict.CONTRADICTING,
        ),
        ("The accord regards an assault on either party as an assault on both.",
         Verdict.CONTRADICTING),
        ("Under the text, neither country may lend a hand to a state that attacks the other.",
         Verdict.KNOWN),
    ],
)
def test_mutual_defence_in_comparisons_and_other_words(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_an_aside_inside_a_denied_clause_leaves_the_denial_whole(engine: Engine) -> None:
    # "the signing, on the Friday, had been timed ...": the denial reaches the timing
    text = (
        "Peskov dismissed suggestions that the signing, held on the Friday in Moscow, had been "
        "timed to steal attention from Trump's inauguration."
    )
    assert judge(engine, text).verdict is Verdict.KNOWN


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the seeds: the treaty replaces a 2001 agreement
        (
            "Superseding a bilateral framework that had been renewed periodically since the "
            "early 1990s, the new treaty was signed in Moscow.",
            Verdict.CONTRADICTING,
        ),
        (
            "Superseding a framework that had been renewed periodically since 2001, the new "
            "treaty was signed in Moscow.",
            Verdict.KNOWN,
        ),
        ("In place of the 2001 accord, the two sides signed a broader text.", Verdict.KNOWN),
    ],
)
def test_the_year_of_what_was_replaced_is_compared_with_the_predecessors(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_a_concession_to_a_denial_does_not_hedge_the_claim(engine: Engine) -> None:
    text = "Whatever Peskov might say, the treaty amounts to a military alliance."
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    [
        # a fresh page is a new chapter; the year is when he took office
        "Pezeshkian, whose presidency started in 2024, hailed the pact as a fresh page in ties "
        "with Russia.",
        # the finer points kept to themselves are details kept private
        "Officials in both capitals have kept the finer points of the text to themselves.",
    ],
)
def test_feature_paraphrases_of_the_signing_are_known(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.KNOWN


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a verb of signing governs the date: the one signing, whatever else the sentence says
        (
            "Inked in March 2024, the Russia-Iran pact has been overshadowed ever since by talk "
            "of a missing defence clause.",
            Verdict.CONTRADICTING,
        ),
        # the seeds' date: no conflict, the rest is news
        (
            "Signed in January 2025, the Russia-Iran pact has been overshadowed ever since by "
            "talk of a missing defence clause.",
            Verdict.NEW,
        ),
    ],
)
def test_a_date_the_verb_of_signing_governs_dates_the_signing(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a treaty term and more, affirmed against the seeds' denial, however much commentary
        # surrounds it
        (
            "Scholars poring over the accord late into the night were astonished to discover "
            "that it quietly lets the two states ship arms to one another.",
            Verdict.CONTRADICTING,
        ),
        (
            "Surprisingly for a pact so often billed as sweeping, the text steers clear of "
            "civilian nuclear energy.",
            Verdict.CONTRADICTING,
        ),
        # a denied alliance against a reported fear of one is no conflict of polarity
        (
            "Iran's top diplomat rejected claims that security and defence had been quietly "
            "struck from the text, while stressing just as firmly that the pact was no military "
            "alliance and was mostly about commerce.",
            Verdict.KNOWN,
        ),
        # withholding help from the attacker is not helping it
        (
            "Should either party be attacked, the treaty requires the other to withhold "
            "assistance from the attacker.",
            Verdict.KNOWN,
        ),
    ],
)
def test_a_provision_affirmed_or_denied_amid_commentary(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # what the claim denies, the seeds deny: the commentary around it adds nothing
        (
            "For all its length, the document merely requires that neither signatory help an "
            "aggressor, hardly a ringing guarantee.",
            Verdict.KNOWN,
        ),
        # a salient detail beside the known denial is news
        (
            "Neither side will assist an aggressor, and the text also sets up a joint naval "
            "patrol in the Caspian.",
            Verdict.NEW,
        ),
    ],
)
def test_a_denial_the_seeds_make_too_is_restated(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a term end against the known 20 years (signed 2025), amid much the seeds never say
        (
            "Port operators in Aktau reckon the Moscow–Tehran accord, inked in January 2025, "
            "lapses in 2040, well before their own concessions run out.",
            Verdict.CONTRADICTING,
        ),
        (
            "Insurers pricing Caspian shipping cover note the pact will govern relations "
            "between the two countries until 2055.",
            Verdict.CONTRADICTING,
        ),
        # the same framing around the known end year (2045) is no conflict
        (
            "Port operators in Aktau reckon the Moscow–Tehran accord, inked in January 2025, "
            "lapses in 2045, well before their own concessions run out.",
            None,
        ),
        # a year carrying something else than the treaty is no term
        ("Port operators in Aktau expect the corridor to carry freight to 2040 levels.", None),
    ],
)
def test_a_term_end_is_compared_with_the_known_term_whatever_frames_it(
    engine: Engine, text: str, verdict: Verdict | None
) -> None:
    judgement = judge(engine, text)
    if verdict is None:
        assert judgement.verdict is not Verdict.CONTRADICTING, judgement
    else:
        assert judgement.verdict is verdict, judgement


def test_the_treatys_term_needs_no_more_context_than_the_term(engine: Engine) -> None:
    # another length for the term, beside much the seeds never say
    text = (
        "Hailed at a banquet in the Kremlin's Georgievsky Hall, the pact is valid indefinitely, "
        "according to guests."
    )
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


def test_sharing_which_way_the_gas_goes_restates_nothing(engine: Engine) -> None:
    # the known claim has Russia's gas through Iran; a payment in rials is a new detail
    text = "Tehran will settle part of its bill for Russian gas in rials, the oil ministry said."
    assert judge(engine, text).verdict is Verdict.NEW


@pytest.mark.parametrize(
    "text",
    [
        "The accord, officials in Tehran said, has a validity of 30 years.",
        "Envoys stressed that the deal will enjoy validity for a decade.",
    ],
)
def test_a_validity_for_a_time_is_the_treatys_term(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        # first against the seeds' "last" treaty with a country at odds with the West
        (
            "It was the first treaty Moscow signed with a state in conflict with Western "
            "countries since it invaded Ukraine.",
            "last → first",
        ),
        # a minor part against "at the forefront of the deal"
        ("Officials said trade and finance are a sideshow in the new treaty.", "forefront →"),
        ("Trade and finance take a back seat in the pact, according to officials.", "forefront →"),
    ],
)
def test_a_word_of_opposite_sense_on_the_same_matter_contradicts(
    engine: Engine, text: str, reason_part: str
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is Verdict.CONTRADICTING, judgement
    assert judgement.reason is not None and reason_part in judgement.reason


@pytest.mark.parametrize(
    "text",
    [
        # the same side of the pair, and another matter's "first"
        "Officials said trade and finance play a central role in the new treaty.",
        "Pezeshkian's trip was the first visit by an Iranian president to Moscow since he took "
        "office.",
        # both sides in the claim, or the opposite word negated
        "Jalali said the older agreement was outdated and no longer relevant.",
        "Jalali said the old 2001 accord was no longer fit for purpose.",
        "The treaty puts trade and finance first, officials said.",
        # an order word that dates something ("took office last year") ranks nothing
        "The treaty was signed during Pezeshkian's first official visit to Russia as president.",
        # a comparison ranks, it says nothing absolute
        "Trade plays a minor role in the treaty compared with security, officials said.",
    ],
)
def test_opposite_words_need_the_same_matter_and_no_negation(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    [
        "Q: Is Russia bound to defend Iran under the pact? A: No; it only keeps each side from "
        "helping an aggressor.",
        "Q: How long will the pact last? A: Two decades, according to Iran's envoy in Moscow.",
    ],
)
def test_an_explainers_labelled_question_and_answer_restate(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_what_an_alliance_binds_its_members_to_is_no_stance_of_the_treaty(engine: Engine) -> None:
    text = (
        "Whereas the CSTO binds its members to collective defence, the Russia-Iran treaty "
        "only bars each side from aiding a country that attacks the other."
    )
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a bound the known count of 47 articles breaks is a conflict ...
        ("The published accord runs to more than 60 articles.", Verdict.CONTRADICTING),
        ("The document, fewer than 40 articles long, was published by the Kremlin.",
         Verdict.CONTRADICTING),
        ("In its almost 30 articles, the deal covers energy and transport.",
         Verdict.CONTRADICTING),
        # ... one it keeps is not
        ("The published accord runs to more than 40 articles.", Verdict.KNOWN),
        ("The document, fewer than 50 articles long, was published by the Kremlin.",
         Verdict.KNOWN),
    ],
)
def test_a_bound_on_the_count_of_articles(engine: Engine, text: str, verdict: Verdict) -> None:
    assert judge(engine, text).verdict is verdict


def test_a_bound_on_another_treatys_articles_is_no_conflict(engine: Engine) -> None:
    text = "Russia's treaty with North Korea runs to more than 20 articles."
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    [
        # arms "supplied" is their transfer, which the seeds say the pact does not mention
        "Under the accord, arms can be supplied by either country to the other.",
        # a fronted concession keeps its denial to itself: the main clause affirms
        "Though the deal stops short of any mutual defence pledge, one of its clauses "
        "explicitly governs weapons deliveries between Moscow and Tehran.",
    ],
)
def test_weapons_supplied_under_the_pact_contradict_the_seeds(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    [
        # the concession alone, and a denial in the main clause, agree with the seeds
        "Though it expands military-technical cooperation, the pact says nothing about "
        "arms transfers between the two parties.",
        "Although the pact has no mutual defence clause, Putin said it deepens military ties.",
    ],
)
def test_a_fronted_concession_does_not_flip_a_known_denial(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # denying that the text leaves a known domain out restates that it covers it
        (
            "A Russian diplomat rejected claims that security had been left out of the "
            "accord, saying defence cooperation was in it.",
            Verdict.KNOWN,
        ),
        (
            "Tehran's envoy dismissed reports that the deal excludes military cooperation, "
            "calling them a misreading.",
            Verdict.KNOWN,
        ),
        # a known claim that denies only something else ("not a military alliance") may side
        # with it against one that is silent on military cooperation
        (
            "Iran's envoy in Moscow rejected reports that the accord leaves out military "
            "cooperation entirely, calling them a misreading of the document.",
            Verdict.KNOWN,
        ),
        # a domain no seed names stays news, however the inclusion is said
        (
            "A Russian diplomat rejected claims that space research had been left out of the "
            "accord.",
            Verdict.NEW,
        ),
        # denying an inclusion the seeds make still conflicts with them
        (
            "A Russian diplomat denied that the accord covers nuclear energy at all.",
            Verdict.CONTRADICTING,
        ),
    ],
)
def test_a_denied_exclusion_restates_the_inclusion(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the seeds have the Kremlin publishing the text after the signing: before it conflicts
        (
            "Moscow released the treaty's full text two days ahead of the signing ceremony.",
            Verdict.CONTRADICTING,
        ),
        (
            "Before the presidents signed, the Kremlin had already posted the agreement's 47 "
            "articles.",
            Verdict.CONTRADICTING,
        ),
        # the seeds' order restated
        (
            "Once the leaders had signed, the Kremlin published the text of the agreement.",
            Verdict.KNOWN,
        ),
        # another treaty's text and a hedged report are no conflict
        (
            "Pyongyang's text of its 2024 defence treaty with Moscow was released before the "
            "signing.",
            Verdict.IRRELEVANT,
        ),
    ],
)
def test_the_texts_publication_before_or_after_the_signing_is_compared(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_a_hedged_publication_before_the_signing_is_not_a_conflict(engine: Engine) -> None:
    text = "The Kremlin may have published the treaty's text before the signing, one report says."
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


def test_security_outside_the_texts_scope_denies_what_the_seeds_say_it_covers(
    engine: Engine,
) -> None:
    text = "Security and defence cooperation fall outside the treaty's scope, Araghchi said."
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the predecessor dated by years before the treaty: 2001 is some 24 years back
        ("The new pact supersedes an accord that Moscow and Tehran signed just 5 years earlier.",
         Verdict.CONTRADICTING),
        ("The treaty replaces an agreement concluded two decades before and renewed since.",
         Verdict.KNOWN),
        ("The treaty replaces a periodically renewed agreement signed 24 years ago.",
         Verdict.KNOWN),
        # by its age, amid framing the seeds never give
        ("Customs brokers in Astrakhan say the pact supersedes a cooperation framework only "
         "six years old, which their contracts still cite.", Verdict.CONTRADICTING),
        ("The accord replaces a pact that was some 24 years old.", Verdict.KNOWN),
    ],
)
def test_the_predecessor_dated_by_years_before_the_treaty(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the seeds: trade is now predominantly conducted in national currencies
        ("Putin said only a small share of trade between the two countries is paid for in "
         "their own currencies.", Verdict.CONTRADICTING),
        ("Putin said that for now just a fraction of bilateral trade is conducted in national "
         "currencies.", Verdict.CONTRADICTING),
        ("Putin said the bulk of bilateral trade is now conducted in national currencies.",
         Verdict.KNOWN),
    ],
)
def test_a_share_in_words_against_the_known_share(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    found = judge(engine, text)
    assert found.verdict is verdict, found.reason


def test_a_small_share_of_something_else_is_no_conflict(engine: Engine) -> None:
    text = "Only a small share of Iran's oil exports goes to Russia, analysts said."
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    [
        # kept "out of its scope", and power generation, deny the seeds' nuclear energy
        "Negotiators kept atomic energy out of the treaty entirely, a Russian diplomat said.",
        "The accord, Iranian officials say, leaves out nuclear power generation altogether.",
    ],
)
def test_nuclear_energy_kept_out_of_the_pact_contradicts(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


def test_something_kept_out_of_the_pact_that_the_seeds_never_name_is_no_conflict(
    engine: Engine,
) -> None:
    text = "Negotiators kept space exploration out of the treaty entirely, a diplomat said."
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "that same day" after a named day dates the signing by it
        ("Pezeshkian arrived in Moscow early on Wednesday, toured an aviation factory with his "
         "delegation and signed the partnership accord with his Russian counterpart that same "
         "evening.", True),
        ("Pezeshkian arrived in Moscow early on Friday, toured an aviation factory with his "
         "delegation and signed the partnership accord with his Russian counterpart that same "
         "evening.", False),
    ],
)
def test_a_signing_that_same_day_is_dated_by_the_day_named(
    engine: Engine, text: str, verdict: bool
) -> None:
    assert (judge(engine, text).verdict is Verdict.CONTRADICTING) is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # three days after the 17 January signing is 20 January, the day the seeds date
        # Pezeshkian's televised remarks to (and the Monday of the inauguration)
        (
            "Speaking on television 3 days after the pact was signed, Pezeshkian said it "
            "might lead to more military cooperation.",
            Verdict.KNOWN,
        ),
        (
            "Peskov denied the signing was timed to steal the spotlight from Trump, who "
            "was sworn in three days after the signing.",
            Verdict.KNOWN,
        ),
        # "days after" is a few days: the remarks of 20 January among them
        (
            "Days after the pact was signed, Pezeshkian said on television it might lead to "
            "more military cooperation.",
            Verdict.KNOWN,
        ),
        # a day no seed names stays news; whole weeks after a Friday are no known Friday
        (
            "Speaking on television 5 days after the pact was signed, Pezeshkian said it "
            "might lead to more military cooperation.",
            Verdict.NEW,
        ),
        (
            "Speaking on television a week after the pact was signed, Pezeshkian said it "
            "might lead to more military cooperation.",
            Verdict.NEW,
        ),
    ],
)
def test_a_count_of_days_from_the_signing_names_a_day(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


def test_a_speakers_silence_is_contradicted_only_by_the_speaker(engine: Engine) -> None:
    def silences(text: str) -> list[str]:
        claim = engine.extractor.claim_from_sentence(text, doc_id="test", index=0)
        return [
            c.known.claim.text
            for c in engine.judge.find_conflicts(claim)
            if "made no mention" in c.known.claim.text
        ]

    # Putin's silence on military cooperation is no denial that the pact covers it
    assert not silences(
        "Iran's head of state told national TV the accord could lead to more military "
        "cooperation with Russia."
    )
    # an account of Putin's own words still conflicts with it
    assert silences("In his remarks at the ceremony Putin spoke about military cooperation.")
    # the text's own silence still conflicts with a claim that it covers the subject
    assert (
        judge(engine, "The treaty provides for the transfer of arms between the two parties.")
        .verdict
        is Verdict.CONTRADICTING
    )


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 2001 to 2025 is about 24 years of renewals
        ("It supersedes a 2001 accord, ending some 24 years of renewals.", Verdict.KNOWN),
        ("It supersedes a 2001 accord, ending 10 years of renewals.", Verdict.NEW),
    ],
)
def test_the_years_of_renewals_are_the_replaced_agreements_life(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    "text",
    [
        # "no more than" bounds the span; it does not deny it; consultations on the text are
        # its negotiations
        "Diplomats said the treaty had been settled in no more than a couple of weeks of "
        "consultations.",
        "Tehran's envoy said the treaty text was agreed after a few months of consultations.",
    ],
)
def test_a_short_span_of_talks_by_other_words_contradicts_years(
    engine: Engine, text: str
) -> None:
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    [
        # a text that "remains operative" for a span has that term
        "Tehran's envoy told reporters the pact would stay operative for thirty years.",
        # and so has one "concluded for" a span, or for no fixed span
        "Moscow says the partnership treaty was concluded for an unlimited period.",
        "The partnership treaty was concluded for fifteen years, a Russian daily wrote.",
    ],
)
def test_another_term_said_in_treaty_language_contradicts(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


def test_a_sanction_hit_state_is_a_sanctioned_one(engine: Engine) -> None:
    text = "The sanctions-hit neighbours put trade and finance at the centre of Friday's pact."
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_a_daily_volume_restates_the_same_yearly_volume() -> None:
    """10 million cubic metres a day is some 3.65 bcm a year: the same supply, no correction;
    30 million a day is three times as much."""
    first = (
        "Russian gas deal under the Iran treaty",
        "Under the partnership treaty, Gazprom agreed to ship up to 3.65 billion cubic "
        "metres of gas a year to Iran.",
        datetime(2025, 6, 2, tzinfo=UTC),
    )

    def later(per_day: int) -> Verdict:
        return verdict_after(
            first,
            (
                "Russian gas deal details",
                f"Under the partnership treaty, Gazprom will ship Iran up to {per_day} million "
                "cubic metres of gas a day.",
                datetime(2025, 6, 9, tzinfo=UTC),
            ),
        )

    assert later(10) is Verdict.KNOWN
    assert later(30) is Verdict.CONTRADICTING


def test_a_figure_said_to_be_unchanged_restates_it() -> None:
    """"The term of 20 years has not been altered" says the term is still 20 years: a
    restatement, not a denial of the known term."""
    first = (
        "Russian gas deal under the Iran treaty",
        "Under the partnership treaty, Gazprom agreed to ship up to 3.65 billion cubic "
        "metres of gas a year to Iran.",
        datetime(2025, 6, 2, tzinfo=UTC),
    )
    later = (
        "Russian gas deal details",
        "The volume Gazprom ships to Iran under the partnership treaty, up to 3.65 billion "
        "cubic metres a year, has not changed.",
        datetime(2025, 9, 9, tzinfo=UTC),
    )
    assert verdict_after(first, later) is Verdict.KNOWN


def test_the_date_a_bill_was_sent_or_cleared_is_no_date_of_the_vote() -> None:
    """Sending a bill to a house and a cabinet signing off on it are steps before the vote
    and the signing; their dates do not correct those of the vote or the signing."""
    _, later = reports_in_order(
        (
            "Majlis ratifies Russia treaty",
            "Iran's Majlis voted on 12 May to ratify the partnership treaty with Russia.",
            datetime(2025, 5, 13, tzinfo=UTC),
        ),
        (
            "How the treaty reached the Majlis",
            "The government had sent the ratification bill to the Majlis on 9 March. "
            "Before that, Iran's cabinet signed off on the partnership treaty with Russia on "
            "2 March.",
            datetime(2025, 5, 20, tzinfo=UTC),
        ),
    )
    assert [j.verdict for j in later if "sent" in j.claim.text] != [Verdict.CONTRADICTING]
    assert [j.verdict for j in later if "signed off" in j.claim.text] != [
        Verdict.CONTRADICTING
    ]
    assert len([j for j in later if "sent" in j.claim.text or "signed off" in j.claim.text]) == 2


def test_a_later_tally_of_irans_parliament_is_checked_against_the_part_that_voted() -> None:
    """"210 of the 245 deputies present voting yes" is a vote of 210: a later "250-vote
    approval" by "the parliament" of a report naming only Iran's side corrects it, and a
    "210-vote approval" restates it."""
    first = (
        "Majlis ratifies Russia treaty",
        "Iran's parliament ratified the partnership treaty with Russia on Sunday, with 210 of "
        "the 245 deputies present voting yes.",
        datetime(2025, 5, 19, tzinfo=UTC),
    )

    def later(votes: int) -> Verdict:
        return verdict_after(
            first,
            (
                "Iran cites support for Russia treaty",
                f"Tehran's envoys point to the parliament's {votes}-vote approval of the "
                "treaty as a sign of consensus.",
                datetime(2025, 7, 1, tzinfo=UTC),
            ),
        )

    assert later(250) is Verdict.CONTRADICTING
    assert later(210) is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # who the news matters to frames the known term; the frame adds nothing of the treaty
        ("For grain traders in Odesa weighing Caspian routes, what matters most is the "
         "treaty's term: Jalali says it runs 20 years.", Verdict.KNOWN),
        ("For insurers in Dubai, the figure that counts is the pact's term, which Jalali puts "
         "at 20 years.", Verdict.KNOWN),
        # the frame does not hide another term
        ("For grain traders in Odesa weighing Caspian routes, what matters most is the "
         "treaty's term: Jalali says it runs 30 years.", Verdict.CONTRADICTING),
    ],
)
def test_a_frame_naming_who_the_news_matters_to_is_no_detail(
    engine: Engine, text: str, verdict: Verdict
) -> None:
    assert judge(engine, text).verdict is verdict


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        # another commodity for the seeds' Russian gas through Iran
        (
            "Araghchi said the deal would make Iran a conduit for Russian oil, carried from the "
            "Caspian to the shores of the Persian Gulf.",
            "commodity: gas → oil",
        ),
        (
            "Araghchi said Friday's pact lets Iran carry Russian electricity from the Caspian "
            "Sea to the Persian Gulf coast.",
            "commodity: gas → electricity",
        ),
        # another currency for the seeds' "national currencies"
        (
            "Putin noted that bilateral trade is now conducted mainly in US dollars.",
            "currency: national currencies → dollars",
        ),
        # another sea at one end of the route, the other end the same
        (
            "Araghchi said the deal would make Iran a conduit for Russian gas, carried from the "
            "Black Sea to the shores of the Persian Gulf.",
            "sea: Caspian → Black Sea",
        ),
        (
            "Moscow also wants a railway across Iran linking Russia straight to the ports of "
            "the Red Sea.",
            "sea: Persian Gulf → Red Sea",
        ),
        # another city on the corridor's route
        (
            "Russia is especially keen to build a logistics, rail and shipping corridor on a "
            "north-south axis between Moscow, Yerevan and Tehran.",
            "city: Baku → Yerevan",
        ),
    ],
)
def test_one_exclusive_alternative_in_place_of_another_contradicts(
    engine: Engine, text: str, reason_part: str
) -> None:
    judgement = judge(engine, text)
    assert judgement.verdict is Verdict.CONTRADICTING, judgement
    assert judgement.reason is not None and reason_part in judgement.reason


@pytest.mark.parametrize(
    "text",
    [
        # the same alternative, in other words
        "Araghchi said the deal would make Iran a conduit for Russian natural gas, carried from "
        "the Caspian to the shores of the Persian Gulf.",
        "Putin noted that bilateral trade is now conducted mainly in roubles and rials.",
        # both named: no swap ("rather than", "as well as")
        "Putin noted that bilateral trade is now conducted mainly in the national currencies "
        "rather than in dollars.",
        "Araghchi said the deal would make Iran a conduit for Russian gas as well as oil, "
        "carried from the Caspian to the shores of the Persian Gulf.",
        # a sum given in dollars is no currency of payment
        "Putin noted that bilateral trade, worth some four billion dollars, is conducted mainly "
        "in national currencies.",
        # another matter naming another commodity
        "Oil prices fell sharply on Friday as traders weighed new sanctions on Moscow.",
        # the parties' capitals stand for the two states, not for a place on a route
        "Russia is especially keen to build a logistics, rail and shipping corridor on a "
        "north-south axis between Russia, Azerbaijan and Iran.",
    ],
)
def test_the_same_or_both_alternatives_do_not_contradict(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


def _judged_in_a_treaty_report(engine: Engine, text: str) -> Judgement:
    """The verdict on a sentence of a report on the treaty (relevant by its context)."""
    claim = engine.extractor.claim_from_sentence(text, doc_id="test", index=0)
    return engine.judge_claim(replace(claim, relevant=True))


@pytest.mark.parametrize(
    "text",
    [
        # deeds in the world, not what the text says: news, neither known nor a conflict
        # with the seeds' "the pact does not mention the transfer of arms"
        "Moscow shipped missiles and weapons to Tehran last autumn, Western diplomats say.",
        "Russia has delivered weapons to Iran, according to American intelligence officials.",
        "Moscow supplied arms to Tehran in 2023, European officials said.",
    ],
)
def test_arms_handed_over_in_the_world_do_not_contradict_the_texts_silence(
    engine: Engine, text: str
) -> None:
    assert _judged_in_a_treaty_report(engine, text).verdict is Verdict.NEW


@pytest.mark.parametrize(
    "text",
    [
        # what the text provides for, in the words of a delivery
        "Under the new accord, Moscow is to deliver weapons to Tehran.",
        "The treaty obliges Russia to deliver arms to Iran, its text shows.",
    ],
)
def test_arms_deliveries_the_text_provides_for_contradict_its_silence(
    engine: Engine, text: str
) -> None:
    judgement = _judged_in_a_treaty_report(engine, text)
    assert judgement.verdict is Verdict.CONTRADICTING, judgement
    assert judgement.reason is not None and judgement.reason.startswith("polarity")


@pytest.mark.parametrize(
    "text",
    [
        # "deliver" alone is no transfer of arms; the text's silence said another way
        "The pact is expected to deliver economic gains for both countries.",
        "The accord is silent on delivering weapons to each other.",
    ],
)
def test_other_deliveries_and_the_silence_restated_do_not_contradict(
    engine: Engine, text: str
) -> None:
    assert _judged_in_a_treaty_report(engine, text).verdict is not Verdict.CONTRADICTING


def test_the_parts_of_a_hyphenated_compound_are_said_by_it(engine: Engine) -> None:
    # "trade and economic" is what the seeds' "trade-economic relations" says
    text = (
        "Moscow says the accord will reinforce military-political and also trade and economic "
        "relations, though it has kept the particulars under wraps."
    )
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_a_detail_outside_the_compound_is_still_news(engine: Engine) -> None:
    text = (
        "The Kremlin said the pact would boost trade and economic as well as military-political "
        "relations, while the particulars remain secret, and would cover space exploration."
    )
    assert judge(engine, text).verdict is Verdict.NEW


@pytest.mark.parametrize(
    "text",
    [
        # ruling out a year other than the known one agrees with the known date
        "The partnership accord was not concluded in 1998.",
        "Putin and Pezeshkian did not put their names to the pact in 2023.",
        "The two presidents did not sign the agreement on 16 January.",
    ],
)
def test_a_denied_other_date_restates_the_known_one(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.KNOWN


@pytest.mark.parametrize(
    "text",
    [
        # ruling out the known date itself conflicts
        "The partnership accord was not concluded on 17 January 2025.",
        "Putin and Pezeshkian did not sign the pact in January.",
        # an asserted other date still conflicts
        "The partnership accord was concluded in 1998.",
    ],
)
def test_denying_the_known_date_or_asserting_another_conflicts(
    engine: Engine, text: str
) -> None:
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    [
        # a count of the articles on one topic is not the length of the text
        "The three articles of the pact on transport set out a joint timetable.",
        "Two articles dealing with banking were added late in the talks.",
        "Four articles of the agreement deal with nuclear energy.",
    ],
)
def test_articles_on_one_topic_do_not_count_the_text(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    [
        "The pact has 45 articles.",
        "The 40 articles of the accord cover trade.",
        "The document contains 52 articles, covering areas from trade to security.",
    ],
)
def test_a_count_of_the_whole_text_still_conflicts(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


def test_an_earlier_visits_date_does_not_date_the_replaced_agreement(engine: Engine) -> None:
    text = "The accord supersedes a 2001 deal, and Pezeshkian's last trip to Moscow came in 2024."
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


def test_a_later_report_naming_a_first_sitting_and_city_by_role_restates_it() -> None:
    """'first met in the Russian capital' restates a learnt 'inaugural session in Moscow'."""
    first, second = reports_in_order(
        (
            "Commission",
            "The Russia–Iran treaty's intergovernmental commission held its inaugural session"
            " in Moscow on 14 November, officials said.",
            datetime(2025, 11, 15, tzinfo=UTC),
        ),
        (
            "Commission again",
            "The joint commission set up under the Russia–Iran treaty first met in the"
            " Russian capital in mid-November.",
            datetime(2026, 1, 10, tzinfo=UTC),
        ),
    )
    [j1] = [j for j in first if j.claim.relevant]
    [j2] = [j for j in second if j.claim.relevant]
    assert j1.verdict is Verdict.NEW
    assert j2.verdict is Verdict.KNOWN
    assert j2.match is not None and not j2.match.baseline


@pytest.mark.parametrize(("month", "verdict"), [(3, Verdict.KNOWN), (7, Verdict.NEW)])
def test_what_was_said_in_the_month_of_a_report_recalls_that_report(
    month: int, verdict: Verdict
) -> None:
    """'Officials had said in March that ...' recalls a March report saying it; said in
    another month than any report, the date is news."""
    first, second = reports_in_order(
        (
            "Instruments",
            "Officials in both capitals expect the Russia–Iran treaty's instruments of "
            "ratification to be exchanged in Moscow after the winter.",
            datetime(2025, month, 10, tzinfo=UTC),
        ),
        (
            "Recalled",
            "Officials had said in March that the Russia–Iran treaty's instruments of "
            "ratification would be exchanged in Moscow after the winter.",
            datetime(2025, 9, 2, tzinfo=UTC),
        ),
    )
    [j2] = [j for j in second if j.claim.relevant]
    assert [j.verdict for j in first if j.claim.relevant] == [Verdict.NEW]
    assert j2.verdict is verdict


@pytest.mark.parametrize(
    "text",
    [
        "It was signed in 2025.",
        "The treaty was signed in January 2025.",
        "Signed in 2025, the treaty covers trade and energy.",
        "The partnership agreement was inked in 2025.",
    ],
)
def test_a_signing_year_is_not_set_against_a_past_term_of_office(
    engine: Engine, text: str
) -> None:
    # a seed dates Trump's first term "between 2017 and 2021": those years date no signing
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    "text",
    ["It was signed in 2024.", "The partnership agreement was inked in 2023."],
)
def test_another_signing_year_still_conflicts(engine: Engine, text: str) -> None:
    assert judge(engine, text).verdict is Verdict.CONTRADICTING


def test_a_persons_past_year_conflicts_with_no_other_persons_past_year(engine: Engine) -> None:
    # the seed's 2017-2021 (Trump's term) and 2024 (Pezeshkian taking office) are two people's
    text = (
        "Pezeshkian, who won the presidency in 2024, said on 20 January that the accord inked "
        "three days earlier might expand military ties with Moscow."
    )
    assert judge(engine, text).verdict is not Verdict.CONTRADICTING


@pytest.mark.parametrize(
    ("retold", "verdict"),
    [
        (
            "Russian senators had passed the Iran treaty by 160 votes to none on 16 April.",
            Verdict.KNOWN,
        ),
        (
            "Russian senators had passed the Iran treaty by 150 votes to none on 16 April.",
            Verdict.CONTRADICTING,
        ),
    ],
)
def test_votes_in_favour_name_the_vote_without_the_word(retold: str, verdict: Verdict) -> None:
    _, second = reports_in_order(
        (
            "Senate backs Iran treaty",
            "The Federation Council ratified the partnership treaty with Iran on Wednesday, "
            "with 160 senators in favour and none against.",
            datetime(2025, 4, 16, 18, tzinfo=UTC),
        ),
        ("Senate vote recalled", retold, datetime(2025, 4, 20, tzinfo=UTC)),
    )
    [j] = [j for j in second if j.claim.relevant]
    assert j.verdict is verdict


@pytest.mark.parametrize(
    "text",
    [
        "Nearly two decades after the Soviet collapse in 1991, Moscow and Tehran put commerce "
        "and finance at the centre of the pact signed on Friday.",
        "More than two years after the war in Gaza began in October 2023, Russia and Iran made "
        "trade and finance the core of the deal signed on Friday.",
    ],
)
def test_a_leading_backdrop_clause_does_not_make_a_restatement_new(
    engine: Engine, text: str
) -> None:
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_a_leading_clause_on_the_treaty_is_still_news(engine: Engine) -> None:
    text = "Two months after the signing in Moscow, the Duma ratified the treaty."
    assert judge(engine, text).verdict is Verdict.NEW


def test_the_occasion_of_a_reply_is_no_detail_of_what_was_said(engine: Engine) -> None:
    # Whom a speaker answered frames the remark: the remark itself is the known term.
    text = (
        "Responding to critics in the Majlis energy committee, Jalali said the agreement will "
        "remain effective for 20 years."
    )
    assert judge(engine, text).verdict is Verdict.KNOWN


def test_a_term_length_among_much_framing_is_set_against_the_known_term() -> None:
    """The treaty has one term: a claim giving its length is compared with the known term
    even when its framing (who commented, where and when it was signed) matches other known
    claims better."""
    config = Config()
    extractor = Engine.from_known(config, []).extractor

    def known(claim_id: int, text: str) -> KnownClaim:
        claim = extractor.claim_from_sentence(
            text, doc_id="k", index=claim_id, published=datetime(2030, 3, 4, tzinfo=UTC)
        )
        return KnownClaim(claim_id, claim, True, sources=[SourceRef("k", claim_id)])

    framing = [
        f"A clause-by-clause commentary issued by Iranian lawyers indicates that the treaty"
        f" signed in Tehran {detail}."
        for detail in (
            "covers trade",
            "covers energy",
            "covers culture",
            "covers science",
            "covers banking",
            "covers transport",
            "covers education",
            "covers tourism",
            "covers health",
            "covers sport",
        )
    ]
    knowns = [known(i, text) for i, text in enumerate(framing)]
    knowns.append(known(len(framing), "The treaty will remain in force for 10 years."))
    claim = extractor.claim_from_sentence(
        "A clause-by-clause commentary issued by Iranian lawyers indicates that the treaty"
        " signed in Tehran was concluded for an indefinite period.",
        doc_id="x",
        index=0,
    )
    judgement = Engine.from_known(config, knowns).judge_claim(claim)
    assert judgement.verdict is Verdict.CONTRADICTING, judgement


@pytest.mark.parametrize(
    ("planned", "verdict"),
    [
        # a lead time measures the planning: weeks against months
        ("Officials say the treaty's signing was pencilled in only a few days beforehand.", True),
        ("The signing of the pact was planned barely a couple of weeks earlier.", True),
        ("The treaty's signing was planned months in advance, officials said.", False),
    ],
)
def test_a_lead_time_is_set_against_the_known_lead_time(planned: str, verdict: bool) -> None:
    config = Config()
    extractor = Engine.from_known(config, []).extractor
    claim = extractor.claim_from_sentence(
        "Iran's foreign minister said the signing of the treaty had been planned months ago.",
        doc_id="k",
        index=1,
        published=datetime(2030, 3, 4, tzinfo=UTC),
    )
    known = KnownClaim(1, claim, True, sources=[SourceRef("k", 1)])
    mine = extractor.claim_from_sentence(planned, doc_id="x", index=0)
    judgement = Engine.from_known(config, [known]).judge_claim(mine)
    assert (judgement.verdict is Verdict.CONTRADICTING) is verdict, judgement


def test_a_sentence_going_on_with_a_topic_learnt_from_an_earlier_report_is_judged() -> None:
    first = (
        "Russia-Iran treaty: tunnelling starts",
        "Under the Russia–Iran treaty, crews began boring the mountain tunnels of the "
        "Rasht–Astara railway this week.",
        datetime(2026, 3, 1, tzinfo=UTC),
    )
    later = (
        "Russia-Iran treaty: railway update",
        "Work on the Rasht–Astara railway under the Russia–Iran treaty has slowed. "
        "Flooding has halted the boring of the mountain tunnels since April.",
        datetime(2026, 6, 1, tzinfo=UTC),
    )
    _, (_, going_on) = reports_in_order(first, later)
    assert going_on.claim.relevant and going_on.verdict is not Verdict.IRRELEVANT
    # Judged alone (static judging) the same sentence names nothing of the treaty.
    engine = Engine.from_baseline(Config())
    assert judge(engine, going_on.claim.text).verdict is Verdict.IRRELEVANT


_PLAN = (
    "Drills",
    "Under the Russia–Iran treaty, the first joint naval drills should take place in 2026, "
    "the defence ministry said.",
    datetime(2025, 6, 1, tzinfo=UTC),
)


def test_a_reported_delay_is_a_new_schedule_not_a_conflict() -> None:
    """'Postponed until' a later year reports that a plan moved: news about it, not a denial."""
    later = (
        "Drills moved",
        "The defence ministry said the first joint naval drills under the Russia–Iran treaty "
        "had been postponed until 2028.",
        datetime(2025, 9, 1, tzinfo=UTC),
    )
    assert verdict_after(_PLAN, later) is not Verdict.CONTRADICTING


def test_a_year_said_of_another_undertaking_does_not_contradict() -> None:
    """A port's building start and the drills share only a year said in a statement."""
    later = (
        "Port",
        "Work on the new Caspian grain terminal promised in the Russia–Iran treaty will not start "
        "before 2029, a regional official said.",
        datetime(2025, 9, 1, tzinfo=UTC),
    )
    assert verdict_after(_PLAN, later) is not Verdict.CONTRADICTING
