#!/usr/bin/env python3
"""Generate a benchmark corpus from the sample texts in input/.

usage: scripts/gen-corpus.py OUT_DIR [--mb 50] [--seed 7] [--single]

Paragraphs of the samples are shuffled, mixed across files and varied
(spacing, quote style, name spellings, repeated paragraphs, boilerplate
lines) with a fixed seed, so the corpus is the same on every machine. Files
are about 40 KB each; --single writes one file of the whole size instead.
The corpus is not committed: it is rebuilt whenever it is needed.
"""
import argparse
import pathlib
import random

VARIANTS = [
    ("Pashinyan", "Pashinian"), ("Aliyev", "Aliev"), ("Ganja", "Gandzha"),
    ("Nagorno-Karabakh", "Nagorno Karabakh"), ("“", '"'), ("”", '"'), (", ", " , "),
]
EXTRA = ["Leave a Reply", "Author: admin", "Share this:", "Picture/People’s Vision"]


def paragraphs(root):
    out = []
    for p in sorted((root / "input").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        sep = "\n\n" if "\n\n" in text else "\n"
        out += [q.strip() for q in text.split(sep) if q.strip()]
    return out


def vary(rng, para):
    for a, b in VARIANTS:
        if a in para and rng.random() < 0.3:
            para = para.replace(a, b, 1)
    if rng.random() < 0.05:
        para = para.replace(" ", "  ", 1)
    return para


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--single", action="store_true")
    a = ap.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    paras = paragraphs(root)
    rng = random.Random(a.seed)
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    target = int(a.mb * 1_000_000)
    total, n = 0, 0
    single = open(out / "corpus.txt", "w", encoding="utf-8") if a.single else None
    while total < target:
        body = [vary(rng, rng.choice(paras)) for _ in range(rng.randint(30, 70))]
        if rng.random() < 0.2:
            body.append(body[rng.randrange(len(body))])  # a pasted-twice paragraph
        if rng.random() < 0.3:
            body.append(rng.choice(EXTRA))
        doc = "\n\n".join(body) + "\n"
        if single:
            single.write(doc + "\n")
        else:
            sub = out / f"part{n % 10}"
            sub.mkdir(exist_ok=True)
            (sub / f"doc{n:05}.txt").write_text(doc, encoding="utf-8")
        total += len(doc.encode("utf-8"))
        n += 1
    print(f"{out}: {n} documents, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
