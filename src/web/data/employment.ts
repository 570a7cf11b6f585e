/**
 * Work monitoring (务工监测): the scale against the targets, the work records, the checker's work rules, the
 * city's settings and the 人社 work-file imports. A work record counts as an assistance measure on the
 * household's live case and shows on the household's page, so its writes invalidate cases and households too;
 * an import adds work records, so it does the same.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client, fileBody } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type WorkRecord = ResponseOf<'/api/employment/records/{id}', 'get'>;
export type WorkRecordSearch = QueryOf<'/api/employment/records', 'get'>;
export type WorkRecordInput = BodyOf<'/api/employment/records', 'post'>;
export type WorkRecordUpdate = BodyOf<'/api/employment/records/{id}', 'patch'>;
export type Scale = ResponseOf<'/api/employment/scale', 'get'>;
export type ScaleSearch = QueryOf<'/api/employment/scale', 'get'>;
export type WorkIssueSearch = QueryOf<'/api/employment/issues', 'get'>;
export type WorkIssue = ResponseOf<'/api/employment/issues', 'get'>['items'][number];
export type EmploymentSettings = ResponseOf<'/api/employment/settings', 'get'>;
export type EmploymentSettingsInput = BodyOf<'/api/employment/settings', 'put'>;
export type WorkImportSearch = QueryOf<'/api/employment/imports', 'get'>;
export type WorkImportRow = ResponseOf<'/api/employment/imports', 'get'>['items'][number];
export type WorkImportResult = ResponseOf<'/api/employment/imports', 'post'>;

export const employmentKeys = {
  all: ['employment'] as const,
  scale: (search: ScaleSearch) => ['employment', 'scale', search] as const,
  records: (search: WorkRecordSearch) => ['employment', 'records', search] as const,
  issues: (search: WorkIssueSearch) => ['employment', 'issues', search] as const,
  settings: (year: number) => ['employment', 'settings', year] as const,
  imports: (search: WorkImportSearch) => ['employment', 'imports', search] as const,
  importDetail: (id: number) => ['employment', 'import', id] as const,
  feedback: (id: number, page: number) => ['employment', 'import', id, 'feedback', page] as const,
};

export function useEmploymentScale(search: ScaleSearch) {
  return useQuery({
    queryKey: employmentKeys.scale(search),
    queryFn: ({ signal }) => call(client.GET('/api/employment/scale', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useWorkRecords(search: WorkRecordSearch, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: employmentKeys.records(search),
    enabled: options.enabled ?? true,
    queryFn: ({ signal }) =>
      call(client.GET('/api/employment/records', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useWorkIssues(search: WorkIssueSearch) {
  return useQuery({
    queryKey: employmentKeys.issues(search),
    queryFn: ({ signal }) =>
      call(client.GET('/api/employment/issues', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useEmploymentSettings(year: number) {
  return useQuery({
    queryKey: employmentKeys.settings(year),
    queryFn: ({ signal }) =>
      call(client.GET('/api/employment/settings', { params: { query: { year } }, signal })),
  });
}

/**
 * The counties of the city, for the per-county targets. The regions group's own hooks replace this one at
 * merge (same key root).
 */
export function useCityCounties() {
  return useQuery({
    queryKey: ['regions', 'city-counties'] as const,
    queryFn: async ({ signal }) => {
      const roots = await call(client.GET('/api/regions', { signal }));
      const city = roots.find((r) => r.level === 'city');
      if (!city) {
        return [];
      }
      const children = await call(
        client.GET('/api/regions/{code}/children', { params: { path: { code: city.code } }, signal }),
      );
      return children.filter((c) => c.level === 'county');
    },
  });
}

export function useWorkImports(search: WorkImportSearch) {
  return useQuery({
    queryKey: employmentKeys.imports(search),
    queryFn: ({ signal }) =>
      call(client.GET('/api/employment/imports', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useWorkImport(id: number) {
  return useQuery({
    queryKey: employmentKeys.importDetail(id),
    queryFn: ({ signal }) =>
      call(client.GET('/api/employment/imports/{id}', { params: { path: { id } }, signal })),
  });
}

export function useWorkImportFeedback(id: number, page: number) {
  return useQuery({
    queryKey: employmentKeys.feedback(id, page),
    queryFn: ({ signal }) =>
      call(
        client.GET('/api/employment/imports/{id}/feedback', {
          params: { path: { id }, query: { page, pageSize: 50 } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** What a work record changes: the work lists and scale, the case's measures, the household's page. */
function useInvalidateWork() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: employmentKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
      queryClient.invalidateQueries({ queryKey: ['households'] }),
    ]);
}

/** After a 409 on a record: the lists read afresh, so the record opens again with its current version. */
export function useReloadWorkRecords() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['employment', 'records'] });
}

export function useAddWorkRecord() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: WorkRecordInput) => call(client.POST('/api/employment/records', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateWorkRecord() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: WorkRecordUpdate }) =>
      call(client.PATCH('/api/employment/records/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeleteWorkRecord() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      call(client.DELETE('/api/employment/records/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: invalidate,
  });
}

export function useSaveEmploymentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmploymentSettingsInput) => call(client.PUT('/api/employment/settings', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: employmentKeys.all }),
  });
}

export function useUploadWorkFile() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ file, skipBadRows }: { file: File; skipBadRows: boolean }) =>
      call(
        client.POST('/api/employment/imports', {
          params: { query: { filename: file.name, skipBadRows: skipBadRows ? 'true' : 'false' } },
          ...fileBody(file),
        }),
      ),
    onSuccess: invalidate,
  });
}

/** The work file's columns, as an empty CSV to fill in. */
export const workImportTemplateUrl = apiUrl('/api/employment/imports/template.csv');
