#!/usr/bin/env python3
"""Writes the real articles of this held-out set as NAME.txt beside a copy of their
annotations, read from the data beside the project (never committed).

usage: materialize.py DATA_DIR OUT_DIR [ANNOTATIONS_DIR]

ANNOTATIONS_DIR defaults to this script's folder (the first set); `second/` holds the
second set.

Each NAME.gold.json names its article in "source": {"set": "news-html", "id": ID} is the
article body a person marked on that page (../shared/data/news-html/ground-truth.json),
with the date its address gives as the article's date header; {"set": "conll2003-valid",
"document": N} is the Nth document of CoNLL-2003's validation file (Reuters, 1996), its
tokens joined back into text.
"""
import json, os, re, shutil, sys

here = os.path.dirname(os.path.abspath(__file__))
data, out = sys.argv[1], sys.argv[2]
if len(sys.argv) > 3:
    here = os.path.abspath(sys.argv[3])
os.makedirs(out, exist_ok=True)


def conll_documents(path):
    documents, sentences, sentence = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if not fields:
                if sentence:
                    sentences.append(sentence)
                sentence = []
            elif fields[0] == "-DOCSTART-":
                if sentence:
                    sentences.append(sentence)
                if sentences:
                    documents.append(sentences)
                sentences, sentence = [], []
            else:
                sentence.append(fields[0])
    if sentence:
        sentences.append(sentence)
    if sentences:
        documents.append(sentences)
    return documents


CLOSING = {",", ".", ":", ";", "?", "!", "%", ")", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"}


def detokenize(sentences):
    """Reuters' tokens as the text they were cut from, a sentence a paragraph: no space
    before closing punctuation and clitics, none inside brackets and quotation marks.
    A quotation runs on across sentences until its mark closes; an opening mark that the
    sentence splitting left at a sentence's end opens the next one."""
    paragraphs, quote_open = [], False
    carried = []
    for sentence in sentences:
        tokens = carried + list(sentence)
        carried = []
        text, glue = "", False
        for index, token in enumerate(tokens):
            if token == '"':
                if not quote_open and index == len(tokens) - 1 and index > 0:
                    carried = ['"']
                    break
                if quote_open:
                    text += '"'
                else:
                    text += (" " if text else "") + '"'
                    glue = True
                quote_open = not quote_open
                continue
            if not text or glue or token in CLOSING or text.endswith(("(", "$")):
                text += token
            else:
                text += " " + token
            glue = False
        paragraphs.append(text)
    return paragraphs


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
        text = "\n\n".join(detokenize(conll[source["document"]])) + "\n"
    else:
        sys.exit(f"{name}: unknown source set {source['set']!r}")
    with open(os.path.join(out, stem + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)
    shutil.copy(os.path.join(here, name), os.path.join(out, name))
