import "server-only";
import { createHash } from "node:crypto";
import { AUDIO_TYPES, IMAGE_TYPES, MAX_AUDIO_BYTES, MAX_IMAGE_BYTES, MAX_PDF_BYTES } from "@/lib/features/materials/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/**
 * Stored files, the one module that knows how uploads become rows of `stored_file` and rows
 * become responses (ADR 0005): the type is what the bytes are, never the name; every image is
 * decoded by sharp before it is accepted (a PNG signature followed by anything else is refused);
 * photos are re-encoded to a JPEG of at most 1600 px without metadata. Moving files elsewhere
 * (S3-compatible storage) changes this module only.
 */

export type UploadKind = "photo" | "cover" | "pdf" | "audio";

type Rule = { maxBytes: number; tooBig: string; wrongType: string };
const RULES: Record<UploadKind, Rule> = {
  photo: { maxBytes: 10 * 1024 * 1024, tooBig: "events.errors.photoTooBig", wrongType: "events.errors.photoType" },
  cover: { maxBytes: MAX_IMAGE_BYTES, tooBig: "validation.imageTooLarge", wrongType: "validation.imageType" },
  pdf: { maxBytes: MAX_PDF_BYTES, tooBig: "validation.pdfTooLarge", wrongType: "validation.pdfType" },
  audio: { maxBytes: MAX_AUDIO_BYTES, tooBig: "validation.audioTooLarge", wrongType: "validation.audioType" },
};
export const PHOTO_MAX_BYTES = RULES.photo.maxBytes;
const PHOTO_MAX_EDGE = 1600;
/** About 60 megapixels: a decompression bomb is refused before it is decoded. */
const MAX_INPUT_PIXELS = 60_000_000;

/** An upload checked and ready to store. */
export type PreparedFile = {
  fileName: string;
  mimeType: string;
  byteSize: number;
  sha256: string;
  width: number | null;
  height: number | null;
  /** Audio only: the recording's length as its container states it. */
  durationMs?: number | null;
  data: Uint8Array<ArrayBuffer>;
};

/** The type the bytes say they are, whatever the file name or browser claims. */
export function sniffType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return "image/webp";
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf"; // %PDF-
  if (starts(0x4f, 0x67, 0x67, 0x53)) return "audio/ogg"; // OggS (Opus, Vorbis)
  if (starts(0x49, 0x44, 0x33) || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe6) === 0xe2)) return "audio/mpeg"; // ID3 tag or an MPEG layer III frame
  if (String.fromCharCode(...bytes.slice(4, 8)) === "ftyp" && /^(M4A |M4B |mp42|mp41|isom|iso2|dash)$/.test(String.fromCharCode(...bytes.slice(8, 12)))) return "audio/mp4";
  return null;
}

const refuse = (field: string, key: string) => new AppError("VALIDATION", undefined, { [field]: key });
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** A photo's name from the sender's, with the extension of what is stored (the original's is kept for material files). */
function cleanName(name: string, extension: string, fallback: string): string {
  const base = name.replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N} _-]/gu, "").trim().slice(0, 80) || fallback;
  return `${base}.${extension}`;
}

/**
 * Checks an upload by its bytes and prepares it for storing. Refusals are VALIDATION errors on
 * `field` with a catalogue key: empty, too large, not of the kind, or an image sharp cannot decode.
 */
export async function prepareUpload(kind: UploadKind, file: { data: Uint8Array; name: string }, field: string): Promise<PreparedFile> {
  const rule = RULES[kind];
  if (file.data.byteLength === 0) throw refuse(field, "validation.required");
  if (file.data.byteLength > rule.maxBytes) throw refuse(field, rule.tooBig);
  const type = sniffType(file.data);
  if (kind === "pdf") {
    if (type !== "application/pdf") throw refuse(field, rule.wrongType);
    const data = new Uint8Array(file.data);
    return { fileName: file.name.slice(0, 200) || "lampiran.pdf", mimeType: type, byteSize: data.byteLength, sha256: sha256(data), width: null, height: null, data };
  }
  if (kind === "audio") return prepareAudio(file, type, field);
  if (!type || !(IMAGE_TYPES as readonly string[]).includes(type)) throw refuse(field, rule.wrongType);
  const { default: sharp } = await import("sharp");
  try {
    const image = sharp(file.data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
    const meta = await image.metadata();
    if (`image/${meta.format}` !== type) throw new Error("the bytes decode as another type");
    if (kind === "photo") {
      const output = await image
        .rotate()
        .resize({ width: PHOTO_MAX_EDGE, height: PHOTO_MAX_EDGE, fit: "inside", withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      const data = new Uint8Array(output.data);
      return { fileName: cleanName(file.name, "jpg", "foto"), mimeType: "image/jpeg", byteSize: data.byteLength, sha256: sha256(data), width: output.info.width, height: output.info.height, data };
    }
    // A cover is kept as sent, once every pixel has decoded.
    const decoded = await image.raw().toBuffer({ resolveWithObject: true });
    const data = new Uint8Array(file.data);
    return { fileName: file.name.slice(0, 200) || "sampul", mimeType: type, byteSize: data.byteLength, sha256: sha256(data), width: decoded.info.width, height: decoded.info.height, data };
  } catch {
    throw refuse(field, rule.wrongType);
  }
}

/**
 * An audio upload (MP3, M4A/AAC, Ogg Opus/Vorbis): the signature must be one of those, and
 * music-metadata must read the whole container as audio with a duration (a renamed video or
 * a truncated file is refused). Kept as sent.
 */
async function prepareAudio(file: { data: Uint8Array; name: string }, type: string | null, field: string): Promise<PreparedFile> {
  const rule = RULES.audio;
  if (!type || !(AUDIO_TYPES as readonly string[]).includes(type)) throw refuse(field, rule.wrongType);
  const { parseBuffer } = await import("music-metadata");
  let durationMs: number;
  try {
    const { format } = await parseBuffer(file.data, { mimeType: type, size: file.data.byteLength }, { duration: true, skipCovers: true });
    const hasVideo = format.trackInfo.some((t) => t.video);
    if (hasVideo || !format.duration || !Number.isFinite(format.duration) || format.duration <= 0) throw new Error("not a recording");
    durationMs = Math.round(format.duration * 1000);
  } catch {
    throw refuse(field, rule.wrongType);
  }
  const data = new Uint8Array(file.data);
  return { fileName: file.name.slice(0, 200) || "rekaman", mimeType: type, byteSize: data.byteLength, sha256: sha256(data), width: null, height: null, durationMs, data };
}

/** Stores a prepared file in the caller's transaction; returns its id. */
export async function createStoredFile(tx: Prisma.TransactionClient, file: PreparedFile, owner: { officeId: string | null; createdById: string | null }) {
  const row = await tx.storedFile.create({ data: { ...file, ...owner }, select: { id: true } });
  return row.id;
}

/** Deletes a stored file (after whatever referred to it) in the caller's transaction. */
export async function deleteStoredFile(tx: Prisma.TransactionClient, id: string) {
  await tx.storedFile.delete({ where: { id } });
}

type ServedFile = { data: Uint8Array; mimeType: string; fileName: string; sha256: string };

/**
 * A stored upload as an HTTP response, with the same safety headers wherever it is served: the
 * browser must not sniff another type, and a file opened directly runs in a sandbox (an SVG or
 * HTML smuggled past the checks could otherwise script our origin). Ids never change their bytes,
 * so the sha256 is a strong ETag.
 */
export function storedFileResponse(request: Request, file: ServedFile, cacheControl: string): Response {
  const etag = `"${file.sha256}"`;
  const headers = {
    "Content-Type": file.mimeType,
    "Cache-Control": cacheControl,
    ETag: etag,
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  // A player seeks with Range requests (audio); a single range is enough for that.
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("range") ?? "");
  const size = file.data.byteLength;
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
    }
    return new Response(new Uint8Array(file.data.subarray(start, end + 1)), {
      status: 206,
      headers: { ...headers, "Accept-Ranges": "bytes", "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": String(end - start + 1) },
    });
  }
  return new Response(new Uint8Array(file.data), {
    headers: { ...headers, "Accept-Ranges": "bytes", "Content-Length": String(size) },
  });
}
