import { MaterialPage } from "@/app/(public)/_components/material-page";
import { getMaterialPaths, getMaterialProps } from "@/app/(public)/_components/material-props";

/** /en/materi/<slug>: an English material (any other prefix is a 404), as HTML and CSS only (docs/decisions/0032). */
export default MaterialPage;
export const getStaticPaths = getMaterialPaths;
export const getStaticProps = getMaterialProps;
export const config = { runtime: "nodejs", unstable_runtimeJS: false } as const;
