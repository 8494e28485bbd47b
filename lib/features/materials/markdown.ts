import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * GitHub's sanitiser schema (what github.com allows in READMEs), tightened: no raw HTML reaches
 * it at all (remark-rehype drops it), images only from our own file route or https, and links
 * only http(s), mailto and tel. Everything else (script, on* handlers, javascript:, data:, svg)
 * is removed, not escaped into visible noise.
 */
const schema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto", "tel"],
    src: ["https"],
  },
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !["svg", "math", "input"].includes(t)),
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // allowDangerousHtml stays false: raw HTML in the markdown is dropped before sanitising.
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

/** The one renderer for material bodies: the public page and the editor's preview both use it. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Plain text for summaries and feeds: the rendered HTML without tags. */
export function markdownToText(markdown: string, max = 200): string {
  const text = renderMarkdown(markdown)
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
