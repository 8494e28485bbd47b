"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/call-action";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/features/notifications/actions";

/**
 * "Mark as read" for one notification (with `id`) or for all of them. The action revalidates the
 * portal, so the list and the shell's unread count update together.
 */
export function MarkReadButton({ id, reference }: { id?: string; reference?: string }) {
  const t = useTranslations("notifications");
  const tv = useTranslations("validation");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const all = id === undefined;
  return (
    <span className="inline-flex flex-col">
      <Button
        variant={all ? "primary" : "secondary"}
        className={all ? undefined : "min-h-11 px-3 py-1 text-xs"}
        disabled={pending}
        aria-label={all ? undefined : t("markReadOf", { reference: reference ?? "" })}
        onClick={() =>
          startTransition(async () => {
            const result = all
              ? await callAction(markAllNotificationsReadAction, {}, tv("sendFailed"))
              : await callAction(markNotificationReadAction, { id }, tv("sendFailed"));
            setError(result.ok ? null : result.error);
          })
        }
      >
        {all ? t("markAllRead") : t("markRead")}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
