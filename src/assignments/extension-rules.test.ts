import { describe, it, expect } from 'vitest';
import { checkExtensionRequest, DEFAULT_EXTENSION_POLICY as P } from './extension-rules';

const base = { state: 'in_progress' as const, due: '2025-07-22', extensionCount: 0, hasPendingRequest: false };
const code = (f: () => void) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('extension requests', () => {
  it('are allowed before the deadline and within the window after it', () => {
    expect(code(() => checkExtensionRequest(base, '2025-08-01', '2025-07-20', P))).toBe('ok');
    expect(code(() => checkExtensionRequest(base, '2025-08-01', '2025-07-27', P))).toBe('ok');
    expect(code(() => checkExtensionRequest(base, '2025-08-01', '2025-07-28', P))).toBe('EXTENSION_WINDOW_CLOSED');
  });
  it('are capped (default 2) and one at a time', () => {
    expect(code(() => checkExtensionRequest({ ...base, extensionCount: 2 }, '2025-08-01', '2025-07-20', P))).toBe('EXTENSION_LIMIT');
    expect(code(() => checkExtensionRequest({ ...base, hasPendingRequest: true }, '2025-08-01', '2025-07-20', P))).toBe('CONFLICT');
  });
  it('must move the deadline later, on an open task that has one', () => {
    expect(code(() => checkExtensionRequest(base, '2025-07-22', '2025-07-20', P))).toBe('VALIDATION');
    expect(code(() => checkExtensionRequest({ ...base, due: null }, '2025-08-01', '2025-07-20', P))).toBe('VALIDATION');
    expect(code(() => checkExtensionRequest({ ...base, state: 'done' }, '2025-08-01', '2025-07-20', P))).toBe('INVALID_TRANSITION');
  });
});
