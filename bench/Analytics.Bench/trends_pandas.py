"""The trend analysis of GET /analytics/trends done the way a data scientist would with pandas, scipy and statsmodels, on
the exported dataset.csv, timed: the benchmark's yardstick.

Usage: /usr/bin/python3 trends_pandas.py DATASET.csv MIN_POSTS TERMS.json  ->  JSON: seconds per phase, and the numbers
Each attribute value's posts against the rest by Welch's t-test with statsmodels' interval, Benjamini-Hochberg over the
tested values; then OLS on account dummies and the model terms the service kept, standard errors clustered by asset.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW


def indicators(df):
    """(attribute, value) -> boolean column, as the export names them."""
    out = {}
    for column, attribute in [("topics", "topic"), ("visual_elements", "visualElement")]:
        dummies = df[column].str.get_dummies(sep=";")
        for value in dummies.columns:
            out[(attribute, value)] = dummies[value].to_numpy(dtype=bool)
    columns = [("format", "format"), ("kind", "kind"), ("duration_bucket", "duration"), ("caption_length_bucket", "captionLength"),
               ("hashtag_count_bucket", "hashtagCount"), ("language", "language"), ("weekday", "weekday"), ("hour", "hour"),
               ("platform", "platform")]
    for column, attribute in columns:
        values = df[column]
        if column == "format":
            values = values.replace("", "none")
        if column == "hour":
            values = values.map("{:02d}".format)
        for value in values.unique():
            if value != "":
                out[(attribute, value)] = (values == value).to_numpy()
    return out


def main(path, min_posts, terms_path):
    times = {}
    start = time.perf_counter()
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["hour"] = df["hour"].astype(int)
    y = df["score"].astype(float).to_numpy()
    times["load"] = time.perf_counter() - start

    start = time.perf_counter()
    held = indicators(df)
    assets = pd.factorize(df["asset_id"])[0]
    tested = []
    for key, mask in sorted(held.items()):
        group, rest = y[mask], y[~mask]
        if np.unique(assets[mask]).size < min_posts or np.unique(assets[~mask]).size < min_posts:
            continue
        welch = stats.ttest_ind(group, rest, equal_var=False)
        low, high = CompareMeans(DescrStatsW(group), DescrStatsW(rest)).tconfint_diff(alpha=0.05, usevar="unequal")
        tested.append({"attribute": key[0], "value": key[1], "lift": group.mean() - rest.mean(), "low": low, "high": high, "p": welch.pvalue})
    for t, q in zip(tested, multipletests([t["p"] for t in tested], method="fdr_bh")[1]):
        t["q"] = q
    times["effects"] = time.perf_counter() - start

    start = time.perf_counter()
    with open(terms_path, encoding="utf-8") as f:
        terms = json.load(f)
    accounts = pd.get_dummies(df["platform"] + "/" + df["account"], dtype=float)
    x = np.column_stack([accounts.to_numpy()] + [held[tuple(t.split("=", 1))].astype(float) for t in terms])
    fit = sm.OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": assets}, use_t=True)
    first = accounts.shape[1]
    model = [{"term": t, "estimate": fit.params[first + j], "standardError": fit.bse[first + j], "p": fit.pvalues[first + j]} for j, t in enumerate(terms)]
    times["model"] = time.perf_counter() - start
    json.dump({"seconds": times, "effects": tested, "model": model}, sys.stdout, default=float)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
