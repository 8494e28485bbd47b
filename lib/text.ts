/**
 * Control characters, which no name or search term has and PostgreSQL refuses in text (NUL),
 * as spaces: for anything typed or put in a URL before it reaches a query.
 */
export const withoutControlCharacters = (text: string) => text.replace(/\p{Cc}+/gu, " ");
