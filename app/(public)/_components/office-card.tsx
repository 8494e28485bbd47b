import { getTranslations } from "next-intl/server";
import { officeFeedPath } from "@/lib/features/site/paths";
import type { OfficeContact } from "@/lib/features/site/queries";
import type { Locale } from "@/lib/i18n/config";

/** A phone number as a tel: URI (digits and a leading +), from the way an office writes it. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/**
 * An immigration office's contact card (issue 18): address, a phone to tap, email, service hours
 * and the regencies it serves. The same card in the guide's directory and on a village profile.
 */
export async function OfficeCard({ locale, office, headingLevel = 3 }: { locale: Locale; office: OfficeContact; headingLevel?: 2 | 3 | 4 }) {
  const t = await getTranslations({ locale, namespace: "public.guide" });
  const Heading = (["h2", "h3", "h4"] as const)[headingLevel - 2]!;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="office-card">
      <Heading className="text-lg font-semibold">{office.name}</Heading>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-800">
        {office.address && (
          <>
            <dt className="text-slate-600">{t("officeAddress")}</dt>
            <dd>{office.address}</dd>
          </>
        )}
        {office.phone && (
          <>
            <dt className="text-slate-600">{t("officePhone")}</dt>
            <dd>
              <a href={telHref(office.phone)} className="inline-block min-h-11 py-2 font-semibold">
                {office.phone}
              </a>
            </dd>
          </>
        )}
        {office.email && (
          <>
            <dt className="text-slate-600">{t("officeEmail")}</dt>
            <dd>
              <a href={`mailto:${office.email}`} className="inline-block min-h-11 py-2 break-all">
                {office.email}
              </a>
            </dd>
          </>
        )}
        {office.serviceHours && (
          <>
            <dt className="text-slate-600">{t("officeHours")}</dt>
            <dd>{office.serviceHours}</dd>
          </>
        )}
        <dt className="text-slate-600">{t("officeWorkArea")}</dt>
        <dd>{office.workArea.length > 0 ? office.workArea.join(", ") : office.province}</dd>
      </dl>
      {!office.phone && !office.address && <p className="mt-2 text-sm text-slate-700">{t("officeNoContact")}</p>}
      <p className="mt-1 text-sm">
        <a href={officeFeedPath(office.slug)} className="inline-block min-h-6 py-1">
          {t("officeFeed")}
        </a>
      </p>
    </div>
  );
}
