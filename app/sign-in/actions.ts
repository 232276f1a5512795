"use server";
// Sign-in and sign-out as server actions: each checks Origin itself, and the
// sign-in limits apply inside better-auth (lib/auth/auth.ts).
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/next-path";
import { isSameOrigin } from "@/lib/auth/origin";

export type SignInState = { error: string | null; email: string };

const signInSchema = z.object({
  email: z
    .string({ error: "Enter your e-mail address, like name@example.org." })
    .trim()
    .toLowerCase()
    .max(320, "That e-mail address is too long: at most 320 characters.")
    .pipe(z.email({ error: "Enter your e-mail address, like name@example.org." })),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(256, "That password is too long: at most 256 characters."),
});

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const requestHeaders = await headers();
  if (!(formData instanceof FormData)) return { error: "The sign-in request was not understood: it did not come from the sign-in form.", email: "" };
  const rawEmail = formData.get("email");
  const email = typeof rawEmail === "string" ? rawEmail.slice(0, 320) : "";
  if (!isSameOrigin(requestHeaders)) return { error: "This request did not come from this site, so it was refused.", email };
  const parsed = signInSchema.safeParse({ email: rawEmail ?? "", password: formData.get("password") ?? "" });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, email };
  try {
    const auth = await getAuth();
    await auth.api.signInEmail({ body: parsed.data, headers: requestHeaders });
  } catch (error) {
    // isAPIError, not instanceof: the error class may come from another copy of the module.
    if (isAPIError(error) && error.statusCode === 429) return { error: error.message, email };
    if (isAPIError(error) && (error.statusCode === 401 || error.statusCode === 400)) {
      return { error: "The e-mail address or the password is not right.", email };
    }
    throw error;
  }
  redirect(safeNextPath(formData.get("next")));
}

export async function signOut(): Promise<void> {
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) return;
  const auth = await getAuth();
  await auth.api.signOut({ headers: requestHeaders });
  redirect("/sign-in?signedOut=1");
}
