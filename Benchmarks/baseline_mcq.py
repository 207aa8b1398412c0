#!/usr/bin/env python3
"""The pandas baseline of the MCQ benchmark: the same marking and item analysis as
`assess mcq mark` with a key in our CSV format (Moodle's rules, default fractions), done
the way a data analyst would with pandas and numpy.

    python3 Benchmarks/baseline_mcq.py KEY.csv RESPONSES.csv OUT_DIR

Marks: a single-answer item scores its marks when the one option chosen is the key, 0
otherwise (several marks or an invalid cell: 0); a multiple-answer item scores the sum of
the chosen options' fractions (+1/k for each of the k keyed options, -1/w for each of the
w others), clamped to 0..1. Writes OUT_DIR/results.csv (candidate_id,score,max_score,
percent,Q1..Qn) and OUT_DIR/item-analysis.csv (facility, sd, discrimination index,
discriminative efficiency as Moodle computes them, the percent choosing each option),
and prints {"candidates","questions","mean","sd","cic","error_ratio","standard_error"}.
"""
import json
import os
import sys

import numpy as np
import pandas as pd


def main():
    key_path, responses_path, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    key = pd.read_csv(key_path, dtype=str)
    sheets = pd.read_csv(responses_path, dtype=str, keep_default_na=False)
    ids = sheets.iloc[:, 0]
    n, m = len(sheets), len(key)
    letters = "ABCDEFGHIJKLMNO"
    marks = np.zeros((n, m))
    shares = []
    for j, row in enumerate(key.itertuples(index=False)):
        cells = sheets[row.item].str.upper().str.replace(r"[ ,;|+\t]", "", regex=True)
        valid = cells.str.fullmatch(r"[A-O]*")
        options = int(row.options)
        chosen = {letter: cells.str.contains(letter, regex=False) & valid for letter in letters[:options]}
        extra = cells.str.contains(f"[{letters[options:]}]", regex=True) if options < 15 else False
        valid = valid & ~extra
        if row.multiple == "yes":
            k = len(row.answer)
            w = options - k
            score = sum(chosen[l].astype(float) * (1 / k if l in row.answer else -1 / w) for l in chosen)
            score = np.clip(score, 0, 1) * valid
        else:
            score = ((cells == row.answer) & valid).astype(float)
        marks[:, j] = score
        shares.append([chosen[l].mean() * 100 for l in chosen])

    total = marks.sum(axis=1)
    maximum = float(m)
    results = pd.DataFrame(marks, columns=list(key["item"]))
    results.insert(0, "percent", np.round(total / maximum * 100, 2))
    results.insert(0, "max_score", maximum)
    results.insert(0, "score", total)
    results.insert(0, "candidate_id", ids)
    results.to_csv(os.path.join(out, "results.csv"), index=False)

    # Moodle's statistics: item against the rest of the test.
    rest = total[:, None] - marks
    x_dev = marks - marks.mean(axis=0)
    r_dev = rest - rest.mean(axis=0)
    var_x = (x_dev ** 2).sum(axis=0) / (n - 1)
    var_r = (r_dev ** 2).sum(axis=0) / (n - 1)
    cov = (x_dev * r_dev).sum(axis=0) / (n - 1)
    cov_max = ((np.sort(marks, axis=0) - marks.mean(axis=0)) * (np.sort(rest, axis=0) - rest.mean(axis=0))).sum(axis=0) / (n - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        di = 100 * cov / np.sqrt(var_x * var_r)
        de = 100 * cov / cov_max
    facility = marks.mean(axis=0) * 100
    sd = np.sqrt(var_x) * 100
    width = max(len(s) for s in shares)
    analysis = pd.DataFrame({"item": key["item"], "facility": facility, "sd": sd,
                             "discrimination_index": di, "discriminative_efficiency": de})
    for o in range(width):
        analysis[letters[o]] = [s[o] if o < len(s) else np.nan for s in shares]
    analysis.round(2).to_csv(os.path.join(out, "item-analysis.csv"), index=False)

    var_t = total.var(ddof=1)
    cic = 100 * m / (m - 1) * (1 - var_x.sum() / var_t)
    error_ratio = 100 * np.sqrt(1 - cic / 100)
    sd_t = np.sqrt(var_t)
    print(json.dumps({"candidates": n, "questions": m, "mean": total.mean() / maximum * 100, "sd": sd_t / maximum * 100,
                      "cic": cic, "error_ratio": error_ratio, "standard_error": error_ratio * sd_t / 100 / maximum * 100}))


if __name__ == "__main__":
    main()
