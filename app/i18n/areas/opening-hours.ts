/**
 * A producer's opening hours as a week table (issue 12, second round): the table they fill on their
 * organisation page and the one their public page shows. French first; en has the same keys.
 */
export const openingHoursFr = {
  "directory.field.week.legend": "Horaires d'ouverture, jour par jour",
  "directory.field.week.hint": "Jusqu'à deux plages par jour (le matin, l'après-midi). Un jour sans horaire est fermé. Heure de Paris.",
  "directory.field.week.day.1": "Lundi",
  "directory.field.week.day.2": "Mardi",
  "directory.field.week.day.3": "Mercredi",
  "directory.field.week.day.4": "Jeudi",
  "directory.field.week.day.5": "Vendredi",
  "directory.field.week.day.6": "Samedi",
  "directory.field.week.day.7": "Dimanche",
  "directory.field.week.opens": "{day}, plage {range} : ouverture",
  "directory.field.week.closes": "{day}, plage {range} : fermeture",
  "directory.field.week.from": "De",
  "directory.field.week.to": "à",
  "directory.field.week.time": "Heure attendue au format hh:mm, par exemple 09:30.",
  "directory.field.week.incomplete": "Indiquez l'heure d'ouverture et l'heure de fermeture de cette plage.",
  "directory.field.week.order": "La fermeture doit venir après l'ouverture.",
  "directory.field.week.overlap": "La seconde plage commence après la fermeture de la première.",
  "directory.field.week.closed": "Fermé",
  "directory.field.week.range": "{opens} – {closes}",
  "directory.field.week.note": "À savoir",
};

export const openingHoursEn: Record<keyof typeof openingHoursFr, string> = {
  "directory.field.week.legend": "Opening hours, day by day",
  "directory.field.week.hint": "Up to two ranges a day (morning, afternoon). A day without hours is closed. Paris time.",
  "directory.field.week.day.1": "Monday",
  "directory.field.week.day.2": "Tuesday",
  "directory.field.week.day.3": "Wednesday",
  "directory.field.week.day.4": "Thursday",
  "directory.field.week.day.5": "Friday",
  "directory.field.week.day.6": "Saturday",
  "directory.field.week.day.7": "Sunday",
  "directory.field.week.opens": "{day}, range {range}: opens",
  "directory.field.week.closes": "{day}, range {range}: closes",
  "directory.field.week.from": "From",
  "directory.field.week.to": "to",
  "directory.field.week.time": "A time as hh:mm is expected, for example 09:30.",
  "directory.field.week.incomplete": "Give both the opening and the closing time of this range.",
  "directory.field.week.order": "Closing must come after opening.",
  "directory.field.week.overlap": "The second range starts after the first one closes.",
  "directory.field.week.closed": "Closed",
  "directory.field.week.range": "{opens} – {closes}",
  "directory.field.week.note": "Good to know",
};
