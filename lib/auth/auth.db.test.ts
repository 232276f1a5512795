// better-auth over Prisma 7's generated client, against a real PostgreSQL:
// sign-in, scrypt hashes, session cookies, no sign-up, and the sign-in limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../audit/audit-log";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { createUser } from "../admin/users";
import { createAuth, type Auth } from "./auth";
import { accountKey, addressKey, consumeRateLimit, SIGN_IN_LIMITS } from "./rate-limit";
import { authSecret } from "./secret";
import { loadSignedInUser, viewerOf } from "./session";

const PASSWORD = "correct horse battery staple";

function request(path: string, body: unknown, address = "203.0.113.7") {
  return new Request(`http://127.0.0.1:3999/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://127.0.0.1:3999", "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
}

describe("sign-in", () => {
  let test: TestDatabase;
  let auth: Auth;

  beforeAll(async () => {
    test = await createTestDatabase();
    await test.db.service.create({ data: { slug: "wiltshire", name: "Wiltshire", nation: "ENGLAND", sourceUrls: [] } });
    await createUser(test.db, COMMAND_LINE, { email: "Staff@Example.org", name: "Staff", role: "STAFF", serviceSlugs: [], password: PASSWORD });
    await createUser(test.db, COMMAND_LINE, { email: "board@example.org", name: "", role: "BOARD", serviceSlugs: ["wiltshire"], password: PASSWORD });
    auth = await createAuth(test.db);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("stores an scrypt hash, never the password", async () => {
    const account = await test.db.account.findFirstOrThrow({ where: { user: { email: "staff@example.org" } } });
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain(PASSWORD);
    // better-auth's scrypt format: salt:key in hex.
    expect(account.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });

  it("signs in with the right password and sets an httpOnly, SameSite=Lax session cookie", async () => {
    const response = await auth.handler(request("/sign-in/email", { email: "staff@example.org", password: PASSWORD }));
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/yjs\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await test.db.session.count()).toBe(1);

    const token = /yjs\.session_token=([^;]+)/.exec(cookie)![1]!;
    const session = await auth.api.getSession({ headers: new Headers({ cookie: `yjs.session_token=${token}` }) });
    expect(session?.user.email).toBe("staff@example.org");
    const user = await loadSignedInUser(session!.user.id, test.db);
    expect(user).toMatchObject({ role: "STAFF", serviceIds: [] });
    expect(viewerOf(user)).toEqual({ kind: "staff" });
  });

  it("gives a board member a board viewer over their services", async () => {
    const board = await test.db.user.findUniqueOrThrow({ where: { email: "board@example.org" } });
    const service = await test.db.service.findUniqueOrThrow({ where: { slug: "wiltshire" } });
    expect(viewerOf(await loadSignedInUser(board.id, test.db))).toEqual({ kind: "board", serviceIds: [service.id] });
  });

  it("refuses a wrong password and an unknown account with the same answer", async () => {
    const wrong = await auth.handler(request("/sign-in/email", { email: "board@example.org", password: "not the password" }, "203.0.113.8"));
    const unknown = await auth.handler(request("/sign-in/email", { email: "nobody@example.org", password: "not the password" }, "203.0.113.8"));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("lets no one sign up", async () => {
    const response = await auth.handler(request("/sign-up/email", { email: "new@example.org", password: PASSWORD, name: "New" }));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await test.db.user.count({ where: { email: "new@example.org" } })).toBe(0);
  });

  it("limits attempts per account, even from many addresses, and holds out the right password too", async () => {
    const email = "board@example.org";
    await test.db.rateLimitBucket.deleteMany();
    for (let i = 0; i < SIGN_IN_LIMITS.account.max; i++) {
      const r = await auth.handler(request("/sign-in/email", { email, password: `wrong ${i}` }, `198.51.100.${i + 1}`));
      expect(r.status).toBe(401);
    }
    const blocked = await auth.handler(request("/sign-in/email", { email, password: PASSWORD }, "198.51.100.99"));
    expect(blocked.status).toBe(429);
    expect(JSON.stringify(await blocked.json())).toMatch(/Too many sign-in attempts/);
    // Another account is not affected.
    const other = await auth.handler(request("/sign-in/email", { email: "staff@example.org", password: PASSWORD }, "198.51.100.100"));
    expect(other.status).toBe(200);
  });

  it("limits attempts per address across accounts", async () => {
    await test.db.rateLimitBucket.deleteMany();
    const address = "192.0.2.55";
    // Earlier attempts from the address, as if guessing other accounts (counted by the same store).
    for (let i = 0; i < SIGN_IN_LIMITS.address.max - 1; i++) {
      await consumeRateLimit(test.db, addressKey(address), SIGN_IN_LIMITS.address);
    }
    const last = await auth.handler(request("/sign-in/email", { email: "guess@example.org", password: "guess" }, address));
    expect(last.status).toBe(401);
    const blocked = await auth.handler(request("/sign-in/email", { email: "staff@example.org", password: PASSWORD }, address));
    expect(blocked.status).toBe(429);
    const elsewhere = await auth.handler(request("/sign-in/email", { email: "staff@example.org", password: PASSWORD }, "192.0.2.56"));
    expect(elsewhere.status).toBe(200);
  });

  it("counts concurrent attempts exactly (one statement per attempt)", async () => {
    await test.db.rateLimitBucket.deleteMany();
    const key = accountKey("race@example.org");
    const results = await Promise.all(Array.from({ length: 12 }, () => consumeRateLimit(test.db, key, { window: 60, max: 5 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(results.find((r) => !r.allowed)?.retryAfter).toBeGreaterThan(0);
  });

  it("makes one signing key and keeps it; BETTER_AUTH_SECRET overrides it and must be long", async () => {
    const first = await authSecret(test.db, {});
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(await authSecret(test.db, {})).toBe(first);
    expect(await authSecret(test.db, { BETTER_AUTH_SECRET: "x".repeat(40) })).toBe("x".repeat(40));
    await expect(authSecret(test.db, { BETTER_AUTH_SECRET: "short" })).rejects.toThrow(/at least 32/);
  });
});
