"""Flesch–Kincaid grade level, for checking that family-facing text reads at grade 8 or below.

Syllables are counted with the usual vowel-group heuristic; good enough to rank sentences, and
stable, which is what a test needs. Citations, dates and numbers are not prose and are left out.
"""

from __future__ import annotations

import re

_CITATION = re.compile(
    r"\([^)]*(?:U\.S\.C\.|C\.F\.R\.|§|F\.\dth|F\.\d d|Cir\.|USSG)[^)]*\)|"
    r"\d+ U\.S\.C\. § [\w().-]+|\d+ C\.F\.R\. § [\w().-]+|D\.C\. Code § [\w().-]+|"
    r"§+ ?[\w().-]+|\(b\)\(\d\)(?:\([A-D]\))?"
)
_ABBREVIATIONS = re.compile(r"\b(?:U\.S|D\.C|e\.g|i\.e|Dr|Mr|Mrs|Ms|Hon|No|v)\.")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def syllables(word: str) -> int:
    w = word.lower().strip("'-")
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", w)))


def grade(text: str) -> float:
    text = _CITATION.sub(" ", str(text))  # str(): a lazily translated message
    text = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", ""), text)
    sentences = [s for s in re.split(r"[.!?:;]+(?:\s|$)", text) if _WORD.search(s)]
    words = _WORD.findall(text)
    if not words or not sentences:
        return 0.0
    syl = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syl / len(words) - 15.59
