import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** The one query parameter every paged list uses for its page number. */
export const PAGE_PARAM = "page";

/**
 * Previous / "page x of y" / next under a paged list; nothing when there is one page. `href`
 * builds a page's URL (keeping the list's filters). Plain links: works without JavaScript.
 */
export async function Pager({
  page,
  pageCount,
  href,
  locale,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  /** given inside a cached section, which reads no cookie (docs/decisions/0021) */
  locale?: string;
}) {
  if (pageCount <= 1) return null;
  const t = locale ? await getTranslations({ locale, namespace: "pager" }) : await getTranslations("pager");
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} className={buttonClass("secondary", "no-underline")} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm">{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={buttonClass("secondary", "no-underline")} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
