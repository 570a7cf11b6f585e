import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/server/openapi-document.js';
import { hasPermission, type Permission } from '../src/shared/permissions.js';
import { ROLES, type Role } from '../src/shared/roles.js';
import { visibleNav } from '../src/web/layout/nav.js';
import { APP_ROUTES, canOpen, routeOf } from '../src/web/routes.js';
import { createTestApp } from './helpers/test-app.js';

/**
 * Roles and menus agree (issue #13): the web app's route table (src/web/routes.tsx) against the server's own
 * permission of every API operation (`x-permission` in the OpenAPI document).
 */
let operationPermission: Map<string, string>;

beforeAll(async () => {
  const doc = (await buildOpenApiDocument()) as {
    paths: Record<string, Record<string, { 'x-permission'?: string }>>;
  };
  operationPermission = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation['x-permission']) {
        operationPermission.set(`${method.toUpperCase()} ${path}`, operation['x-permission']);
      }
    }
  }
});

const canAs = (role: Role) => (permission: Permission) => hasPermission(role, permission);
const menuPaths = (role: Role) =>
  visibleNav(canAs(role)).flatMap((item) => (item.children ? item.children.map((c) => c.path) : [item.path]));

describe('the web route table', () => {
  it('names, for every page read, an API operation that exists and has a permission', () => {
    const loads = APP_ROUTES.flatMap((route) => route.loads ?? []);
    expect(loads.length).toBeGreaterThan(20);
    for (const load of loads) {
      expect(operationPermission.get(load), load).toBeDefined();
    }
  });

  it.each(ROLES)('gives %s only menu entries whose page reads that role may make', (role) => {
    const paths = menuPaths(role);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const route = routeOf(path);
      expect(route, path).toBeDefined();
      expect(canOpen(path, canAs(role)), `${role} → ${path}`).toBe(true);
      for (const load of route?.loads ?? []) {
        const needed = operationPermission.get(load);
        const allowed =
          needed === 'public' || (needed !== undefined && hasPermission(role, needed as Permission));
        expect(allowed, `${role} → ${path} reads ${load} (${needed})`).toBe(true);
      }
    }
  });

  it('lets every page a role may open make its reads (buttons and links go through canOpen)', () => {
    const gated = APP_ROUTES.filter((route) => route.permission && route.loads);
    expect(gated.length).toBeGreaterThan(0);
    for (const role of ROLES) {
      for (const route of gated) {
        if (!canOpen(route.path, canAs(role))) {
          continue;
        }
        for (const load of route.loads ?? []) {
          const needed = operationPermission.get(load) as Permission;
          expect(hasPermission(role, needed), `${role} → ${route.path} reads ${load} (${needed})`).toBe(true);
        }
      }
    }
  });

  it('hides 季度排序 and the 排查 button from a village', () => {
    expect(menuPaths('village')).not.toContain('/reports/ranking');
    expect(canOpen('/households/screening', canAs('village'))).toBe(false);
    expect(menuPaths('county')).toContain('/reports/ranking');
    expect(canOpen('/households/screening', canAs('county'))).toBe(true);
  });
});

describe('the self-check links', () => {
  it('lead a read-only leader only to pages that exist and the leader may open', async () => {
    const t = await createTestApp();
    try {
      const cookie = await t.login('leader_city');
      const month = '2026-01';
      const response = await t.app.inject({ url: `/api/self-checks?month=${month}`, headers: { cookie } });
      expect(response.statusCode).toBe(200);
      const items = (response.json() as { items: { link: string }[] }).items;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const route = routeOf(item.link);
        expect(route?.page, item.link).toBeDefined();
        expect(route?.path.includes(':'), `${item.link} opens a record page`).toBe(false);
        expect(canOpen(item.link, canAs('leader')), item.link).toBe(true);
      }
    } finally {
      await t.close();
    }
  });
});
