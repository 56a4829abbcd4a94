declare namespace App {
  interface Locals {
    /** The MDX file the page is rendering, so components can name it in their errors. */
    contentFile?: string;
    /**
     * The release whose numbers the page shows (src/site/pins.ts): a version, or null for results
     * not yet released. Result components read it; absent means the current results.
     */
    pin?: string | null;
  }
}
