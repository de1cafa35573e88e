"""Figures: quantities the minutes report (percentages, caseloads, counts, durations, money).

Each number in a body passage (see concerns.passages) is kept only when its unit can be told
from the words around it: a "%" or "£", a noun that follows ("133 children", "five email
boxes"), a caseload being discussed ("a caseload of 20"), or an earlier figure of the same
sentence it is compared with ("from 14 ... reduced to one"). Dates, years, times, file sizes,
item and appendix numbers, statute years, postcodes, phone numbers and list markers are not
figures, nor counts and durations that measure no concern ("four local authorities"). The
qualifier says whether the value is a target, an earlier value, or the current one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.common import span
from kg.extract.concern_cues import cues
from kg.extract.concerns import Passage, passages
from kg.extract.facts import Figure
from kg.extract.figure_attrs import (
    candidate_numbers,
    concern_of,
    infer_unit,
    qualifier,
)
from kg.extract.figure_index import (
    PassageIndex,
    nearest_cue,
    search_back,
)
from kg.extract.figure_words import (
    AHEAD,
    CASELOAD,
    DURATIONS,
    HOLDS,
    INSPECTION_SAID,
    LIST_PARTS,
    NEXT_SENTENCE,
    PLAN_ACTIONS,
    PREVIOUS_POST,
    PROGRESS,
    TIMESCALE,
)
from kg.reading.document import Document
from kg.reading.segments import segments_of

_I = re.IGNORECASE


def _end_of_sentence(text: str, e: int) -> int:
    m = NEXT_SENTENCE.search(text, e)
    return m.start() if m else len(text)


def _figures_in(doc: Document, p: Passage) -> Iterator[Figure]:
    text = doc.flat[p.start : p.end]
    lead = doc.flat[max(0, p.start - 200) : p.start]
    ix = PassageIndex(text)
    prev: tuple[int, str, str | None, str] | None = None  # end, unit, concern, qualifier
    for s, e, value, known in sorted(candidate_numbers(text)):
        unit, phrase = (known, "") if known else infer_unit(
            ix, s, e, prev[1] if prev else None, lead)
        if not unit or (p.section in ("resolved", "recommended", "action") and unit in ("months", "weeks")):
            continue  # durations in decisions are due dates
        if re.match(r"[\s-]*(?:working\s+)?hours?\b", text[e : e + AHEAD], _I) and search_back(
                TIMESCALE, text, s):
            continue
        if unit == "count" and (CASELOAD.search(phrase) or (
                re.fullmatch(r"cases(?:\s+each)?", phrase, _I) and search_back(HOLDS, text, s))):
            unit = "cases"
        progress = unit == "count" and bool(PLAN_ACTIONS.search(phrase)) and bool(
            PROGRESS.search(text, e, _end_of_sentence(text, e)))
        # "the Ofsted report made 6 recommendations": what an inspection asked for is a finding
        progress = progress or (unit == "count" and phrase.lower().endswith("recommendations") and bool(
            INSPECTION_SAID.search(text, max(0, s - 80), s)))
        if unit == "count" and LIST_PARTS.search(phrase) and not progress:
            continue
        window = text[prev[0] : s] if prev else text[:s]
        told = PREVIOUS_POST.match(window)  # "26% at the time of the inspection": that one's
        window = window[told.end() :] if prev and told else window
        carried = not phrase and unit not in ("percent", "gbp")
        qual = qualifier(window, text[e : e + 60], prev[3] if prev and carried else None)
        same = prev[2] if prev and unit == prev[1] else None
        if same and carried and not CASELOAD.search(window):
            concern: str | None = same
        else:
            concern = concern_of(ix, s, e, unit, phrase, same)
            if progress:  # "12 of the 40 actions in the plan are complete", "made 6 recommendations"
                concern = "improvement-governance"
            if concern is None and unit == "staff" and not phrase:  # "18 had started": the
                concern = nearest_cue(cues(lead), len(lead), len(lead))  # subject's sentence says
            if concern is None and unit in DURATIONS and ix.wait_end <= s:
                para = lead[lead.rfind("\n") + 1 :]  # the sentences before it in its paragraph
                concern = nearest_cue(cues(para), len(para), len(para))
        prev = (e, unit, concern, qual)
        yield Figure(value, unit, span(doc, p.start, p.end), concern, qual, f"figures.{unit}")


def extract(doc: Document) -> Iterator[Figure]:
    """Each figure once per agenda item: a value repeated in discussion is the same figure."""
    seen: set[tuple[int, float, str]] = set()
    for p in passages(doc):
        item = segments_of(doc).item_at(p.start)
        for f in _figures_in(doc, p):
            if f.concern is None and f.unit not in ("children", "staff", "percent", "cases"):
                continue  # "four local authorities", "4 weeks": not about children's services
            key = (item.index if item else -1, f.value, f.unit)
            if key not in seen:
                seen.add(key)
                yield f
