import type { StateRow } from './state-row.js';
import { alabama } from './states/alabama.js';
import { california } from './states/california.js';
import { colorado } from './states/colorado.js';
import { connecticut } from './states/connecticut.js';
import { florida } from './states/florida.js';
import { illinois } from './states/illinois.js';
import { indiana } from './states/indiana.js';
import { kentucky } from './states/kentucky.js';
import { louisiana } from './states/louisiana.js';
import { maine } from './states/maine.js';
import { maryland } from './states/maryland.js';
import { massachusetts } from './states/massachusetts.js';
import { michigan } from './states/michigan.js';
import { minnesota } from './states/minnesota.js';
import { mississippi } from './states/mississippi.js';
import { missouri } from './states/missouri.js';
import { nevada } from './states/nevada.js';
import { newJersey } from './states/new-jersey.js';
import { newMexico } from './states/new-mexico.js';
import { newYork } from './states/new-york.js';
import { northCarolina } from './states/north-carolina.js';
import { oklahoma } from './states/oklahoma.js';
import { oregon } from './states/oregon.js';
import { pennsylvania } from './states/pennsylvania.js';
import { rhodeIsland } from './states/rhode-island.js';
import { southCarolina } from './states/south-carolina.js';
import { southDakota } from './states/south-dakota.js';
import { tennessee } from './states/tennessee.js';
import { texas } from './states/texas.js';
import { utah } from './states/utah.js';
import { virginia } from './states/virginia.js';
import { washington } from './states/washington.js';
import { wyoming } from './states/wyoming.js';

/** Every state with telemarketing rules of its own, one file each under states/; a state without a row adds nothing. */
export const STATE_TABLE: readonly StateRow[] = [
  alabama,
  california,
  colorado,
  connecticut,
  florida,
  illinois,
  indiana,
  kentucky,
  louisiana,
  maine,
  maryland,
  massachusetts,
  michigan,
  minnesota,
  mississippi,
  missouri,
  nevada,
  newJersey,
  newMexico,
  newYork,
  northCarolina,
  oklahoma,
  oregon,
  pennsylvania,
  rhodeIsland,
  southCarolina,
  southDakota,
  tennessee,
  texas,
  utah,
  virginia,
  washington,
  wyoming,
];

/** The row of a state, by code. */
export const STATE_ROWS: ReadonlyMap<string, StateRow> = new Map(STATE_TABLE.map((row) => [row.state, row]));
