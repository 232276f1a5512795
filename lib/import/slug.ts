// URL slugs for services: lower-case ASCII words joined by hyphens.

/**
 * "Gwynedd and Ynys Môn" → "gwynedd-and-ynys-mon"; "Bath & NE Somerset" → "bath-and-ne-somerset".
 * Accents are folded, "&" becomes "and", apostrophes are dropped ("King's" → "kings"),
 * and every other run of non-alphanumerics becomes one hyphen.
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
