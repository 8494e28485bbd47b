import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageAlternates, publicPath, siteUrl, villagePath } from "@/lib/features/site/paths";
import { findOfficeContact, findPublicVillage } from "@/lib/features/site/queries";
import { OfficeCard } from "@/app/(public)/_components/office-card";
import { localeFrom, noBuildTimeParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import type { Locale } from "@/lib/i18n/config";

export const revalidate = 300;
export const generateStaticParams = noBuildTimeParams;

type Params = Promise<{ locale?: string; code: string }>;

async function load(params: Params) {
  const locale = await localeFrom(params);
  const code = decodeURIComponent((await params).code);
  // Kemendagri village codes: 33.14.09.2005
  if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) notFound();
  const village = await findPublicVillage(code);
  if (!village) notFound();
  return { locale, village };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, village } = await load(params);
  const t = await getTranslations({ locale, namespace: "public" });
  return {
    title: `${village.name}, ${village.regency}`,
    description: `${t("villages.profileLead", { office: village.officeName })} ${t(`stages.${village.stage}`)}.`,
    alternates: pageAlternates(villagePath(locale, village.code), { id: villagePath("id", village.code), en: villagePath("en", village.code) }),
  };
}

export default async function VillageProfilePage({ params }: { params: Params }) {
  const { locale, village } = await load(params);
  const t = await getTranslations({ locale, namespace: "public" });
  const tip = await getTranslations({ locale, namespace: "tip.nav" });
  const office = await findOfficeContact(village.officeSlug);
  const figure = "flex flex-col-reverse rounded-lg border border-slate-200 bg-white p-3";
  return (
    <PublicShell locale={locale} alternate={villagePath(locale === "id" ? "en" : "id", village.code)}>
      <div className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">{village.name}</h1>
        <p className="mt-1 text-lg text-slate-700">
          {village.district}, {village.regency}, {village.province}
        </p>
        <p className="mt-2 text-slate-700">{t("villages.profileLead", { office: village.officeName })}</p>
        <dl className="mt-6 grid gap-3 sm:grid-cols-3">
          <div className={figure}>
            <dt className="text-sm text-slate-700">{t("villages.stage")}</dt>
            <dd className="text-xl font-bold text-brand-800" data-testid="village-stage">
              {t(`stages.${village.stage}`)}
            </dd>
          </div>
          <div className={figure}>
            <dt className="text-sm text-slate-700">{t("villages.sessionsHeld")}</dt>
            <dd className="text-2xl font-bold text-brand-800" data-testid="village-sessions">
              {village.sessionsHeld}
            </dd>
          </div>
          <div className={figure}>
            <dt className="text-sm text-slate-700">{t("villages.peopleReached")}</dt>
            <dd className="text-2xl font-bold text-brand-800" data-testid="village-people">
              {village.peopleReached}
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-sm text-slate-600">{t("villages.peopleNote")}</p>
        <p className="mt-6">
          <a href={`${publicPath(locale, "/lapor")}?desa=${village.code}`}>{tip("reportVillage")}</a>
        </p>
        {office && (
          <section aria-labelledby="office-title" className="mt-8">
            <h2 id="office-title" className="text-xl font-semibold">
              {t("guide.villageOffice")}
            </h2>
            <div className="mt-3">
              <OfficeCard locale={locale} office={office} headingLevel={3} />
            </div>
          </section>
        )}
        <EmbedSnippets locale={locale} code={village.code} name={village.name} stageLabel={t(`stages.${village.stage}`)} />
        <p className="mt-8">
          <a href={publicPath(locale, "/desa")}>
            {t("villages.backToList")}
          </a>
        </p>
      </div>
    </PublicShell>
  );
}

/**
 * The snippets a village website copies (issue 18): the widget in an iframe, the badge as an
 * image linking here, the open data URL. Read-only text areas: a long press selects them on a phone.
 */
async function EmbedSnippets({ locale, code, name, stageLabel }: { locale: Locale; code: string; name: string; stageLabel: string }) {
  const t = await getTranslations({ locale, namespace: "public.widget" });
  const profile = siteUrl(villagePath("id", code));
  const badge = siteUrl(`/desa/${code}/lencana.svg`);
  const alt = t("badgeAlt", { village: name, stage: stageLabel });
  const snippets = [
    ["embed-widget", t("embedWidget"), `<iframe src="${siteUrl(`/desa/${code}/widget`)}" title="${alt}" width="100%" height="380" style="border:0" loading="lazy"></iframe>`],
    ["embed-badge", t("embedBadge"), `<a href="${profile}"><img src="${badge}" alt="${alt}"></a>`],
    ["embed-api", t("embedApi"), siteUrl(`/api/publik/v1/desa/${code}`)],
  ] as const;
  return (
    <section aria-labelledby="embed-title" className="mt-10 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="embed-title" className="text-xl font-semibold">
        {t("embedTitle")}
      </h2>
      <p className="mt-2 text-slate-700">{t("embedLead")}</p>
      <p className="mt-3">
        <a href={`/desa/${code}/widget`}>
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG badge of our own, 20 px high */}
          <img src={`/desa/${code}/lencana.svg`} alt={alt} height={20} />
        </a>
      </p>
      {snippets.map(([id, label, value]) => (
        <div key={id} className="mt-3">
          <label htmlFor={id} className="block text-sm font-semibold">
            {label}
          </label>
          <textarea id={id} readOnly rows={id === "embed-api" ? 1 : 3} defaultValue={value} className="mt-1 w-full rounded-md border border-slate-400 p-2 font-mono text-xs" />
        </div>
      ))}
    </section>
  );
}
