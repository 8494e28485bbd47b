import { ClientMessages } from "@/components/layout/client-messages";

/**
 * The session pages with forms get this section's messages (lib/i18n/client-messages.ts). The
 * list (../page.tsx) sits outside this group: it has no form of its own, and 20 KB of messages in
 * every list page were a fifth of its weight (docs/benchmarks.md, issue 19).
 */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages group="events">{children}</ClientMessages>;
}
