"""The graph's namespaces as plain strings, for code that must stay light (kg serve's server
process and query workers import neither rdflib nor the extractors; kg/graph/ns.py builds the
rdflib namespaces on BASE, and tests/test_serve_light.py checks PREFIXES against them)."""

BASE = "https://w3id.org/kg-minutes/"
AUTHORITY = f"{BASE}id/authority/"

PREFIXES = {
    "kg": f"{BASE}def#",
    "kgid": f"{BASE}id/",
    "authority": AUTHORITY,
    "document": f"{BASE}id/document/",
    "concern": f"{BASE}vocab/concern/",
    "role": f"{BASE}vocab/role/",
    "vocab": f"{BASE}vocab/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
}
