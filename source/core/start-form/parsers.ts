/** What the effect runner imports when a runbook or a TargetLocations file is read (one chunk, with yaml). */
export {parseRunbookParameters} from './parameter-spec.js';
export {parseTargetLocationsFile} from './target-locations-file.js';
