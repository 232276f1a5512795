import type { Metadata } from "next";
import Link from "next/link";
import { signOut } from "@/app/sign-in/actions";
import { hasPermission, roleLabel } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = {
  title: { default: "Back office", template: "%s · Back office · Youth justice inspection outcomes" },
  robots: { index: false, follow: false },
};

// Each page checks the session and role itself; this layout only draws the navigation.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <div className="space-y-6">
      {user && (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b-2 border-gray-300 pb-3">
          <nav aria-label="Back office">
            <ul className="flex flex-wrap gap-x-5 gap-y-2">
              <li><Link href="/admin">Inspections</Link></li>
              {hasPermission(user.role, "inspections.edit") && <li><Link href="/admin/inspections/new">New inspection</Link></li>}
              {hasPermission(user.role, "inspections.edit") && <li><Link href="/admin/import">Import</Link></li>}
              {hasPermission(user.role, "users.manage") && <li><Link href="/admin/users">Users</Link></li>}
              {hasPermission(user.role, "audit.read") && <li><Link href="/admin/audit">Audit log</Link></li>}
            </ul>
          </nav>
          <form action={signOut} className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              Signed in as <strong>{user.email}</strong> ({roleLabel(user.role)})
            </span>
            <button type="submit" className="rounded border-2 border-gray-800 px-3 py-1 font-semibold">Sign out</button>
          </form>
        </div>
      )}
      {children}
    </div>
  );
}
