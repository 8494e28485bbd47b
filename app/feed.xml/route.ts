import { markdownToText } from "@/lib/features/materials/markdown";
import { materialPath, siteUrl } from "@/lib/features/site/paths";
import { findAllPublishedMaterials } from "@/lib/features/site/queries";
import { loadMessages } from "@/lib/i18n/catalogue";

// Rendered per request from the data cache (the query is cached for five minutes), so the
// build needs no database; readers' caches and proxies may keep it for five minutes too.
export const dynamic = "force-dynamic";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** An Atom feed of published materials, both languages, newest first. */
export async function GET() {
  const materials = (await findAllPublishedMaterials()).slice(0, 50);
  const messages = (await loadMessages("id")) as { public: { meta: { feedTitle: string } } };
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
    <summary>${escapeXml(m.summary ?? markdownToText(m.body))}</summary>
  </entry>`;
    })
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>${escapeXml(siteUrl("/feed.xml"))}</id>
  <title>${escapeXml(messages.public.meta.feedTitle)}</title>
  <link rel="self" href="${escapeXml(siteUrl("/feed.xml"))}"/>
  <link rel="alternate" href="${escapeXml(siteUrl("/materi"))}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
