import { findPublicFile } from "@/lib/features/materials/queries";
import { storedFileResponse } from "@/lib/server/files";

/**
 * Public files: the cover or a PDF attachment of a PUBLISHED material, nothing else. A file
 * id never changes its bytes (a new upload is a new id), so browsers and proxies keep it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const file = await findPublicFile((await params).id);
  if (!file) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return storedFileResponse(request, file, "public, max-age=31536000, immutable");
}
