import type { AppProps } from "next/app";
// The same stylesheet as the App Router's pages (one file, one cache entry for the reader).
import "@/app/globals.css";

/** The Pages Router serves only the material pages (docs/decisions/0032). */
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
