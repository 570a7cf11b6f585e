import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.js';
import { QueryError } from './QueryState.js';

export interface TableParams<F extends string> {
  page: number;
  pageSize: number;
  /** `field` or `-field` (descending), when the user sorted. */
  sort: string | undefined;
  /** The filter values as the URL holds them (strings); the page converts them for its query. */
  filters: Partial<Record<F, string>>;
  /** Sets filters (undefined or '' removes one) and goes back to page 1. */
  setFilters: (patch: Partial<Record<F, string | undefined>>) => void;
  /** Drops every filter and the sort, keeps the page size. */
  reset: () => void;
  setPage: (page: number, pageSize: number) => void;
  setSort: (sort: string | undefined) => void;
}

/**
 * Paging, sorting and filters kept in the URL's search parameters, so a list survives a reload, the back button
 * and a shared link. `filterNames` lists the parameters the page reads.
 */
export function useTableParams<F extends string>(
  filterNames: readonly F[],
  defaults: { pageSize?: number } = {},
): TableParams<F> {
  const [searchParams, setSearchParams] = useSearchParams();
  const defaultSize = defaults.pageSize ?? 20;
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const pageSize = Math.max(1, Number(searchParams.get('pageSize')) || defaultSize);
  const filters: Partial<Record<F, string>> = {};
  for (const name of filterNames) {
    const value = searchParams.get(name);
    if (value !== null && value !== '') {
      filters[name] = value;
    }
  }
  const update = (change: (next: URLSearchParams) => void) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  return {
    page,
    pageSize,
    sort: searchParams.get('sort') ?? undefined,
    filters,
    setFilters: (patch) =>
      update((next) => {
        for (const [name, value] of Object.entries(patch) as [string, string | undefined][]) {
          if (value === undefined || value === '') {
            next.delete(name);
          } else {
            next.set(name, value);
          }
        }
        next.delete('page');
      }),
    reset: () =>
      update((next) => {
        for (const name of [...filterNames, 'sort', 'page']) {
          next.delete(name);
        }
      }),
    setPage: (nextPage, nextSize) =>
      update((next) => {
        next.set('page', String(nextPage));
        if (nextSize === defaultSize) {
          next.delete('pageSize');
        } else {
          next.set('pageSize', String(nextSize));
        }
      }),
    setSort: (sort) =>
      update((next) => {
        if (sort) {
          next.set('sort', sort);
        } else {
          next.delete('sort');
        }
        next.delete('page');
      }),
  };
}

/**
 * A list table over a paged query (`{items, total}`) and URL params: the error with a retry above it, the
 * rows, paging and sorting written to the URL, and an empty state that says why (`emptyText`).
 */
export function UrlTable<Row extends object, F extends string>(
  props: {
    query: UseQueryResult<{ items: Row[]; total: number }>;
    params: TableParams<F>;
    emptyText: ReactNode;
    /** The total under the table, when the page words it its own way (default 共 n 条). */
    totalText?: (total: number) => ReactNode;
  } & Omit<TableProps<Row>, 'dataSource' | 'loading' | 'pagination' | 'onChange'>,
) {
  const { t } = useI18n();
  const { query, params, emptyText, totalText, ...tableProps } = props;
  return (
    <>
      <QueryError query={query} />
      <Table<Row>
        {...tableProps}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        locale={{ emptyText: query.isError ? ' ' : <Empty description={emptyText} /> }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => (totalText ? totalText(total) : t('common.total', { total })),
        }}
        onChange={(pagination, _filters, sorter) => {
          const single = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = typeof single?.field === 'string' ? single.field : undefined;
          const sort =
            field && single?.order ? `${single.order === 'descend' ? '-' : ''}${field}` : undefined;
          if (sort !== params.sort) {
            params.setSort(sort);
            return;
          }
          params.setPage(pagination.current ?? 1, pagination.pageSize ?? params.pageSize);
        }}
      />
    </>
  );
}
