import type { Metadata } from "next";
import idMessages from "@/lib/i18n/messages/id/public.json";
import enMessages from "@/lib/i18n/messages/en/public.json";
import "./globals.css";

export const metadata: Metadata = { title: idMessages.public.notFound.title, robots: { index: false } };

/** Any URL no route matches. It renders outside every layout, so it stands alone, in both languages. */
export default function GlobalNotFound() {
  const id = idMessages.public.notFound;
  const en = enMessages.public.notFound;
  return (
    <html lang="id">
      <body>
        <main id="main" className="not-found">
          <h1>{id.title}</h1>
          <p>{id.body}</p>
          <p lang="en">
            {en.title}. {en.body}
          </p>
          <p>
            <a href="/">{id.back}</a> · <a href="/en" lang="en">{en.back}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
