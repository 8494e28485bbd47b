import enMessages from "@/lib/i18n/messages/en/public.json";
import idMessages from "@/lib/i18n/messages/id/public.json";

/**
 * The not-found boundary of the (public) group itself. Next puts one above the root layouts of
 * a top-level route group and serialises it into the RSC payload of every page of the group;
 * its built-in one weighs about 1 KB per page. It could only show if a public root layout
 * called notFound(), which none does: a page's 404 uses [locale]/not-found.tsx or
 * (id)/not-found.tsx, an unmatched URL app/global-not-found.tsx. So it is kept to one line.
 */
export default function PublicGroupNotFound() {
  return (
    <p>
      {idMessages.public.notFound.title}. <span lang="en">{enMessages.public.notFound.title}.</span>
    </p>
  );
}
