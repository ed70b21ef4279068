"""Apache Spark in local mode, three ways, each giving what the single-machine
command gives: (a) the package in mapPartitions, (b) RDD.pipe through
`emend convert --from jsonl`, (c) `names discover --emit-stats` shards merged
in a reduce step. These are README's "Corpora and pipelines" recipes."""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

import pytest

import emend

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

ROOT = pathlib.Path(__file__).resolve().parents[2]
EMEND = pathlib.Path(os.environ.get("EMEND", ROOT / "target" / "debug" / "emend")).resolve()


def emend_cmd(*args):
    return subprocess.run([str(EMEND), *args], capture_output=True, check=True).stdout


@pytest.fixture(scope="module")
def corpus():
    """The project's UTF-8 sample texts in one folder (enough of them that a
    folder conversion counts the lines that recur), converted by the
    single-machine command."""
    if not EMEND.exists():
        pytest.skip("the command is not built")
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="emend-spark-"))
    folder = tmp / "corpus"
    folder.mkdir()
    for path in sorted([*ROOT.glob("input/*.txt"), *ROOT.glob("tests/fixtures/*/*.txt")]):
        if path.parent.name == "layout":
            continue  # side-by-side columns, refused (tested elsewhere)
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not data.startswith(b"\xef\xbb\xbf"):
            shutil.copy(path, folder / ("%s_%s" % (path.parent.name, path.name)))
    assert len(list(folder.iterdir())) >= 10
    out = tmp / "out"
    emend_cmd("convert", str(folder), "--out", str(out), "-q")
    emend_cmd("furniture", "count", str(folder), "--emit-stats", str(tmp / "lines.json"))
    yield folder, out, tmp / "lines.json"
    shutil.rmtree(tmp)


@pytest.fixture(scope="module")
def sc():
    from pyspark.sql import SparkSession

    from pyspark import cloudpickle

    os.environ["PYSPARK_PYTHON"] = sys.executable
    # the workers cannot import this test module: ship its functions by value
    # (a script's own functions are, being in __main__)
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("emend-tests")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    yield spark.sparkContext
    spark.stop()


def single_machine(out, path):
    """What `emend convert FOLDER --out OUT` wrote for `path`."""
    stem = out / pathlib.Path(path).stem
    read = lambda suffix: stem.with_suffix(suffix).read_bytes().decode()  # noqa: E731 (newlines kept)
    return read(".txt"), json.loads(read(".edits.json"))["edits"], read(".xml")


def local_path(uri):
    return uri[len("file:"):] if uri.startswith("file:") else uri


# (a) --------------------------------------------------------------------
def convert_partition(engine):
    def run(files):
        for uri, data in files:
            c = engine.convert(bytes(data), name=local_path(uri))
            yield c.name, c.clean, c.edits, c.tei

    return run


def test_map_partitions_with_the_package(sc, corpus):
    folder, out, lines = corpus
    engine = emend.Engine(line_stats=str(lines))  # pickled to the workers as its options
    got = sc.binaryFiles(str(folder), minPartitions=2).mapPartitions(convert_partition(engine)).collect()
    assert len(got) == len(list(folder.iterdir()))
    for name, clean, edits, tei in got:
        assert (clean, edits, tei) == single_machine(out, name), name


def test_conversions_made_on_workers_can_be_collected(sc):
    engine = emend.Engine()
    got = sc.parallelize(["A  b .", "C , d."], 2).map(engine.convert).collect()
    assert [c.clean for c in got] == ["A b.", "C, d."]


# (b) --------------------------------------------------------------------
def test_pipe_through_jsonl(sc, corpus):
    folder, out, lines = corpus
    docs = sc.wholeTextFiles(str(folder), minPartitions=2).map(
        lambda kv: json.dumps({"id": local_path(kv[0]), "text": kv[1]})
    )
    records = docs.pipe(
        "emend convert --from jsonl - --no-tei --line-stats %s" % lines,
        env={"PATH": "%s:/usr/bin:/bin" % EMEND.parent},
        checkCode=True,
    ).map(json.loads).collect()
    assert len(records) == len(list(folder.iterdir()))
    for r in records:
        clean, edits, _ = single_machine(out, r["id"])
        assert (r["clean"], r["edits"]) == (clean, edits), r["id"]


def test_pipe_fails_loudly_when_the_command_is_missing(sc):
    docs = sc.parallelize([json.dumps({"id": 1, "text": "x"})], 1)
    with pytest.raises(Exception, match="exit status|emend"):
        docs.pipe("emend convert --from jsonl -", env={"PATH": "/nonexistent"}, checkCode=True).collect()


# (c) --------------------------------------------------------------------
def discover_shard(paths):
    paths = list(paths)
    if paths:
        yield emend_cmd("names", "discover", *paths, "--emit-stats", "-").decode()


def merge_two(a, b):
    with tempfile.TemporaryDirectory() as d:
        pa, pb = pathlib.Path(d, "a.json"), pathlib.Path(d, "b.json")
        pa.write_text(a)
        pb.write_text(b)
        return emend_cmd("names", "merge", str(pa), str(pb), "--emit-stats", "-").decode()


def test_names_discover_shards_merged_in_a_reduce(sc, corpus):
    folder, _, _ = corpus
    paths = sorted(str(p) for p in folder.iterdir())
    merged = sc.parallelize(paths, 3).mapPartitions(discover_shard).reduce(merge_two)
    whole = emend_cmd("names", "discover", str(folder), "--emit-stats", "-").decode()
    assert json.loads(merged) == json.loads(whole)
