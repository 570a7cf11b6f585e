/**
 * Money as exact decimal strings ("1234.50") and integer cents (bigint) in between: sums, shares and
 * rates are computed without floating point, so a report's total equals the sum of its lines.
 */
export const MONEY_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;

/** Cents of a non-negative decimal string of at most two decimals; throws on anything else. */
export function toCents(amount: string): bigint {
  const text = amount.trim();
  if (!MONEY_PATTERN.test(text)) {
    throw new Error(`not an amount: ${amount}`);
  }
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** Cents of a decimal string that may be negative ("-12.50" → -1250n): a net income below zero. */
export function toSignedCents(amount: string): bigint {
  const text = amount.trim();
  return text.startsWith('-') ? -toCents(text.slice(1)) : toCents(text);
}

/** The decimal string of a number of cents, always with two decimals. */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function sumMoney(amounts: readonly string[]): string {
  return fromCents(amounts.reduce((total, a) => total + toCents(a), 0n));
}

/**
 * `part / whole` in basis points (1/100 of a percent), rounded half up; 0 when the whole is 0.
 * 4202 means 42.02 %.
 */
export function ratioBp(part: bigint, whole: bigint): number {
  if (whole <= 0n) {
    return 0;
  }
  return Number((part * 20000n + whole) / (2n * whole));
}

/** Basis points as a percent string with two decimals: 4202 → "42.02", -868 → "-8.68". */
export function bpToPercent(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A decimal amount with thousands grouped for reading ("293400000.00" → "293,400,000.00"), on the text alone. */
export function groupThousands(amount: string): string {
  const [whole = '', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
