// Reads an iCalendar document on stdin with ical.js (an independent parser, from npm) and prints
// what the calendar tests check, as JSON. Usage: node ics-to-json.mjs <ical.js package folder> <from year> <to year>
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [packageDir, fromYear, toYear] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(path.join(packageDir, 'dist', 'ical.js')).href)).default;

let text = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) {
  text += chunk;
}

// The calendar's name and description are TEXT by convention (as Apple, Google and Outlook read them);
// ical.js leaves unknown properties raw unless told their type.
for (const name of ['x-wr-calname', 'x-wr-caldesc']) {
  ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

const calendar = new ICAL.Component(ICAL.parse(text));
const value = (component, name) => {
  const property = component.getFirstProperty(name);
  return property ? property.getFirstValue()?.toString() ?? null : null;
};

const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  // Expand the recurrence the way a client would, keeping the occurrences in the years asked for.
  const occurrences = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && next.year <= Number(toYear); next = iterator.next()) {
    if (next.year >= Number(fromYear)) {
      occurrences.push(next.toString());
    }
  }

  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    url: value(vevent, 'url'),
    dtstart: event.startDate.toString(),
    isDate: event.startDate.isDate,
    rrule: value(vevent, 'rrule'),
    categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues()),
    occurrences,
  };
});

process.stdout.write(JSON.stringify({
  name: value(calendar, 'x-wr-calname'),
  description: value(calendar, 'x-wr-caldesc'),
  prodid: value(calendar, 'prodid'),
  refreshInterval: value(calendar, 'refresh-interval'),
  publishedTtl: value(calendar, 'x-published-ttl'),
  events,
}));
