// Checks that every back-office page and server action makes for itself:
// never trust that a page only shows a control to those allowed to use it.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { isSameOrigin } from "./origin";
import { hasPermission, type Permission } from "./roles";
import { currentUser, type SignedInUser } from "./session";

/**
 * For a page: the signed-in user, or a redirect to the sign-in page; a user
 * without `permission` gets "page not found", which reveals nothing.
 */
export async function requirePageUser(path: string, permission?: Permission): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (permission && !hasPermission(user.role, permission)) notFound();
  return user;
}

export type ActionRefusal = {
  ok: false;
  code: "CROSS_ORIGIN" | "UNAUTHENTICATED" | "FORBIDDEN";
  message: string;
};

/** For a server action: the user when the request is same-origin, signed in and allowed; else a refusal. */
export async function authoriseAction(
  permission: Permission | null,
): Promise<{ ok: true; user: SignedInUser } | ActionRefusal> {
  if (!isSameOrigin(await headers())) {
    return { ok: false, code: "CROSS_ORIGIN", message: "This request did not come from this site's own pages, so it was refused." };
  }
  const user = await currentUser();
  if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "You are not signed in, or your session has ended. Sign in and try again." };
  if (permission && !hasPermission(user.role, permission)) {
    return { ok: false, code: "FORBIDDEN", message: "Your account is not allowed to do this." };
  }
  return { ok: true, user };
}
