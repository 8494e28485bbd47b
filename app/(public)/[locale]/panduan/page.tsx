import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageAlternates, publicPath } from "@/lib/features/site/paths";
import { findOfficeDirectory } from "@/lib/features/site/queries";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";

export const revalidate = 300;

const HOTLINES = ["kp2mi", "bp3mi", "disnaker", "imigrasi", "police", "sapa"] as const;

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public" });
  return {
    title: t("guide.title"),
    description: t("meta.guideDescription"),
    alternates: pageAlternates(publicPath(locale, "/panduan"), { id: "/panduan", en: "/en/panduan" }),
    openGraph: { title: t("guide.title"), description: t("meta.guideDescription") },
  };
}

export default async function GuidePage({ params }: { params: LocaleParams }) {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public.guide" });
  const offices = await findOfficeDirectory();
  const list = (key: string) => t.raw(key) as string[];
  const sections = [
    ["siap", "checklistTitle"],
    ["waspada", "warningTitle"],
    ["paspor", "passportTitle"],
    ["kontak", "hotlinesTitle"],
  ] as const;
  return (
    <PublicShell locale={locale} alternate={publicPath(locale === "id" ? "en" : "id", "/panduan")}>
      <div className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-3 text-lg text-slate-700">{t("lead")}</p>
        <nav aria-label={t("toc")} className="no-print mt-4">
          <ul className="list-disc pl-6">
            {sections.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>

        <section id="siap" aria-labelledby="siap-title" className="mt-8">
          <h2 id="siap-title" className="text-2xl font-semibold">
            {t("checklistTitle")}
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-6 text-lg">
            {list("checklist").map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
        </section>

        <section id="waspada" aria-labelledby="waspada-title" className="mt-10 rounded-lg border border-red-300 bg-red-50 p-4">
          <h2 id="waspada-title" className="text-2xl font-semibold text-red-900">
            {t("warningTitle")}
          </h2>
          <ul className="mt-3 list-disc space-y-2 pl-6 text-lg">
            {list("warnings").map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p className="mt-4 font-semibold">{t("warningAction")}</p>
        </section>

        <section id="paspor" aria-labelledby="paspor-title" className="mt-10">
          <h2 id="paspor-title" className="text-2xl font-semibold">
            {t("passportTitle")}
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-6 text-lg">
            {list("passportSteps").map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
          <p className="mt-3 font-semibold">{t("passportNote")}</p>
        </section>

        <section id="kontak" aria-labelledby="kontak-title" className="mt-10">
          <h2 id="kontak-title" className="text-2xl font-semibold">
            {t("hotlinesTitle")}
          </h2>
          <p className="mt-2 text-slate-700">{t("hotlinesLead")}</p>
          <ul className="mt-3 space-y-3">
            {HOTLINES.map((key) => (
              <li key={key} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="font-semibold">{t(`hotlines.${key}.name`)}</p>
                <p className="text-slate-800">{t(`hotlines.${key}.detail`)}</p>
              </li>
            ))}
          </ul>
          <h3 className="mt-8 text-xl font-semibold">{t("officesTitle")}</h3>
          <ul className="mt-3 space-y-3">
            {offices.map((o) => (
              <li key={o.slug} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="font-semibold">{o.name}</p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-slate-800">
                  {o.address && (
                    <>
                      <dt className="text-slate-600">{t("officeAddress")}</dt>
                      <dd>{o.address}</dd>
                    </>
                  )}
                  {o.phone && (
                    <>
                      <dt className="text-slate-600">{t("officePhone")}</dt>
                      <dd>
                        <a href={`tel:${o.phone.replace(/[^\d+]/g, "")}`}>{o.phone}</a>
                      </dd>
                    </>
                  )}
                  {o.email && (
                    <>
                      <dt className="text-slate-600">{t("officeEmail")}</dt>
                      <dd>
                        <a href={`mailto:${o.email}`}>{o.email}</a>
                      </dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </PublicShell>
  );
}
