import { findFeedEvents, renderCalendar } from "@/lib/features/events/calendar";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { loadMessages } from "@/lib/i18n/catalogue";
import { AppError } from "@/lib/server/errors";

/**
 * A person's private iCal feed, /kalender/<token>.ics (ADR 0019b), for phone calendars that
 * cannot sign in: the random token is the only key. Unknown, revoked or expired: 404, the same
 * answer for each, so a token reveals nothing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  try {
    const events = await findFeedEvents(token);
    const messages = (await loadMessages("id")) as { calendar: { feedName: string } };
    return new Response(renderCalendar(events, { name: messages.calendar.feedName, baseUrl: publicBaseUrl() }), {
      headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300", "X-Robots-Tag": "noindex" },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
    throw error;
  }
}
