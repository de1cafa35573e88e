"""Word lists live in kg/extract/data/ as YAML: checked at load, consistent with the vocabularies."""

import importlib
from pathlib import Path

import pytest

from kg.extract import lexicons
from kg.extract.people import extract as extract_people
from kg.graph.vocab import vocabularies
from kg.reading.document import Document

DATA = Path(lexicons.__file__).with_name("data")


def test_every_head_role_and_cue_concept_is_a_vocabulary_notation() -> None:
    vocab = vocabularies()
    assert {h.role for h in lexicons.post_heads()} <= set(vocab["role"])
    assert set(lexicons.concern_cues()) <= set(vocab["concern"])


def _reload(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, text: str) -> None:
    for f in DATA.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / name).write_text(text, encoding="utf-8")

    class Files:
        def __truediv__(self, part: str) -> Path:
            return tmp_path if part == "data" else tmp_path / part

    monkeypatch.setattr(lexicons, "files", lambda _pkg: Files())
    for loader in (lexicons.names, lexicons.post_heads, lexicons.concern_cues):
        loader.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_caches():
    yield
    for loader in (lexicons.names, lexicons.post_heads, lexicons.concern_cues):
        loader.cache_clear()


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        (
            "post_heads.yaml",
            "heads:\n  - kind: x\n    pattern: '(unclosed'\n    role: officer\n",
            "bad regular",
        ),
        (
            "post_heads.yaml",
            "heads:\n  - kind: x\n    pattern: 'y'\n    role: officer\n    lower: no\n",
            "lower",
        ),
        ("names.yaml", "given_names: Alice bob\n", "lower case"),
        ("concern_cues.yaml", "cues: [a, b]\n", "'cues' must map"),
        ("concern_cues.yaml", "cues: {caseloads: [ok, '[']}\n", "caseloads"),
        ("names.yaml", "given_names: [unclosed\n", "cannot read"),
    ],
)
def test_a_malformed_list_is_one_error_naming_the_file(monkeypatch, tmp_path, name, text, needle) -> None:
    _reload(monkeypatch, tmp_path, name, text)
    loader = {"post_heads.yaml": lexicons.post_heads, "names.yaml": lexicons.names}.get(
        name, lexicons.concern_cues
    )
    with pytest.raises(lexicons.LexiconError) as err:
        loader()
    assert name in str(err.value) and needle in str(err.value) and "\n" not in str(err.value)


def test_a_given_name_added_to_the_data_file_is_used(monkeypatch, tmp_path) -> None:
    from kg.extract import people_grammar

    sentence = Document("t.txt", "0" * 64, "text/plain", "Zebedee Quill presented the report.\n")
    assert not [p.name for p in extract_people(sentence)]
    text = (
        (DATA / "names.yaml")
        .read_text(encoding="utf-8")
        .replace("given_names: >-\n", "given_names: >-\n  zebedee\n")
    )
    _reload(monkeypatch, tmp_path, "names.yaml", text)
    try:
        importlib.reload(people_grammar)
        assert [p.name for p in extract_people(sentence)] == ["Zebedee Quill"]
    finally:
        monkeypatch.undo()
        lexicons.names.cache_clear()
        importlib.reload(people_grammar)
    assert not [p.name for p in extract_people(sentence)]
