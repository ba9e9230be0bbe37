/**
 * Figures in the source documents that are deliberately not quoted by any fact, each with
 * the reason. Everything else — every year, money amount and percentage — must stand in a
 * quote from the same document (and, in the forum thread, the same post).
 */
export interface NumberSkip {
  document: string;
  post?: number;
  text: string;
  why: string;
}

export const NUMBER_SKIPS: NumberSkip[] = [
  // Page furniture: capture dates, copyright lines and view counters, not facts about the subject.
  {
    document: '000_373c4ca7ee6fd399',
    text: '2018',
    why: 'also the "Global Research, August 10, 2018" byline and copyright line',
  },
  {
    document: '003_a6bf72930ec1419b',
    text: '2019',
    why: 'also the "Global Research, July 09, 2019" byline and copyright line',
  },
  { document: '001_8c441e2d551f0940', text: '2019', why: 'also the "13th April, 2019" posting date' },
  {
    document: '002_d57abdb7534d7e89',
    post: 1,
    text: '2015',
    why: 'the reposted article\'s date line "September 27, 2015"; facts carry the date in their date field',
  },
  // Forum join dates and edit stamps describe members, not Russia–Pakistan relations.
  { document: '002_d57abdb7534d7e89', post: 1, text: '2009', why: "Neo's forum join date (Feb 17, 2009)" },
  { document: '002_d57abdb7534d7e89', post: 3, text: '2009', why: "Neo's forum join date (Feb 17, 2009)" },
  { document: '002_d57abdb7534d7e89', post: 4, text: '2013', why: "prohumanity's forum join date" },
  { document: '002_d57abdb7534d7e89', post: 5, text: '2009', why: "rock127's forum join date" },
  { document: '002_d57abdb7534d7e89', post: 5, text: '2015', why: 'the "Last edited: Oct 1, 2015" stamp' },
  { document: '002_d57abdb7534d7e89', post: 6, text: '2009', why: "LETHALFORCE's forum join date" },
  { document: '002_d57abdb7534d7e89', post: 7, text: '2009', why: "sob's forum join date" },
  { document: '002_d57abdb7534d7e89', post: 8, text: '2012', why: "Mad Indian's forum join date" },
  { document: '002_d57abdb7534d7e89', post: 9, text: '2014', why: "Sylex21's forum join date" },
];
