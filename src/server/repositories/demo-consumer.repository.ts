import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

const COUNTIES = ['411302000000', '411303000000'];

/**
 * Set-based writes of the demo's consumer assistance: products of the demo operators at every stage (one due for
 * renewal, one expired, one refused below the floor), their linked households, steps and notices, two brands
 * with licensees, and this year's sales across channels up to today.
 */
export function createDemoConsumerRepository(db: Kysely<DB>) {
  return {
    async seed(today: string): Promise<{ products: number; sales: number }> {
      const on = (days: number) => sql`(${today}::date + ${days}::int)`;
      const year = Number(today.slice(0, 4));
      const inserted = await sql<{ n: number }>`
        with spec (ord, op_like, name, category, annual_value, cert_level, stage, from_days, to_days, linkage_type,
                   comment) as (
          values
            (1, '%宛农食品%', '宛城黄牛肉', 'livestock', 3200000.00, 'city', 'certified', -400, 700, 'business', null),
            (2, '%艾草制品%', '宛艾艾条', 'processed', 850000.00, 'provincial', 'certified', -1050, 45, 'wage', null),
            (3, '%香菇种植专业合作社', '官庄香菇', 'fungi', 620000.00, 'county', 'certified', -1115, -20, 'business',
              null),
            (4, '%绿源家庭农场', '绿源草莓', 'fruit_veg', 180000.00, 'county', 'notice', -10, 1085, 'wage', null),
            (5, '%陈大牛%', '陈大牛牛肉干', 'processed', 260000.00, 'county', 'applied', 0, 1095, 'wage', null),
            (6, '%股份经济合作社', '张茨园小米', 'grain_oil', 130000.00, 'county', 'town_checked', 0, 1095, 'asset',
              null),
            (7, '%月季花卉%', '卧龙月季', 'other', 5600000.00, 'national', 'certified', -300, 800, 'wage', null),
            (8, '%中药材种植专业合作社', '卧龙丹参', 'herbal', 90000.00, 'county', 'refused', 0, 1095, 'business',
              '年产值（销售额）9万元，低于本县认定标准10万元，不予认定'),
            (9, '%中药材种植专业合作社', '卧龙山茱萸', 'herbal', 350000.00, 'county', 'county_reviewed', 0, 1095,
              'business', null),
            (10, '%宛农食品%', '宛农牛肉酱', 'processed', 400000.00, 'city', 'returned', 0, 1095, 'business',
              '带动农户名单不全，请补充后重新申报')
        ),
        picked as (
          select distinct on (s.ord) s.*, o.id as operator_id, o.county_code, o.region_code
          from spec s join operator o on o.name like s.op_like and o.county_code in (${sql.join(COUNTIES)})
          order by s.ord, o.id
        )
        insert into consumer_product (county_code, region_code, operator_id, name, category, annual_value,
          cert_level, certificate_no, valid_from, valid_to, linkage_type, stage, certified_on, last_comment,
          created_at)
        select p.county_code, p.region_code, p.operator_id, p.name, p.category, p.annual_value, p.cert_level,
          case when p.stage = 'certified' then 'XFBF-' || substr(p.county_code, 1, 6) || '-' || lpad(p.ord::text, 3, '0') end,
          ${today}::date + p.from_days, ${today}::date + p.to_days, p.linkage_type, p.stage,
          case when p.stage = 'certified' then ${today}::date + p.from_days end, p.comment,
          (${today}::date + least(p.from_days, 0) - 30)::timestamptz
        from picked p
        returning id`.execute(db);
      const products = inserted.rows.length;
      if (products === 0) {
        return { products: 0, sales: 0 };
      }
      const scope = sql`county_code in (${sql.join(COUNTIES)})`;

      // Up to eight 脱贫/监测 households of the producer's county (and one ordinary) per product.
      await sql`
        insert into consumer_product_household (product_id, household_id, county_code)
        select x.product_id, x.household_id, x.county_code from (
          select p.id as product_id, h.id as household_id, p.county_code,
                 row_number() over (partition by p.id order by (h.id * 7 + p.id * 13) % 101, h.id) as k
          from consumer_product p join household h on h.county_code = p.county_code
          where p.${scope} and (h.household_type in ('exited_poverty', 'monitored') or h.id % 9 = 0)
        ) x where x.k <= 8`.execute(db);

      // Each product's notice: over for the certified ones (before their certification), running for one.
      await sql`
        insert into public_notice (county_code, region_code, subject_kind, subject_id, purpose, channel, starts_on,
          ends_on)
        select p.county_code, p.region_code, 'consumer_product', p.id, 'certification', '县政府网站',
          case when p.stage = 'notice' then ${on(-5)} else p.valid_from - 25 end,
          case when p.stage = 'notice' then ${on(5)} else p.valid_from - 14 end
        from consumer_product p where p.${scope} and p.stage in ('notice', 'certified')`.execute(db);
      await sql`
        update consumer_product p set notice_id = n.id from public_notice n
        where n.subject_kind = 'consumer_product' and n.subject_id = p.id and p.${scope}`.execute(db);

      // The steps that led to each product's stage.
      await sql`
        with steps (ord, action, to_stage, actor_name) as (
          values (0, 'declare', 'applied', '乡镇经办人'), (1, 'check', 'town_checked', '乡镇审核人'),
                 (2, 'review', 'county_reviewed', '县乡村振兴局'), (3, 'notice', 'notice', '县乡村振兴局'),
                 (4, 'certify', 'certified', '县乡村振兴局')
        ),
        reached as (
          select p.*, case p.stage when 'refused' then 1 when 'returned' then 0
            else array_position(array['applied', 'town_checked', 'county_reviewed', 'notice', 'certified'],
              p.stage) - 1 end as ord,
            least(p.valid_from, ${today}::date) as base
          from consumer_product p where p.${scope}
        )
        insert into consumer_product_event (county_code, product_id, action, from_stage, to_stage, acted_on,
          actor_name)
        select r.county_code, r.id, s.action, lag(s.to_stage) over (partition by r.id order by s.ord), s.to_stage,
          case when r.stage = 'notice' and s.action = 'notice' then ${on(-5)}
               when r.stage = 'certified' then r.valid_from + (array[-40, -35, -30, -25, 0])[s.ord + 1]
               else r.base + (array[-30, -20, -10, -5, 0])[s.ord + 1] end,
          s.actor_name
        from reached r join steps s on s.ord <= r.ord`.execute(db);
      await sql`
        insert into consumer_product_event (county_code, product_id, action, from_stage, to_stage, acted_on,
          actor_name, comment)
        select p.county_code, p.id, case p.stage when 'refused' then 'refuse' else 'send_back' end,
          case p.stage when 'refused' then 'town_checked' else 'applied' end, p.stage, ${on(-3)},
          case p.stage when 'refused' then '县乡村振兴局' else '乡镇审核人' end, p.last_comment
        from consumer_product p where p.${scope} and p.stage in ('refused', 'returned')`.execute(db);

      // Two brands with their products and licensees.
      await sql`
        insert into consumer_brand (county_code, name, kind, owner_operator_id, owner_unit, note)
        values ('411302000000', '宛城好物', 'regional', null, '宛城区农业农村局', '宛产豫用、宛品出豫'),
               ('411303000000', '卧龙月季', 'product',
                 (select id from operator where county_code = '411303000000' and name like '%月季花卉%' order by id limit 1),
                 null, null)`.execute(db);
      await sql`
        insert into consumer_brand_product (brand_id, product_id, county_code)
        select b.id, p.id, p.county_code from consumer_brand b
        join consumer_product p on p.county_code = b.county_code and p.stage = 'certified'
        where b.${scope}`.execute(db);
      await sql`
        insert into consumer_brand_licensee (county_code, brand_id, operator_id, licensed_from, licensed_to)
        select b.county_code, b.id, o.id, make_date(${year - 1}::int, 3, 1), make_date(${year + 2}::int, 2, 28)
        from consumer_brand b join operator o on o.county_code = b.county_code
          and o.operator_type in ('lead_enterprise', 'cooperative') and o.id is distinct from b.owner_operator_id
        where b.${scope}`.execute(db);

      // This year's sales of the certified products, every nine days up to today and within their validity.
      const sales = await sql<{ n: number }>`
        with days as (
          select d::date as sold_on, row_number() over (order by d) as k
          from generate_series(make_date(${year}::int, 1, 3)::timestamp, ${today}::date::timestamp, '9 days') d
        ),
        plan (j, channel, buyer_type, buyer_name) as (
          values (0, 'matchmaking', 'enterprise', '南阳鲜达供应链有限公司'), (1, 'canteen', 'agency', '南阳市直机关食堂'),
                 (2, 'online', 'ecommerce', '832 平台'), (3, 'pairing', 'pairing_unit', '定点帮扶单位（市财政局）'),
                 (4, 'fair', 'individual', '展销会散客'), (5, 'store', 'supermarket', '万德隆超市'),
                 (6, 'canteen', 'school', '南阳市第一中学食堂')
        ),
        ins as (
          insert into consumer_sale (county_code, region_code, product_id, sold_on, channel, buyer_type, buyer_name,
            amount, quantity)
          select p.county_code, p.region_code, p.id, d.sold_on, pl.channel, pl.buyer_type, pl.buyer_name,
            round(p.annual_value / 120 * (1 + ((d.k + p.id) % 5)) / 100, 0) * 100 + ((d.k * 37 + p.id) % 100),
            ((1 + (d.k + p.id) % 5) * 50)::text || ' 件'
          from consumer_product p join days d on d.sold_on between p.valid_from and p.valid_to
          join plan pl on pl.j = (d.k + p.id) % 7
          where p.${scope} and p.stage = 'certified'
          returning id
        )
        select count(*)::int as n from ins`.execute(db);
      return { products, sales: sales.rows[0]?.n ?? 0 };
    },
  };
}
