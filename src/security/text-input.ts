import {
  Kind,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type OperationDefinitionNode,
} from "graphql";
import { badInput } from "../common/errors";

/**
 * Control characters no text of the platform may hold: NUL (which PostgreSQL cannot store) and
 * the other C0 controls and DEL. Tab, line feed and carriage return are text.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function findControl(value: unknown, path: string): string | null {
  if (typeof value === "string") return FORBIDDEN.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControl(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      // A key is text too (a JSONObject's keys are stored in jsonb, which refuses NUL); the path
      // names the object, not the key that holds the character.
      if (FORBIDDEN.test(k)) return path;
      const hit = findControl(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * Refuses an operation any of whose arguments (literal or from variables, at any depth of an
 * input object) holds a control character, with BAD_USER_INPUT naming the argument's path
 * (`input.description`, `search`), before anything runs.
 */
export function assertCleanText(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  const vars: Record<string, unknown> = { ...variables };
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (vars[name] === undefined && def.defaultValue)
      vars[name] = valueFromASTUntyped(def.defaultValue);
  }
  let hit: string | null = null;
  const fragments = new Set<string>();
  const scan = (node: Parameters<typeof visit>[0]) =>
    visit(node, {
      Argument(arg) {
        if (hit) return false;
        hit = findControl(valueFromASTUntyped(arg.value, vars), arg.name.value);
        return false;
      },
      FragmentSpread(spread) {
        fragments.add(spread.name.value);
      },
    });
  scan(operation);
  const scanned = new Set<string>();
  for (let more = true; more && !hit;) {
    more = false;
    for (const def of document.definitions) {
      if (hit) break;
      if (def.kind !== Kind.FRAGMENT_DEFINITION) continue;
      const name = def.name.value;
      if (fragments.has(name) && !scanned.has(name)) {
        scanned.add(name);
        scan(def);
        more = true;
      }
    }
  }
  if (hit) {
    throw badInput(hit, `${hit} holds a control character (such as NUL), which text may not hold`);
  }
}
