/**
 * A benchmark command's options, parsed by `parse` (node:util's parseArgs, with a `help` flag), or
 * the code to exit with at once: 0 once the usage is printed for --help, 2 for a wrong option,
 * which is said in one line with where to look rather than thrown with its stack.
 */
export function optionsOf<T extends { values: { help?: boolean } }>(
  command: string,
  usage: string,
  parse: () => T,
): T | number {
  let parsed: T;
  try {
    parsed = parse();
  } catch (err) {
    console.error(`${command}: ${(err as Error).message} (see --help)`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}
