import { describe, expect, it } from "vitest";
import { checkUpload, sniffType } from "@/lib/features/materials/files";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("checkUpload", () => {
  it("recognises types by their magic bytes, not their names", () => {
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffType(new TextEncoder().encode("%PDF-1.7"))).toBe("application/pdf");
    expect(sniffType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
  });

  it("refuses oversized files", () => {
    const bigPdf = new Uint8Array(10 * 1024 * 1024 + 1);
    bigPdf.set(new TextEncoder().encode("%PDF-1.4"));
    expect(checkUpload(bigPdf, "pdf")).toEqual({ error: "validation.pdfTooLarge" });
    const bigPng = new Uint8Array(2 * 1024 * 1024 + 1);
    bigPng.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(checkUpload(bigPng, "image")).toEqual({ error: "validation.imageTooLarge" });
  });
});
