import { routeMessage } from "@/lib/server/route";

/**
 * The web app manifest of the staff's offline attendance (ADR 0019), linked from that page only:
 * installed, it opens the sessions list, within /portal/ (the service worker's scope).
 */
export async function GET(request: Request): Promise<Response> {
  const manifest = {
    name: await routeMessage(request, "offline.appName"),
    short_name: await routeMessage(request, "offline.appShortName"),
    start_url: "/portal/kegiatan",
    scope: "/portal/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#17467f",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
  return Response.json(manifest, { headers: { "Content-Type": "application/manifest+json", "Cache-Control": "public, max-age=3600" } });
}
