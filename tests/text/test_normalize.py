"""Tests for bot/text/normalize.py: paraphrases normalise alike, masks hide conflicting details."""

from __future__ import annotations

import pytest

from bot.text.normalize import mask, normalize, normalize_and_mask, plain_idioms, prepare


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Moscow and Tehran inked the pact", "Russia and Iran signed the treaty"),
        ("Masoud Pezeshkian met Araqchi", "Massoud Pezeshkian met Abbas Araghchi"),
        ("Iran's President Masud Pezeshkian", "Iran's President Masoud Pezeshkian"),
        ("defence cooperation", "defense cooperation"),
        ("a mutual-defence clause", "a mutual defense clause"),
        ("It is a groundbreaking deal", "It is a breakthrough agreement"),
        ("a ground-breaking accord", "a landmark treaty"),
        (
            "The treaty will remain in force for 20 years.",
            "The pact will stay in force for two decades.",
        ),
        (
            "the accord will remain in force for twenty years",
            "the treaty remains in force for 20 years",
        ),
        ("The lower house approved it", "The State Duma ratified it"),
        ("Pezeshkian’s visit", "Pezeshkian's visit"),
        # general English for the same things
        ("naval war games and port calls", "naval exercises and port visits"),
        ("the accord opens a fresh chapter", "the accord opens a new chapter"),
        ("an exchange of visits by warships", "reciprocal visits by warships"),
        ("regular exchanges of visits by warships", "regular reciprocal visits by warships"),
        ("an obsolete compact", "an outdated treaty"),
        ("it supersedes a deal rolled over twice", "it replaces a deal renewed twice"),
        ("a sea corridor through Azerbaijan", "a maritime corridor through Baku"),
        ("cut red tape and take practical steps", "cut bureaucracy and take concrete actions"),
        ("fewer bureaucratic obstacles", "less bureaucracy"),
        ("after the internal procedures of each side", "after the ratification of each side"),
        # an agreement extended is renewed
        ("a deal that was extended every five years", "a deal that was renewed every five years"),
        ("the regularly extended 1995 accord", "the regularly renewed 1995 treaty"),
        ("Trump's swearing-in", "Trump's inauguration"),
        ("to draw attention away from the vote", "to divert attention from the vote"),
        ("commerce sits at the heart of the pact", "trade sits at the forefront of the treaty"),
        ("the Kremlin posted the text", "the Kremlin published the text"),
        ("the deal was put to paper", "the deal was signed"),
        ("the signing has taken place in Moscow", "the signing in Moscow"),
        ("he hailed a genuine breakthrough", "he characterised a real breakthrough"),
        ("steady ties in the wider region", "stable ties in the broader region"),
        ("a news conference about the warships", "a press conference about the navy"),
        # "meant to" is "intended to", but "meant to last" stays a term
        ("it was meant to last two decades", "it was set to last two decades"),
        ("it was meant to pull attention away from", "it was intended to divert attention from"),
        ("building atomic power plants", "building nuclear energy facilities"),
        ("a defensive alliance", "a military alliance"),
        ("drew attention away from the swearing-in", "diverted attention from the inauguration"),
        # what lies ahead is the future; the instrument is the treaty
        ("a blueprint for the years ahead", "a blueprint for the future"),
        ("a guide to what lay ahead", "a guide to the future"),
        ("Tehran ratified the instrument last week", "Tehran ratified the treaty last week"),
        ("the legal instrument binds both sides", "the treaty binds both sides"),
        # the progressive of a renewal at intervals; a reach "as far as" a field covers it;
        # a provision for something is what the text provides for
        (
            "a deal the two had been extending from time to time",
            "a deal the two had been renewing periodically",
        ),
        ("cooperation that reaches as far as joint drills", "cooperation that covers joint drills"),
        ("a provision for joint naval drills", "provides for joint naval drills"),
        # delivering arms is transferring them
        ("Moscow delivered weapons to its ally", "Moscow transferred arms to its ally"),
        # "happen" is a light verb as "take place" is; a swap of papers is their exchange
        ("the handover will happen in Baku", "the handover will take place in Baku"),
        ("the swap of documents in Baku", "the exchange of documents in Baku"),
        # the writer's reminder is no part of the claim; a house clearing a bill passed it
        ("the senate, you will recall, cleared the bill", "the senate ratified the bill"),
        ("it passed with a lone vote against", "it passed with one against"),
    ],
)
def test_paraphrases_normalise_alike(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)


def test_synonyms_become_one_canonical_form() -> None:
    assert normalize("Moscow and Tehran inked the pact") == "russia iran sign treati"


def test_actor_spellings_become_one_id() -> None:
    assert normalize("Massoud Pezeshkian") == normalize("Masoud Pezeshkian") == "pezeshkian"
    assert "state_duma" in prepare("The State Duma voted")


def test_reaching_as_far_as_a_year_is_no_coverage() -> None:
    assert "cover" not in normalize("The accord's term extends as far as 2045.")


def test_delivering_something_other_than_arms_is_no_transfer() -> None:
    assert "transfer" not in normalize("The accord should deliver results for both economies.")
    assert "transfer" not in normalize("Putin delivered a speech in the Kremlin.")


def test_extending_to_an_area_is_not_renewing() -> None:
    assert "renew" not in normalize("Their cooperation extends to the most sensitive areas.")
    assert "renew" not in normalize("Moscow extended its support to Tehran.")


def test_different_claims_stay_different() -> None:
    assert normalize("The treaty includes a mutual defence clause") != normalize(
        "The treaty covers gas supplies"
    )
    assert normalize("Russia and Iran signed the treaty") != normalize(
        "Russia and North Korea signed the treaty"
    )


def test_normalised_form_keeps_numbers_and_negation() -> None:
    assert normalize("The treaty lasts 20 years") != normalize("The treaty lasts 25 years")
    assert normalize("The pact includes a clause") != normalize(
        "The pact does not include a clause"
    )


def test_mask_hides_numbers_dates_negation_and_hedges() -> None:
    """Claims about the same thing with conflicting details mask alike; slots tell them apart."""
    assert mask("The treaty will remain in force for 20 years.") == mask(
        "The treaty will not remain in force for 25 years."
    )
    assert mask("The pact was signed on Friday, 17 January.") == mask(
        "The pact was signed on Saturday, 18 January."
    )
    assert mask("The Duma may ratify the treaty") == mask("The Duma will ratify the treaty")


def test_a_denial_cue_of_several_words_is_masked_whole() -> None:
    # the cue says that something is denied, not what: the words are hidden as "denied" is
    assert mask("Officials brushed off talk of a naval base.") == mask(
        "Officials denied talk of a naval base."
    )
    assert mask("She pushed back on claims of a naval base.") == mask(
        "She rejected claims of a naval base."
    )
    # pushing back against a power resists it: its words stay
    assert "push" in mask("Both are pushing back against Washington.").split()


def test_mask_keeps_content_words() -> None:
    masked = mask("The State Duma ratified the treaty by 412 votes on Tuesday.").split()
    assert {"duma", "ratifi", "treati", "vote"} <= set(masked)
    assert "412" not in masked
    assert "tuesday" not in masked


def test_stopwords_are_dropped() -> None:
    words = normalize("The treaty was signed by the two leaders in the Kremlin").split()
    assert not {"the", "was", "by", "in"} & set(words)
    assert {"treati", "sign"} <= set(words)


def test_parliaments_normalise_alike() -> None:
    assert normalize("The Majlis and the Guardian Council approved it") == normalize(
        "Iran's parliament and the Guardians Council endorsed it"
    )


def test_normalize_and_mask_match_the_single_functions() -> None:
    sentence = "Iran's ambassador said the accord would stay in force for two decades."
    assert normalize_and_mask(sentence) == (normalize(sentence), mask(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The pact obliges each side to defend the other.",
        "An attack on Iran would be treated as an attack on Russia.",
        "The treaty includes a mutual-defence clause.",
        # a phrase hyphenated into one modifier
        "Critics read it as an attack-on-either-is-an-attack-on-both guarantee.",
        "The text holds a come-to-each-other's-defence pledge.",
    ],
)
def test_every_wording_of_mutual_defence_shares_one_token(sentence: str) -> None:
    assert "mutualdefens" in mask(sentence).split()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the Kremlin put the 50-article text online", "articl"),
        ("a 30-year accord", "year"),
        ("the Duma's 412-vote majority", "vote"),
    ],
)
def test_a_number_joined_to_a_word_by_a_hyphen_keeps_the_word(text: str, word: str) -> None:
    assert word in mask(text).split()
    assert not any(ch.isdigit() for ch in mask(text))


@pytest.mark.parametrize(
    "text", ["in mid-November 2024", "in late-1990s", "in early-March", "in the mid-2000s"]
)
def test_a_date_with_its_qualifier_is_masked_whole(text: str) -> None:
    assert mask(text) == ""


def test_other_hyphenated_words_stay_whole() -> None:
    assert "russia-iran" in normalize("Russia-Iran ties").split()


def test_a_term_said_as_an_adjective_is_the_treatys_duration() -> None:
    adjective = set(normalize("a 25-year pact").split())
    assert adjective == set(normalize("a pact valid for 25 years").split())
    assert "durat" not in normalize("a 10-year-old pact").split()


def test_a_russian_transliteration_of_an_envoy_is_masked_as_the_actor() -> None:
    assert mask("Ambassador Dzhalali spoke.") == mask("Ambassador Jalali spoke.")


@pytest.mark.parametrize(
    "text",
    ["civilian nuclear power", "civil nuclear energy", "peaceful nuclear energy", "atomic power",
     "civil nuclear"],
)
def test_civilian_nuclear_energy_is_nuclear_energy(text: str) -> None:
    assert normalize(text) == normalize("nuclear energy")


def test_civilian_nuclear_cooperation_is_cooperation_on_nuclear_energy() -> None:
    assert normalize("peaceful nuclear cooperation") == normalize("nuclear energy cooperation")


@pytest.mark.parametrize(
    "text",
    [
        "the accord binds both capitals for the coming two decades",
        "Russia and Iran are bound to each other for 15 years",
        "the deal binds Iran and Russia to one another for 40 years",
    ],
)
def test_a_term_said_as_binding_for_years_is_the_treatys_duration(text: str) -> None:
    assert "durat" in normalize(text).split()


@pytest.mark.parametrize(
    "text",
    [
        # binding without a length of years, and years that are no term of binding
        "the treaty binds both sides to refrain from aiding an aggressor",
        "the two sides have been bound by sanctions since 2018",
        "ties between the two states have grown for 30 years",
    ],
)
def test_binding_without_a_term_is_no_duration(text: str) -> None:
    assert "durat" not in normalize(text).split()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The ministry put the full text online.", "the ministry posted the full text."),
        ("Tehran puts the pact on its website.", "tehran posts the pact."),
        # the object before the verb, in a relative clause
        ("The accord Moscow put online has 40 pages.", "the accord moscow posted has"),
        # nothing is put online here
        ("Negotiators put the text together in weeks.", "negotiators put the text together"),
    ],
)
def test_putting_a_text_online_is_posting_it(text: str, said: str) -> None:
    assert prepare(text).startswith(said)


def test_the_kremlins_site_is_the_kremlin() -> None:
    # The site that publishes its documents speaks for the Kremlin, as its press office does.
    assert normalize("Kremlin.ru published the decree") == normalize(
        "The Kremlin published the decree"
    )
    # A word that merely begins like it is not the site.
    assert "russia" not in normalize("kremlinology is an old craft")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a roadmap for the region", "a road map for the region"),
        ("the pact lays out a road-map", "the pact lays out a road map"),
        ("both sides will build up naval ties", "both sides will develop naval ties"),
        ("the text builds up energy links", "the text develops energy links"),
        ("energy gets top billing in the text", "energy is emphasized in the text"),
        ("no bid to draw attention away", "no bid to divert attention"),
        ("the date drew attention away from the vote", "the date diverted attention from the vote"),
        ("it is merely a framework", "it is a framework"),
        ("it is simply a framework", "it is a framework"),
    ],
)
def test_general_english_wordings_normalise_alike(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)


def test_wordings_that_only_look_alike_stay_apart() -> None:
    # A built-up area is no development of ties; a bill is not billing.
    assert "develop" not in normalize("a built-up area near the port")
    assert normalize("the Duma bill") != normalize("the Duma top billing")


@pytest.mark.parametrize(
    "text",
    [
        "Moscow handed over the instrument of ratification.",
        "Moscow and Tehran exchanged the instruments of ratification.",
    ],
)
def test_an_instrument_of_ratification_is_not_the_treaty(text: str) -> None:
    assert "treati" not in normalize(text)


def test_the_persian_gulf_is_the_gulf_and_not_the_persian_language() -> None:
    assert mask("ports on the Persian Gulf") == mask("ports on the Gulf")
    assert "persian" not in mask("a railroad to the Persian Gulf").split()
    assert "persian" in mask("the text was translated into Persian").split()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Full state titles and honorifics.
        ("the Islamic Republic of Iran and the Russian Federation", "Iran and Russia"),
        ("the I.R. of Iran signed", "Iran signed"),
        ("Her Excellency the ambassador spoke", "the ambassador spoke"),
        ("the heads of state met", "the presidents met"),
        # Translated agency phrases.
        ("the Russian side welcomed the text", "Russia welcomed the text"),
        ("interaction in the sphere of trade", "cooperation in the field of trade"),
        ("the struggle against drug trafficking", "the fight against drug trafficking"),
        ("rendered financial assistance to Syria", "provided financial assistance to Syria"),
        ("Lavrov qualified the talks as frank", "Lavrov characterized the talks as frank"),
        ("the text touches upon migration", "the text covers migration"),
        ("its scope extends also to tourism", "its scope covers tourism"),
        ("he denied the pact extended to arms sales", "he denied the pact covered arms sales"),
        ("the deal does not extend to arms sales", "the deal does not cover arms sales"),
        ("a charter extending into space research", "a charter covering space research"),
        # civil atomic power is the peaceful nuclear energy the seeds name
        ("cooperation on civil atomic energy", "cooperation on nuclear energy"),
        ("a peaceful atomic programme", "a nuclear energy programme"),
        # what a text envisages it provides for
        ("the charter envisages student exchanges", "the charter provides student exchanges"),
        # drawing or bringing parties closer strengthens their ties
        ("the summit drew the two navies closer together", "the summit strengthened 2 navy ties"),
        ("trade brings Baku and Tehran closer", "trade strengthens Baku Tehran ties"),
        # closer on a field is closer ties in it
        (
            "the charter may bring the navies closer on defence and energy",
            "the charter may strengthen the navies ties on defence and energy",
        ),
        # the neighbours across the Caspian are the two parties
        ("the two Caspian neighbours agreed on tariffs", "the two countries agreed on tariffs"),
        ("neighbors on the Caspian Sea agreed on tariffs", "the sides agreed on tariffs"),
        # anyone's signature put to a text signs it, a country's too
        ("the envoy put Iran's signature to the charter", "the envoy signed the charter"),
        ("both ministers putting their signatures to it", "both ministers signing it"),
        # setting one's name to a text is putting it there
        ("the envoys set their names to the charter", "the envoys signed the charter"),
        ("a minister sets his signature to each copy", "a minister signs each copy"),
        ("the text extends into fisheries", "the text covers fisheries"),
        ("she denied it extended into policing", "she denied it covered policing"),
        ("she denied the accord dealt with missiles", "she denied the accord covered missiles"),
        ("the text deals only with energy", "the text covers only energy"),
        ("the treaty doesn't deal with space", "the treaty doesn't cover space"),
        ("if a party became the target of an armed attack", "if a party being attacked"),
        ("calls by frigates at the ports of both", "port visits by frigates of both"),
        ("the holding of naval drills", "naval drills"),
        ("the erection of a reactor", "the construction of a reactor"),
        ("the deal gave birth to a bloc", "the deal created a bloc"),
        ("this opens the way for visa-free travel", "this leads to visa-free travel"),
        ("the press secretary of the Majlis", "the spokesman of the Majlis"),
        ("the elaboration of the protocol", "the negotiation of the protocol"),
    ],
)
def test_translated_agency_phrases_normalise_as_plain_english(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The Federation Council keeps its name; a date after "extends to" is a term.
        ("the Russian Federation Council approved it", "council"),
        ("the pact extends to 2045", "extend"),
        # a length after the past tense is a term, and its passive a renewal
        ("the deal extended to thirty years", "extend"),
        ("a lease extending to ninety-nine years", "extend"),
        ("a truce extending into 2031", "extend"),
        # closer to a place is no closer ties; growing closer says where they stand
        ("pipelines bringing gas closer to Europe", "closer"),
        ("the new line brings gas closer on a shorter route", "closer"),
        ("the two have grown closer since 2022", "closer"),
        # the sea keeps its name
        ("oil from the Caspian Sea", "caspian"),
        ("both sides agreed to extend to 25 years", "extend"),
        ("cooperation was extended to new areas", "renew"),
        # Rendering a verdict is no help; qualifying for a grant is no calling.
        ("the court rendered a verdict", "render"),
        ("Iran qualified for the grant", "qualifi"),
        # a dispute settled is not trade conducted
        ("the border dispute was settled in 2004", "settl"),
        ("the phone calls of the ministers", "call"),
    ],
)
def test_officialese_rules_leave_other_senses_alone(text: str, kept: str) -> None:
    assert kept in normalize(text).split()


def test_parties_dealing_with_a_problem_are_not_a_text_covering_it() -> None:
    assert "cover" not in normalize("the two governments will deal with sanctions").split()


def test_the_russian_federation_council_is_the_federation_council() -> None:
    assert normalize("the Russian Federation Council") == normalize("the Federation Council")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("he denied energy formed any part of the talks", "he denied energy covered by the talks"),
        ("gas forms an integral part of the deal", "gas covered by the deal"),
        ("arms constitute no part of the pact", "arms not covered by the pact"),
    ],
)
def test_forming_part_of_a_text_is_being_covered_by_it(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)


def test_a_denials_verdict_on_what_it_denies_is_dropped() -> None:
    from bot.text.normalize import plain_idioms  # noqa: PLC0415 - one test's helper

    assert plain_idioms("tehran rejected as baseless the claims") == "tehran rejected the claims"
    assert (
        plain_idioms("moscow dismissed as utterly false, the reports")
        == "moscow dismissed the reports"
    )
    # not after a denial: the judgement is what the sentence says
    assert plain_idioms("the claims were seen as baseless") == "the claims were seen as baseless"


def test_the_us_president_elect_of_january_2025_is_trump() -> None:
    assert "trump" in normalize("the inauguration of the U.S. president-elect").split()
    assert "trump" in normalize("before the incoming American president took office").split()
    # another country's president-elect is not
    assert "trump" not in normalize("Iran's president-elect visited Moscow").split()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # what is in replaces what is out
        (
            "The old framework is out and the new accord is in.",
            "the new accord replaces the old framework.",
        ),
        # what kept getting done was done periodically
        ("A pact that kept being signed again.", "a pact that was periodically signed again."),
    ],
)
def test_out_and_in_is_a_replacement(text: str, plain: str) -> None:
    assert prepare(text) == plain


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov is out, and Peskov is in charge of the talks.",
        "Gas is in and oil is out of the deal.",
    ],
)
def test_in_and_out_that_are_no_replacement_are_left(text: str) -> None:
    assert "replaces" not in prepare(text)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # renewed or extended at intervals, from time to time: periodically renewed
        ("a deal renewed from time to time", "a deal periodically renewed"),
        ("a pact they extended at regular intervals", "a pact they periodically renewed"),
        ("a treaty extended periodically", "a treaty periodically renewed"),
        # every so often is periodically
        ("a pact extended every so often", "a pact periodically renewed"),
        # ... or several times over
        ("an accord prolonged a number of times", "an accord periodically renewed"),
        ("a deal they renewed time and again", "a deal they periodically renewed"),
        ("they met every so often", "they met periodically"),
        # what a text is the fruit or product of, it resulted from
        ("it is the fruit of long talks", "it is the result of long talks"),
        ("the culmination of years of work", "the result of years of work"),
    ],
)
def test_periodic_renewal_and_the_product_of_talks_are_said_plainly(text: str, plain: str) -> None:
    assert prepare(text) == plain


def test_a_product_or_an_extension_of_something_else_keeps_its_words() -> None:
    # a product the treaty deals in, and cooperation extended to a field, are not renewals
    assert "renew" not in normalize("The two sides extended their cooperation to energy.")
    assert "result" not in normalize("Iran will export a new product to Russia.")


def test_an_out_of_scope_cue_and_an_emphasis_adverb_are_no_content() -> None:
    # like "devoid of", the cue "missing from" denies; "conspicuously" only stresses it
    assert mask("Conspicuously missing from the pact is energy.").split() == ["treati", "energi"]
    assert mask("Notably, the text is absent from the website.").split() == ["text", "websit"]


def test_missing_as_a_plain_word_is_still_masked_but_the_rest_is_kept() -> None:
    # "the missing rail link" keeps what is missing
    assert mask("Russia will fund the missing rail link.").split() == [
        "russia", "fund", "railway", "link",
    ]


def test_trying_to_widen_ties_is_striving_to_enhance_them() -> None:
    assert normalize("We try to expand trade") == normalize("We strive to enhance trade")
    assert normalize("They are broadening ties") == normalize("They are enhancing ties")
    # deepening or strengthening keeps its own word
    assert "enhanc" not in normalize("They are deepening and strengthening ties")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("payments are settled mostly in rubles and rials", "payments are conducted mostly in "
         "national currencies"),
        ("trade is settled in local currencies", "trade is conducted in national currencies"),
        ("exports go chiefly to Asia", "exports go mostly to Asia"),
        ("largely symbolic", "predominantly symbolic"),
        ("the present-day global order", "the current world order"),
    ],
)
def test_everyday_synonyms_of_money_degree_and_time_normalise_alike(
    first: str, second: str
) -> None:
    assert normalize(first) == normalize(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("timed to overshadow the inauguration", "timed to divert attention from the inauguration"),
        ("President-elect Donald Trump's inauguration", "Trump's inauguration"),
        ("the document does deal with military issues", "the document does cover military issues"),
        ("no transfer of arms", "no transfer of weapons"),
        ("Iran would act as a transit hub for gas", "Iran would serve as a gateway for gas"),
        ("the pact has nothing to do with missiles", "the pact does not cover missiles"),
        ("the deal had nothing at all to do with oil", "the deal did not cover oil"),
        ("timed to distract from the vote", "timed to divert attention from the vote"),
        ("trade sits at the heart of the pact", "trade sits at the forefront of the pact"),
        ("squeezed by Western penalties", "squeezed by Western sanctions"),
        ("civilian nuclear power", "peaceful nuclear energy"),
        ("steady growth in the neighbourhood", "steady development in the region"),
    ],
)
def test_general_english_of_the_story_normalises_alike(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)


def test_an_event_overshadowed_by_another_is_not_a_diversion() -> None:
    assert "divert" not in normalize("the signing was overshadowed by the war").split()


def test_a_timing_that_has_nothing_to_do_with_an_event_is_no_text_left_uncovered() -> None:
    assert "cover" not in normalize("the timing has nothing to do with the inauguration").split()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # what takes over from another text, or office holder, replaces it
        ("The accord took over from an older text.", "the accord replaced an older text."),
        ("Lavrov is taking over from his deputy.", "lavrov is replacing his deputy."),
    ],
)
def test_taking_over_from_is_replacing(text: str, plain: str) -> None:
    assert prepare(text) == plain


def test_taking_over_without_from_is_not_replacing() -> None:
    assert "replac" not in prepare("Gas exports took over the agenda.")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # having anything to do with a thing is being related to it
        ("They deny it had anything to do with oil.", "they deny it was related to oil."),
        ("The deal doesn't have anything to do with arms.", "the deal is not related to arms."),
    ],
)
def test_anything_to_do_with_is_related_to(text: str, plain: str) -> None:
    assert prepare(text) == plain


@pytest.mark.parametrize(
    ("swept", "plain"),
    [
        (
            "The accord swept away the old 2001 arrangement.",
            "The accord replaced the old arrangement.",
        ),
        ("A deal that sweeps away the earlier text.", "A deal that replaces the earlier text."),
    ],
)
def test_what_a_text_sweeps_away_it_replaces(swept: str, plain: str) -> None:
    assert normalize_and_mask(swept)[1] == normalize_and_mask(plain)[1]


@pytest.mark.parametrize(
    ("retired", "plain"),
    [
        ("The compact retires the older pact.", "The compact replaces the older pact."),
        ("A text that buries an outdated accord.", "A text that replaces an outdated accord."),
        ("The deal supplanted their earlier charter.", "The deal replaced their earlier charter."),
    ],
)
def test_what_a_text_retires_or_buries_it_replaces(retired: str, plain: str) -> None:
    assert normalize_and_mask(retired)[1] == normalize_and_mask(plain)[1]


@pytest.mark.parametrize(
    "text", ["A retired general praised the deal.", "The clause is buried in an annex."]
)
def test_a_retired_person_or_a_buried_clause_replaces_nothing(text: str) -> None:
    assert "replac" not in normalize(text).split()


@pytest.mark.parametrize(
    "text",
    ["the deal wasn't improvised", "the deal was not simply thrown together"],
)
def test_what_was_not_improvised_was_planned(text: str) -> None:
    assert normalize(text) == normalize("the deal was planned")


def test_an_improvised_deal_is_not_planned() -> None:
    assert "plan" not in normalize("the deal was improvised").split()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("remarks relayed by IRNA", "remarks cited by IRNA"),
        ("an interview picked up by Interfax", "an interview cited by Interfax"),
        ("wherever joint work is feasible", "wherever joint work is possible"),
    ],
)
def test_relayed_or_picked_up_is_cited_and_feasible_is_possible(text: str, plain: str) -> None:
    assert normalize(text) == normalize(plain)


def test_sweeping_without_away_is_no_replacement() -> None:
    assert "replac" not in normalize("Sanctions swept the region last year.").split()


@pytest.mark.parametrize(
    "text", ["a thirty-year lifespan", "a 30-year shelf life", "a three-decade life span"]
)
def test_a_texts_life_is_its_term(text: str) -> None:
    assert set(normalize(text).split()) == set(normalize("a 30-year duration").split())


@pytest.mark.parametrize(
    "text", ["the accord is meant to hold for 30 years", "the pact is set to hold for 30 years"]
)
def test_what_a_text_is_meant_to_hold_for_is_its_term(text: str) -> None:
    assert "durat" in normalize(text).split()


def test_short_hyphenated_words_stay_one_word() -> None:
    assert "north-south" not in normalize("the north-south route")  # unified to one token
    assert "militarytechn" in normalize("military-technical ties").split()
    assert "state-of-the-art" not in normalize("a state-of-the-art port")
    assert "art" in normalize("a state-of-the-art port").split()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("remarks carried by IRNA", "remarks cited by IRNA"),
        ("the deal may translate into more trade", "the deal may lead to more trade"),
        ("closer military collaboration", "enhanced military cooperation"),
    ],
)
def test_everyday_phrases_of_outcome_and_citing(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("arms the treaty spells out", "arms the treaty mentions"),
        ("drills, which the text also sets out", "drills, which the text also mentions"),
        ("the pact laid out port visits", "the pact mentioned port visits"),
    ],
)
def test_what_a_text_spells_out_it_mentions(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)


def test_a_person_declining_to_spell_out_details_mentions_nothing() -> None:
    assert "mention" not in normalize("The Kremlin declined to spell out the details.")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a new instrument replaces it", "a new treaty replaces it"),
        ("the pact was years in the making", "the pact was years of negotiations"),
        ("a text months in the making", "a text months of negotiations"),
    ],
)
def test_treaty_prose_for_the_text_and_its_making(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)


@pytest.mark.parametrize(
    ("official", "plain"),
    [
        # affixing one's signature to a text is signing it
        (
            "The ministers affixed their signatures to the accord.",
            "The ministers signed the accord.",
        ),
        ("Each president affixes his signature to the pact.", "Each president signs the pact."),
        # a ministry's or minister's full title is its short name
        (
            "a statement by the Ministry of Foreign Affairs of the Islamic Republic of Iran",
            "a statement by Iran's foreign ministry",
        ),
        (
            "the Minister of Foreign Affairs of the Russian Federation spoke",
            "Russia's foreign minister spoke",
        ),
        ("the Russian Ministry of Foreign Affairs", "the Russian foreign ministry"),
        # a country's top diplomat is its foreign minister, whatever names the country
        ("Moscow's top diplomat", "Moscow's foreign minister"),
        # weaponry is weapons; the times ahead are the future
        ("deliveries of weaponry", "deliveries of weapons"),
        ("a plan for the times ahead", "a plan for the future"),
        # the new instrument is the treaty
        ("the new instrument replaces it", "the new treaty replaces it"),
        # a ministry that clarified a point said it; peaceful atomic energy is nuclear energy
        ("the ministry clarified that it is public", "the ministry said that it is public"),
        ("work on civilian atomic energy", "work on nuclear energy"),
    ],
)
def test_official_wording_is_said_plainly(official: str, plain: str) -> None:
    assert normalize_and_mask(official) == normalize_and_mask(plain)


@pytest.mark.parametrize(
    ("text", "word", "present"),
    [
        # to harbour no wish is to have none: no port in it
        ("Moscow harbors no illusions about the West.", "port", False),
        ("Iran harboured no wish to join.", "port", False),
        # ... while harbours are still ports
        ("Warships will visit each other's harbours.", "port", True),
        # an instrument of ratification is not the treaty
        ("Iran handed over its instrument of ratification.", "treati", False),
    ],
)
def test_harbouring_a_wish_and_instruments_of_ratification(
    text: str, word: str, present: bool
) -> None:
    assert (word in normalize(text).split()) is present


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # an event whose date was chosen to achieve something was timed to
        (
            "they deny the date of the visit was picked to coincide with the holiday.",
            "they deny the visit was timed to coincide with the holiday.",
        ),
        (
            "the day of the signing had been deliberately selected to upstage him",
            "the signing had been timed to upstage him",
        ),
        # "so as to" and "in order to" say "to"
        (
            "the timing of the summit was picked in order to overshadow the vote",
            "the summit was timed to overshadow the vote",
        ),
        (
            "the date of the ceremony was fixed so as to upstage the rally",
            "the signing was timed to upstage the rally",
        ),
        # a date set for something, or set to be announced, is no timing
        ("the date of the vote was set for 8 april", "the date of the vote was set for 8 april"),
        (
            "the date of the visit was set to be announced later",
            "the date of the visit was set to be announced later",
        ),
    ],
)
def test_a_date_chosen_to_do_something_is_a_timing(text: str, plain: str) -> None:
    assert plain_idioms(text) == plain


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # withholding help from someone is not helping them
        (
            "both pledged to withhold all assistance from an aggressor",
            "both pledged to not help an aggressor",
        ),
        ("moscow withheld support from them", "moscow did not help them"),
        # a springboard or launchpad for acts is what is used for them
        (
            "its soil may not be used as a launchpad for raids",
            "its soil may not be used for raids",
        ),
        ("the base serves as a staging ground for strikes", "the base is used for strikes"),
    ],
)
def test_withholding_help_and_springboards_are_said_plainly(text: str, plain: str) -> None:
    assert plain_idioms(text) == plain


def test_hostile_acts_are_threatening_actions() -> None:
    assert normalize("hostile activities against Iran") == normalize(
        "threatening actions against Iran"
    )


def test_endangering_is_threatening() -> None:
    assert normalize("no moves that endanger the neighbour") == normalize(
        "no moves that threaten the neighbour"
    )
    assert normalize("acts endangering Moscow's security") == normalize(
        "actions threatening Moscow's security"
    )


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # a denial of an exclusion asserts the inclusion: the negations cancel
        (
            "the envoy denied that the accord leaves out security matters",
            "the envoy said that the accord covers security matters",
        ),
        (
            "aides rejected claims that energy was omitted from the text",
            "aides said that energy was covered by the text",
        ),
        (
            "ministers brushed aside talk that the deal excludes arms sales",
            "ministers said that the deal covers arms sales",
        ),
        (
            "she dismissed reports that the pact shuts out nuclear cooperation",
            "she said that the pact covers nuclear cooperation",
        ),
        # a coordinated subject is one subject
        (
            "diplomats dismissed the idea that trade and transport were left out of the pact",
            "diplomats said that trade and transport were covered by the pact",
        ),
        # a denial of anything else, or an exclusion not denied, is left alone
        (
            "diplomats dismissed the reports and stressed that arms were left out of the pact",
            "diplomats dismissed the reports and stressed that arms were left out of the pact",
        ),
        (
            "aides denied the claim and said arms were kept out of the text",
            "aides denied the claim and said arms were kept out of the text",
        ),
        (
            "the envoy denied that the accord creates an alliance",
            "the envoy denied that the accord creates an alliance",
        ),
        (
            "the accord leaves out security matters, the envoy said",
            "the accord leaves out security matters, the envoy said",
        ),
    ],
)
def test_a_denied_exclusion_is_an_inclusion(text: str, plain: str) -> None:
    assert plain_idioms(text) == plain


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            "the majlis approved it on 1 khordad 1404 (22 may 2025).",
            "the majlis approved it on 22 may 2025.",
        ),
        (
            "the law took effect on 10 mehr 1404, corresponding to 2 october 2025.",
            "the law took effect on 2 october 2025.",
        ),
        (
            "talks resumed on 3 february 2025 (15 bahman 1403) in tehran.",
            "talks resumed on 3 february 2025 in tehran.",
        ),
    ],
)
def test_a_persian_date_beside_its_gregorian_twin_goes(text: str, plain: str) -> None:
    assert plain_idioms(text) == plain


def test_a_persian_date_alone_stays() -> None:
    assert "12 azar 1403" in plain_idioms("the draft was approved on 12 azar 1403.")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # the text's scope with its owner first reads as the scope of the text
        ("arms fall outside the pact's scope", "arms fall outside the scope of the pact"),
        ("beyond the accord's remit", "beyond the remit of the accord"),
        # another owner's scope is left alone
        ("outside the ministry's scope", "outside the ministry's scope"),
    ],
)
def test_a_texts_scope_with_its_owner_first(text: str, plain: str) -> None:
    assert plain_idioms(text) == plain


def test_billed_as_is_described_as_not_a_bill() -> None:
    billed = normalize("Moscow billed the accord as historic; it was billed as a landmark deal.")
    assert "describ" in billed.split()
    # a law's bill stays one
    assert "bill" in normalize("The Duma passed the bill on the treaty.").split()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            "the foreign ministry of the islamic republic issued it",
            "iran's foreign ministry issued it",
        ),
        (
            "the foreign minister of the russian federation replied",
            "russia's foreign minister replied",
        ),
    ],
)
def test_a_foreign_ministry_of_a_state_is_that_states(text: str, plain: str) -> None:
    assert prepare(text) == plain


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tehran has asked the parliament to move fast.", "majlis"),
        ("Iranian diplomats defended the text before the parliament on Monday.", "majlis"),
    ],
)
def test_the_parliament_of_a_sentence_naming_only_irans_side_is_the_majlis(
    sentence: str, expected: str
) -> None:
    assert expected in prepare(sentence).split()


@pytest.mark.parametrize(
    "sentence",
    [
        # both sides named: whose parliament is unclear
        "Moscow and Tehran each sent the text to the parliament.",
        # no side named
        "The parliament will debate the text next week.",
        "Iranian parliamentarians toured the site.",
    ],
)
def test_the_parliament_stays_unnamed_otherwise(sentence: str) -> None:
    assert "majlis" not in prepare(sentence)


def test_an_instrument_described_is_a_treaty() -> None:
    assert "treati" in normalize("The 1990s text was an instrument which both sides renewed.")


def test_an_instrument_of_ratification_is_no_treaty() -> None:
    assert "treati" not in normalize("Both sides exchanged an instrument of ratification.")


@pytest.mark.parametrize(
    ("role", "city"),
    [
        ("Talks resumed in the Russian capital on Monday.", "Talks resumed in Moscow on Monday."),
        ("Envoys gathered in the Iranian capital.", "Envoys gathered in Tehran."),
    ],
)
def test_a_capital_named_by_its_role_is_the_city(role: str, city: str) -> None:
    assert normalize(role) == normalize(city)


def test_a_countrys_capital_without_the_article_is_left_alone() -> None:
    # "Russian capital" as money is no city.
    assert "capit" in normalize("Russian capital is fleeing to Dubai.")


@pytest.mark.parametrize(
    "first",
    [
        "The panel held its inaugural session in spring.",
        "The panel held its inaugural meeting in spring.",
        "The panel first met in spring.",
        "The panel held its first session in spring.",
    ],
)
def test_an_inaugural_sitting_is_a_first_meeting(first: str) -> None:
    plain = normalize("The panel's first meeting in spring.")
    assert normalize(first).replace("held ", "") == plain


def test_a_joint_commission_is_the_intergovernmental_one() -> None:
    assert normalize("a joint commission oversees the deal") == normalize(
        "an intergovernmental commission oversees the deal"
    )


def test_swapped_documents_were_exchanged_but_a_swap_for_another_is_no_exchange() -> None:
    assert normalize("the notes were swapped at noon") == normalize(
        "the notes were exchanged at noon"
    )
    assert "exchang" not in normalize("they swap the old pact for a new one")


def test_a_hub_for_goods_passing_through_is_their_gateway() -> None:
    assert normalize("Kazakhstan wants to be a hub for grain shipments") == normalize(
        "Kazakhstan wants to be a gateway for grain shipments"
    )


def test_a_third_state_is_a_third_party() -> None:
    assert normalize("Neither side will arm a third state at war with the other.") == normalize(
        "Neither side will arm a third-party at war with the other."
    )


def test_what_can_be_used_at_a_place_works_there() -> None:
    assert "work at" in prepare("Visa cards can be used at the airport's cash machines.")
    assert "cannot work at" in prepare("Foreign passes cannot be used at the border posts.")
    # a scope that begins after its cue ("could not ... be used at")
    assert prepare(" be used at the kiosks").strip().startswith("work at")
    # not what something will be used for at a place
    assert "work" not in prepare("The funds will be used at the new plant.")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("energy goes unmentioned in the pact", "energy is not mentioned in the pact"),
        ("joint drills remained unmentioned", "joint drills was not mentioned"),
    ],
)
def test_going_unmentioned_is_not_being_mentioned(first: str, second: str) -> None:
    assert normalize(first) == normalize(second)


def test_defence_as_a_field_of_work_is_the_military_one() -> None:
    assert normalize("talks covered energy and defense affairs") == normalize(
        "talks covered energy and military matters"
    )
    # a defence pledge is no field of work
    assert "military" not in normalize("a pledge of mutual defence").split()


def test_a_pact_of_military_kind_is_an_alliance() -> None:
    assert normalize("it is an economic accord, not a military pact") == normalize(
        "it is an economic accord, not a military alliance"
    )


@pytest.mark.parametrize(
    ("emphatic", "plain"),
    [
        ("the pact did not name gas in any way", "the pact did not name gas"),
        ("Moscow gives no aid of any kind to an aggressor", "Moscow gives no aid to an aggressor"),
        ("they never drilled, in any shape or form, at sea", "they never drilled at sea"),
        ("the text rules out arms sales in any form", "the text rules out arms sales"),
    ],
)
def test_an_intensifier_of_a_denial_adds_no_words(emphatic: str, plain: str) -> None:
    assert normalize(emphatic) == normalize(plain)


def test_any_form_of_a_thing_keeps_the_thing() -> None:
    assert "form" in normalize("it excludes any form of military help").split()
