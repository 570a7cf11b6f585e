import { createHash } from 'node:crypto';
import { shanghaiToday } from '../../shared/calendar.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { HouseholdService } from './household.service.js';
import type { RunInTransaction } from './transaction.js';

type VisitRow = NonNullable<Awaited<ReturnType<Repositories['visits']['findById']>>>;

export interface VisitInput {
  id: string;
  householdId: number;
  visitedOn: string;
  incomeChanged: boolean;
  incomeNote?: string | null | undefined;
  guaranteesNote?: string | null | undefined;
  industryNote?: string | null | undefined;
  workNote?: string | null | undefined;
  newRisks: string[];
  measuresAgreed?: string | null | undefined;
  note?: string | null | undefined;
  attachmentIds: string[];
}

function presentVisit(v: VisitRow) {
  return {
    id: v.id,
    householdId: v.household_id,
    visitedOn: v.visited_on,
    visitorName: v.visitor_name,
    incomeChanged: v.income_changed,
    incomeNote: v.income_note,
    guaranteesNote: v.guarantees_note,
    industryNote: v.industry_note,
    workNote: v.work_note,
    newRisks: v.new_risks as string[],
    measuresAgreed: v.measures_agreed,
    note: v.note,
    leadId: v.lead_id,
    attachmentIds: v.attachment_ids as string[],
    createdAt: new Date(v.created_at).toISOString(),
  };
}

/** Magic numbers of the accepted types: the declared type must match the bytes. */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** Visits (走访) on the cadence of point 15, and the photos and signed forms they and case steps carry. */
export function createVisitService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  households: HouseholdService;
}) {
  const { repos, tx, households } = deps;

  async function householdFor(actor: Actor, id: number, r: Repositories = repos) {
    const household = await r.households.findAccessibleById(id, households.accessOf(actor));
    if (!household) {
      throw notFound('农户');
    }
    return household;
  }

  return {
    async policy() {
      return (await repos.visits.policy()).map((p) => ({
        householdType: p.household_type as 'ordinary',
        months: p.months,
      }));
    },

    /** The visit cadence per household type (point 15: monthly, quarterly, half-yearly by default). */
    async setPolicy(actor: Actor, input: Array<{ householdType: string; months: number }>) {
      await tx(async (t) => {
        const before = await t.visits.policy();
        for (const p of input) {
          await t.visits.setPolicy(p.householdType, p.months);
        }
        await recordAudit(t, actor, {
          action: 'visit.policy',
          entityType: 'visit_policy',
          old: Object.fromEntries(before.map((p) => [p.household_type, p.months])),
          new: Object.fromEntries(input.map((p) => [p.householdType, p.months])),
        });
      });
      return this.policy();
    },

    async due(
      actor: Actor,
      input: {
        regionCode?: string | undefined;
        overdueOnly?: string | undefined;
        helperUserId?: number | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const today = shanghaiToday();
      const { rows, total } = await repos.visits.due({
        access: households.accessOf(actor),
        regionPrefix: input.regionCode,
        overdueOnly: input.overdueOnly === 'true',
        helperUserId: input.helperUserId,
        today,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return {
        today,
        total,
        items: rows.map((r) => ({
          householdId: r.id,
          householdNo: r.household_no,
          headName: r.head_name,
          householdType: r.household_type as 'ordinary',
          regionCode: r.region_code,
          regionName: r.region_name,
          cadenceMonths: r.months,
          lastVisitedOn: r.last_visited_on,
          dueOn: r.due_on,
          isOverdue: r.due_on < today,
        })),
      };
    },

    async forHousehold(actor: Actor, householdId: number) {
      await householdFor(actor, householdId);
      return (await repos.visits.forHousehold(householdId)).map(presentVisit);
    },

    /**
     * Records a visit once per client id: a retried or twice-sent visit returns the stored one. New risks
     * found on the visit raise (or join) the household's lead, so nothing seen in the field is lost.
     */
    async record(actor: Actor, input: VisitInput) {
      const today = shanghaiToday();
      if (input.visitedOn > today) {
        throw validation('走访日期不能晚于今天', { field: 'visitedOn' });
      }
      const existing = await repos.visits.findById(input.id);
      if (existing) {
        if (existing.household_id !== input.householdId || existing.visitor_id !== actor.userId) {
          throw conflict('该走访编号已被使用');
        }
        return { visit: presentVisit(existing), created: false };
      }
      const created = await tx(async (t) => {
        const household = await householdFor(actor, input.householdId, t);
        const attached = await t.visits.attachmentsOf(household.id, input.attachmentIds);
        if (attached.length !== new Set(input.attachmentIds).size) {
          throw validation('照片不存在或不属于该户', { field: 'attachmentIds' });
        }
        const inserted = await t.visits.insertOnce({
          id: input.id,
          household_id: household.id,
          county_code: household.county_code,
          region_code: household.region_code,
          visitor_id: actor.userId ?? 0,
          visitor_name: actor.displayName,
          visited_on: input.visitedOn,
          income_changed: input.incomeChanged,
          income_note: input.incomeNote ?? null,
          guarantees_note: input.guaranteesNote ?? null,
          industry_note: input.industryNote ?? null,
          work_note: input.workNote ?? null,
          new_risks: JSON.stringify(input.newRisks),
          measures_agreed: input.measuresAgreed ?? null,
          note: input.note ?? null,
          attachment_ids: JSON.stringify(input.attachmentIds),
        });
        if (!inserted) {
          return false;
        }
        if (input.newRisks.length > 0) {
          const { leadId } = await t.leads.raise({
            householdId: household.id,
            source: 'visit',
            reasons: input.newRisks.map((r) => `risk_${r}`),
            note: input.note ?? null,
            ref: `visit:${input.id}`,
            createdBy: actor.userId,
          });
          await t.visits.setLead(input.id, leadId);
        }
        await recordAudit(t, actor, {
          action: 'visit.create',
          entityType: 'visit',
          entityId: input.id,
          regionCode: household.region_code,
          new: { ...input, attachmentIds: input.attachmentIds.length },
        });
        return true;
      });
      const visit = await repos.visits.findById(input.id);
      if (!visit) {
        throw notFound('走访记录');
      }
      return { visit: presentVisit(visit), created };
    },

    /** Stores a photo or signed form; the same id sent again (an offline retry) is stored once. */
    async upload(
      actor: Actor,
      input: { id: string; householdId: number; filename: string; mimeType: string; contentBase64: string },
      maxBytes: number,
    ) {
      const content = Buffer.from(input.contentBase64, 'base64');
      if (content.length === 0) {
        throw validation('文件为空', { field: 'contentBase64' });
      }
      if (content.length > maxBytes) {
        throw validation(`文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, { field: 'contentBase64' });
      }
      if (!SIGNATURES[input.mimeType]?.(content)) {
        throw validation('文件内容与类型不符，只接受 JPEG、PNG、WebP 图片和 PDF', { field: 'mimeType' });
      }
      const sha256 = createHash('sha256').update(content).digest('hex');
      await tx(async (t) => {
        const household = await householdFor(actor, input.householdId, t);
        const existing = await t.visits.findAttachmentMeta(input.id);
        if (existing) {
          if (existing.household_id !== household.id || existing.sha256 !== sha256) {
            throw conflict('该附件编号已被使用');
          }
          return;
        }
        await t.visits.insertAttachment({
          id: input.id,
          county_code: household.county_code,
          household_id: household.id,
          filename: input.filename,
          mime_type: input.mimeType,
          size_bytes: content.length,
          sha256,
          content,
          uploaded_by: actor.userId ?? 0,
        });
        await recordAudit(t, actor, {
          action: 'attachment.create',
          entityType: 'attachment',
          entityId: input.id,
          regionCode: household.region_code,
          new: {
            householdId: household.id,
            filename: input.filename,
            mimeType: input.mimeType,
            sizeBytes: content.length,
            sha256,
          },
        });
      });
      const meta = await repos.visits.findAttachmentMeta(input.id);
      if (!meta) {
        throw notFound('附件');
      }
      return {
        id: meta.id,
        householdId: meta.household_id,
        filename: meta.filename,
        mimeType: meta.mime_type,
        sizeBytes: meta.size_bytes,
        uploadedAt: new Date(meta.uploaded_at).toISOString(),
      };
    },

    async download(actor: Actor, id: string) {
      const attachment = await repos.visits.findAttachment(id);
      if (!attachment) {
        throw notFound('附件');
      }
      await householdFor(actor, attachment.household_id).catch(() => {
        throw notFound('附件');
      });
      return attachment;
    },
  };
}

export type VisitService = ReturnType<typeof createVisitService>;
