/**
 * Above this many entries a filter's list (offices, regencies) is not offered whole: it waits
 * for a province to be chosen. The nation's 125 offices or 480 regencies make a select that is
 * unusable on a phone and, rendered into every page, a fifth of the page's weight and time.
 */
export const LONG_CHOICE_LIST = 30;

/**
 * The choices to offer: those of the chosen province (and the one already chosen), whatever their
 * number, since the others would find nothing; without a province, all of them if few, else none
 * but the one already chosen until a province is chosen.
 */
export function narrowChoices<T extends { provinceCode: string }>(all: T[], province: string | undefined, isChosen: (item: T) => boolean): { choices: T[]; needsProvince: boolean } {
  if (province) return { choices: all.filter((c) => c.provinceCode === province || isChosen(c)), needsProvince: false };
  if (all.length <= LONG_CHOICE_LIST) return { choices: all, needsProvince: false };
  return { choices: all.filter(isChosen), needsProvince: true };
}
