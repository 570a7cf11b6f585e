import { systemActor } from '../../src/server/services/actor.js';
import { addMonths } from '../../src/shared/calendar.js';
import type { HouseholdType } from '../../src/shared/household-codes.js';
import { checkCharacter } from '../../src/shared/id-number.js';
import type { TestApp } from './test-app.js';

/**
 * Small factories for tests that need a household or a case of their own: they create what they need (and its
 * parents) through the services and the API, instead of picking the first row of generated data and hoping it fits.
 */

/** 官庄镇's first village: the demo village users (village_guanzhuang, town_guanzhuang, helper_demo) are there. */
export const DEMO_VILLAGE = '411302102201';

let serial = 0;

/** A valid 18-digit ID number (GB 11643) of someone born in the village's county, unique in this test run. */
export function newIdNumber(regionCode: string, birthDate = '1980-01-01'): string {
  serial += 1;
  const first17 = `${regionCode.slice(0, 6)}${birthDate.replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
}

export interface NewHousehold {
  /** The village; default the demo village. */
  regionCode?: string;
  householdType?: HouseholdType;
  headName?: string;
  /** The head's age today (default 45). */
  headAge?: number;
}

/** Registers a household with its head and returns its id (and the head's ID number). */
export async function newHousehold(
  t: TestApp,
  today: string,
  options: NewHousehold = {},
): Promise<{ id: number; idNumber: string; version: number }> {
  const regionCode = options.regionCode ?? DEMO_VILLAGE;
  const idNumber = newIdNumber(regionCode, addMonths(today, -12 * (options.headAge ?? 45)));
  // The service, as a city-wide system actor: household.write is a county's, and the factory serves any county.
  const household = await t.services.households.create(systemActor('test-factory'), {
    regionCode,
    householdType: options.householdType ?? 'ordinary',
    head: { name: options.headName ?? `测试户主${serial}`, idNumber },
  });
  return { id: household.household.id, idNumber, version: household.household.version };
}

export interface NewCase {
  /** The household; default a new one in the demo village. */
  householdId?: number;
  /** Who reports the lead and opens the case (a village or township user of the household's village). */
  by?: string;
}

/**
 * Opens a monitoring case the way a village does: a lead reported for the household, verified at home, the
 * case opened at 信息比对 (cross_check). Returns the case as the API answers it.
 */
export async function newCase(
  t: TestApp,
  today: string,
  options: NewCase = {},
): Promise<{ id: number; householdId: number; version: number; stage: string }> {
  const householdId = options.householdId ?? (await newHousehold(t, today)).id;
  const cookie = await t.login(options.by ?? 'village_guanzhuang');
  const lead = await t.app.inject({
    method: 'POST',
    url: '/api/leads',
    headers: { cookie },
    payload: { householdId, reasons: ['income_drop'], note: '务工收入下降' },
  });
  if (lead.statusCode !== 201) {
    throw new Error(`newCase: lead ${lead.statusCode} ${lead.body}`);
  }
  const { id: leadId, version } = lead.json() as { id: number; version: number };
  const opened = await t.app.inject({
    method: 'POST',
    url: `/api/leads/${leadId}/case`,
    headers: { cookie },
    payload: { version, note: '入户核实：情况属实' },
  });
  if (opened.statusCode !== 201) {
    throw new Error(`newCase: open ${opened.statusCode} ${opened.body}`);
  }
  const c = opened.json() as { id: number; version: number; stage: string };
  return { id: c.id, householdId, version: c.version, stage: c.stage };
}
