import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, ENTITY_LABELS } from './messages.js';

/** Every server source file (tests excluded): the audit actions and object types are written there. */
function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return serverSources(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const written = (pattern: RegExp) =>
  [
    ...new Set(
      serverSources(join(import.meta.dirname, '../../server')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[1] ?? ''),
      ),
    ),
  ].sort();

describe('the audit log in words', () => {
  // recordAudit({ action: 'x.y', entityType: 'z' }) and the bulk import's row literal (action / entity_type).
  // Actions built from a value: case steps (`case.${action}`), lead raise and intake (`lead.${source}`).
  const built = [
    'case.advance',
    'case.return',
    'case.reject',
    'lead.create',
    'lead.signal',
    'lead.petition',
    'lead.public_opinion',
  ];
  const actions = [...written(/\baction: '([a-z_]+\.[a-z_]+)'/g), ...built];
  const entityTypes = written(/\b(?:entityType|entity_type): '([a-z_]+)'/g);

  it('translates every action the server records, in Chinese and English', () => {
    expect(actions.length).toBeGreaterThan(20);
    const missing = actions.filter((a) => !ACTION_LABELS[a]?.zh || !ACTION_LABELS[a]?.en);
    expect(missing).toEqual([]);
  });

  it('translates every object type the server records', () => {
    expect(entityTypes.length).toBeGreaterThan(10);
    const missing = entityTypes.filter((e) => !ENTITY_LABELS[e]?.zh || !ENTITY_LABELS[e]?.en);
    expect(missing).toEqual([]);
  });
});
