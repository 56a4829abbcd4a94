// Preloaded (node --import) into the second build of scripts/reproducible-build.mjs: the clock
// reads 1 January 2099 and time keeps moving from there. Any date or time the site took from the
// clock rather than from its data, content or SOURCE_DATE_EPOCH would then differ between the builds.
const RealDate = Date;
const offset = RealDate.UTC(2099, 0, 1) - RealDate.now();
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = ShiftedDate;
