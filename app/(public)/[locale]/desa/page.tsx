import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageAlternates, publicPath, villagePath } from "@/lib/features/site/paths";
import { findPublicVillages } from "@/lib/features/site/queries";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";

export const revalidate = 300;

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public" });
  return {
    title: t("villages.title"),
    description: t("meta.villagesDescription"),
    alternates: pageAlternates(publicPath(locale, "/desa"), { id: "/desa", en: "/en/desa" }),
  };
}

export default async function VillagesPage({ params }: { params: LocaleParams }) {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public" });
  const villages = await findPublicVillages();
  return (
    <PublicShell locale={locale} alternate={publicPath(locale === "id" ? "en" : "id", "/desa")}>
      <div className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-3xl font-bold">{t("villages.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("villages.lead")}</p>
        <p className="mt-2 font-semibold">{t("villages.count", { count: villages.length })}</p>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2">
          {villages.map((v) => (
            <li key={v.code} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <a href={villagePath(locale, v.code)}>
                  {v.name}
                </a>
              </h2>
              <p className="text-slate-700">
                {v.district}, {v.regency}, {v.province}
              </p>
              <p className="mt-1 text-sm text-slate-700">
                {t("villages.stage")}: <strong>{t(`stages.${v.stage}`)}</strong> · {v.officeName}
              </p>
              <p className="text-sm text-slate-700">
                {t("villages.sessionsHeld")}: {v.sessionsHeld} · {t("villages.peopleReached")}: {v.peopleReached}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </PublicShell>
  );
}
