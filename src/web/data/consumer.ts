/** Consumer assistance (消费帮扶): products and their steps, renewals, brands, sales and the year's report. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type Product = ResponseOf<'/api/consumer-products', 'get'>['items'][number];
export type ProductDetail = ResponseOf<'/api/consumer-products/{id}', 'get'>;
export type ProductSearch = QueryOf<'/api/consumer-products', 'get'>;
export type ProductBody = BodyOf<'/api/consumer-products', 'post'>;
export type ProductUpdateBody = BodyOf<'/api/consumer-products/{id}', 'patch'>;
export type ProductActBody = BodyOf<'/api/consumer-products/actions', 'post'>;
export type ProductNoticeBody = BodyOf<'/api/consumer-products/notices', 'post'>;
export type ProductObjectionsBody = BodyOf<'/api/consumer-products/notices/{id}/objections', 'put'>;
export type Renewal = ResponseOf<'/api/consumer-products/renewals', 'get'>['items'][number];
export type Brand = ResponseOf<'/api/consumer-brands', 'get'>['items'][number];
export type BrandBody = BodyOf<'/api/consumer-brands', 'post'>;
export type Sale = ResponseOf<'/api/consumer-sales', 'get'>['items'][number];
export type SaleSearch = QueryOf<'/api/consumer-sales', 'get'>;
export type SaleBody = BodyOf<'/api/consumer-sales', 'post'>;
export type ConsumerReport = ResponseOf<'/api/consumer-sales/report', 'get'>;
export type ConsumerSettings = ResponseOf<'/api/consumer-settings', 'get'>;
export type ConsumerSettingsBody = BodyOf<'/api/consumer-settings', 'put'>;

export const consumerKeys = {
  all: ['consumer'] as const,
  products: (search: ProductSearch) => ['consumer', 'products', search] as const,
  product: (id: number) => ['consumer', 'product', id] as const,
  renewals: (regionCode?: string) => ['consumer', 'renewals', regionCode ?? ''] as const,
  brands: ['consumer', 'brands'] as const,
  sales: (search: SaleSearch) => ['consumer', 'sales', search] as const,
  report: (year: number, regionCode?: string) => ['consumer', 'report', year, regionCode ?? ''] as const,
  settings: (countyCode?: string) => ['consumer', 'settings', countyCode ?? ''] as const,
};

export function useProducts(search: ProductSearch) {
  return useQuery({
    queryKey: consumerKeys.products(search),
    queryFn: ({ signal }) =>
      call(client.GET('/api/consumer-products', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useProduct(id: number | null) {
  return useQuery({
    queryKey: consumerKeys.product(id ?? 0),
    queryFn: ({ signal }) =>
      call(client.GET('/api/consumer-products/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== null,
  });
}

export function useRenewals(regionCode?: string) {
  return useQuery({
    queryKey: consumerKeys.renewals(regionCode),
    queryFn: ({ signal }) =>
      call(client.GET('/api/consumer-products/renewals', { params: { query: { regionCode } }, signal })),
  });
}

export function useBrands() {
  return useQuery({
    queryKey: consumerKeys.brands,
    queryFn: ({ signal }) => call(client.GET('/api/consumer-brands', { signal })),
  });
}

export function useSales(search: SaleSearch) {
  return useQuery({
    queryKey: consumerKeys.sales(search),
    queryFn: ({ signal }) => call(client.GET('/api/consumer-sales', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useConsumerReport(year: number, regionCode?: string) {
  return useQuery({
    queryKey: consumerKeys.report(year, regionCode),
    queryFn: ({ signal }) =>
      call(client.GET('/api/consumer-sales/report', { params: { query: { year, regionCode } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useConsumerSettings(countyCode?: string) {
  return useQuery({
    queryKey: consumerKeys.settings(countyCode),
    queryFn: ({ signal }) =>
      call(client.GET('/api/consumer-settings', { params: { query: { countyCode } }, signal })),
  });
}

/** Every write moves stages, sums or lists: the whole feature's queries refresh. */
function useConsumerWrite<A, R>(write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consumerKeys.all }),
  });
}

export const useDeclareProduct = () =>
  useConsumerWrite((body: ProductBody) => call(client.POST('/api/consumer-products', { body })));

export const useEditProduct = () =>
  useConsumerWrite(({ id, body }: { id: number; body: ProductUpdateBody }) =>
    call(client.PATCH('/api/consumer-products/{id}', { params: { path: { id } }, body })),
  );

export const useActOnProducts = () =>
  useConsumerWrite((body: ProductActBody) => call(client.POST('/api/consumer-products/actions', { body })));

export const usePostProductNotice = () =>
  useConsumerWrite((body: ProductNoticeBody) =>
    call(client.POST('/api/consumer-products/notices', { body })),
  );

export const useRecordProductObjections = () =>
  useConsumerWrite(({ id, body }: { id: number; body: ProductObjectionsBody }) =>
    call(client.PUT('/api/consumer-products/notices/{id}/objections', { params: { path: { id } }, body })),
  );

export const useSaveBrand = () =>
  useConsumerWrite(({ id, body }: { id: number | null; body: BrandBody & { version?: number } }) =>
    id === null
      ? call(client.POST('/api/consumer-brands', { body }))
      : call(
          client.PATCH('/api/consumer-brands/{id}', {
            params: { path: { id } },
            body: { ...body, version: body.version ?? 1 },
          }),
        ),
  );

/** The floors and the renewal window: the renewal list and the validity tags refresh with the feature. */
export const useSaveConsumerSettings = () =>
  useConsumerWrite((body: ConsumerSettingsBody) => call(client.PUT('/api/consumer-settings', { body })));

export const useRecordSale = () =>
  useConsumerWrite((body: SaleBody) => call(client.POST('/api/consumer-sales', { body })));

/** Refreshes the feature after a 409, so the next try carries the versions as they now are. */
export function useRefreshConsumer() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: consumerKeys.all });
}

export const consumerLedgerUrl = (year: number, regionCode?: string) =>
  apiUrl('/api/consumer-products/ledger.xlsx', { year, regionCode });
