"""Split article text into paragraphs and paragraphs into sentences.

Sentences come from syntok (fast and robust on news text; see issue 2 for the measurements),
with four repairs on top of it: list items are split before syntok sees them, a sentence
that ends on a title abbreviation ("Lt.", "Gen.") is joined to the next, a quotation that
spans sentences stays in one piece while its quote is open, and an explainer's short question
stays with the sentence that answers it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from syntok import segmenter
from syntok.tokenizer import Tokenizer

__all__ = ["sentences_of", "split_paragraphs", "split_sentences"]

# Characters that are invisible in news text but break matching: zero-width spaces and
# joiners, the byte-order mark and the soft hyphen.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

# Every line break a feed may use, including the Unicode line and paragraph separators.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")

# A list item marker at the start of a line: a bullet or dash followed by a space, or a
# one- or two-digit number with "." or ")". Longer numbers are years ("2025. The ...").
_LIST_MARKER = re.compile(r"^(?:[-–—•*▪●◦‣·]|\d{1,2}[.)])\s+")

# "•" is never content, so it separates items even in the middle of a line.
_INLINE_BULLET = re.compile(r"\s+•\s+")

# A line that ends a sentence: terminal punctuation, optionally inside closing quotes or
# brackets. Used to tell a hard-wrapped line from a line that ends on its own.
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"”’'»)\]]*$")

# Title abbreviations that are always followed by a name or number, so syntok must never end
# a sentence on them (it does on "Lt." before "Gen.").
_NEVER_FINAL = re.compile(
    r"(?:^|\s|\()(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Cpl|Brig|"
    r"Gov|Sen|Rep|Rev|Hon|Amb|Pres|St|No|Nos|Art|Arts|Fig|Vol)\.$"
)

# Curly double quotes nest by direction; straight ones only by parity.
_OPEN_QUOTE = "“„«"
_CLOSE_QUOTE = "”»"

# A quotation kept open longer than this is probably missing its closing mark (or spans
# paragraphs, where news style omits it): stop merging rather than swallow the paragraph.
_MAX_QUOTE_MERGE_CHARS = 600

# An explainer's short question is answered by the sentence after it ("How long does it
# last? Twenty years."): the two are one claim. Longer or quoted questions stand alone.
_MAX_QUESTION_WORDS = 14
_QUOTE_MARKS = frozenset("“”„«»\"")

# syntok's default replaces "n't" by "not"; claims must keep their original wording.
_TOKENIZER = Tokenizer(replace_not_contraction=False)


def _clean_whitespace(text: str) -> str:
    """Remove invisible characters and collapse all whitespace runs to one space."""
    return " ".join(_INVISIBLE.sub("", text).split())


def split_paragraphs(text: str) -> list[str]:
    """Split article text into paragraphs on blank lines and on single line breaks.

    Feed text marks paragraphs either way. A line break inside a sentence (hard-wrapped text:
    the line does not end a sentence and the next line starts in lower case) is joined
    instead. Paragraphs come back stripped, with internal whitespace collapsed.
    """
    paragraphs: list[str] = []
    current = ""
    for raw_line in _LINE_BREAK.split(text):
        line = _clean_whitespace(raw_line)
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and _continues(current, line):
            joiner = "" if current.endswith("-") and current[-2:-1].isalpha() else " "
            current = f"{current}{joiner}{line}"
            continue
        if current:
            paragraphs.append(current)
        current = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` is the wrapped rest of the sentence ``previous`` left unfinished."""
    return (
        line[0].islower() and not _ENDS_SENTENCE.search(previous) and not _LIST_MARKER.match(line)
    )


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, each stripped and with whitespace collapsed.

    Lines that start with a list marker ("-", "•", "*", "1.") are separate items and lose
    their marker. Abbreviations (Mr., U.S., Jan., Gen.) do not end sentences, and a quotation
    spanning several sentences stays in one piece, closing quote included.
    """
    sentences: list[str] = []
    for item in _list_items(paragraph):
        sentences.extend(
            _join_answers(_merge_open_quotes(_join_never_final(_syntok_sentences(item))))
        )
    return sentences


def sentences_of(paragraphs: Iterable[str]) -> list[str]:
    """All sentences of the given paragraphs, in order."""
    return [sentence for paragraph in paragraphs for sentence in split_sentences(paragraph)]


def _list_items(paragraph: str) -> list[str]:
    """The paragraph as one item, or as its list items when it is a list."""
    lines = [
        line for line in (_clean_whitespace(raw) for raw in _LINE_BREAK.split(paragraph)) if line
    ]
    pieces = [piece for line in lines for piece in _INLINE_BULLET.split(line)]
    if len(pieces) == len(lines) and not any(_LIST_MARKER.match(line) for line in lines):
        # Not a list: line breaks inside a paragraph are just spaces.
        return [" ".join(lines)] if lines else []
    items = [_LIST_MARKER.sub("", piece, count=1).strip() for piece in pieces]
    return [item for item in items if item]


def _syntok_sentences(text: str) -> list[str]:
    """syntok's sentences of ``text``, rebuilt from each token's original spacing."""
    sentences = []
    for tokens in segmenter.segment(_TOKENIZER.tokenize(text)):
        sentence = _clean_whitespace("".join(token.spacing + token.value for token in tokens))
        if sentence:
            sentences.append(sentence)
    return sentences


def _join_never_final(sentences: list[str]) -> list[str]:
    """Join a sentence that ends on a title abbreviation ("Lt.") to the one after it."""
    joined: list[str] = []
    for sentence in sentences:
        if joined and _NEVER_FINAL.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {sentence}"
        else:
            joined.append(sentence)
    return joined


def _join_answers(sentences: list[str]) -> list[str]:
    """Join a short, unquoted question to the sentence that answers it."""
    joined: list[str] = []
    for sentence in sentences:
        previous = joined[-1] if joined else ""
        if (
            previous.endswith("?")
            and len(previous.split()) <= _MAX_QUESTION_WORDS
            and not _QUOTE_MARKS & set(previous)
            and not previous.count("?") > 1
        ):
            joined[-1] = f"{previous} {sentence}"
        else:
            joined.append(sentence)
    return joined


def _quote_balance(text: str, curly: int, straight_open: bool) -> tuple[int, bool]:
    """Update the count of open curly quotes and whether a straight quote is open."""
    for char in text:
        if char in _OPEN_QUOTE:
            curly += 1
        elif char in _CLOSE_QUOTE and curly > 0:
            curly -= 1
        elif char == '"':
            straight_open = not straight_open
    return curly, straight_open


def _merge_open_quotes(sentences: list[str]) -> list[str]:
    """Keep a quotation that spans sentences in one piece, up to a length cap.

    Single quotes are not counted: "’" is also the apostrophe, so they cannot be balanced.
    """
    merged: list[str] = []
    curly, straight_open = 0, False
    for sentence in sentences:
        inside = curly > 0 or straight_open
        if merged and inside and len(merged[-1]) + len(sentence) < _MAX_QUOTE_MERGE_CHARS:
            merged[-1] = f"{merged[-1]} {sentence}"
        else:
            merged.append(sentence)
            curly, straight_open = 0, False
        curly, straight_open = _quote_balance(sentence, curly, straight_open)
    return merged
