/**
 * The embedded database folder's guard. PGlite takes no lock on its folder and two processes on
 * one folder lose each other's writes, so a process must own DATA_DIR before it opens it.
 *
 * Ownership is the exclusive creation of `dondoc.pid` (the file name earlier versions used, so an
 * old instance still running is seen). The file is created by hard-linking a private file that
 * already holds our pid: link(2) fails with EEXIST when the name exists, so of any number of
 * processes started at the same instant exactly one succeeds, and nobody ever reads a half-written
 * lock (on a file system without hard links: `open(O_EXCL)` and the pid written just after, an
 * empty lock only seconds old counting as held). A lock whose pid is no longer alive (a SIGKILL,
 * a power cut) is stale and is taken over — under a second exclusive file, so two processes
 * cannot both remove the stale lock and then each remove the other's fresh one.
 */
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync, openSync, closeSync, writeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors';

export const LOCK_FILE_NAME = 'dondoc.pid';

/** Folders this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const lockPath = join(dataDir, LOCK_FILE_NAME);
  const takeoverPath = `${lockPath}.takeover`;
  const ownPath = `${lockPath}.${process.pid}.${Date.now()}`;
  writeFileSync(ownPath, String(process.pid));
  try {
    // Bounded: each round either takes the lock, refuses, or waits for another process's takeover.
    for (let round = 0; round < 200; round++) {
      if (tryLink(ownPath, lockPath)) return holdUntilExit(dataDir, lockPath);
      const owner = readPid(lockPath);
      if (owner === undefined) continue; // removed between our link and our read: try again
      if (owner === 0 && isBeingWritten(lockPath)) {
        sleepMs(25);
        continue;
      }
      if (isHeldBy(owner, dataDir)) throw lockedError(dataDir, owner);
      if (tryTakeOver(lockPath, takeoverPath, owner)) continue;
      sleepMs(25); // another process is taking the stale lock over; its outcome decides ours
    }
    throw lockedError(dataDir, readPid(lockPath) ?? 0);
  } finally {
    rmSync(ownPath, { force: true });
  }
}

/** Error codes of a file system without hard links (FAT, some network and container volumes). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code && NO_HARD_LINKS.has(code)) return tryCreate(to);
    throw e;
  }
}

/** The same exclusive creation with O_EXCL; for a moment the file is empty (see isBeingWritten). */
function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** An empty lock younger than a few seconds is being written by its owner, not abandoned. */
function isBeingWritten(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < 5_000;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock while holding the takeover file, and only if it still names the dead
 * owner we saw. Returns false when another process holds the takeover.
 */
function tryTakeOver(lockPath: string, takeoverPath: string, deadOwner: number): boolean {
  let fd: number;
  try {
    fd = openSync(takeoverPath, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A process that died while taking over leaves the takeover file; its pid tells.
    const taker = readPid(takeoverPath);
    if (taker !== undefined && taker !== 0 && !isAlive(taker)) rmSync(takeoverPath, { force: true });
    return false;
  }
  try {
    writeSync(fd, String(process.pid));
    closeSync(fd);
    // Only a takeover holder removes a lock it does not own, so the content read here cannot
    // change before the unlink.
    if (readPid(lockPath) === deadOwner) rmSync(lockPath, { force: true });
    return true;
  } finally {
    rmSync(takeoverPath, { force: true });
  }
}

/** The pid in a lock file; undefined when the file is gone, 0 when it holds no number. */
function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Our own pid in a lock we do not hold is a leftover of an earlier life of this pid (a container
 * restarted as pid 1), so it is stale; any other live pid holds the folder.
 */
function isHeldBy(pid: number, dataDir: string): boolean {
  if (pid === 0) return false;
  if (pid === process.pid) return heldHere.has(dataDir);
  return isAlive(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holdUntilExit(dataDir: string, lockPath: string): DataDirLock {
  heldHere.add(dataDir);
  // Normal exits (and the signal handlers that end in process.exit) release the folder; a
  // SIGKILL leaves the file, which the next start finds stale by its dead pid.
  const onExit = () => unlinkQuietly(lockPath);
  process.once('exit', onExit);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      heldHere.delete(dataDir);
      unlinkQuietly(lockPath);
    },
  };
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

function lockedError(dataDir: string, pid: number) {
  return new AppError(
    'DATA_DIR_LOCKED',
    `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng. Hãy dừng tiến trình đó, hoặc dùng DATABASE_URL để nhiều máy chủ dùng chung một PostgreSQL.`,
  );
}

function sleepMs(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
