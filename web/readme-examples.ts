/**
 * The IDE's saved examples are the README's: the operations of its "## Example query" and
 * "## Example subscription" sections, read at build time (web/vite.config.ts), so that they have
 * one home. A section ends at the next heading.
 */
export interface Example {
  /** The section's title and the example's place in it, e.g. "Example query 2". */
  name: string;
  query: string;
}

export const EXAMPLE_SECTIONS = ["Example query", "Example subscription"];

/** The operations of the named sections: GraphQL code blocks, and the queries in JSON or JS strings. */
export function readmeExamples(markdown: string, sections = EXAMPLE_SECTIONS): Example[] {
  const examples: Example[] = [];
  for (const title of sections) {
    const body = sectionOf(markdown, title);
    if (body === undefined) throw new Error(`README.md has no "## ${title}" section`);
    const found: string[] = [];
    for (const [, lang, code] of body.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)) {
      if (lang === "graphql") found.push(code.trim());
      else {
        // `"query":"…"` in a curl body, `query: "…"` in JavaScript: JSON string literals.
        for (const [, literal] of code.matchAll(/"?query"?\s*:\s*("(?:[^"\\]|\\.)*")/g)) {
          found.push((JSON.parse(literal) as string).trim());
        }
      }
    }
    if (found.length === 0) throw new Error(`README.md's "## ${title}" has no operation`);
    found.forEach((query, i) => examples.push({ name: `${title} ${i + 1}`, query }));
  }
  return examples;
}

function sectionOf(markdown: string, title: string): string | undefined {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  if (start < 0) return undefined;
  let end = start + 1;
  let fenced = false;
  for (; end < lines.length; end++) {
    if (lines[end].startsWith("```")) fenced = !fenced;
    if (!fenced && /^#{1,6} /.test(lines[end])) break;
  }
  return lines.slice(start + 1, end).join("\n") + "\n";
}
