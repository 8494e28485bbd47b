import { getTranslations } from "next-intl/server";

// Not-found pages get no params: answer in both languages.
export default async function PublicNotFound() {
  const [id, en] = await Promise.all([
    getTranslations({ locale: "id", namespace: "public.notFound" }),
    getTranslations({ locale: "en", namespace: "public.notFound" }),
  ]);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{id("title")}</h1>
      <p className="mt-2 text-slate-700">{id("body")}</p>
      <p className="mt-6 text-slate-700" lang="en">
        {en("title")}. {en("body")}
      </p>
      <p className="mt-6">
        <a href="/">{id("back")}</a> · <a href="/en" lang="en">{en("back")}</a>
      </p>
    </main>
  );
}
