"""Phrase lists: data files ``phrases/<topic>/<lang>.txt``, one normalised phrase per line.

``any.txt`` holds tokens that belong to no language. Files are loaded once and cached.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from ..textutil import PhraseSet, normalise


@cache
def languages(topic: str) -> tuple[str, ...]:
    """The languages (file stems) a topic has, ``any`` excluded."""
    folder = resources.files(__name__).joinpath(topic)
    return tuple(
        sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt") and p.name != "any.txt")
    )


@cache
def _read(topic: str, lang: str) -> frozenset[str]:
    path = resources.files(__name__).joinpath(topic).joinpath(f"{lang}.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalise(line) for line in lines if line.strip() and not line.lstrip().startswith("#"))


@lru_cache(maxsize=256)
def load(topic: str, langs: tuple[str, ...] = ()) -> PhraseSet:
    """Phrases of ``topic`` for ``langs`` plus ``any``; all languages when ``langs`` is empty
    or names none the topic has. English is always added when a language is known: site
    chrome in English (player labels, share buttons) is common on pages in every language."""
    known = [lang for lang in langs if lang in languages(topic)]
    chosen = [*known, "en"] if known else list(languages(topic))
    out: set[str] = set(_read(topic, "any"))
    for lang in chosen:
        out |= _read(topic, lang)
    return PhraseSet(out)
