#!/usr/bin/env python3
"""Generate a large synthetic lexicon for the lexicon-size benchmark.

usage: scripts/gen-lexicon.py OUT.toml [--entities 100000] [--seed 11]

Entities get pronounceable invented names (two to three syllables, one or
two words) with two spelling variants each, so the automaton and the fuzzy
index grow the way a real large lexicon would. Fixed seed: the same file on
every machine. Compare `emend convert CORPUS --out X --force` with and
without `--lexicon OUT.toml`.
"""
import argparse
import pathlib
import random
import re
import unicodedata

ONSETS = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh", "ch", "dr", "gr"]
VOWELS = ["a", "e", "i", "o", "u", "ya", "ia"]
CODAS = ["", "n", "r", "v", "s", "k", "sh", "an", "yan", "ov", "ev", "adze", "ski"]


def fold(s):
    """Roughly emend's key folding: case, diacritics, ı/ə, hyphens and spaces."""
    s = unicodedata.normalize("NFKD", s.lower().replace("ı", "i").replace("ə", "a"))
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c))


def word(rng):
    syll = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 3)))
    return (syll + rng.choice(CODAS)).capitalize()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    # Forms the built-in packs use are taken: a clash is (rightly) an error.
    root = pathlib.Path(__file__).resolve().parent.parent
    taken = {fold(m) for p in root.glob("lexicons/*.toml")
             for m in re.findall(r'"([^"]+)"', p.read_text(encoding="utf-8"))}
    seen = set()
    with open(a.out, "w", encoding="utf-8") as f:
        f.write('[pack]\nname = "synthetic"\ndescription = "generated for benchmarks"\n\n')
        n = 0
        while n < a.entities:
            canon = " ".join(word(rng) for _ in range(rng.randint(1, 2)))
            v1 = canon.replace("sh", "ss").replace("v", "w")
            v2 = canon.replace("ya", "ia").replace("k", "q")
            forms = {canon, v1, v2}
            if forms & seen or any(fold(f) in taken for f in forms):
                continue
            seen |= forms
            variants = sorted(forms - {canon})
            kind = rng.choice(["person", "place", "org"])
            f.write(f'[[entity]]\nid = "syn-{n}"\ntype = "{kind}"\ncanonical = "{canon}"\n')
            f.write("variants = [" + ", ".join(f'"{v}"' for v in variants) + "]\n\n")
            n += 1
    print(f"{a.out}: {n} entities")


if __name__ == "__main__":
    main()
