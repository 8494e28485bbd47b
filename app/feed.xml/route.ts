import type { NextRequest } from "next/server";
import { markdownToText } from "@/lib/features/materials/markdown";
import { categoryFromSlug, categorySlug, materialPath, siteUrl } from "@/lib/features/site/paths";
import { findAllPublishedMaterials, findOfficeContact } from "@/lib/features/site/queries";
import { loadMessages } from "@/lib/i18n/catalogue";

// Rendered per request from the data cache (the query is cached for five minutes), so the
// build needs no database; readers' caches and proxies may keep it for five minutes too.
export const dynamic = "force-dynamic";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

type FeedMessages = { public: { meta: { feedTitle: string }; categories: Record<string, string> } };

/**
 * An Atom feed of published materials, both languages, newest first: all of them, or one
 * category (`?kategori=tppo`, the slug of /materi/kategori/<slug>) or one office's
 * (`?kantor=<office slug>`; issue 18). An unknown category or office is a 404.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const categoryParam = params.get("kategori");
  const officeParam = params.get("kantor");
  const category = categoryParam === null ? undefined : categoryFromSlug(categoryParam);
  if (categoryParam !== null && !category) return new Response("Not found", { status: 404 });
  const all = await findAllPublishedMaterials();
  const office = officeParam === null ? null : await findOfficeContact(officeParam.slice(0, 200));
  if (officeParam !== null && !office) return new Response("Not found", { status: 404 });
  const materials = all
    .filter((m) => (!category || m.category === category) && (officeParam === null || m.officeSlug === officeParam))
    .slice(0, 50);
  const messages = (await loadMessages("id")) as FeedMessages;
  const query = category ? `?kategori=${categorySlug(category)}` : officeParam !== null ? `?kantor=${encodeURIComponent(officeParam)}` : "";
  const self = siteUrl(`/feed.xml${query}`);
  const subtitle = category ? messages.public.categories[category] : office?.name;
  const title = subtitle ? `${messages.public.meta.feedTitle}: ${subtitle}` : messages.public.meta.feedTitle;
  const alternate = siteUrl(category ? `/materi/kategori/${categorySlug(category)}` : "/materi");
  const updated = materials[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = materials
    .map((m) => {
      const url = siteUrl(materialPath(m.language, m.slug));
      return `  <entry xml:lang="${m.language === "EN" ? "en" : "id"}">
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(m.title)}</title>
    <link rel="alternate" href="${escapeXml(url)}"/>
    <updated>${m.updatedAt}</updated>
    <published>${m.publishedAt}</published>
    <author><name>${escapeXml(m.officeName ?? "Direktorat Jenderal Imigrasi")}</name></author>
    <category term="${categorySlug(m.category)}" label="${escapeXml(messages.public.categories[m.category] ?? m.category)}"/>
    <summary>${escapeXml(m.summary ?? markdownToText(m.body))}</summary>
  </entry>`;
    })
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>${escapeXml(self)}</id>
  <title>${escapeXml(title)}</title>
  <link rel="self" href="${escapeXml(self)}"/>
  <link rel="alternate" href="${escapeXml(alternate)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
