"""A synthetic network model of N documents, made directly (no minutes, no RDF): seconds for
10,000 documents, where writing and reading the graph would take over a minute.

It has the shape of what kg.viz.model.load_model reads from a built graph: authorities of
England and Wales with their GSS codes, each with a stable cast of posts and people, an
improvement plan with workstreams and components, inspections from minutes (with judgements)
and Ofsted's published record for the same authorities, interventions, and concern mentions
with their quotes. Authorities lean towards a few concerns of their own, so the heat map and
the layout have something to find.
"""

from __future__ import annotations

import random
from collections import defaultdict

from kg.graph import iris
from kg.graph.vocab import vocabularies
from kg.reference.ofsted import official_inspections
from kg.viz.geo import places
from kg.viz.model import Entity, Model

POSTS = ("Director of Children's Services", "Assistant Director, Safeguarding",
         "Head of Service, Children Looked After", "Principal Social Worker", "Chief Executive",
         "Cabinet Member for Children", "Service Manager, Front Door")
WORKSTREAMS = ("Workforce", "Practice quality", "Leadership", "Partnerships", "Front door")
FIRST = "Alex Sam Jo Chris Pat Lee Robin Kim Jordan Morgan Taylor Casey Jamie Ali Sian Rhys".split()
LAST = "Smith Jones Williams Taylor Davies Evans Thomas Roberts Khan Patel Hughes Lewis".split()
JUDGEMENTS = ("outstanding", "good", "requires-improvement", "inadequate")


def synth_model(docs: int, seed: int = 1) -> Model:
    r = random.Random(seed)
    concerns = sorted(vocabularies()["concern"].items())
    codes = sorted(g for g, p in places().items() if p.current and p.xy is not None)
    ents: dict[str, Entity] = {}
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    mentions: dict[tuple[str, str], int] = defaultdict(int)
    mquotes: dict[tuple[str, str], set[tuple[str, int, str]]] = defaultdict(set)
    documents: dict[str, tuple[str, str]] = {}
    for key, c in concerns:
        iri = iris.concept("concern", key)
        ents[iri] = Entity(iri, "Concern", c.label)
    leaning = {g: r.sample(range(len(concerns)), 3) for g in codes}
    weights = [1 + (i % 7) ** 2 for i in range(len(codes))]  # some councils write far more

    def add(iri: str, cls: str, label: str, a: str, quote: tuple[str, int, str],
            attrs: list[tuple[str, str]] | None = None, date: str = "",
            raw: dict[str, list[str]] | None = None) -> str:
        e = ents.get(iri)
        if e is None:
            e = ents[iri] = Entity(iri, cls, label, attrs or [], {a}, set(), date, raw or {})
        if quote[2]:
            e.quotes.add(quote)
        return iri

    for i in range(docs):
        gss = r.choices(codes, weights)[0]
        a = iris.authority(gss)
        if a not in ents:
            ents[a] = Entity(a, "Authority", places()[gss].name, [("GSS code", gss)], {a})
            for rec in official_inspections().get(gss, ()):
                if rec.judgement:
                    o = iris.official_record(gss, rec.start)
                    add(o, "Inspection", f"Ofsted ILACS {rec.start}", a, ("", 0, ""),
                        [("Start", rec.start), ("Judgement", rec.judgement)], rec.start,
                        {"Judgement": [iris.concept("judgement", rec.judgement)],
                         "Official record": ["true"]})
                    links[(o, a)].add("authority")
        year = r.randint(2013, 2024)
        f = f"minutes_{i:05d}_{gss}.txt"
        documents[f"urn:doc:{i}"] = (f, a)

        def q(text: str, f: str = f) -> tuple[str, int, str]:
            return (f, r.randint(0, 150), text)

        if r.random() < 0.3:
            j = r.choice(JUDGEMENTS)
            date = f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            x = add(f"{a}/inspection/{date}", "Inspection", f"Ofsted ILACS {date}", a,
                    q(f"Ofsted judged services {j.replace('-', ' ')}"),
                    [("Start", date), ("Judgement", j)], date,
                    {"Judgement": [iris.concept("judgement", j)]})
            links[(x, a)].add("authority")
        if r.random() < 0.05:
            kind = r.choice(("improvement-notice", "commissioner", "statutory-direction"))
            x = add(f"{a}/intervention/{kind}/{year}", "Intervention", f"DfE {kind} {year}", a,
                    q("the Department for Education issued a notice"),
                    [("Kind", kind), ("Date", str(year))], str(year))
            links[(x, a)].add("authority")
        rng = random.Random(f"{gss}-people")
        cast = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(12)]
        for title in r.sample(POSTS, r.randint(1, 3)):
            post = add(f"{a}/post/{title}", "Post", title, a, q(f"the {title}"))
            links[(post, a)].add("post in")
            if r.random() < 0.6:
                who = r.choice(cast)
                person = add(f"{a}/person/{who}", "Person", who, a, q(f"{who}, {title}"))
                links[(person, post)].add("holds")
        if r.random() < 0.4:
            plan = add(f"{a}/plan", "Plan", "Improvement Plan", a, q("the improvement plan"))
            links[(plan, a)].add("authority")
            ws = r.choice(WORKSTREAMS)
            w = add(f"{a}/plan/{ws}", "Workstream", ws, a, q(f"the {ws} workstream"))
            links[(plan, w)].add("workstream")
            n = r.randint(1, 6)
            c = add(f"{a}/plan/{ws}/{n}", "Component", f"Action {n}", a, q(f"action {n}"))
            links[(w, c)].add("component")
        picks = {r.choice(leaning[gss]) if r.random() < 0.6 else r.randrange(len(concerns))
                 for _ in range(r.randint(1, 4))}
        for k in sorted(picks):
            key, concept = concerns[k]
            c_iri = iris.concept("concern", key)
            mentions[(a, c_iri)] += 1
            quote = q(f"members raised {concept.label.lower()}")
            mquotes[(a, c_iri)].add(quote)
            ents[c_iri].quotes.add(quote)
            ents[c_iri].authorities.add(a)
    return Model(ents, dict(links), dict(mentions), dict(mquotes), documents, [])
