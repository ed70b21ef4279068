#!/usr/bin/env python3
"""Complexity fuzzer: hunts inputs whose cost grows faster than their size.

In the spirit of pulldown-cmark's dos-fuzzer. Each *family* is a recipe for a
text of any size: a seed (a sentence taken from the test fixtures, or made up
of lexicon names, unseen spellings of them, phrase-pack finds, quotes,
brackets, citations, URLs, list items, markdown marks, references), repeated
or varied, and laid out as one line, one paragraph of wrapped lines, or many
paragraphs. Every family is grown from --min-kb to --max-kb, doubling; each
size is run through every stage a user can call (convert, diff, report,
restore, check, names discover) and the CPU time of each is measured; a
stage that fails (a panic) is reported with its input kept. A
family whose time more than --ratio times when its size doubles (on the
larger half of the sizes, where start-up no longer counts) is reported with
its ratios and kept under --keep for a regression test, unless one more
doubling grows like the size again: a step, such as a later round of the
rules that only the larger text sets off, is not super-linear.

    cargo build --release
    python3 scripts/dos-fuzz.py                      # the named families, then random ones
    python3 scripts/dos-fuzz.py --minutes 30         # the run the issue asks for
    python3 scripts/dos-fuzz.py --family one-line/names --max-kb 1024
    python3 scripts/dos-fuzz.py --mixes-only --minutes 30   # random mixes only

CPU time, not wall time, so a busy machine blurs the figures less; still,
repeat a finding before believing it (the script re-measures a suspect once).
Exit status 1 when some family grew super-linearly, else 0.
"""
import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NAMES = ["Nikol Pashinyan", "Ilham Aliyev", "Stepanakert", "Nagorno-Karabakh", "Shusha",
         "Vladimir Putin", "Recep Tayyip Erdogan", "Ganja", "Armenia", "Azerbaijan"]
VARIANTS = ["Passinyan", "Passing an", "Aliev", "Stepanakeert", "Shushi", "Gyanja", "Erdowan"]
UNSEEN = ["Pashinian", "Alijev", "Stepanakerd", "Nagorno-Karabach", "Shoosha", "Ganca"]
PHRASES = ["Naka", "Asia and Afghanistan", "cynic lie", "no death penalty", "Aliyev President"]
MARKS = ["**bold**", "*it*", "[link](http://example.org/a)", "<http://example.org/b>", "## Head",
         "![img](pic.png)", "`code`", "___", "* * *"]
CITES = ["[1]", "[2, 3]", "(Smith et al., 2019)", "(Aliyev 2020; Pashinyan 2021)", "[12–15]"]
URLS = ["https://example.org/news/2020/10/article-%d.html", "www.example.com/p?id=%d",
        "mailto:editor%d@example.org", "doi:10.1000/xyz%d"]
QUOTES = ['"quoted words"', "“curly quote”", "‘single’", "„German“", "« French »", "'apos'"]
BRACKETS = ["(", ")", "[", "]", "((", "))", "(a (b (c)))"]
FURNITURE = ["Share on Facebook", "Read more:", "12", "Page 3 of 9", "Cookie policy", "Reply",
             "Leave a comment", "© 2020 Example News"]


def fixture_sentences():
    """Sentences from the test fixtures and the samples: real text shapes."""
    out = []
    for d in [ROOT / "tests" / "fixtures", ROOT / "input"]:
        for p in sorted(d.rglob("*.txt")):
            try:
                text = p.read_text("utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            for line in text.splitlines():
                line = line.strip()
                if 40 <= len(line) <= 400:
                    out.append(line)
    return out or ["The ministry said the talks would go on."]


class Family:
    """A recipe: `seed(rng, i)` gives the i-th piece; `layout` joins pieces."""

    def __init__(self, name, seed, layout):
        self.name, self.seed, self.layout = name, seed, layout

    def make(self, nbytes, salt=0):
        rng = random.Random(zlib.crc32(f"{self.name}/{salt}".encode()))
        pieces, size, i = [], 0, 0
        while size < nbytes:
            p = self.seed(rng, i)
            pieces.append(p)
            size += len(p.encode()) + 1
            i += 1
        return self.layout(pieces, rng)


def one_line(pieces, rng):
    return " ".join(pieces) + "\n"


def one_paragraph(pieces, rng):
    words = " ".join(pieces).split(" ")
    lines, line = [], []
    for w in words:
        line.append(w)
        if sum(len(x) + 1 for x in line) > 72:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines) + "\n"


def paragraphs(pieces, rng):
    return "\n\n".join(pieces) + "\n"


def lines_only(pieces, rng):
    return "\n".join(pieces) + "\n"


LAYOUTS = {"one-line": one_line, "one-paragraph": one_paragraph, "paragraphs": paragraphs,
           "lines": lines_only}


def seeds(sentences):
    """The seed makers, by name."""
    def pick(xs):
        return lambda rng, i: rng.choice(xs)

    def sentence(rng, i):
        return rng.choice(sentences)

    def same_sentence(rng, i):
        return sentences[0]

    def names(rng, i):
        return (f"{rng.choice(NAMES)} met {rng.choice(VARIANTS)} and {rng.choice(UNSEEN)} "
                f"near {rng.choice(NAMES)}, the {rng.choice(PHRASES)} said.")

    def new_names(rng, i):
        # a new made-up capitalised name every piece: the fuzzy matcher's worst case
        syll = ["ka", "ri", "mo", "sha", "yan", "lev", "zu", "gor", "dze", "ov"]
        n = "".join(rng.choice(syll) for _ in range(3)).capitalize()
        return f"Minister {n} spoke with {rng.choice(UNSEEN)} in {rng.choice(NAMES)}."

    def same_name(rng, i):
        return "Passinyan"

    def phrase(rng, i):
        return f"The {rng.choice(PHRASES)} was reported by {rng.choice(NAMES)}."

    def marks(rng, i):
        return f"{rng.choice(MARKS)} {rng.choice(sentences)[:60]} {rng.choice(MARKS)}"

    def nested(rng, i):
        d = rng.randint(1, 30)
        return "(" * d + rng.choice(["[", "“", "'", "*", "**"]) * d + "x" + ")" * (d // 2)

    def quotes(rng, i):
        return f"{rng.choice(QUOTES)} he said {rng.choice(QUOTES)}"

    def unbalanced(rng, i):
        return rng.choice(["“", "”", '"', "'", "«", "»", "(", ")", "[", "]"]) + "word"

    def cites(rng, i):
        return f"As shown {rng.choice(CITES)}, the result holds {rng.choice(CITES)}."

    def refs(rng, i):
        return (f"[{i + 1}] A. Author, B. Writer. Title of paper {i}. Journal {i % 50}, "
                f"{1990 + i % 30}. doi:10.1000/{i}")

    def urls(rng, i):
        return rng.choice(URLS) % i

    def dups(rng, i):
        return sentences[i % 3] if len(sentences) > 2 else sentences[0]

    def near_dups(rng, i):
        s = sentences[i % max(1, min(5, len(sentences)))]
        w = s.split(" ")
        k = rng.randrange(len(w))
        w[k] = w[k].upper()
        return " ".join(w)

    def list_items(rng, i):
        return f"{rng.choice(['-', '*', '•', str(i) + '.'])} {rng.choice(sentences)[:80]}"

    def furniture(rng, i):
        return rng.choice(FURNITURE)

    def numbers(rng, i):
        return str(i % 400 + 1)

    def hyphens(rng, i):
        return rng.choice(["rep-", "resentation", "sus-", "pend", "well-", "known"])

    def mojibake(rng, i):
        return rng.choice(["CafÃ©", "Ã ", "â€œ", "Â", "Ã¢â‚¬â„¢", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "x"])

    def mixed(rng, i):
        f = rng.choice([sentence, names, phrase, marks, quotes, cites, urls, list_items,
                        furniture, numbers, mojibake, nested])
        return f(rng, i)

    return {k: v for k, v in locals().items() if callable(v) and k not in ("pick",)}


def families(sentences):
    s = seeds(sentences)
    out = []
    for seed_name, seed in sorted(s.items()):
        for layout_name, layout in LAYOUTS.items():
            out.append(Family(f"{layout_name}/{seed_name}", seed, layout))
    return out


STAGES = ["convert", "diff", "report", "restore", "check", "discover"]


def cpu_of(cmd, **kw):
    """CPU seconds (user + system) of running `cmd` to completion."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {p.returncode}: "
                           f"{p.stderr.decode('utf-8', 'replace')[-300:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_stages(emend, path, tmp, stages):
    """CPU time of each stage on the file at `path`."""
    out = Path(tmp) / "out"
    name = path.stem
    t = {}
    t["convert"] = cpu_of([emend, "convert", path, "--out", out, "--force", "-q"])
    xml = out / f"{name}.xml"
    if "diff" in stages:
        t["diff"] = cpu_of([emend, "diff", path])
    if "report" in stages:
        t["report"] = cpu_of([emend, "report", path, "--html", Path(tmp) / "r.html"])
    if "restore" in stages:
        t["restore"] = cpu_of([emend, "restore", xml])
    if "check" in stages:
        t["check"] = cpu_of([emend, "check", xml])
    if "discover" in stages:
        t["discover"] = cpu_of([emend, "names", "discover", path, "--format", "json"])
    return t


def measure(emend, fam, sizes, tmp, stages, salt=0):
    """Per stage: the CPU times at each size."""
    times = {s: [] for s in stages}
    for kb in sizes:
        path = Path(tmp) / "in.txt"
        path.write_text(fam.make(kb * 1024, salt), "utf-8")
        t = run_stages(emend, path, tmp, stages)
        for s in stages:
            times[s].append(t[s])
    return times


def worst_ratio(ts, floor):
    """The largest growth per doubling over the larger half of the sizes
    (times under `floor` seconds are start-up noise and are lifted to it)."""
    ts = [max(t, floor) for t in ts]
    half = len(ts) // 2
    rs = [ts[i + 1] / ts[i] for i in range(max(0, half - 1), len(ts) - 1)]
    return max(rs) if rs else 1.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--emend", default=str(ROOT / "target" / "release" / "emend"))
    ap.add_argument("--min-kb", type=int, default=256)
    ap.add_argument("--max-kb", type=int, default=4096)
    ap.add_argument("--ratio", type=float, default=2.5)
    ap.add_argument("--floor", type=float, default=0.05, help="seconds below which a time is noise")
    ap.add_argument("--minutes", type=float, default=0, help="after the named families, random "
                    "mixes until this much time has passed (0: the named families only)")
    ap.add_argument("--mixes-only", action="store_true", help="skip the named families (a run "
                    "that already passed them) and spend --minutes on random mixes")
    ap.add_argument("--family", action="append", help="run only these families (repeatable)")
    ap.add_argument("--stages", default=",".join(STAGES))
    ap.add_argument("--keep", default=str(ROOT / "target" / "dos-fuzz"),
                    help="where suspect inputs (at --min-kb) are written")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if not os.path.isfile(a.emend):
        sys.exit(f"dos-fuzz: no emend at {a.emend} (cargo build --release)")
    stages = a.stages.split(",")
    sizes, kb = [], a.min_kb
    while kb <= a.max_kb:
        sizes.append(kb)
        kb *= 2
    sentences = fixture_sentences()
    fams = families(sentences)
    if a.family:
        fams = [f for f in fams if f.name in a.family]
        if not fams:
            sys.exit("dos-fuzz: no such family; names are LAYOUT/SEED, e.g. one-line/names")
    rng = random.Random(a.seed)
    deadline = time.time() + a.minutes * 60
    found = []

    def check(fam, salt=0):
        with tempfile.TemporaryDirectory() as tmp:
            try:
                times = measure(a.emend, fam, sizes, tmp, stages, salt)
            except RuntimeError as crash:
                # a stage that fails is a finding too: keep the input that
                # made it fail (the largest size tried) and go on
                keep = Path(a.keep)
                keep.mkdir(parents=True, exist_ok=True)
                out = keep / f"{fam.name.replace('/', '_')}_{salt}_crash.txt"
                out.write_bytes((Path(tmp) / "in.txt").read_bytes())
                print(f"{fam.name} (salt {salt}): CRASH, input kept as {out}: {crash}", flush=True)
                found.append((fam.name, salt, {"crash": str(crash)[-200:]}))
                return
            bad = {s: worst_ratio(ts, a.floor) for s, ts in times.items()}
            bad = {s: r for s, r in bad.items() if r > a.ratio}
            if bad:
                # measure the suspects once more: a busy machine makes one-off spikes
                again = measure(a.emend, fam, sizes, tmp, list(bad), salt)
                bad = {s: worst_ratio(ts, a.floor) for s, ts in again.items()}
                bad = {s: r for s, r in bad.items() if r > a.ratio}
                times.update(again)
            if bad:
                # one doubling more: super-linear work keeps growing faster
                # than the size, while a step (a later round of the rules
                # that only a larger text sets off; MAX_ROUNDS bounds them)
                # grows like the size again
                beyond = measure(a.emend, fam, [sizes[-1] * 2], tmp, list(bad), salt)
                steps = {s: beyond[s][0] / max(times[s][-1], a.floor) for s in bad}
                stepped = {s: r for s, r in steps.items() if r <= a.ratio}
                for s in stepped:
                    times[s].append(beyond[s][0])
                bad = {s: r for s, r in bad.items() if s not in stepped}
        line = " ".join(f"{s}={'/'.join(f'{t:.2f}' for t in times[s])}" for s in stages)
        flag = "SUPERLINEAR " + ",".join(f"{s}x{r:.1f}" for s, r in bad.items()) if bad else "ok"
        if not bad and any(len(times[s]) > len(sizes) for s in stages):
            flag = "ok (a step, linear at twice the largest size)"
        print(f"{fam.name} (salt {salt}): {flag}  [{line}]", flush=True)
        if bad:
            keep = Path(a.keep)
            keep.mkdir(parents=True, exist_ok=True)
            out = keep / f"{fam.name.replace('/', '_')}_{salt}.txt"
            out.write_text(fam.make(a.min_kb * 1024, salt), "utf-8")
            found.append((fam.name, salt, bad))

    for fam in ([] if a.mixes_only else fams):
        check(fam)
    n = 0
    while time.time() < deadline:
        n += 1
        base = rng.choice(fams)
        seeds_ = [rng.choice(fams).seed for _ in range(rng.randint(2, 4))]
        mix = Family(f"{base.name.split('/')[0]}/mix{n}",
                     lambda r, i, ss=seeds_: ss[i % len(ss)](r, i), base.layout)
        check(mix, salt=n)
    print(f"dos-fuzz: {len(found)} super-linear of {(0 if a.mixes_only else len(fams)) + n} families"
          + "".join(f"\n  {f} (salt {s}): {b}" for f, s, b in found))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
