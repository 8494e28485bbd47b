import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { formatDateTimeInZone, formatNumber } from "@/lib/dates";
import { languageOf, pageAlternates, publicPath } from "@/lib/features/site/paths";
import { findLatestMaterials, findUpcomingPublicEvents, getSiteFigures } from "@/lib/features/site/queries";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { MaterialList } from "@/app/(public)/_components/material-list";
import { PublicShell } from "@/app/(public)/_components/public-shell";

export const revalidate = 300;

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public" });
  return {
    description: t("meta.homeDescription"),
    alternates: pageAlternates(publicPath(locale, "/"), { id: "/", en: "/en" }),
    openGraph: { title: t("home.heroTitle"), description: t("meta.homeDescription"), type: "website" },
  };
}

export default async function PublicHomePage({ params }: { params: LocaleParams }) {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public" });
  const [figures, latest, upcoming] = await Promise.all([
    getSiteFigures(),
    findLatestMaterials(languageOf(locale), 4),
    findUpcomingPublicEvents(5),
  ]);
  return (
    <PublicShell locale={locale} alternate={publicPath(locale === "id" ? "en" : "id", "/")}>
      <section className="bg-brand-700 text-white">
        <div className="mx-auto max-w-5xl px-4 py-8 sm:py-12">
          <h1 className="text-3xl font-bold sm:text-4xl">{t("home.heroTitle")}</h1>
          <p className="mt-4 max-w-2xl text-lg text-brand-50">{t("home.heroLead")}</p>
          <p className="mt-6">
            <a
              href={publicPath(locale, "/panduan")}
              className="inline-block min-h-11 rounded-md bg-white px-4 py-3 font-semibold text-brand-800 no-underline"
            >
              {t("home.ctaGuide")}
            </a>
          </p>
        </div>
      </section>
      <div className="mx-auto max-w-5xl space-y-10 px-4 py-8">
        <section aria-labelledby="figures">
          <h2 id="figures" className="text-xl font-semibold">
            {t("home.figuresTitle")}
          </h2>
          <dl className="mt-3 grid grid-cols-3 gap-3 text-center">
            {(
              [
                ["figureVillages", figures.villages],
                ["figureSessions", figures.sessionsHeld],
                ["figurePeople", figures.peopleReached],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="flex flex-col-reverse rounded-lg border border-slate-200 bg-white p-3">
                <dt className="text-sm text-slate-700">{t(`home.${key}`)}</dt>
                <dd className="text-2xl font-bold text-brand-800 sm:text-3xl" data-testid={key}>
                  {formatNumber(value, locale)}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-sm text-slate-600">{t("home.figuresNote")}</p>
        </section>
        <section aria-labelledby="what">
          <h2 id="what" className="text-xl font-semibold">
            {t("home.whatTitle")}
          </h2>
          <p className="mt-2 max-w-3xl text-slate-700">{t("home.whatBody")}</p>
        </section>
        <section aria-labelledby="latest">
          <h2 id="latest" className="text-xl font-semibold">
            {t("home.latestTitle")}
          </h2>
          <div className="mt-3">
            <MaterialList locale={locale} materials={latest} />
          </div>
          <p className="mt-3">
            <a href={publicPath(locale, "/materi")} className="font-semibold">
              {t("home.allMaterials")}
            </a>
          </p>
        </section>
        <section aria-labelledby="upcoming">
          <h2 id="upcoming" className="text-xl font-semibold">
            {t("home.upcomingTitle")}
          </h2>
          {upcoming.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("home.noUpcoming")}</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {upcoming.map((e) => (
                <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <p className="text-sm font-medium text-brand-700">{t(`eventTypes.${e.type}`)}</p>
                  <p className="font-semibold">{e.title}</p>
                  <p className="text-slate-700">
                    {formatDateTimeInZone(e.startsAt, e.timeZone, locale)} · {e.venueName}
                  </p>
                  <p className="text-sm text-slate-600">{e.office.name}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="help" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="help" className="text-xl font-semibold">
            {t("home.helpTitle")}
          </h2>
          <p className="mt-2 text-slate-800">{t("home.helpBody")}</p>
          <p className="mt-2">
            <a href="tel:08001000" className="inline-block min-h-11 rounded-md bg-brand-800 px-4 py-3 font-semibold text-white no-underline">
              {t("home.helpCall")}
            </a>
          </p>
          <p className="mt-2">
            <a href={`${publicPath(locale, "/panduan")}#kontak`} className="font-semibold">
              {t("home.helpLink")}
            </a>
          </p>
        </section>
      </div>
    </PublicShell>
  );
}
