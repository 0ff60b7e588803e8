"""The reference for GET /analytics/trends: the same numbers computed by scipy and statsmodels from dataset.csv.

Usage: /usr/bin/python3 trends_reference.py effects DATASET.csv MIN_POSTS [COLUMN]  ->  JSON list of the tested attribute values
       /usr/bin/python3 trends_reference.py model DATASET.csv TERMS.json [COLUMN]   ->  JSON list of the model's terms
COLUMN is the dataset column analysed: score (the default) or engagement_rate.
Grouping follows the columns the export names (the ranges are exported as the analysis drew them). The statistics are
scipy's Welch t-test, statsmodels' interval for a difference of means with unequal variances, statsmodels' OLS (account dummies written
out) with standard errors clustered by asset (t with G-1 degrees of freedom), and statsmodels' Benjamini-Hochberg correction.
"""
import csv
import json
import sys

import numpy as np
import statsmodels.api as sm
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


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def effects(path, min_posts, column):
    rows = read(path)
    scores = np.array([float(r[column]) for r in rows])
    held = [attribute_values(r) for r in rows]
    tested = []
    for key in sorted(set().union(*held)):
        mask = np.array([key in h for h in held])
        group, rest = scores[mask], scores[~mask]
        assets = {r["asset_id"] for r, m in zip(rows, mask) if m}
        other_assets = {r["asset_id"] for r, m in zip(rows, mask) if not m}
        if len(assets) < min_posts or len(other_assets) < min_posts or (group.var(ddof=1) == 0 and rest.var(ddof=1) == 0):
            continue
        welch = stats.ttest_ind(group, rest, equal_var=False)
        low, high = CompareMeans(DescrStatsW(group), DescrStatsW(rest)).tconfint_diff(alpha=0.05, usevar="unequal")
        tested.append({"attribute": key[0], "value": key[1], "n": int(len(group)), "mean": float(group.mean()),
                       "lift": float(group.mean() - rest.mean()), "low": float(low), "high": float(high), "p": float(welch.pvalue)})
    q = multipletests([t["p"] for t in tested], method="fdr_bh")[1] if tested else []
    for t, value in zip(tested, q):
        t["q"] = float(value)
    json.dump(tested, sys.stdout)


def model(path, terms_path, column):
    """OLS with a dummy per account (platform/handle) written out, where ours absorbs them, and the attribute terms we kept."""
    rows = read(path)
    with open(terms_path, encoding="utf-8") as f:
        terms = json.load(f)
    accounts = sorted({(r["platform"], r["account"]) for r in rows})
    held = [attribute_values(r) for r in rows]
    x = np.array([[1.0 if (r["platform"], r["account"]) == a else 0.0 for a in accounts]
                  + [1.0 if tuple(t["term"].split("=", 1)) in h else 0.0 for t in terms] for r, h in zip(rows, held)])
    y = np.array([float(r[column]) for r in rows])
    groups = np.unique([r["asset_id"] for r in rows], return_inverse=True)[1]
    fit = sm.OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    interval = fit.conf_int(0.05)
    first = len(accounts)
    out = [{"term": t["term"], "estimate": float(fit.params[first + j]), "standardError": float(fit.bse[first + j]),
            "low": float(interval[first + j][0]), "high": float(interval[first + j][1]), "p": float(fit.pvalues[first + j])}
           for j, t in enumerate(terms)]
    for term, q in zip(out, multipletests([t["p"] for t in out], method="fdr_bh")[1]):
        term["q"] = float(q)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    value_column = sys.argv[4] if len(sys.argv) > 4 else "score"
    if sys.argv[1] == "effects":
        effects(sys.argv[2], int(sys.argv[3]), value_column)
    else:
        model(sys.argv[2], sys.argv[3], value_column)
