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
      <body className="min-h-dvh font-sans">
        <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
          <h1 className="text-2xl font-bold">{id.title}</h1>
          <p className="mt-2 text-slate-700">{id.body}</p>
          <p className="mt-6 text-slate-700" lang="en">
            {en.title}. {en.body}
          </p>
          <p className="mt-6">
            <a href="/">{id.back}</a> · <a href="/en" lang="en">{en.back}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
