import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

/**
 * Every PDF the portal prints embeds Noto Sans (TrueType, from @expo-google-fonts/noto-sans):
 * pdfkit's built-in Helvetica only has Latin-1 (WinAnsi), so names such as "Ŝiti Nur’aini" or
 * "Łukasz" came out garbled. pdfkit embeds only the glyphs a document uses.
 */
export const PDF_FONT = { regular: "NotoSans", bold: "NotoSans-Bold" } as const;

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
const FILES = { regular: "400Regular/NotoSans_400Regular.ttf", bold: "700Bold/NotoSans_700Bold.ttf" } as const;

let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** Read once per process: the files are about 0.5 MB each. */
function fontFiles() {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, FILES.regular)),
    bold: readFileSync(path.join(FONT_DIR, FILES.bold)),
  };
  return fonts;
}

/** A pdfkit document whose default and registered fonts are the embedded Unicode ones (never Helvetica). */
export function createPdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const files = fontFiles();
  // @types/pdfkit types `font` as a name, but pdfkit also takes the font file itself
  const doc = new PDFDocument({ ...options, font: files.regular as unknown as string });
  doc.registerFont(PDF_FONT.regular, files.regular);
  doc.registerFont(PDF_FONT.bold, files.bold);
  return doc.font(PDF_FONT.regular);
}
