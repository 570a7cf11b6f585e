import type { Dayjs } from 'dayjs';

/** A quarter as the API writes it: 2026Q4. */
export const quarterOf = (d: Dayjs) => `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
