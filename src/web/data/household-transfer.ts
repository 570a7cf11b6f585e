import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUrl } from '../api/client.js';
import type { QueryOf, ResponseOf } from '../api/contract.js';
import { toApiError } from '../api/errors.js';

export type HouseholdImportResult = ResponseOf<'/api/households/import', 'post'>;
export type HouseholdExportQuery = QueryOf<'/api/households/export', 'get'>;

/**
 * Sends a registry file with upload progress. fetch (and so the generated client) cannot report how much of a
 * body has gone, and a county's file is tens of megabytes: this one request goes through XMLHttpRequest, with
 * errors made by the same error function as every other request.
 */
function uploadRegistryFile(
  file: File,
  skipBadRows: boolean,
  onProgress: (percent: number) => void,
): Promise<HouseholdImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/api/households/import', { filename: file.name, skipBadRows }));
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

export function useImportHouseholds() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; skipBadRows: boolean; onProgress: (percent: number) => void }) =>
      uploadRegistryFile(input.file, input.skipBadRows, input.onProgress),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['households'] }),
  });
}

/** The downloadable report of an import's refused rows. */
export const importProblemsUrl = (jobId: number) => apiUrl(`/api/imports/${jobId}/problems.csv`);

/** The export of the households a search finds (its region and type), in the import layout. */
export const householdExportUrl = (query: HouseholdExportQuery) => apiUrl('/api/households/export', query);
