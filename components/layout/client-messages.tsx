import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages, type ClientMessageGroup } from "@/lib/i18n/client-messages";

/**
 * Gives the client components below it the messages of one group (lib/i18n/client-messages.ts)
 * and nothing else; locale, time zone and formats are inherited from the server's request config.
 */
export async function ClientMessages({ group, locale, children }: { group: ClientMessageGroup; locale?: string; children: React.ReactNode }) {
  // Public pages name their language in the URL (docs/decisions/0008) and pass it here.
  const messages = clientMessages(await getMessages(locale ? { locale } : undefined), group);
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}
