/**
 * Dates as files give them ("August 10, 2018", "13th April, 2019", "2018-08-10T09:00:00Z",
 * a PDF's "D:20180810093000Z") read into the pack's form: YYYY-MM-DD, YYYY-MM or YYYY.
 *
 *   readDate('Global Research, August 10, 2018');   // '2018-08-10'
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

const pad = (n: number) => String(n).padStart(2, '0');

function valid(year: number, month?: number, day?: number): string | null {
  if (year < 1000 || year > 2999) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** The first date written in `text`, or null. */
export function readDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return valid(+iso[1]!, +iso[2]!, +iso[3]!);
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(text);
  if (pdf) return valid(+pdf[1]!, pdf[2] ? +pdf[2] : undefined, pdf[3] ? +pdf[3] : undefined);
  const monthFirst = new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (monthFirst) return valid(+monthFirst[3]!, MONTHS.indexOf(monthFirst[1]!.toLowerCase()) + 1, +monthFirst[2]!);
  const dayFirst = new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (dayFirst) return valid(+dayFirst[3]!, MONTHS.indexOf(dayFirst[2]!.toLowerCase()) + 1, +dayFirst[1]!);
  const monthYear = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'i').exec(text);
  if (monthYear) return valid(+monthYear[2]!, MONTHS.indexOf(monthYear[1]!.toLowerCase()) + 1);
  return null;
}

/** A date given as YYYY, YYYY-MM or YYYY-MM-DD, if it is a real one (no 13th month). */
export function exactDate(text: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  return m ? valid(+m[1]!, m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined) : null;
}
