import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { formatDateTimeInZone } from "@/lib/dates";
import { CONTROL } from "@/components/ui/field";
import type { getSessionMessages } from "@/lib/features/whatsapp/queries";
import { formatIndonesianPhone } from "@/lib/phone";
import { cn } from "@/lib/cn";
import { CopyButton } from "./copy-button";

type Messages = Awaited<ReturnType<typeof getSessionMessages>>;

/**
 * The session's prefilled WhatsApp messages (ADR 0026): per message that fits now, the text for a
 * group (copy, or open WhatsApp to pick the group) and a wa.me link per reachable liaison.
 */
export async function WhatsappCard({
  eventId,
  status,
  timeZone,
  language,
  messages,
  canEditTemplates,
}: {
  eventId: string;
  status: string;
  timeZone: string;
  language: "ID" | "EN";
  messages: Messages;
  canEditTemplates: boolean;
}) {
  const t = await getTranslations("whatsapp");
  const locale = await getLocale();
  const languageLinks = (["ID", "EN"] as const).map((l) => ({ l, href: `/portal/kegiatan/${eventId}${l === "EN" ? "?pesan=en" : ""}#whatsapp` }));
  return (
    <section id="whatsapp" aria-labelledby="whatsapp-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="whatsapp-title" className="text-lg font-semibold text-slate-900">
        {t("section")}
      </h2>
      <p className="text-sm text-slate-700">{t("sectionIntro")}</p>
      <div className="flex flex-wrap items-center gap-x-4">
        <nav aria-label={t("languageNav")} className="flex flex-wrap gap-4">
          {languageLinks.map(({ l, href }) => (
            <Link key={l} href={href} aria-current={l === language ? "true" : undefined} className="inline-flex min-h-11 items-center text-brand-800 underline aria-[current=true]:font-bold aria-[current=true]:no-underline">
              {t(`languages.${l}`)}
            </Link>
          ))}
        </nav>
        {canEditTemplates && (
          <Link href={language === "EN" ? "/portal/kegiatan/pesan-whatsapp?bahasa=en" : "/portal/kegiatan/pesan-whatsapp"} className="inline-flex min-h-11 items-center text-brand-800 underline">
            {t("editTemplates")}
          </Link>
        )}
      </div>

      {status === "CANCELLED" && <p>{t("cancelled")}</p>}
      {status !== "CANCELLED" && messages.kinds.length === 0 && <p>{t("followUpLater")}</p>}
      {messages.kinds.includes("INVITATION") && !messages.kinds.includes("REMINDER") && (
        <p className="text-sm text-slate-700">{t("reminderFrom", { date: formatDateTimeInZone(messages.reminderFrom, timeZone, locale) })}</p>
      )}

      {messages.messages.map((m) => {
        const kind = t(`kinds.${m.kind}`);
        const textId = `wa-text-${m.kind}`;
        return (
          <div key={m.kind} className="space-y-3 border-t border-slate-200 pt-3" data-testid={`wa-${m.kind}`}>
            <h3 className="font-semibold">{kind}</h3>
            <div className="space-y-1">
              <label htmlFor={textId} className="block text-sm font-medium">
                {t("groupText", { kind })}
              </label>
              <textarea id={textId} readOnly rows={7} value={m.groupText} className={cn(CONTROL, "text-sm")} />
              <div className="flex flex-wrap items-start gap-2">
                <CopyButton text={m.groupText} />
                <a href={m.groupLink} target="_blank" rel="noopener noreferrer" className={buttonClass("secondary")}>
                  {t("openGroup")}
                </a>
              </div>
            </div>
            <h4 className="text-sm font-semibold">{t("recipientsTitle")}</h4>
            {m.recipients.length === 0 ? (
              <p className="text-sm">{t("noContacts")}</p>
            ) : (
              <ul className="space-y-1">
                {m.recipients.map((r) => (
                  <li key={r.id}>
                    <a href={r.link} target="_blank" rel="noopener noreferrer" data-testid="wa-link" className="inline-flex min-h-11 items-center text-brand-800 underline">
                      {t("sendTo", { kind: t(`kindShort.${m.kind}`), name: r.name, village: r.villageName })}
                    </a>{" "}
                    <span className="text-sm whitespace-nowrap text-slate-700">{formatIndonesianPhone(r.phone)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {messages.withoutWhatsapp > 0 && messages.messages.length > 0 && <p className="text-sm text-slate-700">{t("withoutWhatsapp", { count: messages.withoutWhatsapp })}</p>}
    </section>
  );
}
