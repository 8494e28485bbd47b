import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prepareUpload, sniffType } from "@/lib/server/files";

const bytes = (...b: number[]) => Uint8Array.from(b);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// A real 1x1 PNG.
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));

/** The catalogue key a refused upload names on `field`, or "OK". */
async function outcome(promise: Promise<unknown>, field = "file") {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return (error as { fieldErrors?: Record<string, string> }).fieldErrors?.[field] ?? String(error);
  }
}

describe("stored files", () => {
  it("recognise types by their magic bytes, not their names", () => {
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffType(new TextEncoder().encode("%PDF-1.7"))).toBe("application/pdf");
    expect(sniffType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
  });

  it("refuse a file that only starts like a PNG: every image is decoded before it is accepted", async () => {
    const fake = Uint8Array.from([...PNG_SIGNATURE, ...randomBytes(4096)]);
    expect(await outcome(prepareUpload("cover", { data: fake, name: "sampul.png" }, "file"))).toBe("validation.imageType");
    expect(await outcome(prepareUpload("photo", { data: fake, name: "foto.png" }, "photo"), "photo")).toBe("events.errors.photoType");
    // a PNG's header with a JPEG's name is still judged by its bytes
    const truncated = PNG.slice(0, 40);
    expect(await outcome(prepareUpload("cover", { data: truncated, name: "x.jpg" }, "file"))).toBe("validation.imageType");
  });

  it("accept a real image with its size, and re-encode photos as JPEG", async () => {
    const cover = await prepareUpload("cover", { data: PNG, name: "sampul <b>.png" }, "file");
    expect(cover).toMatchObject({ mimeType: "image/png", width: 1, height: 1, fileName: "sampul <b>.png", byteSize: PNG.byteLength });
    const photo = await prepareUpload("photo", { data: PNG, name: "pembukaan.png" }, "photo");
    expect(photo).toMatchObject({ mimeType: "image/jpeg", width: 1, height: 1, fileName: "pembukaan.jpg" });
    expect(sniffType(photo.data)).toBe("image/jpeg");
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuse empty, oversized and mistyped files", async () => {
    expect(await outcome(prepareUpload("pdf", { data: new Uint8Array(0), name: "a.pdf" }, "file"))).toBe("validation.required");
    const bigPdf = new Uint8Array(10 * 1024 * 1024 + 1);
    bigPdf.set(new TextEncoder().encode("%PDF-1.4"));
    expect(await outcome(prepareUpload("pdf", { data: bigPdf, name: "a.pdf" }, "file"))).toBe("validation.pdfTooLarge");
    const bigPng = new Uint8Array(2 * 1024 * 1024 + 1);
    bigPng.set(PNG_SIGNATURE);
    expect(await outcome(prepareUpload("cover", { data: bigPng, name: "a.png" }, "file"))).toBe("validation.imageTooLarge");
    expect(await outcome(prepareUpload("pdf", { data: PNG, name: "a.pdf" }, "file"))).toBe("validation.pdfType");
    expect(await outcome(prepareUpload("cover", { data: new TextEncoder().encode("%PDF-1.4 x"), name: "a.png" }, "file"))).toBe("validation.imageType");
  });
});
