import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { setCheckInOpenAction } from "@/lib/features/events/actions";
import { ActionButton } from "./action-button";

/** The session's self check-in: its QR code and link, whether it is open, and the switch. */
export async function CheckInCard({ event, link, qr }: { event: { id: string; checkInOpen: boolean; status: string }; link: string; qr: string }) {
  const t = await getTranslations("events");
  return (
    <Card title={t("checkInTitle")}>
      <div className="flex flex-col gap-4 sm:flex-row">
        <div className="w-48 shrink-0" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: qr }} />
        <div className="space-y-2">
          <p>
            {t("checkInLink")}:{" "}
            <a href={link} className="break-all font-mono" data-testid="check-in-link">
              {link}
            </a>
          </p>
          <p data-testid="check-in-state">{event.checkInOpen ? t("checkInIsOpen") : t("checkInIsClosed")}</p>
          {event.status !== "CANCELLED" && (
            <ActionButton
              action={setCheckInOpenAction}
              input={{ eventId: event.id, open: !event.checkInOpen }}
              label={event.checkInOpen ? t("closeCheckIn") : t("openCheckIn")}
              variant={event.checkInOpen ? "secondary" : "primary"}
            />
          )}
        </div>
      </div>
    </Card>
  );
}
