import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { formatDateTimeInZone, WIB } from "@/lib/dates";
import { findNotifications } from "@/lib/features/notifications/queries";
import { notificationPageSchema } from "@/lib/features/notifications/schemas";
import { requireUser } from "@/lib/server/auth/session";
import { MarkReadButton } from "./_components/mark-read-button";

export const metadata: Metadata = { title: "Notifikasi" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The signed-in person's inbox: their own notifications, newest first, twenty a page. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filter = notificationPageSchema.parse({ page: first((await searchParams).page) });
  const list = await findNotifications(user, filter);
  const t = await getTranslations("notifications");
  const locale = await getLocale();
  const pageHref = (page: number) => `/portal/notifikasi${page > 1 ? `?page=${page}` : ""}`;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <p className="font-medium" role="status" data-testid="notification-total">
            {t("total", { count: list.total, unread: list.unread })}
          </p>
          {list.unread > 0 && <MarkReadButton />}
        </div>
        {list.rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t("title")}>
            {list.rows.map((n) => {
              const title = t(`kind.${n.kind}`, { reference: n.reference });
              const unread = n.readAt === null;
              return (
                <li key={n.id} className="flex flex-wrap items-start justify-between gap-2 py-3" data-testid="notification">
                  <div className="min-w-0 flex-1">
                    {unread && <span className="mr-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t("unreadMark")}</span>}
                    {n.href ? (
                      <Link href={n.href} className={unread ? "font-semibold" : undefined}>
                        {title}
                      </Link>
                    ) : (
                      <span className={unread ? "font-semibold" : undefined}>{title}</span>
                    )}
                    <span className="block text-sm text-slate-600">
                      <span className="sr-only">{t("when")}: </span>
                      <time dateTime={n.createdAt.toISOString()}>{formatDateTimeInZone(n.createdAt, WIB, locale)}</time>
                    </span>
                  </div>
                  {unread && <MarkReadButton id={n.id} reference={n.reference} />}
                </li>
              );
            })}
          </ul>
        )}
        <Pager page={list.page} pageCount={list.pageCount} href={pageHref} />
      </Card>
    </div>
  );
}
