import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZIdParam, ZOk } from '../schemas/common.schema.js';
import {
  ZBrand,
  ZBrandInput,
  ZBrandList,
  ZBrandUpdate,
  ZConsumerReport,
  ZConsumerSettings,
  ZConsumerSettingsInput,
  ZConsumerSettingsQuery,
  ZConsumerYearQuery,
  ZProductAct,
  ZProductActResult,
  ZProductDetail,
  ZProductInput,
  ZProductList,
  ZProductNoticeInput,
  ZProductNoticeResult,
  ZProductObjections,
  ZProductSearch,
  ZProductUpdate,
  ZRenewalList,
  ZRenewalQuery,
  ZSaleCreated,
  ZSaleInput,
  ZSaleList,
  ZSaleSearch,
} from '../schemas/consumer-assistance.schema.js';
import type { Services } from '../services/index.js';

const tags = ['consumer-assistance'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Consumer assistance (消费帮扶): products through certification, brands, sales and the report. */
export const consumerAssistanceRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.consumer;

    app.get(
      '/consumer-settings',
      {
        config: { permission: 'consumer.read' },
        schema: {
          summary: 'A county’s value floors and renewal window (defaults until the county sets them)',
          tags,
          querystring: ZConsumerSettingsQuery,
          response: { 200: ZConsumerSettings, ...authErrors },
        },
      },
      async (request) => s.settings(actorOf(request), request.query.countyCode),
    );

    app.put(
      '/consumer-settings',
      {
        config: { permission: 'consumer.configure' },
        schema: {
          summary: 'Set the county’s value floors and renewal window (409 when stale)',
          tags,
          body: ZConsumerSettingsInput,
          response: { 200: ZConsumerSettings, ...authErrors },
        },
      },
      async (request) => s.saveSettings(actorOf(request), request.body),
    );

    app.get(
      '/consumer-products',
      {
        config: { permission: 'consumer.read' },
        schema: {
          summary:
            'Consumer-assistance products in the caller’s scope, by stage, category, level and validity',
          tags,
          querystring: ZProductSearch,
          response: { 200: ZProductList, ...authErrors },
        },
      },
      async (request) => s.products(actorOf(request), request.query),
    );

    app.post(
      '/consumer-products',
      {
        config: { permission: 'consumer.declare' },
        schema: {
          summary: 'Enter a producer’s application (township or county)',
          tags,
          body: ZProductInput,
          response: { 200: ZProductDetail, ...authErrors },
        },
      },
      async (request) => s.declare(actorOf(request), request.body),
    );

    app.get(
      '/consumer-products/renewals',
      {
        config: { permission: 'consumer.read' },
        schema: {
          summary: 'Certified products due for renewal within their county’s window, and the expired ones',
          tags,
          querystring: ZRenewalQuery,
          response: { 200: ZRenewalList, ...authErrors },
        },
      },
      async (request) => s.renewals(actorOf(request), request.query),
    );

    app.get(
      '/consumer-products/ledger.xlsx',
      {
        config: { permission: 'consumer.read' },
        schema: {
          summary: 'The 消费帮扶产品台账 of a year as an Excel workbook',
          tags,
          querystring: ZConsumerYearQuery,
        },
      },
      async (request, reply) => {
        const file = await s.ledgerXlsx(actorOf(request), request.query);
        return download(reply, file.filename, XLSX).send(file.buffer);
      },
    );

    app.post(
      '/consumer-products/actions',
      {
        config: { permission: 'consumer.act' },
        schema: {
          summary:
            'A step on one or more products by the level that holds them (all or nothing; 409 when stale)',
          tags,
          body: ZProductAct,
          response: { 200: ZProductActResult, ...authErrors },
        },
      },
      async (request) => s.act(actorOf(request), request.body),
    );

    app.post(
      '/consumer-products/notices',
      {
        config: { permission: 'consumer.act' },
        schema: {
          summary: 'Post the county’s reviewed products on a public notice each (at least 10 days)',
          tags,
          body: ZProductNoticeInput,
          response: { 200: ZProductNoticeResult, ...authErrors },
        },
      },
      async (request) => s.postNotice(actorOf(request), request.body),
    );

    app.put(
      '/consumer-products/notices/:id/objections',
      {
        config: { permission: 'consumer.act' },
        schema: {
          summary: 'Record objections raised during a product’s notice and whether they are settled',
          tags,
          params: ZIdParam,
          body: ZProductObjections,
          response: { 200: ZOk, ...authErrors },
        },
      },
      async (request) => s.recordObjections(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/consumer-products/:id',
      {
        config: { permission: 'consumer.read' },
        schema: {
          summary: 'One product with its linked households, steps and this year’s sales',
          tags,
          params: ZIdParam,
          response: { 200: ZProductDetail, ...authErrors },
        },
      },
      async (request) => s.product(actorOf(request), request.params.id),
    );

    app.patch(
      '/consumer-products/:id',
      {
        config: { permission: 'consumer.declare' },
        schema: {
          summary: 'Edit an application still with the township (applied or sent back); it is applied again',
          tags,
          params: ZIdParam,
          body: ZProductUpdate,
          response: { 200: ZProductDetail, ...authErrors },
        },
      },
      async (request) => s.edit(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/consumer-brands',
      {
        config: { permission: 'consumer.read' },
        schema: {
          summary: 'Brands (区域公用品牌, 产品品牌) of the counties in scope with products and licensees',
          tags,
          response: { 200: ZBrandList, ...authErrors },
        },
      },
      async (request) => s.brands(actorOf(request)),
    );

    app.post(
      '/consumer-brands',
      {
        config: { permission: 'consumer.configure' },
        schema: {
          summary: 'Register a county brand with its products and licensees',
          tags,
          body: ZBrandInput,
          response: { 200: ZBrand, ...authErrors },
        },
      },
      async (request) => s.saveBrand(actorOf(request), null, request.body),
    );

    app.patch(
      '/consumer-brands/:id',
      {
        config: { permission: 'consumer.configure' },
        schema: {
          summary: 'Edit a brand, its products and licensees with the version seen (409 when stale)',
          tags,
          params: ZIdParam,
          body: ZBrandUpdate,
          response: { 200: ZBrand, ...authErrors },
        },
      },
      async (request) => s.saveBrand(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/consumer-sales',
      {
        config: { permission: 'consumer.read' },
        schema: {
          summary: 'Sales of consumer-assistance products in a year, by product, channel and buyer type',
          tags,
          querystring: ZSaleSearch,
          response: { 200: ZSaleList, ...authErrors },
        },
      },
      async (request) => s.sales(actorOf(request), request.query),
    );

    app.post(
      '/consumer-sales',
      {
        config: { permission: 'consumer.declare' },
        schema: {
          summary: 'Record a sale of a certified product (not in the future, within its validity)',
          tags,
          body: ZSaleInput,
          response: { 200: ZSaleCreated, ...authErrors },
        },
      },
      async (request) => s.recordSale(actorOf(request), request.body),
    );

    app.get(
      '/consumer-sales/report',
      {
        config: { permission: 'consumer.read' },
        schema: {
          summary: 'The year’s consumer-assistance sales by channel, buyer type and county',
          tags,
          querystring: ZConsumerYearQuery,
          response: { 200: ZConsumerReport, ...authErrors },
        },
      },
      async (request) => s.report(actorOf(request), request.query),
    );
  };
