import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sourcesPage } = require("../../scripts/sources-page.cjs") as { sourcesPage: (markdown: string) => string };

// The task pane links an input's source to sources.html#<slug>, which the build writes from
// docs/sources.md: each source's heading must become an element with that id, and the words must
// survive the conversion.

const SOURCES = readFileSync(resolve("docs/sources.md"), "utf8");
const slugs = [...SOURCES.matchAll(/^## ([a-z0-9-]+)\s*$/gm)].map((m) => m[1]!);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/\s+/g, " ");

test("every source's heading is an anchor of the page", () => {
  const html = sourcesPage(SOURCES);
  expect(slugs.length).toBeGreaterThan(5);
  for (const slug of slugs) expect(html).toContain(`<h2 id="${slug}">${slug}</h2>`);
});

test("lists, emphasis, code and links are marked up, and text is escaped", () => {
  const html = sourcesPage("# T\n\nA *book* and **bold** `x<y` [here](a.md).\n\n- one\n  continued\n- two\n\nAfter.\n");
  expect(html).toContain("<p>A <em>book</em> and <strong>bold</strong> <code>x&lt;y</code> <a href=\"a.md\">here</a>.</p>");
  expect(html).toContain("<ul>\n<li>one continued</li>\n<li>two</li>\n</ul>\n<p>After.</p>");
});

test("no word of docs/sources.md is lost", () => {
  const words = (s: string) => s.replace(/[*`#[\]()]/g, " ").split(/\s+/).filter((w) => /\w/.test(w) && !w.includes(".md"));
  const page = text(sourcesPage(SOURCES));
  for (const word of new Set(words(SOURCES))) expect(page.includes(word) ? word : `missing: ${word}`).toBe(word);
});

test("the production build (npm run build) writes the page beside the pane", () => {
  const built = join("dist", "addin", "sources.html");
  expect(existsSync(built)).toBe(true);
  // The build minifies HTML (quotes and spaces go), so the anchors and the words are compared.
  const html = readFileSync(built, "utf8");
  for (const slug of slugs) expect(html).toMatch(new RegExp(`<h2 id="?${slug}"?>`));
  const body = (page: string) => text(page.replace(/<style>[\s\S]*?<\/style>/, "")).trim();
  expect(body(html)).toBe(body(sourcesPage(SOURCES)));
});
