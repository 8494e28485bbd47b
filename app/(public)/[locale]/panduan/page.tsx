import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageAlternates, publicPath } from "@/lib/features/site/paths";
import { findOfficeDirectory } from "@/lib/features/site/queries";
import { normalizeIndonesianPhone, whatsappChatLink } from "@/lib/phone";
import { OfficeCard, telHref } from "@/app/(public)/_components/office-card";
import { OfficeSearchForm } from "@/app/(public)/_components/office-search-form";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";

export const revalidate = 300;

/**
 * Official lines, each number a link to tap (tel: for calls, wa.me for WhatsApp): the people
 * who need them read on a phone. The numbers are public service numbers, not personal data.
 */
type Hotline = { key: "kp2mi" | "bp3mi" | "disnaker" | "imigrasi" | "police" | "sapa"; call?: string; whatsapp?: string };
const HOTLINES: readonly Hotline[] = [
  { key: "kp2mi", call: "0800-1000" },
  { key: "bp3mi" },
  { key: "disnaker" },
  { key: "imigrasi" },
  { key: "police", call: "110" },
  { key: "sapa", call: "129", whatsapp: "08111-129-129" },
];

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
  const journey = await getTranslations({ locale, namespace: "journey" });
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
        <p className="mt-3 text-lg">
          <a href={publicPath(locale, "/perjalanan")}>{journey("guideTeaser")}</a>
        </p>
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
            {HOTLINES.map((line) => (
              <li key={line.key} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="font-semibold">{t(`hotlines.${line.key}.name`)}</p>
                <p className="text-slate-800">{t(`hotlines.${line.key}.detail`)}</p>
                {(line.call || line.whatsapp) && (
                  <p className="mt-2 flex flex-wrap gap-2">
                    {line.call && (
                      <a href={telHref(line.call)} className="inline-block min-h-11 rounded-md bg-brand-800 px-4 py-3 font-semibold text-white no-underline">
                        {t("call", { number: line.call })}
                      </a>
                    )}
                    {line.whatsapp && (
                      <a
                        href={whatsappChatLink(normalizeIndonesianPhone(line.whatsapp)!)}
                        className="inline-block min-h-11 rounded-md border border-brand-800 px-4 py-3 font-semibold text-brand-800 no-underline"
                      >
                        {t("whatsapp", { number: line.whatsapp })}
                      </a>
                    )}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <h3 id="kantor" className="mt-8 text-xl font-semibold">
            {t("officesTitle")}
          </h3>
          <OfficeSearchForm locale={locale} />
          <ul className="mt-3 space-y-3">
            {offices.map((o) => (
              <li key={o.slug}>
                <OfficeCard locale={locale} office={o} headingLevel={4} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </PublicShell>
  );
}
