import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('OpenAPI', () => {
  it('documents every route with request and response schemas from zod', async () => {
    const response = await t.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/users',
        '/api/users/{id}',
        '/api/audit',
      ]),
    );
    const create = doc.paths['/api/users'].post;
    expect(create.requestBody.content['application/json'].schema.properties).toHaveProperty('regionCode');
    expect(create.responses['201'].content['application/json'].schema.properties).toHaveProperty('version');
    expect(create.responses['409'].content['application/json'].schema.properties).toHaveProperty('requestId');
  });
});
