"""The reference for a hashtag's identity: Unicode's NFKC_Casefold as Python computes it, emoji selectors dropped.

Reads a JSON list of strings on stdin; writes a JSON list with, for each, its identity, or null when it holds a code
point this Python's Unicode database (unicodedata.unidata_version) does not know, so no version gap can fail a test.
"""
import json
import sys
import unicodedata


def identity(text):
    if any(unicodedata.category(c) == "Cn" for c in text):
        return None
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return folded.replace("\ufe0f", "").replace("\ufe0e", "")


json.dump([identity(text) for text in json.load(sys.stdin)], sys.stdout, ensure_ascii=True)
