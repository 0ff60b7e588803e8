"""The reference for tag performance: statsmodels' weighted least squares with explicit dummies, clustered by asset.

Usage: tags_reference.py DATASET.csv MIN_USES
For every (tag, platform) with at least MIN_USES posts, on that platform's rows of the exported dataset:
  lift   = WLS(value ~ tag + C(account)),                  weights = weight
  effect = WLS(value ~ tag + C(account, format, daypart)), weights = weight
both with cov_type="cluster" by asset_id (a tag the groups already determine, as one on every post, is not tested) and use_t=True (t with G-1 degrees of freedom, statsmodels' small-sample
correction), and q = Benjamini-Hochberg over the effects' p-values. Prints JSON.
"""
import json
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.stats.multitest import multipletests

rows = pd.read_csv(sys.argv[1], keep_default_na=False)
min_uses = int(sys.argv[2])
results = []
for platform, data in rows.groupby("platform"):
    data = data.reset_index(drop=True)
    tags = data["tags"].str.split("|")
    stratum = data["account"] + "|" + data["format"] + "|" + data["daypart"]
    assets = pd.factorize(data["asset_id"])[0]
    for tag in sorted({t for ts in tags for t in ts if t}):
        x = tags.apply(lambda ts: tag in ts).astype(float)
        if x.sum() < min_uses:
            continue
        out = {"tag": tag, "platform": platform}
        for name, groups in (("lift", data["account"]), ("effect", stratum)):
            design = pd.concat([x.rename("tag"), pd.get_dummies(groups, dtype=float)], axis=1)
            if np.linalg.matrix_rank(design.to_numpy()) < design.shape[1]:
                break  # the groups already say who has the tag (a tag on every post): nothing to compare
            fit = sm.WLS(data["value"].astype(float), design, weights=data["weight"].astype(float)).fit(
                cov_type="cluster", cov_kwds={"groups": assets}, use_t=True)
            low, high = fit.conf_int().loc["tag"]
            out[name] = {"estimate": fit.params["tag"], "standardError": fit.bse["tag"], "low": low, "high": high, "p": fit.pvalues["tag"]}
        else:
            results.append(out)
q = multipletests([r["effect"]["p"] for r in results], method="fdr_bh")[1] if results else []
for r, value in zip(results, q):
    r["q"] = value
json.dump(results, sys.stdout, default=float)
