import { CookieLocaleDocument, cookieLocaleMetadata } from "@/components/layout/cookie-locale-document";
import { documentViewport } from "@/components/layout/document";

export const generateMetadata = cookieLocaleMetadata;
export const viewport = documentViewport;

export default function PortalRootLayout({ children }: { children: React.ReactNode }) {
  return <CookieLocaleDocument>{children}</CookieLocaleDocument>;
}
