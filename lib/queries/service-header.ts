import { PUBLIC_VIEWER, type Viewer } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";
import { serviceList, type ServiceListRow } from "./service-list";

/** One service's list row (name, area, latest visible inspection), or null for an unknown slug. */
export async function serviceHeader(slug: string, viewer: Viewer = PUBLIC_VIEWER, database: Db = defaultDb()): Promise<ServiceListRow | null> {
  const exists = await database.service.findUnique({ where: { slug }, select: { id: true } });
  if (!exists) return null;
  const rows = await serviceList(viewer, database);
  return rows.find((r) => r.slug === slug) ?? null;
}
