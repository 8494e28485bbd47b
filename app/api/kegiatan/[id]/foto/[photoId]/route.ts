import { getEventPhotoFile } from "@/lib/features/events/queries";
import { storedFileResponse } from "@/lib/server/files";
import { signedInRoute } from "@/lib/server/route";

/** A session photo, for readers of the session only. Photos never change, so cache privately. */
export const GET = signedInRoute<{ id: string; photoId: string }>(async ({ user, params, request }) =>
  storedFileResponse(request, await getEventPhotoFile(user, params.id, params.photoId), "private, max-age=86400, immutable"),
);
