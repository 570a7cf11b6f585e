import { describe, expect, it } from 'vitest';
import { countyCodeOf, isWithinScope, levelFromCode, scopePrefix } from './region-code.js';

describe('region codes', () => {
  it('reads the level from the shape of a 12-digit code', () => {
    expect(levelFromCode('411300000000')).toBe('city');
    expect(levelFromCode('411302000000')).toBe('county');
    expect(levelFromCode('411302102000')).toBe('town');
    expect(levelFromCode('411302102201')).toBe('village');
    expect(levelFromCode('41130210220')).toBeNull();
    expect(levelFromCode('4113Z1')).toBeNull();
  });

  it('gives the prefix that a level fixes', () => {
    expect(scopePrefix('411300000000', 'city')).toBe('4113');
    expect(scopePrefix('411302000000', 'county')).toBe('411302');
    expect(scopePrefix('411302102000', 'town')).toBe('411302102');
    expect(scopePrefix('411302102201', 'village')).toBe('411302102201');
  });

  it('gives the county of a region below the city', () => {
    expect(countyCodeOf('411302102201', 'village')).toBe('411302000000');
    expect(countyCodeOf('411300000000', 'city')).toBeNull();
  });

  it('matches scopes by prefix only', () => {
    expect(isWithinScope('411302102201', ['411302'])).toBe(true);
    expect(isWithinScope('411303001001', ['411302'])).toBe(false);
    expect(isWithinScope('411303001001', [])).toBe(false);
    expect(isWithinScope('anything', [''])).toBe(true);
  });
});
