import { describe, expect, it } from 'vitest';
import { groupThousands } from './money.js';

describe('groupThousands', () => {
  it('groups the whole part of a decimal string and keeps the cents as written', () => {
    expect(groupThousands('293400000.00')).toBe('293,400,000.00');
    expect(groupThousands('12345678901.23')).toBe('12,345,678,901.23');
    expect(groupThousands('999.90')).toBe('999.90');
    expect(groupThousands('1000')).toBe('1,000');
    expect(groupThousands('—')).toBe('—');
  });
});
