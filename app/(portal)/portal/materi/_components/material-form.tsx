"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/ui/call-action";
import { useEffect, useState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createMaterialAction, previewMaterialAction, updateMaterialAction } from "@/lib/features/materials/actions";
import {
  createMaterialSchema,
  JOURNEY_STAGE_VALUES,
  LANGUAGE_VALUES,
  MATERIAL_CATEGORY_VALUES,
  updateMaterialSchema,
  type CreateMaterialInput,
  type UpdateMaterialInput,
} from "@/lib/features/materials/schemas";
import { FormShell } from "@/components/ui/form-shell";

/**
 * The preview asks the server for HTML from the same sanitising renderer the public page uses,
 * a moment after typing stops, so what the editor sees is exactly what readers will get.
 */
function LivePreview({ body }: { body: string }) {
  const t = useTranslations("materials");
  const tv = useTranslations("validation");
  const [html, setHtml] = useState("");
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      if (!body.trim()) return setHtml("");
      const result = await callAction(previewMaterialAction, { body }, tv("sendFailed"));
      if (!cancelled && result.ok) setHtml(result.data.html);
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [body, tv]);
  return (
    <section aria-labelledby="preview-title" className="rounded-md border border-slate-300 bg-slate-50 p-3">
      <h2 id="preview-title" className="mb-2 text-sm font-semibold text-slate-700">
        {t("preview")}
      </h2>
      {html ? (
        // Sanitised on the server by renderMarkdown (lib/features/materials/markdown.ts).
        <div className="prose-material" data-testid="material-preview" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="text-sm text-slate-600">{t("previewEmpty")}</p>
      )}
    </section>
  );
}

function FieldsAndPreview({
  register,
  fieldError,
  body,
  translationChoices,
  isNew,
}: {
  // react-hook-form's register for either schema; kept loose so both forms share the fields
  register: (name: "title" | "slug" | "summary" | "category" | "language" | "journeyStage" | "body" | "translationOfId") => object;
  fieldError: (name: string) => string | undefined;
  body: string;
  translationChoices?: { id: string; label: string }[];
  isNew: boolean;
}) {
  const t = useTranslations("materials");
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fields.title")} error={fieldError("title")} {...register("title")} />
        <TextField label={t("fields.slug")} hint={t("fields.slugHint")} error={fieldError("slug")} {...register("slug")} />
        <SelectField label={t("fields.category")} error={fieldError("category")} {...register("category")}>
          {MATERIAL_CATEGORY_VALUES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("fields.language")} error={fieldError("language")} {...register("language")}>
          {LANGUAGE_VALUES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("fields.journeyStage")}
          hint={t("fields.journeyStageHint")}
          error={fieldError("journeyStage")}
          {...register("journeyStage")}
        >
          <option value="">{t("fields.noJourneyStage")}</option>
          {JOURNEY_STAGE_VALUES.map((s) => (
            <option key={s} value={s}>
              {t(`journeyStages.${s}`)}
            </option>
          ))}
        </SelectField>
        {isNew && translationChoices && (
          <SelectField label={t("fields.translationOf")} error={fieldError("translationOfId")} {...register("translationOfId")}>
            <option value="">{t("fields.noTranslation")}</option>
            {translationChoices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </SelectField>
        )}
        <div className="sm:col-span-2">
          <TextField label={t("fields.summary")} error={fieldError("summary")} {...register("summary")} />
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <TextAreaField
          label={t("fields.body")}
          hint={t("fields.bodyHint")}
          rows={18}
          error={fieldError("body")}
          {...register("body")}
        />
        <LivePreview body={body} />
      </div>
    </>
  );
}

export function NewMaterialForm({
  translationChoices,
  defaults,
}: {
  translationChoices: { id: string; label: string }[];
  defaults?: Partial<CreateMaterialInput>;
}) {
  const t = useTranslations("materials");
  const router = useRouter();
  const { form, shell, fieldError } = useActionForm(createMaterialSchema, createMaterialAction, {
    defaultValues: { category: "MIGRASI_AMAN", language: "ID", journeyStage: "", body: "", translationOfId: "", ...defaults },
    onSuccess: (data) => {
      router.push(`/portal/materi/${data.id}`);
      return t("created");
    },
  });
  return (
    <FormShell shell={shell} submitLabel={t("save")} className="space-y-4" submittingLabel={t("saving")}>
      <FieldsAndPreview
        register={form.register as never}
        fieldError={fieldError as never}
        body={form.watch("body") ?? ""}
        translationChoices={translationChoices}
        isNew
      />
    </FormShell>
  );
}

export function EditMaterialForm({ values }: { values: UpdateMaterialInput }) {
  const t = useTranslations("materials");
  const router = useRouter();
  const { form, shell, fieldError } = useActionForm(updateMaterialSchema, updateMaterialAction, {
    defaultValues: values,
    onSuccess: (data) => {
      router.refresh();
      return t(data?.pendingReview ? "savedForReview" : "saved");
    },
  });
  return (
    <FormShell shell={shell} submitLabel={t("save")} className="space-y-4" submittingLabel={t("saving")}>
      <FieldsAndPreview
        register={form.register as never}
        fieldError={fieldError as never}
        body={form.watch("body") ?? ""}
        isNew={false}
      />
    </FormShell>
  );
}
