"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { importAgenciesAction } from "@/lib/features/agencies/actions";
import type { AgencyImportError, AgencyImportReport } from "@/lib/features/agencies/import";
import { AGENCY_IMPORT_MAX_BYTES } from "@/lib/features/agencies/schemas";

function toBase64(buffer: ArrayBuffer): string {
  let binary = "";
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Source, date and file; the whole list is saved or nothing, and every bad line is named. */
export function AgencyImportForm({ today }: { today: string }) {
  const t = useTranslations("agency");
  const tAll = useTranslations();
  const router = useRouter();
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [source, setSource] = useState("");
  const [sourceDate, setSourceDate] = useState(today);
  const [report, setReport] = useState<AgencyImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const describe = (e: AgencyImportError) => {
    const values = { ...e.values };
    if (e.key === "field" && values.message) {
      values.message = tAll.has(values.message as never) ? tAll(values.message as never) : values.message;
      if (values.field && t.has(`import.columnNames.${values.field}` as never)) values.field = t(`import.columnNames.${values.field}` as never);
    }
    if (e.key === "missingColumn" && values.column) values.column = t(`import.columnNames.${values.column}` as never);
    const message = t(`import.errors.${e.key}` as never, values as never);
    return e.line === null ? message : t("import.errors.line", { line: e.line, message });
  };

  async function choose(list: FileList | null) {
    setReport(null);
    setError(null);
    const chosen = list?.[0];
    if (!chosen) return setFile(null);
    if (chosen.size > AGENCY_IMPORT_MAX_BYTES) {
      setFile(null);
      return setError(t("import.tooLarge"));
    }
    setFile({ fileName: chosen.name, content: toBase64(await chosen.arrayBuffer()) });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setError(t("import.fileRequired"));
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const result = await importAgenciesAction({ ...file, source, sourceDate });
    setBusy(false);
    if (!result.ok) {
      setReport(null);
      setFieldErrors(result.fieldErrors ?? {});
      const { content, fileName } = result.fieldErrors ?? {};
      return setError(content ?? fileName ?? result.error);
    }
    setReport(result.data);
    if (result.data.committed) router.refresh();
  }

  return (
    <form className="space-y-4" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t("page.source")}
        hint={t("page.sourceHint")}
        value={source}
        maxLength={300}
        error={fieldErrors.source}
        onChange={(e) => setSource(e.target.value)}
        name="source"
      />
      <TextField
        label={t("page.sourceDate")}
        type="date"
        value={sourceDate}
        max={today}
        error={fieldErrors.sourceDate}
        onChange={(e) => setSourceDate(e.target.value)}
        name="sourceDate"
      />
      <TextField label={t("page.file")} type="file" accept=".csv,text/csv" name="file" onChange={(e) => void choose(e.target.files)} />
      <Button type="submit" disabled={busy}>
        {busy ? t("page.submitting") : t("page.submit")}
      </Button>
      <div aria-live="polite" className="space-y-3">
        {error && <Alert tone="error">{error}</Alert>}
        {report?.committed && <Alert tone="success">{t("page.committed", { count: report.rowCount })}</Alert>}
        {report && !report.committed && (
          <Alert tone="error">
            {t("page.invalid")}
            <ul className="list-disc pl-5" data-testid="agency-import-errors">
              {report.errors.map((e, i) => (
                <li key={i}>{describe(e)}</li>
              ))}
            </ul>
          </Alert>
        )}
      </div>
    </form>
  );
}
