"""Sentence similarity from static word embeddings, for the judge's optional second stage.

The judge's matcher is lexical (rapidfuzz on normalised words, with a lexicon of the story's
synonyms); a paraphrase in words the lexicon does not know reads as NEW. With
``matching.semantic = true`` the judge asks this module how close a claim it would call NEW
is to its best lexical candidates, in meaning rather than words.

The vectors are WordLlama's (``wordllama`` on PyPI, the optional extra ``semantic``): the
token embeddings of a large language model, pooled and projected to 256 dimensions, shipped
inside the package (16 MB) and read with numpy and ``tokenizers`` alone. They are loaded
from the package directory with downloads disabled: this never touches the network, and
fails with a :class:`~bot.errors.ConfigError` when the package or its weights are missing.

Vectors are kept per text (a known claim is compared again with every claim it is a
candidate of), up to ``cache_size`` texts, oldest dropped first.
"""

from __future__ import annotations

import importlib.util
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from bot.errors import ConfigError

_Vector = npt.NDArray[np.float32]


class Similarity(Protocol):
    """What the judge needs: cosine similarities of one text with several others."""

    def similarities(self, text: str, others: Sequence[str]) -> list[float]: ...


def available() -> bool:
    """Is the optional ``wordllama`` package installed?"""
    return importlib.util.find_spec("wordllama") is not None


class SemanticSimilarity:
    """Cosine similarity of sentences as mean-pooled WordLlama vectors."""

    def __init__(self, model: Any, cache_size: int = 1 << 16) -> None:
        self._model = model
        self._cache: OrderedDict[str, _Vector] = OrderedDict()
        self._cache_size = cache_size

    @classmethod
    def load(cls) -> SemanticSimilarity:
        """The model shipped inside the ``wordllama`` package, without any download."""
        try:
            import wordllama  # noqa: PLC0415 (optional dependency, loaded only when enabled)
        except ImportError as err:
            raise ConfigError(
                "matching.semantic is true, but the optional package wordllama is not installed",
                hint='pip install "treatywatch[semantic]", or set matching.semantic = false',
            ) from err
        package_dir = Path(wordllama.__file__).parent
        try:
            model = wordllama.WordLlama.load(cache_dir=package_dir, disable_download=True)
        except (FileNotFoundError, ValueError) as err:
            raise ConfigError(
                f"matching.semantic: wordllama could not load the weights it ships: {err}",
                hint='reinstall it: pip install --force-reinstall "treatywatch[semantic]"',
            ) from err
        return cls(model)

    def _vectors(self, texts: Sequence[str]) -> list[_Vector]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            embedded = np.asarray(self._model.embed(missing, norm=True), dtype=np.float32)
            for text, vector in zip(missing, embedded, strict=True):
                self._cache[text] = vector
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        vectors = []
        for text in texts:
            vector = self._cache.get(text)
            if vector is None:  # dropped from a cache smaller than one call's texts
                vector = np.asarray(self._model.embed([text], norm=True), dtype=np.float32)[0]
            vectors.append(vector)
        return vectors

    def similarities(self, text: str, others: Sequence[str]) -> list[float]:
        """Cosine similarity of ``text`` with each of ``others``, from -1 to 1."""
        if not others:
            return []
        mine, *theirs = self._vectors([text, *others])
        return [float(np.dot(mine, vector)) for vector in theirs]
