/**
 * The login policy (docs/ARCHITECTURE.md, "Logging in"). Failures slow an attacker down without handing
 * them a lock-out of someone else: each limit is a back-off that grows with the failures past its
 * threshold and ends by itself, and the right password from a device the user has logged in from before
 * is weighed only against that device's own failures.
 */
export const LOGIN_POLICY = {
  /** Failures older than this are forgotten. */
  windowMinutes: 15,
  /** This username from this address (or this known device). */
  perPair: 5,
  /** Any username from this address: a township office behind one router shares it. */
  perAddress: 30,
  /** This username from anywhere: addresses an attacker rotates. Known devices pass. */
  perAccount: 10,
  /** The first wait past a threshold; it doubles with each further failure. */
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
} as const;

export interface FailureCount {
  count: number;
  lastAt: Date | null;
}

export interface RecentFailures {
  device: FailureCount;
  pair: FailureCount;
  ip: FailureCount;
  account: FailureCount;
}

/** The back-off after `count` failures against a threshold, in seconds (0 below it). */
export function backoffSeconds(count: number, threshold: number): number {
  if (count < threshold) {
    return 0;
  }
  return Math.min(LOGIN_POLICY.maxDelaySeconds, LOGIN_POLICY.baseDelaySeconds * 2 ** (count - threshold));
}

function remaining(failures: FailureCount, threshold: number, now: Date): number {
  const delay = backoffSeconds(failures.count, threshold);
  if (delay === 0 || failures.lastAt === null) {
    return 0;
  }
  return Math.max(0, Math.ceil((failures.lastAt.getTime() + delay * 1000 - now.getTime()) / 1000));
}

/** How many seconds this attempt must wait (0: it may try the password). */
export function loginWaitSeconds(failures: RecentFailures, knownDevice: boolean, now: Date): number {
  if (knownDevice) {
    return remaining(failures.device, LOGIN_POLICY.perPair, now);
  }
  return Math.max(
    remaining(failures.pair, LOGIN_POLICY.perPair, now),
    remaining(failures.ip, LOGIN_POLICY.perAddress, now),
    remaining(failures.account, LOGIN_POLICY.perAccount, now),
  );
}

/** Until when an account is slowed down for logins from unknown devices, or null when it is not. */
export function accountSlowedUntil(failures: FailureCount): Date | null {
  const delay = backoffSeconds(failures.count, LOGIN_POLICY.perAccount);
  return delay === 0 || failures.lastAt === null ? null : new Date(failures.lastAt.getTime() + delay * 1000);
}
