import type { MetadataRoute } from "next";
import { materialPath, publicPath, siteUrl, villagePath } from "@/lib/features/site/paths";
import { findAllPublishedMaterials, findPublicVillages } from "@/lib/features/site/queries";

// Rendered per request from the data cache (queries cached five minutes): no database at build.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [materials, villages] = await Promise.all([findAllPublishedMaterials(), findPublicVillages()]);
  const both = (path: string): MetadataRoute.Sitemap[number] => ({
    url: siteUrl(publicPath("id", path)),
    alternates: { languages: { id: siteUrl(publicPath("id", path)), en: siteUrl(publicPath("en", path)) } },
  });
  return [
    ...["/", "/materi", "/panduan", "/perjalanan", "/agensi", "/desa"].map(both),
    ...materials.map((m) => ({ url: siteUrl(materialPath(m.language, m.slug)), lastModified: m.updatedAt })),
    ...villages.map((v) => ({
      url: siteUrl(villagePath("id", v.code)),
      alternates: { languages: { id: siteUrl(villagePath("id", v.code)), en: siteUrl(villagePath("en", v.code)) } },
    })),
  ];
}
