"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { commitOfficeImportAction, previewOfficeImportAction } from "@/lib/features/offices/actions";
import type { ImportReport, RowError } from "@/lib/features/offices/import";
import { IMPORT_MAX_BYTES } from "@/lib/features/offices/schemas";

function toBase64(buffer: ArrayBuffer): string {
  let binary = "";
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Check a file (nothing written), see every row's problems, then save all rows or none. */
export function ImportForm({ today }: { today: string }) {
  const t = useTranslations("office");
  const tv = useTranslations();
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "commit" | null>(null);

  const describe = (e: RowError) =>
    e.key === "field" && e.values
      ? t("import.errors.field", { field: e.values.field ?? "", message: tv.has((e.values.message ?? "") as never) ? tv(e.values.message as never) : (e.values.message ?? "") })
      : t(`import.errors.${e.key}` as never, e.values as never);

  async function run(kind: "preview" | "commit") {
    if (!file) return setError(t("import.fileRequired"));
    setBusy(kind);
    setError(null);
    const action = kind === "preview" ? previewOfficeImportAction : commitOfficeImportAction;
    const result = await action({ ...file, effectiveOn });
    setBusy(null);
    if (!result.ok) {
      setReport(null);
      return setError(Object.values(result.fieldErrors ?? {})[0] ?? result.error);
    }
    setReport(result.data);
  }

  async function choose(list: FileList | null) {
    setReport(null);
    setError(null);
    const chosen = list?.[0];
    if (!chosen) return setFile(null);
    if (chosen.size > IMPORT_MAX_BYTES) {
      setFile(null);
      return setError(t("import.tooLarge"));
    }
    setFile({ fileName: chosen.name, content: toBase64(await chosen.arrayBuffer()) });
  }

  return (
    <div className="space-y-4">
      <TextField
        label={t("importPage.file")}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => void choose(e.target.files)}
      />
      <TextField label={t("effectiveOn")} type="date" hint={t("effectiveOnHint")} value={effectiveOn} max={today} onChange={(e) => setEffectiveOn(e.target.value)} />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void run("preview")} disabled={busy !== null}>
          {busy === "preview" ? t("importPage.previewing") : t("importPage.preview")}
        </Button>
        {report?.valid && !report.committed && (
          <Button onClick={() => void run("commit")} disabled={busy !== null}>
            {busy === "commit" ? t("importPage.committing") : t("importPage.commit")}
          </Button>
        )}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {report && (
        <div className="space-y-3" aria-live="polite">
          {report.committed ? (
            <Alert tone="success">{t("importPage.committed", { count: report.created })}</Alert>
          ) : report.valid ? (
            <Alert tone="info">{t("importPage.valid", { count: report.rows.length })}</Alert>
          ) : (
            <Alert tone="error">
              {t("importPage.invalid")}
              {report.fileErrors.length > 0 && (
                <ul className="list-disc pl-5">
                  {report.fileErrors.map((e, i) => (
                    <li key={i}>{describe(e)}</li>
                  ))}
                </ul>
              )}
            </Alert>
          )}
          {report.rows.length > 0 && (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-2 py-1">{t("importPage.line")}</th>
                    <th scope="col" className="px-2 py-1">{t("importPage.name")}</th>
                    <th scope="col" className="px-2 py-1">{t("importPage.workArea")}</th>
                    <th scope="col" className="px-2 py-1">{t("importPage.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((row) => (
                    <tr key={row.line} className="border-t border-slate-100 align-top">
                      <td className="px-2 py-1 tabular-nums">{row.line}</td>
                      <td className="px-2 py-1">
                        {row.name}
                        {row.kanwil && <span className="block text-xs text-slate-600">{row.kanwil}</span>}
                      </td>
                      <td className="px-2 py-1">{row.regencies.map((r) => r.name ?? r.code).join(", ")}</td>
                      <td className="px-2 py-1">
                        {row.errors.length === 0 ? (
                          t("importPage.ok")
                        ) : (
                          <ul className="list-disc pl-4 text-red-700">
                            {row.errors.map((e, i) => (
                              <li key={i}>{describe(e)}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
