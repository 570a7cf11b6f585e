/**
 * Saving a versioned record (a household, a case): every change is sent with the version the user saw, and the
 * server answers 409 when someone saved first. One hook for every such record, so households and cases behave
 * alike: the fresh record goes into its query, what the change also affects is invalidated, and a stale version
 * is told to the user and the record read again.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { isConflict } from '../api/errors.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface VersionedRecord<T> {
  /** The record's detail query. */
  queryKey: QueryKey;
  versionOf: (record: T) => number;
  /**
   * The answer as the fresh record, or null when the route answers with something else (a measure alone):
   * then the record is read afresh.
   */
  recordOf: (answer: unknown) => T | null;
  /** Other queries a change of this record changes (lists, the timeline, another domain's records). */
  affects: readonly QueryKey[];
  /** Which 409s mean "someone saved first" (default: every 409); the others are thrown like any error. */
  isStale?: (error: unknown) => boolean;
}

/**
 * Returns `save(action)`: runs `action` with the record's current version. Gives the fresh record, or null
 * after a stale version (the user is told, the record reloads). Other errors are thrown, for the form to show.
 */
export function useVersionedSave<T>(record: VersionedRecord<T>) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  const { queryKey, versionOf, recordOf, affects, isStale = isConflict } = record;
  const { mutateAsync } = useMutation({
    mutationFn: async (action: (version: number) => Promise<unknown>) => {
      const current = queryClient.getQueryData<T>(queryKey);
      const answer = await action(current === undefined ? 0 : versionOf(current));
      const next = recordOf(answer);
      if (next === null) {
        await queryClient.invalidateQueries({ queryKey, exact: true });
      } else {
        queryClient.setQueryData(queryKey, next);
      }
      await Promise.all(affects.map((key) => queryClient.invalidateQueries({ queryKey: key })));
      return queryClient.getQueryData<T>(queryKey) ?? null;
    },
  });
  return async (action: (version: number) => Promise<unknown>): Promise<T | null> => {
    try {
      return await mutateAsync(action);
    } catch (cause) {
      if (isStale(cause) && cause instanceof Error) {
        void message.error({
          content: t('common.conflictReloaded', { message: cause.message }),
          duration: 6,
        });
        void queryClient.invalidateQueries({ queryKey, exact: true });
        return null;
      }
      throw cause;
    }
  };
}
