// GET /services/<slug>/data.json: the whole scorecard as JSON.
import { jsonDownload } from "../download-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return jsonDownload(slug);
}
