"""Property-based: extraction never raises, and every quote matches its offsets, on any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract_all
from kg.graph.quads import document_quads
from tests.conftest import make_doc

# Text built from pieces that real minutes have, so the extractors' patterns actually fire.
PIECES = [
    "Agenda item\n",
    "82 Full ILACS report\n",
    "RESOLVED:\n",
    "Resolved \u2013 (1) That ",
    "Decision:\n",
    "Recommended \u2013\n",
    "(1) ",
    "1) ",
    "a) ",
    "\u00b7 ",
    "\u2022 ",
    "\u00d8 ",
    "o  ",
    "- ",
    "ACTION \u2013 ",
    "Action: Assistant Director, Children\u2019s Social Care\n",
    "Ofsted ",
    "CIW ",
    "CSSIW ",
    "monitoring visit ",
    "the second monitoring visit ",
    "inspection ",
    "rated as inadequate. ",
    "between 7 and 16 January 2013",
    "6 \u2013 7 March",
    "September 2018",
    "87% agency staff ",
    "caseload of 20 ",
    "reduced to one. ",
    "133 children ",
    "PDF 53 KB\n",
    "Children Act 1989 ",
    "Medway Council ",
    "BCP ",
    "Bridgend ",
    "Councillor J Smith ",
    "(Catherine Knowles)\n",
    "The Interim Strategic Director ",
    "Improvement Plan ",
    "Workstream 2 \u2013 Partnerships ",
    "notice to improve issued on the 4 December 2018. ",
    "\n",
    "\n\n",
    " ",
    "\u00a0",
    "\r\n",
    "view the full minutes text for item 82",
    "...",
    "\u201cQ\u201d",
    "\u2019",
    "\t",
]
text_strategy = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=60).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_extraction_never_raises_and_quotes_match(text: str) -> None:
    doc = make_doc(text)
    facts = extract_all(doc)
    for f in facts:
        span = f.span  # type: ignore[union-attr]
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.quote
    document_quads(doc, facts)  # mapping to RDF never raises either
