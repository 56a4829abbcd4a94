/**
 * The licences on a findings page: official statistics under the OGL; the rest is the project's
 * own, named with who to credit in content/site.yaml's `citation` (src/lib/content/siteConfig.ts).
 */
export const LICENCES = {
  official: {
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  },
} as const;
