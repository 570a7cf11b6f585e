import { shanghaiToday } from './calendar.js';

/**
 * The one source of "now" and "today" for the server and the web app. Shoudi's days are Asia/Shanghai days:
 * take `today()` here and pass it to SQL as a parameter (never `current_date`, never
 * `toISOString().slice(0, 10)`, which is the UTC day and is yesterday before 08:00 Beijing time).
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's Asia/Shanghai calendar date, YYYY-MM-DD. */
  today(): string;
}

/** A clock that runs from `start` at the real pace: tests and the any-hour suite run at a chosen time. */
export function clockStartingAt(start: Date, realStart: number = Date.now()): Clock {
  const offset = start.getTime() - realStart;
  return {
    now: () => new Date(Date.now() + offset),
    today: () => shanghaiToday(new Date(Date.now() + offset)),
  };
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => shanghaiToday(new Date()),
};

/** `SHOUDI_CLOCK_START` (an ISO instant) starts the clock there; used by the any-hour test runs. */
function initialClock(): Clock {
  const start = typeof process !== 'undefined' ? process.env?.SHOUDI_CLOCK_START : undefined;
  if (start) {
    const at = new Date(start);
    if (Number.isNaN(at.getTime())) {
      throw new Error(`SHOUDI_CLOCK_START is not an ISO instant: ${start}`);
    }
    return clockStartingAt(at);
  }
  return systemClock;
}

let current: Clock = initialClock();

export function clock(): Clock {
  return current;
}

/** Replaces the clock (tests); returns a function that puts the previous one back. */
export function setClock(next: Clock): () => void {
  const previous = current;
  current = next;
  return () => {
    current = previous;
  };
}
