import { ClientMessages } from "@/components/layout/client-messages";

/** The forms of this section get its messages only (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages group="agencies">{children}</ClientMessages>;
}
