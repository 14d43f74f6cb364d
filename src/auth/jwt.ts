import path from "node:path";
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { readOrCreateSecret } from "../common/secret-file";
import { unauthenticated } from "../common/errors";

/**
 * What tokens are read with (config.ts fills it from the environment): plain values, so that auth
 * does not depend on how the environment is read.
 */
export interface TokenSettings {
  /** Where the development secret is kept when JWT_SECRET is unset. */
  dataDir: string;
  jwtSecret?: string;
  jwksUrl?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
}

/** The claims civic-grid reads from a token, beside the standard ones. */
export interface CivicClaims extends JWTPayload {
  sub: string;
  role: string;
  city?: string;
  district?: string;
  department?: string;
  /** Street office code (street_officer). */
  street?: string;
  /** Community code (community_worker). */
  community?: string;
  grids?: string[];
}

/**
 * The HS256 key: JWT_SECRET, or in development a random secret made once and kept in DATA_DIR
 * (never a constant in code, so a token made on one machine means nothing on another).
 */
export function signingSecret(config: TokenSettings): Uint8Array {
  const secret =
    config.jwtSecret ?? readOrCreateSecret(path.join(config.dataDir, "jwt-secret"), 48);
  return new TextEncoder().encode(secret);
}

export type TokenVerifier = (token: string) => Promise<CivicClaims>;

export function createTokenVerifier(config: TokenSettings): TokenVerifier {
  const key = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : signingSecret(config);
  const options = {
    algorithms: config.jwksUrl ? ["RS256", "ES256", "EdDSA"] : ["HS256"],
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    // A token without an expiry would be valid for ever; none is accepted.
    requiredClaims: ["exp"],
  };
  const verified = new VerifiedTokens();
  return async (token: string) => {
    const known = verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      // Two calls because jose's overloads take either a key or a key-set function, not the union.
      const result =
        key instanceof Uint8Array
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options);
      payload = result.payload;
    } catch (err) {
      throw unauthenticated(describe(err));
    }
    if (typeof payload.sub !== "string" || payload.sub === "") {
      throw unauthenticated("the token has no subject (sub)");
    }
    if (typeof payload.role !== "string") throw unauthenticated("the token has no role claim");
    for (const claim of ["city", "district", "department", "street", "community"] as const) {
      if (payload[claim] !== undefined && typeof payload[claim] !== "string") {
        throw unauthenticated(`the token's ${claim} claim must be a string`);
      }
    }
    if (
      payload.grids !== undefined &&
      !(Array.isArray(payload.grids) && payload.grids.every((g) => typeof g === "string"))
    ) {
      throw unauthenticated("the token's grids claim must be a list of strings");
    }
    verified.set(token, payload as CivicClaims);
    return payload as CivicClaims;
  };
}

/** How many verified tokens are remembered (a client sends the same token with every request). */
const VERIFIED_TOKENS = 10_000;

/**
 * Tokens already verified, with their claims, until they expire or five minutes have passed: a
 * signature check costs more than a small query, and a screen sends the same token hundreds of
 * times. Only tokens that passed every check are kept; one past its time is dropped and checked
 * again (and refused if expired). The oldest entry goes first when the map is full.
 */
class VerifiedTokens {
  private tokens = new Map<string, { claims: CivicClaims; until: number }>();

  get(token: string): CivicClaims | undefined {
    const entry = this.tokens.get(token);
    if (entry && entry.until <= Date.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return entry?.claims;
  }

  set(token: string, claims: CivicClaims): void {
    if (this.tokens.size >= VERIFIED_TOKENS) {
      this.tokens.delete(this.tokens.keys().next().value!);
    }
    // Shared by every request with the token: frozen, so no request can change another's.
    if (claims.grids) Object.freeze(claims.grids);
    Object.freeze(claims);
    // Until it expires, and at most a few minutes: a key the identity provider withdraws (JWKS)
    // stops a remembered token soon, not only at its expiry.
    this.tokens.set(token, {
      claims,
      until: Math.min(claims.exp! * 1000, Date.now() + REMEMBER_MS),
    });
  }
}

/** How long a verified token is remembered at most. */
const REMEMBER_MS = 5 * 60_000;

function describe(err: unknown): string {
  if (err instanceof errors.JWTExpired) return "the token has expired";
  if (err instanceof errors.JWSSignatureVerificationFailed)
    return "the token's signature is not valid";
  if (err instanceof errors.JWTClaimValidationFailed)
    return `the token's ${err.claim} claim is not accepted`;
  if (err instanceof errors.JOSEAlgNotAllowed)
    return "the token is signed with an algorithm that is not accepted";
  if (
    err instanceof errors.JWSInvalid ||
    err instanceof errors.JWTInvalid ||
    err instanceof errors.JOSENotSupported
  ) {
    return "the token is malformed";
  }
  if (err instanceof errors.JWKSNoMatchingKey)
    return "no key of the identity provider matches the token";
  return "the token could not be verified";
}

export interface SignOptions {
  sub: string;
  role: string;
  city?: string;
  district?: string;
  department?: string;
  street?: string;
  community?: string;
  grids?: string[];
  /** Lifetime, e.g. "8h" or a number of seconds. */
  expiresIn?: string | number;
}

/** Signs an HS256 token (for the token CLI and tests; production tokens come from the identity provider). */
export async function signToken(
  secret: Uint8Array,
  opts: SignOptions,
  config?: Pick<TokenSettings, "jwtIssuer" | "jwtAudience">,
): Promise<string> {
  const { sub, expiresIn = "8h", ...claims } = opts;
  const jwt = new SignJWT(
    Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined)),
  )
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(
      typeof expiresIn === "number" ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn,
    );
  if (config?.jwtIssuer) jwt.setIssuer(config.jwtIssuer);
  if (config?.jwtAudience) jwt.setAudience(config.jwtAudience);
  return jwt.sign(secret);
}
