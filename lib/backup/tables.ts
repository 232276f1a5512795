// The tables a backup holds, in an order that inserts parents before children,
// each with the columns that order its rows (its primary key).
//
// Left out on purpose: Session and Verification (short-lived sign-in state),
// RateLimitBucket (counters that expire within minutes), AuthSecret (the key
// that signs session cookies: a restored database makes a new one on first
// use, which signs everyone out, as losing the sessions does anyway) and Account, which holds the
// password hashes. A restored database therefore has every user, role and
// board link but no passwords: each person sets a new one (`npm run
// user:create` resets it). Keeping hashes out means a backup file leaked from
// a laptop or a ticket gives no one a credential to crack.
export type BackupTable = { name: string; key: string[]; sequence?: string };

export const backupTables: readonly BackupTable[] = [
  { name: "Service", key: ["id"], sequence: "id" },
  { name: "LocalAuthority", key: ["id"], sequence: "id" },
  { name: "ServiceLocalAuthority", key: ["serviceId", "localAuthorityId"] },
  { name: "ServiceSuccession", key: ["predecessorId", "successorId"] },
  { name: "Framework", key: ["id"], sequence: "id" },
  { name: "ScoreBand", key: ["id"], sequence: "id" },
  { name: "KeyQuestionThreshold", key: ["id"], sequence: "id" },
  { name: "Domain", key: ["id"], sequence: "id" },
  { name: "Standard", key: ["id"], sequence: "id" },
  { name: "KeyQuestion", key: ["id"], sequence: "id" },
  { name: "Inspection", key: ["id"], sequence: "id" },
  { name: "StandardRating", key: ["inspectionId", "standardId"] },
  { name: "KeyQuestionResult", key: ["inspectionId", "keyQuestionId"] },
  { name: "Recommendation", key: ["inspectionId", "ordinal"] },
  { name: "User", key: ["id"] },
  { name: "BoardMembership", key: ["userId", "serviceId"] },
  { name: "AuditEntry", key: ["id"], sequence: "id" },
];

/** Tables deliberately not in a backup, with the reason (printed by the CLI). */
export const excludedTables: Readonly<Record<string, string>> = {
  Account: "password hashes: restored users set a new password",
  Session: "sign-in sessions: everyone signs in again",
  Verification: "short-lived sign-in tokens",
  RateLimitBucket: "rate-limit counters that expire within minutes",
  AuthSecret: "cookie-signing key, made afresh on first use",
  PublicDataVersion: "the page cache's change counter: a new database starts its own",
};

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export const orderBy = (table: BackupTable) => table.key.map(quoteIdent).join(", ");
