#!/usr/bin/env python3
"""Line coverage of the rules the requirements name, from coverlet's Cobertura reports: prints both figures and exits 1
when one is below its bar. A line counts as covered when any test project's run hit it."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

BARS = [
    ("engagement-metric normalization", "CreatorMeta.MetricsIngestion.Domain.Normalization", 100.0),
    ("core tracking functions", "CreatorMeta.Tracking.Domain", 90.0),
]

hits = {}  # (group, file, line) -> hit at least once
for report in Path(sys.argv[1]).rglob("coverage.cobertura.xml"):
    for cls in ET.parse(report).getroot().iter("class"):
        for label, prefix, _ in BARS:
            if cls.get("name", "").startswith(prefix):
                for line in cls.iter("line"):
                    key = (label, cls.get("filename"), line.get("number"))
                    hits[key] = hits.get(key, False) or int(line.get("hits", "0")) > 0

failed = False
for label, prefix, bar in BARS:
    lines = [covered for (group, _, _), covered in hits.items() if group == label]
    percent = 100.0 * sum(lines) / len(lines) if lines else 0.0
    below = percent < bar
    failed |= below
    print(f"coverage: {label} ({prefix}.*) {percent:.1f}% of {len(lines)} lines (bar {bar:.0f}%){' BELOW' if below else ''}")
    if below:
        missed = sorted({(f, int(n)) for (group, f, n), covered in hits.items() if group == label and not covered})
        for f, n in missed[:40]:
            print(f"  not covered: {f}:{n}")
sys.exit(1 if failed else 0)
