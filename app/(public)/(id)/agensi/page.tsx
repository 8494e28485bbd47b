// /agensi?q= in Indonesian, a real route without a rewrite (docs/decisions/0008); per request.
export { default, generateMetadata } from "@/app/(public)/[locale]/agensi/page";
export const dynamic = "force-dynamic";
