#!/usr/bin/env python3
"""Writes the real articles of this held-out set as NAME.txt beside a copy of their
annotations, read from the data beside the project (never committed).

usage: materialize.py QUARRY DATA_DIR OUT_DIR [ANNOTATIONS_DIR]

ANNOTATIONS_DIR defaults to this script's folder (the first set); `second/` holds the
second set.

Each NAME.gold.json names its article in "source": {"set": "news-html", "id": ID} is the
article body a person marked on that page (../shared/data/news-html/ground-truth.json),
with the date its address gives as the article's date header; {"set": "conll2003-valid",
"document": N} is the Nth document (from 0) of CoNLL-2003's validation file (Reuters,
1996), as QUARRY's `ner documents` puts it back into text, each sentence a paragraph.
"""
import json, os, re, shutil, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
quarry, data, out = sys.argv[1], sys.argv[2], sys.argv[3]
if len(sys.argv) > 4:
    here = os.path.abspath(sys.argv[4])
os.makedirs(out, exist_ok=True)


def conll_documents(path):
    """The documents' text as quarry's own CoNLL reader rebuilds it for `ner evaluate`
    (`ner documents`), a sentence a line."""
    result = subprocess.run(
        [quarry, "--format", "json", "-c", f"ner documents '{path}' | get text"],
        check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


conll = None
news = None
for name in sorted(os.listdir(here)):
    if not name.endswith(".gold.json"):
        continue
    stem = name[: -len(".gold.json")]
    source = json.load(open(os.path.join(here, name), encoding="utf-8"))["source"]
    if source["set"] == "news-html":
        if news is None:
            news = json.load(open(os.path.join(data, "news-html", "ground-truth.json"), encoding="utf-8"))
        page = news[source["id"]]
        match = re.search(r"/(20\d\d)[/-](\d\d)[/-](\d\d)/", page["url"])
        header = f"date {match.group(1)}-{match.group(2)}-{match.group(3)}\n\n" if match else ""
        body = "\n\n".join(p.strip() for p in page["articleBody"].split("\n") if p.strip())
        text = header + body + "\n"
    elif source["set"] == "conll2003-valid":
        if conll is None:
            conll = conll_documents(os.path.join(data, "conll2003", "valid.txt"))
        # A sentence a paragraph, as Reuters' wire copy sets them.
        text = "\n\n".join(conll[source["document"]].split("\n")) + "\n"
    else:
        sys.exit(f"{name}: unknown source set {source['set']!r}")
    with open(os.path.join(out, stem + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)
    shutil.copy(os.path.join(here, name), os.path.join(out, name))
