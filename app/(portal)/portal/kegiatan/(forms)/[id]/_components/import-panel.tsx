"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

type Preview = {
  valid: number;
  duplicatesInFile: number;
  sample: { name: string; category: string; origin: string | null; gender: string | null; phone: string }[];
  issues: { row: number; column: string; message: string }[];
  issueCount: number;
};
type Phase = "idle" | "uploading" | "processing";

/** Sends the file with XMLHttpRequest so the bar shows real upload progress, then the server's answer. */
function send(url: string, file: File, onProgress: (fraction: number) => void): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => resolve({ status: xhr.status, body: (xhr.response ?? {}) as Record<string, unknown> });
    xhr.onerror = () => reject(new Error("network"));
    const data = new FormData();
    data.set("file", file);
    xhr.send(data);
  });
}

export function ImportPanel({ eventId }: { eventId: string }) {
  const t = useTranslations("events.import");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const run = async (commit: boolean) => {
    if (!file) return;
    setMessage(null);
    setPhase("uploading");
    setProgress(0);
    try {
      const { status, body } = await send(`/api/kegiatan/${eventId}/impor${commit ? "?commit=1" : ""}`, file, (f) => {
        setProgress(f);
        if (f >= 1) setPhase("processing");
      });
      if (status >= 400) {
        setMessage({ tone: "error", text: String(body.error ?? t("failed")) });
        if (!commit) setPreview(null);
      } else if (commit) {
        setMessage({ tone: "success", text: t("committed", { inserted: Number(body.inserted), skipped: Number(body.skipped) }) });
        setPreview(null);
        setFile(null);
        if (input.current) input.current.value = "";
        router.refresh();
      } else {
        setPreview(body as unknown as Preview);
      }
    } catch {
      setMessage({ tone: "error", text: t("failed") });
    } finally {
      setPhase("idle");
    }
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t("help")}</p>
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium">
          {t("file")}
        </label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="block w-full text-sm"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPreview(null);
            setMessage(null);
          }}
        />
      </div>
      <Button variant="secondary" disabled={!file || phase !== "idle"} onClick={() => run(false)}>
        {t("check")}
      </Button>
      {phase !== "idle" && (
        <div>
          <label htmlFor="import-progress" className="text-sm">
            {phase === "uploading" ? t("uploading", { percent: Math.round(progress * 100) }) : t("processing")}
          </label>
          {/* While the server works there is no honest percentage: the bar becomes indeterminate. */}
          <progress id="import-progress" className="block h-3 w-full" max={1} value={phase === "uploading" ? progress : undefined} />
        </div>
      )}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {preview && (
        <div className="space-y-3" data-testid="import-preview">
          <p className="text-sm">{t("summary", { valid: preview.valid, issues: preview.issueCount, duplicates: preview.duplicatesInFile })}</p>
          {preview.issues.length > 0 ? (
            <>
              <Alert>{t("fixFirst")}</Alert>
              <div className="max-h-72 overflow-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">{t("issuesTitle")}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="pr-2">{t("row")}</th>
                      <th scope="col" className="pr-2">{t("column")}</th>
                      <th scope="col">{t("problem")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.issues.map((i, n) => (
                      <tr key={n} className="border-t border-slate-100">
                        <td className="pr-2">{i.row}</td>
                        <td className="pr-2">{i.column}</td>
                        <td>{i.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="text-left text-sm text-slate-600">{t("sampleTitle")}</caption>
                  <tbody>
                    {preview.sample.map((r, n) => (
                      <tr key={n} className="border-t border-slate-100">
                        <td className="pr-2">{r.name}</td>
                        <td className="pr-2">{r.category}</td>
                        <td className="pr-2">{r.origin}</td>
                        <td className="pr-2">{r.gender}</td>
                        <td>{r.phone}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Button disabled={phase !== "idle"} onClick={() => run(true)}>
                {t("commit", { count: preview.valid })}
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
