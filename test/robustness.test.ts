import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/server/demo/demo-seed.service.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The robustness suite, generated from the OpenAPI document: every route that takes text (a query parameter or
 * a JSON string field) gets a NUL byte and an over-long value, and every route that takes a file gets files
 * that are not what it expects. Each must answer 4xx with the error shape, never 500 and never success.
 * A new route is covered as soon as it is registered (a file route: POST without a JSON body whose summary
 * names the .xlsx or .csv it reads); a route that must differ goes in the opt-out list with its reason.
 */
const OPT_OUT: Record<string, string> = {
  'POST /api/auth/logout': 'takes no input',
};
/** Fields whose length the schema need not bound, with the reason. */
const UNBOUNDED_OK: Record<string, string> = {};

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
interface Operation {
  method: string;
  path: string;
  key: string;
  params: { name: string; in: string; schema: JsonSchema }[];
  body: JsonSchema | null;
  takesFile: boolean;
}

let t: TestApp;
let operations: Operation[] = [];
const cookies: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject('/api/openapi.json')).json() as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      return {
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        params: (op.parameters as Operation['params'] | undefined) ?? [],
        body: content?.['application/json']?.schema ?? null,
        // A file route takes the raw bytes (no JSON body) and says in its summary which files it reads.
        takesFile:
          content?.['application/json'] === undefined &&
          method === 'post' &&
          /\.xlsx|\.csv/.test(String(op.summary ?? '')),
      };
    }),
  );
  for (const user of DEMO_USERS) {
    cookies.push(await t.login(user.username));
  }
}, 240_000);
afterAll(async () => {
  await t.close();
});

const isString = (s: JsonSchema) =>
  s.type === 'string' ||
  (Array.isArray(s.type) && s.type.includes('string')) ||
  (s.anyOf ?? []).some(isString);
const stringSchema = (s: JsonSchema): JsonSchema => s.anyOf?.find(isString) ?? s;
const isBounded = (s: JsonSchema) => {
  const string = stringSchema(s);
  return (
    string.maxLength !== undefined ||
    string.enum !== undefined ||
    string.format !== undefined ||
    string.pattern !== undefined
  );
};

/** A value for a path parameter that routes to a handler (an id that may not exist is fine: 404 is 4xx). */
function pathValue(schema: JsonSchema): string {
  if (schema.format === 'uuid') {
    return randomUUID();
  }
  if (schema.enum?.length) {
    return String(schema.enum[0]);
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return '1';
  }
  return '411302102201';
}
const urlOf = (op: Operation, query: Record<string, string> = {}) => {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const param = op.params.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(pathValue(param?.schema ?? {}));
  });
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

/** Sends the request as each demo user in turn until one is allowed to make it; answers that response. */
async function asSomeoneAllowed(request: {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}): Promise<LightMyRequestResponse> {
  let last: LightMyRequestResponse | null = null;
  for (const cookie of cookies) {
    last = await t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      ...(request.payload === undefined ? {} : { payload: request.payload as string }),
      headers: { cookie, ...request.headers },
    });
    if (last.statusCode !== 401 && last.statusCode !== 403) {
      return last;
    }
  }
  if (!last) {
    throw new Error('no demo users');
  }
  return last;
}

const problems: string[] = [];
/**
 * Refused means 4xx with the error shape; for a file, an import's own answer that it took nothing
 * (`status: 'refused'` with the reasons, the way imports report bad rows) also counts.
 */
function expectRefused(what: string, response: LightMyRequestResponse, file = false) {
  const body = (() => {
    try {
      return response.json() as Record<string, unknown>;
    } catch {
      return {};
    }
  })();
  const ok =
    response.statusCode >= 400 &&
    response.statusCode < 500 &&
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    typeof body.requestId === 'string';
  const refusedImport =
    file &&
    response.statusCode === 200 &&
    body.status === 'refused' &&
    Array.isArray(body.problems) &&
    body.problems.length > 0;
  if (!ok && !refusedImport) {
    problems.push(`${what}: ${response.statusCode} ${response.body.slice(0, 160)}`);
  }
}

const NUL = 'a\u0000b';
const LONG = 'x'.repeat(100_000);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 9),
]);
const FILES: Record<string, Buffer> = {
  'a PNG': PNG,
  'random bytes': Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256)),
  'a truncated .xlsx': Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000'), Buffer.alloc(400, 0x41)]),
  'a CSV with a stray quote': Buffer.from('姓名,身份证号,与户主关系\n"王,411302197001010010,户主\n'),
  'a CSV with only its header': Buffer.from('姓名,身份证号,与户主关系\n'),
};

describe('robustness: every route that takes text or a file', () => {
  it('finds the routes from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((o) => o.takesFile).length).toBeGreaterThanOrEqual(2);
  });

  it('bounds the length of every text a request may carry', () => {
    const unbounded: string[] = [];
    for (const op of operations) {
      for (const p of op.params.filter((x) => x.in === 'query' && isString(x.schema))) {
        if (!isBounded(p.schema) && !UNBOUNDED_OK[`${op.key} ${p.name}`]) {
          unbounded.push(`${op.key} ?${p.name}`);
        }
      }
      const walk = (schema: JsonSchema, at: string) => {
        if (isString(schema) && !isBounded(schema) && !UNBOUNDED_OK[`${op.key} ${at}`]) {
          unbounded.push(`${op.key} ${at}`);
        }
        for (const [name, child] of Object.entries(schema.properties ?? {})) {
          walk(child, at ? `${at}.${name}` : name);
        }
        if (schema.items) {
          walk(schema.items, `${at}[]`);
        }
      };
      if (op.body) {
        walk(op.body, '');
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('answers a NUL byte and an over-long value in any text with a 4xx and the error shape', async () => {
    let probed = 0;
    for (const op of operations.filter((o) => !OPT_OUT[o.key])) {
      for (const p of op.params.filter((x) => x.in === 'query' && isString(x.schema))) {
        for (const [label, value] of [
          ['NUL', NUL],
          ['over-long', LONG],
        ] as const) {
          probed++;
          expectRefused(
            `${op.key} ?${p.name} ${label}`,
            await asSomeoneAllowed({ method: op.method, url: urlOf(op, { [p.name]: value }) }),
          );
        }
      }
      for (const [name, schema] of Object.entries(op.body?.properties ?? {})) {
        if (!isString(schema)) {
          continue;
        }
        for (const [label, value] of [
          ['NUL', NUL],
          ['over-long', LONG],
        ] as const) {
          probed++;
          expectRefused(
            `${op.key} body.${name} ${label}`,
            await asSomeoneAllowed({ method: op.method, url: urlOf(op), payload: { [name]: value } }),
          );
        }
      }
    }
    expect(probed).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  }, 240_000);

  it('answers files that are not spreadsheets, or are broken, with a 4xx and the error shape', async () => {
    const fileRoutes = operations.filter((o) => o.takesFile && !OPT_OUT[o.key]);
    expect(fileRoutes.length).toBeGreaterThanOrEqual(2);
    const before = problems.length;
    for (const op of fileRoutes) {
      const query = Object.fromEntries(
        op.params
          .filter((p) => p.in === 'query' && (p as { required?: boolean }).required)
          .map((p) => [p.name, p.schema.enum?.length ? String(p.schema.enum[0]) : 'x.csv']),
      );
      for (const [label, file] of Object.entries(FILES)) {
        expectRefused(
          `${op.key} ${label}`,
          await asSomeoneAllowed({
            method: op.method,
            url: urlOf(op, query),
            payload: file,
            headers: { 'content-type': 'application/octet-stream' },
          }),
          true,
        );
      }
    }
    expect(problems.slice(before)).toEqual([]);
  }, 240_000);
});
