import type { Metadata } from "next";
import { UserManager } from "@/app/admin/_components/UserManager";
import { serviceOptions } from "@/lib/admin/inspection-detail";
import { listUsers } from "@/lib/admin/users";
import { requirePageUser } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("/admin/users", "users.manage");
  const [users, services] = await Promise.all([listUsers(db()), serviceOptions()]);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Users</h1>
      <p>
        Administrators manage users and can do what staff do. Staff record, edit and publish inspections. Board members read their own
        services&apos; inspections from the moment they are embargoed, and cannot change anything. A new user gets a one-time password,
        shown once here.
      </p>
      <UserManager users={users} services={services} selfId={user.id} />
    </div>
  );
}
