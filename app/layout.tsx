import type { Metadata } from "next";
import { GlossaryPopovers } from "@/components/glossary/GlossaryPopovers";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import "./globals.css";

export const metadata: Metadata = {
  // Absolute addresses for social preview images: SITE_URL is the public address (e.g. https://example.org).
  ...(process.env.SITE_URL ? { metadataBase: new URL(process.env.SITE_URL) } : {}),
  title: { default: "Youth justice inspection outcomes", template: "%s · Youth justice inspection outcomes" },
  description:
    "HM Inspectorate of Probation ratings for every youth justice service in England and Wales: scorecards, comparisons and data.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-yellow-300 focus:p-2 focus:text-black">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        <SiteFooter />
        <GlossaryPopovers />
      </body>
    </html>
  );
}
