// The simulated PBX's scheduled conferences: the vendor's three examples first, then as many as
// asked for, made by a seeded faker so that a seed always gives the same data set.
import { Faker, en } from '@faker-js/faker';

/** The vendor's example conferences (its conference/list page), the first three by number. */
export const VENDOR_CONFERENCES = Object.freeze([
  { id: 1, name: 'Sales Weekly Meeting', number: '6500',
    moderator_list: [{ id: '50', name: 'Emily Parker', type: 'extension' }] },
  { id: 2, name: 'Support Case Review', number: '6501',
    moderator_list: [{ id: '47', name: 'Michael Harris', type: 'extension' }] },
  { id: 3, name: 'Marketing Planning Room', number: '6502',
    moderator_list: [
      { id: '55', name: 'Kevin Thompson', type: 'extension' },
      { id: '202', name: 'Krisin Hale', type: 'extension' },
    ] },
]);

const TEAMS = ['Sales', 'Support', 'Marketing', 'Engineering', 'Finance', 'Human Resources', 'Legal',
  'Operations', 'Product', 'Design', 'Procurement', 'Customer Success', 'IT', 'Logistics', 'Quality'];
const MEETINGS = ['Weekly Meeting', 'Daily Standup', 'Planning Room', 'Case Review', 'Sync', 'All-Hands',
  'Retrospective', 'Training Room', 'Briefing', 'Roundtable', 'Budget Review', 'Town Hall'];
const ROOMS = ['Boardroom', 'Huddle Room', 'Conference Bridge', 'Meeting Room', 'Office Bridge'];

function conferenceName(faker) {
  switch (faker.number.int({ min: 0, max: 3 })) {
    case 0:
      return `${faker.person.firstName()}'s ${faker.helpers.arrayElement(['1:1 Room', 'Office Hours', 'Team Call'])}`;
    case 1:
      return `${faker.location.city()} ${faker.helpers.arrayElement(ROOMS)}`;
    default:
      return `${faker.helpers.arrayElement(TEAMS)} ${faker.helpers.arrayElement(MEETINGS)}`;
  }
}

function moderators(faker, index) {
  const list = [];
  const count = faker.number.int({ min: 1, max: 3 });
  for (let i = 0; i < count; i++) {
    // Every fifth conference has an extension group among its moderators, so both types show.
    const group = (i === 0 && index % 5 === 0) || faker.number.float() < 0.15;
    list.push(group
      ? { id: String(faker.number.int({ min: 1, max: 40 })), name: `${faker.helpers.arrayElement(TEAMS)} Team`,
        type: 'ext_group' }
      : { id: String(faker.number.int({ min: 41, max: 999 })), name: faker.person.fullName(),
        type: 'extension' });
  }
  return list;
}

/**
 * `count` conferences, ids from 1 and numbers from 6500 in steps of one, the vendor's three
 * first; names are unique, so that sorting by name has one answer.
 */
export function makeConferences(count, seed) {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const conferences = VENDOR_CONFERENCES.slice(0, count).map(c => structuredClone(c));
  const names = new Set(conferences.map(c => c.name));
  for (let index = conferences.length; index < count; index++) {
    let name = conferenceName(faker);
    for (let attempt = 2; names.has(name); attempt++) {
      name = attempt < 10 ? conferenceName(faker) : `${conferenceName(faker)} ${attempt}`;
    }
    names.add(name);
    conferences.push({ id: index + 1, name, number: String(6500 + index), moderator_list: moderators(faker, index) });
  }
  return conferences;
}

/** Orders as the PBX is assumed to: numbers numerically, names case-insensitively, ties by number. */
export function sortConferences(conferences, sortBy, orderBy) {
  const byNumber = (a, b) => Number(a.number) - Number(b.number);
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const compare = sortBy === 'name' ? (a, b) => collator.compare(a.name, b.name) || byNumber(a, b) : byNumber;
  const sorted = [...conferences].sort(compare);
  return orderBy === 'desc' ? sorted.reverse() : sorted;
}
