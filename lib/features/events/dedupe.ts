/** Lower-case, accents and punctuation-spacing folded, runs of spaces collapsed. */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The key that makes the same person one attendee of a session (unique per event): the
 * normalised name with the normalised phone, or with their village/institution when there is
 * no phone. Matches the demo seed ("rudi hartono|6281...").
 */
export function attendeeDedupeKey(person: { name: string; phone?: string | null; origin?: string | null }): string {
  const name = normalizeName(person.name);
  if (person.phone) return `${name}|${person.phone}`;
  return `${name}|@${normalizeName(person.origin ?? "")}`;
}
