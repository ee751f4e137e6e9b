/**
 * Domains built on the core register their routes and background work here, so the server's
 * wiring stays in one visible place.
 */
export {};
