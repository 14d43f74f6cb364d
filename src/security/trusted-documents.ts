import fs from "node:fs";
import { createHash } from "node:crypto";
import { type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { type RequestHandler } from "express";
import { sendError } from "./http-edges";

/**
 * Trusted documents: when TRUSTED_DOCUMENTS names a manifest, only the operations in it run. The
 * manifest is a JSON object from document id to document text, as codegen writes it for a
 * frontend (`persisted-documents.json`); a client sends the id instead of the text, either as
 * `documentId` or as `extensions.persistedQuery.sha256Hash`, or sends the text itself when it is
 * one of the manifest's documents (so tools that send text keep working for those).
 */
export class TrustedDocuments {
  private readonly byId = new Map<string, string>();
  private readonly textHashes = new Set<string>();

  constructor(manifest: Record<string, string>) {
    for (const [id, text] of Object.entries(manifest)) {
      this.byId.set(id, text);
      this.byId.set(id.replace(/^sha256:/, ""), text);
      this.textHashes.add(sha256(text));
    }
  }

  static load(file: string): TrustedDocuments {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
      throw new Error(`TRUSTED_DOCUMENTS: cannot read ${file} (${(err as Error).message})`, {
        cause: err,
      });
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
      throw new Error(`TRUSTED_DOCUMENTS: ${file} must be a JSON object of id → document`);
    for (const [id, text] of Object.entries(parsed)) {
      if (typeof text !== "string" || text.trim() === "")
        throw new Error(`TRUSTED_DOCUMENTS: the document of ${id} in ${file} is not a string`);
    }
    return new TrustedDocuments(parsed as Record<string, string>);
  }

  get size(): number {
    return this.textHashes.size;
  }

  /** By the manifest's id, with or without codegen's `sha256:` prefix on either side. */
  document(id: string): string | undefined {
    return this.byId.get(id) ?? this.byId.get(id.replace(/^sha256:/, ""));
  }

  /**
   * The document a request names (by id or by its text), or why it may not run. `request` holds
   * the fields of a GraphQL-over-HTTP request or a graphql-ws subscribe payload.
   */
  resolve(request: {
    query?: unknown;
    documentId?: unknown;
    extensions?: unknown;
  }):
    | { query: string }
    | { refused: "PERSISTED_QUERY_NOT_FOUND" | "DOCUMENT_NOT_TRUSTED"; message: string } {
    const ext = request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
    const id = request.documentId ?? ext?.persistedQuery?.sha256Hash;
    if (typeof id === "string" && id !== "") {
      const query = this.document(id);
      return query
        ? { query }
        : {
            refused: "PERSISTED_QUERY_NOT_FOUND",
            message: `no trusted document has the id ${id.slice(0, 80)}`,
          };
    }
    if (typeof request.query === "string" && this.textHashes.has(sha256(request.query)))
      return { query: request.query };
    return {
      refused: "DOCUMENT_NOT_TRUSTED",
      message: "this server runs trusted documents only: send the id of a registered document",
    };
  }

  /** For Apollo's persisted-query lookup: ids resolve to documents; nothing can register. */
  cache(): KeyValueCache<string> {
    return {
      // Apollo asks with its own prefix ("apq:").
      get: async (key) => this.document(key.replace(/^apq:/, "")),
      set: async () => undefined,
      delete: async () => undefined,
    };
  }

  /**
   * Refuses, before anything is parsed, every HTTP request that is not a trusted document, and
   * replaces the text of a request that names its document by `documentId` with that document
   * (the GraphQL server does not read `documentId`: a `query` sent beside it would run instead).
   */
  middleware(): RequestHandler {
    return (req, res, next) => {
      if (req.method !== "GET" && req.method !== "POST") return next();
      const fields =
        req.method === "GET"
          ? readGetFields(req.query as Record<string, unknown>)
          : ((req.body ?? {}) as Record<string, unknown>);
      const found = this.resolve(fields);
      if ("refused" in found) return sendError(res, 400, found.refused, found.message);
      if (typeof fields.documentId === "string" && fields.documentId !== "") {
        if (req.method === "GET") {
          req.url = withDocument(req.url, found.query);
        } else {
          const body = req.body as Record<string, unknown>;
          body.query = found.query;
          delete body.documentId;
          if (body.extensions && typeof body.extensions === "object")
            delete (body.extensions as Record<string, unknown>).persistedQuery;
        }
      }
      next();
    };
  }
}

/** A GET request's URL with `query` set to the document, and no `documentId` or persisted query. */
function withDocument(url: string, query: string): string {
  const u = new URL(url, "http://localhost");
  u.searchParams.delete("documentId");
  u.searchParams.set("query", query);
  const extensions = readGetFields({ extensions: u.searchParams.get("extensions") ?? undefined })
    .extensions as Record<string, unknown> | undefined;
  if (extensions && typeof extensions === "object" && "persistedQuery" in extensions) {
    delete extensions.persistedQuery;
    u.searchParams.set("extensions", JSON.stringify(extensions));
  }
  return u.pathname + u.search;
}

function readGetFields(query: Record<string, unknown>) {
  let extensions: unknown;
  if (typeof query.extensions === "string") {
    try {
      extensions = JSON.parse(query.extensions);
    } catch {
      extensions = undefined;
    }
  }
  return { query: query.query, documentId: query.documentId, extensions };
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
