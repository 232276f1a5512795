// Embargo times are entered and shown in UK time (Europe/London, GMT or BST).

const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Milliseconds that London is ahead of UTC at the instant `t`. */
function londonOffset(t: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** "2026-06-18T09:30" read as UK time; null when it is not a real date and time. */
export function ukLocalToDate(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  let t = wall - londonOffset(wall);
  t = wall - londonOffset(t);
  return new Date(t);
}

/** The value a datetime-local input shows for `date` in UK time. */
export function dateToUkLocal(date: Date): string {
  const p = Object.fromEntries(PARTS.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const DISPLAY = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "18 June 2026 at 09:30 UK time". */
export function formatUkDateTime(date: Date): string {
  const p = Object.fromEntries(DISPLAY.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute} UK time`;
}
