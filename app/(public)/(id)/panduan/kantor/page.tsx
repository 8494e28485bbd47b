// /panduan/kantor?wilayah= in Indonesian, served without a rewrite (docs/decisions/0008); per request.
export { default, generateMetadata } from "@/app/(public)/[locale]/panduan/kantor/page";
export const dynamic = "force-dynamic";
