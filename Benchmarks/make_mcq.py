#!/usr/bin/env python3
"""Generates an MCQ test for the marking benchmark: a key in our CSV format and a
responses.csv of answer sheets drawn from an item-response model, so that the item
analysis has something to find. Standard library only; the same arguments give the same
bytes on every run.

    python3 Benchmarks/make_mcq.py --sheets 200000 --items 60 --out Benchmarks/work/mcq-200000

Writes key.csv (item,answer,options,multiple) and responses.csv (candidate_id,Q1..Qn).
Items: one in six is multiple-answer (two or three keyed options of five), the rest
single-answer with four or five options; two items are miskeyed (negative
discrimination) and one has a distractor nobody picks. Cells: mostly one capital
letter; also lower case, blanks (about 2%), double marks on single-answer items
(0.5%), invalid marks (0.1%), and multiple answers written AC, "A,C", A;C or A C.
"""
import argparse
import math
import os
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sheets", type=int, default=200_000)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    letters = "ABCDEFGHIJKLMNO"

    items = []
    for index in range(args.items):
        multiple = index % 6 == 5
        options = 5 if multiple or index % 3 == 0 else 4
        if multiple:
            keyed = sorted(rng.sample(range(options), rng.choice([2, 3])))
        else:
            keyed = [rng.randrange(options)]
        discrimination = rng.uniform(0.4, 2.2)
        if index in (7, 31):
            discrimination = -0.8  # miskeyed: stronger candidates avoid the "key"
        difficulty = rng.uniform(-1.6, 1.4)
        distractors = [o for o in range(options) if o not in keyed]
        weights = [rng.uniform(0.5, 3) for _ in distractors]
        if index == 13 and len(distractors) > 2:
            weights[-1] = 0.0  # a distractor nobody chooses
        items.append(dict(multiple=multiple, options=options, keyed=keyed, a=discrimination, b=difficulty,
                          distractors=distractors, weights=weights))

    with open(os.path.join(args.out, "key.csv"), "w", newline="") as key:
        key.write("item,answer,options,multiple\n")
        for index, item in enumerate(items):
            answer = "".join(letters[o] for o in item["keyed"])
            key.write(f"Q{index + 1},{answer},{item['options']},{'yes' if item['multiple'] else 'no'}\n")

    with open(os.path.join(args.out, "responses.csv"), "w", newline="") as out:
        out.write("candidate_id," + ",".join(f"Q{i + 1}" for i in range(len(items))) + "\n")
        for sheet in range(args.sheets):
            ability = rng.gauss(0, 1)
            cells = []
            for item in items:
                roll = rng.random()
                if roll < 0.02:
                    cells.append("")
                    continue
                if roll < 0.021:
                    cells.append(rng.choice(["X", "?", "1", "Z"]))
                    continue
                p = 1 / (1 + math.exp(-item["a"] * (ability - item["b"])))
                if item["multiple"]:
                    if rng.random() < p:
                        chosen = list(item["keyed"])
                    else:
                        chosen = sorted(set(rng.sample(range(item["options"]), rng.choice([1, 2, 3]))))
                    text = "".join(letters[o] for o in chosen)
                    style = rng.random()
                    if len(chosen) > 1 and style < 0.1:
                        text = '"' + ",".join(text) + '"'
                    elif len(chosen) > 1 and style < 0.2:
                        text = ";".join(text)
                    elif len(chosen) > 1 and style < 0.3:
                        text = " ".join(text)
                    cells.append(text)
                    continue
                if rng.random() < p:
                    choice = item["keyed"][0]
                else:
                    choice = rng.choices(item["distractors"], weights=item["weights"])[0]
                text = letters[choice]
                if rng.random() < 0.005:
                    other = rng.choice([o for o in range(item["options"]) if o != choice])
                    text += letters[other]
                if rng.random() < 0.05:
                    text = text.lower()
                cells.append(text)
            out.write(f"S{sheet + 1:07d}," + ",".join(cells) + "\n")


if __name__ == "__main__":
    main()
