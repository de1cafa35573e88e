"""Improvement and action plans, their workstreams or priorities, components, and boards.

- plans: "Improvement Plan", "Children's Services Improvement Plan", "post-inspection action
  plan", "priority plan" (not child protection, care or pathway plans, nor a plan the text says
  there is not: "rather than a separate improvement plan"). Mentions of one kind of plan share
  the fullest name the text gives it, so that they make one plan;
- workstreams: "Workstream 2 of the Improvement Plan - Partnerships", and the parts listed after
  "N priorities / workstreams / themes" of a plan, inline ("priorities: A; B; and C") or as
  bullets ("1) Workforce - including ...");
- components: the bullets under a workstream ("... - Partnerships namely:" then bullets), or
  listed after a plan ("the priority plan: FFD, Early Help, Culture");
- boards ("Improvement Board", board=True) and named programmes ("Back to Basics programme");
- responds_to: the inspection type when the text says the plan follows an inspection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.extract import plan_lists as pl
from kg.extract.common import fold, span
from kg.extract.facts import PlanElement
from kg.reading.document import Document
from kg.reading.segments import segments_of

_I = re.IGNORECASE
_PLAN = re.compile(
    r"\b(?P<kind>improvement|action|priority|recovery|transformation|development)\s+plan\b"
    r"|\b(?P<soa>(?:written\s+)?statement\s+of\s+action)\b",
    _I,
)
_SOA = "Written Statement of Action"
_BOARD = re.compile(r"\bimprovement\s+board\b", _I)
_KEEP_LOWER = {"post-inspection", "departmental", "multi-agency", "joint", "inspection"}
_CONNECT = {"and", "&", "of", "for"}
_NOT_NAME = re.compile(
    r"^(?:the|a|an|this|that|its|their|our|new|latest|revised|updated|draft|final|separate|"
    r"current|agreed|council's|authority's|service's|committee's|panel's|cabinet's|ofsted's|"
    r"overall|whole|detailed|single|written|proposed|agrees|notes|approves|endorses|welcomes|"
    r"receives|considers|supports)$",
    _I,
)
# "child protection action plan", "care plan": lower-case qualifiers; a capitalised name such as
# "Children's Social Care Improvement Plan" is a plan
_NOT_A_PLAN = re.compile(r"\b(?:child(?:ren)?|care|pathway|protection|safety|support)\s+$")
_NEGATED = re.compile(r"(?:rather\s+than|instead\s+of|\bno|\bnot\s+(?:a|an))\s+(?:\w+\s+){0,2}$", _I)
_PROGRAMME = re.compile(
    r"(?:[A-Z][\w'-]*,?\s+)(?:(?:[A-Z][\w'-]*,?|to|of|and|for|in|the)\s+){0,7}programme\b")
# A named practice framework or model: 'a new practice framework, "Name"', '"Name" practice model'
_FRAMEWORK = re.compile(
    r"\b(?:practice|social\s+work|operating|service|delivery)\s+(?:framework|model)\s*,?\s*"
    r"(?:(?:called|known\s+as|entitled|named)\s+)?\"(?P<a>[A-Z][^\"\n]{2,60}?)\""
    r"|\"(?P<b>[A-Z][^\"\n]{2,60}?)\"\s+(?:practice\s+|social\s+work\s+)?(?:framework|model)\b")
# A quoted name for a scheme: "its 'Grow Together' trainee scheme", '"Step Up" programme'
_STOP = "a|an|the|would|will|is|was|were|has|had|have|to|of|and|which|that|could|should|be"
_QUOTED_SCHEME = re.compile(
    r"(?<![\w'\"])(?P<q>['\"])(?P<name>[A-Z][^'\"\n]{2,40}?)(?P=q)(?![\w'])\s+"
    rf"(?P<tail>(?:(?!(?:{_STOP})\s)[a-z-]+\s+){{0,4}}?"
    r"(?:scheme|programme|initiative|academy|project|pathway|approach))\b")
# A named academy or strategy: "the Social Work Academy", "Placement Sufficiency Strategy"
_NAMED = re.compile(r"\b(?:Academy|academy|Strategy)\b")
_NOT_PROGRAMME = re.compile(r"^(?:forward|work|committee|cabinet|meeting|council's|capital)\b", _I)
_FOLLOWS = re.compile(
    r"\b(?:following|after|in\s+response\s+to|responding\s+to|arising\s+from|to\s+address)\s+"
    r"(?:the\s+|its\s+)?(?:[\w'-]+\s+){0,4}?(?:inspection|visit|ILACS?|JTAI|review)\b"
    r"|\bpost-inspection\b",
    _I,
)
_TYPES = [
    ("ilacs", r"\bILACS?\b|inspection\s+of\s+local\s+authorit\w+\s+children'?s\s+services"),
    ("sif", r"\bSIF\b|single\s+inspection|children\s+in\s+need\s+of\s+help\s+and\s+protection"),
    ("protection-of-children", r"arrangements\s+for\s+the\s+protection\s+of\s+children"),
    ("jtai", r"\bJTAI\b|joint\s+targeted\s+area\s+inspection"),
    ("focused-visit", r"focused\s+visit"),
    ("ciw-inspection", r"\bC?SSIW\b|\bCIW\b|care\s+inspectorate\s+wales|performance\s+evaluation"),
    ("looked-after-children", r"looked\s+after\s+children\s+(?:\(LAC\)\s+)?(?:services\s+)?insp"),
    ("monitoring-visit", r"monitoring\s+visit"),
]
_PARTS = re.compile(
    r"\b(?:(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:key\s+|main\s+)?"
    r"(?:priorities|work\s?streams|themes|strands|pillars|headings|objectives|principles|"
    r"ambitions|(?:priority\s+|improvement\s+)?areas(?!\s+(?:for|of|where|that|which|requiring|needing)\b))\b"
    r"(?:\s+(?:in|of|within|for)\s+(?:the|its|our)\s+[\w' -]{0,40}?(?:plan|board)\b"
    # "principles of the ... Act 2014 - A, B"; "workstreams reflecting these priorities - A; B"
    r"|\s+of\s+the\s+[A-Z][\w'() -]{0,60}?\bAct(?:\s+\d{4})?(?=\s+-\s)"
    r"|\s+(?:reflecting|based\s+on|covering|mirroring)\s+[\w' ]{1,40}?(?=\s+-\s))?",
    _I,
)
_WORKSTREAM = re.compile(
    r"\b(?P<ws>work\s?stream|priority|theme|strand)\s+(?P<n>\d{1,2}|[A-Z])\b\s*(?:of\s+the\s+[\w' ]{0,40}?"
    r"plan\s*)?[-:]\s*(?P<name>[A-Z](?:[\w' ,&()-]|\n(?!\s*\n)){2,60}?)"
    r"(?=\s*\((?:including|namely)\b|\s+(?:namely|including|which|where)\b|"
    r"\s+(?:work\s?stream|priority|theme|strand)\s+(?:\d{1,2}|[A-Z])\s*[-:]|[.;:]|$)",
    _I | re.MULTILINE,
)
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}


def _type_of(text: str) -> str | None:
    for notation, rx in _TYPES:
        if re.search(rx, text, _I):
            return notation
    return None


def _doc_type(doc: Document) -> str:
    """The inspection the minutes are about: named in a title, else in the text; visits last."""
    found = [_type_of(it.title) for it in segments_of(doc).items] + [_type_of(doc.flat)]
    for t in found:
        if t and not t.endswith("visit"):
            return t
    return next((t for t in found if t), "other")


# the end of a name for an event or a report, so "and" after it starts the name of another thing
_EVENT = re.compile(r"^(?:visit|inspection|review|report|update|findings|letter|outcomes?|judgements?)$", _I)


def _name_before(flat: str, pos: int) -> list[str]:
    """The capitalised words that name a plan or board, read leftwards from pos."""
    words = re.findall(r"[\w'&-]+", flat[max(0, pos - 80) : pos])
    out: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if len(w) > 5 and w.isupper() and (not out or out[0].isupper()):
            break  # a word of an upper-case heading ("FINDINGS AND ACTION PLAN"), not a name
            # (an acronym among capitalised words is: "Post OFSTED Inspection Action Plan")
        if w.lower() in _CONNECT and out and len(out) < 5 and i > 0 and _EVENT.match(words[i - 1]):
            break  # "Monitoring Visit and Children's Services Improvement Plan": two things
        if w.lower() in _CONNECT and out and len(out) < 5:
            out.insert(0, w)
        elif (w[0].isupper() or w.lower() in _KEEP_LOWER) and not _NOT_NAME.match(w):
            out.insert(0, w)
        else:
            break
        if len(out) >= 5:
            break
    while out and out[0].lower() in _CONNECT:
        out.pop(0)
    return out


def extract(doc: Document) -> Iterator[PlanElement]:
    flat = doc.flat
    seg = segments_of(doc)
    start = seg.header_end
    doc_type = _doc_type(doc)
    skip = [(s.start, s.end) for s in seg.sections if s.kind == "documents"]
    names: dict[str, str] = {}
    found = []
    for m in _PLAN.finditer(flat, start):
        if any(a <= m.start() < b for a, b in skip) or _NOT_A_PLAN.search(flat[: m.start()][-20:]):
            continue
        pre = _name_before(flat, m.start())
        head = m.start() - len(" ".join(pre)) - (1 if pre else 0)
        if _NEGATED.search(flat[max(0, head - 40) : head]):
            continue
        if m.group("soa"):
            label, kind = _SOA, "statement"
        else:
            label = " ".join(pre + [m.group("kind").title(), "Plan"])
            label = label[0].upper() + label[1:]
            kind = m.group("kind").lower()
        if len(label) > len(names.get(kind, "")):
            names[kind] = label
        found.append((m, kind))
    for m, kind in found:
        ctx = re.split(r"[.;]\s|\n", flat[m.start() : m.end() + 100])[0]
        item = seg.item_at(m.start())
        in_title = item is not None and item.title_start <= m.start() < item.title_end
        responds = None
        if _FOLLOWS.search(ctx) or _FOLLOWS.search(flat[max(0, m.start() - 60) : m.end()]) or (
            in_title and item is not None and re.search(r"inspection|visit", item.title, _I)
        ):
            responds = _type_of(ctx) or doc_type
        plan = names[kind]
        yield PlanElement(plan, span(doc, m.start(), m.end()), responds_to=responds, rule="plans.named_plan")
        parts = _PARTS.search(flat, max(0, m.start() - 60), m.start())
        if flat[m.end() : m.end() + 2].strip()[:1] != ":" or parts:
            continue  # "priorities in the plan: A; B" are workstreams, read below
        for s, e, comp in pl.listed(doc, m.end(), None):
            yield PlanElement(plan, span(doc, s, e), component=comp, rule="plans.listed_after_plan")
    main = names.get("improvement") or next(iter(names.values()), None)
    boards = [(m, _name_before(flat, m.start())) for m in _BOARD.finditer(flat, start)]
    board = max((" ".join(p + ["Improvement Board"]) for _, p in boards), key=len, default="")
    for m, _ in boards:
        yield PlanElement(board, span(doc, m.start(), m.end()), board=True, rule="plans.improvement_board")
    for m in _PROGRAMME.finditer(flat, start):
        name = re.sub(r"^(?:The|A|An|This|Our|Its)\s+", "", fold(m.group()))
        name = re.sub(r"(?<=\w)'s(?=\s+(?!programme)\w)|(?<=\w)'s(?=\s+programme$)", "s", name)
        words = name.split()
        if len(words) > 1 and not words[-2][0].isupper():
            continue  # "... and the programme": no name
        if name.split()[0] != "programme" and not _NOT_PROGRAMME.match(name) and not re.search(
            r"\bWork\s+programme$", name, _I
        ):
            sp = span(doc, m.start(), m.end())
            el = PlanElement(main, sp, component=name) if main else PlanElement(name, sp)
            yield replace(el, rule="plans.programme")
    for m in _FRAMEWORK.finditer(flat, start):
        g = "a" if m.group("a") else "b"
        name = pl.clean(m.group(g))
        if 0 < len(name.split()) <= 6:
            sp = span(doc, m.start(g), m.end(g))
            el = PlanElement(main, sp, component=name) if main else PlanElement(name, sp)
            yield replace(el, rule="plans.framework")
    for el in _named(doc, main):
        yield replace(el, rule="plans.named_component")
    if main:  # workstreams and priorities are those of a plan the text names
        for el in _workstreams(doc, main):
            yield el if el.rule else replace(el, rule="plans.workstream")


def _named(doc: Document, main: str | None) -> Iterator[PlanElement]:
    """Named schemes, academies and strategies, as components of the main plan if there is one."""
    flat = doc.flat
    start = segments_of(doc).header_end
    found: list[tuple[int, int, str]] = []
    for m in _QUOTED_SCHEME.finditer(flat, start):
        found.append((m.start(), m.end(), f"{fold(m.group('name'))} {fold(m.group('tail'))}"))
    for m in _NAMED.finditer(flat, start):
        pre = _name_before(flat, m.start())
        if pre and flat[m.start() - 1] == " " and not any(w.lower() in _KEEP_LOWER for w in pre):
            s = m.start() - len(" ".join(pre)) - 1
            if flat[s:m.start()].strip() == " ".join(pre):
                found.append((s, m.end(), f"{' '.join(pre)} {m.group()}"))
    names = {name for _, _, name in found}
    for s, e, name in found:
        # "the Social Work Academy" after "the Oldham Social Work Academy" is the same one
        name = max((n for n in names if n.endswith(" " + name)), key=len, default=name)
        sp = span(doc, s, e)
        yield PlanElement(main, sp, component=name) if main else PlanElement(name, sp)


# what a plan or one of its parts is said to include: "the plan included the X, a revised Y policy and ..."
_INCLUDES = re.compile(
    r"\b(?:plan|(?:priority|work\s?stream|theme)\s+\d{1,2})\s+(?:also\s+)?(?:included|includes|comprised|"
    r"comprises|contained|contains)\s+(?=(?:the|a|an|new|its)\s)", _I)


def _inclusions(doc: Document, main: str) -> Iterator[PlanElement]:
    """Named parts listed after "the plan included", when each names a scheme, policy or the like."""
    flat = doc.flat
    for m in _INCLUDES.finditer(flat, segments_of(doc).header_end):
        stop = re.search(r"[.;:](?:\s|$)|\n\s*\n|$", flat[m.end() :])
        e = m.end() + (stop.start() if stop else 0)
        tail = flat[m.end() : e]
        items = [pl.LEAD.sub("", fold(i)).strip(" ,;.")
                 for i in pl.AND_ITEM.sub(lambda a: (a.group("h") or "") + "\0", tail).split("\0")]
        if len(items) < 2 or not all(
            0 < len(i.split()) <= 7 and re.search(rf"\b{pl.HEAD_NOUN}\b", i, _I) for i in items
        ):
            continue
        for comp in items:
            yield PlanElement(main, span(doc, m.end(), e), component=comp)


def _workstreams(doc: Document, main: str) -> Iterator[PlanElement]:
    flat = doc.flat
    start = segments_of(doc).header_end
    for el in _inclusions(doc, main):
        yield replace(el, rule="plans.included_in_plan")
    found = list(_WORKSTREAM.finditer(flat, start))
    for i, m in enumerate(found):
        ws = pl.clean(m.group("name"))  # "Workstream 2 - Partnerships" is the "Partnerships" workstream
        yield PlanElement(main, span(doc, m.start(), m.end()), workstream=ws)
        stop = pl.line_end(flat, m.end())
        if i + 1 < len(found):
            stop = min(stop, found[i + 1].start())
        yield from _after_colon(doc, main, ws, m.end(), stop)
        for comp in pl.included(flat, m.end() - 2, stop):
            yield PlanElement(main, span(doc, m.start(), stop), workstream=ws, component=comp)
        if flat[m.end() : stop].rstrip().endswith(":"):
            for s, e in pl.bullets_after(doc, stop):
                comp = pl.clean(re.split(r"\s+-\s+|:", flat[s:e])[0])
                if comp and len(comp.split()) <= 8:
                    yield PlanElement(main, span(doc, s, e), workstream=ws, component=comp)
    for m in _PARTS.finditer(flat, start):
        item = segments_of(doc).item_at(m.start())
        context = flat[item.start if item else max(0, m.start() - 300) : m.end()]
        if not re.search(r"\bplan\b|\bboard\b|\bstatement\s+of\s+action\b", context, _I):
            continue
        n = m.group("n")
        count = int(n) if n and n.isdigit() else _WORDS.get((n or "").lower())
        listed = pl.listed(doc, m.end(), count)[: count or None]
        most = 12 if count and len(listed) == count else 8
        for s, e, label in listed:
            if label and len(label.split()) <= most:
                yield PlanElement(main, span(doc, s, e), workstream=label)
                if e - s < 300 and e != pl.line_end(flat, m.end()):  # a bullet: its components
                    for comp in pl.included(flat, s, e):
                        yield PlanElement(main, span(doc, s, e), workstream=label, component=comp)


def _after_colon(doc: Document, main: str, ws: str, end: int, stop: int) -> Iterator[PlanElement]:
    """Components listed on the line after a numbered part's name: "Workstream 2 - Front Door: A; B."."""
    flat = doc.flat
    m = re.match(r"\s*:\s*(?P<list>\S[^\n]*)", flat[end:stop])
    if not m:
        return
    text = re.split(r"\.\s|\.$", m.group("list").strip())[0]
    items = [pl.clean(i) for i in re.split(r"\s*;\s*(?:and\s+)?", text)]
    if len(items) < 2 or not all(0 < len(i.split()) <= 7 for i in items):
        return
    for comp in items:
        yield PlanElement(main, span(doc, end + m.start("list"), stop), workstream=ws, component=comp)
