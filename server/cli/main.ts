import { Command } from 'commander';
import { APP_VERSION } from '../version.js';
import type { SetExitCode } from './register/exit-code.js';
import { registerBackupCommands, registerUserCommands } from './register/accounts.js';
import { registerDataCommands } from './register/data.js';
import { registerFileCommands } from './register/files.js';

/** The program with every command, in the order `--help` lists them. */
function buildProgram(setCode: SetExitCode): Command {
  const program = new Command()
    .name('aktorsatlas')
    .description('Map and analyse the actor network behind regional skills supply.')
    .version(APP_VERSION)
    .exitOverride()
    .showHelpAfterError();
  registerDataCommands(program, setCode);
  registerFileCommands(program, setCode);
  registerUserCommands(program, setCode);
  registerBackupCommands(program, setCode);
  return program;
}

/** Commander's exits: help and version are success, a usage error is 2, anything else 1 (with its message). */
function exitCodeOf(err: unknown): number {
  const e = err as { code?: string; exitCode?: number };
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
  if (typeof e.exitCode === 'number') return e.exitCode === 0 ? 0 : 2;
  console.error(`error: ${(err as Error).message}`);
  return 1;
}

/** The `aktorsatlas` command line. Commands load their modules lazily so `--help` stays fast. Returns an exit code, or -1 while a server keeps running. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    return exitCodeOf(err);
  }
  return code;
}
