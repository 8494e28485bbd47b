import { NextResponse } from "next/server";
import { getEventPhotoFile } from "@/lib/features/events/queries";
import { getCurrentUser } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";

/** A session photo, for readers of the session only. Photos never change, so cache privately. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; photoId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new NextResponse(null, { status: 401 });
  const { id, photoId } = await params;
  try {
    const file = await getEventPhotoFile(user, id, photoId);
    return new NextResponse(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.mimeType,
        "Cache-Control": "private, max-age=86400, immutable",
        ETag: `"${file.sha256}"`,
        "Content-Security-Policy": "default-src 'none'",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new NextResponse(null, { status: 404 });
    throw error;
  }
}
