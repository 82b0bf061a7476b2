/** « centre-ville, gare,, Gare » → ['centre-ville', 'gare', 'Gare']: blanks and exact repeats dropped. */
export function parseCommaList(text: string): string[] {
  return [...new Set(text.split(',').map((item) => item.trim()).filter((item) => item !== ''))]
}
