/**
 * An office started ahead of the next conversion, on this process's profile folder, so that a batch of old
 * files or a server's uploads do not wait for LibreOffice to start each time. A conversion started while
 * it runs is handed to it by `soffice` itself (one office per profile) and returns as soon as the file is
 * written; LibreOffice then ends that office, so the next one is started at once, while the caller reads
 * the converted file. A conversion that comes before it is up starts its own office as before: nothing
 * depends on it but speed.
 *
 * It cannot outlive this process: a shell holds it in a process group of its own and reads this process's
 * end of a pipe; when the pipe closes (this process exits, however it ends) the shell kills the group. It
 * is also ended after a quiet spell (JIXIAO_SOFFICE_IDLE_MS, default 60 s; 0 turns it off) and when a
 * conversion times out.
 */
import { type ChildProcess, spawn } from 'node:child_process';

const idleMs = (): number => {
  const n = Number(process.env.JIXIAO_SOFFICE_IDLE_MS);
  return Number.isFinite(n) && n >= 0 ? n : 60_000;
};

type Office = {
  child: ChildProcess;
  /** A conversion was handed to it (LibreOffice ends it afterwards). */
  used: boolean;
  start: () => void;
};

let office: Office | null = null;
let idle: NodeJS.Timeout | undefined;

const KEEPER =
  // The office in the background; its end is said on stdout.
  '("$@" </dev/null >/dev/null 2>&1; echo gone) & ' +
  // Wait for this process's end of stdin to close, then end the whole group, the shell included.
  'cat >/dev/null; kill -9 0';

const kill = (kept: Office): void => {
  try {
    if (kept.child.pid) process.kill(-kept.child.pid, 'SIGKILL');
  } catch {
    kept.child.kill('SIGKILL');
  }
};

/** Ends the office kept ahead, if any, and keeps none until the next conversion. */
export const stopOffice = (): void => {
  clearTimeout(idle);
  const kept = office;
  office = null;
  if (kept) kill(kept);
};

/** Says a conversion is starting: if an office is up, it will take it. */
export const officeTakesConversion = (): void => {
  if (office) office.used = true;
};

const startOffice = (soffice: string, profileUrl: string): void => {
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      KEEPER,
      'jixiao-office',
      soffice,
      `-env:UserInstallation=${profileUrl}`,
      '--headless',
      '--invisible',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--nologo',
    ],
    { detached: true, stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const kept: Office = { child, used: false, start: () => startOffice(soffice, profileUrl) };
  office = kept;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    kill(kept);
    if (office !== kept) return;
    office = null;
    // It took a conversion and LibreOffice ended it: start the next one while the caller goes on.
    if (kept.used) kept.start();
  };
  child.on('error', end);
  child.on('exit', end);
  child.stdout?.on('data', end);
  // Neither the shell nor its pipes keep this process alive.
  child.unref();
  for (const stream of [child.stdin, child.stdout])
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
};

/** Keeps an office up on `profileUrl` until the next quiet spell (started if there is none). */
export const keepOfficeRunning = (soffice: string, profileUrl: string): void => {
  const ms = idleMs();
  if (ms === 0) return;
  if (!office) startOffice(soffice, profileUrl);
  clearTimeout(idle);
  idle = setTimeout(stopOffice, ms);
  idle.unref();
};
