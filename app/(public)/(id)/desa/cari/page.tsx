// /desa/cari?q=&provinsi=&halaman= in Indonesian, served without a rewrite (docs/decisions/0008); per request.
export { default, generateMetadata } from "@/app/(public)/[locale]/desa/cari/page";
export const dynamic = "force-dynamic";
