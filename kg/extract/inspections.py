"""Inspections and visits of the authority's children's services, one fact per inspection.

Mentions are found sentence by sentence (kg.extract.inspection_mentions): a typed phrase ("ILACS",
"monitoring visit", an item of a list of visits), an inspectorate's inspection ("Ofsted inspection"),
or a bare "the inspection". Dates, published dates, judgements and a visit's focus are read next to
the mention they belong to; then mentions of the same inspection are merged, and a bare mention
refers back to a typed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kg.extract import inspection_dates as dd
from kg.extract import inspection_mentions as mn
from kg.extract import inspection_phrases as ph
from kg.extract.common import fold, reference_date, span
from kg.extract.dates import month_number
from kg.extract.facts import Inspection
from kg.extract.inspection_clusters import Cluster, Clusters
from kg.reading.document import Document
from kg.reading.segments import segments_of

_I = re.IGNORECASE


@dataclass(frozen=True)
class _Judgement:
    pos: int
    end: int
    notation: str
    overall: bool
    year: str | None
    board: bool  # of the safeguarding children board, not the authority
    relative: bool  # "..., which was rated": may be some other body
    month: str | None = None  # "judged inadequate in January 2020": 2020-01


def _read_judgements(flat: str, s: int, e: int) -> Iterator[_Judgement]:
    lo = s
    for m in ph.JUDGEMENT.finditer(flat, s, e):
        word = next(g for g in m.groups() if g).lower()
        window = mn.clause_before(flat, m.start(), lo, 90)
        lo = m.end()
        g = next(i for i, x in enumerate(m.groups(), 1) if x)
        lead = m.group(0)[: m.start(g) - m.start()].strip("'\" ")
        # "good judgement" in its everyday sense: the word leads, in lower case or opening the sentence
        everyday = not lead and (word[:1] in "ga" or (word[:1] in "GA" and not flat[s : m.start()].strip()))
        if everyday or ph.J_OTHER.search(window):  # "good judgement" in its everyday sense
            continue
        subject = window[window.rfind(",") + 1 :][-40:]
        board = bool(ph.BOARD.search(subject) or ph.BOARD.search(flat, m.start(), m.start(g)))
        if not board and (ph.J_SUB.search(subject) or ph.J_SUB_AFTER.match(flat, m.end(), e)):
            continue
        yj = ph.J_YEAR.match(flat, m.end(), e)
        month = month_number(yj.group("month")) if yj and yj.group("month") else None
        yield _Judgement(
            m.start(), m.end(), "requires-improvement" if word.startswith("requir") else word,
            "overall" in flat[max(s, m.start() - 60) : m.end()].lower(), yj.group("year") if yj else None,
            board, bool(re.search(r"\b(?:which|who|whose|partner\w*)\b", window, _I)),
            f"{yj.group('year')}-{month:02d}" if yj and month else None,
        )


def _infer_type(inspectorate: str, start: str | None) -> str:
    """An untyped inspection's framework from when it took place: Ofsted inspected children's
    services under the SIF from November 2013 to the end of 2017, under ILACS from January 2018."""
    if inspectorate == "ciw":
        return "ciw-inspection"
    if inspectorate != "ofsted" or not start:
        return "other"
    if start >= "2018":
        return "ilacs"
    return "sif" if start >= "2014" or start[:7] >= "2013-11" else "other"


# Years in which each framework's inspections took place.
_ERA = {"ilacs": ("2018", "9999"), "sif": ("2013", "2018"), "protection-of-children": ("2012", "2013"),
        "looked-after-children": ("2000", "2013"), "ciw-inspection": ("2000", "9999"),
        "other": ("2000", "9999"), "jtai": ("2016", "9999"), "lscb-review": ("2013", "2018")}


def _in_era(type_: str, start: str) -> bool:
    lo, hi = _ERA.get(type_, ("9999", "0"))
    return lo <= start[:4] <= hi


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _typed_target(clusters: Clusters, m: mn.Mention) -> Cluster | None:
    fit = [c for c in clusters.compatible(m.start) if c.type == m.type and c.inspectorate == m.inspectorate
           and _compatible(c.start, m.start) and c.ordinal in (None, m.ordinal or c.ordinal)]
    if m.start is None and m.ordinal is None:  # "the monitoring visit": the one last spoken of
        prior = [c for c in fit if c.first < m.pos]
        return prior[-1] if prior else (fit[0] if fit else None)
    return fit[0] if fit else None


def _bare_target(clusters: Clusters, m: mn.Mention) -> Cluster | None:
    def cand(c: Cluster) -> bool:
        # a bare "inspection" is the authority's, never the review of its safeguarding board
        return (c.type not in ph.VISITS and c.type != "lscb-review"
                and m.inspectorate in (None, c.inspectorate))

    if m.start or m.month:
        if m.start:
            dated = [c for c in clusters.dated(m.start) if cand(c)]
        else:
            dated = [c for c in clusters.in_month(f"-{m.month:02d}") if cand(c)]
        if dated:
            return dated[0]
        return next((c for c in clusters.all if cand(c) and not c.start and m.start
                     and _in_era(c.type, m.start) and m.item in c.items
                     and not _published_long_after(c, m.start)), None)
    cands = [c for c in clusters.all if cand(c)]
    prior = [c for c in cands if c.first < m.pos]
    if prior:
        return max(prior, key=lambda c: c.last_before(m.pos) or 0)
    return cands[0] if cands else None


def _published_long_after(c: Cluster, start: str) -> bool:
    """A report comes out within months of its fieldwork: one published more than a year after
    a date is of a later inspection ("since the last inspection in 2018 ... published in 2022")."""
    return c.published is not None and int(c.published[:4]) - int(start[:4]) > 1


def _cluster(ms: list[mn.Mention], flat: str, ref: str) -> list[Cluster]:
    """Typed mentions first, dated ones before undated; then bare mentions refer back to them."""
    clusters = Clusters()
    visit_sents = {m.sent for m in ms if m.type in ph.VISITS}
    for m in sorted((m for m in ms if m.type), key=lambda m: (m.start is None and m.ordinal is None, m.pos)):
        target = _typed_target(clusters, m)
        if target is None:
            target = clusters.make(Cluster(str(m.type), str(m.inspectorate)))
        clusters.join(target, m)
    said_of: dict[tuple[int, int], tuple[bool, bool, bool]] = {}  # asked once per sentence
    for m in sorted((m for m in ms if not m.type), key=lambda m: m.pos):
        target = _bare_target(clusters, m)
        inspectorate = m.inspectorate or m.fallback
        if m.sent not in said_of:
            said = flat[m.sent[0] : m.sent[1]]
            said_of[m.sent] = (_about_children(said), bool(ph.REPORTED.search(said)),
                               bool(re.search(r"\brecent", said, _I)))
        children, reported_here, recent_here = said_of[m.sent]
        if m.kind == "generic" and not children:
            inspectorate = None
        if target is None and inspectorate and not (m.month and not m.start):
            reported = m.kind == "named" and reported_here and m.sent not in visit_sents
            if m.start or m.judgement or m.published or reported:
                recent = not m.start and ref >= "2018-09" and recent_here
                when = ref[:4] if recent else m.start
                made = Cluster(_infer_type(inspectorate, when), inspectorate, untyped=not recent)
                target = clusters.make(made)
        if target is not None:
            clusters.join(target, m)
    return clusters.all


def _about_children(sentence: str) -> bool:
    return bool(ph.CONTEXT.search(sentence)) and not ph.SETTING_NEAR.search(sentence)


def _attach_judgements(flat: str, s: int, e: int, ms: list[mn.Mention], earlier: list[mn.Mention],
                       item: int, default: str | None) -> None:
    """Give each judgement to the inspection it is stated of, in this sentence or just before."""
    last_main = next((m for m in reversed(earlier) if m.type not in ph.VISITS), None)
    boards = [m for m in earlier if m.type == "lscb-review"]
    about: list[bool] = []  # whether the sentence is about children's services, asked once
    for j in _read_judgements(flat, s, e):
        # visits and joint targeted area inspections are not graded
        pool = [m for m in ms if (m.type == "lscb-review") == j.board and m.type not in ph.UNGRADED]
        before = [m for m in pool if m.pos < j.pos]
        target: mn.Mention | None
        if pool:  # the mention just before the judgement, else the one just after it in its clause
            target = before[-1] if before else pool[0]
            if not before and last_main and re.search(r"[,;]", flat[j.end : pool[0].pos]):
                target = last_main  # "graded ... as Good, an improvement on the 2016 inspection"
        elif j.board:
            target = boards[-1] if boards else None
        else:
            target = None if j.relative else last_main
        named = ph.INSPECTORATE.search(flat, s, e)
        if target is None and named and not (j.board or j.relative) and not about:
            about.append(_about_children(flat[s:e]))
        if target is None and named and not (j.board or j.relative) and about[0]:
            inspectorate = str(named.lastgroup).replace("_", "-")  # "Ofsted rated services good"
            target = mn.Mention(j.pos, j.pos, (s, e), "named", None, inspectorate, start=j.year, item=item)
            ms.append(target)
        if target is None and default and j.year and not (j.board or j.relative) and (
                ph.AUTHORITY_JUDGED.search(flat, max(s, j.pos - 60), j.pos)):
            # "since the local authority had been judged inadequate in January 2020"
            when = j.month or j.year
            target = mn.Mention(j.pos, j.pos, (s, e), "named", None, default, start=when, item=item)
            ms.append(target)
        if target is None:
            continue
        if j.year and target.start and not target.start.startswith(j.year):  # "the judgement of 2013"
            target = mn.Mention(j.pos, j.pos, (s, e), "named", None, default, start=j.year, item=item)
            ms.append(target)
        if target.judgement is None or (j.overall and not target.overall):
            target.judgement, target.overall = j.notation, j.overall


def _main_inspectorate(found: list[str]) -> str | None:
    found = [f for f in found if f in ("ofsted", "ciw")] or found
    return max(sorted(set(found)), key=found.count) if found else None


def extract(doc: Document) -> Iterator[Inspection]:
    flat, ref = mn.unfooted(doc)[0], reference_date(doc)
    mentions: list[mn.Mention] = []
    by_item: dict[int, list[mn.Mention]] = {}
    defaults: dict[int, str | None] = {}
    every = [(m.start(), str(m.lastgroup).replace("_", "-")) for m in ph.INSPECTORATE.finditer(flat)]
    visit_list: mn.VisitList | None = None
    for s, e in mn.joined_sentences(doc):
        said = flat[s:e]
        listed, visit_list = mn.listed_visits(flat, s, e, visit_list)
        if not listed and not ph.CUE.search(said):
            continue
        ms = mn.mentions_in(doc, s, e, flat) if ph.TRIGGER_CUE.search(said) else []
        ms += [x for x in listed if not any(m.pos < x.end and x.pos < m.end for m in ms)]
        orphans = dd.read_dates(doc, s, e, ms, ref, flat) if ms or "publi" in said.lower() else []
        ms = [m for m in ms if m.start or not m.listed]
        sif = next((m for m in ms if m.type == "sif" and m.start), None)
        for m in ms:  # the LSCB review ran alongside the SIF inspection it is reported with
            if sif and m.type == "lscb-review" and not m.start:
                m.start, m.end_date, m.published = sif.start, sif.end_date, sif.published
        item = segments_of(doc).item_at(s)
        key = item.index if item else -1
        if key not in defaults:
            lo, hi = (item.start, item.end) if item else (0, len(flat))
            defaults[key] = _main_inspectorate([name for p, name in every if lo <= p < hi])
        for m in ms:
            m.item, m.fallback = key, defaults[key]
        earlier = by_item.setdefault(key, [])
        if orphans and earlier and re.search(r"\b(?:report|letter|outcome|findings)\b", said, _I):
            if earlier[-1].published is None:
                earlier[-1].published = orphans[0]
        _attach_judgements(flat, s, e, ms, earlier, key, defaults[key])
        # "an inspection" without a date is hypothetical more often than not
        ms = [m for m in ms if m.start or m.judgement or not ph.INDEFINITE.search(flat, m.pos - 25, m.pos)]
        for m in ms:
            fm = ph.FOCUS.match(flat, m.end, e) if m.type in ph.VISITS else None
            if fm:
                m.focus = fold(doc.text[fm.start(1) : fm.end(1)]).strip(" ,") or None
        ms.sort(key=lambda m: m.pos)
        mentions.extend(ms)
        earlier.extend(ms)
    facts = _after_trigger([_fact(doc, c) for c in _cluster(mentions, flat, ref or "")], ref)
    sifs = {f.start: f.published for f in facts if f.type == "sif" and f.start and f.published}
    dated = [f for f in facts if f.type == "sif" and f.start]
    for f in facts:  # the LSCB review ran alongside the SIF inspection and was published with it
        if f.type == "lscb-review" and f.start is None and len(dated) == 1:
            main = dated[0]
            f = replace(f, start=main.start, end=main.end, published=f.published or main.published)
        if f.type == "lscb-review" and f.published is None and f.start in sifs:
            f = replace(f, published=sifs[f.start])
        yield f


def _after_trigger(facts: list[Inspection], ref: str | None) -> list[Inspection]:
    """A visit whose year was inferred cannot precede the inadequate inspection that led to it."""
    triggers = [f.start for f in facts if f.type not in ph.VISITS and f.judgement == "inadequate" and f.start]
    triggers += [f.published for f in facts if f.type not in ph.VISITS and f.judgement == "inadequate"
                 and f.published and not f.start]
    if not triggers:
        return facts
    first = min(str(t) for t in triggers)
    out = []
    for f in facts:
        if f.type in ph.VISITS and f.date_inferred and f.start and f.start[:7] < first[:7]:
            shift = int(first[:4]) - int(f.start[:4]) + (f.start[4:7] < first[4:7])
            start, end = _shift(f.start, shift) or f.start, _shift(f.end, shift)
            if not ref or start[:7] <= ref[:7]:
                f = replace(f, start=start, end=end)
        out.append(f)
    return out


def _shift(date: str | None, years: int) -> str | None:
    return f"{int(date[:4]) + years}{date[4:]}" if date else None


def _window(flat: str, m: mn.Mention, width: int = 400) -> tuple[int, int]:
    """The mention's sentence, or the words around the mention in a run-on one."""
    s, e = m.sent
    if e - s <= width:
        return s, e
    lo = max(s, m.pos - width // 3)
    lo = flat.find(" ", lo, m.pos) + 1 if lo > s else s
    hi = min(e, lo + width)
    hi = flat.rfind(" ", m.end, hi) if hi < e and flat.rfind(" ", m.end, hi) > 0 else hi
    return lo, hi


def _fact(doc: Document, c: Cluster) -> Inspection:
    def score(m: mn.Mention) -> tuple[int, int]:
        return (4 * bool(m.start) + 2 * (m.kind == "typed") + bool(m.ordinal) + bool(m.published)
                + bool(m.judgement), -m.pos)

    best = max(c.mentions, key=score)
    dated = max((m for m in c.mentions if m.start), key=lambda m: len(m.start or ""), default=None)
    start = dated.start if dated else None
    published = next((m.published for m in c.mentions if m.published), None)
    if published and start and published < start[:7]:
        published = None
    judgement = None
    if c.type not in ph.VISITS and c.type != "jtai":  # visits and JTAIs are not graded
        overall = [m.judgement for m in c.mentions if m.judgement and m.overall]
        judgement = overall[0] if overall else next((m.judgement for m in c.mentions if m.judgement), None)
    type_ = c.type
    if c.untyped and type_ == "other" and (start or published):  # typed by when it happened
        type_ = _infer_type(c.inspectorate, start or published)  # or when its report came out
    how = "listed_visit" if best.listed else {"typed": "type_phrase", "named": "inspectorate_named"}.get(
        best.kind, "generic"
    )
    if best.kind == "named" and best.judgement and best.pos == best.end:
        how = "judgement_stated"  # "Ofsted rated services good": the judgement is the mention
    return Inspection(
        rule=f"inspections.{how}",
        inspectorate=c.inspectorate,
        type=type_,
        span=span(doc, *_window(doc.flat, best)),
        start=start,
        end=dated.end_date if dated else None,
        published=published,
        judgement=judgement,
        date_inferred=bool(dated and dated.inferred),
        ordinal=c.ordinal,
        focus=next((m.focus for m in c.mentions if m.focus), None),
    )
