import type { Messages, MessageKeys, NestedKeyOf } from "next-intl";

/**
 * A full catalogue key ("nav.portalHome"), checked against the Indonesian catalogue by the type
 * checker (lib/i18n/app-config.d.ts types next-intl's messages). Keys passed around as data (a
 * menu entry, a zod message) use this type; keys.test.ts checks the ones only known at run time.
 */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/**
 * Whether a string names a catalogue key (validation messages and error codes arrive as plain
 * strings): asked of the translator's own `has`, the one place a string is tried as a key.
 */
export function isMessageKey(key: string, has: (key: MessageKey) => boolean): key is MessageKey {
  return has(key as MessageKey);
}
