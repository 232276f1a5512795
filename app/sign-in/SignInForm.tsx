"use client";
import { useActionState } from "react";
import { signIn, type SignInState } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, { error: null, email: "" });
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && (
        <div role="alert" id="sign-in-error" className="border-l-4 border-red-800 bg-red-50 p-3 text-red-900">
          <p className="font-bold">You are not signed in</p>
          <p>{state.error}</p>
        </div>
      )}
      <input type="hidden" name="next" value={next} />
      <div className="space-y-1">
        <label htmlFor="email" className="block font-bold">E-mail address</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-describedby={state.error ? "sign-in-error" : undefined}
          className="w-full max-w-md rounded border-2 border-gray-800 px-2 py-1.5"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-bold">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full max-w-md rounded border-2 border-gray-800 px-2 py-1.5"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-bold text-white disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
