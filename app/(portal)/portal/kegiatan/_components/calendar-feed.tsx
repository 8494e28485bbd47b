"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { callAction, SEND_FAILED } from "@/components/ui/call-action";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/features/events/actions";

/**
 * The person's private iCal feed (ADR 0019b): make a link (shown once: only its hash is kept),
 * replace it, or revoke it. `active` says, in words, whether one exists and until when.
 */
export function CalendarFeed({ active }: { active: string | null }) {
  const t = useTranslations("calendar");
  const tv = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const run = (which: "create" | "revoke") =>
    start(async () => {
      setMessage(null);
      if (which === "create") {
        const result = await callAction(createCalendarFeedAction, {}, tv(SEND_FAILED));
        if (!result.ok) return setMessage({ tone: "error", text: result.error });
        setUrl(result.data.url);
        setMessage({ tone: "success", text: t("feedCreated") });
      } else {
        const result = await callAction(revokeCalendarFeedAction, {}, tv(SEND_FAILED));
        if (!result.ok) return setMessage({ tone: "error", text: result.error });
        setUrl(null);
        setMessage({ tone: "success", text: t("feedRevoked") });
      }
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t("feedHelp")}</p>
      <p data-testid="feed-state">{active ?? t("feedNone")}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {url && <TextField label={t("feedUrl")} value={url} readOnly onFocus={(e) => e.currentTarget.select()} data-testid="feed-url" />}
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={pending} onClick={() => run("create")}>
          {active ? t("replaceFeed") : t("createFeed")}
        </Button>
        {active && (
          <Button type="button" variant="danger" disabled={pending} onClick={() => run("revoke")}>
            {t("revokeFeed")}
          </Button>
        )}
      </div>
    </div>
  );
}
