/** The dashboard's month-by-month trend: the twelve months ending with the period's last month, whatever the period's length. */
export function twelveMonthsEnding(to: string): { from: string; to: string } {
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7));
  const first = m - 11;
  const [fy, fm] = first >= 1 ? [y, first] : [y - 1, first + 12];
  return { from: `${fy}-${String(fm).padStart(2, '0')}-01`, to };
}
