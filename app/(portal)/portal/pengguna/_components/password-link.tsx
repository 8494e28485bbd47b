"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import type { DeliveredLink } from "@/lib/features/accounts/links";

/** A one-time set-password link, shown once to the administrator: copy it, or send it by WhatsApp. */
export function PasswordLink({ link, name, email }: { link: DeliveredLink; name: string; email: string }) {
  const t = useTranslations("accounts.admin");
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  return (
    <section aria-label={t("linkTitle", { name })} className="space-y-2 rounded border border-sky-300 bg-sky-50 p-3 text-sm" data-testid="password-link">
      <h3 className="font-semibold">{t("linkTitle", { name })}</h3>
      <p>{t("linkIntro", { date: format.dateTime(new Date(link.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
      <input readOnly value={link.url} aria-label={t("linkTitle", { name })} className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" data-testid="password-link-url" onFocus={(e) => e.currentTarget.select()} />
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(link.url).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
        <a href={link.whatsappUrl} target="_blank" rel="noopener noreferrer" className={buttonClass("secondary")}>
          {t("whatsapp")}
        </a>
      </div>
      {link.emailed && <p>{t("emailed", { email })}</p>}
    </section>
  );
}
