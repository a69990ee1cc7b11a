#!/usr/bin/env node
// Render a batch of TeX snippets with KaTeX and report which ones fail.
//
// stdin:  JSON array of {"id": any, "tex": string, "display": boolean}
// stdout: JSON array of {"id": same id, "ok": boolean, "error": string|null}, same order
//
// Exit status 0 whenever the batch was read and every item was tried, even if some
// items failed to render: the caller decides what a failure means. Exit status 2 only
// for a malformed batch (not JSON, not an array, an item without a string "tex").
//
// `node check.js --version` prints the KaTeX version in use.
//
// Options: throwOnError makes a parse error an exception instead of red text in the
// page. strict: "error" turns every "LaTeX-incompatible input" that KaTeX would only
// warn about (non-ASCII text in math mode, commands KaTeX accepts but LaTeX does not,
// and so on) into an error. The Markdown derive writes is also meant for MathJax pages
// and mirrors the .tex that pdflatex compiles, so anything real LaTeX would not accept
// is a defect; and with strict: "warn" such problems only go to console.warn, where a
// test would never see them.
"use strict";

const katex = require("katex");

const OPTIONS = { throwOnError: true, strict: "error" };

function fail(message) {
  process.stderr.write(`check.js: ${message}\n`);
  process.exit(2);
}

function render(item) {
  try {
    katex.renderToString(item.tex, { ...OPTIONS, displayMode: item.display === true });
    return { id: item.id, ok: true, error: null };
  } catch (err) {
    return { id: item.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function main() {
  if (process.argv.includes("--version")) {
    process.stdout.write(`${katex.version}\n`);
    return;
  }
  const chunks = [];
  process.stdin.on("data", (chunk) => chunks.push(chunk));
  process.stdin.on("end", () => {
    let batch;
    try {
      batch = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch (err) {
      fail(`standard input is not JSON: ${err.message}`);
    }
    if (!Array.isArray(batch)) fail("standard input must be a JSON array");
    batch.forEach((item, k) => {
      if (item === null || typeof item !== "object" || typeof item.tex !== "string") {
        fail(`item ${k} is not an object with a string "tex"`);
      }
    });
    process.stdout.write(JSON.stringify(batch.map(render)) + "\n");
  });
}

main();
