import { CookieLocaleDocument, cookieLocaleMetadata } from "@/components/layout/cookie-locale-document";
import { documentViewport } from "@/components/layout/document";

export const generateMetadata = cookieLocaleMetadata;
export const viewport = documentViewport;

/** Root shell of the public check-in page opened from a session's QR code (no sign-in). */
export default function CheckInLayout({ children }: { children: React.ReactNode }) {
  // The page is all main content: the skip link's target and the landmark axe asks for.
  return (
    <CookieLocaleDocument>
      <main id="main">{children}</main>
    </CookieLocaleDocument>
  );
}
