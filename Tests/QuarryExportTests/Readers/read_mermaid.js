// Parses a Mermaid file with Mermaid's own parser (mermaid 11, as bundled by the PyPI
// package mermaid-parser-py) and prints its vertices and edges as JSON, each text as
// the page shows it:
//     node read_mermaid.js BUNDLE FILE
const fs = require("fs");
const bundle = require(process.argv[2]);
const parse = typeof bundle === "function" ? bundle : bundle.default || globalThis.parse_mermaid;
// Mermaid keeps an entity code `#34;` as `ﬂ°°34¶ß` until it draws; there its
// decodeEntities makes it `&#34;`, which the browser shows as the character.
const shown = (text) =>
  text
    .replace(/ﬂ°°/g, "&#")
    .replace(/ﬂ°/g, "&")
    .replace(/¶ß/g, ";")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)));
parse(fs.readFileSync(process.argv[3], "utf8"))
  .then((text) => {
    const db = JSON.parse(text).graph_data;
    const nodes = Object.values(db.vertices).map((v) => ({ id: v.id, text: shown(v.text), classes: v.classes }));
    const edges = db.edges.map((e) => ({ source: e.start, target: e.end, text: shown(e.text) }));
    process.stdout.write(JSON.stringify({ type: JSON.parse(text).graph_type, nodes, edges }));
  })
  .catch((error) => {
    process.stderr.write("mermaid: " + error.message + "\n");
    process.exit(1);
  });
