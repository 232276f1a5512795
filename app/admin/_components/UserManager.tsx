"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createUserAction, deleteUserAction, resetPasswordAction, updateUserRoleAction } from "@/app/admin/actions";
import { ROLES, roleLabel, type Role } from "@/lib/auth/roles";

type UserRow = { id: string; email: string; name: string; role: Role; services: { slug: string; name: string }[] };

type Outcome = { ok: boolean; message: string; password?: string } | null;

const field = "rounded border-2 border-gray-800 px-2 py-1.5";

export function UserManager({ users, services, selfId }: { users: UserRow[]; services: { slug: string; name: string }[]; selfId: string }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("BOARD");
  const [serviceSlugs, setServiceSlugs] = useState<string[]>([]);

  function run(action: () => Promise<{ ok: boolean; message: string; password?: string }>) {
    startTransition(async () => {
      const result = await action();
      setOutcome(result);
      if (result.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-8">
      {outcome && (
        <div role={outcome.ok ? "status" : "alert"} className={`border-l-4 p-3 ${outcome.ok ? "border-green-900 bg-green-50" : "border-red-800 bg-red-50"}`}>
          <p className="font-semibold">{outcome.message}</p>
          {outcome.password && (
            <p>
              One-time password, shown only now: <code className="bg-white px-1 text-lg" data-testid="one-time-password">{outcome.password}</code>. Give it to the
              person by a safe route.
            </p>
          )}
        </div>
      )}

      <section aria-labelledby="add-user" className="space-y-3">
        <h2 id="add-user" className="text-2xl font-bold">Add a user</h2>
        <form
          className="grid gap-3 md:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => createUserAction({ email, name, role, serviceSlugs: role === "BOARD" ? serviceSlugs : [] }));
          }}
        >
          <label className="space-y-1"><span className="block font-bold">E-mail address</span><input type="email" value={email} onChange={(e) => setEmail(e.target.value)} className={`${field} w-full`} /></label>
          <label className="space-y-1"><span className="block font-bold">Name</span><input value={name} onChange={(e) => setName(e.target.value)} className={`${field} w-full`} /></label>
          <label className="space-y-1">
            <span className="block font-bold">Role</span>
            <select value={role} onChange={(e) => setRole(e.target.value as Role)} className={`${field} w-full`}>
              {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
            </select>
          </label>
          {role === "BOARD" && (
            <label className="space-y-1">
              <span className="block font-bold">Services (board members only; hold Ctrl to choose several)</span>
              <select multiple size={5} value={serviceSlugs} onChange={(e) => setServiceSlugs([...e.target.selectedOptions].map((o) => o.value))} className={`${field} w-full`}>
                {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
              </select>
            </label>
          )}
          <div className="md:col-span-2">
            <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-bold text-white disabled:opacity-60">Add user</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="users" className="space-y-3">
        <h2 id="users" className="text-2xl font-bold">Users</h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-gray-800">
                <th scope="col" className="p-2">User</th>
                <th scope="col" className="p-2">Role</th>
                <th scope="col" className="p-2">Services</th>
                <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-b border-gray-300 align-top" data-user={u.email}>
                  <th scope="row" className="p-2 font-normal"><strong>{u.email}</strong>{u.name && u.name !== u.email ? <><br />{u.name}</> : null}</th>
                  <td className="p-2">{roleLabel(u.role)}</td>
                  <td className="p-2">{u.services.map((s) => s.name).join(", ") || "–"}</td>
                  <td className="space-x-3 p-2 whitespace-nowrap">
                    <button type="button" className="underline" disabled={pending} onClick={() => confirm(`Set a new password for ${u.email}? Their sessions end.`) && run(() => resetPasswordAction({ userId: u.id }))}>
                      New password<span className="sr-only"> for {u.email}</span>
                    </button>
                    {u.id !== selfId && (
                      <button type="button" className="text-red-900 underline" disabled={pending} onClick={() => confirm(`Remove ${u.email}?`) && run(() => deleteUserAction({ userId: u.id }))}>
                        Remove<span className="sr-only"> {u.email}</span>
                      </button>
                    )}
                    {u.id !== selfId && u.role !== "BOARD" && (
                      <button type="button" className="underline" disabled={pending} onClick={() => run(() => updateUserRoleAction({ userId: u.id, role: u.role === "STAFF" ? "ADMIN" : "STAFF", serviceSlugs: [] }))}>
                        Make {u.role === "STAFF" ? "administrator" : "staff"}<span className="sr-only"> ({u.email})</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
