"use client";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { cancelEventAction, postponeEventAction } from "@/lib/features/events/actions";
import { cancelEventSchema, postponeEventSchema } from "@/lib/features/events/schemas";
import { FormShell } from "@/components/ui/form-shell";

export function PostponeForm({ eventId, zone, startsAtLocal, endsAtLocal }: { eventId: string; zone: string; startsAtLocal: string; endsAtLocal: string }) {
  const t = useTranslations("events");
  const { form, shell, fieldError } = useActionForm(postponeEventSchema, postponeEventAction, {
    defaultValues: { eventId, startsAtLocal, endsAtLocal },
    onSuccess: () => t("postponed"),
  });
  return (
    <FormShell shell={shell} submitLabel={t("postpone")} className="grid gap-3 sm:grid-cols-2" span="sm:col-span-2" actionsClassName="">
      <TextField label={t("startsAt", { zone })} type="datetime-local" error={fieldError("startsAtLocal")} {...form.register("startsAtLocal")} />
      <TextField label={t("endsAt", { zone })} type="datetime-local" error={fieldError("endsAtLocal")} {...form.register("endsAtLocal")} />
      <div className="sm:col-span-2">
        <TextField label={t("reason")} error={fieldError("reason")} {...form.register("reason")} />
      </div>
    </FormShell>
  );
}

export function CancelForm({ eventId }: { eventId: string }) {
  const t = useTranslations("events");
  const { form, shell, fieldError } = useActionForm(cancelEventSchema, cancelEventAction, {
    defaultValues: { eventId },
    onSuccess: () => t("cancelledDone"),
  });
  return (
    <FormShell shell={shell} submitLabel={t("cancel")} className="space-y-3" variant="danger">
      <TextField label={t("reason")} error={fieldError("reason")} {...form.register("reason")} />
    </FormShell>
  );
}
