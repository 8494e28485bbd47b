import { createHash } from "node:crypto";
import { IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_PDF_BYTES } from "@/lib/features/materials/schemas";

export type CheckedFile = {
  mimeType: string;
  byteSize: number;
  sha256: string;
  width: number | null;
  height: number | null;
  data: Uint8Array<ArrayBuffer>;
};

type Kind = "image" | "pdf";

/** The type the bytes say they are, whatever the file name or browser claims. */
export function sniffType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return "image/webp";
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf"; // %PDF-
  return null;
}

/** Width and height from the image header (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X), or null. */
export function imageSize(bytes: Uint8Array, type: string): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (type === "image/png") return { width: view.getUint32(16), height: view.getUint32(20) };
    if (type === "image/jpeg") {
      let i = 2;
      while (i + 9 < bytes.length) {
        if (bytes[i] !== 0xff) return null;
        const marker = bytes[i + 1]!;
        const length = view.getUint16(i + 2);
        if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
          return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
        }
        i += 2 + length;
      }
      return null;
    }
    if (type === "image/webp") {
      const chunk = String.fromCharCode(...bytes.slice(12, 16));
      if (chunk === "VP8 ") return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
      if (chunk === "VP8L") {
        const b = view.getUint32(21, true);
        return { width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1 };
      }
      if (chunk === "VP8X") {
        const w = bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16);
        const h = bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16);
        return { width: w + 1, height: h + 1 };
      }
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * Checks an upload by its bytes: images JPEG/PNG/WebP up to 2 MB, PDFs up to 10 MB. Returns a
 * catalogue key on refusal. (Covers are not re-encoded here: no image library is installed.)
 */
export function checkUpload(bytes: Uint8Array<ArrayBuffer>, kind: Kind): CheckedFile | { error: string } {
  const type = sniffType(bytes);
  if (kind === "image") {
    if (!type || !(IMAGE_TYPES as readonly string[]).includes(type)) return { error: "validation.imageType" };
    if (bytes.byteLength > MAX_IMAGE_BYTES) return { error: "validation.imageTooLarge" };
  } else {
    if (type !== "application/pdf") return { error: "validation.pdfType" };
    if (bytes.byteLength > MAX_PDF_BYTES) return { error: "validation.pdfTooLarge" };
  }
  const size = kind === "image" ? imageSize(bytes, type) : null;
  if (kind === "image" && !size) return { error: "validation.imageType" };
  return {
    mimeType: type,
    byteSize: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    width: size?.width ?? null,
    height: size?.height ?? null,
    data: bytes,
  };
}
