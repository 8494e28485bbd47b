import "server-only";

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
  return new Response(new Uint8Array(file.data), {
    headers: { ...headers, "Content-Length": String(file.data.byteLength) },
  });
}
