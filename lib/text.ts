import { cleanLine } from "@/lib/schema-fields";

/**
 * Control characters, which no name or search term has and PostgreSQL refuses in text (NUL),
 * as spaces: for anything typed or put in a URL before it reaches a query (lib/schema-fields.ts).
 */
export const withoutControlCharacters = cleanLine;
