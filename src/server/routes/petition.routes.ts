import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors } from '../schemas/common.schema.js';
import { ZLeadRaised, ZLeadRegister } from '../schemas/petition.schema.js';
import type { Services } from '../services/index.js';

const tags = ['self-declaration and other channels'];

/** Petitions and public-opinion items (信访, 舆情) about a household, registered by staff as leads. */
export const petitionRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/leads/register',
      {
        config: { permission: 'lead.register' },
        schema: {
          summary: 'Register a petition (信访) or public-opinion item (舆情) about a household as a lead',
          tags,
          body: ZLeadRegister,
          response: { 200: ZLeadRaised, ...authErrors },
        },
      },
      async (request) => services.petitions.register(actorOf(request), request.body),
    );
  };
