// GET /services/<slug>/data.csv[?table=inspections|key-questions|comparison|score-distribution]
import { csvDownload } from "../download-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return csvDownload(slug, new URL(request.url).searchParams.get("table"));
}
