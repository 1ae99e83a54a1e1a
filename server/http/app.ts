/** Builds the HTTP application on an open database: API under /api, OpenAPI at /api/docs, the web app at /. */
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import { registerAuth } from './auth.js';
import { refuseInvalidText } from './upload.js';
import { registerCompression, registerWeb } from './static.js';
import { errorHandler } from './errorHandler.js';
import { auditRoutes } from './routes/audit.js';
import { calendarRoutes } from './routes/calendar.js';
import { authRoutes } from './routes/auth.js';
import { orgRoutes } from './routes/org.js';
import { planRoutes } from './routes/plans.js';
import { dossierRoutes } from './routes/dossiers.js';
import { parRoutes } from './routes/par.js';
import { procedureRoutes } from './routes/procedures.js';
import { progressRoutes } from './routes/progress.js';
import { userRoutes } from './routes/users.js';
import { indicatorRoutes } from './routes/indicators.js';
import { reportRoutes } from './routes/reports.js';
import { dvcqgRoutes } from './routes/dvcqg.js';

export interface AppOptions {
  database: Database;
  /** Secure cookies (behind HTTPS) */
  cookieSecure?: boolean;
  /** login attempts per IP per minute */
  loginRateLimit?: number;
  /** anonymous reads per IP per minute */
  publicRateLimit?: number;
  /** built web app (staff and public entries); served at / when present (server/http/static.ts) */
  webDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** one-stop systems send dossier events with this key in `x-api-key` */
  ingestApiKey?: string;
  trustProxy?: boolean;
}

const defaultWebDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function buildApp(opts: AppOptions) {
  const { db, engine } = opts.database;
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: opts.trustProxy ?? false, bodyLimit: 2 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await registerCompression(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'cchc API',
        description: 'Hệ thống theo dõi, đánh giá cải cách hành chính cấp tỉnh. Errors are `{ code, message }`; state-changing requests with a session cookie need the `x-csrf-token` header from login or /api/auth/me.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cchc_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, db);
  // NUL and lone surrogates are refused in every body, query and path before any use case sees them
  app.addHook('preValidation', refuseInvalidText);

  app.get('/api/health', { schema: { tags: ['system'], summary: 'Trạng thái / health' } }, async () => ({ status: 'ok' as const, database: engine }));
  await app.register(authRoutes, { db, cookieSecure: opts.cookieSecure ?? false, loginRateLimit: opts.loginRateLimit ?? 10 });
  await app.register(orgRoutes, { db, publicRateLimit: opts.publicRateLimit ?? 300 });
  await app.register(userRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(planRoutes, { db });
  await app.register(procedureRoutes, { db, publicRateLimit: opts.publicRateLimit ?? 300 });
  await app.register(dossierRoutes, { db, ingestApiKey: opts.ingestApiKey, publicRateLimit: opts.publicRateLimit ?? 300 });
  await app.register(parRoutes, { db, publicRateLimit: opts.publicRateLimit ?? 300 });
  await app.register(calendarRoutes, { db, publicRateLimit: opts.publicRateLimit ?? 300 });
  await app.register(progressRoutes, { db });
  await app.register(indicatorRoutes, { db });
  await app.register(reportRoutes, { db });
  await app.register(dvcqgRoutes, { db, loginRateLimit: opts.loginRateLimit ?? 10 });

  await registerWeb(app, opts.webDir ?? defaultWebDir);
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });
  return app;
}
