import { noBuildTimeParams } from "@/app/(public)/_components/locale";

// /desa/<village code> in Indonesian, served without a rewrite (docs/decisions/0008).
export { default, generateMetadata } from "@/app/(public)/[locale]/desa/[code]/page";
export const revalidate = 300;
export const generateStaticParams = noBuildTimeParams;
