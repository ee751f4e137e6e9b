/**
 * Sign-in throttling. Only failed attempts count, keyed on the account and the connection's
 * address: an office of eleven behind one NAT signing in each morning is never locked out, while
 * guessing one account's password from one address stops after `maxPerMinute` failures. A looser
 * cap on the address alone (five times as many) stops one address trying many accounts.
 *
 * The address is the TCP peer unless TRUST_PROXY names the proxy in front (then the proxy's
 * X-Forwarded-For): a caller cannot pick a fresh address per request by sending the header.
 * In memory, per instance; a restart forgets the counts, which costs an attacker nothing they
 * could not get by waiting a minute.
 */
import { AppError } from '../shared/errors';

const WINDOW_MS = 60_000;
/** How many keys are kept at most; the oldest go first (a flood of names cannot fill memory). */
const MAX_KEYS = 50_000;

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly maxPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  private keys(username: string, address: string): [string, number][] {
    return [
      [`a|${address}|${username.trim().toLowerCase()}`, this.maxPerMinute],
      [`ip|${address}`, this.maxPerMinute * 5],
    ];
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Throws RATE_LIMITED when this account from this address (or this address) failed too often. */
  check(username: string, address: string): void {
    for (const [key, max] of this.keys(username, address)) {
      if (this.recent(key).length >= max) {
        throw new AppError('RATE_LIMITED', 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng đợi một phút rồi thử lại.');
      }
    }
  }

  failed(username: string, address: string): void {
    for (const [key] of this.keys(username, address)) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.delete(key); // re-inserted last: the map stays in order of last failure
      this.failures.set(key, list);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** A successful sign-in clears that account's failures from that address. */
  succeeded(username: string, address: string): void {
    this.failures.delete(this.keys(username, address)[0][0]);
  }
}
