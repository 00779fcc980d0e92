/** Years a closed file is kept (Aufbewahrungsfrist), counted from the end of the year it was closed in. */
export const retentionYears = 10;

/**
 * The last day a closed or handed-over file is kept: 31 December of the tenth year after the year
 * of closing (closed on 2026-03-05 → kept until 2036-12-31). Counting from the end of the year is
 * how the usual Aufbewahrungsfristen run, and lets retention erase files year by year.
 */
export function retentionUntil(closingDay: string): string {
  return `${Number(closingDay.slice(0, 4)) + retentionYears}-12-31`;
}
