"""The reference for GET /analytics/trends: the same comparisons computed by scipy and statsmodels from dataset.csv.

Usage: /usr/bin/python3 trends_reference.py DATASET.csv MIN_POSTS  ->  JSON list of the tested attribute values.
Grouping follows the columns the export names (the ranges are exported as the analysis drew them); the statistics are
scipy's Welch t-test, statsmodels' interval for a difference of means with unequal variances, and statsmodels'
Benjamini-Hochberg correction.
"""
import csv
import json
import sys

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW


def attribute_values(row):
    values = {("topic", t) for t in row["topics"].split(";") if t}
    values |= {("visualElement", v) for v in row["visual_elements"].split(";") if v}
    values.add(("format", row["format"] or "none"))
    values.add(("kind", row["kind"]))
    if row["duration_bucket"]:
        values.add(("duration", row["duration_bucket"]))
    values.add(("captionLength", row["caption_length_bucket"]))
    values.add(("hashtagCount", row["hashtag_count_bucket"]))
    if row["language"]:
        values.add(("language", row["language"]))
    values.add(("weekday", row["weekday"]))
    values.add(("hour", "%02d" % int(row["hour"])))
    values.add(("platform", row["platform"]))
    return values


def main(path, min_posts):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    scores = np.array([float(r["score"]) for r in rows])
    held = [attribute_values(r) for r in rows]
    tested = []
    for key in sorted(set().union(*held)):
        mask = np.array([key in h for h in held])
        group, rest = scores[mask], scores[~mask]
        if len(group) < min_posts or len(rest) < min_posts or (group.var(ddof=1) == 0 and rest.var(ddof=1) == 0):
            continue
        welch = stats.ttest_ind(group, rest, equal_var=False)
        low, high = CompareMeans(DescrStatsW(group), DescrStatsW(rest)).tconfint_diff(alpha=0.05, usevar="unequal")
        tested.append({"attribute": key[0], "value": key[1], "n": int(len(group)), "mean": float(group.mean()),
                       "lift": float(group.mean() - rest.mean()), "low": float(low), "high": float(high), "p": float(welch.pvalue)})
    q = multipletests([t["p"] for t in tested], method="fdr_bh")[1] if tested else []
    for t, value in zip(tested, q):
        t["q"] = float(value)
    json.dump(tested, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
