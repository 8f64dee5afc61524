/** Dates as coders type them on US claim forms, read into ISO YYYY-MM-DD. Pure, never throws. */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO date for y/m/d when it is a real calendar date (two-digit years are 20YY). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const fullYear = year < 100 ? 2000 + year : year;
  if (!Number.isInteger(fullYear) || fullYear < 1900 || fullYear > 2199) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(fullYear, month)) return undefined;
  return `${pad(fullYear, 4)}-${pad(month)}-${pad(day)}`;
}

/** True for a real YYYY-MM-DD date. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return Boolean(match && isoDate(Number(match[1]), Number(match[2]), Number(match[3])));
}

/**
 * Reads MM/DD/YYYY, M/D/YY, MM-DD-YYYY, "MM DD YY" (CMS-1500 boxes), MMDDYYYY, MMDDYY,
 * YYYYMMDD (837), YYYY-MM-DD, YYYY/MM/DD and "Jul 15, 2024". Undefined when it is none of them.
 */
export function parseUsDate(text: string): string | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  if (!value || value.length > 40) return undefined;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2}) ?[-/. ] ?(\d{1,2}) ?[-/. ] ?(\d{4}|\d{2})$/.exec(value);
  if (match) return isoDate(Number(match[3]), Number(match[1]), Number(match[2]));
  match = /^(\d{8})$/.exec(value);
  if (match) {
    const digits = match[1]!;
    const year = Number(digits.slice(0, 4));
    if (year >= 1900 && year <= 2199) {
      const iso = isoDate(year, Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
      if (iso) return iso;
    }
    return isoDate(Number(digits.slice(4, 8)), Number(digits.slice(0, 2)), Number(digits.slice(2, 4)));
  }
  match = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (match) return isoDate(Number(match[3]), Number(match[1]), Number(match[2]));
  match = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(value);
  if (match) {
    const month = MONTHS[match[1]!.toLowerCase()];
    return month ? isoDate(Number(match[3]), month, Number(match[2])) : undefined;
  }
  return undefined;
}
