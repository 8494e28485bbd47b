import { inflateSync } from "node:zlib";

/** The PDF's objects with every Flate stream inflated, to look for fonts and their character maps. */
export function inflatedPdf(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  return raw.replace(/stream\r?\n([\s\S]*?)\r?\nendstream/g, (whole, body: string) => {
    try {
      return `stream\n${inflateSync(Buffer.from(body, "latin1")).toString("latin1")}\nendstream`;
    } catch {
      return whole;
    }
  });
}

/** Code points the PDF's fonts map glyphs to (their ToUnicode CMaps), as lower-case hex. */
export function mappedCodePoints(pdf: Buffer): Set<string> {
  const text = inflatedPdf(pdf);
  return new Set([...text.matchAll(/<([0-9a-f]{4})>/gi)].map((m) => m[1]!.toLowerCase()));
}
