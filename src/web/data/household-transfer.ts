import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { QueryOf, ResponseOf } from '../api/contract.js';
import { toApiError } from '../api/errors.js';
import { householdKeys } from './households.js';

export type HouseholdImportResult = ResponseOf<'/api/households/import', 'post'>;
export type HouseholdExportQuery = QueryOf<'/api/households/export', 'get'>;
export type HouseholdImportSearch = QueryOf<'/api/households/imports', 'get'>;
export type HouseholdImportJob = ResponseOf<'/api/households/imports', 'get'>['items'][number];

export const householdImportKeys = {
  all: ['household-imports'] as const,
  list: (search: HouseholdImportSearch) => ['household-imports', 'list', search] as const,
};

/** The imports and checks (预检) of the user's scope, newest first. */
export function useHouseholdImports(search: HouseholdImportSearch) {
  return useQuery({
    queryKey: householdImportKeys.list(search),
    queryFn: ({ signal }) =>
      call(client.GET('/api/households/imports', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

/**
 * Sends a registry file with upload progress. fetch (and so the generated client) cannot report how much of a
 * body has gone, and a county's file is tens of megabytes: this one request goes through XMLHttpRequest, with
 * errors made by the same error function as every other request.
 */
function uploadRegistryFile(input: ImportInput): Promise<HouseholdImportResult> {
  const { file, skipBadRows, dryRun, onProgress } = input;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/api/households/import', { filename: file.name, skipBadRows, dryRun }));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        onProgress(Math.round((e.loaded / e.total) * 100));
      }
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as HouseholdImportResult);
      } else {
        reject(toApiError({ status: xhr.status, body }));
      }
    };
    xhr.onerror = () => reject(toApiError({ cause: new Error('network') }));
    xhr.send(file);
  });
}

interface ImportInput {
  file: File;
  skipBadRows: boolean;
  /** Only check (预检): the answer says what the import would write; nothing is written. */
  dryRun: boolean;
  onProgress: (percent: number) => void;
}

export function useImportHouseholds() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: uploadRegistryFile,
    onSuccess: async (result) => {
      await qc.invalidateQueries({ queryKey: householdImportKeys.all });
      if (result.status !== 'checked') {
        await qc.invalidateQueries({ queryKey: householdKeys.all });
      }
    },
  });
}

/** The downloadable report of an import's refused rows. */
export const importProblemsUrl = (jobId: number) => apiUrl(`/api/imports/${jobId}/problems.csv`);

/** The export of the households a search finds (its region and type), in the import layout. */
export const householdExportUrl = (query: HouseholdExportQuery) => apiUrl('/api/households/export', query);
