import { migrate } from "../lib/db/migrate";
import { runScript, withDatabase } from "./database";

runScript(async () => {
  const applied = await withDatabase((url) => migrate(url));
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database schema is up to date");
});
