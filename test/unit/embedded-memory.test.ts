import { embeddedMemory } from "../../src/db/embedded";

const GB = 1024 * 1024 * 1024;

describe("the embedded cluster's memory", () => {
  it("takes a sixteenth of the machine's memory for shared buffers, and an eighth of that for WAL", () => {
    expect(embeddedMemory(4 * GB)).toEqual({ sharedBuffersMb: 256, walBuffersMb: 32 });
  });

  it("never goes below PostgreSQL's default on a small machine", () => {
    expect(embeddedMemory(1 * GB)).toEqual({ sharedBuffersMb: 128, walBuffersMb: 16 });
  });

  it("reads the memory the kernel reports, below the nominal size", () => {
    // An "8 GB" machine whose kernel reports 7.7 GiB.
    expect(embeddedMemory(7.7 * GB)).toEqual({ sharedBuffersMb: 492, walBuffersMb: 61 });
  });

  it("stops at 512 MB on a large one (the demo's tables and indexes are about 185 MB)", () => {
    expect(embeddedMemory(24 * GB)).toEqual({ sharedBuffersMb: 512, walBuffersMb: 64 });
    expect(embeddedMemory(256 * GB)).toEqual({ sharedBuffersMb: 512, walBuffersMb: 64 });
  });
});
