import type { ProjectLevel } from './project-codes.js';

/**
 * The project library procedure as a pure state machine (domain-cdefg §D1, 国乡振发〔2021〕3号):
 * 村申报 → 公示 → 乡审核 → 县论证审定 → 入库, then the implementation stages up to settlement.
 * Township and county projects enter at their own level (no township review). A step is taken by one
 * level; send-back returns the project one level down with a reason.
 */
export const PROJECT_STAGES = [
  'draft',
  'notice',
  'town_review',
  'county_assessment',
  'approved',
  'plan_approved',
  'tendered',
  'contracted',
  'started',
  'finished',
  'accepted',
  'settled',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  draft: '草拟',
  notice: '公示中',
  town_review: '乡镇审核',
  county_assessment: '县级论证审定',
  approved: '已入库',
  plan_approved: '实施方案批复',
  tendered: '招投标',
  contracted: '签订合同',
  started: '开工',
  finished: '完工',
  accepted: '竣工验收',
  settled: '结算审计',
};

/** The implementation stages after entry into the library, in order; each is recorded with its date. */
export const IMPLEMENTATION_STAGES: readonly ProjectStage[] = [
  'plan_approved',
  'tendered',
  'contracted',
  'started',
  'finished',
  'accepted',
  'settled',
];

export const PROJECT_ACTIONS = [
  'start_notice',
  'submit',
  'town_pass',
  'county_approve',
  'send_back',
  'advance',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

export const PROJECT_ACTION_LABELS: Record<ProjectAction, string> = {
  start_notice: '发起公示',
  submit: '公示期满报送',
  town_pass: '乡镇审核通过',
  county_approve: '县级审定入库',
  send_back: '退回',
  advance: '登记实施进度',
};

/** The level of the actor's role that acts on projects; other roles never act. */
export type ActingLevel = ProjectLevel;

/** A project is in the library (fundable and payable) from approval on. */
export function isInLibrary(stage: ProjectStage): boolean {
  return PROJECT_STAGES.indexOf(stage) >= PROJECT_STAGES.indexOf('approved');
}

/** The level that acts at a stage of a project declared at `level`, or null when nobody acts. */
export function actingLevel(stage: ProjectStage, level: ProjectLevel): ActingLevel | null {
  switch (stage) {
    case 'draft':
    case 'notice':
      return level;
    case 'town_review':
      return 'town';
    case 'county_assessment':
      return 'county';
    case 'settled':
      return null;
    default:
      return 'county';
  }
}

/** The stage an action leads to, or null when the action is not allowed at this stage. */
export function nextStage(
  stage: ProjectStage,
  action: ProjectAction,
  level: ProjectLevel,
): ProjectStage | null {
  switch (action) {
    case 'start_notice':
      return stage === 'draft' ? 'notice' : null;
    case 'submit':
      if (stage !== 'notice') {
        return null;
      }
      return level === 'village' ? 'town_review' : 'county_assessment';
    case 'town_pass':
      return stage === 'town_review' ? 'county_assessment' : null;
    case 'county_approve':
      return stage === 'county_assessment' ? 'approved' : null;
    case 'send_back':
      if (stage === 'town_review') {
        return 'draft';
      }
      if (stage === 'county_assessment') {
        return level === 'village' ? 'town_review' : 'draft';
      }
      return null;
    case 'advance': {
      const i = PROJECT_STAGES.indexOf(stage);
      return isInLibrary(stage) && stage !== 'settled' ? (PROJECT_STAGES[i + 1] ?? null) : null;
    }
  }
}

/**
 * Whether an actor at `actorLevel` may change the project's declaration: only a draft (a sent-back project is a
 * draft again), and only at the level that declared it. `PUT /api/projects/:id` enforces it; the web app shows
 * 编辑 by it.
 */
export function canEditProject(
  stage: ProjectStage,
  level: ProjectLevel,
  actorLevel: ActingLevel | null,
): boolean {
  return stage === 'draft' && actorLevel === level;
}

/** The actions an actor at `actorLevel` may take now (what the web app offers). */
export function allowedProjectActions(
  stage: ProjectStage,
  level: ProjectLevel,
  actorLevel: ActingLevel | null,
): ProjectAction[] {
  if (actorLevel === null || actingLevel(stage, level) !== actorLevel) {
    return [];
  }
  return PROJECT_ACTIONS.filter((a) => nextStage(stage, a, level) !== null);
}
