"use client";
import { useTranslations } from "next-intl";
import { removeAttendeeAction } from "@/lib/features/events/actions";
import { ActionButton } from "./action-button";

/** Per-row button with minimal props: a list of 100 rows should not carry 100 copies of its texts. */
export function RemoveAttendeeButton({ eventId, attendeeId, name }: { eventId: string; attendeeId: string; name: string }) {
  const t = useTranslations("events");
  return (
    <ActionButton
      action={removeAttendeeAction}
      input={{ eventId, attendeeId }}
      label={t("remove")}
      variant="ghost"
      confirm={t("removeConfirm", { name })}
    />
  );
}
