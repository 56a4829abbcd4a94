declare namespace App {
  interface Locals {
    /** The MDX file the page is rendering, so components can name it in their errors. */
    contentFile?: string;
  }
}
