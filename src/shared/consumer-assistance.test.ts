import { describe, expect, it } from 'vitest';
import {
  CONSUMER_DEFAULTS,
  PRODUCT_TRANSITIONS,
  productHolder,
  validityState,
  valueFloorProblem,
  wan,
} from './consumer-assistance.js';

describe('consumer assistance rules', () => {
  it('writes amounts in 万元', () => {
    expect(wan('100000.00')).toBe('10万元');
    expect(wan('125000')).toBe('12.5万元');
    expect(wan('98765.43')).toBe('9.88万元');
    expect(wan('500000.00')).toBe('50万元');
  });

  it('refuses a product below the county floor and a national one below 50万元', () => {
    expect(valueFloorProblem('99999.99', 'county', CONSUMER_DEFAULTS)).toContain('低于本县认定标准10万元');
    expect(valueFloorProblem('100000.00', 'county', CONSUMER_DEFAULTS)).toBeNull();
    expect(valueFloorProblem('300000.00', 'provincial', CONSUMER_DEFAULTS)).toBeNull();
    expect(valueFloorProblem('300000.00', 'national', CONSUMER_DEFAULTS)).toContain('不低于50万元');
    expect(valueFloorProblem('500000.00', 'national', CONSUMER_DEFAULTS)).toBeNull();
    // A county may set its own floor.
    expect(valueFloorProblem('150000.00', 'city', { ...CONSUMER_DEFAULTS, valueFloor: '200000' })).toContain(
      '20万元',
    );
  });

  it('derives the validity from the dates and the renewal window', () => {
    const today = '2026-12-03';
    expect(validityState('2025-01-01', '2026-12-02', today, 90)).toBe('expired');
    expect(validityState('2025-01-01', '2026-12-03', today, 90)).toBe('due');
    expect(validityState('2025-01-01', '2027-03-03', today, 90)).toBe('due');
    expect(validityState('2025-01-01', '2027-03-04', today, 90)).toBe('valid');
    expect(validityState('2025-01-01', '2027-03-04', today, 91)).toBe('due');
    expect(validityState('2027-01-01', '2029-12-31', today, 90)).toBe('not_started');
  });

  it('names who holds a product at each stage', () => {
    expect(productHolder('applied')).toBe('township');
    expect(productHolder('notice')).toBe('county');
    expect(productHolder('refused')).toBeNull();
    expect(PRODUCT_TRANSITIONS.certify.from).toEqual(['notice']);
    expect(PRODUCT_TRANSITIONS.check.level).toBe('township');
  });
});
