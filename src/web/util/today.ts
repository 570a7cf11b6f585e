import dayjs, { type Dayjs } from 'dayjs';
import { clock } from '../../shared/clock.js';

/**
 * Today as a dayjs, on Shoudi's one clock (the Asia/Shanghai day). A bare dayjs call is the browser's own day,
 * which in another time zone (or on a phone set to UTC) is yesterday before 08:00 Beijing time, and the
 * server refuses or misfiles what is dated by it.
 */
export const today = (): Dayjs => dayjs(clock().today());
