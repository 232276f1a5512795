// Invented place names for synthetic services. None is meant to be a real
// local authority; joint names ("Ashcombe and Dunmere") give enough distinct
// names for tens of thousands of services.
import type { Random } from "./random";

const STEMS = [
  "Ash", "Bram", "Carn", "Dun", "Elm", "Fern", "Glen", "Hart", "Ivy", "Kell", "Lang", "Mar", "Nor", "Oak", "Pen",
  "Quen", "Red", "Sel", "Thorn", "Ull", "Vale", "Wen", "Yar", "Briar", "Cress", "Drey", "Hol", "Lyn", "Mor", "Stan",
  "Tam", "Wil",
];
const ENDINGS = [
  "ford", "bury", "wick", "ham", "ton", "field", "mouth", "leigh", "combe", "dale", "mere", "by", "stow", "worth",
  "bridge", "minster",
];

/** `count` distinct place names in a random order. */
export function placeNames(count: number, random: Random): string[] {
  const singles = random.shuffle(STEMS.flatMap((stem) => ENDINGS.map((ending) => stem + ending)));
  if (count <= singles.length) return singles.slice(0, count);
  const names = [...singles];
  const seen = new Set(names);
  // Joint services of two places, as real joint services are named.
  while (names.length < count) {
    const a = singles[random.int(0, singles.length - 1)]!;
    const b = singles[random.int(0, singles.length - 1)]!;
    if (a === b) continue;
    const name = `${a} and ${b}`;
    if (seen.has(name)) continue;
    seen.add(name);
    names.push(name);
  }
  return names;
}
