import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pager, PAGE_PARAM } from "@/components/ui/pager";
import type { findAttendees } from "@/lib/features/events/queries";
import { RemoveAttendeeButton } from "./remove-attendee-button";

type Attendees = Awaited<ReturnType<typeof findAttendees>>;

/** A session's named attendees, a page at a time; staff who may record attendance may remove one. */
export async function AttendeeTable({ eventId, attendees, canRemove }: { eventId: string; attendees: Attendees; canRemove: boolean }) {
  const t = await getTranslations("events");
  const tc = await getTranslations();
  type Row = Attendees["rows"][number];
  return (
    <Card title={t("attendeeList", { count: attendees.total })}>
      {attendees.rows.length === 0 ? (
        <p>{t("noAttendees")}</p>
      ) : (
        <>
          <DataTable
            label={t("attendeeList", { count: attendees.total })}
            rows={attendees.rows}
            rowKey={(a) => a.id}
            columns={[
              {
                header: t("attendeeName"),
                cell: (a: Row) => (
                  <>
                    {a.name}
                    {a.position && <span className="block text-xs text-slate-600">{a.position}</span>}
                  </>
                ),
              },
              { header: t("category"), cell: (a: Row) => tc(`attendeeCategory.${a.category}`) },
              { header: t("origin"), cell: (a: Row) => a.desaBinaan?.village.name ?? a.institutionName },
              { header: t("gender"), cell: (a: Row) => a.gender ?? "-" },
              { header: t("sourceLabel"), cell: (a: Row) => t(`source.${a.source}`) },
              ...(canRemove
                ? [{ header: t("actions"), srOnly: true, cell: (a: Row) => <RemoveAttendeeButton eventId={eventId} attendeeId={a.id} name={a.name} /> }]
                : []),
            ]}
          />
          <Pager
            page={attendees.page}
            pageCount={Math.ceil(attendees.total / attendees.pageSize)}
            href={(page) => `/portal/kegiatan/${eventId}${page > 1 ? `?${PAGE_PARAM}=${page}` : ""}`}
          />
        </>
      )}
    </Card>
  );
}
