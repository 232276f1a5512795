import type { Metadata } from "next";
import { Prose } from "@/components/content/Prose";

export const metadata: Metadata = {
  title: "Accessibility statement",
  description: "How accessible this youth justice inspection outcomes website is, what we test, known issues and how to contact us.",
};

export default function AccessibilityPage() {
  return (
    <Prose>
      <h1 className="text-3xl font-bold">Accessibility statement</h1>
      <p>
        This statement applies to the youth justice inspection outcomes website. We want as many people as possible to be
        able to use it. You should be able to:
      </p>
      <ul>
        <li>change colours, contrast levels and fonts using your browser or device settings;</li>
        <li>zoom in up to 400% without the text spilling off the screen;</li>
        <li>navigate the whole site using just a keyboard;</li>
        <li>navigate most of the site using speech recognition software;</li>
        <li>listen to the site using a screen reader;</li>
        <li>read every chart as a table of the same numbers, and download those numbers;</li>
        <li>find out what any rating or standard number means without leaving the page: select it for a short explanation;</li>
        <li>use the site in a high-contrast (forced colours) mode, and with animations turned off.</li>
      </ul>
      <p>Ratings are never shown by colour alone: each carries its word and letters.</p>

      <h2 id="compliance">Compliance status</h2>
      <p>
        We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 to level AA. This website is partially
        compliant: automated checks find no failure, but it has not yet been tested by people using assistive technology,
        and automated checks do not find every problem.
      </p>

      <h2 id="testing">How we tested this website</h2>
      <p>In every test run, in a real browser, with the real data:</p>
      <ul>
        <li>
          every page, public and staff-only, is checked against the WCAG 2.0, 2.1 and 2.2 A and AA rules (with the axe
          checker), as it loads, with its expandable sections and explanations open, and as printed;
        </li>
        <li>
          every public page is used with the keyboard alone from the skip link to the footer, checking that focus can
          always be seen and never gets stuck, and the heatmap is moved through cell by cell with the arrow keys;
        </li>
        <li>every public page is shown 320 pixels wide (like 400% zoom) and checked for sideways scrolling;</li>
        <li>pages are shown in forced colours and with reduced motion.</li>
      </ul>

      <h2 id="known-issues">Known issues</h2>
      <ul>
        <li>
          Some inspection records have only a month or a year for their dates, and many have only an overall rating. This is a
          limit of the published information, not of the website: the site says &ldquo;not recorded&rdquo; where a figure is missing.
        </li>
        <li>Links to the inspectorate&apos;s reports go to PDF documents on its website, which may not be fully accessible.</li>
        <li>
          A chart is read by a screen reader as a single image with a description; its numbers are in the table beneath it.
          Where a bar segment is too narrow for its letters, the table is the way to tell its rating without colour.
        </li>
      </ul>

      <h2 id="feedback">Feedback and contact</h2>
      <p>
        If you find a problem with the accessibility of this website, or need information from it in a different format,
        please tell us by opening an issue in this project&apos;s public code repository, saying which page and what went wrong.
        We aim to reply within 10 working days.
      </p>

      <h2 id="enforcement">Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and
        Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your
        complaint, contact the Equality Advisory and Support Service (EASS).
      </p>

      <h2 id="prepared">Preparation of this statement</h2>
      <p>This statement was prepared on 24 November 2026 and last reviewed on 1 December 2026. It is reviewed whenever the
        site&apos;s pages change significantly.</p>
    </Prose>
  );
}
