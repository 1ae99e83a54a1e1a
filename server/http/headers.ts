/**
 * Security headers on every answer (@fastify/helmet): a Content-Security-Policy for the staff app and the
 * public pages (scripts and connections to this origin only, no framing, no plugins; inline styles allowed
 * because Mantine sets CSS variables and style attributes), HSTS when cookies are Secure (behind HTTPS),
 * a Permissions-Policy that turns off what the system never uses, and no framing anywhere. The OpenAPI UI sets
 * its own, stricter policy for its inline scripts (swagger-ui `staticCSP`).
 */
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  workerSrc: ["'self'", 'blob:'],
};

const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/**
 * Helmet's headers depend only on the options, but @fastify/helmet builds its middleware again on every request
 * (a sixth of the CPU of a trivial route, issue 15): they are worked out once, by helmet itself on a throwaway
 * instance, and set from a plain object on every answer.
 */
async function helmetHeaders(opts: { secure: boolean }): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES, ...(opts.secure ? { upgradeInsecureRequests: [] } : {}) } },
    hsts: opts.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  probe.get('/', async () => '');
  const res = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const plain = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
  return Object.fromEntries(Object.entries(res.headers).filter(([k]) => !plain.has(k)).map(([k, v]) => [k, String(v)]));
}

export async function registerSecurityHeaders(app: FastifyInstance, opts: { secure: boolean }) {
  const headers = { ...(await helmetHeaders(opts)), 'permissions-policy': PERMISSIONS_POLICY };
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
