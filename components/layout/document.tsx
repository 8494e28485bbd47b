import type { Viewport } from "next";
import "@/app/globals.css";

export const documentViewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#17467f" };

/**
 * The <html> shell shared by the root layouts: (public)/[locale] and (public)/(id) (static,
 * locale from the URL), (auth) and (portal) (dynamic, locale from the cookie). See docs/decisions/0008.
 */
export function Document({ locale, skipLabel, children }: { locale: string; skipLabel: string; children: React.ReactNode }) {
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {skipLabel}
        </a>
        {children}
      </body>
    </html>
  );
}
