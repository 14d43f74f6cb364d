/**
 * Source text for a child process (run with `--expose-gc`) that counts what V8's young-generation
 * collections move into the old generation: `startPromotions()` collects everything, then starts a
 * `v8.GCProfiler`; the function it returns stops it and gives the bytes the scavenges promoted
 * and their number. Counted, not timed: tests compare two children's counts.
 */
export const PROMOTIONS_JS = `
function startPromotions() {
  const v8 = require("node:v8");
  global.gc();
  const profiler = new v8.GCProfiler();
  profiler.start();
  return () => {
    const { statistics } = profiler.stop();
    const used = (s, name) => s.heapSpaceStatistics.find((x) => x.spaceName === name).spaceUsedSize;
    let promoted = 0, scavenges = 0;
    for (const s of statistics) {
      if (s.gcType !== "Scavenge") continue;
      scavenges++;
      promoted += used(s.afterGC, "old_space") - used(s.beforeGC, "old_space");
    }
    return { promoted, scavenges };
  };
}
`;
