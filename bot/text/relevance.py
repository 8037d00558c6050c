"""Relevance: is an article about the treaty, and is a sentence of it a claim worth judging?

An article is relevant when it names a Russia-side term, an Iran-side term and a
treaty/pact/agreement/partnership term (the groups come from the config and match inflections:
"Russian", "Iran's", "treaties"). Within a relevant article a sentence is a candidate claim
when it is about the treaty itself, its provisions, its parties' statements about it, or its
ratification and implementation; generic background (the war in Ukraine, Gaza, drones) and
sentences about *other* treaties (North Korea, Belarus, the 2001 agreement) are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.config import RelevanceConfig
from bot.model import Slots
from bot.text.headline import asks_about_its_subject
from bot.text.lexicon import ACTOR_SIDE
from bot.text.normalize import plain_idioms, prepare

# Words that make a sentence about the treaty or its subject matter (prefixes, on prepared text).
_TREATY_ANCHORS = (
    # Prefixes start at a word: "designed" is no signing, "impact" no pact, "Vladimir" no Mir.
    r"\btreat(?:y|ies)|\b(?:com)?pact|agreement|\baccord\b|\bdeals?\b|\bcsp\b|partnership|"
    r"document|the text|"
    r"\b\d+[ -]articles?\b|\barticles? \d+\b|\barticles of\b|"
    # an article that binds or bars is a provision, not a newspaper's: "one article commits
    # each side not to ...", "another article forbids ..."
    r"\barticles? (?:commit|oblig|bind|requir|bar|forbid|prohibit|stipulat|provid|ban)\w*|"
    r"\b(?:co-?)?sign(?:ing|ed)\b|ratif|breakthrough|new chapter|road map|\bprovisions?\b|"
    r"\bvot(?:e|es|ed|ing)\b|inforce|"
    # A clause, and what either party to a text may do, are the treaty's wording.
    r"\bclauses?\b|\b(?:either|each|neither) (?:party|parties|signatory)\b|"
    r"mutualdefense|alliance|\bbloc\b|"
    r"military(?:-| )(?:cooperation|collaboration|political|technical)|militarytechnical|"
    r"security (?:services|threats|cooperation)|aggress|state_duma|federation_council|majlis|"
    r"guardian_council|instruments of ratification|northsouth|corridor|\brail(?:way|road)?s?\b|"
    r"rasht|astara|"
    r"\bgas\b|pipeline|nuclear energy|\bbcm\b|payment system|national currencies|\bmir\b|shetab|"
    r"\bbill\b|\blaw\b|plenary|committee|deputies|\bloan\b|\blend(?:s|ing)?\b|instruments|drills|exercises|"
    r"naval|port calls|"
    # The treaty's putting into practice, and the body that oversees it: "its implementation
    # will cost nothing", "an intergovernmental commission will oversee it".
    r"\b(?:its|the treaty's|the accord's|the pact's) (?:implementation|execution)\b|"
    r"\b(?:intergovernmental|inter-governmental|joint) commission\b|"
    # How the term goes on: "rolls over in five-year stretches", "automatic renewal".
    r"\brenewal\b|\brol(?:ls|led|ling)? over\b|automatic(?:ally)? (?:renew|extend|extension)|"
    # The timing set against the inauguration is the signing's ("the timing has nothing to do
    # with Trump's inauguration"); the timing *of* the inauguration is not.
    r"\btim(?:ing|ed)\b(?! of (?:the |trump's |his )?inaugura)(?=.*\binaugura)"
)
_ANCHOR_RE = re.compile(_TREATY_ANCHORS)
# Sentence openers that refer back to the subject of the previous sentence.
_ANAPHORA = re.compile(
    r"^(?:both|this|that|these|those|the) (?:treat|pact|agreement|accord|deal|alliance|"
    r"organi[sz]ation|document)|^(?:it|they)\b"
    # ... or that points back from inside: "An article in this document provides for ..."
    r"|\b(?:in|of|under) (?:this|that) (?:treaty|pact|agreement|accord|deal|document|text)\b"
)
# Comparisons that keep a sentence about our treaty even when it names another one.
_CONTRAST = re.compile(
    r"\b(?:akin to|unlike|like|similar|in contrast|compared|the one|than|replac\w*|of the kind"
    r"|succeed\w*|supersed\w*|same"
    # what puts ours level with another: "on a par with", "on the same footing as"
    r"|on (?:a )?par with|on (?:the same|an equal) footing|comparable|equivalent"
    # "lacks the clause found in Moscow's pact with Pyongyang"
    r"|(?:found|contained|included|present|featured|enshrined|seen) in)\b"
)
# A definite reference that, beside a comparison, means *our* treaty.
_OURS = re.compile(
    r"\b(?:the|this|new|iran|iranian|russia-iran|russia–iran)"
    # (the legal term for the text too: "this new instrument supersedes the 2001 deal")
    r" (?:agreement|treaty|pact|deal|accord|instrument(?! of ratification))\b"
    # the text without a partner's name is the one the story is about: "analysts who read the
    # text" (another's is named: "the text of the Pyongyang pact")
    r"|\b(?:the|this) (?:text|document)\b(?! of\b)"
    # "It replaces an older agreement", "unlike Moscow's pact with Pyongyang, this one ...":
    # the subject the sentence opens on, or "this one", is the story's own treaty.
    r"|^it\b|\bthis one\b"
    # a month without a year is this story's: "superseded by the mid-January accord" (the
    # replaced one carries its year, "the 2001 treaty")
    r"|\b(?:the|this) (?:(?:mid|early|late)[- ])?(?:january|february|march|april|may|june"
    r"|july|august|september|october|november|december)(?! \d)"
    r" (?:agreement|treaty|pact|deal|accord|instrument)\b"
)
# A comparison with another partner's case ("the same as with Pyongyang", "as with Minsk") and
# a subject that points at ours ("this is", "it would be").
_AS_WITH = re.compile(r"\b(?:(?:the )?same as|just as|as|like) (?:with|for|in the case of)\b")
_DEMONSTRATIVE_SUBJECT = re.compile(
    r"\b(?:this|it|that)(?:'s| is| was| will be| would be| remains| becomes)\b"
)
_CONTINUATION = re.compile(
    # "That is 14% more than a year earlier": what the sentence before stated, set against
    # something else.
    r"^(?:that(?: is| was|'s)|it|they|this|these"
    r"|the (?:bill|law|measure|vote|line|project|loan|text|move|"
    r"ratification|accord|document|upper house|lower house|chamber|commission))\b"
)
# The wording of a provision: an undertaking, an obligation, a permission or what the text
# covers ("both countries promise not to ...", "either side may ...", "are also covered").
_PROVISION = re.compile(
    r"\b(?:will|would|shall|must|may|can|cannot|won't|promis\w*|pledg\w*|undert(?:ake|akes|ook)"
    r"|commit\w*|agree[sd]?|bound|oblig\w*|cover(?:s|ed)?|provid(?:es|ed) for)\b"
)
# Both parties as one subject, and an undertaking they give together: "the two countries
# pledged to cooperate on space research" is a commitment of the partnership, in any field.
_BOTH_PARTIES = re.compile(
    r"\b(?:(?:the (?:2|two)|both) (?:countries|sides|nations|states|parties|governments|capitals)"
    r"|(?:russia|moscow) and (?:iran|tehran)|(?:iran|tehran) and (?:russia|moscow))\b"
)
_JOINT_UNDERTAKING = re.compile(
    r"\b(?:pledg(?:e|es|ed)|agreed|undert(?:ake|akes|ook)|committed|promised|vowed)\b"
)
# Another piece of legislation: a bill or law brought in with an indefinite article ("the Duma
# also passed a bill tightening rules on foreign agents"). The treaty's own bill is "the bill",
# or is named by what it ratifies; a house's other business is not about the treaty.
_OTHER_BILL = re.compile(
    r"\b(?:a|an|another|one more)\s+(?:(?:new|separate|second|further|draft)\s+)?(?:bill|law)\b"
)
# The words of a house's business, which anchor a sentence to the treaty only when the bill
# or vote is the treaty's.
_LEGISLATIVE = re.compile(
    r"\b(?:bills?|laws?|vot(?:e|es|ed|ing)|state_duma|federation_council|majlis|plenary"
    r"|committee|deputies|passed|adopted)\b"
)
# Market reports: what a benchmark or futures contract did is the market's news, not the
# treaty's ("Dutch TTF gas futures fell 3% on mild weather").
_MARKET_REPORT = re.compile(
    r"\b(?:futures|benchmark|spot prices?|(?:oil|gas|crude|brent) prices?)\b"
    r"[^.;]*\b(?:fell|rose|dropped|climbed|slipped|jumped|surged|eased|gained|lost|traded)\b"
)
# An agreement on another subject ("a protocol to the 2012 visa agreement", "the fisheries
# accord"): our treaty is a partnership, never a visa, trade or fisheries text, so such an
# agreement is a house's or a government's other business, like another bill.
_OTHER_AGREEMENT = re.compile(
    r"\b(?:visa|visa-free|trade|free-trade|fisheries|fishing|extradition|customs|tax"
    r"|double-taxation|investment|readmission|migration|aviation|air-services|border"
    r"|boundary|consular|postal)\s+(?:[\w-]+\s+)?(?:agreements?|accords?|treat(?:y|ies)|pacts?"
    r"|deals?|conventions?|protocols?)\b"
)
# Words too common in any report to tie a sentence to the story's topic: time words, the
# reporting verbs, quantifiers (normalised tokens, as in ``Claim.masked``).
_GENERIC_TOPIC_WORDS = frozenset(
    {
        "first", "second", "last", "next", "month", "year", "today", "time", "also", "week",
        "said", "told", "well", "short", "more", "most", "less", "some", "many", "much", "only",
        "about", "still", "into", "from", "with", "that", "this", "there", "their", "have",
        "been", "were", "will", "would", "could", "should", "which", "while", "when", "where",
        "after", "before", "over", "under", "other", "such", "than", "then", "what", "who",
        "sign", "session", "report", "news", "says", "say", "made", "make", "take", "taken",
        "earlier", "later", "previous", "former", "latest", "recent", "dollar", "euro", "cent",
        "percent", "figur", "number", "ministri", "exchang", "repli", "part", "side",
    }
)
_PARTIES = frozenset({"russia", "iran"})
# A question alone asserts nothing: "Is the pact in force yet?" (an explainer's question on
# "it" answered in the same sentence is read by ``asks_about_its_subject``).
# A yes/no question, that is; one that sets out a fact before asking ("A year on from the
# pact signed on 17 January, what has it delivered?") states that fact.
_BARE_QUESTION = re.compile(
    r"^(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall|may)\b"
    r"[^?]*\?[\s\"'”’)]*$",
    re.IGNORECASE,
)
# A career line: what a person did before a posting, not what the treaty says ("X chaired the
# Majlis research centre before his posting to Moscow").
_CAREER = re.compile(
    r"\bbefore (?:his|her|their) (?:posting|appointment|move|transfer|nomination|election)\b"
    r"|\b(?:previously|formerly) (?:served|chaired|headed|led|ran|worked)\b"
)
# A third country's own agreement: "China, which signed its own cooperation programme with
# Iran, ..." is about that country's deal, not ours.
_ITS_OWN_DEAL = re.compile(
    r"\b(?:signed|concluded|struck|agreed|sealed) (?:its|their) own\b[^.;]{0,40}?"
    r"\b(?:treat(?:y|ies)|pacts?|agreements?|accords?|deals?|programmes?|programs?)\b"
)
# What marks a sentence as an aside from the report it sits in: the same sitting's other
# business ("at the same sitting the committee also ...", "the council separately approved
# ..."), another party's own affairs ("Azerbaijan's own trade", "its own programme"), a
# forecast for a whole economy.
_ASIDE = re.compile(
    r"\b(?:at|in|during) the same (?:sitting|session|meeting|hearing)\b|\bseparately\b"
    r"|\b(?:also|further|then) (?:gave|approved|passed|adopted|endorsed|turned|backed|debated)\b"
    r"|\bown\b|\beconomy\b"
)
# A capitalised word after the sentence's first: a name.
_NAME = re.compile(r"(?<=\S )[A-Z][\w-]*")
_IRAN_OTHER = frozenset({"nuclear_deal", "hamas_truce"})
_MIN_WORDS = 5


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    # A term matches its inflections: "russia" also matches "russian" and "russia's", and
    # "treaty" matches "treaties".
    def inflected(term: str) -> str:
        term = re.escape(term.lower())
        return term[:-1] + "(?:y|ies)" if term.endswith("y") else term

    return re.compile(r"\b(?:" + "|".join(inflected(t) for t in terms) + r")\w*")


class RelevanceFilter:
    """Decides relevance with the configured term groups; build once, reuse for every article."""

    def __init__(self, config: RelevanceConfig) -> None:
        self._groups = [
            _term_pattern(config.russia_terms),
            _term_pattern(config.iran_terms),
            _term_pattern(config.treaty_terms),
        ]
        self._iran = _term_pattern((*config.iran_terms, "pezeshkian", "araghchi", "jalali"))

    def article_is_relevant(self, title: str, text: str) -> bool:
        """True when the article names a term of every group (Russia, Iran, treaty)."""
        haystack = f"{title}\n{text}".lower()
        return all(group.search(haystack) for group in self._groups)

    def _names_a_party(self, prepared: str) -> bool:
        return bool(self._groups[0].search(prepared) or self._iran.search(prepared))

    def mentions_iran(self, sentence: str) -> bool:
        return bool(self._iran.search(sentence.lower()))

    def about_other_subject(self, sentence: str, slots: Slots) -> bool:
        """True when the sentence is about another treaty or partner, not ours."""
        if not slots.other_subjects:
            return False
        # Idioms said plainly: what "takes over from" or "sweeps away" another text replaces it.
        lowered = plain_idioms(sentence.lower())
        if _CONTRAST.search(lowered) and _OURS.search(lowered):
            return False
        # "This is a military alliance, the same as with Pyongyang": what "this" is, is
        # compared with the other partner's; the sentence is about ours, not that one.
        if _AS_WITH.search(lowered) and _DEMONSTRATIVE_SUBJECT.search(lowered):
            return False
        # Iran's own deals with others (the nuclear deal, a Gaza truce) stay other subjects
        # even though the sentence names Iran; Russia's other partners do unless Iran is named.
        return not self.mentions_iran(sentence) or bool(_IRAN_OTHER & set(slots.other_subjects))

    def sentence_is_candidate(
        self, sentence: str, slots: Slots, *, follows_candidate: bool = False
    ) -> bool:
        """True when the sentence says something about the treaty that can be judged;
        ``follows_candidate``: the sentence before it was one (so "It provides for ..." is)."""
        if len(sentence.split()) < _MIN_WORDS:
            return False
        if follows_candidate and not slots.other_subjects and self.continues(sentence):
            return True
        # An explainer's question on "it", answered: "it" is the story's subject, the treaty.
        if not slots.other_subjects and asks_about_its_subject(sentence):
            return True
        if slots.other_subjects or _BARE_QUESTION.match(sentence.strip()):
            return False
        prepared = prepare(sentence)
        if not slots.stances and (_CAREER.search(prepared) or _ITS_OWN_DEAL.search(prepared)):
            return False  # a career line, a third country's own deal
        if _MARKET_REPORT.search(prepared) and not slots.actors and not self._names_a_party(
            prepared
        ):
            return False  # a market report naming neither party nor treaty body
        if (
            not slots.stances
            and _OTHER_BILL.search(prepared)
            and not _ANCHOR_RE.search(_LEGISLATIVE.sub(" ", prepared))
        ):
            return False  # a house's other business: "also passed a bill on foreign agents"
        if (
            not slots.stances
            and _OTHER_AGREEMENT.search(prepared)
            and not _ANCHOR_RE.search(_OTHER_AGREEMENT.sub(" ", _LEGISLATIVE.sub(" ", prepared)))
        ):
            return False  # another agreement: "ratified a protocol to the visa agreement"
        if _ANCHOR_RE.search(prepared) or slots.stances:
            # A stance on one of the treaty's contested framings (its text made public or
            # kept private, an alliance, mutual defence) is about the treaty.
            return True
        if _BOTH_PARTIES.search(prepared) and _JOINT_UNDERTAKING.search(prepared):
            return True
        # A party's statement about the bilateral relationship it created.
        party_speaks = any(
            a in slots.actors
            for a in ("putin", "pezeshkian", "araghchi", "jalali", "lavrov", "peskov")
        )
        return party_speaks and bool(
            re.search(r"bilateral|relations|ties|cooperation|chapter", prepared)
        )

    @staticmethod
    def may_echo_the_treaty(sentence: str, slots: Slots) -> bool:
        """True for a sentence that names nothing of the treaty yet may restate what is known
        of it: long enough, not about another treaty, and worded as an undertaking or said
        by one of the parties ("the Kremlin's spokesman brushed aside suggestions that ...")."""
        party_speaks = any(ACTOR_SIDE.get(actor) in _PARTIES for actor in slots.actors)
        return (
            len(sentence.split()) >= _MIN_WORDS
            and not slots.other_subjects
            and (party_speaks or bool(_PROVISION.search(sentence.lower())))
        )

    @staticmethod
    def goes_on_with_topic(
        sentence: str, slots: Slots, tokens: frozenset[str], topic: frozenset[str]
    ) -> bool:
        """True for a sentence that names nothing of the treaty but goes on, in the paragraph
        of a claim about it, with the topic learnt from relevant reports (``topic``: the words
        of what was learnt from them and of the article's claims so far): it names a party or
        shares a word of that topic ("Only 40 percent of the land along the route has been
        bought" after a sentence on the railway). ``tokens``: the sentence's normalised words.
        Another treaty, a market report and a bare question stay out."""
        if len(sentence.split()) < _MIN_WORDS or slots.other_subjects:
            return False
        if sentence.rstrip().endswith("?"):
            return False  # a question asserts nothing
        prepared = prepare(sentence)
        if (
            _MARKET_REPORT.search(prepared)
            or _OTHER_BILL.search(prepared)
            or _OTHER_AGREEMENT.search(prepared)
            or _ASIDE.search(sentence.lower())
            or _CAREER.search(prepared)
            or _ITS_OWN_DEAL.search(prepared)
        ):
            return False  # the market's news, a house's or another party's other business
        shared = {t for t in tokens & topic if len(t) >= 4 and not t.isdigit()}
        shared -= _GENERIC_TOPIC_WORDS | _PARTIES
        # A name alone (a capital, a person) turns up in many stories: a word of the subject
        # matter must be shared too ("Washington added an exchange house to its sanctions list"
        # shares the capital only).
        names = {word.lower() for word in _NAME.findall(sentence)}
        return any(not any(name.startswith(t) for name in names) for t in shared)

    @staticmethod
    def continues(sentence: str) -> bool:
        """True when the sentence opens with a pronoun or a short definite reference ("It
        provides for ...", "The bill ...", "The line ...") and so goes on with the subject of
        the sentence before it."""
        return bool(_CONTINUATION.search(sentence.lower()))

    @staticmethod
    def refers_back(sentence: str) -> bool:
        """True when the sentence opens by pointing at the previous sentence's subject."""
        return bool(_ANAPHORA.search(prepare(sentence)))
