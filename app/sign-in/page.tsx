import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/next-path";
import { SIGN_IN_LIMITS } from "@/lib/auth/rate-limit";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "./SignInForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentUser()) redirect(next);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Sign in to the back office</h1>
      {params.signedOut === "1" && <p role="status" className="border-l-4 border-brand bg-blue-50 p-3">You have signed out.</p>}
      <p>
        For inspectorate staff, who record and publish inspections, and for youth justice board members, who can read their own
        service&apos;s results before they are published. Everyone else can use the rest of this site without an account.
      </p>
      <SignInForm next={next} />
      <p className="text-sm text-gray-700">
        Accounts are made by an administrator: there is no sign-up. After {SIGN_IN_LIMITS.account.max} attempts that fail, the account is locked for {SIGN_IN_LIMITS.account.window / 60} minutes.
      </p>
    </div>
  );
}
