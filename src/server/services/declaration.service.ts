import { randomBytes } from 'node:crypto';
import { clock } from '../../shared/clock.js';
import { maskIdNumber, maskPhone } from '../../shared/id-number.js';
import { qrPng } from '../adapters/qr-code.js';
import type { Secrets } from '../adapters/secrets.js';
import { imageType } from '../domain/file-type.js';
import { normaliseIdInput } from '../domain/id-input.js';
import { AppError, conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { type AuditActor, recordAudit } from './audit.js';
import type { RunInTransaction } from './transaction.js';

export interface DeclarationInput {
  name: string;
  idNumber: string;
  phone: string;
  description: string;
  /** The photo as base64 (optionally a data: URL). */
  photo?: string | null | undefined;
}

export interface DeclarationLimits {
  maxPhotoBytes: number;
  mergeWindowMs: number;
}

export const DEFAULT_DECLARATION_LIMITS: DeclarationLimits = {
  maxPhotoBytes: 2 * 1024 * 1024,
  mergeWindowMs: 24 * 3600_000,
};

const STATUS_TEXT: Record<string, string> = {
  lead: '已受理，村里正在核实',
  pending: '已受理，村里正在核实',
  linked: '已核实，已转为监测线索',
  closed: '已处理',
};

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newReference(): string {
  const bytes = randomBytes(8);
  const tail = [...bytes].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('');
  return `SB${clock().today().slice(2).replaceAll('-', '')}${tail}`;
}

/**
 * Self-declaration (农户自主申报, 一码通): the public page of each village takes a farmer's declaration,
 * raises a lead when the ID belongs to someone in that village, and otherwise queues it for the village.
 * The public answers never say whether an ID is registered; IDs and phones are stored encrypted.
 */
export function createDeclarationService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  secrets: Secrets;
  limits?: DeclarationLimits;
}) {
  const { repos, tx, secrets } = deps;
  const limits = deps.limits ?? DEFAULT_DECLARATION_LIMITS;

  async function village(code: string) {
    const region = await repos.regions.findByCode(code);
    if (region?.level !== 'village') {
      throw notFound('村');
    }
    const ancestry = await repos.regions.listAncestry(code);
    return { region, ancestry };
  }

  function decodePhoto(photo: string | null | undefined) {
    if (!photo) {
      return null;
    }
    const base64 = photo.replace(/^data:[^;,]*;base64,/, '');
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > limits.maxPhotoBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `照片不能超过 ${Math.round(limits.maxPhotoBytes / 1024 / 1024)} MB`,
      );
    }
    const type = imageType(bytes);
    if (!type) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '只能上传 JPG、PNG 或 WebP 照片');
    }
    return { bytes, type };
  }

  async function findInScope(actor: Actor, id: number, r: Repositories = repos) {
    const declaration = await r.declarations.findById(id);
    if (!declaration || !actor.scope.some((p) => declaration.region_code.startsWith(p))) {
      throw notFound('申报');
    }
    return declaration;
  }

  return {
    /** What the public page shows about a village: its name and where it is, nothing else. */
    async villageInfo(code: string) {
      const { region, ancestry } = await village(code);
      const name = (level: string) => ancestry.find((r) => r.level === level)?.name ?? '';
      return { code: region.code, village: region.name, town: name('town'), county: name('county') };
    },

    async declare(
      villageCode: string,
      input: DeclarationInput,
      client: { ip: string | null; requestId: string | null },
    ) {
      const { region } = await village(villageCode);
      const name = input.name.replace(/\s+/g, '');
      if (!name) {
        throw validation('请填写姓名', { field: 'name' });
      }
      const id = normaliseIdInput(input.idNumber);
      if (!id.ok) {
        throw validation(id.reason, { field: 'idNumber' });
      }
      const phone = input.phone.replace(/[\s-]/g, '');
      if (!/^1\d{10}$/.test(phone)) {
        throw validation('请填写 11 位手机号', { field: 'phone' });
      }
      const description = input.description.trim();
      if (description.length < 2) {
        throw validation('请说明遇到的困难', { field: 'description' });
      }
      const photo = decodePhoto(input.photo);
      const phoneHash = secrets.hash(phone);
      const idHash = secrets.hash(id.id);
      const audit: AuditActor = {
        userId: null,
        username: 'public',
        ip: client.ip,
        requestId: client.requestId,
      };

      return tx(async (t) => {
        const recent = await t.declarations.findRecent(idHash, new Date(Date.now() - limits.mergeWindowMs));
        if (recent) {
          await t.declarations.mergeRepeat(Number(recent.id), description);
          await recordAudit(t, audit, {
            action: 'declaration.merge',
            entityType: 'declaration',
            entityId: recent.id,
            regionCode: recent.region_code,
            new: { reference: recent.reference },
          });
          return { reference: recent.reference, merged: true };
        }
        const reference = newReference();
        const person = await t.declarations.findPersonInVillage(idHash, region.code);
        let leadId: number | null = null;
        if (person) {
          const lead = await t.leads.raise({
            householdId: Number(person.household_id),
            source: 'self_declaration',
            reasons: ['self_declaration'],
            facts: { description, reference },
            ref: reference,
          });
          leadId = lead.leadId;
        }
        const declarationId = await t.declarations.insert({
          reference,
          county_code: `${region.code.slice(0, 6)}000000`,
          region_code: region.code,
          name,
          id_hash: idHash,
          id_enc: secrets.encrypt(id.id),
          id_masked: maskIdNumber(id.id),
          phone_hash: phoneHash,
          phone_enc: secrets.encrypt(phone),
          phone_masked: maskPhone(phone),
          description,
          photo: photo?.bytes ?? null,
          photo_type: photo?.type ?? null,
          status: person ? 'lead' : 'pending',
          household_id: person ? Number(person.household_id) : null,
          lead_id: leadId,
        });
        await recordAudit(t, audit, {
          action: 'declaration.create',
          entityType: 'declaration',
          entityId: declarationId,
          regionCode: region.code,
          new: { reference, status: person ? 'lead' : 'pending', leadId },
        });
        return { reference, merged: false };
      });
    },

    /** The status of a declaration for whoever holds its reference and phone; anything else is not found. */
    async status(input: { reference: string; phone: string }) {
      const found = await repos.declarations.findByReference(input.reference.trim().toUpperCase());
      if (!found || found.phone_hash !== secrets.hash(input.phone.replace(/[\s-]/g, ''))) {
        throw notFound('申报');
      }
      return {
        reference: found.reference,
        status: found.status,
        statusText: STATUS_TEXT[found.status] ?? found.status,
        createdAt: new Date(found.created_at).toISOString(),
        updatedAt: new Date(found.updated_at).toISOString(),
      };
    },

    /** The QR code of a village's public page (for its printed poster); the village must be in scope. */
    async qrPng(actor: Actor, code: string, origin: string): Promise<Buffer> {
      const { region } = await village(code);
      if (!actor.scope.some((p) => region.code.startsWith(p))) {
        throw notFound('村');
      }
      return qrPng(`${origin}/declare/${region.code}`);
    },

    async list(actor: Actor, filter: { status?: string | undefined; page: number; pageSize: number }) {
      const { rows, total } = await repos.declarations.list({
        scope: actor.scope,
        status: filter.status,
        limit: filter.pageSize,
        offset: (filter.page - 1) * filter.pageSize,
      });
      return {
        items: rows.map((d) => ({
          id: Number(d.id),
          reference: d.reference,
          regionCode: d.region_code,
          villageName: d.village_name,
          name: d.name,
          idMasked: d.id_masked,
          phoneMasked: d.phone_masked,
          description: d.description,
          repeatCount: d.repeat_count,
          status: d.status as 'lead' | 'pending' | 'linked' | 'closed',
          householdId: d.household_id === null ? null : Number(d.household_id),
          leadId: d.lead_id === null ? null : Number(d.lead_id),
          closedReason: d.closed_reason,
          hasPhoto: d.has_photo,
          version: d.version,
          createdAt: new Date(d.created_at).toISOString(),
        })),
        total,
      };
    },

    async photo(actor: Actor, id: number) {
      const declaration = await findInScope(actor, id);
      if (!declaration.photo) {
        throw notFound('照片');
      }
      return {
        bytes: Buffer.from(declaration.photo),
        type: declaration.photo_type ?? 'application/octet-stream',
      };
    },

    /** Links an unmatched declaration to a household in scope: it becomes (or joins) the household's lead. */
    async link(actor: Actor, id: number, input: { householdId: number; version: number }) {
      return tx(async (t) => {
        const declaration = await findInScope(actor, id, t);
        const household = await t.households.findAccessibleById(input.householdId, {
          scope: actor.scope,
          helperUserId: null,
        });
        if (!household) {
          throw notFound('农户');
        }
        if (declaration.status !== 'pending') {
          throw conflict('该申报已处理');
        }
        const lead = await t.leads.raise({
          householdId: input.householdId,
          source: 'self_declaration',
          reasons: ['self_declaration'],
          facts: { description: declaration.description, reference: declaration.reference },
          ref: declaration.reference,
          createdBy: actor.userId,
        });
        const done = await t.declarations.settle({
          id,
          version: input.version,
          status: 'linked',
          householdId: input.householdId,
          leadId: lead.leadId,
          reason: null,
          userId: actor.userId,
        });
        if (!done) {
          throw conflict('该申报已被他人处理或修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'declaration.link',
          entityType: 'declaration',
          entityId: id,
          regionCode: declaration.region_code,
          new: { householdId: input.householdId, leadId: lead.leadId },
        });
        return { id, status: 'linked' as const, leadId: lead.leadId };
      });
    },

    async close(actor: Actor, id: number, input: { reason: string; version: number }) {
      const reason = input.reason.trim();
      if (!reason) {
        throw validation('请填写关闭理由', { field: 'reason' });
      }
      return tx(async (t) => {
        const declaration = await findInScope(actor, id, t);
        const done = await t.declarations.settle({
          id,
          version: input.version,
          status: 'closed',
          householdId: null,
          leadId: null,
          reason,
          userId: actor.userId,
        });
        if (!done) {
          throw conflict('该申报已被他人处理或修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'declaration.close',
          entityType: 'declaration',
          entityId: id,
          regionCode: declaration.region_code,
          new: { reason },
        });
        return { id, status: 'closed' as const, leadId: null };
      });
    },
  };
}

export type DeclarationService = ReturnType<typeof createDeclarationService>;
