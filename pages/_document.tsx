import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";

/**
 * The document of the Pages Router's pages, the material pages (docs/decisions/0032). Their
 * language is in the URL, so it comes from the page's props, as app/(public)/[locale]/layout.tsx
 * takes it from the URL segment.
 */
export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  const locale = __NEXT_DATA__.props?.pageProps?.locale === "en" ? "en" : "id";
  return (
    <Html lang={locale}>
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
