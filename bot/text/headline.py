"""Headline and wire syntax: what fast news copy puts before and around a claim.

Live blogs, wire flashes and captions open a claim with chrome ("Breaking –", "12:41 –",
"File photo:"), credit it to the agency that carried it ("Mehr: ...", "Rossiya-24 transcript,
guest analyst: ...") and shorten titles ("FM", "Pres."). None of it is the claim:
``plain_lead`` returns the sentence without the chrome and the credit, with the abbreviated
titles spelled out and a headline's present tense of publishing put in the past, so slots,
relevance and the normalised forms read the claim itself. A speaker before a colon
("Peskov: ...") is kept: the name is part of what is said, as "Peskov said ..." is.

Explainers and interviews ask a question and answer it in the same sentence. A yes-no
question answered "no" is denied ("Can either side X? The answer is no" says neither can X),
and an answer that is a whole clause with a subject of its own is the claim ("What sets it
apart? The Iran accord doesn't ..."): the question only introduced its topic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.text import lexicon

# A flash label or a live-blog time stamp, then a dash or a colon: "Breaking –", "UPDATE:",
# "12:41 –", "[0941 GMT]", "12:41 pm:". Several may stack ("Breaking – 12:41 –").
_LABEL = (
    r"(?:breaking(?: news)?|just in|update[sd]?|latest|live|flash|urgent|developing|exclusive|"
    r"analysis|opinion|explainer|factbox|fact box|timeline|watch|read more|correction)"
)
_CLOCK = (
    r"\[?(?:\d{1,2}:\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:gmt|utc|msk|cet|et))?"
    r"|\d{4}\s*(?:gmt|utc|msk))\]?"
)
# The dash after a label is set off by a space: "Live-fire drills" opens with no label.
_LEAD = re.compile(
    rf"^(?:(?:{_LABEL}|{_CLOCK})(?:\s*[:|]\s*|\s+[-–—]+\s*|(?<=\])\s+))+", re.IGNORECASE
)
# A picture label: "File photo:", "Pictured:". What follows is a caption, a claim about what
# the picture shows, when it reads as a sentence; a credit ("Photo: Sergei Ilnitsky / Pool via
# Reuters") names a photographer or an agency and stays chrome.
_PICTURE = re.compile(
    r"^(?:file photo|archive photo|photo|picture|image|pictured|caption|in pictures)\s*:\s*",
    re.IGNORECASE,
)
_CREDIT_MARKS = re.compile(r"[/©]|\b(?:via|pool|credit|courtesy)\b", re.IGNORECASE)
_CAPTION_WORDS = 4
# A credit to the outlet that carried the claim, before a colon: "Mehr:", "TASS:", "Rossiya-24
# transcript, guest analyst:", "Interfax, citing a source:". The outlet may be followed by the
# kind of copy (transcript, report) and by who speaks in it when unnamed (guest analyst).
_OUTLET = "|".join(re.escape(o) for o in sorted(lexicon.NEWS_OUTLETS, key=len, reverse=True))
_COPY_KIND = r"(?:\s+(?:transcript|report|reports|readout|interview|broadcast|wire|live))?"
# Lower case: "TASS, Lavrov:" names its speaker, who is part of the claim.
_UNNAMED = r"(?-i:(?:,\s*(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}[a-z-]+)?)"
# A broadcast transcript's turn label: "HOST:", "ANCHOR:", "Q:". It names a role in the
# programme, not who said the claim; the turn's words are the claim.
_TURN = re.compile(
    r"^(?-i:(?:HOST|ANCHOR|PRESENTER|INTERVIEWER|MODERATOR|REPORTER|CORRESPONDENT|CALLER|GUEST"
    r"|Host|Anchor|Presenter|Interviewer|Moderator|Q|A))\s*:\s*(?=\S)"
)
# A correction's preamble on what the earlier copy got wrong: "An earlier version gave the
# wrong venue;", "This story has been amended:". What follows it is the corrected claim.
_CORRECTION_PREAMBLE = re.compile(
    r"^(?:(?:an?|the)\s+(?:earlier|previous|original|first)\s+(?:version|edition|draft)"
    r"|this\s+(?:article|story|report|piece|item)\s+(?:has\s+been|was|is)\s+"
    r"(?:corrected|amended|updated))\b[^;:.]{0,120}[;:]\s*(?=\S)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    rf"^(?:{_OUTLET}){_COPY_KIND}{_UNNAMED}\s*:\s*(?=\S)", re.IGNORECASE
)
# An agency's credit set off by a dash: "MEHR – Tehran dismissed ...", "Press TV - ...".
_DASH_CREDIT = re.compile(rf"^(?:{_OUTLET})\s+[-–—]+\s+(?=\S)", re.IGNORECASE)
# An agency named as the carrier of a report, not its source of content: "As Press TV reports,
# ...", "... the document, TASS reports, covers ...", "..., IRNA reported." The words of the
# report stay; the credit goes, as a leading "Mehr:" does.
_CARRIED = r"(?:reports?|reported|writes|wrote|informs|informed|notes|noted)"
_AS_OUTLET_REPORTS = re.compile(rf"^(?:as\s+)?(?:{_OUTLET})\s+{_CARRIED}\s*,\s*", re.IGNORECASE)
_OUTLET_REPORTS_ASIDE = re.compile(
    rf",\s*(?:as\s+)?(?:{_OUTLET})\s+{_CARRIED}\s*(,\s*|(?=[.;]|$))", re.IGNORECASE
)
# A dateline: the city in capitals, then the date and the agency, or either, then a dash:
# "MOSCOW, January 17th (IRNA) –", "TEHRAN, 19.01.2025 (IRNA) –", "MOSCOW (TASS) -". Its date
# is the day the copy was filed, not a date of what it reports.
_DATELINE_DATE = (
    r"(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?(?:,?\s+\d{4})?"
    r"|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)"
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,2}"
    rf"(?:,\s*{_DATELINE_DATE}(?:\s*\([^()]{{1,30}}\))?|\s*\([^()]{{1,30}}\))"
    r"\s*[-–—]+\s*(?=\S)"
)
# Titles that wire copy abbreviates, spelled out where they stand before a name: "FM Araqchi",
# "Pres. Pezeshkian", "Deputy FM Ryabkov", "the MFA". Upper case only: "fm" is a radio band.
_TITLES = (
    # Not after a number: "101.5 FM Radio", "at 3 PM Moscow time".
    (re.compile(r"(?<![\d.])(?<![\d.]\s)\bFMs?(?=\s+[A-Z])"), "Foreign Minister"),
    (re.compile(r"\bPres\.(?=\s+[A-Z])"), "President"),
    (re.compile(r"(?<![\d.])(?<![\d.]\s)\bPM(?=\s+[A-Z])"), "Prime Minister"),
    (re.compile(r"\bMFA\b"), "Foreign Ministry"),
)
# Headlines put a past publication in the present: "Kremlin posts treaty text", "Tehran
# releases the 47 articles" say the text was published.
_PRESENT_PUBLISHING = re.compile(
    r"\b(?:posts|publishes|releases|unveils|discloses|puts out)\b"
    r"(?=\s+(?:the\s+|its\s+|a\s+)?(?:[\w'-]+\s+){0,2}?(?:text|document|articles)\b)",
    re.IGNORECASE,
)
# Ellipses that cut a quoted fragment ("'...so in essence, yes, ...'") are no words: at the
# fragment's edges they go, inside it they are a pause, as a comma is.
_EDGE_ELLIPSIS = re.compile(
    r"(?:^|(?<=['\"‘“]))\s*(?:\.\.\.|…)\s*|\s*(?:\.\.\.|…)\s*(?=['\"’”]|$)"
)
_INNER_ELLIPSIS = re.compile(r",?\s*(?:\.\.\.|…)\s*")


# A question and the answer after it in the same sentence: "Can X ...? The answer is no, ...".
_QUESTION = re.compile(r"^(?P<question>[^?]{8,}?)\?\s+(?P<answer>\S.*)$", re.DOTALL)
# An explainer's labels: "Q: How long will it last? A: Twenty years." ("A" only with its colon:
# "A 2001 agreement" is an answer, not a label.)
_QUESTION_LABEL = re.compile(r"^\s*(?:q|question)\s*[:.]\s+", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"^(?:a|answer)\s*:\s*", re.IGNORECASE)
# A spoken opener before the question: "So", "And", "Well,".
_OPENER = r"(?:(?:so|and|but|then|well|now|okay|ok),?\s+)?"
# A yes-no question opens with an auxiliary that is not negated ("Didn't ...? No" is unclear).
_YES_NO = re.compile(
    rf"^{_OPENER}(?P<aux>can|could|will|would|does|do|did|is|are|was|were|has|have|had|should|"
    r"shall|may|might|must)\s+(?!not\b)",
    re.IGNORECASE,
)
# An answer long enough to say something: "Two decades, according to Jalali."
_ANSWER_WORDS = 3
_WH = re.compile(rf"^{_OPENER}(?:what|how|who|whom|which|when|where|why)\b", re.IGNORECASE)
# "No", "The answer is no", "In short, no", "Simply put, no", then what follows it. The no
# may be someone's: "Peskov says no", "the Kremlin's spokesman answered flatly no".
_NO_ANSWER = re.compile(
    r"^(?:(?:the (?:short |simple )?answer is|in short|in a word|simply put|put simply),?\s+"
    r"|(?P<who>(?:[\w'’.-]+\s+){1,5}?(?:says|said|insists|insisted|answers|answered|replies|"
    r"replied)\s+(?:\w+ly\s+)?))?"
    r"(?:no|nope)\b[\s,.:;!–—-]*(?:and\s+)?",
    re.IGNORECASE,
)
# An answer that says the thing asked about is not there: "Not in the text", "Nowhere",
# "Absent from the document", "Missing".
_ABSENT_ANSWER = re.compile(
    r"^(?:not\s+(?:anywhere\s+)?in|nowhere\s+in|absent\s+from|missing\s+from)\s+"
    r"(?=(?:the|its|this)\s+(?:[\w-]+\s+)?(?:text|document|treaty|accord|agreement|pact|deal)\b)",
    re.IGNORECASE,
)
# An answer that is a clause of its own: a subject that names something (not a pronoun that
# needs the question: "It does.") and a finite auxiliary before any comma or relative pronoun
# ("A commission, which the treaty says has to meet ...", "A 2001 deal that was renewed" are
# noun phrases answering "who?" or "what?", not clauses).
_ANAPHORIC_SUBJECT = re.compile(
    r"^(?:it|its|he|she|they|we|you|i|this|that|these|those|there|yes|no|per|according)\b",
    re.IGNORECASE,
)
_FINITE = re.compile(
    r"^(?:(?!\b(?:that|which|who|whose)\b)[^,;:])*?\b(?:is|are|was|were|has|have|had|does|do|did|will|would|can|could|may|might|"
    r"must|shall|should|\w+n't)\b",
    re.IGNORECASE,
)


# A fact-check's framing: "Claim: <statement>. Verdict: <rating> - <explanation>." The
# rating says whether the statement holds; the explanation is what the writer asserts.
_FACT_CHECK = re.compile(
    r"^claim\s*:\s*(?P<claim>.+?)[.!]?\s+(?:verdict|rating|ruling)\s*:\s*"
    r"(?:(?P<holds>(?:mostly\s+)?(?:true|accurate|correct))|(?P<fails>(?:mostly\s+)?false|"
    r"misleading|wrong|incorrect|inaccurate|untrue))\b\s*[.,:;]?\s*(?:[\u2013\u2014-]+\s*)?"
    r"(?P<why>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _fact_checked(text: str) -> str:
    """A fact-check read as what it asserts: a statement rated true is asserted, with the
    explanation after it; one rated false or misleading is only reported, and the
    explanation is the claim ("Claim: X. Verdict: False - Y." asserts Y, not X)."""
    m = _FACT_CHECK.match(text)
    if m is None:
        return text
    claim = m.group("claim").strip()
    why = m.group("why").strip()
    if m.group("holds"):
        return f"{claim}; {why}" if why else f"{claim}."
    if not why:
        return text
    return why[:1].upper() + why[1:]


def _answered(text: str) -> str:
    """A question answered in the same sentence, read as the statement it makes."""
    qa = _QUESTION.match(_QUESTION_LABEL.sub("", text, count=1))
    if qa is None:
        return text
    question = qa.group("question").strip()
    answer = _ANSWER_LABEL.sub("", qa.group("answer").strip(), count=1)
    if "?" in answer:
        return text
    unlabelled = f"{question}? {answer}"
    aux = _YES_NO.match(question)
    no = _NO_ANSWER.match(answer)
    if aux is not None and no is not None:
        # The question denied: its auxiliary negated ("Can X let ...?" "No" -> "Can not X let").
        denied = f"{question[: aux.end('aux')]} not{question[aux.end('aux') :]}"
        rest = answer[no.end() :].strip()
        if no.group("who"):
            # Whose no it is stays a speaker: "..., Peskov says, and that was never the aim".
            denied = f"{denied}, {no.group('who').strip()}"
        return f"{denied}, and {rest}" if rest else f"{denied}."
    if _WH.match(question) and not _ANAPHORIC_SUBJECT.match(answer) and _FINITE.match(answer):
        return answer
    absent = _ABSENT_ANSWER.match(answer)
    if aux is None and not _WH.match(question) and absent is not None:
        # A bare topic asked about and answered as absent: "Arms sales? Not in the text" says
        # arms sales are absent from the text.
        return f"{question} are absent from {answer[absent.end() :]}"
    return unlabelled


def asks_about_its_subject(text: str) -> bool:
    """True for a wh-question on "it" answered in the same sentence ("How long will it last?
    Two decades, ..."): an explainer asks about the subject of the story, so its "it" is that
    subject, as the "it" of a sentence that goes on from the one before is."""
    qa = _QUESTION.match(_QUESTION_LABEL.sub("", text, count=1))
    return (
        qa is not None
        and bool(_WH.match(qa.group("question")))
        and re.search(r"\bit\b", qa.group("question"), re.IGNORECASE) is not None
        and len(_ANSWER_LABEL.sub("", qa.group("answer"), count=1).split()) >= _ANSWER_WORDS
    )


def _caption(rest: str) -> bool:
    """Does the text after a picture label read as a caption (a sentence), not a credit?"""
    if _CREDIT_MARKS.search(rest):
        return False
    return sum(1 for w in rest.split() if w[:1].islower()) >= _CAPTION_WORDS


@lru_cache(maxsize=64)
def plain_lead(sentence: str) -> str:
    """The sentence without headline chrome and an outlet's credit, titles spelled out.

    Text that is all chrome (a bare credit, a label alone) is returned unchanged, so that the
    boilerplate rules still see it and drop it. Remembered for the last few sentences: the
    judge reads one claim's lead in several checks."""
    text = sentence.strip()
    dateline = _DATELINE.match(text) or _DASH_CREDIT.match(text)
    if dateline:
        text = text[dateline.end() :]
    turn = _TURN.match(text)
    if turn:
        text = text[turn.end() :]
    lead = _LEAD.match(text)
    if lead and lead.end() < len(text):
        text = text[lead.end() :]
    preamble = _CORRECTION_PREAMBLE.match(text)
    if preamble:
        text = text[preamble.end() :]
    picture = _PICTURE.match(text)
    if picture and _caption(text[picture.end() :]):
        text = text[picture.end() :]
    credit = _CREDIT.match(text)
    if credit and credit.end() < len(text):
        text = text[credit.end() :]
    carried = _AS_OUTLET_REPORTS.match(text)
    if carried and carried.end() < len(text):
        text = text[carried.end() :]
    text = _OUTLET_REPORTS_ASIDE.sub(lambda m: " " if m.group(1) else "", text)
    text = _answered(_fact_checked(text))
    text = _PRESENT_PUBLISHING.sub("published", text)
    for pattern, title in _TITLES:
        text = pattern.sub(title, text)
    text = _INNER_ELLIPSIS.sub(", ", _EDGE_ELLIPSIS.sub("", text)).strip()
    return text or sentence
