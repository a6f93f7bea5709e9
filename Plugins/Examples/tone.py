#!/usr/bin/env python3
"""Quarry plugin `tone`: scores the tone of documents the way GDELT's GKG does.

Tone is (positive words - negative words) / all words * 100; polarity is
(positive + negative) / all words * 100. The word lists below are a small general
news lexicon; `--lexicon FILE` replaces them with a file of lines `word<TAB>+1` or
`word<TAB>-1`. Standard library only: it speaks Quarry's plugin protocol (see
Plugins/PROTOCOL.md) on standard input and output, and logs on standard error.
"""
import json
import re
import sys

PROTOCOL_VERSIONS = [1]

POSITIVE = set("""
accord accords achieve achieved advance advanced agree agreed agreement agreements aid aided
allies ally approve approved benefit benefits best better boost boosted calm celebrate
celebrated cooperate cooperated cooperation constructive deal deals democracy dialogue
ease eased encourage encouraged engage engagement friendly gain gained gains good great
growth help helped hope hopes improve improved improvement justice kind leading meet
openness optimism optimistic partner partners partnership peace peaceful positive progress
promise prosper prosperity protect protected rebuild recover recovered recovery reform
relief resolve resolved respect safe safety secure sincere sincerity stability stable
strengthen strong succeed success successful support supported thank trust truce unity
useful welcome welcomed win won
""".split())

NEGATIVE = set("""
accuse accused aggression alarm angry arrest arrested assault attack attacked attacks
bad balloon ban banned blame blamed bomb bombing clash clashes collapse condemn condemned
conflict crisis critical criticise criticize criticized damage danger dangerous dead death
decline declined defeat deny denied destroy destroyed dispute disrupt fail failed failure
fear fight fighting fire fraud harm hostile hurt invade invasion kill killed lose loss
missile protest punish reject rejected rejection risk sanction sanctions shot spy
strike suppress suppression tension tensions terror threat threaten threatened violence
war weapon weapons worse worst wound wounded
""".split())

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def log(message):
    print(message, file=sys.stderr, flush=True)


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def load_lexicon(path):
    positive, negative = set(), set()
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                word, score = line.split("\t")
                (positive if float(score) > 0 else negative).add(word.lower())
            except ValueError:
                raise ValueError(f"{path}:{number}: expected 'word<TAB>score'")
    return positive, negative


def score(text, positive, negative, verbose):
    words = [w.lower() for w in WORD.findall(text or "")]
    total = len(words) or 1
    pos = sum(1 for w in words if w in positive)
    neg = sum(1 for w in words if w in negative)
    result = {
        "tone": round((pos - neg) / total * 100, 3),
        "positive": round(pos / total * 100, 3),
        "negative": round(neg / total * 100, 3),
        "polarity": round((pos + neg) / total * 100, 3),
    }
    if verbose:
        result["words"] = len(words)
        result["positive_words"] = pos
        result["negative_words"] = neg
    return result


COMMANDS = [{
    "name": "tone",
    "summary": "Score the tone of each document, or of a text, as GDELT does",
    "description": "Adds tone, positive, negative and polarity columns (percent of words). "
                   "Input rows need a 'text' column; other columns pass through.",
    "params": [{"name": "text", "type": "string", "optional": True, "help": "text to score instead of the input"}],
    "flags": [
        {"name": "lexicon", "short": "l", "type": "path", "help": "word list to use: lines of word<TAB>+1 or -1"},
        {"name": "verbose", "short": "v", "type": "bool", "help": "add word counts"},
    ],
    "input": "any",
    "output": "any",
    "examples": [
        {"example": "tone 'Talks made good progress'", "description": "the tone of a text"},
        {"example": "[{id: a, text: 'peace deal'}] | tone | select id tone", "description": "tone of every row"},
    ],
}]


def run(params):
    flags = params.get("flags") or {}
    positive, negative = POSITIVE, NEGATIVE
    if flags.get("lexicon"):
        try:
            positive, negative = load_lexicon(flags["lexicon"])
        except OSError as error:
            raise ValueError(f"lexicon file not found: {flags['lexicon']} ({error.strerror})")
    verbose = bool(flags.get("verbose"))
    text = (params.get("args") or {}).get("text")
    if text is not None:
        return score(text, positive, negative, verbose)
    rows = params.get("input")
    if rows is None:
        raise ValueError("tone needs a text argument or rows with a 'text' column as input")
    if isinstance(rows, dict):
        rows = [rows]
    if isinstance(rows, str):
        return score(rows, positive, negative, verbose)
    out = []
    for row in rows:
        if not isinstance(row, dict) or "text" not in row:
            raise ValueError("every input row needs a 'text' column")
        out.append({**{k: v for k, v in row.items() if k != "text"}, **score(row["text"], positive, negative, verbose)})
    return out


def main():
    if "--quarry-plugin" not in sys.argv:
        print("This is a Quarry plugin: add it with `plugin add " + sys.argv[0] + "` in quarry.", file=sys.stderr)
        return 2
    for line in sys.stdin:
        try:
            message = json.loads(line)
        except json.JSONDecodeError:
            log("ignoring a line that is not JSON")
            continue
        method, ident = message.get("method"), message.get("id")
        params = message.get("params") or {}
        if method == "initialize":
            offered = params.get("protocolVersions") or []
            common = [v for v in PROTOCOL_VERSIONS if v in offered]
            if not common:
                send({"jsonrpc": "2.0", "id": ident, "error": {"code": 2, "message":
                      f"no common protocol version: host offers {offered}, plugin speaks {PROTOCOL_VERSIONS}"}})
                continue
            send({"jsonrpc": "2.0", "id": ident, "result": {
                "protocolVersion": max(common),
                "plugin": {"name": "tone", "version": "1.0.0", "summary": "Document tone scores in the style of GDELT"},
                "commands": COMMANDS}})
        elif method == "run":
            try:
                send({"jsonrpc": "2.0", "id": ident, "result": {"value": run(params)}})
            except ValueError as error:
                send({"jsonrpc": "2.0", "id": ident, "error": {"code": 1, "message": str(error)}})
        elif method == "shutdown":
            send({"jsonrpc": "2.0", "id": ident, "result": None})
            return 0
        elif method == "cancel":
            pass  # every request here finishes quickly; nothing is left to stop
        elif ident is not None:
            send({"jsonrpc": "2.0", "id": ident, "error": {"code": -32601, "message": f"unknown method {method}"}})
    return 0


if __name__ == "__main__":
    sys.exit(main())
