/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const spaceNavFr = {
  // The phone menu of the producer's and the charity's spaces: every section one tap away.
  "space.menu": "Rubriques",
  "space.menuCurrent": "Rubriques : {section}",
};

export const spaceNavEn: Record<keyof typeof spaceNavFr, string> = {
  "space.menu": "Sections",
  "space.menuCurrent": "Sections: {section}",
};
