/**
 * The chart gallery (/charts/ and /charts/maps/): every chart the site draws, from this build's
 * data, in order; a chart whose data the build lacks is left out. The two maps are on a page of
 * their own, so that neither page is over 100 KB gzipped (issue 18's page weight).
 */
import {
  changeMapFigure,
  consortFigure,
  contextChangeFigure,
  programmeMapFigure,
  programmeTrendsFigure,
  schoolFrequencyFigure,
  trialDifferenceFigure,
  trialForestFigure,
} from './siteFigures.ts';
import { authorityTrendFigure } from './contentFigure.ts';
import { contextMeasures, outcomeLabel, participation, siteData, studyWindows } from './siteData.ts';
import { mainWindow } from './programmeChange.ts';
import { hasContext, SUCCESSORS } from './siteFigures.ts';
import { findTrialComparison } from './trialComparison.ts';
import type { SiteFigure } from './siteFigures.ts';

/** One chart of the gallery: its anchor, its name in the list, the page it is on, the figure. */
export interface GallerySection {
  id: string;
  label: string;
  /** The gallery page it is on: the main one, or the maps'. */
  page?: 'maps';
  figure: SiteFigure | null | undefined;
}

/** The gallery's pages, by the `page` of their sections. */
export const GALLERY_PAGES = { main: '/charts/', maps: '/charts/maps/' } as const;

/** Every chart the build can draw, in order, each with the gallery page it is on. */
export function gallerySections(): (GallerySection & { figure: SiteFigure })[] {
  const consort = consortFigure();
  const window = mainWindow(studyWindows());
  const { dataset } = siteData();
  // The example authority: one in the main study, a former authority when there is one, so the chart
  // shows how a series continues through its successors.
  const inStudy = (code: string) => participation(code)[window?.study ?? 'trial'];
  const studyCodes = dataset.authorities.map((a) => a.laCode).filter(inStudy);
  const example = dataset.authorities.find(
    (a) => a.laCode === (studyCodes.find((c) => SUCCESSORS.has(c)) ?? studyCodes[0]),
  );
  const trend = example &&
    hasContext() && {
      ...authorityTrendFigure(example.laCode, 's47_enquiries'),
      heading: 'Trend lines: one authority against England',
    };
  // The first published overall trial result (the primary outcome) is the one a school's natural
  // frequencies are drawn for, at England's official rate of the measure that counts the same
  // events (data/context/measures.csv), as on the schools page; without one, at the control rate.
  const primary = findTrialComparison(siteData().comparisons);
  const primaryMeasure = contextMeasures().find((m) => primary && m.outcome === primary.outcome)?.measure;
  const hasTrial = dataset.trial !== null;
  // Each chart the build can draw, in order; a chart whose data the build lacks is left out.
  const sections: GallerySection[] = [
    {
      id: 'forest',
      label: "Forest plot of the trial's estimates",
      figure: hasTrial ? trialForestFigure() : null,
    },
    {
      id: 'differences',
      label: 'Differences in mean score, on their own scale',
      figure: hasTrial ? trialDifferenceFigure() : null,
    },
    { id: 'consort', label: 'Flow of schools through the trial', figure: consort },
    {
      id: 'frequencies',
      label: 'Natural frequencies for a school',
      figure: primary
        ? schoolFrequencyFigure(1000, {
            outcome: primary.outcome,
            event: 'event',
            events: outcomeLabel(primary.outcome),
            ...(primaryMeasure ? { measure: primaryMeasure } : {}),
          })
        : null,
    },
    {
      id: 'programme-map',
      label: 'Map of the programme',
      page: 'maps',
      figure: window ? programmeMapFigure() : null,
    },
    {
      id: 'map-change',
      page: 'maps',
      label: "Map of a measure's change",
      figure: hasContext() ? changeMapFigure('s47_enquiries') : null,
    },
    {
      id: 'change',
      label: 'Before and after, per authority',
      figure: hasContext() ? contextChangeFigure('referrals') : null,
    },
    {
      id: 'multiples',
      label: 'Trends in every programme authority',
      figure: hasContext() ? programmeTrendsFigure('s47_enquiries') : null,
    },
    { id: 'trend', label: 'Trend lines for one authority', figure: trend || null },
  ];
  return sections.filter((s): s is GallerySection & { figure: SiteFigure } => !!s.figure);
}
