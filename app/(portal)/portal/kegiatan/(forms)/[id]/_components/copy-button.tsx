"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a prepared text for pasting into a WhatsApp group; says whether it worked. */
export function CopyButton({ text }: { text: string }) {
  const t = useTranslations("whatsapp");
  const [status, setStatus] = useState<"copied" | "failed" | null>(null);
  return (
    <span className="inline-flex flex-col">
      <Button
        variant="secondary"
        onClick={() => {
          setStatus(null);
          // no clipboard on a page served over plain http (a village laptop on the LAN): say so
          if (!navigator.clipboard) return setStatus("failed");
          navigator.clipboard.writeText(text).then(
            () => setStatus("copied"),
            () => setStatus("failed"),
          );
        }}
      >
        {t("copy")}
      </Button>
      <span role="status" className="mt-1 text-sm text-slate-800">
        {status === "copied" ? t("copied") : status === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
