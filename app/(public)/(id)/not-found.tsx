export { default } from "@/app/(public)/[locale]/not-found";
