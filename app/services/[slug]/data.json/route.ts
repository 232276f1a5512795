// GET /services/<slug>/data.json: the whole scorecard as JSON.
import { guarded } from "@/lib/api/http";
import { describeProblems, noParameters, parseParameters } from "@/lib/api/parameters";
import { jsonDownload, problem } from "../download-response";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return guarded(async () => {
    const parsed = parseParameters(noParameters, new URL(request.url).searchParams);
    if (!parsed.ok) return problem(400, `Bad request: ${describeProblems(parsed.problems)}.`);
    const { slug } = await params;
    return jsonDownload(slug);
  });
}
