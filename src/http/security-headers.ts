/**
 * Browser protections on every answer, through @fastify/helmet: a Content-Security-Policy the
 * web app passes (scripts and styles only from this origin, no framing, no plugins),
 * `X-Content-Type-Options: nosniff`, no referrer to other sites, and HSTS only when dondoc is
 * served over https (on a plain-http office network HSTS and upgrade-insecure-requests would
 * break the app).
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

export function contentSecurityPolicy(https: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Inline style *attributes* only (the loading text in index.html, Swagger UI); no inline scripts.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': https ? [] : null,
  };
}

export async function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): Promise<void> {
  const https = publicUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // frame-ancestors 'none' in the CSP, and the older header for older browsers.
    frameguard: { action: 'deny' },
    hsts: https ? { maxAge: 180 * 86_400, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
