import Link from "next/link";
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
        <Link href="/" prefetch={false}>{id("back")}</Link> · <Link href="/en" prefetch={false} lang="en">{en("back")}</Link>
      </p>
    </main>
  );
}
