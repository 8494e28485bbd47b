import { noBuildTimeParams } from "@/app/(public)/_components/locale";

// /materi/<slug>: the Indonesian material page, served without a rewrite (docs/decisions/0008).
export { default, generateMetadata } from "@/app/(public)/[locale]/materi/[slug]/page";
export const revalidate = 300;
export const generateStaticParams = noBuildTimeParams;
