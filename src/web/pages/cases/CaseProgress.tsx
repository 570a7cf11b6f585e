import { Steps } from 'antd';
import {
  ELIMINATION_STAGES,
  IDENTIFICATION_STAGES,
  isEliminationStage,
} from '../../../shared/case-workflow.js';
import type { CaseDetail } from '../../data/cases.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { stageLabel } from './codes.js';

/**
 * Where the case stands, as steps: identification (then monitoring) until it is monitored; monitoring, then the
 * elimination steps once elimination is requested or done. A rejected case shows the step it was rejected at.
 */
export function CaseProgress({ detail }: { detail: CaseDetail }) {
  const { pick } = useI18n();
  const isMobile = useIsMobile();
  const { stage } = detail;
  const isElimination = isEliminationStage(stage) || stage === 'eliminated';
  const path: string[] = isElimination
    ? ['monitored', ...ELIMINATION_STAGES, 'eliminated']
    : [...IDENTIFICATION_STAGES, stage === 'safety_net' ? 'safety_net' : 'monitored'];

  let current = path.indexOf(stage);
  let status: 'process' | 'finish' | 'error' = stage === 'eliminated' ? 'finish' : 'process';
  if (stage === 'rejected') {
    // The stage it was rejected at: where the last step came from.
    const from = [...detail.steps].reverse().find((s) => s.toStage === 'rejected')?.fromStage ?? 'home_check';
    current = Math.max(0, path.indexOf(from));
    status = 'error';
  }
  return (
    <Steps
      data-testid="case-progress"
      size="small"
      current={current}
      status={status}
      orientation={isMobile ? 'vertical' : 'horizontal'}
      titlePlacement={isMobile ? undefined : 'vertical'}
      items={path.map((s) => ({ title: stageLabel(pick, s) }))}
    />
  );
}
