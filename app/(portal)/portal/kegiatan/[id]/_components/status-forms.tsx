"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { cancelEventAction, postponeEventAction } from "@/lib/features/events/actions";
import { cancelEventSchema, postponeEventSchema } from "@/lib/features/events/schemas";

export function PostponeForm({ eventId, zone, startsAtLocal, endsAtLocal }: { eventId: string; zone: string; startsAtLocal: string; endsAtLocal: string }) {
  const t = useTranslations("events");
  const { form, message, onSubmit, fieldError } = useActionForm(postponeEventSchema, postponeEventAction, {
    defaultValues: { eventId, startsAtLocal, endsAtLocal },
    onSuccess: () => t("postponed"),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2">
      {message && (
        <div className="sm:col-span-2">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <TextField label={t("startsAt", { zone })} type="datetime-local" error={fieldError("startsAtLocal")} {...form.register("startsAtLocal")} />
      <TextField label={t("endsAt", { zone })} type="datetime-local" error={fieldError("endsAtLocal")} {...form.register("endsAtLocal")} />
      <div className="sm:col-span-2">
        <TextField label={t("reason")} error={fieldError("reason")} {...form.register("reason")} />
      </div>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("postpone")}
        </Button>
      </div>
    </form>
  );
}

export function CancelForm({ eventId }: { eventId: string }) {
  const t = useTranslations("events");
  const { form, message, onSubmit, fieldError } = useActionForm(cancelEventSchema, cancelEventAction, {
    defaultValues: { eventId },
    onSuccess: () => t("cancelledDone"),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TextField label={t("reason")} error={fieldError("reason")} {...form.register("reason")} />
      <Button type="submit" variant="danger" disabled={form.formState.isSubmitting}>
        {t("cancel")}
      </Button>
    </form>
  );
}
