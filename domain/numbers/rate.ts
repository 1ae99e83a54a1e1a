/**
 * Rates as the reports print them: a percentage with two decimals, rounded half up on the exact ratio
 * (99.855 % → 99,86 %), and nothing at all for an empty set (not 0 %, not 100 %).
 */
export function ratePercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  // part·10000 / whole is computed exactly rounded, so a true half (…,005) stays a half and rounds up
  return Math.round((part * 10000) / whole) / 100;
}

/** "99,86 %" (vi-VN), or "—" when there is no rate. */
export function formatPercentVi(p: number | null, digits = 2): string {
  if (p === null) return '—';
  return `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(p)} %`;
}
