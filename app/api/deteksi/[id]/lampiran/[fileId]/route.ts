import { findReportAttachment } from "@/lib/features/warnings/queries";
import { storedFileResponse } from "@/lib/server/files";
import { signedInRoute } from "@/lib/server/route";

/**
 * An attachment of an early-warning report, for those who may read the report (the office, its
 * Kanwil, the national level, the village account that filed it); anyone else gets a 404.
 * Never cached by a shared cache: it may show people.
 */
export const GET = signedInRoute<{ id: string; fileId: string }>(async ({ user, params, request }) => {
  const file = await findReportAttachment(user, params.id, params.fileId);
  return storedFileResponse(request, file, "private, no-store");
});
