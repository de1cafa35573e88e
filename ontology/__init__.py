"""The ontology, its SHACL shapes and vocabularies; installed as the package kg._ontology."""
