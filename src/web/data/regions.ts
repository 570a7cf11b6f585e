/**
 * Regions (系统管理 › 区划): the region tree (roots, then each node's children loaded when it is opened) and the
 * zones (片区) that group towns. The tree changes only with a region import, so nothing here writes.
 */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call, client } from '../api/client.js';
import type { ResponseOf } from '../api/contract.js';

export type Region = ResponseOf<'/api/regions', 'get'>[number];
export type RegionChild = ResponseOf<'/api/regions/{code}/children', 'get'>[number];
export type Zone = ResponseOf<'/api/zones', 'get'>[number];

export const regionKeys = {
  all: ['regions'] as const,
  roots: ['regions', 'roots'] as const,
  children: (code: string) => ['regions', 'children', code] as const,
  zones: ['regions', 'zones'] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
};

export function useRegionRoots() {
  return useQuery({
    queryKey: regionKeys.roots,
    queryFn: ({ signal }) => call(client.GET('/api/regions', { signal })),
  });
}

/** The zones (片区); `enabled: false` skips them (a user who is not in a zone needs none). */
export function useZones(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: regionKeys.zones,
    queryFn: ({ signal }) => call(client.GET('/api/zones', { signal })),
    enabled: options.enabled ?? true,
  });
}

/** The children of one region, fetched when the user opens its node (a tree loads level by level). */
export function useFetchRegionChildren() {
  const queryClient = useQueryClient();
  // Stable, so a component's effects that load with it do not rerun on every render.
  return useCallback(
    (code: string) =>
      queryClient.fetchQuery({
        queryKey: regionKeys.children(code),
        queryFn: ({ signal }) =>
          call(client.GET('/api/regions/{code}/children', { params: { path: { code } }, signal })),
      }),
    [queryClient],
  );
}

/** One region with its path, fetched on demand (a picker showing a preset value's ancestors). */
export function useFetchRegion() {
  const queryClient = useQueryClient();
  return useCallback(
    (code: string) =>
      queryClient.fetchQuery({
        queryKey: regionKeys.detail(code),
        queryFn: ({ signal }) =>
          call(client.GET('/api/regions/{code}', { params: { path: { code } }, signal })),
      }),
    [queryClient],
  );
}

export function useRegion(code: string | undefined) {
  return useQuery({
    queryKey: regionKeys.detail(code ?? ''),
    queryFn: ({ signal }) =>
      call(client.GET('/api/regions/{code}', { params: { path: { code: code ?? '' } }, signal })),
    enabled: code !== undefined && code !== '',
  });
}

/** Names for region codes (records that carry only a code); a code whose region cannot be read shows itself. */
export function useRegionNames(codes: readonly string[]): Record<string, string> {
  const unique = [...new Set(codes)].sort();
  return useQueries({
    queries: unique.map((code) => ({
      queryKey: regionKeys.detail(code),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        call(client.GET('/api/regions/{code}', { params: { path: { code } }, signal })),
    })),
    combine: (results) =>
      Object.fromEntries(
        unique.flatMap((code, i) => {
          const result = results[i];
          if (result?.data) {
            return [[code, result.data.name]];
          }
          return result?.isError ? [[code, code]] : [];
        }),
      ),
  });
}
