import Link from "next/link";
import { Suspense } from "react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { NotificationLink, NotificationLinkPending } from "@/components/layout/notification-link";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { navigationFor } from "@/lib/features/home/navigation";
import { requireUser } from "@/lib/server/auth/session";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // A password an administrator chose, or a second factor the role requires, comes first.
  if (user.pending) redirect("/akun");
  const t = await getTranslations();
  const items = navigationFor(user);
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-800 text-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link href="/portal" prefetch={false} className="py-2 text-lg font-bold text-white no-underline">
            {t("app.shortName")}
          </Link>
          <div className="flex flex-wrap items-center gap-1">
            <Suspense fallback={<NotificationLinkPending />}>
              <NotificationLink userId={user.id} />
            </Suspense>
            <Link href="/akun" prefetch={false} className="px-2 py-2 text-sm text-brand-100" data-testid="current-user">
              {user.name} · {t(`roles.${user.role}`)}
              <span className="sr-only"> ({t("nav.myAccount")})</span>
            </Link>
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
        <nav aria-label={t("nav.mainMenu")} className="border-t border-brand-700">
          {/* Wraps rather than scrolls: on a phone every entry stays in sight (a scroller cut them off). */}
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 sm:px-4">
            {items.map((item) => (
              <li key={item.href}>
                {/* No prefetch: every portal page is rendered per request, and a menu in view
                    would ask the server for each of them on every page (docs/decisions/0021). */}
                <Link
                  href={item.href}
                  prefetch={false}
                  className="block min-h-11 whitespace-nowrap px-2 py-3 text-sm font-medium text-white no-underline hover:bg-brand-700 sm:px-3"
                >
                  {t(item.labelKey)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
