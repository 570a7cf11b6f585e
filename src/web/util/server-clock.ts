import { clockStartingAt, setClock } from '../../shared/clock.js';

/**
 * The web app's clock follows the server's: a phone's own clock may be set wrong (or to another day), and a
 * visit dated by it would be refused or misfiled. Each answer of /auth/me and login carries the server's time;
 * the offset is kept on the phone so an offline reload in the village still dates records by Shoudi's day.
 */
const OFFSET_KEY = 'shoudi.serverClockOffsetMs';

function follow(offsetMs: number): void {
  setClock(clockStartingAt(new Date(Date.now() + offsetMs)));
}

/** Sets the clock from the server's time in an answer and remembers the offset. */
export function followServerClock(serverTime: string): void {
  const offsetMs = new Date(serverTime).getTime() - Date.now();
  if (!Number.isFinite(offsetMs)) {
    return;
  }
  follow(offsetMs);
  try {
    localStorage.setItem(OFFSET_KEY, String(offsetMs));
  } catch {
    // Storage refused (private mode): the clock still follows the server until the page is reloaded.
  }
}

/** At start-up, before anything is dated: the offset last learnt from the server, if any. */
export function restoreServerClock(): void {
  try {
    const stored = localStorage.getItem(OFFSET_KEY);
    const offsetMs = stored === null ? Number.NaN : Number(stored);
    if (Number.isFinite(offsetMs)) {
      follow(offsetMs);
    }
  } catch {
    // No storage: the phone's own clock until the first answer.
  }
}
