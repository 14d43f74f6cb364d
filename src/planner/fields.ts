import { getMetadataStorage } from "type-graphql";
import {
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  isLeafType,
  isListType,
  isNonNullType,
} from "graphql";

/**
 * How the planned read path answers a leaf field of an object type, read once from type-graphql's
 * metadata (after the schema is built): a property of the row (no resolver), or the field's own
 * resolver method called with the row, the context and the info, so that every rule a resolver
 * applies (masking, the read audit) is the resolver's and nobody's copy. A field with middleware,
 * or whose resolver takes other parameters, is not planned (the operation runs as usual).
 */
export type LeafSource =
  | { kind: "property"; key: string; roles: readonly string[] | undefined }
  | {
      kind: "resolver";
      call(
        root: object,
        ctx: unknown,
        info: GraphQLResolveInfo,
        args: Record<string, unknown>,
      ): unknown;
      roles: readonly string[] | undefined;
    };

type Param = { kind: string; index: number; name?: string };

interface FieldMeta {
  schemaName: string;
  name: string;
  params?: Param[];
  roles?: string[];
  middlewares?: unknown[];
  target: unknown;
}

interface ResolverMeta {
  kind?: "internal" | "external";
  schemaName: string;
  methodName: string;
  target: new () => Record<string, (...a: unknown[]) => unknown>;
  getObjectType?: () => unknown;
  resolverClassMetadata?: { getObjectType: () => unknown };
}

/** Leaf sources by type name and field name; null where the field is not planned. */
export class FieldIndex {
  private readonly cache = new Map<string, LeafSource | null>();
  private readonly instances = new Map<unknown, Record<string, (...a: unknown[]) => unknown>>();

  private readonly rolesCache = new Map<string, readonly string[] | undefined | null>();

  /** The field's @Authorized roles (undefined: none asked), or null for a field not found. */
  roles(typeName: string, fieldName: string): readonly string[] | undefined | null {
    const key = `${typeName}.${fieldName}`;
    if (this.rolesCache.has(key)) return this.rolesCache.get(key);
    const found = this.findRoles(typeName, fieldName);
    this.rolesCache.set(key, found);
    return found;
  }

  private findRoles(typeName: string, fieldName: string): readonly string[] | undefined | null {
    if (typeName === "Query") {
      const storage = getMetadataStorage() as unknown as { queries: FieldMeta[] };
      const query = storage.queries.find((q) => q.schemaName === fieldName);
      return query && (query.middlewares?.length ?? 0) === 0 ? query.roles : null;
    }
    const field = this.meta(typeName, fieldName)?.field;
    return field ? field.roles : null;
  }

  leaf(typeName: string, fieldName: string): LeafSource | null {
    const key = `${typeName}.${fieldName}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      found = this.find(typeName, fieldName);
      this.cache.set(key, found);
    }
    return found;
  }

  private meta(typeName: string, fieldName: string) {
    const storage = getMetadataStorage() as unknown as {
      objectTypes: Array<{
        name: string;
        target: unknown;
        fields?: FieldMeta[];
        interfaceClasses?: unknown[];
      }>;
      interfaceTypes: Array<{ target: unknown; fields?: FieldMeta[] }>;
      fieldResolvers: ResolverMeta[];
    };
    const type = storage.objectTypes.find((o) => o.name === typeName);
    // A field of the type, or one it takes from an interface it implements (Node's id).
    const field =
      type?.fields?.find((f) => f.schemaName === fieldName) ??
      type?.interfaceClasses
        ?.map((c) => storage.interfaceTypes.find((i) => i.target === c))
        .flatMap((i) => i?.fields ?? [])
        .find((f) => f.schemaName === fieldName);
    return type && field ? { type, field, storage } : null;
  }

  private find(typeName: string, fieldName: string): LeafSource | null {
    const found = this.meta(typeName, fieldName);
    if (!found || (found.field.middlewares?.length ?? 0) > 0) return null;
    const { type, field, storage } = found;
    const roles = field.roles;
    const resolver = storage.fieldResolvers.find(
      (r) =>
        r.schemaName === fieldName &&
        (r.getObjectType?.() ?? r.resolverClassMetadata?.getObjectType()) === type.target,
    );
    // A plain property (or a getter of the class, which type-graphql lists as its own
    // "internal" resolver); a field with parameters but no resolver class is a method.
    if (!resolver || (resolver.kind === "internal" && resolver.target === type.target)) {
      const key = resolver ? resolver.methodName : field.name;
      if ((field.params?.length ?? 0) > 0 || typeof getter(type.target, key) === "function") {
        return getter(type.target, key) ? { kind: "property", key, roles } : null;
      }
      return { kind: "property", key, roles };
    }
    const params = [...(field.params ?? [])].sort((a, b) => a.index - b.index);
    if (!params.every((p) => ["root", "context", "info", "arg"].includes(p.kind))) return null;
    let instance = this.instances.get(resolver.target);
    if (!instance) this.instances.set(resolver.target, (instance = new resolver.target()));
    const method = instance[resolver.methodName];
    if (typeof method !== "function") return null;
    return { kind: "resolver", roles, call: caller(instance, method, params) };
  }
}

type Call = Extract<LeafSource, { kind: "resolver" }>["call"];

/**
 * The call of a resolver method with its parameters in their order. Called once per row and
 * field (thousands of times for a list), so the usual shapes (up to three parameters) make no
 * array of arguments per call.
 */
function caller(self: object, method: (...a: unknown[]) => unknown, params: Param[]): Call {
  const pick = params.map((p): ((...a: Parameters<Call>) => unknown) =>
    p.kind === "root"
      ? (root) => root
      : p.kind === "context"
        ? (_r, ctx) => ctx
        : p.kind === "info"
          ? (_r, _c, info) => info
          : (_r, _c, _i, args) => args[p.name ?? ""],
  );
  const [a, b, c] = pick;
  switch (pick.length) {
    case 0:
      return () => method.call(self);
    case 1:
      return (r, x, i, g) => method.call(self, a(r, x, i, g));
    case 2:
      return (r, x, i, g) => method.call(self, a(r, x, i, g), b(r, x, i, g));
    case 3:
      return (r, x, i, g) => method.call(self, a(r, x, i, g), b(r, x, i, g), c(r, x, i, g));
    default:
      return (r, x, i, g) =>
        method.apply(
          self,
          pick.map((f) => f(r, x, i, g)),
        );
  }
}

/** The getter a class (or a class it extends) defines for a property, if any. */
function getter(target: unknown, key: string): (() => unknown) | undefined {
  for (let p = (target as { prototype?: object }).prototype; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return d.get;
  }
  return undefined;
}

/**
 * How graphql-js completes a leaf value of a type, made once per field: a null where the type
 * allows none is an error, a list is mapped, a scalar or enum serialized by its type.
 */
export function completer(type: GraphQLOutputType): (value: unknown) => unknown {
  if (isNonNullType(type)) {
    const inner = completer(type.ofType);
    return (value) => {
      const v = inner(value);
      if (v === null) throw new Error("null for a non-null field");
      return v;
    };
  }
  if (isListType(type)) {
    const item = completer(type.ofType);
    return (value) =>
      value === null || value === undefined ? null : Array.from(value as Iterable<unknown>, item);
  }
  if (isLeafType(type)) {
    const serialize = type.serialize.bind(type);
    return (value) => (value === null || value === undefined ? null : serialize(value));
  }
  throw new Error("not a leaf type");
}
