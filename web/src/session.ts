/**
 * The signed-in token, kept in the browser's localStorage and shared by every page of the site
 * (the sign-in page writes it; the IDE and later pages read it).
 */
const KEY = "civic-grid.token";

export function getToken(): string | null {
  return localStorage.getItem(KEY);
}

export function setToken(token: string): void {
  localStorage.setItem(KEY, token.trim().replace(/^Bearer\s+/i, ""));
}

export function signOut(): void {
  localStorage.removeItem(KEY);
}

/** What the token says of itself (not verified here: the server verifies every request). */
export interface TokenClaims {
  sub?: string;
  role?: string;
  city?: string;
  district?: string;
  exp?: number;
}

export function claimsOf(token: string | null): TokenClaims | null {
  const part = token?.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as TokenClaims;
  } catch {
    return null;
  }
}

/** "mingshan.command_center (command_center, mingshan)": who the token is, for a page's header. */
export function describe(claims: TokenClaims | null): string {
  if (!claims) return "not signed in";
  const scope = claims.district ?? claims.city ?? "";
  return `${claims.sub ?? "?"} (${claims.role ?? "?"}${scope ? `, ${scope}` : ""})`;
}

/** The Authorization header of the signed-in token, if any. */
export function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}
