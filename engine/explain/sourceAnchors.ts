/**
 * The anchors of docs/sources.md that a source or an assumption cites ("… (docs/sources.md#green-book,
 * verified)"), in the order they first appear, each once. Every face links them to the page that
 * describes the source: the CLI to the package's own docs/sources.md, the task pane to its copy.
 */
export const SOURCES_PAGE = "docs/sources.md";

export function sourceAnchors(...texts: (string | undefined)[]): string[] {
  const anchors: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(/docs\/sources\.md#([a-z0-9-]+)/g)) {
      if (!anchors.includes(match[1]!)) anchors.push(match[1]!);
    }
  }
  return anchors;
}
