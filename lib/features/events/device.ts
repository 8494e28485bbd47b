/** The public check-in's device cookie: one id per phone that opened a check-in page (proxy.ts). */
export const DEVICE_COOKIE = "hadir_perangkat";
export const DEVICE_ID = /^[a-z0-9]{22}$/;

export function newDeviceId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(crypto.getRandomValues(new Uint8Array(22)), (b) => alphabet[b % 36]).join("");
}
