// The licence and attribution every API response and download carries.
export const ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0";
export const LICENCE_NAME = "Open Government Licence v3.0";
export const LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

/** The `meta` block of every JSON response. */
export const LICENCE_META = {
  attribution: ATTRIBUTION,
  licence: { name: LICENCE_NAME, url: LICENCE_URL },
  source: "HM Inspectorate of Probation inspections of youth justice services, as recorded by this dashboard; each inspection lists its own sources.",
} as const;
