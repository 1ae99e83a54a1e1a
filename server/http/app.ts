/** Builds the HTTP application on an open database: API under /api, OpenAPI at /api/docs, the web app at /. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEB_DIR } from '../paths.js';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import { registerAuth } from './auth.js';
import { registerSecurityHeaders } from './headers.js';
import { refuseInvalidText } from './upload.js';
import { registerCompression, registerWeb } from './static.js';
import { errorHandler } from './errorHandler.js';
import { auditRoutes } from './routes/audit.js';
import { calendarRoutes } from './routes/calendar.js';
import { authRoutes } from './routes/auth.js';
import { orgRoutes } from './routes/org.js';
import { planRoutes } from './routes/plans.js';
import { dossierRoutes } from './routes/dossiers.js';
import { legalDocRoutes } from './routes/legalDocs.js';
import { staffingRoutes } from './routes/staffing.js';
import { parRoutes } from './routes/par.js';
import { procedureRoutes } from './routes/procedures.js';
import { progressRoutes } from './routes/progress.js';
import { userRoutes } from './routes/users.js';
import { indicatorRoutes } from './routes/indicators.js';
import { reportRoutes } from './routes/reports.js';
import { adminRoutes } from './routes/admin.js';
import { dvcqgRoutes } from './routes/dvcqg.js';
import { feedbackRoutes } from './routes/feedback.js';
import { overviewRoutes } from './routes/overview.js';
import { surveyRoutes } from './routes/surveys.js';

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
  /** citizens' feedback submissions (and their follow-ups) per IP per 10 minutes */
  feedbackRateLimit?: number;
  /** where uploaded bulk-import files wait while they are imported (default: the system's temporary directory) */
  importDir?: string;
  /** the largest bulk-import file accepted, in bytes */
  bulkImportMaxBytes?: number;
  /** PostgreSQL's URL, for backups through pg_dump */
  databaseUrl?: string;
}

const defaultWebDir = WEB_DIR;

export async function buildApp(opts: AppOptions) {
  const { db, engine } = opts.database;
  // one log line per request only at debug level: at info every request cost two lines (measured, issue 15)
  const level = typeof opts.logger === 'object' && opts.logger && 'level' in opts.logger ? String(opts.logger.level) : 'info';
  const app = Fastify({ logger: opts.logger ?? false, logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(level) }), trustProxy: opts.trustProxy ?? false, bodyLimit: 2 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await registerCompression(app);
  await app.register(cookie);
  // limits are for anonymous callers (citizens, scripts): staff behind one office address are not counted;
  // checked after the session is read (preHandler), so a signed-in request is known as such
  await app.register(rateLimit, { global: false, hook: 'preHandler', allowList: (req) => req.auth !== null && req.auth !== undefined });
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
  await registerSecurityHeaders(app, { secure: opts.cookieSecure ?? false });
  // the OpenAPI UI: its own policy (hashes for its inline scripts), its inline styles allowed, never framed
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (h) => h.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline' https:").replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });

  /** anonymous reads per IP per minute (PUBLIC_RATE_LIMIT) */
  const publicLimit = opts.publicRateLimit ?? 60;
  registerAuth(app, db);
  // NUL and lone surrogates are refused in every body, query and path before any use case sees them
  app.addHook('preValidation', refuseInvalidText);

  app.get('/api/health', { schema: { tags: ['system'], summary: 'Trạng thái / health' } }, async () => ({ status: 'ok' as const, database: engine }));
  await app.register(authRoutes, { db, cookieSecure: opts.cookieSecure ?? false, loginRateLimit: opts.loginRateLimit ?? 10 });
  await app.register(orgRoutes, { db, publicRateLimit: publicLimit });
  await app.register(userRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(planRoutes, { db });
  await app.register(procedureRoutes, { db, publicRateLimit: publicLimit });
  await app.register(dossierRoutes, { db, ingestApiKey: opts.ingestApiKey, publicRateLimit: publicLimit, engine, importDir: opts.importDir ?? join(tmpdir(), 'cchc-imports'), bulkImportMaxBytes: opts.bulkImportMaxBytes });
  await app.register(parRoutes, { db, publicRateLimit: publicLimit });
  await app.register(calendarRoutes, { db, publicRateLimit: publicLimit });
  await app.register(progressRoutes, { db });
  await app.register(indicatorRoutes, { db });
  await app.register(reportRoutes, { db });
  await app.register(adminRoutes, { database: opts.database, databaseUrl: opts.databaseUrl });
  await app.register(legalDocRoutes, { db });
  await app.register(staffingRoutes, { db });
  await app.register(dvcqgRoutes, { db, loginRateLimit: opts.loginRateLimit ?? 10 });
  await app.register(feedbackRoutes, { db, publicRateLimit: publicLimit, feedbackRateLimit: opts.feedbackRateLimit ?? 10 });
  await app.register(overviewRoutes, { db, publicRateLimit: publicLimit });
  await app.register(surveyRoutes, { db, publicRateLimit: publicLimit });

  await registerWeb(app, opts.webDir ?? defaultWebDir);
  return app;
}
