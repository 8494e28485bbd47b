// /materi/cari?q= in Indonesian, served without a rewrite (docs/decisions/0008); per request.
export { default, generateMetadata } from "@/app/(public)/[locale]/materi/cari/page";
export const dynamic = "force-dynamic";
