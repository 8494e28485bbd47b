import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function PublicHomePage() {
  const t = await getTranslations("public");
  return (
    <>
      <section className="bg-brand-700 text-white">
        <div className="mx-auto max-w-5xl px-4 py-10 sm:py-14">
          <h1 className="text-3xl font-bold sm:text-4xl">{t("heroTitle")}</h1>
          <p className="mt-4 max-w-2xl text-lg text-brand-50">{t("heroLead")}</p>
        </div>
      </section>
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 sm:grid-cols-3">
        <section>
          <h2 className="text-xl font-semibold">{t("whatTitle")}</h2>
          <p className="mt-2 text-slate-700">{t("whatBody")}</p>
        </section>
        <section>
          <h2 className="text-xl font-semibold">{t("safeTitle")}</h2>
          <p className="mt-2 text-slate-700">{t("safeBody")}</p>
        </section>
        <section>
          <h2 className="text-xl font-semibold">{t("hotlineTitle")}</h2>
          <p className="mt-2 text-slate-700">{t("hotlineBody")}</p>
          <p className="mt-4">
            <Link href="/masuk" className="font-semibold">
              {t("staffSignIn")}
            </Link>
          </p>
        </section>
      </div>
    </>
  );
}
