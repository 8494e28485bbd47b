/**
 * Root layout of the Indonesian public pages that are real routes (no locale segment, no rewrite;
 * docs/decisions/0008): the same document as app/(public)/[locale], which reads "no locale" as
 * Indonesian.
 */
export { default, generateMetadata, viewport } from "@/app/(public)/[locale]/layout";
