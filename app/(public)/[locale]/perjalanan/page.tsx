import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { renderMarkdown } from "@/lib/features/materials/markdown";
import { JOURNEY_STAGE_VALUES } from "@/lib/features/materials/schemas";
import { languageOf, materialPath, pageAlternates, publicPath } from "@/lib/features/site/paths";
import { findJourneyMaterials } from "@/lib/features/site/queries";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";

export const revalidate = 300;

/** A body's headings two levels down: on this page they sit under the stage (h2) and the material (h3). */
const nested = (html: string) => html.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}`);

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "journey" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: pageAlternates(publicPath(locale, "/perjalanan"), { id: "/perjalanan", en: "/en/perjalanan" }),
    openGraph: { title: t("title"), description: t("lead") },
  };
}

/**
 * The journey (issue 18): guidance by stage, from thinking of going to coming home. The stages
 * and their one-line descriptions are the page's frame; the guidance itself is material that
 * offices write and improve in the portal (a stage chosen in the editor), so it is not here.
 */
export default async function JourneyPage({ params }: { params: LocaleParams }) {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "journey" });
  const materials = await findJourneyMaterials(languageOf(locale));
  return (
    <PublicShell locale={locale} alternate={publicPath(locale === "id" ? "en" : "id", "/perjalanan")}>
      <div className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-3 text-lg text-slate-700">{t("lead")}</p>
        <nav aria-label={t("toc")} className="no-print mt-4">
          <ol className="list-decimal pl-6">
            {JOURNEY_STAGE_VALUES.map((stage) => (
              <li key={stage}>
                <a href={`#${stage.toLowerCase()}`}>{t(`stages.${stage}.name`)}</a>
              </li>
            ))}
          </ol>
        </nav>
        {JOURNEY_STAGE_VALUES.map((stage, i) => {
          const here = materials.filter((m) => m.journeyStage === stage);
          const id = stage.toLowerCase();
          return (
            <section key={stage} id={id} aria-labelledby={`${id}-title`} className="mt-10" data-testid={`journey-${id}`}>
              <h2 id={`${id}-title`} className="text-2xl font-semibold">
                {t("stageHeading", { number: i + 1, name: t(`stages.${stage}.name`) })}
              </h2>
              <p className="mt-2 text-lg text-slate-700">{t(`stages.${stage}.lead`)}</p>
              {here.length === 0 ? (
                // The link on a line of its own: inside the sentence it would have to be told apart by more than colour.
                <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
                  <p>{t("stageEmpty")}</p>
                  <p className="mt-1">
                    <a href={publicPath(locale, "/panduan")}>{t("guideLink")}</a>
                  </p>
                </div>
              ) : (
                here.map((m) => (
                  <article key={m.slug} className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
                    <h3 className="text-xl font-semibold">{m.title}</h3>
                    {m.office && <p className="text-sm text-slate-700">{m.office.name}</p>}
                    {/* Sanitised by renderMarkdown (lib/features/materials/markdown.ts). */}
                    <div className="prose-material mt-2" dangerouslySetInnerHTML={{ __html: nested(renderMarkdown(m.body)) }} />
                    <p className="mt-2">
                      <a href={materialPath(languageOf(locale), m.slug)}>{t("readMaterial", { title: m.title })}</a>
                    </p>
                  </article>
                ))
              )}
            </section>
          );
        })}
        <section aria-labelledby="journey-help" className="mt-10 rounded-lg border border-brand-800 p-4">
          <h2 id="journey-help" className="text-2xl font-semibold">
            {t("helpTitle")}
          </h2>
          <ul className="mt-3 list-disc space-y-2 pl-6 text-lg">
            <li>
              <a href={publicPath(locale, "/agensi")}>{t("checkAgency")}</a>
            </li>
            <li>
              <a href={`${publicPath(locale, "/panduan")}#kontak`}>{t("contacts")}</a>
            </li>
            <li>
              <a href={publicPath(locale, "/lapor")}>{t("report")}</a>
            </li>
          </ul>
        </section>
      </div>
    </PublicShell>
  );
}
