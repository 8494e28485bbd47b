import { MaterialPage } from "@/app/(public)/_components/material-page";
import { getMaterialPaths, getMaterialProps } from "@/app/(public)/_components/material-props";

/** /materi/<slug>: an Indonesian material, as HTML and CSS only (docs/decisions/0032). */
export default MaterialPage;
export const getStaticPaths = getMaterialPaths;
export const getStaticProps = getMaterialProps;
// No JavaScript for the browser: the page is text, links and a native player. `runtime` is
// stated because Next's generated route types accept `config` only with it.
export const config = { runtime: "nodejs", unstable_runtimeJS: false } as const;
