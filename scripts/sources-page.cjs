// Turns docs/sources.md into sources.html for the add-in's build, so the task pane's explanations can
// link each input's source to its anchor (sources.html#<slug>) on the same host as the pane. The page
// uses only what sources.md uses: headings, paragraphs, lists, *emphasis*, **strong**, `code` and
// [links](url). CommonJS, because webpack.config.js requires it.

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Inline marks, on text already escaped. */
function inline(text) {
  return escape(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
}

function sourcesPage(markdown) {
  const out = [];
  let paragraph = [];
  let item = null;
  let inList = false;
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
    if (item !== null) out.push(`<li>${inline(item)}</li>`);
    item = null;
  };
  const closeList = () => {
    flush();
    if (inList) out.push("</ul>");
    inList = false;
  };
  for (const raw of markdown.split("\n")) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      closeList();
      const level = heading[1].length;
      const text = heading[2];
      // A second-level heading is a source's slug: it is the anchor presets cite.
      const id = level === 2 ? ` id="${escape(text)}"` : "";
      out.push(`<h${level}${id}>${inline(text)}</h${level}>`);
    } else if (/^- /.test(line)) {
      flush();
      if (!inList) out.push("<ul>");
      inList = true;
      item = line.slice(2);
    } else if (line === "") {
      if (inList) flush();
      else closeList();
    } else if (item !== null) {
      item += ` ${line.trim()}`;
    } else {
      if (inList) closeList();
      paragraph.push(line.trim());
    }
  }
  closeList();
  return [
    "<!doctype html>",
    '<html lang="en-GB">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sources: socialcare-model</title>',
    "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.5}h2{font-family:monospace}:target{background:#fff4ce}</style></head>",
    "<body>",
    ...out,
    "</body></html>",
    "",
  ].join("\n");
}

module.exports = { sourcesPage };
