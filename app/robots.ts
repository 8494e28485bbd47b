import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/features/site/paths";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/portal", "/masuk", "/api", "/materi/cari", "/en/materi/cari", "/bench-baseline"] },
    sitemap: siteUrl("/sitemap.xml"),
  };
}
