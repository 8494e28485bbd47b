import { findPublicFile } from "@/lib/features/materials/queries";

/**
 * Public files: the cover or a PDF attachment of a PUBLISHED material, nothing else. A file
 * id never changes its bytes (a new upload is a new id), so browsers and proxies keep it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const file = await findPublicFile((await params).id);
  if (!file) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const etag = `"${file.sha256}"`;
  const headers = {
    "Content-Type": file.mimeType,
    "Content-Length": String(file.byteSize),
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(file.data, { headers });
}
