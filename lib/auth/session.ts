// Who is signed in, as the rest of the app needs it: a user with a role and,
// for a board member, the services whose board they sit on.
import { headers } from "next/headers";
import { cache } from "react";
import { db as defaultDb, type Db } from "../db/client";
import { getAuth } from "./auth";
import { isRole, type Role } from "./roles";
import { PUBLIC_VIEWER, type Viewer } from "./visibility";

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Services whose board the user sits on (board members only). */
  serviceIds: number[];
};

/** The signed-in user of a user id, read fresh from the database (role changes apply at once). */
export async function loadSignedInUser(userId: string, database: Db = defaultDb()): Promise<SignedInUser | null> {
  const user = await database.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, boardServices: { select: { serviceId: true } } },
  });
  if (!user || !isRole(user.role)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    serviceIds: user.role === "BOARD" ? user.boardServices.map((b) => b.serviceId).sort((a, b) => a - b) : [],
  };
}

/** The user of the current request's session cookie, or null. Once per request. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  return loadSignedInUser(session.user.id);
});

/** What a user may read under the visibility rule. */
export function viewerOf(user: SignedInUser | null): Viewer {
  if (!user) return PUBLIC_VIEWER;
  switch (user.role) {
    case "ADMIN":
      return { kind: "admin" };
    case "STAFF":
      return { kind: "staff" };
    case "BOARD":
      return { kind: "board", serviceIds: user.serviceIds };
  }
}

/** The viewer of the current request: public unless signed in. */
export async function currentViewer(): Promise<Viewer> {
  return viewerOf(await currentUser());
}
