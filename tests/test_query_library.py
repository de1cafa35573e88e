"""The analytical query library on a small hand-made world whose answers are known.

The world is built from facts (kg.extract.facts) through kg.graph.quads.document_quads, the same path the
extractors take, so the queries are tested against the model whatever the extractors find yet.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.extract import facts as F
from kg.extract.items import extract as extract_items
from kg.graph import iris
from kg.graph.quads import PREFIXES, authority_quads, document_quads, vocabulary_quads
from kg.graph.reference import official_quads
from kg.graph.store import load, write_graph
from kg.reference.ofsted import statistical_neighbours
from kg.sparql.library import PAGING, format_result, library, run
from tests.conftest import make_doc

BRADFORD, MEDWAY, BCP = "E08000032", "E06000035", "E06000058"
KG = "https://w3id.org/kg-minutes/def#"

BRADFORD_1 = """City of Bradford Metropolitan District Council
Children's Services Scrutiny Committee
Minutes of the meeting held on 12 March 2019 at City Hall, Bradford

1. Apologies

Apologies were received from Councillor Ahmed.

2. Ofsted Inspection of Children's Services

The Strategic Director, Children's Services, Mark Douglas, presented the report on the Ofsted \
inspection of 17 to 28 September 2018, which judged services inadequate. The Department for \
Education issued an improvement notice in November 2018.
Agency social workers make up 37% of the workforce. Average caseloads are 22 cases per worker. \
Members raised concerns about the recruitment of permanent staff.

RESOLVED: That the Improvement Plan be endorsed.

ACTION: Assistant Director, Social Care to report on converting agency staff to permanent posts \
by June 2019.
"""

BRADFORD_2 = """City of Bradford Metropolitan District Council
Children's Services Scrutiny Committee
Minutes of the meeting held on 10 September 2019 at City Hall, Bradford

1. Apologies

There were no apologies.

2. Ofsted Monitoring Visit

The Interim Assistant Director, Social Care, Jane Smith, answered questions on the monitoring \
visit of 11 and 12 June 2019. Agency staff now make up 31% of social workers, and caseloads \
remain high.

RESOLVED: That the monitoring visit letter be noted.
"""

MEDWAY_1 = """Medway Council
Children and Young People Overview and Scrutiny Committee
Minutes of the meeting held on 1 October 2019 at Gun Wharf, Chatham

1. Declarations of Interest

There were none.

2. Ofsted Inspection of Local Authority Children's Services

The Director of Children and Adults Services introduced the report. The Ofsted inspection in \
July 2019 judged services as requires improvement. Agency staff were 45% of the social work \
workforce at the time of the inspection. The target is 20% by March 2020.

RESOLVED: That the Committee notes the report and the improvement plan.
"""

BCP_1 = """Bournemouth, Christchurch and Poole Council
Children's Services Overview and Scrutiny Committee
Minutes of the meeting held on 1 June 2017

1. Minutes

The minutes of the last meeting were agreed.

2. Inspection Outcome

The inspection of children's services that began on 9 May 2016 found services to be good. \
Agency staff are 25% of the workforce.

RESOLVED: That the outcome be welcomed.
"""


class Minutes:
    """A document and the spans of its phrases."""

    def __init__(self, name: str, text: str, gss: str) -> None:
        self.doc = make_doc(text, name)
        self.facts: list[F.Fact] = [F.AuthorityMention(gss, True, self.span(text.split("\n")[0]))]
        self.facts += list(extract_items(self.doc))

    def span(self, phrase: str) -> F.Span:
        start = self.doc.text.index(phrase)
        return F.Span(start, start + len(phrase), phrase)

    def add(self, *found: F.Fact) -> Minutes:
        self.facts += found
        return self

    def meeting(self, committee: str, date: str, venue: str | None = None) -> Minutes:
        return self.add(F.MeetingInfo(self.span(committee), None, committee, date, venue))


def world() -> list[Minutes]:
    b1 = Minutes("bradford_2019-03-12.txt", BRADFORD_1, BRADFORD)
    s = b1.span
    b1.meeting("Children's Services Scrutiny Committee", "2019-03-12", "City Hall, Bradford").add(
        F.Inspection(
            "ofsted",
            "ilacs",
            s("Ofsted inspection of 17 to 28 September 2018, which judged services inadequate"),
            start="2018-09-17",
            end="2018-09-28",
            judgement="inadequate",
        ),
        F.Intervention(
            "dfe",
            "notice-to-improve",
            s("The Department for Education issued an improvement notice in November 2018"),
            date="2018-11",
        ),
        F.Post(
            "Strategic Director, Children's Services",
            "director-childrens-services",
            False,
            s("The Strategic Director, Children's Services, Mark Douglas, presented"),
            holder="Mark Douglas",
            contribution="presented",
        ),
        F.ConcernMention("agency-staff", s("Agency social workers make up 37% of the workforce")),
        F.ConcernMention("caseloads", s("Average caseloads are 22 cases per worker")),
        F.ConcernMention("recruitment", s("the recruitment of permanent staff")),
        F.Figure(37, "percent", s("37%"), concern="agency-staff"),
        F.Figure(22, "cases", s("22 cases per worker"), concern="caseloads"),
        F.Decision(
            "resolution",
            "That the Improvement Plan be endorsed.",
            s("That the Improvement Plan be endorsed."),
        ),
        F.Post(
            "Assistant Director, Social Care",
            "assistant-director",
            False,
            s("Assistant Director, Social Care"),
        ),
        F.Decision(
            "action",
            "Assistant Director, Social Care to report on converting agency staff "
            "to permanent posts by June 2019.",
            s("Assistant Director, Social Care to report"),
            owner="Assistant Director, Social Care",
            due="2019-06",
        ),
        F.PlanElement("Improvement Plan", s("Improvement Plan")),
    )
    b2 = Minutes("bradford_2019-09-10.txt", BRADFORD_2, BRADFORD)
    s = b2.span
    b2.meeting("Children's Services Scrutiny Committee", "2019-09-10", "City Hall, Bradford").add(
        F.Post(
            "Interim Assistant Director, Social Care",
            "assistant-director",
            True,
            s("The Interim Assistant Director, Social Care, Jane Smith, answered questions"),
            holder="Jane Smith",
            contribution="answered",
        ),
        F.Inspection(
            "ofsted",
            "monitoring-visit",
            s("monitoring visit of 11 and 12 June 2019"),
            start="2019-06-11",
            end="2019-06-12",
        ),
        F.ConcernMention("agency-staff", s("Agency staff now make up 31% of social workers")),
        F.ConcernMention("caseloads", s("caseloads remain high")),
        F.Figure(31, "percent", s("31%"), concern="agency-staff"),
        F.Decision(
            "resolution",
            "That the monitoring visit letter be noted.",
            s("That the monitoring visit letter be noted."),
        ),
    )
    m1 = Minutes("medway_2019-10-01.txt", MEDWAY_1, MEDWAY)
    s = m1.span
    m1.meeting("Children and Young People Overview and Scrutiny Committee", "2019-10-01").add(
        F.Post(
            "Director of Children and Adults Services",
            "director-childrens-services",
            False,
            s("The Director of Children and Adults Services introduced"),
            contribution="introduced",
        ),
        F.Inspection(
            "ofsted",
            "ilacs",
            s("The Ofsted inspection in July 2019 judged services as requires improvement"),
            start="2019-07",
            judgement="requires-improvement",
        ),
        F.ConcernMention("agency-staff", s("Agency staff were 45% of the social work workforce")),
        F.Figure(45, "percent", s("45%"), concern="agency-staff", qualifier="previous"),
        F.Figure(20, "percent", s("20%"), concern="agency-staff", qualifier="target"),
        F.Decision(
            "resolution",
            "That the Committee notes the report and the improvement plan.",
            s("That the Committee notes the report and the improvement plan."),
        ),
    )
    p1 = Minutes("bcp_2017-06-01.txt", BCP_1, BCP)
    s = p1.span
    p1.meeting("Children's Services Overview and Scrutiny Committee", "2017-06-01").add(
        F.Inspection(
            "ofsted",
            "ilacs",
            s("The inspection of children's services that began on 9 May 2016 found services to be good"),
            start="2016-05-09",
            judgement="good",
        ),
        F.ConcernMention("agency-staff", s("Agency staff are 25% of the workforce")),
        F.Figure(25, "percent", s("25%"), concern="agency-staff"),
        F.Decision("resolution", "That the outcome be welcomed.", s("That the outcome be welcomed.")),
    )
    return [b1, b2, m1, p1]


def neighbour_quads(codes: set[str]) -> list[ox.Quad]:
    """kg:statisticalNeighbour links, as the build is asked to add them to the register graph."""
    g = ox.NamedNode("https://w3id.org/kg-minutes/graph/register")
    p = ox.NamedNode(KG + "statisticalNeighbour")
    return [
        ox.Quad(ox.NamedNode(iris.authority(a)), p, ox.NamedNode(iris.authority(n)), g)
        for a in sorted(codes)
        for n in statistical_neighbours().get(a, ())
    ]


def sample_quads() -> list[ox.Quad]:
    quads: list[ox.Quad] = []
    for m in world():
        quads += document_quads(m.doc, m.facts)
    codes = {BRADFORD, MEDWAY, BCP}
    everyone = codes | {n for c in codes for n in statistical_neighbours().get(c, ())}
    quads += vocabulary_quads()
    quads += authority_quads(everyone)
    quads += official_quads(everyone)
    quads += neighbour_quads(codes)
    return quads


def write_sample(path: Path) -> Path:
    write_graph(sample_quads(), path, PREFIXES)
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("lib") / "sample.trig")


@pytest.fixture(scope="module")
def store(sample: Path) -> ox.Store:
    return load([sample])


def rows(store: ox.Store, name: str, **params: str) -> list[dict[str, str]]:
    out = format_result(run(store, library()[name], params), "csv", PREFIXES)
    return list(csv.DictReader(io.StringIO(out)))


def short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


# --- every query: headers, parameters, determinism -----------------------------------------

NEW = sorted(
    set(library())
    - {
        "authorities",
        "meetings",
        "inspections",
        "interventions",
        "posts",
        "people",
        "concerns",
        "concern_mentions",
        "figures",
        "plans",
        "decisions",
    }
)


def test_at_least_twelve_analytical_queries() -> None:
    assert len(NEW) >= 12


@pytest.mark.parametrize("name", sorted(library()))
def test_header_and_parameters_are_declared(name: str) -> None:
    q = library()[name]
    assert q.title != name and q.description, "a # title: and a # description: line"
    body = re.sub(r"#[^\n]*", "", q.text)
    for p in q.params:
        assert p.help, f"param {p.name} has no help"
        if p.name in PAGING:  # LIMIT and OFFSET, appended to the text (tests/test_query_rewrites.py)
            assert not re.search(r"(?i)\b(LIMIT|OFFSET)\s+\d+\s*$", body), "a paged query ends with ORDER BY"
            continue
        assert re.search(rf"[?$]{p.name}\b", body), f"?{p.name} is not in the query"


@pytest.mark.parametrize("name", sorted(library()))
def test_runs_on_the_sample_world_deterministically(store: ox.Store, name: str) -> None:
    q = library()[name]
    first = format_result(run(store, q), "csv", PREFIXES)
    assert format_result(run(store, q), "csv", PREFIXES) == first


# A value per parameter that selects something in the sample world.
SAMPLES = {
    "authority": BRADFORD,
    "judgement": "inadequate",
    "concern": "agency-staff",
    "unit": "percent",
    "qualifier": "actual",
    "role": "assistant-director",
    "kind": "presented",
    "as_of": "2019-06-30",
    "threshold": "20",
    "text": "agency",
    "file": '"medway_2019-10-01.txt"',
    "fact": f"<{iris.document('x')}>",
    "limit": "1",
    "offset": "0",
}


OVERRIDES = {("minutes_vs_record", "authority"): MEDWAY}


def sample_value(store: ox.Store, name: str, query: str = "") -> str:
    if (query, name) in OVERRIDES:
        return OVERRIDES[(query, name)]
    if name == "fact":
        r = rows(store, "figures", authority=BRADFORD)
        return f"<{r[0]['figure']}>"
    return SAMPLES[name]


@pytest.mark.parametrize("name,param", [(n, p.name) for n in sorted(library()) for p in library()[n].params])
def test_every_parameter_binds(store: ox.Store, name: str, param: str) -> None:
    q = library()[name]
    result = format_result(run(store, q, {param: sample_value(store, param, name)}), "csv", PREFIXES)
    if q.form == "SELECT":
        assert len(result.splitlines()) > 1, f"{name} with {param} returned no rows"


HOSTILE = [
    '"> } ; DROP ALL',
    "> } ; DROP ALL",
    "E06000035> } DROP ALL #",
    '" } DROP ALL { "',
    "{}",
    "<bad iri>",
    "<http://x> } ; DROP ALL { <http://y>",
    "'; DROP ALL; '",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name", NEW)
def test_hostile_values_return_nothing_or_a_clear_error(sample: Path, name: str, value: str) -> None:
    q = library()[name]
    if not q.params:
        pytest.skip("no parameters")
    before = sample.read_bytes()
    st = load([sample])
    count = len(st)
    try:
        out = format_result(run(st, q, {q.params[0].name: value}), "csv", PREFIXES)
    except QueryError as exc:  # a value of the wrong kind: one line, exit 2
        assert exc.exit_code == 2 and "\n" not in str(exc)
    else:
        if q.form == "SELECT":
            assert len(out.splitlines()) == 1, out
        elif q.form == "ASK":
            assert out == "false\n"
    assert len(st) == count
    assert sample.read_bytes() == before


def test_unknown_parameter_is_a_clear_error(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="no parameter 'gss'.*authority"):
        run(store, library()["timeline"], {"gss": BRADFORD})


@pytest.mark.parametrize("value", ["99999999999999999999999999", str(2**64)])
def test_a_count_past_64_bits_is_the_parameters_error(store: ox.Store, value: str) -> None:
    # an engine reads LIMIT into 64 bits: a larger one must not come back as a syntax error of the query file
    with pytest.raises(QueryError, match="limit=.*too large") as err:
        run(store, library()["figures"], {"limit": value})
    assert err.value.exit_code == 2


# --- the answers ----------------------------------------------------------------------------


def test_timeline(store: ox.Store) -> None:
    got = [(r["date"], r["event"], r["kind"]) for r in rows(store, "timeline", authority=BRADFORD)]
    assert got == [
        ("2018-09-17", "inspection", "ilacs"),
        ("2018-09-17", "official record", "ilacs"),
        ("2018-11", "intervention", "notice-to-improve"),
        ("2019-03-12", "meeting", ""),
        ("2019-06-11", "inspection", "monitoring-visit"),
        ("2019-09-10", "meeting", ""),
        ("2022-11-21", "official record", "ilacs"),
        ("2026-01-12", "official record", "ilacs"),
    ]
    assert {r["authority"] for r in rows(store, "timeline")} >= {
        iris.authority(g) for g in (BRADFORD, MEDWAY, BCP)
    }


def test_judgement_workforce(store: ox.Store) -> None:
    got = {
        (short(r["authority"]), r["start"], r["basis"], r["agency_staff_pct"], r["caseload"])
        for r in rows(store, "judgement_workforce", judgement="inadequate")
    }
    assert (BRADFORD, "2018-09-17", "Ofsted record", "37", "22") in got
    assert (BRADFORD, "2022-11-21", "Ofsted record", "37", "22") in got
    assert (MEDWAY, "2019-07-15", "Ofsted record", "", "") in got  # 45% is an earlier value
    good = {(short(r["authority"]), r["basis"]) for r in rows(store, "judgement_workforce", judgement="good")}
    assert (BCP, "minutes") in good


def test_figure_comparison(store: ox.Store) -> None:
    got = [
        (short(r["authority"]), r["value"], r["date"])
        for r in rows(store, "figure_comparison", concern="agency-staff", unit="percent", qualifier="actual")
    ]
    assert got == [(BRADFORD, "37", "2019-03-12"), (BRADFORD, "31", "2019-09-10"), (BCP, "25", "2017-06-01")]


def test_concerns_by_year(store: ox.Store) -> None:
    got = {
        (short(r["authority"]), r["year"], r["concern"], r["mentions"])
        for r in rows(store, "concerns_by_year", concern="agency-staff")
    }
    assert got == {
        (BRADFORD, "2019", "agency-staff", "2"),
        (MEDWAY, "2019", "agency-staff", "1"),
        (BCP, "2017", "agency-staff", "1"),
    }


def test_concern_pairs(store: ox.Store) -> None:
    got = {
        (r["with_concern"], r["together"], r["authorities"])
        for r in rows(store, "concern_pairs", concern="agency-staff")
    }
    assert got == {("caseloads", "2", "1"), ("recruitment", "1", "1")}


def test_contributions(store: ox.Store) -> None:
    got = [
        (short(r["authority"]), r["kind"], r["role"], r["date"], r["item_title"])
        for r in rows(store, "contributions")
    ]
    assert got == [
        (
            MEDWAY,
            "introduced",
            "director-childrens-services",
            "2019-10-01",
            "Ofsted Inspection of Local Authority Children's Services",
        ),
        (
            BRADFORD,
            "presented",
            "director-childrens-services",
            "2019-03-12",
            "Ofsted Inspection of Children's Services",
        ),
        (BRADFORD, "answered", "assistant-director", "2019-09-10", "Ofsted Monitoring Visit"),
    ]


def test_open_actions(store: ox.Store) -> None:
    got = rows(store, "open_actions", authority=BRADFORD)
    assert [(r["owner"], r["holder"], r["due"], r["date"]) for r in got] == [
        ("Assistant Director, Social Care", "Jane Smith", "2019-06", "2019-03-12")
    ]
    assert len(rows(store, "open_actions", as_of="2019-06-30")) == 1
    assert rows(store, "open_actions", as_of="2019-07-01") == []


def test_neighbours(store: ox.Store) -> None:
    got = rows(store, "neighbours", authority=BRADFORD)
    assert len(got) == 11
    assert (got[0]["is_self"], short(got[0]["neighbour"]), got[0]["judgement"], got[0]["judged"]) == (
        "true",
        BRADFORD,
        "requires-improvement",
        "2026-01-12",
    )
    assert got[0]["agency_staff_pct"] == "37" and got[0]["documents"] == "2"
    assert {short(r["neighbour"]) for r in got[1:]} == set(statistical_neighbours()[BRADFORD])
    assert all(r["name"] for r in got)


def test_minutes_vs_record(store: ox.Store) -> None:
    got = [
        (short(r["authority"]), r["issue"], r["minutes_value"], r["record_value"])
        for r in rows(store, "minutes_vs_record")
    ]
    assert got == [
        (MEDWAY, "judgement differs", "requires-improvement", "inadequate"),
        (BCP, "not in the official record", "", ""),
    ]


def test_provenance_points_at_the_words(store: ox.Store) -> None:
    texts = {m.doc.name: m.doc.text for m in world()}
    fact = sample_value(store, "fact")
    got = rows(store, "provenance", fact=fact)
    assert [(r["file"], r["quote"], r["type"]) for r in got] == [
        ("bradford_2019-03-12.txt", "37%", KG + "Figure")
    ]
    r = got[0]
    assert texts[r["file"]][int(r["start"]) : int(r["end"])] == r["quote"]
    assert r["source"] == iris.document(r["sha256"])


def test_documents(store: ox.Store) -> None:
    got = rows(store, "documents")
    assert [r["file"] for r in got] == sorted(m.doc.name for m in world())
    assert all(int(r["facts"]) > 3 for r in got)
    assert [r["date"] for r in rows(store, "documents", file='"medway_2019-10-01.txt"')] == ["2019-10-01"]


def test_headline_inadequate_with_agency_staff_over_30(store: ox.Store) -> None:
    got = [
        (
            short(r["authority"]),
            r["last_inadequate"],
            r["agency_staff_pct"],
            r["resolved_on"],
            r["resolution"],
        )
        for r in rows(store, "inadequate_agency")
    ]
    assert got == [
        (
            MEDWAY,
            "2019-07-15",
            "45",
            "2019-10-01",
            "That the Committee notes the report and the improvement plan.",
        ),
        (BRADFORD, "2022-11-21", "37", "2019-03-12", "That the Improvement Plan be endorsed."),
        (BRADFORD, "2022-11-21", "37", "2019-09-10", "That the monitoring visit letter be noted."),
    ]
    lower = {short(r["authority"]) for r in rows(store, "inadequate_agency", threshold="20")}
    assert lower == {BRADFORD, MEDWAY, BCP}
    assert rows(store, "inadequate_agency", threshold="50") == []


def test_leadership(store: ox.Store) -> None:
    got = [
        (r["role"], r["holder"], r["interim"], r["first_seen"], r["last_seen"])
        for r in rows(store, "leadership", authority=BRADFORD)
    ]
    assert got == [
        ("assistant-director", "Jane Smith", "true", "2019-03-12", "2019-09-10"),
        ("director-childrens-services", "Mark Douglas", "false", "2019-03-12", "2019-03-12"),
    ]


def test_official_record(store: ox.Store) -> None:
    got = [(r["start"], r["judgement"]) for r in rows(store, "official_record", authority=BRADFORD)]
    assert got == [
        ("2018-09-17", "inadequate"),
        ("2022-11-21", "inadequate"),
        ("2026-01-12", "requires-improvement"),
    ]
    assert all(
        r["report"].startswith("https://files.ofsted.gov.uk/")
        for r in rows(store, "official_record", authority=BRADFORD)
    )


def test_quote_search(store: ox.Store) -> None:
    assert rows(store, "quote_search") == []
    got = {r["quote"] for r in rows(store, "quote_search", text='"AGENCY"')}
    assert "Agency staff were 45% of the social work workforce" in got
    assert all("agency" in q.lower() for q in got)


def test_authority_card_is_a_graph(store: ox.Store) -> None:
    ttl = format_result(run(store, library()["authority_card"], {"authority": BRADFORD}), "ttl", PREFIXES)
    g = ox.Store()
    g.load(ttl.encode(), format=ox.RdfFormat.TURTLE)
    assert len(g) > 20
    assert "kg:judgement" in ttl and "bradford_2019-03-12.txt" in ttl
    nt = format_result(run(store, library()["authority_card"], {"authority": BRADFORD}), "nt", PREFIXES)
    assert len(nt.splitlines()) == len(g)
    doc = json.loads(
        format_result(run(store, library()["authority_card"], {"authority": BRADFORD}), "jsonld", PREFIXES)
    )
    assert doc


def test_ask(store: ox.Store) -> None:
    q = library()["ever_inadequate"]
    assert format_result(run(store, q, {"authority": BRADFORD}), "table", PREFIXES) == "true\n"
    assert format_result(run(store, q, {"authority": "E09000001"}), "table", PREFIXES) == "false\n"
    assert json.loads(format_result(run(store, q, {"authority": BRADFORD}), "json", PREFIXES)) == {
        "head": {},
        "boolean": True,
    }


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "md"])
def test_select_formats(store: ox.Store, fmt: str) -> None:
    out = format_result(run(store, library()["timeline"], {"authority": BRADFORD}), fmt, PREFIXES)
    if fmt == "json":
        data = json.loads(out)
        assert data["head"]["vars"][:3] == ["authority", "date", "event"]
        assert len(data["results"]["bindings"]) == 8
    elif fmt == "md":
        assert out.startswith("| authority | date |") and len(out.splitlines()) == 10
    elif fmt == "tsv":
        assert out.splitlines()[0].split("\t")[:2] == ["authority", "date"]
    else:
        assert "2018-11" in out
