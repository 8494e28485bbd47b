"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { zoneAbbreviation } from "@/lib/dates";
import { createEventAction, updateEventAction } from "@/lib/features/events/actions";
import { EVENT_TYPES, eventFormSchema, updateEventSchema, type EventFormInput } from "@/lib/features/events/schemas";

type Village = { id: string; label: string; timeZone: string };
type Institution = { id: string; name: string };

export function EventForm({
  villages,
  institutions,
  officeTimeZone,
  eventId,
  defaults,
}: {
  villages: Village[];
  institutions: Institution[];
  officeTimeZone: string;
  eventId?: string;
  defaults?: Partial<EventFormInput>;
}) {
  const t = useTranslations("events");
  const tAll = useTranslations();
  const router = useRouter();
  const editing = !!eventId;
  const { form, message, onSubmit, fieldError } = useActionForm(
    editing ? updateEventSchema : eventFormSchema,
    (editing ? updateEventAction : createEventAction) as never,
    {
      defaultValues: { type: "SOSIALISASI", speakers: [], desaBinaanIds: [], partnerIds: [], ...defaults, ...(editing ? { eventId } : {}) } as never,
      onSuccess: (data) => {
        router.push(`/portal/kegiatan/${(data as { id: string }).id}`);
        return editing ? t("saved") : t("created");
      },
    },
  );
  const { register, watch, control, formState } = form;
  const speakers = useFieldArray({ control, name: "speakers" as never });
  const venueVillageId = watch("venueVillageId" as never) as unknown as string | undefined;
  const zone = villages.find((v) => v.id === venueVillageId)?.timeZone ?? officeTimeZone;
  const err = (name: string) => fieldError(name as never);
  const reg = (name: string) => register(name as never);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("type")} error={err("type")} {...reg("type")}>
          {EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {tAll(`eventType.${type}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("titleField")} error={err("title")} {...reg("title")} />
        <TextField label={t("theme")} error={err("theme")} {...reg("theme")} />
        <TextField label={t("venueName")} error={err("venueName")} {...reg("venueName")} />
        <TextField label={t("venueAddress")} error={err("venueAddress")} {...reg("venueAddress")} />
        <SelectField label={t("venueVillage")} hint={t("venueVillageHint")} error={err("venueVillageId")} {...reg("venueVillageId")}>
          <option value="">{t("noVenueVillage")}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label} ({zoneAbbreviation(v.timeZone)})
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("startsAt", { zone: zoneAbbreviation(zone) })}
          type="datetime-local"
          error={err("startsAtLocal")}
          {...reg("startsAtLocal")}
        />
        <TextField label={t("endsAt", { zone: zoneAbbreviation(zone) })} type="datetime-local" error={err("endsAtLocal")} {...reg("endsAtLocal")} />
      </div>
      <div className="space-y-1">
        <label htmlFor="event-description" className="block text-sm font-medium">
          {t("description")}
        </label>
        <textarea id="event-description" rows={3} className="block w-full rounded-md border border-slate-400 p-2" {...reg("description")} />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("villages")}</legend>
        {villages.length === 0 && <p className="text-sm text-slate-600">{t("noVillages")}</p>}
        <div className="grid max-h-64 gap-1 overflow-y-auto sm:grid-cols-2">
          {villages.map((v) => (
            <label key={v.id} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" value={v.id} className="size-5" {...reg("desaBinaanIds")} />
              {v.label}
            </label>
          ))}
        </div>
        {err("desaBinaanIds") && <p className="text-sm font-medium text-red-700">{err("desaBinaanIds")}</p>}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("speakers")}</legend>
        {speakers.fields.map((field, i) => (
          <div key={field.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-4 sm:items-end">
            <TextField label={t("speakerName")} error={err(`speakers.${i}.name`)} {...reg(`speakers.${i}.name`)} />
            <TextField label={t("speakerPosition")} {...reg(`speakers.${i}.position`)} />
            <SelectField label={t("speakerInstitution")} {...reg(`speakers.${i}.institutionId`)}>
              <option value="">-</option>
              {institutions.map((inst) => (
                <option key={inst.id} value={inst.id}>
                  {inst.name}
                </option>
              ))}
            </SelectField>
            <Button variant="ghost" onClick={() => speakers.remove(i)}>
              {t("removeSpeaker")}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => speakers.append({ name: "", position: "", institutionId: "" } as never)}>
          {t("addSpeaker")}
        </Button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("partners")}</legend>
        <div className="grid max-h-64 gap-1 overflow-y-auto sm:grid-cols-2">
          {institutions.map((inst) => (
            <label key={inst.id} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" value={inst.id} className="size-5" {...reg("partnerIds")} />
              {inst.name}
            </label>
          ))}
        </div>
        {err("partnerIds") && <p className="text-sm font-medium text-red-700">{err("partnerIds")}</p>}
      </fieldset>

      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("saving") : editing ? t("save") : t("create")}
      </Button>
    </form>
  );
}
