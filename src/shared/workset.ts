/**
 * The offline work set (GET /api/sync/workset), shared by the server and the web app's IndexedDB store.
 * The server's zod schema (`server/schemas/sync.schema.ts`) has the same shape and strips anything else.
 */
export interface WorksetMember {
  id: number;
  name: string;
  relation: string;
  sex: string;
  /** Masked ID number only: the full number never leaves the server for a phone. */
  idMasked: string;
  labourSkill: string | null;
  health: string | null;
}

export interface WorksetVisit {
  id: string;
  visitedOn: string;
  visitorName: string;
  incomeChanged: boolean;
  newRisks: string[];
  note: string | null;
}

export interface WorksetLead {
  id: number;
  source: string;
  reasons: string[];
  foundOn: string;
  note: string | null;
  version: number;
}

export interface WorksetAlert {
  id: number;
  department: string;
  feedType: string;
  ruleCode: string;
  period: string;
  personName: string;
  dueOn: string;
  version: number;
}

export interface WorksetHousehold {
  id: number;
  householdNo: string | null;
  householdType: string;
  headName: string;
  memberCount: number;
  address: string | null;
  /** The facts a cadre may correct offline (see web/offline/facts.ts); the PATCH accepts them as they are. */
  housingGrade: string | null;
  waterQuantityOk: boolean | null;
  waterQualityOk: boolean | null;
  phoneMasked: string | null;
  regionCode: string;
  regionName: string;
  version: number;
  cadenceMonths: number;
  lastVisitedOn: string | null;
  dueOn: string;
  members: WorksetMember[];
  lastVisits: WorksetVisit[];
  openLeads: WorksetLead[];
  openAlerts: WorksetAlert[];
}

export interface WorksetResponse {
  /** Send back as `since` for the next refresh. */
  cursor: string;
  /** true: the whole work set (replace everything); false: only households changed since `since`. */
  full: boolean;
  households: WorksetHousehold[];
  /** Every household id in scope now; the device drops any it holds that is not listed. */
  scopeIds: number[];
}
