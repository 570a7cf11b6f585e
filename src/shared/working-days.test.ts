import { describe, expect, it } from 'vitest';
import { addWorkingDays, type HolidayCalendar, isWorkingDay, workingDaysBetween } from './working-days.js';

describe('working days on the official calendar', () => {
  it('counts Monday to Friday after the start, across a month end', () => {
    // 2026-12-04 is a Friday; December 2026 has no holiday.
    expect(workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1);
    expect(workingDaysBetween('2026-12-04', '2026-12-11')).toBe(5);
    expect(workingDaysBetween('2026-12-04', '2026-12-04')).toBe(0);
    expect(workingDaysBetween('2026-12-04', '2026-12-01')).toBe(0);
    expect(addWorkingDays('2026-12-04', 5)).toBe('2026-12-11');
    // Friday 2026-11-27 + 5 working days crosses into December.
    expect(addWorkingDays('2026-11-27', 5)).toBe('2026-12-04');
  });

  it('skips the 国庆 holiday and counts its swapped Saturday', () => {
    // 2026-09-30 (Wednesday): 10-01…10-07 are off, Saturday 10-10 is a working day.
    expect(isWorkingDay('2026-10-05')).toBe(false); // a Monday inside the holiday
    expect(isWorkingDay('2026-10-10')).toBe(true); // a Saturday made a working day
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(workingDaysBetween('2026-09-30', '2026-10-09')).toBe(2);
  });

  it('skips the nine days of 春节 and counts the Saturdays before and after it', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    // Friday 2026-02-13: Saturday 02-14 works, 02-15…02-23 are off.
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
  });

  it('takes another calendar (a year whose notice is not shipped counts Monday to Friday)', () => {
    const none: HolidayCalendar = { holidays: new Set(), workingWeekends: new Set() };
    expect(addWorkingDays('2026-09-30', 5, none)).toBe('2026-10-07');
    expect(isWorkingDay('2027-10-04')).toBe(true); // 2027's notice is not in the shipped calendar yet
  });
});
