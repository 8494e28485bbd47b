import { cleanLine } from "@/lib/schema-fields";

/**
 * Control characters, which no name or search term has and PostgreSQL refuses in text (NUL),
 * as spaces: for anything typed or put in a URL before it reaches a query (lib/schema-fields.ts).
 */
export const withoutControlCharacters = cleanLine;

/** "Kantor Imigrasi Kelas II TPI Sampit" -> "kantor-imigrasi-kelas-ii-tpi-sampit" (as tests/factories/util.ts). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
