"""Word lists that analysts may extend, loaded once from kg/extract/data/ and checked at load.

The grammars that use them stay in code (people_grammar.py, concern_cues.py); the lists live in
YAML so that adding a given name, a domain word, a post head or a concern cue needs no Python.
A list that does not load is a LexiconError naming the file and what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from kg.errors import KgError

_LOWER = {"any", "np", "no"}


class LexiconError(KgError):
    """A word list in kg/extract/data/ is malformed."""


def _load(name: str) -> dict[str, Any]:
    path = files("kg.extract") / "data" / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        why = " ".join(str(exc).split())
        raise LexiconError(f"{path}: cannot read the word list ({why}); fix its YAML") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping of lists at the top; fix the file")
    return data


def _words(data: dict[str, Any], key: str, name: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, str) or not value.split():
        raise LexiconError(f"kg/extract/data/{name}: '{key}' must be a list of words separated by spaces")
    words = value.split()
    bad = [w for w in words if w != w.lower()]
    if bad:
        raise LexiconError(f"kg/extract/data/{name}: '{key}' words must be lower case: {', '.join(bad[:5])}")
    return frozenset(words)


def _compile(pattern: Any, flags: int, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise LexiconError(f"{where}: a pattern must be a non-empty string")
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise LexiconError(f"{where}: bad regular expression {pattern!r} ({exc}); fix the pattern") from None


@dataclass(frozen=True)
class Names:
    given: frozenset[str]
    domain: frozenset[str]
    domain_in_names: frozenset[str]
    not_name: frozenset[str]  # the file's list only; people_grammar adds the domain words


@lru_cache(maxsize=1)
def names() -> Names:
    f = "names.yaml"
    d = _load(f)
    return Names(
        _words(d, "given_names", f),
        _words(d, "domain_words", f),
        _words(d, "domain_words_in_names", f),
        _words(d, "not_name", f),
    )


@dataclass(frozen=True)
class Head:
    """A post head: the words that make a post title, and what such a title may take."""

    kind: str
    pattern: re.Pattern[str]
    role: str
    lower: str  # "any": lower case allowed; "np": only with an of/for phrase or "the"; "no"
    ext: bool = False  # takes ", Children's Social Care" and "Safeguarding Services"
    np: bool = True  # takes "of/for <phrase>"


@lru_cache(maxsize=1)
def post_heads() -> tuple[Head, ...]:
    f = "post_heads.yaml"
    heads = _load(f).get("heads")
    if not isinstance(heads, list) or not heads:
        raise LexiconError(f"kg/extract/data/{f}: 'heads' must be a list of heads")
    out = []
    for i, h in enumerate(heads, 1):
        where = f"kg/extract/data/{f}, head {i}"
        if not isinstance(h, dict) or not all(isinstance(h.get(k), str) for k in ("kind", "role")):
            raise LexiconError(f"{where}: each head needs a kind, a pattern and a role")
        lower = h.get("lower", "any")
        if lower not in _LOWER:
            raise LexiconError(f"{where}: lower must be one of {', '.join(sorted(_LOWER))}, not {lower!r}")
        flags = 0 if h.get("case_sensitive") else re.IGNORECASE
        pattern = _compile(h.get("pattern"), flags, where)
        ext, np = bool(h.get("ext", False)), bool(h.get("np", True))
        out.append(Head(h["kind"], pattern, h["role"], lower, ext, np))
    return tuple(out)


@lru_cache(maxsize=1)
def concern_cues() -> dict[str, list[str]]:
    """Concern notation -> its cue patterns, macros expanded (compiled by concern_cues.py)."""
    f = "concern_cues.yaml"
    d = _load(f)
    macros, cues = d.get("macros") or {}, d.get("cues")
    if not isinstance(cues, dict) or not cues:
        raise LexiconError(f"kg/extract/data/{f}: 'cues' must map concern notations to lists of patterns")
    out: dict[str, list[str]] = {}
    for concept, patterns in cues.items():
        where = f"kg/extract/data/{f}, {concept}"
        if not isinstance(patterns, list) or not patterns:
            raise LexiconError(f"{where}: give a list of patterns")
        expanded = []
        for p in patterns:
            if not isinstance(p, str):
                raise LexiconError(f"{where}: a pattern must be a string, not {p!r}")
            for key, value in macros.items():
                p = p.replace("{" + key + "}", value)
            _compile(p, re.IGNORECASE, where)
            expanded.append(p)
        out[concept] = expanded
    return out
