"""TF-IDF vectors of short texts: word n-grams plus character n-grams, rows L2-normalised."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corpus.settings import settings

__all__ = ["TextVectors", "vectorise"]


@dataclass(frozen=True)
class TextVectors:
    """``matrix`` (one normalised row per text) and, for labelling, the word part alone."""

    matrix: Any
    words: Any
    vocabulary: tuple[str, ...]


def vectorise(texts: Sequence[str], *, stop_words: Sequence[str] = ()) -> TextVectors:
    """Fit TF-IDF on ``texts`` (scikit-learn is imported here, not at start-up).

    Word n-grams drop English stop words plus ``stop_words``; character n-grams (within word
    boundaries) catch other spellings and inflections.
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
    from sklearn.preprocessing import normalize

    config = settings().similar
    words = TfidfVectorizer(
        ngram_range=config.word_ngrams, sublinear_tf=True, strip_accents="unicode",
        stop_words=sorted(ENGLISH_STOP_WORDS | {word.lower() for word in stop_words}),
        token_pattern=r"(?u)\b[^\W\d_][^\W\d_]+\b")
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=config.char_ngrams,
                            sublinear_tf=True, strip_accents="unicode")
    try:
        word_matrix = words.fit_transform(texts)
        vocabulary = tuple(words.get_feature_names_out())
    except ValueError:  # nothing but stop words
        word_matrix, vocabulary = csr_matrix((len(texts), 0)), ()
    matrix = normalize(hstack([word_matrix, chars.fit_transform(texts)]).tocsr())
    return TextVectors(matrix, word_matrix, vocabulary)
