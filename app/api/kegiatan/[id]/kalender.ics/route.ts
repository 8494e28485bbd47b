import { getEventCalendar, renderCalendar } from "@/lib/features/events/calendar";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { signedInRoute } from "@/lib/server/route";

/** One session as an .ics file (ADR 0019b); read:event is checked in the query (else 404). */
export const GET = signedInRoute<{ id: string }>(async ({ user, params }) => {
  const event = await getEventCalendar(user, params.id);
  const body = renderCalendar([event], { name: event.title, baseUrl: publicBaseUrl() });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="kegiatan-${event.id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
});
