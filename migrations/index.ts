import { Foundation1764230400000 } from "./1764230400000-Foundation";
import { GridTree1764316800000 } from "./1764316800000-GridTree";
import { Cases1764403200000 } from "./1764403200000-Cases";

/** Every migration, oldest first. Listed explicitly so the same code runs under tsc output and jest. */
export const MIGRATIONS = [Foundation1764230400000, GridTree1764316800000, Cases1764403200000];
