/** How every `dondoc` command runs once its module is loaded, from the TypeScript sources or a bundle. */
export interface CommandModule {
  run(args: string[]): Promise<number>;
}

export async function runCommand(name: string, mod: CommandModule, args: string[]): Promise<void> {
  // `dondoc extract … | head`: the reader of the pipe has had enough. That is not an error of ours,
  // and a stack trace about EPIPE would only alarm the clerk.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const code = await mod.run(args);
  if (name === 'serve') {
    process.exitCode = code;
    return;
  }
  // Writes to a pipe are asynchronous: exiting at once would cut what is still queued (the last
  // lines of `extract --jsonl | …`). An empty write's callback comes after everything before it.
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise<void>((resolve) => s.write('', () => resolve()))));
  process.exit(code);
}
