import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import type { ConsumerAssistanceService } from '../services/consumer-assistance.service.js';

/**
 * The demo's consumer assistance (消费帮扶, §C5): products of the demo operators at every stage, two brands
 * with licensees and this year's sales, written set-based; the service reads them like any other.
 */
export function createDemoConsumerService(deps: {
  repos: Repositories;
  consumer: ConsumerAssistanceService;
}) {
  const { repos } = deps;
  return {
    async seedConsumer(seeder: Actor, today: string): Promise<number> {
      const result = await repos.demoConsumer.seed(today);
      await recordAudit(repos, seeder, {
        action: 'demo.consumer',
        entityType: 'system',
        new: result,
      });
      return result.products;
    },
  };
}
