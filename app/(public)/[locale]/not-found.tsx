import { getTranslations } from "next-intl/server";

// Not-found pages get no params: answer in both languages. Next serialises this element into
// every public page's RSC payload, hence the short markup (app/globals.css).
export default async function PublicNotFound() {
  const [id, en] = await Promise.all([
    getTranslations({ locale: "id", namespace: "public.notFound" }),
    getTranslations({ locale: "en", namespace: "public.notFound" }),
  ]);
  return (
    <main id="main" className="not-found">
      <h1>{id("title")}</h1>
      <p>{id("body")}</p>
      <p lang="en">
        {en("title")}. {en("body")}
      </p>
      <p>
        <a href="/">{id("back")}</a> · <a href="/en" lang="en">{en("back")}</a>
      </p>
    </main>
  );
}
