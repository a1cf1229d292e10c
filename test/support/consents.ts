/** Prior express written consent to `seller`, as a check request gives it; `revokedAt` is left out when undefined. */
export function writtenConsent(seller: string, grantedAt: string, revokedAt?: string | null) {
  return { kind: 'prior-express-written' as const, seller, grantedAt, ...(revokedAt === undefined ? {} : { revokedAt }) };
}

/** Prior express (not written) consent to `seller`; `revokedAt` is left out when undefined. */
export function expressConsent(seller: string, grantedAt: string, revokedAt?: string | null) {
  return { kind: 'prior-express' as const, seller, grantedAt, ...(revokedAt === undefined ? {} : { revokedAt }) };
}
