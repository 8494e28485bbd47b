import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageAlternates, publicPath, villagePath } from "@/lib/features/site/paths";
import { findPublicVillage } from "@/lib/features/site/queries";
import { localeFrom, noBuildTimeParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";

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
        <p className="mt-8">
          <a href={publicPath(locale, "/desa")}>
            {t("villages.backToList")}
          </a>
        </p>
      </div>
    </PublicShell>
  );
}
