import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { countUnreadNotifications, UNREAD_CAP } from "@/lib/features/notifications/queries";

/**
 * The inbox link in the portal's header with the unread count. Its own async component with its
 * own single statement (one index range, capped at UNREAD_CAP), so the shell renders around it
 * (the layout wraps it in Suspense) and nothing else in the shell depends on it.
 */
export async function NotificationLink({ userId }: { userId: string }) {
  const [count, t] = await Promise.all([countUnreadNotifications(userId), getTranslations("notifications")]);
  return <InboxLink label={t("navUnread", { count })} text={t("nav")} count={count} testId="notification-link" />;
}

/** The link alone, without the count: the fallback while it loads. */
export async function NotificationLinkPending() {
  const t = await getTranslations("notifications");
  // Its own test id: while the count streams in, the fallback and the link are both in the page.
  return <InboxLink label={t("nav")} text={t("nav")} count={0} testId="notification-link-pending" />;
}

function InboxLink({ label, text, count, testId }: { label: string; text: string; count: number; testId: string }) {
  return (
    <Link
      href="/portal/notifikasi"
      className="inline-flex min-h-11 items-center gap-1 px-2 py-2 text-sm text-white no-underline hover:bg-brand-700"
      data-testid={testId}
    >
      {text}
      {count > 0 && (
        <>
          <span aria-hidden="true" className="rounded-full bg-amber-300 px-2 text-xs font-bold text-slate-900" data-testid="unread-count">
            {count >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : count}
          </span>
          <span className="sr-only">({label})</span>
        </>
      )}
    </Link>
  );
}
