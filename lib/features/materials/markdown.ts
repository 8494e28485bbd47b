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

/** Bounds on what the parser is given (issue 14): beyond them the text stays, as plain text. */
export const MARKDOWN_LIMITS = {
  /** Characters of a body (the schemas allow 50,000). */
  maxLength: 50_000,
  /** Block quotes and list items inside each other. */
  maxDepth: 8,
  /** Emphasis, strikethrough, link and code delimiters per paragraph; later ones are escaped. */
  maxDelimitersPerBlock: 300,
} as const;

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/g;
const DELIMITERS = new Set(["*", "_", "~", "[", "]", "`", "!"]);

/** One line with at most maxDepth container markers and bounded indentation. */
function boundLine(line: string): string {
  const prefix = CONTAINER_PREFIX.exec(line)?.[0];
  let out = line;
  if (prefix) {
    const markers = prefix.match(CONTAINER_MARKER) ?? [];
    if (markers.length > MARKDOWN_LIMITS.maxDepth) out = markers.slice(0, MARKDOWN_LIMITS.maxDepth).join("") + " " + line.slice(prefix.length).trimStart();
  }
  // indentation nests lists too: deeper than the depth limit reads as the deepest level
  const indent = /^[ \t]*/.exec(out)![0];
  const maxIndent = MARKDOWN_LIMITS.maxDepth * 4;
  return indent.length > maxIndent ? out.slice(0, maxIndent) + out.slice(indent.length) : out;
}

/** Escapes the delimiters of a paragraph past the limit, so they are text, not syntax to match. */
function boundDelimiters(block: string): string {
  let seen = 0;
  let out = "";
  for (let i = 0; i < block.length; i++) {
    const c = block[i]!;
    if (c === "\\") {
      out += c + (block[i + 1] ?? "");
      i++;
      continue;
    }
    if (DELIMITERS.has(c) && ++seen > MARKDOWN_LIMITS.maxDelimitersPerBlock) out += "\\";
    out += c;
  }
  return out;
}

/**
 * The body as the parser may safely see it. CommonMark's emphasis and bracket matching costs
 * grow with the square of the delimiters in a paragraph, and nested containers recurse: "*a"
 * x 24,000 took 6-40 s and ">" x 40,000 overflowed the stack. Limiting both keeps every body
 * of the allowed size to milliseconds, and changes nothing a real text has.
 */
export function boundMarkdown(markdown: string): string {
  const lines = markdown.slice(0, MARKDOWN_LIMITS.maxLength).replace(/\r\n?/g, "\n").split("\n").map(boundLine);
  const blocks: string[] = [];
  let current: string[] = [];
  let fenced = false;
  const flush = () => {
    if (current.length) blocks.push(fenced ? current.join("\n") : boundDelimiters(current.join("\n")));
    current = [];
  };
  for (const line of lines) {
    if (/^[ \t>]*(?:`{3,}|~{3,})/.test(line)) {
      // a fence starts or ends a block of its own; code inside is not parsed for emphasis
      flush();
      blocks.push(line);
      fenced = !fenced;
      continue;
    }
    if (!fenced && line.trim() === "") {
      flush();
      blocks.push(line);
      continue;
    }
    current.push(line);
  }
  flush();
  return blocks.join("\n");
}

/** Rendered bodies by their text: a body is rendered once, however many requests show it. */
const rendered = new Map<string, string>();
const CACHE_ENTRIES = 200;

/** The one renderer for material bodies: the public page and the editor's preview both use it. */
export function renderMarkdown(markdown: string): string {
  const hit = rendered.get(markdown);
  if (hit !== undefined) {
    // most recently used last, so the oldest is the first to go
    rendered.delete(markdown);
    rendered.set(markdown, hit);
    return hit;
  }
  const html = String(processor.processSync(boundMarkdown(markdown)));
  rendered.set(markdown, html);
  if (rendered.size > CACHE_ENTRIES) rendered.delete(rendered.keys().next().value!);
  return html;
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
