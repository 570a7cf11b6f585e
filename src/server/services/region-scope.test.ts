import { describe, expect, it } from 'vitest';
import { isRegionInScope, isRegionVisible, scopeForRegion } from './region-scope.js';

describe('region scope', () => {
  it('scopes a user to the prefix of their region', () => {
    expect(scopeForRegion({ code: '411300000000', level: 'city' })).toEqual(['4113']);
    expect(scopeForRegion({ code: '411302102000', level: 'town' })).toEqual(['411302102']);
  });

  it('scopes a zone user to the zone and the towns it overlays', () => {
    expect(scopeForRegion({ code: '4113Z1', level: 'zone' }, ['411302102000'])).toEqual([
      '4113Z1',
      '411302102',
    ]);
  });

  it('keeps a county user out of the neighbouring county', () => {
    const scope = scopeForRegion({ code: '411303000000', level: 'county' });
    expect(isRegionInScope({ code: '411303101201', level: 'village' }, scope)).toBe(true);
    expect(isRegionInScope({ code: '411302101201', level: 'village' }, scope)).toBe(false);
  });

  it('lets a user see the ancestors of their region but not its siblings', () => {
    const scope = scopeForRegion({ code: '411302102000', level: 'town' });
    expect(isRegionVisible({ code: '411300000000', level: 'city' }, scope)).toBe(true);
    expect(isRegionVisible({ code: '411302000000', level: 'county' }, scope)).toBe(true);
    expect(isRegionInScope({ code: '411302000000', level: 'county' }, scope)).toBe(false);
    expect(isRegionVisible({ code: '411302101000', level: 'town' }, scope)).toBe(false);
    expect(isRegionVisible({ code: '4113Z1', level: 'zone' }, scope)).toBe(false);
  });

  it('puts the city-level zones inside the city scope', () => {
    expect(isRegionInScope({ code: '4113Z1', level: 'zone' }, ['4113'])).toBe(true);
    expect(isRegionInScope({ code: '4113Z1', level: 'zone' }, ['411302'])).toBe(false);
  });
});
