import { noBuildTimeParams } from "@/app/(public)/_components/locale";

// /materi/kategori/<category> in Indonesian, served without a rewrite (docs/decisions/0008).
export { default, generateMetadata } from "@/app/(public)/[locale]/materi/kategori/[category]/page";
export const revalidate = 300;
export const generateStaticParams = noBuildTimeParams;
