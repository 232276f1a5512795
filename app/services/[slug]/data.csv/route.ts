// GET /services/<slug>/data.csv[?table=inspections|key-questions|comparison|score-distribution]
import { z } from "zod";
import { guarded } from "@/lib/api/http";
import { describeProblems, parseParameters } from "@/lib/api/parameters";
import { csvDownload, problem } from "../download-response";

export const dynamic = "force-dynamic";

// Which table is checked by csvDownload, with its own message; here, that nothing else is asked.
const parameters = z.strictObject({ table: z.string().max(100).optional() });

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return guarded(async () => {
    const parsed = parseParameters(parameters, new URL(request.url).searchParams);
    if (!parsed.ok) return problem(400, `Bad request: ${describeProblems(parsed.problems)}.`);
    const { slug } = await params;
    return csvDownload(slug, parsed.value.table ?? null);
  });
}
