"""Strip site chrome from an article and return its content paragraphs.

Chrome is everything a page adds around the story: outlet and section labels, the repeated
headline, share and print widgets, mastheads, comment forms, "Related" blocks, photo
captions and credits, agency credits, bare URLs and timestamps, separators and cross-heads.
None of it carries a claim, and a claim made of it would alert a newsroom for nothing.

Rules are data: :data:`RULES` is one table of compiled patterns, each saying what it removes
and why. Three rules need the whole article and live in code: the repeated title, repeated
paragraphs (duplicated captions) and cross-heads (short lines that are not sentences).
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from enum import Enum
from html.parser import HTMLParser

from rapidfuzz import fuzz

from bot.text.segment import split_paragraphs

__all__ = ["RULES", "Action", "Rule", "clean_article", "html_to_text"]

log = logging.getLogger(__name__)


class Action(Enum):
    """What a matching rule does to the paragraph it matched."""

    #: The paragraph is chrome; drop it.
    DROP = "drop"
    #: The matched span is chrome (a dateline); cut it and keep the rest of the paragraph.
    STRIP = "strip"
    #: Chrome from here to the end (comments, related links). Before any content has been
    #: kept it only drops the paragraph, so a stray label at the top cannot empty an article.
    END = "end"


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate pattern: searched in a whitespace-normalised paragraph."""

    name: str
    pattern: re.Pattern[str]
    action: Action


_I = re.IGNORECASE

# Month names as datelines and timestamps spell them.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"

RULES: tuple[Rule, ...] = (
    # Wire-service dateline before the first sentence: "MOSCOW (Reuters) - ",
    # "TEHRAN, Jan 17 (AP) — ". The place is in capitals and the agency in parentheses.
    Rule(
        "agency dateline",
        re.compile(
            r"^[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
            r"(?:,\s*\d{4})?)?\s*\([A-Za-z][\w.&/ -]{0,30}\)\s*[-–—]+\s*"
        ),
        Action.STRIP,
    ),
    # Newspaper dateline without an agency: "MOSCOW — ". Needs an en or em dash, which
    # content rarely puts straight after a capitalised word at the start of a paragraph.
    Rule(
        "place dateline",
        re.compile(
            r"^[A-Z]{3,}(?:[ ,][A-Z]{2,}){0,2}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+[—–]\s+"
        ),
        Action.STRIP,
    ),
    # Outlet and section labels on their own line ("NewsSociety", "DayFR Euro", "Breaking
    # News"); glued labels like "NewsSociety" come from flattened navigation.
    Rule(
        "outlet or section label",
        re.compile(
            r"^(?:breaking|latest|top|news|world|politics|society|europe|euro|middle east|"
            r"russia|iran|asia|dayfr|exclusive|analysis|opinion|live|updates?|stories|"
            r"featured|trending|home)(?:\s*[/|›>»:-]?\s*(?:breaking|latest|top|news|world|"
            r"politics|society|europe|euro|middle east|russia|iran|asia|dayfr|exclusive|"
            r"analysis|opinion|live|updates?|stories|featured|trending|home)){0,4}$",
            _I,
        ),
        Action.DROP,
    ),
    # Share, print and social widgets, often flattened into one word ("pdfshareprint").
    Rule(
        "share widget",
        re.compile(
            r"^(?:(?:pdf|share|print|e-?mail|tweet|facebook|twitter|whatsapp|telegram|linkedin|"
            r"reddit|vk|copy link|save|bookmark)[\s|·•/,]*)+$",
            _I,
        ),
        Action.DROP,
    ),
    # "Share this article", "Email this story".
    Rule(
        "share prompt",
        re.compile(
            r"^(?:share|tweet|e-?mail|print)\s+(?:this|the)\s+(?:article|story|page|post)\b", _I
        ),
        Action.DROP,
    ),
    # Masthead: "Editor in chief — Kirill Martynov. Terms of use. Privacy policy."
    Rule("masthead", re.compile(r"^editor[- ]in[- ]chief\b", _I), Action.DROP),
    # Footer links on their own: "Terms of use. Privacy policy."
    Rule(
        "legal links",
        re.compile(
            r"^(?:(?:terms (?:of (?:use|service)|and conditions)|privacy(?: policy| notice)?|"
            r"cookie (?:policy|settings)|contact(?: us)?|about us|imprint|accessibility)"
            r"[\s.|·•,]*)+$",
            _I,
        ),
        Action.DROP,
    ),
    # "© 2025 Reuters", "Copyright 2025 ...", "... All rights reserved."
    Rule(
        "copyright",
        re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\b)|\ball rights reserved\b", _I),
        Action.DROP,
    ),
    # Comment section: what follows is readers, not the article.
    Rule(
        "comments",
        re.compile(
            r"^(?:leave a (?:reply|comment)|be the first to (?:leave a )?comment|"
            r"join the (?:conversation|discussion)|add (?:a|your) comment)\b.{0,40}$|"
            r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?\s*:?$",
            _I,
        ),
        Action.END,
    ),
    # Comment form fine print.
    Rule(
        "comment form",
        re.compile(
            r"^your email address will not be published\b|^required fields are marked\b", _I
        ),
        Action.DROP,
    ),
    # "Related News :", "Related Articles", "You may also like": a list of other stories.
    Rule(
        "related stories",
        re.compile(
            r"^(?:related(?: news| articles?| stories| posts| coverage| content| topics)?|"
            r"more (?:from|on|news|stories)\b[^.!?]{0,40}|you (?:may|might) also "
            r"(?:like|be interested)[^.!?]{0,20}|recommended(?: for you| stories)?|"
            r"most (?:read|popular|viewed)|read next|trending now|latest stories)\s*:?$",
            _I,
        ),
        Action.END,
    ),
    # "Read more: <another headline>", "See also: ...": a link to another story.
    Rule(
        "read more link",
        re.compile(r"^(?:(?:read (?:more|also|next)|see also|also read)\b|more\s*:)", _I),
        Action.DROP,
    ),
    # "Back to top button" and other page navigation.
    Rule(
        "page navigation",
        re.compile(
            r"^(?:back to top(?: button)?|skip to (?:main )?content|toggle navigation|"
            r"(?:main )?menu|search|loading\.*|close|next|previous)\W*$",
            _I,
        ),
        Action.DROP,
    ),
    # "Reuters contributed to this report.", "Reporting by ...; Editing by ...".
    Rule(
        "agency credit",
        re.compile(
            r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b|"
            r"^[\w .,'’&-]{2,80}\s+contributed(?:\s+(?:reporting|to\s+(?:this|the)\s+"
            r"(?:report|story|article))\b|\.?$)",
            _I,
        ),
        Action.DROP,
    ),
    # An editor's note on how the text was made: "Transcript compiled by our parliament
    # desk.", "Abridged record of the session.", "Quotes have been translated from Russian.",
    # "Remarks edited for length by the editors." It speaks of the page, not of the story.
    Rule(
        "editorial note",
        re.compile(
            r"^(?:[\w-]+\s+){0,2}(?:summary|digest|transcript|round-?up|record|"
            r"translation)\s+(?:(?:was|has been|is)\s+)?(?:prepared|compiled|produced|written|"
            r"edited)\s+by\s+[^.!?;]{0,60}\b(?:desk|editors?|staff|newsroom|"
            r"team|bureau|correspondents?|reporters?)\s*(?:[.;]|$)|"
            r"^(?:an?\s+)?(?:abridged\s+)?(?:digest|summary|abridged\s+\w+)\s+of\s+the\s+"
            r"(?:[\w-]+\s+){0,2}(?:record|transcript|proceedings|debate|session|sitting)\s*(?:[.;]|$)|"
            r"(?:^|[.;]\s+)(?:all\s+)?(?:quotations?|quotes|remarks|speeches|interviews?)\s+"
            r"(?:(?:are|were|have\s+been|has\s+been)\s+)?(?:lightly\s+)?(?:translated|abridged|"
            r"condensed|shortened|edited)(?:\s+(?:from\s+(?-i:[A-Z][a-z]+)|by\s+(?:the\s+|our\s+)?"
            r"(?:editors?|desk|staff|newsroom)|for\s+(?:length|clarity|brevity)"
            r"(?:\s+and\s+(?:length|clarity|brevity))?))*\s*\.?$",
            _I,
        ),
        Action.DROP,
    ),
    # Photo captions with a credit ("... meet in Moscow on Friday. Photo: EPA-EFE/...")
    # and bare credits ("Image: Reuters", "(Photo by X/AFP)"). The caption describes a
    # picture, not the story, and pages often print it twice.
    Rule(
        "photo caption or credit",
        re.compile(
            r"(?:^|[.!?”\"|)]\s+|\(\s*)(?:(?:photo(?:graph)?|image|picture|illustration|"
            r"video|file photo)s?(?:\s+credit)?\s*(?::|©|by\b)|credit\s*:)[^:]{0,120}$",
            _I,
        ),
        Action.DROP,
    ),
    # Credit lines naming a picture agency at the end: "... / AFP", "Getty Images".
    Rule(
        "picture agency",
        re.compile(
            r"(?:getty images|/\s*(?:afp|reuters|ap|epa(?:-efe)?|tass|sputnik|pool|"
            r"ria novosti|wana|irna|anadolu))\)?$",
            _I,
        ),
        Action.DROP,
    ),
    # "Advertisement", "Sponsored content".
    Rule(
        "advertisement",
        re.compile(r"^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted)\W*$", _I),
        Action.DROP,
    ),
    # Newsletter and account prompts: "Subscribe to our newsletter", "Sign up for ...".
    Rule(
        "subscribe prompt",
        re.compile(
            r"^(?:subscribe|sign (?:up|in)|log ?in|register)\b.{0,150}$|"
            r"^.{0,100}\b(?:subscribe|sign up)\b.{0,60}\b(?:newsletter|updates|alerts)\b.{0,80}$",
            _I,
        ),
        Action.DROP,
    ),
    # The outlet's terms of use: "Subscribers only: forwarding this bulletin breaches our
    # licence terms", "For subscribers only".
    Rule(
        "subscriber terms",
        re.compile(
            r"^(?:(?:for )?subscribers only\b.{0,200}"
            r"|.{0,150}\b(?:our|these) (?:licen[cs]e|subscription) terms\b.{0,80})$",
            _I,
        ),
        Action.DROP,
    ),
    # "Click here to ...".
    Rule("click here", re.compile(r"^.{0,150}\bclick here\b.{0,150}$", _I), Action.DROP),
    # A call to the readers or listeners: "Got a question? Drop it in the comments",
    # "Let us know in the comments below", "Send us your questions for next week's episode".
    # The outlet asks for something; it says nothing of the story.
    Rule(
        "reader call",
        re.compile(
            r"^.{0,100}\b(?:drop|leave|post|put|share|write|tell us|let us know)\b[^.!?]{0,40}"
            r"\b(?:in|into|to) the comments?(?: (?:below|section))?\b.{0,100}$|"
            r"^.{0,100}\bsend (?:us|in) your (?:questions?|comments?|thoughts)\b.{0,100}$",
            _I,
        ),
        Action.DROP,
    ),
    # "Follow us on Telegram", "Follow @outlet".
    Rule("follow prompt", re.compile(r"^follow (?:us|@|our)\b", _I), Action.DROP),
    # Cookie notices.
    Rule(
        "cookie notice",
        re.compile(
            r"\b(?:we|this (?:web)?site|our (?:web)?site)\s+uses?\s+cookies\b|"
            r"\baccept (?:all )?cookies\b|\bcookie (?:policy|settings|preferences|consent)\b",
            _I,
        ),
        Action.DROP,
    ),
    # Tags and reading-time widgets: "Tags: Russia, Iran", "3 min read".
    Rule(
        "tags and reading time",
        re.compile(r"^(?:tags?|topics?|filed under|keywords)\s*:|^\d+\s*min(?:ute)?s?\s+read$", _I),
        Action.DROP,
    ),
    # A bare URL ("https://static01.nyt.com/images/...jpg").
    Rule("bare url", re.compile(r"^<?(?:https?://|www\.)\S+>?$", _I), Action.DROP),
    # A bare ISO timestamp ("2025-01-17 19:13:00") or a bare time.
    Rule(
        "bare timestamp",
        re.compile(
            r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
            r"(?:\s?(?:z|utc|gmt|[+-]\d{2}:?\d{2}))?$|^\d{1,2}[:.]\d{2}(?::\d{2})?$|"
            r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$",
            _I,
        ),
        Action.DROP,
    ),
    # A bare written date, with or without a time: "Friday, January 17, 2025 7:13 PM".
    Rule(
        "bare date",
        re.compile(
            r"^(?:(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*)?"
            r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+)?"
            + _MONTH
            + r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}"
            r"(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?$",
            _I,
        ),
        Action.DROP,
    ),
    # "Published 2 hours ago", "Updated: 17/01/2025".
    Rule(
        "publication stamp",
        re.compile(r"^(?:published|updated|posted|last (?:updated|modified))\b.{0,60}$", _I),
        Action.DROP,
    ),
    # A line with no letter or digit: separators ("-", "--", "***"), stray quotes.
    Rule("separator", re.compile(r"^[\W_]+$"), Action.DROP),
    # A byline: "By John Smith", "By John Smith and Jane Doe".
    Rule(
        "byline",
        re.compile(
            r"^[Bb][Yy]\s+[A-Z][\w.'’-]*(?:(?:\s*[,&]\s*|\s+and\s+|\s+)[A-Z][\w.'’-]*){0,7}$"
        ),
        Action.DROP,
    ),
)

# A paragraph that ends a sentence: terminal punctuation, perhaps inside closing quotes.
_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*$")

# List items are content even when short and unpunctuated ("• Joint naval drills").
_LIST_ITEM = re.compile(r"^(?:[-–—•*▪●◦‣·]|\d{1,2}[.)])\s+\S")

# Cross-heads ("Ambitious goals", "No Mutual Defense Clause") are short and unpunctuated.
# Eight words keeps headlines (ten or more words in the seeds) and unpunctuated content.
_CROSS_HEAD_MAX_WORDS = 8

# A title and a paragraph this similar (0-100, on their comparison keys) are the same line.
_TITLE_SIMILARITY = 92.0

# Feed titles often carry the outlet: "Russia and Iran sign a treaty | Reuters".
_TITLE_OUTLET_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,60}$")

# Entities in plain text (feeds double-escape); only the ";"-terminated forms, since
# html.unescape would also turn "&notes" into "¬es".
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# The tags that make text HTML rather than prose that happens to contain "<".
_HTML_TAG = re.compile(
    r"</?(?:p|br|div|li|ul|ol|h[1-6]|span|a|b|i|em|strong|img|script|style|nav|footer|header|"
    r"aside|figure|figcaption|section|article|blockquote|table|tr|td|th|hr|iframe|noscript|"
    r"font|small|sup|sub|time|picture|source|main|form|button|svg)\b[^<>]*>",
    _I,
)


def clean_article(text: str, title: str | None = None) -> list[str]:
    """The article's content paragraphs, with site chrome removed.

    ``text`` may be plain text or HTML. A paragraph that repeats ``title`` is dropped; when
    no title is given, a headline line is kept, since it is then the only place the headline
    is said. Photo captions are dropped with their credit, so a duplicated caption leaves
    nothing behind; any other paragraph printed twice is kept once.
    """
    if _HTML_TAG.search(text):
        text = html_to_text(text)
    else:
        text = _ENTITY.sub(lambda match: html.unescape(match.group(0)), text)
    title_keys = _title_keys(title)
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in split_paragraphs(text):
        cleaned, action = _apply_rules(paragraph)
        if action is Action.END and kept:
            log.debug("chrome from here on: %r", paragraph)
            break
        if action is not None or not cleaned:
            continue
        key = _comparison_key(cleaned)
        if key in seen or _is_cross_head(cleaned) or _repeats_title(key, title_keys):
            continue
        seen.add(key)
        kept.append(cleaned)
    return kept


def is_page_chrome(line: str) -> bool:
    """True when a line read on its own (a claim given to ``classify``, never through article
    cleaning) is site furniture by the paragraph rules. The layout rules are not applied: a
    short unpunctuated line is a cross-head only between paragraphs; alone, it is a headline
    ("Guardian Council clears Majlis law ratifying Russia pact") and says what it says."""
    for paragraph in split_paragraphs(line):
        cleaned, action = _apply_rules(paragraph)
        if action is None and cleaned:
            return False
    return True


def _apply_rules(paragraph: str) -> tuple[str, Action | None]:
    """The paragraph after STRIP rules, and the DROP or END action that matched, if any."""
    for rule in RULES:
        match = rule.pattern.search(paragraph)
        if match is None:
            continue
        if rule.action is Action.STRIP:
            paragraph = (paragraph[: match.start()] + paragraph[match.end() :]).strip()
            continue
        return paragraph, rule.action
    return paragraph, None


def _is_cross_head(paragraph: str) -> bool:
    """A short line that is not a sentence: a cross-head, label or widget text."""
    return (
        not _SENTENCE_END.search(paragraph)
        and not _LIST_ITEM.match(paragraph)
        and len(paragraph.split()) <= _CROSS_HEAD_MAX_WORDS
    )


def _comparison_key(text: str) -> str:
    """Case, punctuation and spacing folded away, for comparing lines."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def _title_keys(title: str | None) -> list[str]:
    """Comparison keys of the title, with and without a trailing outlet name."""
    if not title or not title.strip():
        return []
    keys = [_comparison_key(title)]
    without_outlet = _TITLE_OUTLET_SUFFIX.sub("", title.strip())
    if without_outlet != title.strip():
        keys.append(_comparison_key(without_outlet))
    return [key for key in keys if key]


def _repeats_title(key: str, title_keys: list[str]) -> bool:
    """Whether a paragraph (by its key) is the headline again."""
    return any(
        key == title_key or fuzz.ratio(key, title_key, score_cutoff=_TITLE_SIMILARITY) > 0
        for title_key in title_keys
    )


_WHITESPACE = re.compile(r"\s+")

# Elements whose text is never article content.
_SKIPPED_ELEMENTS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "footer",
        "aside",
        "figure",
        "figcaption",
        "form",
        "button",
        "svg",
        "iframe",
        "select",
        "textarea",
    }
)

# Elements that start and end a paragraph.
_BLOCK_ELEMENTS = frozenset(
    {
        "p",
        "div",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "header",
        "main",
        "table",
        "tr",
        "dl",
        "dt",
        "dd",
        "pre",
        "hr",
        "address",
    }
)


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment with paragraph boundaries as blank lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: dict[str, int] = {}
        # A list item's text gets a bullet, so short items are not taken for cross-heads.
        self._bullet_pending = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_ELEMENTS:
            self._skipping[tag] = self._skipping.get(tag, 0) + 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n\n")
            self._bullet_pending = True
        elif tag in _BLOCK_ELEMENTS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <hr/>: never open a skipped element, whatever the tag.
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_ELEMENTS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_ELEMENTS:
            if self._skipping.get(tag, 0) > 0:
                self._skipping[tag] -= 1
        elif tag in _BLOCK_ELEMENTS or tag == "li":
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if any(self._skipping.values()):
            return
        if self._bullet_pending and data.strip():
            self.parts.append("• ")
            self._bullet_pending = False
        # Line breaks inside an HTML text node are layout, not paragraph breaks.
        self.parts.append(_WHITESPACE.sub(" ", data))


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: blocks become paragraphs, entities are decoded,
    and scripts, styles, navigation, footers, asides and figures are left out."""
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    return "".join(extractor.parts)
