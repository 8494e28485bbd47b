import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages, type ClientMessageGroup } from "@/lib/i18n/client-messages";

/**
 * Gives the client components below it the messages of one group (lib/i18n/client-messages.ts)
 * and nothing else; locale, time zone and formats are inherited from the server's request config.
 */
export async function ClientMessages({ group, children }: { group: ClientMessageGroup; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={clientMessages(await getMessages(), group)}>{children}</NextIntlClientProvider>;
}
