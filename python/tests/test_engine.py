"""The Python package: one engine, one document or many, the same results as
the command line, pickling, errors naming the document."""

import json
import multiprocessing
import os
import pathlib
import pickle
import subprocess

import pytest

import emend

ROOT = pathlib.Path(__file__).resolve().parents[2]
EMEND = pathlib.Path(os.environ.get("EMEND", ROOT / "target" / "debug" / "emend"))


def inputs():
    return sorted((ROOT / "input").glob("*.txt"))


@pytest.fixture(scope="module")
def engine():
    return emend.Engine()


def test_convert_gives_clean_text_tei_edits_entities_and_profile(engine):
    c = engine.convert("Hello  world , Nikol Pashinyan met Vladimir Putin in Moscow.", name="a.txt")
    assert c.name == "a.txt"
    assert c.clean == "Hello world, Nikol Pashinyan met Vladimir Putin in Moscow."
    assert c.tei.startswith("<?xml")
    assert [e["rule"] for e in c.edits] == ["whitespace", "whitespace"]
    assert c.edits[0]["confidence"] == 0.95 and c.edits[0]["status"] == "applied"
    ids = [e["id"] for e in c.entities]
    assert ids == ["moscow", "nikol-pashinyan", "vladimir-putin"]
    assert c.entities[0]["type"] == "place" and c.entities[0]["mentions"] == [[53, 59]]
    assert c.profile["kind"] in {"prose", "mt-news", "web-copy", "pdf-extract", "chat-answer"}
    assert engine.convert("x", tei=False).tei is None


def test_the_same_as_the_command_line(engine):
    if not EMEND.exists():
        pytest.skip("the command is not built")
    for path in inputs():
        out = subprocess.run(
            [str(EMEND), "convert", "-", "--to", "jsonl", "--no-tei"],
            input=path.read_bytes(), capture_output=True, check=True,
        ).stdout
        record = json.loads(out)
        c = engine.convert(path.read_bytes(), name="-", tei=False)
        assert c.clean == record["clean"], path
        assert c.edits == record["edits"], path
        assert c.entities == record["entities"], path
        assert c.profile == record["profile"], path


def test_convert_many_keeps_order_and_equals_convert(engine):
    docs = [("doc%d" % i, "Text  %d , here." % i) for i in range(100)] + ["plain ."]
    got = list(engine.convert_many(iter(docs), jobs=2, tei=False))
    assert [c.name for c in got] == ["doc%d" % i for i in range(100)] + ["<document 101>"]
    for (name, text), c in zip(docs[:100], got):
        assert c.clean == engine.convert(text, name=name).clean == "Text %s, here." % name[3:]


def test_errors_name_the_document(engine):
    binary = b"text\x00more"
    with pytest.raises(emend.EmendError, match="bin.txt"):
        engine.convert(binary, name="bin.txt")
    it = engine.convert_many([("ok", "Fine."), ("bad.txt", binary)])
    assert next(it).clean == "Fine."
    with pytest.raises(emend.EmendError, match="bad.txt"):
        next(it)
    with pytest.raises(TypeError, match="3"):
        list(engine.convert_many(["a", "b", 3]))


def test_wrong_options_are_value_errors():
    with pytest.raises(ValueError, match="min_confidence"):
        emend.Engine(min_confidence=2)
    with pytest.raises(ValueError, match="no built-in pack"):
        emend.Engine(packs=["nope"])
    with pytest.raises(ValueError, match="quotes"):
        emend.Engine(quotes="fancy")


def test_options_change_results():
    strict = emend.Engine(min_confidence=1.0)
    c = strict.convert("Hello  world .")
    assert c.clean == "Hello  world ."
    assert {e["status"] for e in c.edits} == {"suggested"}


def test_conversions_pickle_by_value(engine):
    c = engine.convert("Nikol Pashinyan spoke  twice .", name="p.txt")
    copy = pickle.loads(pickle.dumps(c))
    for field in ["name", "clean", "tei", "edits", "entities", "profile"]:
        assert getattr(copy, field) == getattr(c, field), field


def _clean(args):
    engine, text = args
    return engine.convert(text).clean


def test_engines_pickle_as_their_options_for_worker_processes():
    engine = emend.Engine(min_confidence=0.9, quotes="straight", packs=emend.BUILTIN_PACKS[:1])
    copy = pickle.loads(pickle.dumps(engine))
    assert copy.build_id == engine.build_id
    text = "He said “ yes ” , twice."
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        got = pool.map(_clean, [(engine, text)] * 2)
    assert got == [engine.convert(text).clean] * 2
