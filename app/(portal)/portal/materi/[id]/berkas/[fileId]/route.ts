import { getMaterialFile } from "@/lib/features/materials/queries";
import { storedFileResponse } from "@/lib/server/files";
import { signedInRoute } from "@/lib/server/route";

/** Files of a material as its editors see them (drafts too); never cached by shared caches. */
export const GET = signedInRoute<{ id: string; fileId: string }>(async ({ user, params, request }) =>
  storedFileResponse(request, await getMaterialFile(user, params.id, params.fileId), "private, no-store"),
);
